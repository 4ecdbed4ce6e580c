"""Node positions for large graphs, computed in Python so the browser can start with physics off.

networkx's own layouts are too slow for 10,000 nodes on this kind of machine (measured:
``spring_layout`` about 7 s per iteration, ``forceatlas2_layout`` 135 s for 20 iterations), so
each connected component is placed by Pivot MDS (Brandes & Pich, "Eigensolver methods for
progressive multidimensional scaling of large data", 2006): breadth-first distances from a few
far-apart pivot nodes, double centring and the two leading singular vectors (numpy). Small
components use ``networkx.spring_layout``; leaves are spread on a ring around their neighbour;
components are packed on shelves, largest first.

>>> import networkx as nx
>>> pos = pivot_layout(nx.path_graph(600))
>>> len(pos), abs(pos[0][0] - pos[599][0]) > abs(pos[0][0] - pos[1][0])
(600, True)
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["pivot_layout", "SPRING_MAX"]

SPRING_MAX = 200  # components up to this size use networkx.spring_layout
SPACING = 60.0  # pixels per node (square root of the area each node gets)


class _Distances:
    """Hop distances from one source at a time (scipy's csgraph when present, else networkx)."""

    def __init__(self, graph: nx.Graph, nodes: list):
        self.graph, self.nodes = graph, nodes
        try:
            from scipy.sparse.csgraph import shortest_path

            self._sp = shortest_path
            self._matrix = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=None, format="csr")
        except ImportError:  # pragma: no cover - scipy is optional for networkx
            self._sp = None
            self._index = {n: i for i, n in enumerate(nodes)}

    def row(self, source: int) -> np.ndarray:
        if self._sp is not None:
            return self._sp(self._matrix, method="D", directed=False, unweighted=True, indices=source)
        out = np.full(len(self.nodes), np.inf)
        for n, d in nx.single_source_shortest_path_length(self.graph, self.nodes[source]).items():
            out[self._index[n]] = d
        return out


def _pivot_mds(graph: nx.Graph, nodes: list, pivots: int, seed: int) -> np.ndarray:
    n = len(nodes)
    k = min(pivots, n)
    dist_from = _Distances(graph, nodes)
    degrees = np.array([graph.degree(v) for v in nodes])
    chosen = [int(np.argmax(degrees))]
    mind = np.full(n, np.inf)
    rows = []
    # farthest-first pivots: each new pivot is the node farthest from those chosen so far
    while True:
        d = dist_from.row(chosen[-1])
        rows.append(d)
        if len(chosen) == k:
            break
        mind = np.minimum(mind, d)
        mind[chosen] = -1
        chosen.append(int(np.argmax(mind)))
    dist = np.vstack(rows).T  # n x k
    sq = dist ** 2
    centred = sq - sq.mean(axis=0, keepdims=True) - sq.mean(axis=1, keepdims=True) + sq.mean()
    centred *= -0.5
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    coords = u[:, :2] * s[:2]
    if coords.shape[1] < 2:
        coords = np.hstack([coords, np.zeros((n, 1))])
    return coords


def _spread_leaves(graph: nx.Graph, nodes: list, coords: np.ndarray, unit: float) -> None:
    index = {v: i for i, v in enumerate(nodes)}
    leaves: dict[int, list[int]] = {}
    for v in nodes:
        if graph.degree(v) == 1:
            (hub,) = graph.neighbors(v)
            if graph.degree(hub) > 1:
                leaves.setdefault(index[hub], []).append(index[v])
    for hub, group in leaves.items():
        radius = unit * (1.0 + 0.15 * math.sqrt(len(group)))
        for j, leaf in enumerate(group):
            angle = 2 * math.pi * j / len(group) + hub
            coords[leaf] = coords[hub] + radius * np.array([math.cos(angle), math.sin(angle)])


def _component(graph: nx.Graph, nodes: list, pivots: int, seed: int) -> np.ndarray:
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n <= 3:  # a dot, a pair or a triangle: no layout needed
        angles = np.arange(n) * 2 * math.pi / n
        return SPACING * 0.8 * (1 + np.stack([np.cos(angles), np.sin(angles)], axis=1))
    if n <= SPRING_MAX:
        pos = nx.spring_layout(graph.subgraph(nodes), seed=seed, iterations=50)
        coords = np.array([pos[v] for v in nodes])
    else:
        sub = graph if len(nodes) == len(graph) else graph.subgraph(nodes).copy()
        coords = _pivot_mds(sub, nodes, pivots, seed)
        # scale so that one hop is about one node spacing, then spread leaves and ties
        coords -= coords.mean(axis=0)
        spread = np.abs(coords).max() or 1.0
        coords *= math.sqrt(n) / spread
        _spread_leaves(sub, nodes, coords, 0.35)
        rng = np.random.default_rng(seed)
        coords += rng.normal(scale=0.08, size=coords.shape)
    coords -= coords.min(axis=0)
    span = coords.max(axis=0)
    span[span == 0] = 1.0
    side = SPACING * math.sqrt(n)
    return coords / span.max() * side


def pivot_layout(graph: nx.Graph, *, pivots: int = 40, seed: int = 42) -> dict:
    """Positions ``{node: (x, y)}`` in pixels for every node of ``graph`` (directions ignored)."""
    simple = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() or graph.is_multigraph() else graph
    comps = sorted((list(c) for c in nx.connected_components(simple)), key=len, reverse=True)
    total = sum(len(c) for c in comps) or 1
    width = SPACING * math.sqrt(total) * 1.6
    pos: dict = {}
    x = y = shelf = 0.0
    for comp in comps:
        coords = _component(simple, comp, pivots, seed)
        w, h = (coords.max(axis=0) if len(coords) else (0.0, 0.0))
        if x > 0 and x + w > width:
            x, y, shelf = 0.0, y + shelf + SPACING, 0.0
        for v, (cx, cy) in zip(comp, coords):
            pos[v] = (float(cx + x), float(cy + y))
        x += w + SPACING
        shelf = max(shelf, h)
    return pos
