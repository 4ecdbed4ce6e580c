"""An interrupted ``kg build --store`` (SIGINT, SIGKILL) leaves only whole articles in the store,
and running it again finishes the rest: the same quads and articles as an uninterrupted build,
no duplicates."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
N = 160
SENTENCES = [
    "NATO condemned Russia on Friday after the strike on Kyiv.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
    "China and India agreed to resume talks on the border dispute in Beijing.",
    "The European Union called on Israel and Hamas to agree to a ceasefire.",
    "Turkey threatened to block the accession of Sweden to NATO.",
    "Japan protested to North Korea after the missile test over Hokkaido.",
    "Brazil hosted the leaders of Argentina and Chile for a summit on trade.",
]


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
            fh.write(json.dumps({"id": f"art-{i:04d}", "text": text}) + "\n")
    return path


def _kg(*args):
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.Popen([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _run(*args, timeout=300):
    p = _kg(*args)
    out, err = p.communicate(timeout=timeout)
    return p.returncode, err.decode("utf-8", "replace")


def _interrupt_when(proc, done_articles: int, sig) -> str:
    """Send ``sig`` once the progress bar shows ``done_articles``; return what stderr said."""
    buf = bytearray()

    def pump():
        while chunk := proc.stderr.read1(4096):
            buf.extend(chunk)

    t = threading.Thread(target=pump, daemon=True)
    t.start()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        counts = [int(m) for m in re.findall(rb"\| *(\d+)/%d" % N, bytes(buf))]
        if counts and max(counts) >= done_articles:
            proc.send_signal(sig)
            break
        time.sleep(0.05)
    proc.wait(timeout=60)
    t.join(timeout=10)
    return buf.decode("utf-8", "replace")


def _quads(store_dir: Path):
    """The store's quads without blank nodes (the ontology's are fresh in every build)."""
    store = ox.Store.read_only(str(store_dir))
    try:
        return {q for q in store if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}, len(store)
    finally:
        del store


def _articles(quads) -> dict[str, set]:
    by_graph: dict[str, set] = {}
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            by_graph.setdefault(q.graph_name.value, set()).add(q)
    return by_graph


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    d = tmp_path_factory.mktemp("interrupt")
    corpus = _corpus(d / "corpus.jsonl")
    code, err = _run("build", corpus, "--store", d / "ref", "--no-progress")
    assert code == 0, err
    quads, n = _quads(d / "ref")
    return corpus, quads, n


@pytest.mark.parametrize("sig, workers", [
    (signal.SIGINT, 1), (signal.SIGKILL, 1),
    pytest.param(signal.SIGINT, 2, marks=pytest.mark.slow), pytest.param(signal.SIGKILL, 2, marks=pytest.mark.slow),
])
def test_interrupted_build_keeps_whole_articles_and_a_rerun_finishes(reference, tmp_path, sig, workers):
    corpus, ref_quads, ref_n = reference
    store = tmp_path / "store"
    proc = _kg("build", corpus, "--store", store, "--progress", "--workers", workers)
    err = _interrupt_when(proc, N // 4, sig)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert "kg: interrupted" in err and "Traceback" not in err
    else:
        assert proc.returncode == -signal.SIGKILL

    # what the store holds now: whole articles only, each exactly as in the full build
    quads, _ = _quads(store)
    assert quads <= ref_quads
    ref_articles, got = _articles(ref_quads), _articles(quads)
    assert 0 < len(got) < N, "the interruption came too late or too early to test anything"
    for iri, qs in got.items():
        assert qs == ref_articles[iri], f"{iri} is incomplete in the interrupted store"

    # the rerun finishes the rest and skips what is there: same quads, no duplicates
    code, err = _run("build", corpus, "--store", store, "--no-progress")
    assert code == 0, err
    quads, n = _quads(store)
    assert n == ref_n and quads == ref_quads
    assert len(_articles(quads)) == N
