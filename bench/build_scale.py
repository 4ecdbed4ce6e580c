"""Build a large corpus into a store in one command and watch its memory.

    python bench/build_scale.py [--articles 10000] [--workers 1] [--words 70] [--keep DIR]

Writes N short articles (paragraphs of bench/corpus.py's texts, each with its own id) as one
JSONL file, runs ``kg build corpus.jsonl --store DIR --progress`` as a subprocess, samples the
resident memory (RSS) of that process and its worker processes five times a second, and follows
the progress bar. It prints the peak RSS reached by 10 %, 50 % and 100 % of the articles (1k, 5k
and 10k by default), the build time and the articles per second. A streaming build has about
the same peak at 50 % as at 100 %.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import base_texts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["write_corpus", "run_build", "main"]


def write_corpus(path: Path, n: int, words: int = 70) -> int:
    """Write ``n`` short articles of about ``words`` words to ``path`` (JSONL); return the words."""
    paras = [p for t in base_texts() for p in t.split("\n\n") if len(p.split()) >= 8]
    total = 0
    with path.open("w", encoding="utf-8") as fh:
        i = j = 0
        while i < n:
            parts, w = [], 0
            while w < words:
                p = paras[j % len(paras)]
                parts.append(p)
                w += len(p.split())
                j += 1
            # dated, as a news feed's records are (an undated article is one warning line each)
            day = date(2025, 1, 1) + timedelta(days=i % 365)
            fh.write(json.dumps({"id": f"scale-{i:06d}", "published": day.isoformat(),
                                 "text": "\n\n".join(parts)}) + "\n")
            total += w
            i += 1
    return total


def _rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants, in MB (from /proc via psutil)."""
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def run_build(corpus: Path, store: Path, n: int, *, workers: int = 1, interval: float = 0.2,
              echo: bool = True) -> dict:
    """Run ``kg build`` on ``corpus`` into ``store``; return the samples ``[(seconds, articles
    done, RSS MB)]``, the exit code, the wall time and the last progress line."""
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "--progress",
           "--workers", str(workers)]
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    buf = bytearray()

    def pump():
        while chunk := proc.stderr.read1(4096):
            buf.extend(chunk)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    samples, done, shown = [], 0, 0
    pattern = re.compile(rb"\| *(\d+)/%d " % n)
    while proc.poll() is None:
        tail = bytes(buf[-4000:])   # the bar's last redraw, past any warning lines
        counts = [int(m) for m in pattern.findall(tail)]
        if counts:
            done = max(done, max(counts))
        samples.append((time.perf_counter() - t0, done, _rss_mb(proc.pid)))
        if echo and done >= shown + max(1, n // 20):
            shown = done
            print(f"  {done:>7,} articles  {samples[-1][0]:7.1f} s  RSS {samples[-1][2]:7.0f} MB", flush=True)
        time.sleep(interval)
    reader.join(timeout=10)
    wall = time.perf_counter() - t0
    text = buf.decode("utf-8", "replace")
    lines = [ln for ln in re.split(r"[\r\n]", text) if ln.strip()]
    return {"samples": samples, "returncode": proc.returncode, "seconds": wall,
            "progress": next((ln for ln in reversed(lines) if "/%d" % n in ln), ""),
            "stderr": text[-2000:]}


def peak_until(samples, articles: int) -> float:
    """The peak RSS (MB) among samples taken before ``articles`` were done."""
    return max((rss for _, done, rss in samples if done <= articles), default=0.0)


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=70, help="about this many words per article")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--keep", metavar="DIR", help="keep the corpus and the store in DIR")
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory()
    work = Path(args.keep or tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    corpus, store = work / "corpus.jsonl", work / "store"
    n_words = write_corpus(corpus, args.articles, args.words)
    print(f"corpus: {args.articles:,} articles, {n_words:,} words, "
          f"{corpus.stat().st_size / 2**20:.1f} MB -> {store}", flush=True)
    res = run_build(corpus, store, args.articles, workers=args.workers)
    n = args.articles
    print(f"kg build exit code {res['returncode']}; last progress: {res['progress'].strip()}")
    peaks = {}
    for share in (0.1, 0.5, 1.0):
        m = int(n * share)
        peaks[m] = peak_until(res["samples"], m)
        print(f"peak RSS by {m:>7,} articles: {peaks[m]:8.0f} MB")
    size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20 if store.exists() else 0
    print(f"build time {res['seconds']:.0f} s, {n / res['seconds']:.1f} articles/s, "
          f"{n_words / res['seconds']:,.0f} words/s; store on disk {size:.0f} MB")
    print(f"peak RSS: {max(peaks.values()):.0f} MB")
    if not args.keep:
        tmp.cleanup()
    return {**res, "peaks": peaks, "words": n_words}


if __name__ == "__main__":
    out = main()
    sys.exit(0 if out["returncode"] == 0 else 1)
