"""Queries: results and their formats, safe parameters, named queries, errors, the CLI."""
import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from query_fixtures import make_graph
from kg.namespaces import ACTOR
from kg.query import QueryError, named_queries, to_term
from kg.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
BACKENDS = ["oxigraph", "rdflib"]


@pytest.fixture(scope="module", params=BACKENDS)
def kg(request):
    return make_graph(request.param)


def test_select_rows_are_plain_values(kg):
    r = kg.query("SELECT ?e ?d ?c ?s WHERE { ?e a gpol:Meet ; gpol:date ?d ; gpol:confidence ?c ; gpol:charStart ?s } ORDER BY ?d")
    assert r.kind == "select" and r.vars == ["e", "d", "c", "s"]
    first = r.rows[0]
    assert first["e"] == "https://w3id.org/geopolitical-kg/resource/event/talks-t1"
    assert first["d"] == dt.date(2025, 9, 1)
    assert first["c"] == pytest.approx(0.9) and isinstance(first["s"], int)
    assert list(r) == r.rows


def test_ask_construct_describe(kg):
    assert kg.query("ASK { actor:russia a gpol:State }").boolean is True
    assert kg.query("ASK { actor:russia a gpol:Person }").boolean is False
    g = kg.query("CONSTRUCT { ?a gpol:met ?b } WHERE { ?a gpol:met ?b }").graph
    assert isinstance(g, Graph) and len(g) == 2
    d = kg.query("DESCRIBE actor:russia")
    assert d.kind == "graph" and len(d.graph) > 0


def test_result_formats(kg):
    r = kg.query("SELECT ?a ?label WHERE { ?a rdfs:label ?label ; gpol:countryCode 'RUS' }")
    j = json.loads(r.to_json())
    assert j["head"]["vars"] == ["a", "label"]
    b = j["results"]["bindings"][0]
    assert b["a"] == {"type": "uri", "value": str(ACTOR.russia)}
    assert b["label"] == {"type": "literal", "value": "Russia", "xml:lang": "en"}
    rows = list(csv.reader(io.StringIO(r.to_csv())))
    assert rows == [["a", "label"], [str(ACTOR.russia), "Russia"]]
    assert r.to_tsv().splitlines() == ["?a\t?label", f"<{ACTOR.russia}>\t\"Russia\"@en"]
    assert "actor:russia" in r.to_table()
    assert "<literal xml:lang=\"en\">Russia</literal>" in r.to_xml()
    ask = kg.query("ASK {}")
    assert json.loads(ask.to_json()) == {"head": {}, "boolean": True}


def test_parameters_bind_terms(kg):
    q = "SELECT ?actor ?recipient WHERE { ?actor gpol:met ?recipient }"
    for value in ("actor:choe-son-hui", str(ACTOR["choe-son-hui"])):
        assert [r["recipient"] for r in kg.query(q, params={"actor": value}).rows] == [str(ACTOR["vladimir-putin"])]


@pytest.mark.parametrize("evil", [
    '"} } ; DROP ALL ; SELECT * { ?s ?p ?o',
    "actor:russia> . ?x ?y ?z . <x",
    "Russia' || true || '",
    "?actor",
])
def test_parameter_full_of_sparql_changes_nothing(kg, evil):
    n = len(kg)
    q = "SELECT ?label ?a WHERE { ?a rdfs:label ?label }"
    assert kg.query(q, params={"label": evil}).rows == []
    assert len(kg.query(q)) == 8  # the unbound query still sees every actor
    assert len(kg) == n


def test_actor_names_resolve_case_insensitively(kg):
    assert kg.find_actor("putin") == ACTOR["vladimir-putin"]
    assert kg.find_actor("RUSSIA") == ACTOR.russia
    assert kg.find_actor("Atlantis") is None
    with pytest.raises(QueryError, match=r"\[E036\].*Atlantis"):
        kg.named_query("timeline", actor="Atlantis")


def test_to_term():
    assert to_term("2025-10-27", "date") == Literal(dt.date(2025, 10, 27))
    assert str(to_term("Meet", "class")).endswith("#Meet")
    with pytest.raises(QueryError, match="E037"):
        to_term("yesterday", "date")


