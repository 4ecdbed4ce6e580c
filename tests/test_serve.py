"""The SPARQL endpoint, queried with a real client (SPARQLWrapper) over loopback HTTP."""
import csv
import io
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from query_fixtures import make_graph
from kg.namespaces import ACTOR, sparql_prologue
from kg.serve import make_server, negotiate, uses_service

ROOT = Path(__file__).resolve().parents[1]
SELECT = "SELECT ?a ?b WHERE { ?a gpol:met ?b } ORDER BY ?a"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def start(kg, **kw):
    server = make_server(kg, port=0, quiet=True, **kw)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/sparql"


@pytest.fixture(scope="module")
def endpoint():
    server, url = start(make_graph(), timeout=0.3)
    yield url
    server.shutdown()
    server.server_close()


def client(url, query, fmt=JSON, method=GET, request=URLENCODED):
    s = SPARQLWrapper(url)
    s.setQuery(query)
    s.setReturnFormat(fmt)
    s.setMethod(method)
    s.setRequestMethod(request)
    return s


@pytest.mark.parametrize("method,request_method", [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_select_json_every_method(endpoint, method, request_method):
    res = client(endpoint, SELECT, JSON, method, request_method).query().convert()
    assert res["head"]["vars"] == ["a", "b"]
    pairs = [(b["a"]["value"], b["b"]["value"]) for b in res["results"]["bindings"]]
    assert pairs == [(str(ACTOR.china), str(ACTOR.russia)), (str(ACTOR["choe-son-hui"]), str(ACTOR["vladimir-putin"]))]


def test_select_xml_csv_tsv(endpoint):
    doc = client(endpoint, SELECT, XML).query().convert()  # xml.dom.minidom Document
    assert len(doc.getElementsByTagName("result")) == 2
    text = client(endpoint, SELECT, CSV).query().convert().decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["a", "b"] and rows[1] == [str(ACTOR.china), str(ACTOR.russia)]
    tsv = client(endpoint, SELECT, TSV).query().convert().decode().splitlines()
    assert tsv[0] == "?a\t?b" and tsv[1] == f"<{ACTOR.china}>\t<{ACTOR.russia}>"


def test_ask(endpoint):
    assert client(endpoint, "ASK { actor:russia a gpol:State }").query().convert()["boolean"] is True
    doc = client(endpoint, "ASK { actor:russia a gpol:Person }", XML).query().convert()
    assert doc.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("fmt,parse_as", [(TURTLE, "turtle"), (N3, "turtle"), (JSONLD, "json-ld")])
def test_construct_formats(endpoint, fmt, parse_as):
    q = sparql_prologue() + "CONSTRUCT { ?a gpol:met ?b } WHERE { ?a gpol:met ?b }"
    res = client(endpoint, q, fmt, POST).query()
    assert res.response.headers["Content-Type"].split(";")[0] in ("text/turtle", "application/ld+json")
    out = res.convert()
    g = out if isinstance(out, Graph) else Graph().parse(data=out, format=parse_as)
    assert len(g) == 2


def test_construct_ntriples_and_describe(endpoint):
    req = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode({"query": "DESCRIBE actor:russia"}),
                                 headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req) as resp:
        assert resp.headers["Content-Type"].startswith("application/n-triples")
        g = Graph().parse(data=resp.read().decode(), format="nt")
    assert len(g) >= 5
    # default for graphs is Turtle
    with urllib.request.urlopen(endpoint + "?" + urllib.parse.urlencode({"query": "DESCRIBE actor:russia"})) as resp:
        assert resp.headers["Content-Type"].startswith("text/turtle")


def test_update_refused_when_read_only(endpoint):
    s = client(endpoint, "INSERT DATA { actor:x a gpol:State }", JSON, POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        s.query()
    assert err.value.code == 403
    assert not client(endpoint, "ASK { actor:x ?p ?o }").query().convert()["boolean"]


def test_update_allowed_with_flag():
    server, url = start(make_graph(), allow_update=True)
    try:
        s = client(url, "INSERT DATA { actor:atlantis a gpol:State }", JSON, POST)
        s.query()
        assert client(url, "ASK { actor:atlantis a gpol:State }").query().convert()["boolean"]
        s = client(url, "DELETE DATA { actor:atlantis a gpol:State }", JSON, POST, POSTDIRECTLY)
        s.query()
        assert not client(url, "ASK { actor:atlantis a gpol:State }").query().convert()["boolean"]
    finally:
        server.shutdown()
        server.server_close()


def test_service_rejected(endpoint):
    q = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryBadFormed, match="SERVICE"):
        client(endpoint, q).query()
    assert uses_service("select * { service silent <x:y> {} }")
    assert not uses_service('SELECT ("SERVICE" AS ?x) {} # SERVICE')


def test_syntax_error_is_400(endpoint):
    with pytest.raises(QueryBadFormed, match="E030"):
        client(endpoint, "SELECT ?x WHERE { ?x ?y }").query()


def test_timeout_then_next_query_works(endpoint):
    t0 = time.perf_counter()
    with pytest.raises(urllib.error.HTTPError) as err:
        client(endpoint, SLOW).query()
    assert err.value.code == 503 and b"E033" in err.value.read()
    assert time.perf_counter() - t0 < 1.5
    assert client(endpoint, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True


def test_query_page_is_self_contained(endpoint):
    with urllib.request.urlopen(endpoint[: -len("sparql")]) as resp:
        html = resp.read().decode()
    assert resp.headers["Content-Type"].startswith("text/html")
    # it asks this server only, by relative URLs: the endpoint and the named queries
    assert 'request("sparql"' in html and 'fetch("queries"' in html and "<textarea" in html
    assert "http://" not in html.replace("http://www.wikidata.org/entity/", "")
    assert "src=" not in html and "href=" not in html  # no external scripts or styles


def test_negotiate():
    offers = {"application/sparql-results+json": "json", "text/csv": "csv"}
    assert negotiate(None, offers, "application/sparql-results+json")[1] == "json"
    assert negotiate("text/csv;q=0.9, application/sparql-results+json;q=0.5", offers, "application/sparql-results+json")[1] == "csv"
    assert negotiate("*/*", offers, "application/sparql-results+json")[1] == "json"
    assert negotiate("image/png", offers, "application/sparql-results+json") is None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_ONLY_SERVE = """
import argparse, sys
import kg.cli as cli
from kg.commands import serve
def make_parser():
    p = argparse.ArgumentParser(prog="kg")
    serve.add_parser(p.add_subparsers(dest="command"))
    return p
cli.make_parser = make_parser
sys.exit(cli.main(sys.argv[1:]))
"""


def test_kg_serve_command(tmp_path):
    trig = tmp_path / "g.trig"
    make_graph().save(trig)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", _ONLY_SERVE, "serve", str(trig), "--port", str(port), "--quiet"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        for _ in range(100):
            try:
                res = client(url, SELECT).query().convert()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("server did not start: " + proc.stderr.read())
        assert len(res["results"]["bindings"]) == 2
    finally:
        proc.terminate()
        proc.wait(10)
    bad = subprocess.run([sys.executable, "-c", _ONLY_SERVE, "serve", str(tmp_path / "none.trig")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "[E008]" in bad.stderr and "Traceback" not in bad.stderr
