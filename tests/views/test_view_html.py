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
    assert nodes[meet[0]["from"]]["label"] == "Choe Son Hui"
    assert {e["color"] for e in edges if e["rel"] == "assaults"} == {"#b2182b"}
    aid = [e for e in edges if e["rel"] == "aids"][0]
    assert aid["dashes"] is True  # only a hypothetical event
    shapes = {n["info"]["kind"]: n["shape"] for n in nodes.values()}
    assert shapes == {"State": "square", "Person": "dot", "Organization": "triangle"}
    russia = [n for n in nodes.values() if n["label"] == "Russia"][0]
    assert russia["size"] == max(n["size"] for n in nodes.values())
    assert russia["info"]["alt"] == ["Moscow", "Russian Federation"]
    opts = _data(page, "OPTIONS")
    assert opts["physics"]["enabled"] is True and opts["physics"]["stabilization"]["enabled"]


def test_view_command_line_filters(tmp_path, capsys):
    src = tmp_path / "g.trig"
    small_graph().serialize(src, format="trig")
    out = tmp_path / "v.html"
    assert main(["view", str(src), "-o", str(out), "--types", "Consult,Mobilize"]) == 0
    rels = {e["rel"] for e in _data(out.read_text(encoding="utf-8"), "EDGES")}
    assert rels == {"met", "deploysTo"}  # Meet under Consult, Deploy under Mobilize
    assert main(["view", str(src), "-o", str(out), "--focus", "moscow", "--depth", "1",
                 "--since", "2025-09-01", "--until", "2025-09-30"]) == 0
    labels = {n["label"] for n in _data(out.read_text(encoding="utf-8"), "NODES")}
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
