"""Readers: text files, folders, JSONL, and bad input."""

import json

import pytest

from kg.errors import ReadError
from kg.read import iter_documents, read_text_file
from tests.conftest import EXAMPLE, shared_path


def test_headline_is_title_and_first_line():
    doc = read_text_file(EXAMPLE)
    assert doc.title == "Libya's unity government says it rejects Haftar's truce offer"
    assert doc.id == "libya-gna-rejects-haftar-truce"
    assert doc.text.split("\n")[1].startswith("War-torn Libya's UN-recognised")


def test_folder_is_read_recursively_in_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second headline\nBody two.")
    (tmp_path / "one.txt").write_text("First headline\nBody one.")
    (tmp_path / "notes.md").write_text("ignored")
    docs = list(iter_documents([tmp_path]))
    assert [d.id for d in docs] == ["b/two", "one"]
    assert [d.title for d in docs] == ["Second headline", "First headline"]


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Body of a.", "title": "Title A", "date": "2020-04-30", "url": "http://x"}),
        "",
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "Body d.", "date": "30/04/2020"}),
    ]
    path.write_text("\n".join(lines))
    items = list(iter_documents([path]))
    docs = [i for i in items if not isinstance(i, ReadError)]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert [d.id for d in docs] == ["a"]
    assert docs[0].text == "Title A\nBody of a." and docs[0].date == "2020-04-30"
    assert errors == [
        f"{path}:3: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f'{path}:4: missing or non-string "text" field',
        f"{path}:5: date '30/04/2020' is not in YYYY-MM-DD form",
    ]


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty document (no text)"),
        (b"\n \n", "empty document (no text)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image), expected text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document), expected text"),
        (b"some words\x00\x00\x00 more", "binary file (contains NUL bytes), expected text"),
        (bytes(range(1, 32)) * 40, "binary file (1,040 control characters in its first 1,240), expected text"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nul-bytes", "control-characters"],
)
def test_bad_files_give_one_clear_error(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (error,) = list(iter_documents([path]))
    assert isinstance(error, ReadError)
    assert str(error) == f"{path}: {problem}"


def test_missing_input(tmp_path):
    (error,) = list(iter_documents([tmp_path / "nope.txt"]))
    assert str(error).endswith("nope.txt: no such file or folder")


def test_text_that_can_be_decoded_is_decoded_with_a_warning_naming_the_file(tmp_path):
    from kg.errors import InputWarning

    headline, body = "Café owners protest", "Prices rose by £5 – the «euro» was blamed.\n"
    cases = {
        "utf16.txt": ("\ufeff" + headline + "\n" + body).encode("utf-16-le"),  # with its BOM
        "latin1.txt": (headline + "\n" + body.replace("–", "-").replace("«", '"').replace("»", '"')).encode("latin-1"),
        "cp1252.txt": (headline + "\n" + body).encode("cp1252"),
        "utf8bom.txt": (headline + "\n" + body).encode("utf-8-sig"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    items = list(iter_documents([tmp_path]))
    warnings = {w.source.split("/")[-1]: w.problem for w in items if isinstance(w, InputWarning)}
    documents = {d.id: d for d in items if not isinstance(d, InputWarning)}
    assert warnings == {
        "cp1252.txt": "not UTF-8: read as Windows-1252/Latin-1 (invalid UTF-8 byte 0xe9 at offset 3)",
        "latin1.txt": "not UTF-8: read as Windows-1252/Latin-1 (invalid UTF-8 byte 0xe9 at offset 3)",
        "utf16.txt": "decoded as UTF-16 (byte-order mark)",
    }  # UTF-8 with a byte-order mark is plain UTF-8: no warning
    assert (
        documents["utf16"].text
        == documents["cp1252"].text
        == documents["utf8bom"].text
        == headline + "\n" + body.strip()
    )
    assert documents["latin1"].title == headline and "£5" in documents["latin1"].text


def test_the_latin1_bbc_article_is_read(tmp_path):
    from kg.errors import InputWarning

    path = shared_path("data", "corpus", "bbc", "sport_199.txt")
    warning, document = list(iter_documents([path]))
    assert isinstance(warning, InputWarning) and "Latin-1" in warning.problem and str(path) in str(warning)
    assert "£" in document.text and "\ufffd" not in document.text


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published: Thursday, 30 April 2020", "2020-04-30"),
        ("Dated Thursday 30 April 2020", "2020-04-30"),  # "dated", not "date" + "d"
        ("Updated on April 30, 2020", "2020-04-30"),
        ("Thursday was a long day", None),
    ],
)
def test_a_dateline_after_the_headline_is_the_documents_date(tmp_path, line, date):
    path = tmp_path / "story.txt"
    path.write_text(f"Truce talks fail\n{line}\nThe talks in Geneva ended without a deal.\n", encoding="utf-8")
    assert read_text_file(path).date == date


def test_the_reader_gives_a_document_only_its_own_date(tmp_path):
    # The build's default date is the pipeline's to apply (kg.pipeline: a document's own date wins);
    # the reader takes none, so that no second place applies it with another precedence.
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id": "a", "text": "Truce talks fail\\nNo deal.", "date": "2020-04-30"}\n'
        '{"id": "b", "text": "Truce talks resume\\nA deal."}\n',
        encoding="utf-8",
    )
    assert [d.date for d in iter_documents([path])] == ["2020-04-30", None]
    with pytest.raises(TypeError):
        iter_documents([path], date="2021-01-01")  # type: ignore[call-arg]
