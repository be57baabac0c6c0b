"""The language resources are data: every file of kg/lang/en/ is loaded, a bad file fails with one
clear line, and extraction reads the loaded data (an edited copy changes what it finds)."""

from __future__ import annotations

import shutil
from dataclasses import fields
from importlib import resources
from pathlib import Path

import pytest

import kg
import kg.lang
from kg.errors import ConfigError
from kg.extract import extract, mentions, pair_relations_of
from kg.lang import Lexicon, lexicon, load_lexicon
from kg.model import Document

EN = Path(str(resources.files("kg.lang").joinpath("en")))


@pytest.fixture
def edited(tmp_path):
    """A copy of the English resources to edit: ``edit(name, old, new)`` changes a file, ``load()`` reads it."""
    folder = tmp_path / "en"
    shutil.copytree(EN, folder)

    class Copy:
        path = folder

        @staticmethod
        def edit(name: str, old: str, new: str) -> None:
            text = (folder / name).read_text(encoding="utf-8")
            assert old in text, f"{old!r} not in {name}"
            (folder / name).write_text(text.replace(old, new), encoding="utf-8")

        @staticmethod
        def load() -> Lexicon:
            return load_lexicon(folder)

    return Copy


def test_every_data_file_is_read_and_every_list_has_entries():
    files = {spec.metadata["file"] for spec in fields(Lexicon) if "file" in spec.metadata}
    on_disk = {path.relative_to(EN).as_posix() for path in EN.rglob("*") if path.is_file()}
    assert on_disk - files == {"patterns/nominal.json"}  # patterns/ is read as a folder, by file name
    assert files <= on_disk
    en = lexicon("en")
    assert set(en.patterns) == {"nominal"}
    for spec in fields(Lexicon):
        assert getattr(en, spec.name), f"{spec.name} is empty"
    # comments and blank lines are not entries; entries keep their case
    assert "Mr" in en.honorifics and not any(w.startswith("#") or w != w.strip() for w in en.say_verbs)
    assert en.deverbal_nouns["call"] == "call for" and ("put", "end") in en.light_verb_nouns
    assert en.month_numbers["sept"] == 9 and en.weekday_numbers["monday"] == 0
    assert lexicon("en") is en  # read once


def test_the_patterns_name_word_lists_that_are_filled_in():
    lemmas = [
        node["RIGHT_ATTRS"]["LEMMA"]["IN"]
        for entry in lexicon().patterns["nominal"]
        for node in entry["pattern"]
        if isinstance(node.get("RIGHT_ATTRS", {}).get("LEMMA"), dict)
    ]
    assert sorted(lexicon().deverbal_nouns) in lemmas


def test_honorifics_titles_and_organisation_suffixes_are_each_one_list_with_marks():
    en = lexicon()
    assert {"Mrs", "Madam"} <= en.female_honorifics <= en.honorifics and "Mr" in en.male_honorifics
    assert "President" in en.titles & en.honorifics  # "President Kennedy": a name and a role
    assert "Prime" in en.titles and "Prime" not in en.honorifics  # a role's word, no honorific by itself
    assert "Party" in en.organisation_suffixes <= en.organisation_words and "Ministry" not in en.organisation_suffixes
    # "M Williams" in a BBC line-up is Martyn Williams: M says he is a man, but stays part of the name
    assert "M" in en.male_honorifics and "M" not in en.honorifics and "Monsieur" in en.honorifics


def test_an_initial_is_not_taken_for_an_honorific(nlp):
    from kg.extract import extract

    text = "Wales team\nS Williams (Ospreys), M Williams (Blues) and Mr Jones played. M Williams scored."
    document = kg.document(text, doc_id="lineup")
    found = extract(document, nlp(text))
    assert all(m.typed_by != "honorific" for m in found.mentions if m.text.startswith("M "))


def test_an_unknown_mark_fails_naming_the_line(edited):
    edited.edit("honorifics.txt", "Mrs female", "Mrs femail")
    expected = r"honorifics.txt:\d+: unknown mark 'femail' \(expected female, initial, male, role, title\)$"
    with pytest.raises(ConfigError, match=expected):
        edited.load()


def test_a_missing_file_fails_with_one_line_naming_it(edited):
    (edited.path / "say_verbs.txt").unlink()
    with pytest.raises(ConfigError) as error:
        edited.load()
    assert "say_verbs.txt: language data file missing" in str(error.value)
    assert "\n" not in str(error.value)


def test_a_bad_line_fails_with_one_line_naming_the_file_and_line(edited):
    edited.edit("deverbal_nouns.tsv", "offer\toffer", "offer offer")
    with pytest.raises(
        ConfigError, match=r"deverbal_nouns.tsv:6: expected 2 or 3 tab-separated fields, got 'offer offer'$"
    ):
        edited.load()


def test_a_pattern_naming_an_unknown_list_fails(edited):
    edited.edit("patterns/nominal.json", "$DEVERBAL_NOUNS", "$DEVERBAL_NOUNZ")
    with pytest.raises(ConfigError, match=r"nominal.json: \$DEVERBAL_NOUNZ names no word list"):
        edited.load()


def test_an_unknown_language_says_which_there_are():
    with pytest.raises(ConfigError, match=r"^no language resources for 'de' \(kg/lang/de/\); kg has: en$"):
        lexicon("de")


def test_the_pair_classifier_needs_a_relation_for_each_of_its_labels(edited):
    edited.edit("pair_relations.tsv", "Kill\tkill\tperson\tperson\n", "")
    with pytest.raises(ConfigError, match=r"pair_relations.tsv: no row for the pair model's labels Kill$"):
        edited.load()


# --- extraction reads the data --------------------------------------------------------------------


def _extract(nlp, text: str):
    doc = nlp(text)
    return doc, extract(Document(id="d", text=text), doc)


@pytest.mark.model
def test_an_edited_word_list_changes_what_extraction_reads(nlp, edited, monkeypatch):
    text = "The GNA said Haftar attacked Tripoli."
    _, before = _extract(nlp, text)
    [attack] = [r for r in before.relations if r.predicate == "attack"]
    assert attack.attribution.label == "GNA"  # "say" is a verb of saying in say_verbs.txt
    edited.edit("say_verbs.txt", "\nsay\n", "\n")
    changed = edited.load()
    monkeypatch.setattr(kg.lang, "lexicon", lambda language="en": changed)
    _, after = _extract(nlp, text)
    [attack] = [r for r in after.relations if r.predicate == "attack"]
    assert attack.attribution is None  # no longer reported speech


@pytest.mark.model
def test_the_pair_classifier_takes_its_relations_from_data(nlp, edited, monkeypatch):
    text = "John Smith of Acme Corp. lives in Boston."
    doc = nlp(text)
    found = mentions(doc, doc_id="d")
    assert [r.predicate for r in pair_relations_of(doc, "d", found)] == ["work for"]
    edited.edit("pair_relations.tsv", "Work_For\twork for", "Work_For\tbe employed by")
    changed = edited.load()
    monkeypatch.setattr(kg.lang, "lexicon", lambda language="en": changed)
    assert [r.predicate for r in pair_relations_of(doc, "d", found)] == ["be employed by"]
    # and a relation type the table no longer allows for a pair of types is not proposed
    edited.edit(
        "pair_relations.tsv",
        "Work_For\tbe employed by\tperson\torganisation",
        "Work_For\tbe employed by\torganisation\tperson",
    )
    reversed_types = edited.load()
    monkeypatch.setattr(kg.lang, "lexicon", lambda language="en": reversed_types)
    assert [r.predicate for r in pair_relations_of(doc, "d", found)] == []
