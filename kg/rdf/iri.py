"""Mint every IRI kg writes: deterministic, and valid whatever a name contains."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

from ..errors import ConfigError
from ..text.names import normalise_name
from ..vocab import KGR

__all__ = [
    "DEFAULT_BASE",
    "slug",
    "check_base",
    "entity_iri",
    "concept_iri",
    "document_iri",
    "mention_iri",
    "sentence_iri",
    "activity_iri",
    "proposition_iri",
    "statement_iri",
    "relation_iri",
    "document_graph_iri",
    "corpus_graph_iri",
    "names_graph_iri",
    "corpus_graph_base",
    "document_graph_base",
]

#: Longest name segment of an IRI; longer names are cut and end with a hash of the whole.
MAX_SLUG = 160

#: Default base of instance IRIs; ``--base`` changes it.
DEFAULT_BASE = "https://example.org/kg/id/"


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (which UTF-8 cannot encode) replaced by U+FFFD."""
    return (
        text.encode("utf-8", "replace").decode("utf-8")
        if not text.isascii() and any("\ud800" <= ch <= "\udfff" for ch in text)
        else text
    )


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
    >>> len(slug("a" * 5000))
    160
    """
    # normalise_name leaves single spaces as the only separators, so names that
    # normalise differently get different slugs, and equal ones equal slugs.
    encoded = quote(_encodable(normalise_name(name)).replace(" ", "-"), safe="-.~") or "_"
    if len(encoded) > MAX_SLUG:
        # A name of thousands of characters keeps a readable start and a hash of the whole.
        digest = hashlib.sha1(encoded.encode("ascii")).hexdigest()[:16]
        encoded = f"{encoded[: MAX_SLUG - 17].rstrip('%0123456789ABCDEF-')}-{digest}"
    return encoded


def check_base(base: str) -> str:
    """Return ``base`` (ending in ``/`` or ``#``: one is added if it ends in neither) if it can
    prefix instance IRIs, else raise :class:`kg.errors.ConfigError`.

    >>> check_base("https://example.org/kg")
    'https://example.org/kg/'
    """
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", base):
        raise ConfigError(f"base IRI {base!r} is not an absolute IRI (e.g. https://example.org/kg/)")
    if not base.endswith(("/", "#")):
        base += "/"
    return base


def entity_iri(base: str, class_name: str, name: str) -> URIRef:
    """IRI of an entity: ``<base>entity/<class>/<name slug>``."""
    return URIRef(f"{base}entity/{class_name.lower()}/{slug(name)}")


def concept_iri(base: str, label: str) -> URIRef:
    """IRI of a concept: ``<base>concept/<label slug>``."""
    return URIRef(f"{base}concept/{slug(label)}")


def document_graph_iri(base: str, doc_id: str) -> URIRef:
    """IRI of the named graph that holds what one document says: ``<base>graph/<document IRI path>``."""
    return URIRef(f"{base}graph/{str(document_iri(base, doc_id))[len(base) :]}")


def corpus_graph_iri(base: str) -> URIRef:
    """IRI of the named graph of the corpus: entity and concept descriptions, relation declarations."""
    return URIRef(f"{base}graph/corpus")


def names_graph_iri(base: str) -> URIRef:
    """IRI of the named graph that indexes entities by the keys of their names (``kg:nameKey``)."""
    return URIRef(f"{base}graph/names")


def corpus_graph_base(graph: str) -> str:
    """The instance base of a corpus graph's IRI: the inverse of :func:`corpus_graph_iri`.

    Raises
    ------
    ValueError
        If ``graph`` is not the IRI of a corpus graph.

    Examples
    --------
    >>> corpus_graph_base("http://x.org/kg/graph/corpus")
    'http://x.org/kg/'
    """
    suffix = str(corpus_graph_iri(""))
    if not graph.endswith(suffix):
        raise ValueError(f"not the IRI of a kg corpus graph: {graph!r}")
    return graph[: -len(suffix)]


def document_graph_base(graph: str, doc_id: str) -> str:
    """The instance base of the named graph of document ``doc_id``: the inverse of
    :func:`document_graph_iri`.

    Raises
    ------
    ValueError
        If ``graph`` is not the IRI of that document's graph.

    Examples
    --------
    >>> document_graph_base(str(document_graph_iri("http://x.org/", "a/b c")), "a/b c")
    'http://x.org/'
    """
    suffix = str(document_graph_iri("", doc_id))
    if not graph.endswith(suffix):
        raise ValueError(f"not the IRI of the graph of document {doc_id!r}: {graph!r}")
    return graph[: -len(suffix)]


def mention_iri(base: str, doc_id: str, start: int, end: int) -> URIRef:
    """IRI of a named mention, a hash of its document and offsets."""
    digest = hashlib.sha1(f"{doc_id}\x1f{start}\x1f{end}".encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return URIRef(f"{base}mention/{digest}")


def sentence_iri(base: str, doc_id: str, start: int, end: int) -> URIRef:
    """IRI of a sentence of a document, a hash of its document and offsets."""
    digest = hashlib.sha1(f"{doc_id}\x1f{start}\x1f{end}".encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return URIRef(f"{base}sentence/{digest}")


def activity_iri(base: str, *parts: object) -> URIRef:
    """IRI of a build (a ``prov:Activity``), a hash of what it was: kg's version, its extractor, its options."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return URIRef(f"{base}build/{digest}")


def proposition_iri(base: str, doc_id: str, start: int, end: int) -> URIRef:
    """IRI of a proposition (a reported clause), a hash of its document and offsets."""
    digest = hashlib.sha1(f"{doc_id}\x1f{start}\x1f{end}".encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return URIRef(f"{base}proposition/{digest}")


def document_iri(base: str, doc_id: str) -> URIRef:
    """IRI of a document: ``<base>document/<id>``, with the id percent-encoded.

    Folder paths keep their slashes; "." and ".." segments are encoded so that
    no IRI resolves outside ``<base>document/``.

    >>> str(document_iri("http://x.org/", "../b c/d"))
    'http://x.org/document/%2E%2E/b%20c/d'
    """
    segments = [quote(_encodable(part), safe="-.~") for part in doc_id.split("/")]
    segments = [s.replace(".", "%2E") if s in (".", "..") else s for s in segments]
    return URIRef(f"{base}document/{'/'.join(segments)}")


def statement_iri(base: str, *parts: object) -> URIRef:
    """IRI of a statement, a hash of what identifies it (document, offsets, triple)."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return URIRef(f"{base}statement/{digest}")


def relation_iri(lemma: str) -> URIRef:
    """IRI of a relation predicate, in the ``kgr:`` namespace: ``kgr:call-for``.

    Two different labels never get the same IRI, since each is a different predicate
    with its own ``rdfs:label``. A label that :func:`slug` would read the same as
    another (it has capitals, hyphens, repeated spaces, a leading "the", or is too
    long) gets its readable slug, ``--`` and a hash of the label itself; the slug of a
    plain label (lower case, single spaces) never holds ``--``.

    Examples
    --------
    >>> relation_iri("call for").n3(), relation_iri("re-register") == relation_iri("re register")
    ('<https://example.org/kg/relation/call-for>', False)
    >>> relation_iri("have -") == relation_iri("have")
    False
    """
    readable = slug(lemma)
    plain = quote(lemma.replace(" ", "-"), safe="-.~") if _encodable(lemma) == lemma else ""
    if plain and plain == readable and normalise_name(lemma) == lemma:
        return KGR[readable]  # neither cut short nor changed by normalising: one label, one slug
    digest = hashlib.sha1(lemma.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    readable = readable[: MAX_SLUG - len(digest) - 2].rstrip("%0123456789ABCDEF-")
    return KGR[f"{readable}--{digest}"]
