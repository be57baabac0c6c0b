"""One text for the check and the run: the canonical form of a SPARQL query or update.

kg checks a query with rdflib's parser (its algebra says whether it uses ``SERVICE``,
``FROM`` or ``LOAD``) and often runs it with Oxigraph's. The two parsers read some
texts differently: a carriage return, U+2028 or U+0085 ends a comment for one and
not the other, and SPARQL's codepoint escapes (``\\u0022``, ``\\U00000022``, decoded
before parsing, even in the middle of a string) are decoded by one and not the
other. A query could so hide a ``SERVICE`` from the check and still have Oxigraph
fetch its URL.

:func:`canonical` therefore makes one text that both parsers read the same way:
escapes decoded, comments removed; that text is checked and that text runs.
:func:`network_words` is a second, lexical check on the same text: the words that
could open a network clause (``SERVICE``, ``LOAD``, ``FROM``), wherever they stand,
strings included, so that even a disagreement about where a string ends cannot hide one.
"""

from __future__ import annotations

import functools
import re

from ..errors import QueryError

__all__ = ["canonical", "network_words"]

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: Every character some parser takes to end a line (and so a comment): SPARQL's own
#: (\n, \r) and those Python, Rust or Unicode count (U+2028, U+2029, U+0085, FF, VT, FS, GS, RS).
_LINE_END = re.compile("\r\n|[\n\r\u2028\u2029\u0085\f\v\x1c\x1d\x1e]")
#: SPARQL's IRIREF: no spaces, controls or <>"{}|^`\ inside the brackets.
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_SPECIAL = re.compile(r"[#\"'<\\]")
#: What ends a string (its quote; a line break in a short one) or escapes a character, by (quote, long).
_STOPS = {
    (quote, long): re.compile(r"\\|" + (quote * 3 if long else f"[{quote}\n\r]"))
    for quote in "\"'"
    for long in (False, True)
}

# A word that opens a network clause, unless it is the end of a variable (?service) or of a
# prefixed name (ex:service). What may follow it is read by _opens_clause.
_WORDS = {
    "query": re.compile(r"(?<![?$:])(SERVICE|FROM)", re.IGNORECASE),
    "update": re.compile(r"(?<![?$:])(SERVICE|LOAD)", re.IGNORECASE),
}
_FOLLOWER = {"SERVICE": "SILENT", "LOAD": "SILENT", "FROM": "NAMED"}
_NAME = re.compile(r"[^\s<>\"'{}()\[\],;#=!|&+*/^]*")


@functools.lru_cache(maxsize=64)
def canonical(sparql: str) -> str:
    """The text of ``sparql`` that kg both checks and runs: codepoint escapes decoded, comments removed.

    Cached: an application that runs the same query many times pays the scan (~35 µs) once.

    Raises
    ------
    QueryError
        If an escape names no character, or decoding makes new escapes (which a
        second reading would decode again).
    """
    text = _decode_escapes(sparql)
    return _strip_comments(text)


def network_words(text: str, *, update: bool = False) -> str | None:
    """The first word of ``text`` that could open a network clause, or None.

    Looks for ``SERVICE`` and ``FROM`` (queries) or ``SERVICE`` and ``LOAD``
    (updates) followed by what could start an IRI, a variable, a comment, or their
    ``SILENT``/``NAMED``: anywhere, strings included, so it errs on refusing.
    """
    for match in _WORDS["update" if update else "query"].finditer(text):
        word = match.group(1).upper()
        if _opens_clause(text, match.end(), _FOLLOWER[word]):
            return word
    return None


def _opens_clause(text: str, position: int, follower: str) -> bool:
    """Whether what follows a keyword at ``position`` could be an IRI, a variable, a comment or ``follower``."""
    while position < len(text) and text[position].isspace():
        position += 1
    if position == len(text):
        return False
    if text[position] in "<?$#:":
        return True
    match = _NAME.match(text, position)  # matches, if only the empty string
    name = match.group(0) if match is not None else ""
    return ":" in name or name.upper() == follower


def _decode_escapes(sparql: str) -> str:
    def character(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryError(f"invalid SPARQL: the escape {match.group(0)!r} names no character")
        return chr(code)

    text = _ESCAPE.sub(character, sparql)
    if text != sparql and _ESCAPE.search(text):
        raise QueryError("refused: the query's \\u escapes decode to further escapes; write the characters themselves")
    return text


def _strip_comments(text: str) -> str:
    """``text`` without its comments (each becomes a line break), strings and IRIs kept as they are."""
    out, start, position, length = [], 0, 0, len(text)
    while position < length:
        char = text[position]
        if char == "#":
            out.append(text[start:position])
            end = _LINE_END.search(text, position)
            out.append("\n")
            position = start = end.end() if end else length
        elif char in "\"'":
            position = _string_end(text, position)
        elif char == "<":
            iri = _IRIREF.match(text, position)
            position = iri.end() if iri else position + 1
        elif char == "\\":
            position += 2  # an escaped character of a prefixed name (ex:a\#b) is not a comment
        else:
            special = _SPECIAL.search(text, position)  # jump to the next character that matters
            position = special.start() if special else length
    out.append(text[start:])
    return "".join(out)


def _string_end(text: str, position: int) -> int:
    """The position after the string literal that starts at ``position``."""
    quote = text[position]
    long = text.startswith(quote * 3, position)
    stop = _STOPS[quote, long]
    position += 3 if long else 1
    while (found := stop.search(text, position)) is not None:
        if found.group(0) == "\\":
            position = found.end() + 1  # an escaped character, a quote included
        else:
            return found.end()
    return len(text)
