"""Throughput of the full extraction against spaCy's bare ``nlp.pipe`` over the same pipeline.

    python bench/extract.py [--words 100000] [--rounds 3] [--workers 2]

Both sides run in this process on the same corpus (bench/corpus.py): the baseline is the
pretrained pipeline alone (``nlp.pipe``), the measured side is ``kg``'s extraction (the same
pipeline plus the gazetteer ruler, actor and event components, and the mapping to RDF quads).
Both coders are timed in the same run: the trained coder (the default) and ``--coder rules``.
The three are timed in turn, ``--rounds`` times, and each keeps its best time: on a shared
machine other work only ever slows a side down, so the best of a few interleaved rounds is the
steadiest measure of its own cost, and no side gains from running first or last.
With ``--workers N`` it also times ``kg build --store --workers N`` against ``--workers 1``, next
to spaCy's own ``nlp.pipe(n_process=N)``: on a shared or hyper-threaded machine that is the
ceiling any multi-process speed-up can reach at that moment.
The last line is ``throughput ratio vs bare spaCy: R`` for the default (trained) coder.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; each side keeps its best time")
    ap.add_argument("--workers", type=int, default=0, help="also compare kg build --workers N with 1")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    import spacy

    from kg.graph.rdf import extraction_to_quads
    from kg.model import Article
    from kg.nlp import DEFAULT_MODEL
    from kg.pipeline import Extractor

    docs = corpus(args.words)
    n_words = sum(len(t.split()) for _, t in docs)
    print(f"corpus: {len(docs)} texts, {n_words:,} words")

    bare = spacy.load(args.model or DEFAULT_MODEL)
    ex = Extractor(args.model)
    ex_rules = Extractor(args.model, coder="rules")
    warm = [t for _, t in docs[:20]]
    list(bare.pipe(warm))
    for e in (ex, ex_rules):
        list(e.extract_many(Article(id=i, text=t) for i, t in docs[:20]))

    def timed_bare():
        t0 = time.perf_counter()
        for _ in bare.pipe((t for _, t in docs), batch_size=16):
            pass
        return time.perf_counter() - t0, 0

    def timed(extractor):
        t0 = time.perf_counter()
        n = 0
        for extraction in extractor.extract_many(Article(id=i, text=t) for i, t in docs):
            n += len(extraction_to_quads(extraction))
        return time.perf_counter() - t0, n

    sides = {"bare": timed_bare, "rules": lambda: timed(ex_rules), "trained": lambda: timed(ex)}
    best: dict[str, tuple[float, int]] = {}
    for r in range(max(1, args.rounds)):
        this = {}
        for name, run in sides.items():
            this[name] = run()
            best[name] = min(best.get(name, this[name]), this[name])
        print(f"round {r + 1}: " + ", ".join(
            f"{name} {n_words / t:,.0f} words/s" + ("" if name == "bare" else f" ({this['bare'][0] / t:.2f})")
            for name, (t, _) in this.items()))
    (t_bare, _), (t_rules, q_rules), (t_full, n_quads) = best["bare"], best["rules"], best["trained"]
    wps_bare, wps_full, wps_rules = n_words / t_bare, n_words / t_full, n_words / t_rules
    print(f"bare spaCy nlp.pipe : {wps_bare:10,.0f} words/s ({t_bare:.1f} s)")
    print(f"kg, --coder rules   : {wps_rules:10,.0f} words/s ({t_rules:.1f} s, {q_rules:,} quads)")
    print(f"kg, trained coder   : {wps_full:10,.0f} words/s ({t_full:.1f} s, {n_quads:,} quads)")
    print(f"--coder rules ratio vs bare spaCy: {wps_rules / wps_bare:.2f}")

    if args.workers > 1:
        import json

        from kg.build import build

        # the machine's own ceiling: spaCy's multi-process nlp.pipe on the same corpus
        t0 = time.perf_counter()
        for _ in bare.pipe((t for _, t in docs), batch_size=16, n_process=args.workers):
            pass
        t_bare_n = time.perf_counter() - t0
        print(f"bare spaCy n_process={args.workers}: {n_words / t_bare_n:10,.0f} words/s ({t_bare_n:.1f} s), "
              f"speedup {t_bare / t_bare_n:.2f} (the ceiling on this machine now)")
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "corpus.jsonl"
            src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs), encoding="utf-8")
            times = {}
            for w in (1, args.workers):
                t0 = time.perf_counter()
                r = build([src], store=Path(tmp) / f"store{w}", workers=w, progress=False, model=args.model)
                times[w] = time.perf_counter() - t0
                print(f"kg build --store --workers {w}: {n_words / times[w]:10,.0f} words/s ({times[w]:.1f} s, "
                      f"{r.articles} articles, store commits {r.write_seconds:.1f} s)")
            speedup = times[1] / times[args.workers]
            print(f"speedup of --workers {args.workers} vs 1: {speedup:.2f} "
                  f"({speedup / (t_bare / t_bare_n):.0%} of spaCy's own)")

    print(f"throughput ratio vs bare spaCy: {wps_full / wps_bare:.2f}")


if __name__ == "__main__":
    main()
