"""The network reads an event's most specific class although the graph types it by its ancestors too."""
from rdflib import Dataset

from kg.analysis import build_network
from kg.graph.rdf import extraction_to_quads
from kg.model import Actor, Article, Event, Extraction


def meeting_graph() -> Dataset:
    """One article where Choe met Putin, as the graph stage writes it (Meet and Consult types)."""
    ex = Extraction(Article(id="a", text="Choe met Putin."),
                    {"choe": Actor("choe", "Person", "Choe"), "putin": Actor("putin", "Person", "Putin")},
                    [Event("Meet", ["choe"], ["putin"], evidence="Choe met Putin.", char_end=15)])
    ds = Dataset()
    for s, p, o, g in extraction_to_quads(ex):
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    return ds


def test_most_specific_class_wins():
    net = build_network(meeting_graph())
    [data] = [d for _, _, d in net.edges(data=True) if d.get("event") is not None]
    assert (data["type"], data["top"], data["relation"]) == ("Meet", "Consult", "met")


def test_export_network_uses_most_specific_class():
    from kg.export import actor_network

    net = actor_network(meeting_graph())
    assert {d["type"] for _, _, d in net.edges(data=True)} == {"Meet"}
