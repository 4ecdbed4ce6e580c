"""Calibration of confidences: is an event given confidence c right about c of the time?

>>> ece, table = expected_calibration_error([(0.9, True), (0.9, True), (0.2, False), (0.3, True)])
>>> round(ece, 3), [r["n"] for r in table]
(0.275, [1, 1, 2])
"""
from __future__ import annotations

import math

__all__ = ["expected_calibration_error"]


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
