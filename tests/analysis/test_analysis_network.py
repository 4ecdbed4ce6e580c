"""The actor network read from RDF, filters, and the analyses on top of it."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))
from view_fixtures import small_graph  # noqa: E402

from kg.analysis import analyze, build_network, filter_network, state_balance, summarize  # noqa: E402
from kg.analysis.network import AnalysisError, date_bounds  # noqa: E402
from kg.cli import main  # noqa: E402
from kg.namespaces import ACTOR  # noqa: E402

PUTIN, CHOE, RUSSIA, NK, UKRAINE, UN = (str(ACTOR[k]) for k in (
    "vladimir-putin", "choe-son-hui", "russia", "north-korea", "ukraine", "united-nations"))


@pytest.fixture(scope="module")
def net():
    return build_network(small_graph())


def test_analysis_nodes_carry_names_kind_role_affiliation(net):
    d = net.nodes[PUTIN]
    assert d["kind"] == "Person" and d["label"] == "Vladimir Putin"
    assert d["alt_labels"] == ["Putin"] and d["role"] == "President"
    assert d["affiliation"] == RUSSIA and d["affiliation_label"] == "Russia"
    assert d["wikidata"] == "http://www.wikidata.org/entity/Q7747"
    assert net.nodes[RUSSIA]["country_code"] == "RUS"


def test_analysis_one_edge_per_event_with_taxonomy_facts(net):
    meets = net.get_edge_data(CHOE, PUTIN)
    assert len(meets) == 2
    e = next(iter(meets.values()))
    assert (e["type"], e["top"], e["quad"], e["relation"]) == ("Meet", "Consult", "VerbalCooperation", "met")
    deploy = [d for d in net.get_edge_data(NK, RUSSIA).values() if d["type"] == "Deploy"][0]
    assert deploy["top"] == "Mobilize" and deploy["quad"] == "MaterialConflict"
    assert deploy["date"] == "2024-11" and deploy["article_title"] == "Putin Hosts North Korean Envoy"


def test_analysis_direct_edges_backed_by_events_are_not_double_counted(net):
    # every asserted event also has its direct edge (gpol:met ...): still 2 Meet edges, not 3
    assert sum(1 for d in net.get_edge_data(CHOE, PUTIN).values() if d["relation"] == "met") == 2
    # the one direct edge with no event behind it is kept, typed through its relation
    req = net.get_edge_data(UKRAINE, UN)
    assert [(d["relation"], d["type"], d["event"]) for d in req.values()] == [("requests", "Request", None)]


def test_analysis_event_without_recipient_is_counted_not_drawn(net):
    assert [e["type"] for e in net.graph["solo_events"]] == ["Mobilize"]
    assert net.graph["events_by_type"]["Mobilize"] == 1


def test_analysis_date_bounds():
    assert date_bounds("2025") == ("2025-01-01", "2025-12-31")
    assert date_bounds("2025-10-27") == ("2025-10-27", "2025-10-27")
    assert date_bounds("soon") is None


def test_analysis_filters(net):
    consult = filter_network(net, types=["Consult"])  # includes its subclass Meet
    assert {d["type"] for *_, d in consult.edges(data=True)} == {"Meet"}
    assert set(consult) == {CHOE, PUTIN}
    autumn = filter_network(net, since="2025-10", until="2025-10-31", keep_undated=False)
    assert {d["date"] for *_, d in autumn.edges(data=True)} == {"2025-10-27", "2025-10-28", "2025"}
    ego = filter_network(net, focus="putin", depth=1)
    assert set(ego) == {PUTIN, CHOE}
    ego2 = filter_network(net, focus="PYONGYANG", depth=1)
    assert set(ego2) == {NK, RUSSIA}
    with pytest.raises(AnalysisError, match="E181"):
        filter_network(net, focus="Nobody")
    with pytest.raises(AnalysisError, match="E182"):
        filter_network(net, since="last week")
    with pytest.raises(AnalysisError, match="E183"):
        filter_network(net, types=["Meeet"])


def test_analysis_summarize_counts(net):
    s = summarize(small_graph())
    assert s["actors_by_kind"] == {"Person": 2, "State": 3, "Organization": 1}
    assert s["events_by_type"]["Meet"] == 2 and s["events"] == 9
    assert s["most_connected"][0] == ("Russia", 6)


def test_analysis_state_balance_attributes_people_to_states(net):
    rows = {tuple(r["states"]): r for r in state_balance(net)}
    nk = rows[("North Korea", "Russia")]
    # two meetings of their envoy/president, a praise (coop), a deployment (conflict); the
    # hypothetical aid is left out
    assert nk["counts"] == {"VerbalCooperation": 3, "MaterialCooperation": 0,
                            "VerbalConflict": 0, "MaterialConflict": 1}
    assert nk["score"] == pytest.approx(0.5)
    assert rows[("Russia", "Ukraine")]["score"] == -1.0
    assert ("Russia", "United Nations") not in rows  # an organisation is no state


def test_analysis_analyze_report(net):
    r = analyze(net)
    assert r["central"]["degree"][0]["label"] == "Russia"
    assert r["central"]["pagerank"][0]["label"] == "Russia"
    assert {len(r["central"][k]) for k in ("degree", "betweenness", "pagerank")} == {6}
    members = sorted(m for c in r["communities"] for m in c["members"])
    assert len(members) == 6 and len(set(members)) == 6
    assert r["events_by_top_class"]["Consult"] == 2 and r["events_by_top_class"]["Mobilize"] == 2
    assert r["communities"] == analyze(net)["communities"]  # seeded: stable


def test_analysis_stats_cli(tmp_path, capsys):
    src = tmp_path / "g.trig"
    small_graph().serialize(src, format="trig")
    assert main(["stats", str(src), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["actors"] == 6 and report["state_balance"][0]["states"]
    assert main(["stats", str(src)]) == 0
    text = capsys.readouterr().out
    assert "Communities (Louvain" in text and "North Korea - Russia" in text
    assert main(["stats", str(tmp_path / "missing.trig")]) == 1
    assert "E008" in capsys.readouterr().err


def test_a_date_filter_keeps_undated_events_unless_asked(net):
    # issue 17: date filters keep undated events unless asked
    undated = [(u, v) for u, v, d in net.edges(data=True) if not d.get("date")]
    assert undated, "the fixture needs an undated event"
    kept = filter_network(net, since="2025-10", until="2025-10-31")
    assert all(kept.has_edge(u, v) for u, v in undated)
    dropped = filter_network(net, since="2025-10", until="2025-10-31", keep_undated=False)
    assert not any(not d.get("date") for *_, d in dropped.edges(data=True))
