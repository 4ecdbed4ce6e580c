"""Summaries of a graph: the cheap one for ``kg build --summary`` and the full ``kg stats`` report.

>>> from kg.analysis import summarize
>>> s = summarize("examples/sample-graph.trig")
>>> s["actors_by_kind"]["State"], s["most_connected"][0]
(5, ('Russia', 8))
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from .balance import state_balance
from .centrality import central_actors
from .communities import communities
from .network import KINDS, build_network

__all__ = ["summarize", "analyze"]


def _net(graph) -> nx.MultiDiGraph:
    return graph if isinstance(graph, nx.MultiDiGraph) else build_network(graph)


def summarize(graph, top: int = 5) -> dict:
    """Actors by kind, events by type (most frequent first) and the ``top`` most connected
    actors as ``(label, events)``; degree only, so it stays cheap on large graphs."""
    net = _net(graph)
    kinds = Counter(d.get("kind", "Actor") for _, d in net.nodes(data=True))
    by_type = Counter(net.graph.get("events_by_type", {}))
    ranked = sorted(net.degree(), key=lambda nd: (-nd[1], net.nodes[nd[0]].get("label", "")))
    return {
        "actors": len(net),
        "events": sum(by_type.values()),
        "actors_by_kind": {k: kinds[k] for k in (*KINDS, "Actor") if kinds.get(k)},
        "events_by_type": dict(by_type.most_common()),
        "most_connected": [(net.nodes[n].get("label", n), d) for n, d in ranked[:top] if d > 0],
    }


def analyze(graph, top: int = 10) -> dict:
    """Everything ``kg stats`` prints: the summary, events by top class, central actors,
    Louvain communities and the cooperation/conflict balance of each pair of states."""
    net = _net(graph)
    out = summarize(net, top=top)
    tops: Counter = Counter()
    quads: Counter = Counter()
    seen = set()
    for _, _, d in net.edges(data=True):
        if d.get("event") and d["event"] not in seen:
            seen.add(d["event"])
            tops[d.get("top") or "?"] += 1
            quads[d.get("quad") or "?"] += 1
    for e in net.graph.get("solo_events", []):
        if e["event"] not in seen:
            seen.add(e["event"])
            tops[e.get("top") or "?"] += 1
            quads[e.get("quad") or "?"] += 1
    out["events_by_top_class"] = dict(tops.most_common())
    out["events_by_quad_class"] = dict(quads.most_common())
    out["central"] = central_actors(net, top=top)
    out["communities"] = communities(net)
    out["state_balance"] = state_balance(net)
    return out
