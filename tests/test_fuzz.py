"""Random text and names through extraction → RDF → every output format → parse back.

2,000 examples (marked slow; CI runs it): no crash, and every format reads back
as the quads that were written. Names take any character — spaces, quotes,
``<>{}|^\\```, backslashes, newlines, control characters, lone surrogates, emoji,
right-to-left text — and up to 5,000 of them.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.namespace import RDFS, SKOS

from kg.errors import ReadError
from kg.extract import extract
from kg.model import Argument, Extraction, Mention, Relation
from kg.rdf.iri import DEFAULT_BASE, corpus_graph_iri
from kg.rdf.mapping import quad_batches
from kg.rdf.nodes import str_literal
from kg.read import document_from_text
from kg.resolve import link_entities
from kg.store import FORMATS, QUAD_FORMATS, OxigraphStore, load_graph, serialize
from kg.store.corpus import write_documents
from kg.terms import quad_to_rdflib

pytestmark = [pytest.mark.slow, pytest.mark.model]

SPECIAL = [
    "<img src=x onerror=alert(1)>",
    'a "quoted" name',
    "back\\slash",
    "{curly|pipe^caret`tick}",
    "new\nline",
    "nul\x00byte",
    "bell\x07",
    "emoji 🇱🇾 😀",
    "עברית مرحبا",
    "\ud800 lone",
    "\ufeffbom",
    " ",
    "x" * 5000,
    "../../etc/passwd",
    "%2F%00",
    "\u202eright-to-left override",
]
ANY_CHARACTER = st.characters(codec=None, categories=None)
SHORT = st.text(ANY_CHARACTER, min_size=1, max_size=40)
NAMES = st.one_of(
    st.sampled_from(SPECIAL),
    SHORT,
    SHORT,
    SHORT,
    SHORT,  # one in six is long
    st.text(ANY_CHARACTER, min_size=4000, max_size=5000),
)
TEXTS = st.text(ANY_CHARACTER, max_size=300)


_STRICT = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


@pytest.fixture(scope="module")
def workspace():
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as folder:
        yield Path(folder)


def graph_of(name: str, text: str, nlp):
    """The quads of a document holding ``text`` and ``name``, with ``name`` as a named entity."""
    try:
        document = document_from_text(
            f"Fuzz headline\n{text}\nThe name {name} rejected the plan.", doc_id=f"fuzz/{name[:50]}"
        )
    except ReadError:
        return None
    # spaCy reads the random text; the name's line, added after it, is made an entity by hand
    # (parsing names of 5,000 random characters would only make the run slow).
    head = document.text[: document.text.rindex("\nThe name ") + 1]
    found = extract(replace(document, text=head), nlp(head))
    extraction = replace(found, document=document)
    # The name as an entity whatever spaCy made of it (the cleaned text holds it one for one).
    start = document.text.rindex("The name ") + len("The name ")
    end = start + len(name)
    surface = document.text[start:end]
    if not surface.strip():
        return extraction, None
    mention = Mention(document.id, start, end, surface, "PERSON", 0)
    subject = Argument(text=surface, label=surface, start=start, end=end, mention=mention)
    plan = document.text.rindex("plan")
    relation = Relation(
        doc_id=document.id,
        subject=subject,
        predicate="reject",
        object=Argument(text="plan", label="plan", start=plan, end=plan + 4),
        sentence=document.text[start - 9 :],
        start=start - 9,
        end=len(document.text),
        pattern="fuzz",
        relation_text="rejected",
    )
    return Extraction(
        document=document, mentions=(*extraction.mentions, mention), relations=(*extraction.relations, relation)
    ), mention


@settings(
    max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", 2000)),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(name=NAMES, text=TEXTS)
def test_any_name_and_text_give_valid_rdf_in_every_format(nlp, workspace, name, text):
    made = graph_of(name, text, nlp)
    if made is None:
        return
    extraction, mention = made
    store = OxigraphStore()
    batches = quad_batches([extraction], link_entities([extraction]), base=DEFAULT_BASE)
    # (the ontology's graph, the same in every build, is left out: it is not what is fuzzed)
    write_documents(store, batches, corpus_graph=str(corpus_graph_iri(DEFAULT_BASE)), fresh=True)
    written = {quad_to_rdflib(q) for q in store.quads()}
    triples = {quad[:3] for quad in written}
    if mention is not None:  # the name is an entity's: its label or other name, as no format fails to hold
        names = {
            str(o) for s, p, o, g in written if str(p) in (str(RDFS.label), str(SKOS.altLabel)) and "/entity/" in str(s)
        }
        assert str_literal(mention.text).value in names
    dataset = store.to_dataset()  # what the rdflib-written formats (JSON-LD, RDF/XML) are made from
    for fmt, (_, suffix) in FORMATS.items():
        data = serialize(store if fmt in _STRICT else dataset, fmt)
        if fmt in _STRICT:  # Oxigraph's parsers are strict (and fast): any invalid output fails here
            read = {
                quad_to_rdflib(q) if isinstance(q, ox.Quad) else quad_to_rdflib(ox.Quad(*q, ox.DefaultGraph()))
                for q in ox.parse(data, _STRICT[fmt])
            }
            assert (read if fmt in QUAD_FORMATS else {q[:3] for q in read}) == (
                written if fmt in QUAD_FORMATS else triples
            ), fmt
            continue
        path = workspace / f"graph{suffix}"
        path.write_bytes(data)
        back = load_graph(path)  # kg's own reader; raises GraphFileError if the output does not parse
        assert set(back.triples((None, None, None))) == triples, fmt