def test_named_queries_exist_and_run(kg):
    assert set(named_queries()) >= {"who-met", "supporters", "critics", "sanctioners", "timeline",
                                    "events", "balance", "path"}
    met = kg.named_query("who-met").rows
    assert {(r["who"], r["whom"]) for r in met} == {
        (str(ACTOR["choe-son-hui"]), str(ACTOR["vladimir-putin"])), (str(ACTOR.china), str(ACTOR.russia))}
    assert "Kremlin" in met[1]["evidence"]  # the hypothetical Putin meeting is left out
    assert [r["supporter"] for r in kg.named_query("supporters", actor="Ukraine")] == [str(ACTOR["european-union"])]
    assert {r["supporter"] for r in kg.named_query("supporters", actor="Russia")} == {str(ACTOR["north-korea"])}
    critics = kg.named_query("critics", actor="actor:russia").rows
    assert [(r["critic"], r["articles"]) for r in critics] == [(str(ACTOR.ukraine), 1)]
    sanc = {r["sanctioner"] for r in kg.named_query("sanctioners", actor="Moscow")}
    assert sanc == {str(ACTOR["united-states"]), str(ACTOR["european-union"])}
    tl = kg.named_query("timeline", actor="Russia").rows
    assert [r["date"] for r in tl] == sorted(r["date"] for r in tl) and len(tl) == 8
    ev = kg.named_query("events", type="Meet", since="2025-10-01", until="2025-10-31").rows
    assert [r["event"].rsplit("/", 1)[1] for r in ev] == ["seed-e1"]
    bal = {r["polarity"]: r["reports"] for r in kg.named_query("balance", a="Russia", b="Ukraine")}
    assert bal == {"conflict": 2}


def test_path_post_step(kg):
    steps = kg.named_query("path", a="Choe Son Hui", b="European Union").rows
    assert len(steps) == 3
    assert steps[0]["from"] == str(ACTOR["choe-son-hui"]) and "gpol:met" in steps[0]["relation"]
    assert steps[0]["fromLabel"] == "Choe Son Hui" and steps[-1]["toLabel"] == "European Union"
    # the last step, Russia <- European Union, points back
    assert steps[-1]["direction"] == "backward" and steps[-1]["relation"].startswith("^gpol:")
    assert [s["step"] for s in steps] == [1, 2, 3]
    assert all(x["to"] == y["from"] for x, y in zip(steps, steps[1:]))
    assert steps[-1]["to"] == str(ACTOR["european-union"])


def test_path_reads_from_the_first_actor(kg):
    # the European Union -> Ukraine support edge, asked from Ukraine's side
    steps = kg.named_query("path", a="Ukraine", b="European Union").rows
    assert [(s["from"], s["to"]) for s in steps] == [(str(ACTOR.ukraine), str(ACTOR["european-union"]))]
    assert steps[0]["relation"] == "^gpol:supports" and steps[0]["direction"] == "backward"
    back = kg.named_query("path", a="European Union", b="Ukraine").rows
    assert back[0]["relation"] == "gpol:supports" and back[0]["direction"] == "forward"


def test_named_query_errors(kg):
    with pytest.raises(QueryError, match=r"\[E031\].*who-met"):
        kg.named_query("who-mett")
    with pytest.raises(QueryError, match=r"\[E032\].*actor"):
        kg.named_query("timeline")
    with pytest.raises(QueryError, match=r"\[E038\]"):
        kg.named_query("timeline", actor="Russia", colour="red")


def test_syntax_error_has_line_and_column(kg):
    with pytest.raises(QueryError) as err:
        kg.query("SELECT ?x\nWHERE {\n  ?x ?y \n}")
    msg = str(err.value)
    # Oxigraph finds the error at the closing brace; rdflib's parser at the start of the triple
    where = "line 4, column 1" if kg.backend == "oxigraph" else "line 3, column 3"
    assert msg.startswith(f"[E030] SPARQL syntax error at {where}:"), msg


