"""``--workers N`` on an input too small to share: one process extracts, the build says so
(W086), and the graph is the one a one-process build makes."""
from pathlib import Path

from kg.build import build, min_parallel

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"


def test_small_input_falls_back_to_one_process(tmp_path, monkeypatch):
    import kg.build as kb

    n = len(list(ARTICLES.glob("*.txt")))
    assert 0 < n < min_parallel(2)

    def no_pool(*a, **k):
        raise AssertionError("a process pool was started for a small input")

    monkeypatch.setattr(kb, "_extract_parallel", no_pool)
    warnings = []
    two = build([ARTICLES], tmp_path / "two.nq", workers=2, progress=False, on_warning=warnings.append)
    assert any("W086" in w and "--workers 2" in w for w in warnings), warnings
    one = build([ARTICLES], tmp_path / "one.nq", workers=1, progress=False)
    assert (two.articles, two.events, two.quads) == (one.articles, one.events, one.quads)
    assert sorted((tmp_path / "two.nq").read_text().splitlines()) == sorted((tmp_path / "one.nq").read_text().splitlines())


def test_threshold_grows_with_workers():
    assert min_parallel(1) < min_parallel(2) < min_parallel(4)
