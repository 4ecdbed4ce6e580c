"""Assign the corpus records their split (``train``, ``dev`` or ``test``), in place.

The split of a record depends only on its id (SHA-256 rank among the records of its form), so
it is the same on every run and never depends on what the record says: 28 % of the long-form
articles are ``test`` and 12 % ``dev``; 15 % of the short items ``test`` and 10 % ``dev``.
Articles written after the splits were drawn (long-form ids numbered 101 and up, ``LATER_WAVE``)
are ``train``: adding them changes no record's split, so the test and dev sets stay as they were.

    python scripts/split_corpus.py            # rewrites data/corpus/{longform,short}/*.jsonl
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "data" / "corpus"
SHARES = {"longform": (0.28, 0.12), "short": (0.15, 0.10)}  # (test, dev)
LATER_WAVE = 101  # the first number of the long-form ids written after the splits were drawn


def _later(rid: str) -> bool:
    """Whether a record was written after the splits were drawn ("lf-afr-101")."""
    tail = rid.rsplit("-", 1)[-1]
    return rid.startswith("lf-") and tail.isdigit() and int(tail) >= LATER_WAVE


def _rank(rid: str) -> str:
    return hashlib.sha256(rid.encode("utf-8")).hexdigest()


def main() -> int:
    for form, (test, dev) in SHARES.items():
        files = {p: [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]
                 for p in sorted((ROOT / form).glob("*.jsonl"))}
        ids = sorted((r["id"] for recs in files.values() for r in recs if not _later(r["id"])), key=_rank)
        n_test, n_dev = round(len(ids) * test), round(len(ids) * dev)
        split = {rid: "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
                 for i, rid in enumerate(ids)}
        split.update({r["id"]: "train" for recs in files.values() for r in recs if _later(r["id"])})
        for path, recs in files.items():
            for r in recs:
                r["split"] = split[r["id"]]
            tmp = path.with_suffix(".tmp")
            tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
            tmp.replace(path)
        counts = {s: sum(1 for v in split.values() if v == s) for s in ("train", "dev", "test")}
        print(form, counts, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
