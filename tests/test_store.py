"""KnowledgeGraph: loading, adding, article identity, atomic replacement, merge, save."""
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from query_fixtures import ACTORS, ARTICLES, actor_quads, all_quads, article_quads, make_graph
from kg.namespaces import ACTOR, ARTICLE, GPOL
from kg.store import KnowledgeGraph, StoreError

BACKENDS = ["oxigraph", "rdflib"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_union_default_graph_and_len(backend):
    kg = make_graph(backend)
    assert len(kg) == len(set(all_quads()))
    # events sit in named graphs, yet a query with no GRAPH clause sees them
    r = kg.query("SELECT ?e WHERE { ?e a gpol:Meet }")
    assert len(r) == 3
    assert set(kg.named_graphs()) == {str(ARTICLE[a]) for a in ARTICLES}


def test_persistent_store_reopens(tmp_path):
    kg = make_graph("oxigraph", tmp_path / "store")
    n = len(kg)
    kg.close()
    again = KnowledgeGraph.load(tmp_path / "store", read_only=True)
    assert len(again) == n
    with pytest.raises(StoreError):
        again.add_quads([(ACTOR.x, RDF.type, GPOL.State, None)])


@pytest.mark.parametrize("backend", BACKENDS)
def test_has_article_uses_id_and_hash(backend):
    kg = make_graph(backend)
    h = kg.query("SELECT ?h WHERE { article:seed gpol:contentHash ?h }").rows[0]["h"]
    assert kg.has_article("seed", h)
    assert not kg.has_article("seed", "0" * 64)
    assert not kg.has_article("other", h)


@pytest.mark.parametrize("backend", BACKENDS)
def test_replace_article_is_idempotent(backend):
    kg = make_graph(backend)
    n = len(kg)
    kg.replace_article(ARTICLE.seed, list(article_quads("seed")))
    assert len(kg) == n
    # a rebuild with fewer events drops the old ones from that article only
    fewer = [q for q in article_quads("seed") if "seed-e1" not in str(q[0])]
    kg.replace_article(ARTICLE.seed, fewer)
    assert len(kg) == n - sum(1 for q in article_quads("seed") if "seed-e1" in str(q[0]))
    assert not kg.query("ASK { event:seed-e1 ?p ?o }").boolean
    assert kg.query("ASK { event:talks-t1 ?p ?o }").boolean


def test_replace_article_is_one_transaction(tmp_path):
    kg = make_graph("oxigraph", tmp_path / "s")
    n = len(kg)
    bad = list(article_quads("seed")) + [(URIRef("http://x/not an iri"), RDFS.label, Literal("bad"), ARTICLE.seed)]
    with pytest.raises(Exception):
        kg.replace_article(ARTICLE.seed, bad)
    assert len(kg) == n  # the DROP did not happen either


@pytest.mark.parametrize("backend", BACKENDS)
def test_actors_merge_across_articles(backend):
    kg = KnowledgeGraph(backend=backend)
    kg.add_quads(actor_quads())
    kg.add_quads(actor_quads())  # the same actor twice is the same resource
    assert len(kg) == len(set(actor_quads()))
    other = make_graph(backend)
    kg.merge(other)
    assert len(kg) == len(other)
    r = kg.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?t . FILTER(?t IN (gpol:State, gpol:Person, gpol:Organization)) }")
    assert r.rows == [{"n": len(ACTORS)}]


@pytest.mark.parametrize("ext", [".trig", ".nq", ".ttl", ".nt", ".jsonld", ".rdf"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_save_and_load_round_trip(tmp_path, ext, backend):
    kg = make_graph(backend)
    out = tmp_path / f"g{ext}"
    kg.save(out)
    back = KnowledgeGraph.load(out)
    if ext in (".trig", ".nq", ".jsonld"):
        assert len(back) == len(kg)
        assert len(back.named_graphs()) == len(ARTICLES)
    else:  # triple formats hold the merge of all graphs
        assert len(back) == len({q[:3] for q in all_quads()})
    assert back.named_query("who-met").rows == kg.named_query("who-met").rows


def test_load_errors_name_the_file(tmp_path):
    with pytest.raises(StoreError, match=r"\[E008\].*missing.ttl"):
        KnowledgeGraph.load(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match=r"\[E022\].*bad.ttl"):
        KnowledgeGraph.load(bad)
    odd = tmp_path / "g.xyz"
    odd.write_text("x")
    with pytest.raises(StoreError, match=r"\[E020\]"):
        KnowledgeGraph.load(odd)


def test_to_rdflib_keeps_named_graphs():
    ds = make_graph().to_rdflib()
    g = ds.graph(URIRef(ARTICLE.seed))
    assert (ARTICLE.seed, RDF.type, GPOL.Article) in g
    assert (ACTOR.russia, RDF.type, GPOL.State) in ds.default_graph
