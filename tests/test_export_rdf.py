"""RDF exports read back by independent parsers (pyoxigraph, Debian's rapper) to the same statements."""
import json
import shutil
import subprocess

import pytest
from rdflib import Literal

from interop_fixtures import conforming, normalised, read_with_oxigraph
from kg.export import FORMATS, canonical_literals, export, format_for, load_dataset
from kg.namespaces import EVENT, GPOL, PREFIXES

QUAD_FORMATS = [("nquads", ".nq", "N_QUADS"), ("trig", ".trig", "TRIG"), ("jsonld", ".jsonld", "JSON_LD")]
TRIPLE_FORMATS = [("turtle", ".ttl", "TURTLE"), ("ntriples", ".nt", "N_TRIPLES"), ("rdfxml", ".rdf", "RDF_XML")]


@pytest.fixture(scope="module")
def ds():
    return conforming()


@pytest.fixture(scope="module")
def canon(ds):
    return canonical_literals(ds)


@pytest.mark.parametrize("name,ext,oxfmt", QUAD_FORMATS)
def test_export_quad_formats_round_trip_through_oxigraph(ds, canon, tmp_path, name, ext, oxfmt):
    path = export(ds, tmp_path / f"graph{ext}")
    assert format_for(path).name == name
    got = read_with_oxigraph(path, oxfmt, quads=True)
    want = normalised(canon, quads=True)
    assert got == want
    assert {q[3] for q in got} == {"", f"<{PREFIXES['article']}seed>", f"<{PREFIXES['article']}follow-up>"}


@pytest.mark.parametrize("name,ext,oxfmt", TRIPLE_FORMATS)
def test_export_triple_formats_round_trip_through_oxigraph(ds, canon, tmp_path, name, ext, oxfmt):
    path = export(ds, tmp_path / f"graph{ext}")
    got = read_with_oxigraph(path, oxfmt, quads=False)
    assert got == normalised(canon, quads=False)


@pytest.mark.skipif(not shutil.which("rapper"), reason="needs Debian raptor2-utils (scripts/install-system-deps.sh)")
def test_export_turtle_read_by_rapper(ds, canon, tmp_path):
    path = export(ds, tmp_path / "graph.ttl")
    out = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", str(path)],
                         capture_output=True, text=True, check=True).stdout
    nt = tmp_path / "rapper.nt"
    nt.write_text(out, encoding="utf-8")
    want = normalised(canon, quads=False)
    assert len(out.strip().splitlines()) == len(want)
    assert read_with_oxigraph(nt, "N_TRIPLES", quads=False) == want


def test_export_jsonld_is_compact_with_the_shipped_context(ds, tmp_path):
    doc = json.loads(export(ds, tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    ctx = doc["@context"]
    for prefix, iri in PREFIXES.items():
        assert ctx[prefix] == iri
    text = json.dumps(doc, ensure_ascii=False)
    assert '"charStart": "212"' in text or '"charStart": 212' in text
    assert '"date": "2025-10-27"' in text
    assert "event:e1" in text and "https://w3id.org/geopolitical-kg/resource/event/e1" not in text


def test_export_reads_its_own_output_back_as_a_source(ds, canon, tmp_path):
    trig = export(ds, tmp_path / "g.trig")
    again = load_dataset(trig)
    assert normalised(again) == normalised(canon)
    assert list(again.quads((EVENT["e1"], GPOL.charStart, Literal(212), None)))


def test_export_unknown_extension_and_format_are_user_errors(ds, tmp_path):
    from kg.errors import KGError

    with pytest.raises(KGError, match="E060"):
        export(ds, tmp_path / "graph.docx")
    with pytest.raises(KGError, match="E061"):
        export(ds, tmp_path / "graph.ttl", format="parquet")
    assert format_for("x.anything", "ttl").name == "turtle"
    assert set(FORMATS) >= {"turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml", "graphml", "gexf", "neo4j"}


def test_export_canonical_literals_only_adds_a_decimal_point(ds, canon):
    from rdflib.namespace import XSD

    before, after = normalised(ds), normalised(canon)
    assert len(before) == len(after)
    diff = before ^ after
    assert {q[2] for q in diff} == {'"1"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                                    '"1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'}
    assert [q[2] for q in canon.quads((EVENT["e2"], GPOL.confidence, None, None))] == [
        Literal("0.75", datatype=XSD.decimal)]
