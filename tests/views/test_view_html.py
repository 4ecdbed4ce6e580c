"""The HTML view as text: self-contained, escaped, aggregated, filtered; the kg view command."""
from __future__ import annotations

import json
import re

import pytest
from view_fixtures import XSS, small_graph

from kg.analysis import build_network
from kg.cli import main
from kg.views import View, html_document, render_html
from kg.views.html import edge_width, network_to_pyvis, script_json


def _data(html: str, name: str):
    m = re.search(r"var %s = (.*?);\n" % name, html)
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def page():
    return html_document(small_graph(hostile_title=True))


def test_view_is_self_contained(page):
    # no external script, stylesheet, font or image: only inline elements and data: URIs
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page, re.I)
    assert all(u.startswith("data:") for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", page))
    styles = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert "@import" not in styles and "@font-face" not in styles
    markup = re.sub(r"<(script|style)>.*?</\1>", "", page, flags=re.S)
    assert not re.search(r"https?://", markup)  # no link in the page itself
    assert "default-src 'none'" in page  # the CSP forbids any fetch anyway
    assert "vis.Network" in page and len(page) > 400_000  # vis-network inlined
    assert page.count("<h1") == 1  # pyvis 0.3.2 renders its heading twice; ours once


def test_view_script_json_cannot_close_the_script(page):
    assert script_json("</script><!--") == '"\\u003c/script\\u003e\\u003c!--"'
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2  # vis-network and ours: the payload did not open or close any
    data = page.split("var NODES")[1]
    assert "<script>alert(1)" not in page and "<img" not in data and "</script><img" not in data
    edges = _data(page, "EDGES")
    assert any(ev["title"] == XSS for e in edges for ev in e["ev"])  # data round-trips intact


def test_view_aggregates_parallel_events_into_one_styled_edge(page):
    nodes = {n["id"]: n for n in _data(page, "NODES")}
    edges = _data(page, "EDGES")
    meet = [e for e in edges if e["rel"] == "met"]
    assert len(meet) == 1 and meet[0]["n"] == 2 and meet[0]["width"] == edge_width(2) > edge_width(1)
    assert meet[0]["color"] == "#7fbf7b" and meet[0]["label"] == "met"
    assert nodes[meet[0]["from"]]["info"]["label"] == "Choe Son Hui"
    # Russia and Ukraine: an assault and a threat, one edge coloured by the more conflictual class
    war = [e for e in edges if "assaults" in e["rels"]]
    assert len(war) == 1 and war[0]["color"] == "#b2182b" and war[0]["n"] == 2
    assert war[0]["label"] == "assaults +1" and war[0]["rels"] == ["assaults", "threatens"]
    # North Korea and Russia: deploys, praises and a hypothetical aid, one edge, not dashed
    nk = [e for e in edges if "aids" in e["rels"]][0]
    assert nk["n"] == 3 and nk["dashes"] is False and nk["arrows"] == "to"
    aid = [ev for ev in nk["ev"] if ev["rel"] == "aids"]
    assert aid[0]["mod"] == "Hypothetical" and aid[0]["conf"] == 0.9
    shapes = {n["info"]["kind"]: n["shape"] for n in nodes.values()}
    assert shapes == {"State": "square", "Person": "dot", "Organization": "triangle"}
    assert not any("label" in n for n in nodes.values())  # names are drawn by the page
    russia = [n for n in nodes.values() if n["info"]["label"] == "Russia"][0]
    assert russia["size"] == max(n["size"] for n in nodes.values())
    assert russia["info"]["alt"] == ["Moscow", "Russian Federation"]
    opts = _data(page, "OPTIONS")
    assert opts["physics"]["enabled"] is True and opts["physics"]["stabilization"]["enabled"]


def test_view_command_line_filters(tmp_path, capsys):
    src = tmp_path / "g.trig"
    small_graph().serialize(src, format="trig")
    out = tmp_path / "v.html"
    assert main(["view", str(src), "-o", str(out), "--types", "Consult,Mobilize"]) == 0
    rels = {r for e in _data(out.read_text(encoding="utf-8"), "EDGES") for r in e["rels"]}
    assert rels == {"met", "deploysTo"}  # Meet under Consult, Deploy under Mobilize
    assert main(["view", str(src), "-o", str(out), "--focus", "moscow", "--depth", "1",
                 "--since", "2025-09-01", "--until", "2025-09-30"]) == 0
    labels = {n["info"]["label"] for n in _data(out.read_text(encoding="utf-8"), "NODES")}
    # September 2025: the strike and threat on Ukraine, and the aid dated only "2025"
    assert labels == {"Russia", "Ukraine", "North Korea"}
    assert main(["view", str(src), "-o", str(out), "--focus", "Atlantis"]) == 1
    assert "E181" in capsys.readouterr().err


def test_view_large_graph_gets_positions_and_no_physics():
    from view_fixtures import big_network_graph

    net = build_network(big_network_graph(700, 1))
    pv = network_to_pyvis(net)
    assert len(pv.nodes) == 700
    assert all("x" in n and "y" in n for n in pv.nodes)
    assert len({(n["x"], n["y"]) for n in pv.nodes}) > 690  # spread out, not stacked
    assert pv.options["physics"]["enabled"] is False
    assert "label" not in pv.edges[0]


def test_view_object_renders_in_jupyter(tmp_path):
    v = View(small_graph(hostile_title=True), types="Meet")
    frame = v._repr_html_()
    assert frame.startswith("<iframe srcdoc=\"") and frame.endswith("</iframe>")
    inner = frame[len("<iframe srcdoc=\""):frame.index("\" style=")]
    assert "<" not in inner and '"' not in inner  # fully attribute-escaped
    assert v.save(tmp_path / "v.html").read_text(encoding="utf-8") == v.html
    assert render_html(small_graph(), tmp_path / "sub" / "x.html").exists()


def _counts(html: str) -> tuple[int, int]:
    """Actors and events as the page's heading states them."""
    m = re.search(r'<div class="counts"[^>]*>(\d+) actors · (?:[^<]*? · )?(\d+) events', html)
    return int(m.group(1)), int(m.group(2))


def test_view_counts_events_as_kg_stats_does(tmp_path, capsys):
    # an event with two actors gives two edges, one with two recipients two more, an event with
    # no recipient none, and a direct relation an edge with no event: kg stats counts event
    # nodes, and so does the page
    from view_fixtures import _event

    ds = small_graph()
    _event(ds, "war", "w4", "Assault", ["russia", "north-korea"], "ukraine", "2025-09-03", "Both struck.", "assaults")
    _event(ds, "un", "u3", "Accuse", "united-nations", ["russia", "north-korea"], "2025-11-03", "Both accused.")
    src = tmp_path / "g.trig"
    ds.serialize(src, format="trig")
    assert main(["stats", str(src)]) == 0
    actors, events = map(int, re.match(r"(\d+) actors, (\d+) events", capsys.readouterr().out).groups())
    out = tmp_path / "v.html"
    assert main(["view", str(src), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert _counts(html) == (actors, events) == (6, 11)
    assert "11 events (1 with no recipient, not drawn)" in html


def test_view_min_confidence(tmp_path, capsys):
    # --min-confidence drops events below it; an event with no gpol:confidence counts as 1.0
    from view_fixtures import _event

    ds = small_graph()
    _event(ds, "war", "w4", "Assault", "north-korea", "ukraine", "2025-09-03", "Shells fell.", "assaults",
           confidence=0.2)
    _event(ds, "un", "u3", "Accuse", "united-nations", "north-korea", "2025-11-03", "The UN accused.",
           "accuses", confidence=None)
    src = tmp_path / "g.trig"
    ds.serialize(src, format="trig")
    out = tmp_path / "v.html"
    assert main(["view", str(src), "-o", str(out)]) == 0
    all_events = {ev["event"] for e in _data(out.read_text(encoding="utf-8"), "EDGES") for ev in e["ev"]}
    assert main(["view", str(src), "-o", str(out), "--min-confidence", "0.5"]) == 0
    html = out.read_text(encoding="utf-8")
    kept = {ev["event"] for e in _data(html, "EDGES") for ev in e["ev"]}
    assert all_events - kept == {"https://w3id.org/geopolitical-kg/resource/event/w4"}
    assert "https://w3id.org/geopolitical-kg/resource/event/u3" in kept
    assert 'id="minconf" type="range" min="0" max="1" step="0.05" value="0.5"' in html
    assert main(["view", str(src), "-o", str(out), "--min-confidence", "1.5"]) == 1
    assert "E188" in capsys.readouterr().err
