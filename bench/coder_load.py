"""Time to load the shipped event coder, against loading the spaCy pipeline in the same run.

    python bench/coder_load.py

Prints the model file's size, the median of 5 loads of each, and their ratio.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def median_seconds(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    import spacy

    from kg.coder import DEFAULT_CODER, CoderModel
    from kg.nlp import DEFAULT_MODEL

    coder = median_seconds(lambda: CoderModel.load(DEFAULT_CODER))
    base = median_seconds(lambda: spacy.load(DEFAULT_MODEL))
    print(f"model file: {DEFAULT_CODER.stat().st_size / 1e6:.1f} MB")
    print(f"load the coder: {coder:.3f} s; load the spaCy pipeline: {base:.3f} s")
    print(f"coder load time vs spaCy pipeline load time: {coder / base:.2f}")


if __name__ == "__main__":
    main()
