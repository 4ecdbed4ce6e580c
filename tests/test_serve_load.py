"""``kg serve`` under load: 20 concurrent clients, 1,000 mixed queries (SELECT, ASK, CONSTRUCT
and the named queries), every answer equal to the direct query on the same graph; a query past
``--timeout`` gets an error answer and the server keeps serving."""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import Graph

from kg.build import build
from kg.query import NamedQuery, named_queries
from kg.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
CLIENTS, REQUESTS = 20, 1000

QUERIES = [
    "SELECT ?a ?label WHERE { ?a a gpol:Actor ; rdfs:label ?label }",
    "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type ; gpol:actor ?x } GROUP BY ?type",
    "SELECT ?e ?date WHERE { ?e gpol:date ?date } ORDER BY ?date LIMIT 20",
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "ASK { ?a a gpol:State }",
    "ASK { ?a rdfs:label \"No Such Actor Anywhere\" }",
    "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a gpol:Person ; rdfs:label ?l }",
    "CONSTRUCT { ?e gpol:actor ?a } WHERE { ?e gpol:actor ?a } LIMIT 50",
]


def _named(kg: KnowledgeGraph) -> list[str]:
    """The named queries, their required parameters bound by a trailing VALUES clause (to two
    states of the graph, or the class Meet), as a client would send them."""
    states = [r["a"] for r in kg.query("SELECT ?a { ?a a gpol:State } ORDER BY ?a LIMIT 2").rows]
    out = []
    for name in named_queries():
        nq = NamedQuery.load(name)
        if nq.post is not None:
            continue
        required = [p for p in nq.params if not p.optional]
        values = []
        for i, p in enumerate(required):
            values.append((p.name, "gpol:Meet" if p.kind == "class" else f"<{states[i % len(states)]}>"))
        text = nq.text
        if values:
            text += ("\nVALUES (" + " ".join("?" + n for n, _ in values) + ") { ("
                     + " ".join(v for _, v in values) + ") }")
        out.append(text)
    return out


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve-load") / "graph.trig"
    report = build([ROOT / "examples" / "articles"], out, progress=False)
    assert report.articles > 0 and report.events > 0
    return out


@pytest.fixture(scope="module")
def server(graph_file):
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(graph_file), "--port", "0",
                             "--quiet", "--timeout", "2"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line)
    assert m, line
    yield f"http://127.0.0.1:{m.group(1)}/sparql", proc
    proc.kill()
    proc.wait(timeout=30)


def _canonical_select(doc: dict):
    return sorted(json.dumps(b, sort_keys=True) for b in doc["results"]["bindings"])


def _expected(kg: KnowledgeGraph, sparql: str):
    r = kg.query(sparql)
    if r.kind == "ask":
        return ("ask", r.boolean)
    if r.kind == "select":
        return ("select", _canonical_select(json.loads(r.serialize("json"))))
    return ("graph", sorted(" ".join(t.n3() for t in triple) for triple in r.graph))


def _ask_server(url: str, sparql: str, timeout: float = 60):
    accept = "application/n-triples" if sparql.lstrip().upper().startswith("CONSTRUCT") else \
        "application/sparql-results+json"
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": sparql}).encode(),
                                 headers={"Accept": accept,
                                          "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        body = resp.read().decode("utf-8")
    if accept == "application/n-triples":
        g = Graph()
        g.parse(data=body, format="nt")
        return ("graph", sorted(" ".join(t.n3() for t in triple) for triple in g))
    doc = json.loads(body)
    if "boolean" in doc:
        return ("ask", doc["boolean"])
    return ("select", _canonical_select(doc))


def test_twenty_clients_thousand_queries_all_correct(server, graph_file):
    url, proc = server
    kg = KnowledgeGraph.load(graph_file)
    queries = QUERIES + _named(kg)
    assert len(queries) >= 15
    expected = {q: _expected(kg, q) for q in queries}
    assert any(v[0] == "select" and v[1] for v in expected.values())
    rng = random.Random(8)
    work = [rng.choice(queries) for _ in range(REQUESTS)]
    t0 = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(lambda q: (q, _ask_server(url, q)), work))
    seconds = time.perf_counter() - t0
    wrong = [q for q, a in answers if a != expected[q]]
    assert not wrong, f"{len(wrong)} wrong answers, e.g. {wrong[0]}"
    assert proc.poll() is None
    print(f"{REQUESTS} queries from {CLIENTS} clients in {seconds:.1f} s ({REQUESTS / seconds:.0f}/s)")


def test_a_query_past_the_time_limit_is_stopped_and_the_server_keeps_serving(server):
    url, proc = server
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    t0 = time.perf_counter()
    with pytest.raises(urllib.error.HTTPError) as err:
        _ask_server(url, slow)
    assert err.value.code == 503
    assert "E033" in err.value.read().decode()
    assert time.perf_counter() - t0 < 15
    # the server goes on answering, correctly
    assert _ask_server(url, "ASK { ?a a gpol:State }") == ("ask", True)
    assert proc.poll() is None
