"""Calibration of confidences: is an event given confidence c right about c of the time?

>>> ece, table = expected_calibration_error([(0.9, True), (0.9, True), (0.2, False), (0.3, True)])
>>> round(ece, 3), [r["n"] for r in table]
(0.275, [1, 1, 2])

On a small set even a perfectly calibrated coder shows some error: how much, by simulation (each
event right with probability its confidence):

>>> mean, p95 = ece_if_calibrated([0.2] * 50 + [0.8] * 50)
>>> 0.02 < mean < p95 < 0.15
True

What a user gets by keeping only the events over a confidence (``kg build --min-confidence``):

>>> [(r["min_confidence"], r["events"], r["precision"], r["recall"])
...  for r in operating_points([(0.9, True), (0.9, True), (0.2, False), (0.3, True)], support=5,
...                            thresholds=(0.0, 0.5))]
[(0.0, 4, 0.75, 0.6), (0.5, 2, 1.0, 0.4)]
"""
from __future__ import annotations

import math

__all__ = ["expected_calibration_error", "ece_if_calibrated", "operating_points"]

#: the confidences `kg eval` reports precision and recall at
THRESHOLDS = (0.3, 0.5, 0.7, 0.8)


def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = 10) -> tuple[float, list[dict]]:
    """ECE of (confidence, right) pairs over equal-width bins, and the reliability table."""
    table = []
    n = len(pairs)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(1 for _, r in inside if r) / len(inside)
        ece += len(inside) / n * abs(conf - acc)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside), "confidence": round(conf, 3),
                      "right": round(acc, 3)})
    return (ece if n else math.nan), table


def ece_if_calibrated(confidences: list[float], bins: int = 10, draws: int = 1000,
                      seed: int = 0) -> tuple[float, float]:
    """Mean and 95th percentile of the ECE a perfectly calibrated coder would show on events of
    these confidences (``draws`` seeded simulations, each event right with probability its
    confidence): the noise under which a measured ECE says nothing."""
    import numpy as np

    c = np.asarray(confidences, dtype=float)
    if not len(c):
        return math.nan, math.nan
    b = np.minimum((c * bins).astype(int), bins - 1)
    onehot = np.zeros((len(c), bins))
    onehot[np.arange(len(c)), b] = 1.0
    size = onehot.sum(axis=0)
    used = size > 0
    conf = (c @ onehot)[used] / size[used]
    right = (np.random.default_rng(seed).random((draws, len(c))) < c).astype(float) @ onehot
    ece = (np.abs(right[:, used] / size[used] - conf) * size[used]).sum(axis=1) / len(c)
    return float(ece.mean()), float(np.quantile(ece, 0.95))


def operating_points(pairs: list[tuple[float, bool]], support: int,
                     thresholds: tuple[float, ...] = THRESHOLDS) -> list[dict]:
    """Events kept, precision and recall when only events of confidence at least t are kept,
    for each t of ``thresholds``: ``pairs`` are the (confidence, right) of the written events,
    ``support`` the number of gold events."""
    out = []
    for t in thresholds:
        kept = [r for c, r in pairs if c >= t]
        right = sum(1 for r in kept if r)
        out.append({"min_confidence": t, "events": len(kept),
                    "precision": round(right / len(kept), 3) if kept else 0.0,
                    "recall": round(right / support, 3) if support else 0.0})
    return out
