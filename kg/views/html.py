"""One self-contained, offline HTML page of the actor network, made with pyvis.

Actors are nodes (shape and colour by kind, size by number of events or PageRank; the page draws
the names of the main actors in screen pixels and hides actors with no drawn event); all events
between a pair of actors, in either direction, are one edge (colour by the quad class of most of
them, label the most frequent relation, width by the number of events). The page inlines
vis-network's JavaScript and CSS, read at render time from the installed pyvis package, and its
own template (``kg/views/template.html``): it loads nothing from the network, and a
Content-Security-Policy forbids it to. Tooltips are built in JavaScript with ``textContent``, so
article text is never parsed as HTML. Filters in the page: an actor search, a minimum confidence,
a date range (undated events kept unless asked), quad classes and event types; each re-fits the
view. Its event count is that of ``kg stats``.

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

from ..analysis.network import (QUADS, AnalysisError, AnalysisErrors, build_network, date_bounds,
                                filter_network, in_date_range)
from .layout import pivot_layout

__all__ = ["render_html", "html_document", "View", "STYLE", "QUAD_COLOURS", "LARGE",
           "script_json", "network_to_pyvis", "edge_style", "event_counts"]

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


def _event_record(d: dict, forward: bool) -> dict:
    """What the page keeps of one event (or direct link) on an edge; ``fwd`` says whether it
    runs from the edge's ``from`` actor to its ``to`` actor."""
    return {"type": d.get("type") or "", "top": d.get("top") or "", "quad": d.get("quad") or "",
            "rel": d.get("relation") or "", "date": d.get("date"), "mod": d.get("modality") or "Asserted",
            "conf": d.get("confidence"), "text": d.get("evidence") or "",
            "title": d.get("article_title") or "", "article": d.get("article"), "event": d.get("event"),
            "fwd": forward}


def edge_style(events: list[dict]) -> dict:
    """Colour, width, dashes, arrows and label of the edge of ``events`` (records of
    :func:`_event_record`). The colour is that of the most frequent quad class (a tie goes to
    the more conflictual class); the label is the most frequent relation, with ``+k`` when the
    pair has k other relations. The page's script computes the same after each filter.

    >>> edge_style([{"quad": "VerbalConflict", "rel": "accuses", "mod": "Asserted", "fwd": True},
    ...             {"quad": "MaterialConflict", "rel": "assaults", "mod": "Asserted", "fwd": False}])["label"]
    'accuses +1'
    """
    quads: dict = defaultdict(int)
    rels: dict = defaultdict(int)
    for e in events:
        quads[e["quad"]] += 1
        rels[e["rel"]] += 1
    order = {q: i for i, q in enumerate(("",) + QUADS)}
    quad = max(quads, key=lambda q: (q != "", quads[q], order.get(q, 0))) if quads else ""
    ranked = sorted(rels, key=lambda r: (-rels[r], r))
    label = (ranked[0] + (f" +{len(ranked) - 1}" if len(ranked) > 1 else "")) if ranked else ""
    fwd = any(e["fwd"] for e in events)
    back = any(not e["fwd"] for e in events)
    return {"color": QUAD_COLOURS.get(quad, QUAD_COLOURS[""]), "quad": quad, "width": edge_width(len(events)),
            "dashes": not any(e["mod"] == "Asserted" for e in events),
            "arrows": ", ".join(a for a, on in (("to", fwd), ("from", back)) if on) or "to",
            "label": label, "rels": ranked}


def network_to_pyvis(net: nx.MultiDiGraph, *, size_by: str = "degree", physics: bool | None = None,
                     height: str = "100%"):
    """A ``pyvis.network.Network`` of ``net``: one node per actor (its name is in ``info``; the
    page draws names itself), one edge per pair of actors carrying all their events in either
    direction (``ev``), styled by :func:`edge_style`."""
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
        pv.add_node(index[n], label=d.get("label", "") or " ", shape=style["shape"], color=style["color"],
                    size=sizes.get(n, 10), info=info, **extra)
    for node in pv.nodes:
        node.pop("label", None)  # names are drawn by the page, in screen pixels (see the template)
    pairs: dict = defaultdict(list)
    for u, v, d in net.edges(data=True):
        a, b = (u, v) if index[u] <= index[v] else (v, u)
        pairs[(a, b)].append((u == a, d))
    for i, ((a, b), items) in enumerate(pairs.items()):
        ahead = sum(1 for forward, _ in items if forward)
        src, dst, flip = (a, b, False) if 2 * ahead >= len(items) else (b, a, True)
        evs = sorted((_event_record(d, forward != flip) for forward, d in items),
                     key=lambda e: (e["date"] or "", e["type"], not e["fwd"]))
        style = edge_style(evs)
        label = {} if large else {"label": style["label"]}
        pv.add_edge(index[src], index[dst], id=i, **label, color=style["color"], width=style["width"],
                    dashes=style["dashes"], arrows=style["arrows"], rel=style["rels"][0] if style["rels"] else "",
                    rels=style["rels"], quad=style["quad"], ev=evs, n=len(evs))
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
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6},
                             "from": {"enabled": False, "scaleFactor": 0.6}},
                  "smooth": {"enabled": not large, "type": "dynamic"},
                  "font": {"size": 11, "align": "middle", "strokeWidth": 3, "color": "#333333"},
                  # an edge label is drawn only when it is at least 8 screen pixels high
                  "scaling": {"label": {"enabled": False, "drawThreshold": 9}},
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


