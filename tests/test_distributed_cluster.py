"""``kg build --scheduler``: extraction mapped over a real dask.distributed cluster (a local one
of two worker processes) gives the same quads as a local build."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


def _quads(path: Path):
    """Quads of an N-Quads file, without blank nodes (the ontology's differ from build to build)."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return {q for q in store if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}, len(store)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as c:
        yield c


def test_cluster_build_equals_local_build(cluster, tmp_path):
    local = build([ARTICLES], tmp_path / "local.nq", progress=False)
    remote = build([ARTICLES], tmp_path / "remote.nq", store=tmp_path / "store",
                   scheduler=cluster.scheduler_address, progress=False)
    assert remote.errors == [] and remote.articles == local.articles > 0
    assert remote.events == local.events
    (lq, ln), (rq, rn) = _quads(tmp_path / "local.nq"), _quads(tmp_path / "remote.nq")
    assert ln == rn and lq == rq
    remote.graph.close()
    # through the command line, into the same store: everything is already there
    assert main(["build", str(ARTICLES), "--store", str(tmp_path / "store"),
                 "--scheduler", cluster.scheduler_address, "--no-progress"]) == 0
    assert len(cluster.workers) == 2


def test_unreachable_scheduler_is_one_line(tmp_path, capsys):
    code = main(["build", str(ARTICLES / "putin-hosts-north-korean-envoy.txt"), "-o", str(tmp_path / "g.nq"),
                 "--scheduler", "tcp://127.0.0.1:9", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1 and "E088" in err and "127.0.0.1:9" in err and "Traceback" not in err
