"""What the SPARQL 1.1 Protocol asks of ``kg serve`` besides running queries: choosing the media type
a client accepts, writing results in it, and the service description at the endpoint's root.

SELECT results are written here, not by pyoxigraph, so that their rows can be counted (and the
answer refused past ``--max-rows``) as they are read: pyoxigraph serialises a whole result or none.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

__all__ = [
    "BOOLEAN_TYPES",
    "GRAPH_TYPES",
    "SOLUTION_TYPES",
    "negotiate",
    "write_solutions",
    "service_description",
]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: Media types of SELECT (and ASK) results, the first the default.
SOLUTION_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
)
BOOLEAN_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: Media types of CONSTRUCT and DESCRIBE results (Turtle first: what a person reads).
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


def negotiate(accept: str, offered: Sequence[str]) -> str | None:
    """The media type of ``offered`` that an ``Accept`` header prefers (its first when there is no
    header, or for ``*/*``); None when it accepts none of them (the caller answers 406)."""
    if not accept.strip():
        return offered[0]
    # Each offered type takes the quality of the most specific range that matches it (RFC 9110, 12.5.1).
    matched: dict[str, tuple[int, float]] = {}
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        media, quality = media.lower(), 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        for candidate in offered:
            specificity = 2 if media == candidate else 1 if media == candidate.split("/")[0] + "/*" else 0
            if (specificity or media == "*/*") and specificity >= matched.get(candidate, (-1, 0.0))[0]:
                matched[candidate] = (specificity, quality)
    ranked = [(quality, -rank, c) for rank, c in enumerate(offered) if (quality := matched.get(c, (0, 0.0))[1]) > 0]
    return max(ranked)[2] if ranked else None


def write_solutions(variables: Sequence[ox.Variable], rows: Iterable[ox.QuerySolution], media: str) -> bytes:
    """SELECT results in ``media`` (one of :data:`SOLUTION_TYPES`)."""
    names = [variable.value for variable in variables]
    if media in ("application/sparql-results+json", "application/json"):
        bindings = [{name: _json_term(row[name]) for name in names if row[name] is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if media == "application/sparql-results+xml":
        return _xml(names, rows).encode()
    if media == "text/csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_term(row[name]) for name in names])
        return out.getvalue().encode()
    lines = ["\t".join(f"?{name}" for name in names)]
    lines += ["\t".join("" if row[name] is None else str(row[name]) for name in names) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}  # a quoted triple (RDF-star)


def _csv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _xml(names: list[str], rows: Iterable[ox.QuerySolution]) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(name)}/>" for name in names]
    out.append("</head>\n<results>")
    for row in rows:
        out.append("<result>")
        for name in names:
            term = row[name]
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                value = f"<uri>{escape(term.value)}</uri>"
            elif isinstance(term, ox.BlankNode):
                value = f"<bnode>{escape(term.value)}</bnode>"
            elif isinstance(term, ox.Literal):
                if term.language:
                    attribute = f" xml:lang={quoteattr(term.language)}"
                elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
                    attribute = f" datatype={quoteattr(term.datatype.value)}"
                else:
                    attribute = ""
                value = f"<literal{attribute}>{escape(term.value)}</literal>"
            else:
                value = f"<literal>{escape(str(term))}</literal>"
            out.append(f"<binding name={quoteattr(name)}>{value}</binding>")
        out.append("</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out)


def service_description(endpoint: str, *, writable: bool, about: str) -> str:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint`` (Turtle), with a comment
    for whoever opens the root in a browser."""
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if writable else "")
    results = ", ".join(
        f"<http://www.w3.org/ns/formats/{name}>"
        for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV")
        + ("Turtle", "N-Triples", "JSON-LD", "RDF_XML")
    )
    return (
        f"# {about}\n"
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\n"
        f"[] a sd:Service ;\n"
        f"  sd:endpoint <{endpoint}> ;\n"
        f"  sd:supportedLanguage {languages} ;\n"
        "  sd:feature sd:UnionDefaultGraph ;\n"
        f"  sd:resultFormat {results} .\n"
    )
