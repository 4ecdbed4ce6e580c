"""One self-contained, offline HTML page of the actor network, made with pyvis.

Actors are nodes (shape and colour by kind, size by number of events or PageRank); the events
between an ordered pair of actors with one relation are one edge (colour by PLOVER quad class,
label the relation, width by the number of events). The page inlines vis-network's JavaScript and
CSS, read at render time from the installed pyvis package, and its own template
(``kg/views/template.html``): it loads nothing from the network, and a Content-Security-Policy
forbids it to. Tooltips are built in JavaScript with ``textContent``, so article text is never
parsed as HTML. Filters in the page: event types, quad classes, a date range and an actor search.

>>> from kg.views import render_html
>>> render_html("examples/sample-graph.trig", "/tmp/sample-view.html", focus="Russia").name
'sample-view.html'
"""
from __future__ import annotations

import html as htmlmod
import json
import math
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import networkx as nx

from ..analysis.network import QUADS, AnalysisError, AnalysisErrors, build_network, filter_network
from .layout import pivot_layout

__all__ = ["render_html", "html_document", "View", "STYLE", "QUAD_COLOURS", "LARGE",
           "script_json", "network_to_pyvis"]

LARGE = 500  # above this many nodes, positions come from Python and physics starts off

# Node shape and colour by actor kind; edge colour by quad class (ColorBrewer PRGn/RdBu-like,
# distinguishable in greyscale by lightness: verbal light, material dark).
STYLE = {
    "Person": {"shape": "dot", "color": "#4e79a7", "name": "person"},
    "State": {"shape": "square", "color": "#e8a33d", "name": "state"},
    "Organization": {"shape": "triangle", "color": "#9c6ec6", "name": "organisation"},
    "Actor": {"shape": "diamond", "color": "#8c8c8c", "name": "other actor"},
}
QUAD_COLOURS = {
    "VerbalCooperation": "#7fbf7b",
    "MaterialCooperation": "#1b7837",
    "VerbalConflict": "#f4a582",
    "MaterialConflict": "#b2182b",
    "": "#999999",
}
QUAD_NAMES = {
    "VerbalCooperation": "verbal cooperation",
    "MaterialCooperation": "material cooperation",
    "VerbalConflict": "verbal conflict",
    "MaterialConflict": "material conflict",
    "": "unclassified",
}
WIDTH_SAMPLES = (1, 2, 5, 10, 25)


def edge_width(count: int) -> float:
    """Line width in pixels for an edge of ``count`` events (1 px for one, logarithmic, max 12)."""
    return round(min(12.0, 1.0 + 2.0 * math.log2(max(count, 1))), 2)


def script_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and the JavaScript
    line separators are escaped, so ``</script>`` or ``<!--`` in the data cannot end the element.

    >>> script_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str, str]:
    """vis-network's standalone JS and CSS from the installed pyvis package, and its licence note."""
    import pyvis

    base = Path(pyvis.__file__).resolve().parent / "lib"
    folders = sorted(base.glob("vis-*"), key=lambda p: tuple(int(x) for x in p.name[4:].split(".")))
    if not folders:
        raise AnalysisError(f"[E186] {base}: pyvis ships no vis-network; reinstall pyvis==0.3.2.")
    folder = folders[-1]
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    for marker, text in (("</script", js), ("</style", css)):
        if marker in text.lower():  # would end the inline element early
            raise AnalysisError(f"[E186] {folder}: the vis-network file contains {marker!r}; cannot inline it.")
    return js, css, folder.name


def _sizes(net: nx.MultiDiGraph, size_by: str) -> dict:
    if not len(net):
        return {}
    if size_by == "pagerank":
        simple = nx.DiGraph()
        simple.add_nodes_from(net)
        for u, v in net.edges():
            w = simple.get_edge_data(u, v, {"weight": 0})["weight"]
            simple.add_edge(u, v, weight=w + 1)
        try:
            score = nx.pagerank(simple, weight="weight")
        except ModuleNotFoundError:  # networkx's pagerank needs scipy
            score = {n: float(d) for n, d in net.degree()}
    elif size_by == "degree":
        score = {n: float(d) for n, d in net.degree()}
    else:
        raise AnalysisError(f"[E187] size_by must be 'degree' or 'pagerank', not {size_by!r}.")
    top = max(score.values()) or 1.0
    return {n: round(10 + 30 * math.sqrt(s / top), 1) for n, s in score.items()}


