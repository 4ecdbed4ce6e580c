"""The network reads an event's most specific class although the graph types it by its ancestors too."""
from rdflib import Dataset

from kg.analysis import build_network
from kg.graph.rdf import extraction_to_quads
from kg.model import Actor, Article, Event, Extraction


def test_most_specific_class_wins():
    ex = Extraction(Article(id="a", text="Choe met Putin."),
                    {"choe": Actor("choe", "Person", "Choe"), "putin": Actor("putin", "Person", "Putin")},
                    [Event("Meet", ["choe"], ["putin"], evidence="Choe met Putin.", char_end=15)])
    ds = Dataset()
    for s, p, o, g in extraction_to_quads(ex):
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    net = build_network(ds)
    [(_, _, data)] = [e for e in net.edges(data=True) if data_is_event(e)]
    assert (data["type"], data["top"], data["relation"]) == ("Meet", "Consult", "met")


def data_is_event(edge):
    return edge[2].get("event") is not None


def test_export_network_uses_most_specific_class(tmp_path):
    from kg.export import actor_network

    ex = Extraction(Article(id="a", text="Choe met Putin."),
                    {"choe": Actor("choe", "Person", "Choe"), "putin": Actor("putin", "Person", "Putin")},
                    [Event("Meet", ["choe"], ["putin"], evidence="Choe met Putin.", char_end=15)])
    ds = Dataset()
    for s, p, o, g in extraction_to_quads(ex):
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    net = actor_network(ds)
    assert {d["type"] for _, _, d in net.edges(data=True)} == {"Meet"}
