"""Characters no output format can carry, replaced one for one."""

from __future__ import annotations

import re

__all__ = ["clean_text"]

# Control characters (but tab, newline and carriage return), lone surrogates and the two non-characters:
# none can be written in an XML 1.0 document (RDF/XML), and a lone surrogate not in UTF-8.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` with the characters no output format can carry replaced one for one
    (control characters by a space, lone surrogates and non-characters by U+FFFD), so
    that offsets into it still point at the same places.

    >>> clean_text("Tri\\x00poli\\x07")
    'Tri poli '
    """
    if text.isprintable():
        return text
    return _UNSAFE.sub(lambda m: " " if m.group() < "\x20" else "\ufffd", text)
