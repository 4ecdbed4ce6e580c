"""The graph built from every bundled example is valid: SHACL shapes, OWL-RL consistency, and it
reads back in an independent parser."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def examples_graph(tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("examples") / "examples.trig"
    report = build([ROOT / "examples" / "articles"], out, progress=False)
    assert report.ok, report.errors
    assert report.articles >= 6 and report.events > 0
    return out


def test_examples_validate_clean(examples_graph):
    from kg.validate import validate

    report = validate(examples_graph)
    assert report.conforms, "\n".join(v.line() for v in report.violations[:20])


def test_examples_read_back_in_pyoxigraph(examples_graph):
    quads = list(ox.parse(path=str(examples_graph), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert len(graphs) >= 6  # one named graph per article


def test_examples_consistent_under_owl_rl(examples_graph):
    from rdflib import Dataset

    from test_reasoner_owlrl import closure, problems

    ds = Dataset(default_union=True)
    ds.parse(examples_graph, format="trig")
    assert problems(closure(ds)) == []


def test_most_asserted_events_are_dated_and_none_after_its_article(examples_graph):
    """Datelines date the articles, relative dates are read against them, and an act told without
    a date carries its article's date: at least 80 % of asserted events have a date, and only a
    Hypothetical (planned) event lies after its article's publication date."""
    from rdflib import Dataset

    ds = Dataset(default_union=True)
    ds.parse(examples_graph, format="trig")
    rows = list(ds.query("""
        PREFIX gpol: <https://w3id.org/geopolitical-kg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?mod ?date ?pub WHERE {
          ?e gpol:modality ?mod ; prov:wasDerivedFrom ?art .
          OPTIONAL { ?e gpol:date ?date } OPTIONAL { ?art dcterms:date ?pub } }"""))
    asserted = [r for r in rows if str(r[0]).endswith("#Asserted")]
    assert sum(r[1] is not None for r in asserted) >= 0.8 * len(asserted)
    late = [r for r in rows if r[1] is not None and r[2] is not None and not str(r[0]).endswith("#Hypothetical")
            and str(r[1]) > str(r[2])[:len(str(r[1]))]]
    assert late == []
