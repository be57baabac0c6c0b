"""Mint every IRI kg writes: deterministic, and valid whatever a name contains."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

from ..resolve.normalise import normalise_name
from .vocab import KGR

__all__ = ["DEFAULT_BASE", "slug", "check_base", "entity_iri", "concept_iri", "document_iri",
           "statement_iri", "relation_iri"]

#: Default base of instance IRIs; ``--base`` changes it.
DEFAULT_BASE = "https://example.org/kg/id/"

_SPACE = re.compile(r"[\s_/]+")


def slug(name: str) -> str:
    """A readable, IRI-safe path segment for a name.

    The name is normalised (case-folded, whitespace collapsed), spaces become
    hyphens, and every character outside the unreserved ASCII set is
    percent-encoded, so any input gives a valid IRI and equal names give equal
    segments.

    Examples
    --------
    >>> slug("Khalifa Haftar")
    'khalifa-haftar'
    >>> slug('<img src=x onerror=alert(1)>')
    '%3Cimg-src%3Dx-onerror%3Dalert%281%29%3E'
    >>> slug("Sánchez")
    's%C3%A1nchez'
    """
    text = _SPACE.sub("-", normalise_name(name)).strip("-")
    return quote(text, safe="-.~") or "_"


def check_base(base: str) -> str:
    """Return ``base`` if it can prefix instance IRIs, else raise ``ValueError``."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", base):
        raise ValueError(f"base IRI {base!r} is not an absolute IRI")
    if not base.endswith(("/", "#")):
        base += "/"
    return base


def entity_iri(base: str, class_name: str, name: str) -> URIRef:
    """IRI of an entity: ``<base>entity/<class>/<name slug>``."""
    return URIRef(f"{base}entity/{class_name.lower()}/{slug(name)}")


def concept_iri(base: str, label: str) -> URIRef:
    """IRI of a concept: ``<base>concept/<label slug>``."""
    return URIRef(f"{base}concept/{slug(label)}")


def document_iri(base: str, doc_id: str) -> URIRef:
    """IRI of a document: ``<base>document/<id>``, with the id percent-encoded."""
    return URIRef(f"{base}document/{quote(doc_id, safe='-.~/')}")


def statement_iri(base: str, *parts: object) -> URIRef:
    """IRI of a statement, a hash of what identifies it (document, offsets, triple)."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{base}statement/{digest}")


def relation_iri(lemma: str) -> URIRef:
    """IRI of a relation predicate, in the ``kgr:`` namespace: ``kgr:call-for``."""
    return KGR[slug(lemma)]
