"""Readers: text files, folders, JSONL, and bad input."""

import json

import pytest

from kg.errors import ReadError
from kg.read import iter_documents, read_text_file

from tests.conftest import EXAMPLE


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
        f"{path}:4: missing or non-string \"text\" field",
        f"{path}:5: date '30/04/2020' is not in YYYY-MM-DD form",
    ]


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty document (no text)"),
        (b"\n \n", "empty document (no text)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (contains NUL bytes), expected UTF-8 text"),
        ("Caf\u00e9 news".encode("latin-1"), "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
    ],
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