def _passes(record: dict, *, since, until, types, min_confidence, keep_undated=True) -> bool:
    """Whether an event record of :func:`build_network` passes the command-line filters (the
    same rules as :func:`filter_network`, for the events without a recipient it does not see)."""
    if types and not set(types).intersection(record.get("ancestors", ())):
        return False
    if (since or until) and not in_date_range(record.get("date"), date_bounds(since), date_bounds(until),
                                              keep_undated=keep_undated):
        return False
    conf = record.get("confidence")
    return min_confidence is None or conf is None or conf >= min_confidence


def _min_confidence(net: nx.MultiDiGraph, value: float) -> nx.MultiDiGraph:
    """``net`` without the events whose ``gpol:confidence`` is below ``value`` (events without
    one count as 1.0), and without the actors this leaves with no event."""
    if not 0.0 <= value <= 1.0:
        raise AnalysisError(f"[E188] the minimum confidence must be between 0 and 1, not {value}.")
    out = net.copy()
    out.remove_edges_from([(u, v, k) for u, v, k, c in out.edges(keys=True, data="confidence")
                           if c is not None and c < value])
    out.remove_nodes_from([n for n in list(out) if out.degree(n) == 0 < net.degree(n)])
    return out


def event_counts(net: nx.MultiDiGraph, solo: list[dict]) -> dict:
    """Counts the page shows: ``events`` (event nodes, each once however many actor-recipient
    edges it gives; with those without a recipient, as ``kg stats`` counts them), ``solo``
    (events without a recipient, which are not drawn), ``links`` (direct relations no event
    backs), ``actors`` and ``isolated`` (actors with no edge, hidden by default)."""
    drawn = {e for _, _, e in net.edges(data="event") if e}
    links = sum(1 for _, _, e in net.edges(data="event") if not e)
    return {"actors": len(net), "events": len(drawn | {r["event"] for r in solo}), "solo": len(solo),
            "links": links, "isolated": sum(1 for n in net if net.degree(n) == 0)}


def html_document(graph, *, title: str | None = None, size_by: str = "degree",
                  physics: bool | None = None, since: str | None = None, until: str | None = None,
                  types=None, focus: str | None = None, depth: int = 1, taxonomy=None,
                  min_confidence: float | None = None, keep_undated: bool = True) -> str:
    """The HTML text of the view of ``graph`` (anything :func:`kg.analysis.network.build_network`
    reads, or a networkx MultiDiGraph it made). Filters as in :func:`filter_network`;
    ``min_confidence`` drops events whose ``gpol:confidence`` is lower (none counts as 1.0)."""
    from markupsafe import Markup

    net = graph if isinstance(graph, nx.MultiDiGraph) else build_network(graph, taxonomy=taxonomy)
    solo = list(net.graph.get("solo_events", []))
    if isinstance(types, str):
        types = [t for t in types.split(",") if t.strip()]
    if min_confidence is not None:
        net = _min_confidence(net, min_confidence)
    if since or until or types or focus:
        net = filter_network(net, since=since, until=until, types=types, focus=focus, depth=depth,
                             keep_undated=keep_undated)
    wanted = {t.strip() for t in types} if types else None
    solo = [r for r in solo if all(a in net for a in r.get("actors", ()))
            and _passes(r, since=since, until=until, types=wanted, min_confidence=min_confidence,
                        keep_undated=keep_undated)]
    pv = network_to_pyvis(net, size_by=size_by, physics=physics)
    js, css, vis_name = _vis_assets()
    heading = title or (f"Actor network around {focus}" if focus else "Actor network")
    env = _template_env()
    pv.templateEnv = env
    pv.path = "template.html"
    events = [e for edge in pv.edges for e in edge["ev"] if e["event"]]
    solo_rows = [{"type": r.get("type") or "", "top": r.get("top") or "", "quad": r.get("quad") or "",
                  "date": r.get("date"), "conf": r.get("confidence"), "event": r["event"],
                  "actors": list(r.get("actors", ()))} for r in solo]
    type_counts: dict = defaultdict(set)
    tops: dict = {}
    for e in events + solo_rows:
        type_counts[e["type"]].add(e["event"])
        tops[e["type"]] = e["top"] or e["type"]
    groups: dict = defaultdict(list)
    for t in sorted(type_counts, key=lambda t: (tops[t], t != tops[t], t)):
        groups[tops[t]].append({"name": t, "count": len(type_counts[t])})
    dates = sorted(e["date"] for e in events + solo_rows if e["date"])
    counts = event_counts(net, solo)
    env.globals.update(
        page_title=heading, vis_js=Markup(js), vis_css=Markup(css), vis_name=vis_name,
        kind_styles=[dict(kind=k, **v) for k, v in STYLE.items()
                     if any(n["info"]["kind"] == k for n in pv.nodes)] or
                    [dict(kind=k, **v) for k, v in STYLE.items() if k != "Actor"],
        quads=[{"quad": q, "name": QUAD_NAMES[q], "color": QUAD_COLOURS[q]} for q in QUADS],
        quad_colours=QUAD_COLOURS, quad_names=QUAD_NAMES, quad_order=("",) + QUADS,
        width_samples=[{"n": n, "w": edge_width(n)} for n in WIDTH_SAMPLES],
        type_groups=[{"top": k, "types": v} for k, v in groups.items()],
        date_min=dates[0][:10] if dates else "", date_max=dates[-1][:10] if dates else "",
        n_undated=len({e["event"] for e in events + solo_rows if not e["date"]}),
        n_nodes=counts["actors"], n_edges=len(pv.edges), n_events=counts["events"], n_solo=counts["solo"],
        n_links=counts["links"], n_isolated=counts["isolated"], solo=solo_rows,
        min_confidence=min_confidence or 0.0, large=len(net) > LARGE, options_dict=pv.options,
        layout_in_browser=bool(pv.options["physics"]["enabled"]),
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