def network_to_pyvis(net: nx.MultiDiGraph, *, size_by: str = "degree", physics: bool | None = None,
                     height: str = "100%"):
    """A ``pyvis.network.Network`` of ``net`` with aggregated, styled edges (see the module)."""
    from pyvis.network import Network

    large = len(net) > LARGE
    physics = (not large) if physics is None else physics
    pv = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    _fast_ids(pv)
    sizes = _sizes(net, size_by)
    pos = pivot_layout(net) if (large and not physics) else {}
    index = {n: i for i, n in enumerate(net)}
    for n, d in net.nodes(data=True):
        style = STYLE.get(d.get("kind"), STYLE["Actor"])
        info = {"iri": n, "kind": d.get("kind", "Actor"), "label": d.get("label", ""),
                "alt": d.get("alt_labels", []), "role": d.get("role"),
                "aff": d.get("affiliation_label"), "wd": d.get("wikidata"),
                "cc": d.get("country_code"), "n": net.degree(n)}
        extra = {"x": round(pos[n][0], 1), "y": round(pos[n][1], 1)} if n in pos else {}
        pv.add_node(index[n], label=d.get("label", ""), shape=style["shape"], color=style["color"],
                    size=sizes.get(n, 10), info=info, **extra)
    groups: dict = defaultdict(list)
    for u, v, d in net.edges(data=True):
        groups[(u, v, d.get("relation", ""))].append(d)
    for i, ((u, v, relation), events) in enumerate(groups.items()):
        quad = next((e.get("quad") for e in events if e.get("quad")), "")
        evs = sorted(({"type": e.get("type") or "", "top": e.get("top") or "", "quad": e.get("quad") or "",
                       "date": e.get("date"), "mod": e.get("modality") or "Asserted",
                       "text": e.get("evidence") or "", "title": e.get("article_title") or "",
                       "article": e.get("article"), "event": e.get("event")} for e in events),
                     key=lambda e: (e["date"] or "", e["type"]))
        asserted = any(e["mod"] == "Asserted" for e in evs)
        label = {} if large else {"label": relation}
        pv.add_edge(index[u], index[v], id=i, **label,
                    color=QUAD_COLOURS.get(quad, QUAD_COLOURS[""]), width=edge_width(len(evs)),
                    dashes=not asserted, rel=relation, quad=quad, ev=evs, n=len(evs))
    pv.options = _options(large, physics)
    return pv


def _fast_ids(pv) -> None:
    """pyvis 0.3.2 keeps node ids in a list and scans it on every add (quadratic at 10,000
    nodes); give it a list that also keeps a set for membership tests."""

    class _IdList(list):
        def __init__(self):
            super().__init__()
            self._set = set()

        def append(self, item):
            super().append(item)
            self._set.add(item)

        def __contains__(self, item):
            return item in self._set

    pv.node_ids = _IdList()


def _options(large: bool, physics: bool) -> dict:
    opts = {
        "autoResize": True,
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "smooth": {"enabled": not large, "type": "dynamic"},
                  "font": {"size": 11, "align": "middle", "strokeWidth": 3, "color": "#333333"},
                  "selectionWidth": 2},
        "layout": {"improvedLayout": not large, "randomSeed": 42},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120,
                                         "avoidOverlap": 0.4},
                    "stabilization": {"enabled": physics, "iterations": 400, "fit": True}},
    }
    return opts


def _template_env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).resolve().parent)),
                      autoescape=select_autoescape(["html"]))
    from markupsafe import Markup

    env.filters["script_json"] = lambda value: Markup(script_json(value))  # already script-safe
    return env


