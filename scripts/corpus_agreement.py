"""Agreement between the corpus annotation and its blind second pass (data/corpus/agreement/).

`first-pass.jsonl` holds the first annotation of the sampled records as it was before
adjudication, `second-pass-*.jsonl` their blind second annotation; the corpus itself holds the
adjudicated version (records marked `"adjudicated": true`). For every sampled record, the first
pass is its gold record and the second pass is scored against it with `kg eval`'s own scorer (actors matched by name, title or ISO code; events
as (actor, top type, recipient) sets per record, background events optional): the event F1
between the two passes. Cohen's kappa is computed on the top type of aligned events: the events
of both passes are aligned on (actor, recipient), each unmatched event is aligned with "none",
and kappa is taken over the 17 labels (16 types and none). A second kappa is taken on whether a
record has any codable event at all.

    python scripts/corpus_agreement.py              # table for data/corpus/README.md
    python scripts/corpus_agreement.py --against-final   # each pass scored against the adjudicated corpus
    python scripts/corpus_agreement.py --json
    python scripts/corpus_agreement.py --diff 20    # the first 20 disagreements, for adjudication
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.corpus import iter_files  # noqa: E402
from kg.evaluate import GoldRecord, _match_actors, aggregate, score_document  # noqa: E402
from kg.model import Actor, Article, Event, Extraction  # noqa: E402


def as_extraction(rec: GoldRecord) -> Extraction:
    """A gold record read as if an extractor had produced it (the second pass's 'predictions')."""
    key = {a.name: f"a{i}" for i, a in enumerate(rec.actors)}
    actors = {key[a.name]: Actor(key[a.name], a.kind, a.name, country_code=a.iso3,
                                 affiliation=key.get(a.affiliation) if a.affiliation else None)
              for a in rec.actors}
    events = [Event(e.type, [key[e.actor]], [key[e.recipient]] if e.recipient else [], e.modality)
              for e in rec.events]
    return Extraction(Article(rec.id, rec.text), actors, events)


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    agree = sum(1 for a, b in pairs if a == b) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def aligned_types(first: GoldRecord, second: GoldRecord, match: dict[str, str]) -> list[tuple[str, str]]:
    """(first-pass type, second-pass type) of events aligned on (actor, recipient); 'none' where
    one pass has no event of that pair left."""
    key_of = {a.name: f"a{i}" for i, a in enumerate(second.actors)}  # the keys of as_extraction
    left = defaultdict(list)
    for e in first.events:
        left[(e.actor, e.recipient)].append(e.type)
    out = []
    for e in second.events:
        a = match.get(key_of[e.actor])
        r = match.get(key_of[e.recipient]) if e.recipient else None
        pool = left.get((a, r), [])
        if e.type in pool:
            pool.remove(e.type)
            out.append((e.type, e.type))
        elif pool:
            out.append((pool.pop(0), e.type))
        else:
            out.append(("none", e.type))
    out += [(t, "none") for pool in left.values() for t in pool]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--diff", type=int, default=0)
    ap.add_argument("--against-final", action="store_true")
    args = ap.parse_args(argv)
    agreement = ROOT / "data" / "corpus" / "agreement"

    def read(paths) -> dict[str, GoldRecord]:
        out = {}
        for f in paths:
            for line in Path(f).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = GoldRecord.from_dict(json.loads(line))
                    out[r.id] = r
        return out

    final = read(iter_files(ROOT / "data" / "corpus"))
    first = read([agreement / "first-pass.jsonl"])
    second = read(sorted(agreement.glob("second-pass-*.jsonl")))
    if args.against_final:  # how each pass compares with the adjudicated annotation
        for name, recs in (("first pass", first), ("second pass", second)):
            rep = aggregate([score_document(final[i], as_extraction(recs[i])) for i in recs])
            print(f"{name} against the adjudicated corpus: event P {rep.events.precision:.3f} "
                  f"R {rep.events.recall:.3f} F1 {rep.events.f1:.3f}")
        return 0
    for r in first.values():  # the form and split live in the corpus record
        r.extra.update({k: final[r.id].extra[k] for k in ("form", "split")})
    rows = {i: second[i] for i in second if i in first}
    out = {}
    diffs = []
    for form in ("longform", "short", None):
        ids = [i for i in rows if form is None or first[i].extra.get("form") == form]
        if not ids:
            continue
        docs, types, anyev = [], [], []
        for i in ids:
            ex = as_extraction(rows[i])
            d = score_document(first[i], ex)
            docs.append(d)
            types += aligned_types(first[i], rows[i], _match_actors(first[i], ex))
            anyev.append((str(bool([e for e in first[i].events if not e.background])), str(bool(rows[i].events))))
            if form is None and (d.event_fp or d.event_fn):
                diffs.append((i, d.event_fn, d.event_fp))
        rep = aggregate(docs)
        out[form or "all"] = {
            "records": len(ids), "events_first": sum(len(first[i].events) for i in ids),
            "events_second": sum(len(rows[i].events) for i in ids),
            "event_p": round(rep.events.precision, 3), "event_r": round(rep.events.recall, 3),
            "event_f1": round(rep.events.f1, 3), "event_f1_with_modality": round(rep.events_modality.f1, 3),
            "event_f1_persons_as_state": round(rep.events_affiliation.f1, 3),
            "actor_f1": round(rep.actors.f1, 3),
            "kappa_type": round(cohen_kappa(types), 3), "aligned_events": len(types),
            "kappa_type_both": round(cohen_kappa([p for p in types if "none" not in p]), 3),
            "both_coded": sum(1 for p in types if "none" not in p),
            "kappa_has_event": round(cohen_kappa(anyev), 3),
        }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print("| part | records | events (1st / 2nd pass) | event F1 | with modality | persons as state | "
              "kappa, top type (aligned events) | kappa, top type (pairs both coded) | kappa, any event |")
        print("|---|---|---|---|---|---|---|---|---|")
        for k, v in out.items():
            print(f"| {k} | {v['records']} | {v['events_first']} / {v['events_second']} | {v['event_f1']} | "
                  f"{v['event_f1_with_modality']} | {v['event_f1_persons_as_state']} | {v['kappa_type']} "
                  f"({v['aligned_events']}) | {v['kappa_type_both']} ({v['both_coded']}) | {v['kappa_has_event']} |")
    for i, fn, fp in diffs[:args.diff]:
        print(f"--- {i}: {first[i].text[:300]}")
        for t, _ in fn:
            print(f"   only 1st: {t}")
        for t, _ in fp:
            print(f"   only 2nd: {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
