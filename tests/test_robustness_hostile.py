"""Hostile article content (HTML, JavaScript, SPARQL-like strings, very long names, control
characters) gives a valid graph and an inert HTML view; random text through the whole pipeline
always gives RDF that parses."""
from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import build
from kg.graph.rdf import extraction_to_quads
from kg.model import Article
from kg.store import KnowledgeGraph

HOSTILE = {
    "html": ('President Putin met <b onmouseover="steal()">Kim Jong Un</b> in Moscow on Monday. '
             '</script><script>alert("pwned")</script><img src=x onerror=alert(1)> '
             'NATO condemned Russia <iframe src="javascript:alert(2)"></iframe> after the talks.'),
    "sparql": ('Iran rejected the proposal of the United States" . } ; DROP ALL ; INSERT DATA { '
               '<http://evil/s> <http://evil/p> "x" } # and the "> <x> . \\" ending. '
               'Israel accused Hamas of SELECT * WHERE { ?s ?p ?o } violations in Gaza.'),
    "long-name": ("The delegation of " + "Abcdefghij" * 400 + " " + "Qwerty " * 30 + "met Xi Jinping in Beijing. "
                  "China condemned the United States over the tariffs. "
                  "President " + "Zyxwvutsrq" * 300 + " threatened Japan on Friday."),
    "controls": ("Iran\x00 rejected\x07 the \x1b[31m proposal\x1b[0m \u202eof the\u202c United States "
                 "\ufeff on Monday.\x0b Turkey\x08 blamed\x7f Greece \u2028for the \u2029incident."),
    "surrogates": "India accused Pakistan of shelling \ud800 the border \udfff near Kashmir.",
}
# real prose around the payloads, so that the English check lets them through to extraction
PROSE = ("The talks were held in the capital on Friday and the two sides said that they would meet "
         "again in the spring, but there was no sign of an agreement on any of the issues that have "
         "divided them for years. ")
HOSTILE = {k: PROSE + v + " " + PROSE for k, v in HOSTILE.items()}
PAYLOADS = ['<script>alert("pwned")</script>', "onerror=alert(1)", 'onmouseover="steal()"',
            'src="javascript:alert(2)"', "</script><script>"]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    src = d / "hostile.jsonl"
    src.write_text("".join(json.dumps({"id": k, "title": v[:80], "text": v}) + "\n"
                           for k, v in HOSTILE.items()), encoding="utf-8")
    errors = []
    report = build([src], d / "graph.trig", progress=False, on_error=errors.append)
    return report, d / "graph.trig", errors


def test_hostile_articles_build_without_errors(hostile_build):
    report, _, errors = hostile_build
    assert errors == [] and report.articles == len(HOSTILE)
    assert report.events > 0


def test_hostile_graph_parses_and_is_valid(hostile_build):
    _, trig, _ = hostile_build
    store = ox.Store()
    store.load(path=str(trig), format=ox.RdfFormat.TRIG)
    assert len(store) > 0
    # the SPARQL in the text stayed text: nothing from the "evil" update reached the graph
    assert not list(store.quads_for_pattern(ox.NamedNode("http://evil/s"), None, None))
    try:
        from kg.validate import validate
    except ImportError:  # pragma: no cover
        return
    report = validate(str(trig))
    assert report.conforms, report.summary()


def test_hostile_text_is_kept_verbatim_as_literals(hostile_build):
    report, _, _ = hostile_build
    kg: KnowledgeGraph = report.graph
    labels = {r["l"] for r in kg.query("SELECT ?l { ?a rdfs:label ?l }").rows}
    assert labels, "no labels at all"
    # control characters never reach an IRI
    for q in kg._store:
        for t in (q.subject, q.predicate, q.object):
            if isinstance(t, ox.NamedNode):
                assert not any(ord(c) < 33 or c in '<>"{}|^`\\' for c in t.value), t


def test_hostile_view_is_inert(hostile_build):
    from kg.views import html_document

    report, _, _ = hostile_build
    page = html_document(report.graph)
    for payload in PAYLOADS:
        assert payload not in page, payload
    assert page.count("<iframe") == 0


# ---------------------------------------------------------------- property-based
_WORDS = ["NATO", " Russia", " met ", " condemned ", " the United States", " Putin", " Iran",
          " on Friday", "<script>", "</script>", " DROP ALL ", '" . }', "\u202e", "\x00", "\n\n",
          " President ", " Xi Jinping", " sanctions on ", " Mr. ", " Kim Jong Un"]
_TEXT = st.lists(st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
                           st.sampled_from(_WORDS)),
                 min_size=1, max_size=40).map("".join).filter(str.strip)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=_TEXT, title=st.one_of(st.none(), st.text(max_size=60)))
def test_random_text_through_the_whole_pipeline_gives_rdf_that_parses(extractor, text, title):
    article = Article(id="prop-test", text=text, title=title)
    quads = extraction_to_quads(extractor.extract(article))
    kg = KnowledgeGraph()
    kg.add_quads(quads)
    buf = io.BytesIO()
    kg._store.dump(buf, ox.RdfFormat.TRIG)
    back = ox.Store()
    back.load(buf.getvalue(), format=ox.RdfFormat.TRIG)
    assert len(back) == len(kg)