def html_document(graph, *, title: str | None = None, size_by: str = "degree",
                  physics: bool | None = None, since: str | None = None, until: str | None = None,
                  types=None, focus: str | None = None, depth: int = 1, taxonomy=None) -> str:
    """The HTML text of the view of ``graph`` (anything :func:`kg.analysis.network.build_network`
    reads, or a networkx MultiDiGraph it made). Filters as in :func:`filter_network`."""
    from markupsafe import Markup

    net = graph if isinstance(graph, nx.MultiDiGraph) else build_network(graph, taxonomy=taxonomy)
    if isinstance(types, str):
        types = [t for t in types.split(",") if t.strip()]
    if since or until or types or focus:
        net = filter_network(net, since=since, until=until, types=types, focus=focus, depth=depth)
    pv = network_to_pyvis(net, size_by=size_by, physics=physics)
    js, css, vis_name = _vis_assets()
    heading = title or (f"Actor network around {focus}" if focus else "Actor network")
    env = _template_env()
    pv.templateEnv = env
    pv.path = "template.html"
    events = [e for edge in pv.edges for e in edge["ev"]]
    type_counts: dict = defaultdict(int)
    tops: dict = {}
    for e in events:
        type_counts[e["type"]] += 1
        tops[e["type"]] = e["top"] or e["type"]
    groups: dict = defaultdict(list)
    for t in sorted(type_counts, key=lambda t: (tops[t], t != tops[t], t)):
        groups[tops[t]].append({"name": t, "count": type_counts[t]})
    dates = sorted(e["date"] for e in events if e["date"])
    env.globals.update(
        page_title=heading, vis_js=Markup(js), vis_css=Markup(css), vis_name=vis_name,
        kind_styles=[dict(kind=k, **v) for k, v in STYLE.items()
                     if any(n["info"]["kind"] == k for n in pv.nodes)] or
                    [dict(kind=k, **v) for k, v in STYLE.items() if k != "Actor"],
        quads=[{"quad": q, "name": QUAD_NAMES[q], "color": QUAD_COLOURS[q]} for q in QUADS],
        quad_colours=QUAD_COLOURS, quad_names=QUAD_NAMES,
        width_samples=[{"n": n, "w": edge_width(n)} for n in WIDTH_SAMPLES],
        type_groups=[{"top": k, "types": v} for k, v in groups.items()],
        date_min=dates[0][:10] if dates else "", date_max=dates[-1][:10] if dates else "",
        n_nodes=len(pv.nodes), n_edges=len(pv.edges), n_events=len(events),
        large=len(net) > LARGE, options_dict=pv.options,
    )
    return pv.generate_html(name="view.html", notebook=False)


def render_html(graph, path, **filters) -> Path:
    """Write the view of ``graph`` to ``path`` (UTF-8) and return the path.

    Keyword arguments are those of :func:`html_document`: ``since``, ``until``, ``types``,
    ``focus``, ``depth``, ``title``, ``size_by`` (``"degree"`` or ``"pagerank"``), ``physics``.
    """
    text = html_document(graph, **filters)
    path = Path(path)
    try:
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise AnalysisError(AnalysisErrors.E185.format(path=path, detail=exc.strerror or exc)) from None
    return path


class View:
    """The view as an object: shows inline in Jupyter, saves with :meth:`save`.

    >>> v = View("examples/sample-graph.trig", types="Consult")
    >>> v._repr_html_().startswith("<iframe")
    True
    """

    def __init__(self, graph, *, height: int = 640, **filters):
        self.html = html_document(graph, **filters)
        self.height = height

    def save(self, path) -> Path:
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        doc = htmlmod.escape(self.html, quote=True)
        return (f'<iframe srcdoc="{doc}" style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                'sandbox="allow-scripts allow-popups" loading="lazy"></iframe>')

    def __repr__(self) -> str:
        return f"<View {len(self.html):,} bytes of HTML>"
