"""``kg stats SOURCE``: counts, central actors, communities and state-pair balance (networkx)."""
from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub) -> None:
    p = sub.add_parser("stats", help="network statistics of the graph",
                       description="Print actors by kind, events by type, the most central actors, "
                                   "Louvain communities and the cooperation/conflict balance of each pair of states.")
    p.add_argument("source", metavar="SOURCE", help="RDF file (.trig .nq .ttl .nt .jsonld .rdf) or store folder")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many central actors to list (default: 10)")
    p.set_defaults(func=run)


def _text(r: dict, out) -> None:
    w = out.write
    w(f"{r['actors']} actors, {r['events']} events\n\n")
    w("Actors by kind\n")
    for k, n in r["actors_by_kind"].items():
        w(f"  {k:<14} {n:>6}\n")
    w("\nEvents by top class\n")
    for k, n in r["events_by_top_class"].items():
        w(f"  {k:<14} {n:>6}\n")
    w("\nEvents by class\n")
    for k, n in r["events_by_type"].items():
        w(f"  {k:<20} {n:>6}\n")
    w("\nEvents by quad class\n")
    for k, n in r["events_by_quad_class"].items():
        w(f"  {k:<20} {n:>6}\n")
    for name, title in (("degree", "degree (events)"), ("betweenness", "betweenness"), ("pagerank", "PageRank")):
        w(f"\nMost central by {title}\n")
        for i, a in enumerate(r["central"][name], 1):
            score = f"{a['score']:.0f}" if name == "degree" else f"{a['score']:.3f}"
            w(f"  {i:>2}. {a['label']:<32} {score:>8}\n")
    w("\nCommunities (Louvain, seed 42)\n")
    for i, c in enumerate(r["communities"], 1):
        more = f" … (+{c['size'] - 12})" if c["size"] > 12 else ""
        w(f"  {i:>2}. [{c['size']}] " + ", ".join(c["members"][:12]) + more + "\n")
    w("\nState pairs: cooperation vs conflict (score = (coop - conflict) / (coop + conflict))\n")
    if not r["state_balance"]:
        w("  (no events between states)\n")
    for row in r["state_balance"]:
        c = row["counts"]
        w(f"  {row['states'][0] + ' - ' + row['states'][1]:<40} score {row['score']:+.2f}   "
          f"coop {row['cooperation']} (verbal {c['VerbalCooperation']}, material {c['MaterialCooperation']})  "
          f"conflict {row['conflict']} (verbal {c['VerbalConflict']}, material {c['MaterialConflict']})\n")


def run(args: argparse.Namespace) -> int:
    from ..analysis import analyze

    report = analyze(args.source, top=args.top)
    if args.format == "json":
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _text(report, sys.stdout)
    return 0
