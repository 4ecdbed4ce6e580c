"""Benchmark the named queries on the Oxigraph store against rdflib's in-memory Dataset.

Generates a synthetic event graph of about ``--triples`` quads in the shape of DATA-MODEL.md
(actors in the default graph; per article a named graph with the article node, n-ary event
nodes with actor/recipient/date/modality/evidence/offsets/confidence/provenance, and the direct
actor-to-actor edges, plus the top-class edge for finer classes), loads the same N-Quads file
into both engines, and times each named query through ``KnowledgeGraph.named_query`` (rows
converted to Python values): the median of ``--runs`` runs after one warm-up.

rdflib runs each query in a forked child process: a run over ``--rdflib-limit`` seconds is
stopped and counted at the limit (so its speedup is a lower bound, marked ``>=``).

The last line is ``median speedup vs rdflib: R``, R the median over the queries of
rdflib time / Oxigraph time.

    python bench/query.py                  # 1,000,000 triples (about 2 minutes, 2 GB RAM)
    python bench/query.py --triples 20000  # a quick check
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.namespaces import ACTOR, ARTICLE, EVENT, GPOL_IRI  # noqa: E402
from kg.store import KnowledgeGraph  # noqa: E402

# synthetic event classes: (class, its relation, the top class's relation or None, weight)
CLASSES = [
    ("Meet", "met", "consults", 12), ("Visit", "visited", "consults", 4), ("Consult", "consults", None, 6),
    ("Agree", "agreesWith", None, 5), ("Support", "supports", None, 6), ("Praise", "praises", "supports", 3),
    ("Cooperate", "cooperatesWith", None, 6), ("Aid", "aids", None, 4), ("Request", "requests", None, 5),
    ("Accuse", "accuses", None, 7), ("Reject", "rejects", None, 4), ("Threaten", "threatens", None, 5),
    ("Protest", "protestsAgainst", None, 3), ("Sanction", "sanctions", None, 3),
    ("EconomicSanction", "imposesSanctionsOn", "sanctions", 3), ("Mobilize", "mobilizesAgainst", None, 2),
    ("Deploy", "deploysTo", "mobilizesAgainst", 3), ("Coerce", "coerces", None, 3),
    ("Assault", "assaults", None, 4), ("Concede", "concedesTo", None, 1), ("Retreat", "retreatsFrom", None, 1),
]
WORDS = ("talks summit minister president troops border sanctions energy agreement statement "
         "officials capital region forces delegation trade security ceasefire strike envoy").split()
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"


def g(term: str) -> str:
    return f"<{GPOL_IRI}{term}>"


def generate(path: Path, triples: int, seed: int = 7) -> dict:
    """Write about ``triples`` quads as N-Quads to ``path``; return facts the queries use."""
    rnd = random.Random(seed)
    n_actors = max(20, triples // 500)
    kinds = ["State"] * 3 + ["Person"] * 5 + ["Organization"] * 2
    classes = [c for c in CLASSES]
    cweights = [c[3] for c in classes]
    # Zipf-like popularity: a few actors appear in many events, as in real news
    weights = [1.0 / (i + 1) ** 0.9 for i in range(n_actors)]
    start = date(2020, 1, 1)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        w = out.write
        for i in range(n_actors):
            a = f"<{ACTOR}a{i}>"
            kind = kinds[i % len(kinds)]
            w(f"{a} {RDF_TYPE} {g(kind)} .\n")
            w(f'{a} {LABEL} "Actor {i}"@en .\n')
            w(f'{a} {ALT} "A{i}"@en .\n')
            count += 3
            if kind == "State":
                w(f'{a} {g("countryCode")} "C{i:02d}" .\n')
                count += 1
            elif i > 3:
                w(f"{a} {g('affiliation')} <{ACTOR}a{rnd.randrange(0, min(i, 60)) // 10 * 10}> .\n")
                count += 1
        art = 0
        while count < triples:
            gid = f"<{ARTICLE}n{art}>"
            day = start + timedelta(days=rnd.randrange(0, 6 * 365))
            w(f"{gid} {RDF_TYPE} {g('Article')} {gid} .\n")
            w(f'{gid} <http://purl.org/dc/terms/identifier> "n{art}" {gid} .\n')
            w(f'{gid} <http://purl.org/dc/terms/title> "Report {art}" {gid} .\n')
            w(f'{gid} <http://purl.org/dc/terms/date> "{day}"^^<{XSD}date> {gid} .\n')
            w(f'{gid} {g("contentHash")} "{rnd.getrandbits(256):064x}" {gid} .\n')
            count += 5
            offset = 0
            for k in range(rnd.randint(3, 12)):
                e = f"<{EVENT}n{art}-{k}>"
                cls, rel, top, _ = rnd.choices(classes, cweights)[0]
                a, b = rnd.choices(range(n_actors), weights, k=2)
                if a == b:
                    b = (b + 1) % n_actors
                when = day - timedelta(days=rnd.randrange(0, 4))
                modality = rnd.choices(["Asserted", "Negated", "Hypothetical"], [90, 4, 6])[0]
                ev = " ".join(rnd.choices(WORDS, k=rnd.randint(8, 20))).capitalize() + "."
                w(f"{e} {RDF_TYPE} {g(cls)} {gid} .\n")
                w(f"{e} {g('actor')} <{ACTOR}a{a}> {gid} .\n")
                w(f"{e} {g('recipient')} <{ACTOR}a{b}> {gid} .\n")
                w(f'{e} {g("date")} "{when}"^^<{XSD}date> {gid} .\n')
                w(f"{e} {g('modality')} {g(modality)} {gid} .\n")
                w(f'{e} {g("evidence")} "{ev}" {gid} .\n')
                w(f'{e} {g("charStart")} "{offset}"^^<{XSD}integer> {gid} .\n')
                w(f'{e} {g("charEnd")} "{offset + len(ev)}"^^<{XSD}integer> {gid} .\n')
                w(f'{e} {g("confidence")} "{rnd.choice(["0.6", "0.75", "0.9"])}"^^<{XSD}decimal> {gid} .\n')
                w(f"{e} <http://www.w3.org/ns/prov#wasDerivedFrom> {gid} {gid} .\n")
                count += 10
                offset += len(ev) + 1
                if modality == "Asserted":
                    w(f"<{ACTOR}a{a}> {g(rel)} <{ACTOR}a{b}> {gid} .\n")
                    count += 1
                    if top:
                        w(f"<{ACTOR}a{a}> {g(top)} <{ACTOR}a{b}> {gid} .\n")
                        count += 1
            art += 1
    mid = date(2023, 3, 1)
    return {"quads": count, "actors": n_actors, "articles": art,
            "month": (mid.isoformat(), (mid + timedelta(days=30)).isoformat())}


def bench_queries(facts: dict) -> list[tuple[str, dict]]:
    hub, other, mid = "actor:a0", "actor:a1", f"actor:a{min(25, facts['actors'] - 1)}"
    since, until = facts["month"]
    far = f"actor:a{facts['actors'] - 1}"
    return [
        ("who-met", {"actor": mid}),
        ("supporters", {"actor": hub}),
        ("critics", {"actor": hub}),
        ("sanctioners", {"actor": hub}),
        ("timeline", {"actor": mid}),
        ("events", {"type": "Sanction", "since": since, "until": until}),
        ("balance", {"a": hub, "b": other}),
        ("path", {"a": far, "b": mid}),
    ]


def time_query(kg: KnowledgeGraph, name: str, params: dict) -> tuple[float, int]:
    t0 = time.perf_counter()
    r = kg.named_query(name, **params)
    n = len(r.rows)
    return time.perf_counter() - t0, n


def _rdflib_child(conn, kg, name, params, runs):
    try:
        for _ in range(runs + 1):  # the first is the warm-up
            conn.send(time_query(kg, name, params))
    except Exception as exc:  # noqa: BLE001
        conn.send(("error", repr(exc)))
    conn.close()


def time_rdflib(kg, name, params, runs, limit) -> tuple[list[float], int | None, bool]:
    """Times of ``runs`` runs in a forked child; a run over ``limit`` s stops it and counts at
    the limit. Returns (times, rows or None, timed_out)."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(child, kg, name, params, runs))
    proc.start()
    child.close()
    times, rows, out = [], None, False
    try:
        for i in range(runs + 1):
            if not parent.poll(limit):
                out = True
                break
            t, n = parent.recv()
            if t == "error":
                raise RuntimeError(f"rdflib failed on {name}: {n}")
            if i:
                times.append(t)
            rows = n
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    if out:
        times += [limit] * (runs - len(times))
    return times, rows, out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query on the store (default 5)")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="timed runs per query on rdflib (default 3)")
    ap.add_argument("--rdflib-limit", type=float, default=30.0, help="seconds a rdflib run may take (default 30)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        nq = Path(tmp) / "events.nq"
        t0 = time.perf_counter()
        facts = generate(nq, args.triples, args.seed)
        print(f"generated {facts['quads']:,} quads: {facts['actors']:,} actors, {facts['articles']:,} "
              f"articles ({time.perf_counter() - t0:.1f} s)", flush=True)

        t0 = time.perf_counter()
        store = KnowledgeGraph(Path(tmp) / "store")
        store.parse(nq)
        print(f"oxigraph store: loaded {len(store):,} quads in {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        mem = KnowledgeGraph(backend="rdflib")
        mem.parse(nq)
        print(f"rdflib Dataset: loaded {len(mem):,} quads in {time.perf_counter() - t0:.1f} s", flush=True)

        rows_out, speedups, ox_medians = [], [], []
        for name, params in bench_queries(facts):
            time_query(store, name, params)  # warm-up
            ox_times, ox_rows = [], 0
            for _ in range(args.runs):
                t, ox_rows = time_query(store, name, params)
                ox_times.append(t)
            ox_med = statistics.median(ox_times)
            rd_times, rd_rows, out = time_rdflib(mem, name, params, args.rdflib_runs, args.rdflib_limit)
            rd_med = statistics.median(rd_times)
            if rd_rows is not None and not out and rd_rows != ox_rows:
                print(f"warning: {name}: {ox_rows} rows on the store, {rd_rows} on rdflib", file=sys.stderr)
            sp = rd_med / max(ox_med, 1e-6)
            speedups.append(sp)
            ox_medians.append(ox_med)
            rows_out.append((name, ox_rows, ox_med * 1000, rd_med * 1000, out, sp))
            print(f"  {name}: store {ox_med * 1000:.1f} ms, rdflib {'>=' if out else ''}{rd_med * 1000:.0f} ms",
                  flush=True)
        store.close()

    print()
    print(f"{'query':<12} {'rows':>6} {'oxigraph ms':>12} {'rdflib ms':>12} {'speedup':>9}")
    for name, n, oxm, rdm, out, sp in rows_out:
        mark = ">=" if out else ""
        print(f"{name:<12} {n:>6} {oxm:>12.1f} {mark + format(rdm, '.0f'):>12} {mark + format(sp, '.0f'):>9}")
    print(f"median named query on the store: {statistics.median(ox_medians) * 1000:.1f} ms")
    print(f"median speedup vs rdflib: {statistics.median(speedups):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
