"""A place's GeoNames link on hover (no model needed)."""

from kg.model import Document, Extraction, Mention
from kg.rdf.mapping import to_graph
from kg.render.html import vis_data
from kg.render.nx import to_networkx
from kg.resolve import link_entities


def test_the_tooltip_of_a_place_shows_its_geonames_link():
    text = "The US and America's allies met. Iraq said the United States would leave."
    names = [("US", "GPE"), ("America", "GPE"), ("Iraq", "GPE"), ("United States", "GPE")]
    mentions = tuple(Mention("d", text.index(n), text.index(n) + len(n), n, label, 0) for n, label in names)
    extraction = Extraction(Document(id="d", text=text), mentions=mentions)
    graph = to_graph([extraction], link_entities([extraction]))
    nxgraph = to_networkx(graph)
    titles = {node["title"].split("\n")[0]: node["title"] for node in vis_data(nxgraph)[0]}
    assert set(titles) == {"United States", "Iraq"}  # US and America are names of the United States
    assert "Same as: https://sws.geonames.org/6252001/" in titles["United States"].split("\n")
    assert "https://sws.geonames.org/99237/" in titles["Iraq"]
