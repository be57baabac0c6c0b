"""The alias file: one rule a line, comments as in every kg data file."""

import pytest

from kg.errors import ConfigError
from kg.resolve import parse_aliases, read_aliases


def test_a_hash_inside_a_name_is_part_of_it_and_a_hash_after_a_space_starts_a_comment(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text(
        "  # languages\nC#\tC Sharp  # the language\nGNA\tGovernment of National Accord\n", encoding="utf-8"
    )
    aliases = read_aliases(path)
    assert aliases.merge == {"c#": "C Sharp", "gna": "Government of National Accord"}


def test_a_missing_alias_file_is_named():
    with pytest.raises(ConfigError, match=r"nowhere\.tsv: alias file not found"):
        read_aliases("nowhere.tsv")


def test_a_line_without_a_canonical_name_is_refused_with_its_number():
    with pytest.raises(ConfigError, match=r"aliases:2: expected .*got 'Jordan'"):
        parse_aliases("# names\nJordan  # the country\n")
