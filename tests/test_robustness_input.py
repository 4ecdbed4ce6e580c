"""Bad input through the real ``kg build`` command: every bad file or line gets one line on
stderr naming it, is skipped, the rest is built and written, the exit code is 1, and no Python
traceback reaches the user."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = ("NATO condemned Russia on Friday after the attack. The United States imposed sanctions "
        "on Iran and the European Union called for talks with China in Brussels.")


def kg(*args, timeout=300):
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    env.pop("KG_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "good.txt").write_text("Talks in Brussels\n\n" + GOOD + "\n", encoding="utf-8")
    (d / "empty.txt").write_text("")
    (d / "blank.txt").write_text("  \n\n \t\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "latin1.txt").write_bytes(("Caf\u00e9 talks in Paris. " + GOOD).encode("latin-1", "replace"))
    (d / "french.txt").write_text(
        "Le président de la République a reçu mardi le Premier ministre pour une réunion sur la "
        "situation au Proche-Orient et les négociations avec les partenaires européens, dans un "
        "climat de tension qui pèse sur les marchés et sur la coalition au pouvoir depuis l'été.",
        encoding="utf-8")
    with (d / "huge.txt").open("w", encoding="utf-8") as fh:   # 50 MB of English text
        line = (GOOD + "\n") * 100
        while fh.tell() < 50 * 2**20:
            fh.write(line)
    (d / "news.jsonl").write_text("\n".join([
        json.dumps({"id": "ok-1", "text": GOOD}),
        "{this is not json",
        json.dumps({"id": "no-text", "title": "No text"}),
        json.dumps({"id": "empty-text", "text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok-2", "text": "Iran rejected the proposal of the United States on Monday.",
                    "url": "https://example.org/a b<script>"}),
    ]) + "\n", encoding="utf-8")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    return d


@pytest.fixture(scope="module")
def bad_build(bad_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad-out") / "graph.nq"
    files = sorted(p for p in bad_corpus.iterdir())
    return kg("build", *files, "-o", out, "--no-progress"), out


def test_exit_code_and_no_traceback(bad_build):
    proc, out = bad_build
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


@pytest.mark.parametrize("where, code", [
    ("empty.txt", "E001"), ("blank.txt", "E001"), ("binary.txt", "E002"), ("latin1.txt", "E003"),
    ("french.txt", "E007"), ("huge.txt", "E006"), ("news.jsonl:2", "E004"),
    ("news.jsonl:3", "E005"), ("news.jsonl:4", "E005"), ("news.jsonl:5", "E005"), ("notes.pdf", "E009"),
])
def test_each_problem_is_one_line_naming_the_file(bad_build, where, code):
    proc, _ = bad_build
    lines = [ln for ln in proc.stderr.splitlines() if re.search(re.escape(os.sep + where) + r"(:|\s|$)", ln)]
    assert len(lines) == 1, proc.stderr
    assert code in lines[0] and lines[0].startswith("kg build: ")


def test_the_rest_is_built_and_written(bad_build):
    proc, out = bad_build
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    ids = {str(s[0].value) for s in store.query(
        "SELECT ?id { ?a <http://purl.org/dc/terms/identifier> ?id }", use_default_graph_as_union=True)}
    assert ids == {"good", "ok-1", "ok-2"}
    assert "11 input problem(s)" in proc.stderr
    # the hostile url was kept as an IRI, its forbidden characters escaped
    src = [str(s[0].value) for s in store.query("SELECT ?u { ?a <http://purl.org/dc/terms/source> ?u }", use_default_graph_as_union=True)]
    assert "https://example.org/a%20b%3Cscript%3E" in src
    assert not [u for u in src if "<" in u or " " in u]


def test_missing_path_and_bad_output(tmp_path):
    proc = kg("build", tmp_path / "nope.txt", "-o", tmp_path / "g.nq", "--no-progress")
    # nothing could be read: nothing is written, and the exit code is 2 (issues 17 and 18)
    assert proc.returncode == 2 and "E008" in proc.stderr and "nope.txt" in proc.stderr
    assert "nothing was written" in proc.stderr and not (tmp_path / "g.nq").exists()
    assert "Traceback" not in proc.stderr
    (tmp_path / "a.txt").write_text(GOOD)
    proc = kg("build", tmp_path / "a.txt", "-o", tmp_path / "g.xyz", "--no-progress")
    assert proc.returncode == 1 and "E020" in proc.stderr and "Traceback" not in proc.stderr
    proc = kg("build", tmp_path / "a.txt", "-o", tmp_path / "g.nq", "--workers", "0")
    assert proc.returncode == 1 and "E086" in proc.stderr and "Traceback" not in proc.stderr
