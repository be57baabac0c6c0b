"""The CoNLL04 harness reads ids and tokens and writes what the scorer reads."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]


def test_conll04_harness_keeps_the_tokens_and_types_the_names(tmp_path):
    records = [
        {
            "id": "1",
            "tokens": [
                "Mrs.",
                "Quayle",
                "met",
                "Sen.",
                "Mitch",
                "McConnell",
                "in",
                "Louisville",
                "on",
                "5",
                "Feb",
                "94",
                ".",
            ],
            "entities": "ignored",
            "relations": "ignored",
        },
        {
            "id": "2",
            "tokens": [
                "Waste",
                "Disposal",
                "Co.",
                "of",
                "Randolph",
                "said",
                "2.5",
                "million",
                "tons",
                "were",
                "moved",
                ".",
            ],
        },
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "conll04.py"), "--input", str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    predicted = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in predicted] == ["1", "2"]

    def spans(record, tokens):
        return {(" ".join(tokens[e["start"] : e["end"]]), e["type"]) for e in record["entities"]}

    first = spans(predicted[0], records[0]["tokens"])
    assert {("Mrs. Quayle", "Peop"), ("Mitch McConnell", "Peop"), ("Louisville", "Loc"), ("5 Feb 94", "Other")} <= first
    second = spans(predicted[1], records[1]["tokens"])
    assert ("Randolph", "Loc") in second and ("2.5 million tons", "Other") in second


def _bench_conll04():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import conll04
    finally:
        sys.path.pop(0)
    return conll04


def test_dates_are_marked_as_conll04_marks_them():
    import spacy
    from spacy.tokens import Doc

    conll04 = _bench_conll04()
    words = "shot on Nov. 22 , 1963 and in December 1955 , in 1969 and on 5 Feb 94"
    doc = Doc(spacy.blank("en").vocab, words=words.split(" "))
    full, month_year, year, day_month_year = doc[2:6], doc[8:10], doc[12:13], doc[15:18]
    assert conll04.conll_value(full) == (2, 3)  # the month alone
    assert conll04.conll_value(month_year) == (9, 10)  # the year
    assert conll04.conll_value(year) is None
    assert conll04.conll_value(day_month_year) == (15, 18)
    last = Doc(doc.vocab, words=["since", "last", "July"])
    assert conll04.conll_value(last[1:3]) == (2, 3)  # the month


def test_a_birthplace_with_its_state_is_one_place_and_other_pairs_stay_two():
    conll04 = _bench_conll04()
    born = ["Edison", "was", "born", "in", "Milan", ",", "Ohio", "."]
    found = [{"start": 6, "end": 7, "type": "Loc"}, {"start": 4, "end": 5, "type": "Loc"}]
    assert conll04.birthplaces(born, found) == [{"start": 4, "end": 7, "type": "Loc"}]
    lives = ["He", "lives", "in", "Milan", ",", "Ohio", "."]
    two = [{"start": 3, "end": 4, "type": "Loc"}, {"start": 5, "end": 6, "type": "Loc"}]
    assert conll04.birthplaces(lives, two) == two


def test_a_full_name_keeps_the_titles_conll04_marks_with_it():
    conll04 = _bench_conll04()
    tokens = ["President", "John", "F.", "Kennedy", "met", "Sen.", "Bob", "Dole", "and", "President", "Bush"]
    assert conll04.with_title(tokens, {"start": 1, "end": 4, "type": "Peop"})["start"] == 0
    assert conll04.with_title(tokens, {"start": 6, "end": 8, "type": "Peop"})["start"] == 6  # not "Sen."
    assert conll04.with_title(tokens, {"start": 10, "end": 11, "type": "Peop"})["start"] == 10  # one word: "Bush"


def test_a_relation_argument_inside_a_birthplace_is_marked_as_the_whole_place():
    conll04 = _bench_conll04()
    place = {"start": 4, "end": 7, "type": "Loc"}
    person = {"start": 0, "end": 2, "type": "Peop"}
    assert conll04.covering({"start": 4, "end": 5, "type": "Loc"}, [person, place]) == place
    assert conll04.covering(person, [person, place]) == person
    assert conll04.covering({"start": 9, "end": 10, "type": "Loc"}, [person, place]) == {
        "start": 9,
        "end": 10,
        "type": "Loc",
    }


def test_no_relation_between_the_parts_of_one_birthplace(nlp):
    conll04 = _bench_conll04()
    tokens = ["In", "1817", ",", "the", "writer", "Henry", "Thoreau", "was", "born", "in", "Concord", ",", "Mass", "."]
    [prediction] = conll04.predict([{"id": "1", "tokens": tokens}], nlp)
    place = {"start": 10, "end": 13, "type": "Loc"}  # "Concord , Mass": one place, as CoNLL04 marks it
    assert place in prediction["entities"]
    assert {"head": {"start": 5, "end": 7, "type": "Peop"}, "tail": place, "type": "Live_In"} in prediction["relations"]
    assert all(r["head"] != r["tail"] for r in prediction["relations"])  # no "Concord is in Mass."
