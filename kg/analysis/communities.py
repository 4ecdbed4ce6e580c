"""Communities of actors: Louvain on the undirected, event-weighted network (networkx, seed 42).

>>> from kg.analysis.network import build_network
>>> from kg.analysis.communities import communities
>>> sum(len(c["members"]) for c in communities(build_network("examples/sample-graph.trig")))
8
"""
from __future__ import annotations

import networkx as nx

from .centrality import simple_graph

__all__ = ["communities"]


def communities(net: nx.MultiDiGraph, seed: int = 42, resolution: float = 1.0) -> list[dict]:
    """Louvain communities, largest first: ``{size, members: [labels], iris: [...]}``."""
    if not len(net):
        return []
    g = simple_graph(net, directed=False)
    found = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    out = []
    for group in found:
        members = sorted(group, key=lambda n: (-net.degree(n), net.nodes[n].get("label", "")))
        out.append({"size": len(members), "members": [net.nodes[n].get("label", n) for n in members],
                    "iris": members})
    out.sort(key=lambda c: (-c["size"], c["members"][0]))
    return out
