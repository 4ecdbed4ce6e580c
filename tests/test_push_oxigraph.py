"""kg push against a real Oxigraph server: named graphs land, pushing twice duplicates nothing."""
import pytest
from rdflib import BNode
from SPARQLWrapper import JSON, SPARQLWrapper

from interop_fixtures import OxigraphServer, conforming, copy
from kg.errors import KGError
from kg.graph.rdf import ontology_quads
from kg.export import export
from kg.namespaces import ARTICLE, EVENT, GPOL
from kg.push import graph_store_url, push


def select(url, query):
    sw = SPARQLWrapper(url + "/query")
    sw.setQuery(query)
    sw.setReturnFormat(JSON)
    return sw.query().convert()["results"]["bindings"]


def counts(url):
    total = int(select(url, "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")[0]["n"]["value"])
    graphs = {b["g"]["value"]: int(b["n"]["value"]) for b in
              select(url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    return total, graphs


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxistore")) as srv:
        yield srv


def test_push_twice_to_oxigraph_duplicates_nothing(server, tmp_path):
    ds = conforming()
    source = export(ds, tmp_path / "graph.nq")
    first = push(source, server.url + "/query")
    assert first.store == server.url + "/store"
    want = {str(ARTICLE["seed"]): len(ds.graph(ARTICLE["seed"])),
            str(ARTICLE["follow-up"]): len(ds.graph(ARTICLE["follow-up"]))}
    assert first.graphs == want and first.requests == 3
    total, graphs = counts(server.url)
    assert graphs == want
    assert total == len(ds.default_graph) + sum(want.values())

    second = push(source, server.url + "/query")
    assert second.triples == first.triples
    assert counts(server.url) == (total, graphs)

    # a rebuilt article replaces its graph: drop an event's evidence and push again
    changed = copy(ds)
    changed.graph(ARTICLE["seed"]).remove((EVENT["e1"], GPOL.evidence, None))
    push(changed, graph_store=server.url + "/store")
    total3, graphs3 = counts(server.url)
    assert graphs3[str(ARTICLE["seed"])] == want[str(ARTICLE["seed"])] - 1
    assert total3 == total - 1


def test_push_reports_unreachable_and_refusing_servers(server):
    from interop_fixtures import free_port

    with pytest.raises(KGError, match="E066"):
        push(conforming(), f"http://127.0.0.1:{free_port()}/query", timeout=5)
    with pytest.raises(KGError, match="E065"):  # /query does not accept PUT
        push(conforming(), graph_store=server.url + "/query", timeout=5)


def test_push_graph_store_url_for_common_servers():
    assert graph_store_url("http://h:7878/query") == "http://h:7878/store"
    assert graph_store_url("http://h:7878") == "http://h:7878/store"
    assert graph_store_url("http://h:3030/kg/sparql") == "http://h:3030/kg/data"
    assert graph_store_url("http://h:7200/repositories/kg") == "http://h:7200/repositories/kg/rdf-graphs/service"
    assert graph_store_url("http://h/x", "http://h/gsp") == "http://h/gsp"
    with pytest.raises(KGError, match="E067"):
        graph_store_url("http://h:8890/some/thing")
    with pytest.raises(KGError, match="E068"):
        graph_store_url("ftp://h/query")


def test_push_twice_with_the_ontology_adds_no_triples(server, tmp_path):
    """The ontology's lists are blank nodes: merged twice with POST they would be new nodes each
    time (76 triples more per push); push replaces them with IRIs derived from what they hold."""
    ds = copy(conforming())
    for s, p, o, _ in ontology_quads():
        ds.default_graph.add((s, p, o))
    n_blank = sum(1 for t in ds.default_graph if isinstance(t[0], BNode) or isinstance(t[2], BNode))
    assert n_blank > 0
    source = export(ds, tmp_path / "with-ontology.trig")
    # a fresh graph on the server, so the counts are this push's alone
    store = server.url + "/store"
    push(source, graph_store=store, replace_default=True)
    total, graphs = counts(server.url)
    assert total == len(ds.default_graph) + sum(graphs.values())
    for _ in range(2):   # each push parses the file again: new blank node labels every time
        push(source, graph_store=store)
        assert counts(server.url) == (total, graphs)
    blank = int(select(server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }")
                [0]["n"]["value"])
    assert blank == 0
    # the lists are still lists: the 16 top classes are pairwise disjoint via owl:AllDisjointClasses
    members = select(server.url, "SELECT ?c WHERE { ?x a owl:AllDisjointClasses ; owl:members/rdf:rest*/rdf:first ?c }"
                     .replace("SELECT", "PREFIX owl: <http://www.w3.org/2002/07/owl#> "
                              "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> SELECT", 1))
    assert len(members) >= 16
