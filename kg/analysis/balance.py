"""Cooperation and conflict between pairs of states.

Every event between two actors counts for the pair of states they stand for: a state stands
for itself, a person or organisation for the state its ``gpol:affiliation`` chain reaches (so
"Choe Son Hui met Vladimir Putin" counts for North Korea–Russia). Events inside one state and
actors with no state are left out. The score is (cooperation − conflict) / (cooperation + conflict),
from −1 (only conflict) to +1 (only cooperation).

>>> from kg.analysis.network import build_network
>>> rows = state_balance(build_network("examples/sample-graph.trig"))
>>> [r for r in rows if r["states"] == ["China", "Russia"]][0]["score"]
1.0
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from .network import QUADS

__all__ = ["state_balance", "state_of"]


def state_of(net: nx.MultiDiGraph, node: str, hops: int = 4) -> str | None:
    """The state an actor stands for: itself, or along its affiliations (at most ``hops``)."""
    seen = set()
    while node is not None and node in net and node not in seen and len(seen) <= hops:
        if net.nodes[node].get("kind") == "State":
            return node
        seen.add(node)
        node = net.nodes[node].get("affiliation")
    return None


def state_balance(net: nx.MultiDiGraph, *, asserted_only: bool = True) -> list[dict]:
    """One row per pair of states with events between them, most events first:
    ``{states: [a, b], iris, counts: {quad: n}, cooperation, conflict, score}``."""
    cache: dict = {}
    pairs: dict = defaultdict(lambda: dict.fromkeys(QUADS, 0))
    for u, v, d in net.edges(data=True):
        if asserted_only and d.get("modality", "Asserted") != "Asserted":
            continue
        su = cache.setdefault(u, state_of(net, u))
        sv = cache.setdefault(v, state_of(net, v))
        if su is None or sv is None or su == sv or d.get("quad") not in QUADS:
            continue
        key = tuple(sorted((su, sv), key=lambda n: net.nodes[n].get("label", n)))
        pairs[key][d["quad"]] += 1
    rows = []
    for (a, b), counts in pairs.items():
        coop = counts["VerbalCooperation"] + counts["MaterialCooperation"]
        conf = counts["VerbalConflict"] + counts["MaterialConflict"]
        total = coop + conf
        rows.append({"states": [net.nodes[a]["label"], net.nodes[b]["label"]], "iris": [a, b],
                     "counts": dict(counts), "cooperation": coop, "conflict": conf,
                     "score": round((coop - conf) / total, 3) if total else 0.0})
    rows.sort(key=lambda r: (-(r["cooperation"] + r["conflict"]), r["states"]))
    return rows
