"""The most central actors: degree, betweenness and PageRank (networkx).

>>> from kg.analysis.network import build_network
>>> from kg.analysis.centrality import central_actors
>>> central_actors(build_network("examples/sample-graph.trig"), top=1)["degree"][0]["label"]
'Russia'
"""
from __future__ import annotations

import networkx as nx

__all__ = ["central_actors", "simple_graph", "BETWEENNESS_SAMPLE"]

BETWEENNESS_SAMPLE = 300  # above this many nodes, betweenness is estimated from this many sources


def simple_graph(net: nx.MultiDiGraph, directed: bool = True) -> nx.Graph:
    """``net`` with parallel edges merged; ``weight`` counts the events merged."""
    out = nx.DiGraph() if directed else nx.Graph()
    out.add_nodes_from(net)
    for u, v in net.edges():
        if u == v:
            continue
        if out.has_edge(u, v):
            out[u][v]["weight"] += 1
        else:
            out.add_edge(u, v, weight=1)
    return out


def _pagerank(g: nx.DiGraph) -> dict:
    try:
        return nx.pagerank(g, weight="weight")
    except ModuleNotFoundError:  # networkx's pagerank needs scipy; the pure-Python one does not
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(g, weight="weight")


def central_actors(net: nx.MultiDiGraph, top: int = 10, seed: int = 42) -> dict[str, list[dict]]:
    """The ``top`` actors by degree (events), betweenness and PageRank, each ``{iri, label, score}``."""
    if not len(net):
        return {"degree": [], "betweenness": [], "pagerank": []}
    directed = simple_graph(net)
    undirected = directed.to_undirected(as_view=True)
    k = BETWEENNESS_SAMPLE if len(net) > BETWEENNESS_SAMPLE else None
    scores = {
        "degree": {n: float(d) for n, d in net.degree()},
        "betweenness": nx.betweenness_centrality(undirected, k=k, seed=seed, normalized=True),
        "pagerank": _pagerank(directed),
    }
    out = {}
    for name, score in scores.items():
        ranked = sorted(score.items(), key=lambda kv: (-kv[1], net.nodes[kv[0]].get("label", "")))[:top]
        out[name] = [{"iri": n, "label": net.nodes[n].get("label", n), "kind": net.nodes[n].get("kind"),
                      "score": round(s, 6)} for n, s in ranked]
    return out