def test_timeout(tmp_path):
    kg = make_graph()
    with pytest.raises(QueryError, match=r"\[E033\]"):
        kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.2)
    assert kg.query("ASK { ?s ?p ?o }", timeout=5).boolean


# ------------------------------------------------------------------ the command line

def _full_cli_works() -> bool:
    try:
        from kg.cli import make_parser

        make_parser()
        return True
    except ImportError:  # another sub-command is not written yet
        return False


# `kg query` through kg.cli when every sub-command imports, else through the same error
# handling with only this sub-command registered
_ONLY_QUERY = """
import argparse, sys
import kg.cli as cli
from kg.commands import query
def make_parser():
    p = argparse.ArgumentParser(prog="kg")
    query.add_parser(p.add_subparsers(dest="command"))
    return p
cli.make_parser = make_parser
sys.exit(cli.main(sys.argv[1:]))
"""


def kgcli(*args):
    head = ["-m", "kg"] if _full_cli_works() else ["-c", _ONLY_QUERY]
    return subprocess.run([sys.executable, *head, "query", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "g.trig"
    make_graph().save(path)
    return path


def test_cli_query_formats(trig):
    r = kgcli(trig, "SELECT ?a ?b WHERE { ?a gpol:met ?b } ORDER BY ?a", "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "a,b" and len(r.stdout.splitlines()) == 3
    r = kgcli(trig, "--name", "timeline", "--param", "actor=Putin", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["results"]["bindings"]) == 2
    r = kgcli(trig, "--name", "supporters", "--param", "actor=Ukraine")
    assert r.returncode == 0 and "actor:european-union" in r.stdout and "(1 row)" in r.stdout
    assert "European Union" in r.stdout  # the name beside the IRI
    r = kgcli(trig, "--name", "who-met", "--param", "actor=Putin", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.returncode == 0 and [(x["whoLabel"], x["whomLabel"]) for x in rows] == [("Choe Son Hui", "Vladimir Putin")]


def test_cli_query_file_and_store(trig, tmp_path):
    store = tmp_path / "store"
    kg = KnowledgeGraph(store)
    kg.merge(trig)
    kg.close()
    q = tmp_path / "q.rq"
    q.write_text("ASK { actor:russia a gpol:State }")
    r = kgcli(store, "--file", q)
    assert r.returncode == 0 and r.stdout.strip() == "yes"


def test_cli_errors(trig):
    r = kgcli(trig, "SELECT ?x WHERE {\n ?x ?y }")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "[E030] SPARQL syntax error at line 2, column" in r.stderr
    r = kgcli(trig, "--name", "nope")
    assert r.returncode == 1 and "[E031]" in r.stderr and "who-met" in r.stderr
    r = kgcli(trig, "--name", "timeline")
    assert r.returncode == 1 and "[E032]" in r.stderr
    r = kgcli(Path(trig).with_name("none.trig"), "ASK {}")
    assert r.returncode == 1 and "[E008]" in r.stderr


# ------------------------------------------------------------------ answers on the bundled examples

RDF_TYPE = RDF.type

SEED_ARTICLE = "putin-hosts-north-korean-envoy"


@pytest.fixture(scope="module")
def examples_kg(tmp_path_factory):
    """The bundled examples built by the real pipeline, in an Oxigraph store."""
    from kg.build import build

    out = tmp_path_factory.mktemp("examples") / "examples.trig"
    report = build([ROOT / "examples" / "articles"], out, progress=False)
    assert report.ok, report.errors
    return KnowledgeGraph.load(out)


def _labels(kg) -> dict:
    return {r["x"]: r["l"] for r in kg.query("SELECT ?x ?l WHERE { ?x rdfs:label ?l }").rows}


def test_examples_who_met_finds_the_seed_meeting_from_putins_side(examples_kg):
    putin, choe = str(ACTOR["vladimir-putin"]), str(ACTOR["choe-son-hui"])
    rows = examples_kg.named_query("who-met", actor="Putin").rows
    assert all(putin in (r["who"], r["whom"]) for r in rows)
    seed_events = {r["e"] for r in examples_kg.query(
        "SELECT ?id ?e WHERE { ?e prov:wasDerivedFrom ?a . ?a dcterms:identifier ?id }",
        params={"id": Literal(SEED_ARTICLE)}).rows}
    seed_meetings = [r for r in rows if {r["who"], r["whom"]} == {putin, choe} and r["event"] in seed_events]
    # Choe met Putin: Putin is the recipient, and the query was asked from his side
    assert any(r["who"] == choe and r["whom"] == putin for r in seed_meetings), rows
    assert all(r["whoLabel"] and r["whomLabel"] for r in rows)
    # without an actor, each meeting is listed once
    every = examples_kg.named_query("who-met").rows
    assert len({(r["event"], r["who"], r["whom"]) for r in every}) == len(every)
    assert {r["event"] for r in rows} <= {r["event"] for r in every}


def _period(lexical: str) -> tuple[str, str]:
    if len(lexical) == 4:
        return lexical + "-01-01", lexical + "-12-31"
    if len(lexical) == 7:
        return lexical + "-01", lexical + "-31"
    return lexical[:10], lexical[:10]


def test_examples_events_in_a_range_include_month_and_year_dates(examples_kg):
    dated = {}
    for e, d in examples_kg.query(
            "SELECT ?e ?d WHERE { ?e a gpol:Sanction OPTIONAL { ?e gpol:date ?d } }").terms:
        dated[str(e)] = None if d is None else str(d)
    assert dated, "the examples have Sanction events"
    in_2025 = {e for e, d in dated.items() if d and _period(d)[0] <= "2025-12-31" and _period(d)[1] >= "2025-01-01"}
    assert in_2025
    got = examples_kg.named_query("events", type="Sanction", since="2025-01-01", until="2025-12-31").rows
    assert {r["event"] for r in got} == in_2025
    everything = examples_kg.named_query("events", type="Sanction").rows
    assert {r["event"] for r in everything} == {e for e, d in dated.items() if d}
    with_undated = examples_kg.named_query("events", type="Sanction", undated="true").rows
    assert {r["event"] for r in with_undated} == set(dated)
    labels = _labels(examples_kg)
    assert all(r["actorLabel"] == labels[r["actor"]] for r in with_undated if r["actor"])


def test_events_date_precision_and_range():
    from rdflib import XSD

    from kg.namespaces import EVENT, GPOL

    kg = KnowledgeGraph(backend="oxigraph")
    dates = {"y2024": ("2024", XSD.gYear), "m202510": ("2025-10", XSD.gYearMonth),
             "d20251231": ("2025-12-31", XSD.date), "d20260101": ("2026-01-01", XSD.date),
             "none": (None, None)}
    quads = []
    for key, (lex, dt_) in dates.items():
        quads.append((EVENT[key], RDF_TYPE, GPOL.Sanction, None))
        if lex:
            quads.append((EVENT[key], GPOL.date, Literal(lex, datatype=dt_), None))
    kg.add_quads(quads)

    def ids(**p):
        return sorted(r["event"].rsplit("/", 1)[1] for r in kg.named_query("events", type="Sanction", **p))

    assert ids() == ["d20251231", "d20260101", "m202510", "y2024"]
    assert ids(since="2025-10-15", until="2025-12-31") == ["d20251231", "m202510"]
    assert ids(since="2024-06-01", until="2024-06-30") == ["y2024"]  # the year overlaps June
    assert ids(since="2025", until="2025") == ["d20251231", "m202510"]
    assert ids(since="2026-01", undated="yes") == ["d20260101", "none"]
    prec = {r["event"].rsplit("/", 1)[1]: r["precision"] for r in kg.named_query("events", type="Sanction")}
    assert prec == {"y2024": "year", "m202510": "month", "d20251231": "day", "d20260101": "day"}
    with pytest.raises(QueryError, match=r"\[E037\].*undated"):
        kg.named_query("events", type="Sanction", undated="maybe")


def test_examples_timeline_one_row_per_event_most_specific_class(examples_kg):
    rows = examples_kg.named_query("timeline", actor="Putin").rows
    events = [r["event"] for r in rows]
    assert len(events) == len(set(events)), "one row per event"
    expected = {r["e"] for r in examples_kg.query(
        "SELECT DISTINCT ?e WHERE { { ?e gpol:actor actor:vladimir-putin } UNION { ?e gpol:recipient actor:vladimir-putin } }").rows}
    assert set(events) == expected
    for r in rows:  # no other class of the event sits below the one listed
        finer = examples_kg.query(
            "ASK { ?e a ?sub . ?sub rdfs:subClassOf ?type FILTER(?sub != ?type) }",
            params={"e": URIRef(r["event"]), "type": URIRef(r["type"])})
        assert not finer.boolean, r
    seed_meeting = [r for r in rows if r["other"] == str(ACTOR["choe-son-hui"]) and r["role"] == "recipient"]
    assert seed_meeting and seed_meeting[0]["type"].endswith("#Meet") and seed_meeting[0]["otherLabel"] == "Choe Son Hui"
    assert all(r["actorLabel"] == "Vladimir Putin" for r in rows)


def test_timeline_several_others_in_one_row():
    from kg.namespaces import EVENT, GPOL

    kg = make_graph()
    e = EVENT["summit"]
    kg.add_quads([(e, RDF_TYPE, GPOL.Meet, None), (e, RDF_TYPE, GPOL.Consult, None),
                  (e, GPOL.actor, ACTOR.china, None), (e, GPOL.recipient, ACTOR.russia, None),
                  (e, GPOL.recipient, ACTOR["north-korea"], None)])
    rows = [r for r in kg.named_query("timeline", actor="China") if r["event"] == str(e)]
    assert len(rows) == 1 and rows[0]["type"].endswith("#Meet")
    assert sorted(rows[0]["other"].split()) == sorted([str(ACTOR.russia), str(ACTOR["north-korea"])])
    assert sorted(rows[0]["otherLabel"].split("; ")) == ["North Korea", "Russia"]


def test_examples_path_reads_from_the_first_actor(examples_kg):
    sudan, eu = str(ACTOR.sudan), str(ACTOR["european-union"])
    steps = examples_kg.named_query("path", a="Sudan", b="European Union").rows
    assert steps and steps[0]["from"] == sudan and steps[-1]["to"] == eu
    assert all(x["to"] == y["from"] for x, y in zip(steps, steps[1:]))
    assert steps[0]["fromLabel"] == "Sudan" and steps[-1]["toLabel"] == "European Union"
    for s in steps:  # "^" marks exactly the relations that point from "to" back to "from"
        for rel in s["relation"].split(", "):
            src, dst = (s["to"], s["from"]) if rel.startswith("^") else (s["from"], s["to"])
            assert examples_kg.query(f"ASK {{ ?x {rel.lstrip('^')} ?y }}",
                                     params={"x": URIRef(src), "y": URIRef(dst)}).boolean, (s, rel)


EXAMPLE_CALLS = {
    "who-met": {"actor": "Putin"}, "supporters": {"actor": "Russia"}, "critics": {"actor": "Russia"},
    "sanctioners": {"actor": "Russia"}, "timeline": {"actor": "Russia"}, "events": {"type": "Sanction"},
    "balance": {"a": "Russia", "b": "Ukraine"}, "path": {"a": "Sudan", "b": "European Union"},
}


def test_examples_every_named_query_gives_names_beside_iris(examples_kg):
    assert set(EXAMPLE_CALLS) == set(named_queries())
    labels = _labels(examples_kg)
    for name, params in EXAMPLE_CALLS.items():
        r = examples_kg.named_query(name, **params)
        named = 0
        for row in r.rows:
            for var, value in row.items():
                if isinstance(value, str) and value.startswith(str(ACTOR)) and " " not in value:
                    assert var + "Label" in r.vars, (name, var)
                    assert row[var + "Label"] == labels.get(value), (name, var, row)
                    named += 1
        assert named or not r.rows, name
