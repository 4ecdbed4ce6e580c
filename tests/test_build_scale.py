"""bench/build_scale.py: a corpus built into a store in one command, memory sampled; the peak
does not grow between the first and the second half of the build."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import build_scale  # noqa: E402


def test_corpus_has_distinct_ids_and_short_texts(tmp_path):
    path = tmp_path / "c.jsonl"
    words = build_scale.write_corpus(path, 50, words=60)
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 50 and len({r["id"] for r in recs}) == 50
    assert all(60 <= len(r["text"].split()) < 400 for r in recs)
    assert words == sum(len(r["text"].split()) for r in recs)


@pytest.mark.slow
def test_memory_does_not_grow_with_the_corpus(tmp_path):
    n = 300
    corpus = tmp_path / "c.jsonl"
    build_scale.write_corpus(corpus, n)
    res = build_scale.run_build(corpus, tmp_path / "store", n, echo=False)
    assert res["returncode"] == 0, res["stderr"]
    assert f"{n}/{n}" in res["progress"] and "article/s" in res["progress"]
    samples = res["samples"]
    first = max(rss for _, done, rss in samples if 0 < done <= n // 2)
    second = max(rss for _, done, rss in samples if done > n // 2)
    # the pipeline's caches warm up in the first half; after that the peak stays put
    assert second <= first * 1.05 + 25, (first, second)
    assert max(rss for _, _, rss in samples) < 2048
