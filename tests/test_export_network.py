"""GraphML, GEXF and Neo4j CSV exports of the actor network, read back by networkx and csv."""
import csv

import networkx as nx
import pytest

from interop_fixtures import conforming
from kg.export import NEO4J_EDGE_HEADER, NEO4J_NODE_HEADER, actor_network, export
from kg.resources import ontology_path


@pytest.fixture(scope="module")
def ds():
    return conforming()


@pytest.fixture(scope="module")
def net(ds):
    return actor_network(ds)


def test_export_network_aggregates_events_per_pair_class_and_modality(net):
    assert net.number_of_nodes() == 5
    assert net.number_of_edges() == 4  # two Meet events choe -> putin make one edge
    meet = net.get_edge_data("actor:choe-son-hui", "actor:vladimir-putin")
    (attrs,) = meet.values()
    assert attrs["count"] == 2 and attrs["type"] == "Meet"
    assert (attrs["firstDate"], attrs["lastDate"]) == ("2025-10-27", "2025-11-02")
    russia = net.nodes["actor:russia"]
    assert russia["kind"] == "State" and russia["countryCode"] == "RUS" and russia["qid"] == "Q159"
    assert russia["altLabels"] == "Moscow|Russian Federation"
    for _, data in net.nodes(data=True):
        assert all(v is not None and isinstance(v, (str, int, float)) for v in data.values())


@pytest.mark.skipif(not ontology_path("gpol.ttl").is_file(), reason="needs ontology/gpol.ttl")
def test_export_network_edges_carry_top_quad_and_relation_from_the_ontology(net):
    (deploy,) = net.get_edge_data("actor:north-korea", "actor:russia").values()
    assert (deploy["top"], deploy["quad"], deploy["relation"]) == ("Mobilize", "MaterialConflict", "deploysTo")
    (meet,) = net.get_edge_data("actor:choe-son-hui", "actor:vladimir-putin").values()
    assert (meet["top"], meet["quad"], meet["relation"]) == ("Consult", "VerbalCooperation", "met")


def test_export_graphml_reads_back_with_networkx(ds, net, tmp_path):
    g = nx.read_graphml(export(ds, tmp_path / "g.graphml"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (net.number_of_nodes(), net.number_of_edges())
    assert g.nodes["actor:choe-son-hui"]["label"] == "Choe Son Hui"
    assert g.nodes["actor:choe-son-hui"]["altLabels"] == "최선희"
    counts = sorted(int(d["count"]) for _, _, d in g.edges(data=True))
    assert counts == [1, 1, 1, 2]


def test_export_gexf_reads_back_with_networkx(ds, net, tmp_path):
    g = nx.read_gexf(export(ds, tmp_path / "g.gexf"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (net.number_of_nodes(), net.number_of_edges())
    assert g.nodes["actor:russia"]["label"] == "Russia"


def test_export_neo4j_csv_has_bulk_import_headers(ds, tmp_path):
    folder = export(ds, tmp_path / "neo4j", format="neo4j")
    with open(folder / "actors.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == NEO4J_NODE_HEADER
    assert rows[0][0].endswith(":ID") and ":LABEL" in rows[0]
    by_id = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert len(by_id) == 5
    assert by_id["actor:russia"][":LABEL"] == "Actor;State"
    assert by_id["actor:russia"]["altLabels:string[]"].split(";") == ["Moscow", "Russian Federation"]
    with open(folder / "relationships.csv", newline="", encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert list(edges[0]) == NEO4J_EDGE_HEADER
    assert len(edges) == 4
    assert all(e[":START_ID"] in by_id and e[":END_ID"] in by_id for e in edges)
    meet = next(e for e in edges if e["eventType"] == "Meet")
    assert meet["count:int"] == "2" and meet[":TYPE"] in ("MET", "MEET")
    assert all(e[":TYPE"].replace("_", "").isalpha() and e[":TYPE"].isupper() for e in edges)
