"""``kg build --push URL`` sends the built graph to a real Oxigraph server (Graph Store Protocol):
the server then holds the same quads as the store, and building twice duplicates nothing."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from interop_fixtures import OxigraphServer
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.cli import main

SEED = Path(__file__).resolve().parent.parent / "examples" / "articles" / "putin-hosts-north-korean-envoy.txt"


def _count(url: str) -> int:
    sw = SPARQLWrapper(url + "/query")
    sw.setQuery("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
    sw.setReturnFormat(JSON)
    return int(sw.query().convert()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("push-store")) as srv:
        yield srv


def test_build_push_lands_the_graph_once(server, tmp_path):
    out = tmp_path / "g.nq"
    assert main(["build", str(SEED), "-o", str(out), "--push", server.url + "/query", "--no-progress"]) == 0
    local = ox.Store()
    local.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    # the ontology's blank nodes are there, and skolemised on the way (kg.push.skolemize)
    assert any(isinstance(q.subject, ox.BlankNode) for q in local)
    first = _count(server.url)
    assert first == len(local)
    assert main(["build", str(SEED), "--push", server.url + "/query", "--no-progress"]) == 0
    assert _count(server.url) == first
