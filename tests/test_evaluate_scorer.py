"""Scorer of kg.evaluate on hand-made extractions (no pipeline needed)."""
import json

import pytest

from kg.evaluate import (GoldFormatError, GoldRecord, PRF, aggregate, load_gold, normalize_name,
                         score_document)
from kg.model import Actor, Article, Event, Extraction

GOLD = {
    "id": "t-1", "published": "2025-06-12",
    "text": ("ADDIS ABABA, June 12 (Wire) - Ethiopian Prime Minister Abiy Ahmed held talks with Kenyan "
             "President William Ruto in Addis Ababa on Thursday. Ethiopia and Kenya urged the RSF to "
             "accept a ceasefire. Kenyan troops were deployed to Somalia."),
    "actors": [
        {"name": "Abiy Ahmed", "kind": "Person", "iso3": None, "affiliation": "Ethiopia"},
        {"name": "William Ruto", "kind": "Person", "affiliation": "Kenya"},
        {"name": "Ethiopia", "kind": "State", "iso3": "ETH"},
        {"name": "Kenya", "kind": "State", "iso3": "KEN"},
        {"name": "Rapid Support Forces", "kind": "Organization", "affiliation": None},
        {"name": "Somalia", "kind": "State", "iso3": "SOM"},
    ],
    "events": [
        {"actor": "Abiy Ahmed", "type": "Consult", "recipient": "William Ruto", "subtype": "Meet"},
        {"actor": "Ethiopia", "type": "Request", "recipient": "Rapid Support Forces"},
        {"actor": "Kenya", "type": "Request", "recipient": "Rapid Support Forces"},
        {"actor": "Kenya", "type": "Mobilize", "recipient": "Somalia", "modality": "Asserted"},
    ],
}


def _actors():
    return {
        "abiy-ahmed": Actor("abiy-ahmed", "Person", "Abiy Ahmed", {"Abiy"}, affiliation="ethiopia"),
        "william-ruto": Actor("william-ruto", "Person", "William Ruto", affiliation="kenya"),
        "ethiopia": Actor("ethiopia", "State", "Ethiopia", {"Ethiopian"}, country_code="ETH"),
        "kenya": Actor("kenya", "State", "Kenya", {"Kenyan"}, country_code="KEN"),
        "rsf": Actor("rsf", "Organization", "RSF", {"the Rapid Support Forces"}),
        "somalia": Actor("somalia", "State", "Federal Republic of Somalia", country_code="SOM"),
    }


def _perfect_events():
    return [
        Event("Meet", ["abiy-ahmed"], ["william-ruto"]),
        Event("Request", ["ethiopia", "kenya"], ["rsf"]),
        Event("Mobilize", ["kenya"], ["somalia"]),
    ]


def _top_of(t):
    return {"Meet": "Consult", "Deploy": "Mobilize"}.get(t, t)


def _score(actors, events):
    gold = GoldRecord.from_dict(GOLD)
    ex = Extraction(gold.article(), actors=actors, events=events)
    return aggregate([score_document(gold, ex, top_of=_top_of)])


def test_perfect_prediction_scores_one():
    r = _score(_actors(), _perfect_events())
    assert (r.actors.precision, r.actors.recall, r.actors.f1) == (1.0, 1.0, 1.0)
    assert (r.events.tp, r.events.fp, r.events.fn) == (4, 0, 0)
    assert r.events.f1 == 1.0 and r.events_modality.f1 == 1.0
    assert r.events_by_type["Request"].support == 2
    assert r.events_by_type["Consult"].f1 == 1.0


def test_alt_label_and_country_code_match():
    # "the Rapid Support Forces" is an alt label of "RSF"; Somalia matches only by its code.
    r = _score(_actors(), [])
    assert r.actors.tp == 6
    assert r.actors_by_kind["Organization"].tp == 1


def test_gold_mention_with_title_matches_the_bare_name_last():
    gold = GoldRecord.from_dict({"id": "t-2", "text": "Jordan's King Abdullah II met President Obama.",
                                 "actors": [{"name": "Jordan's King Abdullah II", "kind": "Person"},
                                            {"name": "President Obama", "kind": "Person"}],
                                 "events": [{"actor": "Jordan's King Abdullah II", "type": "Consult",
                                             "recipient": "President Obama"}]})
    actors = {"abdullah": Actor("abdullah", "Person", "Abdullah II"),
              "obama": Actor("obama", "Person", "Barack Obama", {"Obama"}),
              "king": Actor("king", "Person", "King")}  # one word of the title is not the name
    r = aggregate([score_document(gold, Extraction(Article(id="t-2", text=gold.text), actors=actors,
                                                   events=[Event("Meet", ["abdullah"], ["obama"])]))])
    assert (r.actors.tp, r.actors.fp) == (2, 1) and r.events.f1 == 1.0


def test_missed_actor_lowers_recall_only():
    actors = _actors()
    del actors["somalia"]
    events = [e for e in _perfect_events() if "somalia" not in e.recipients]
    r = _score(actors, events)
    assert r.actors.precision == 1.0
    assert r.actors.recall == pytest.approx(5 / 6)
    assert r.actors_by_kind["State"].fn == 1
    assert r.events.recall == pytest.approx(3 / 4) and r.events.precision == 1.0
    assert r.events_by_type["Mobilize"].recall == 0.0


def test_wrong_type_lowers_precision_and_recall():
    events = _perfect_events()
    events[2] = Event("Assault", ["kenya"], ["somalia"])
    r = _score(_actors(), events)
    assert r.events.precision == pytest.approx(3 / 4)
    assert r.events.recall == pytest.approx(3 / 4)
    assert r.events_by_type["Assault"].fp == 1 and r.events_by_type["Assault"].precision == 0.0
    assert r.events_by_type["Mobilize"].fn == 1
    assert r.events_by_type["Request"].f1 == 1.0


def test_spurious_actor_and_event_lower_precision():
    actors = _actors()
    actors["addis"] = Actor("addis", "State", "Addis Ababa")
    events = _perfect_events() + [Event("Threaten", ["addis"], [])]
    r = _score(actors, events)
    assert r.actors.precision == pytest.approx(6 / 7) and r.actors.recall == 1.0
    assert r.events.precision == pytest.approx(4 / 5)
    doc = r.documents[0]
    assert doc.actor_fp == ["Addis Ababa"]
    assert doc.event_fp[0][0] == ("?Addis Ababa", "Threaten", None)


def test_modality_variant_and_duplicates():
    events = _perfect_events()
    events[2] = Event("Mobilize", ["kenya"], ["somalia"], modality="Hypothetical")
    events.append(Event("Meet", ["abiy-ahmed"], ["william-ruto"]))  # a second, duplicate meeting
    r = _score(_actors(), events)
    # one event per (actor, type, recipient) per document (coding rule R10): telling the meeting
    # twice is neither a second hit nor a false positive
    assert r.events.tp == 4 and r.events.fp == 0
    assert r.events_modality.tp == 3 and r.events_modality.fn == 1


def test_background_events_are_optional():
    from kg.evaluate import GoldRecord, aggregate, score_document

    gold = GoldRecord.from_dict({
        "id": "b1", "text": "Kenya met Somalia. In 2011 Kenya invaded Somalia.",
        "actors": [{"name": "Kenya", "kind": "State", "iso3": "KEN"}, {"name": "Somalia", "kind": "State", "iso3": "SOM"}],
        "events": [{"actor": "Kenya", "type": "Consult", "recipient": "Somalia"},
                   {"actor": "Kenya", "type": "Assault", "recipient": "Somalia", "background": True}]})
    actors = {"kenya": Actor("kenya", "State", "Kenya", country_code="KEN"),
              "somalia": Actor("somalia", "State", "Somalia", country_code="SOM")}
    found = Extraction(Article("b1", gold.text), actors, [Event("Meet", ["kenya"], ["somalia"]),
                                                          Event("Assault", ["kenya"], ["somalia"])])
    missed = Extraction(Article("b1", gold.text), actors, [Event("Meet", ["kenya"], ["somalia"])])
    for ex in (found, missed):  # finding the background event is no hit, missing it no miss
        r = aggregate([score_document(gold, ex)])
        assert (r.events.tp, r.events.fp, r.events.fn) == (1, 0, 0)


def test_affiliation_variant_lifts_persons_to_states():
    events = _perfect_events()
    events[0] = Event("Meet", ["ethiopia"], ["kenya"])  # the states instead of their leaders
    r = _score(_actors(), events)
    assert r.events.tp == 3
    assert r.events_affiliation.tp == 4 and r.events_affiliation.f1 == 1.0


def test_recipient_none_matches_none():
    gold = dict(GOLD, events=[{"actor": "Kenya", "type": "Threaten", "recipient": None}])
    g = GoldRecord.from_dict(gold)
    ok = score_document(g, Extraction(g.article(), _actors(), [Event("Threaten", ["kenya"])]), top_of=_top_of)
    bad = score_document(g, Extraction(g.article(), _actors(), [Event("Threaten", ["kenya"], ["somalia"])]),
                         top_of=_top_of)
    assert ok.events.tp == 1 and bad.events.tp == 0


def test_report_text_and_json():
    events = _perfect_events()[:2]
    r = _score(_actors(), events)
    text = r.to_text(errors=2)
    assert "Events by top type" in text and "Mobilize" in text
    assert "FN Kenya --Mobilize--> Somalia" in text
    assert "| Kenyan troops were deployed to Somalia." in text
    data = json.loads(r.to_json(errors=2))
    assert data["events"]["recall"] == 0.75
    assert data["events_by_type"]["Mobilize"]["support"] == 1
    assert data["errors"][0]["event_fn"][0]["triple"] == ["Kenya", "Mobilize", "Somalia"]


def test_prf_zero_division():
    assert PRF().f1 == 0.0 and PRF(0, 3, 0).precision == 0.0


def test_normalize_name():
    assert normalize_name("The  Kremlin") == normalize_name("kremlin")
    assert normalize_name("Türkiye") == "turkiye"
    assert normalize_name("Côte d’Ivoire") == normalize_name("Cote d'Ivoire")


@pytest.mark.parametrize("bad, message", [
    ({"events": [{"actor": "Kenya", "type": "Fight", "recipient": None}]}, "16 PLOVER top types"),
    ({"events": [{"actor": "Nairobi", "type": "Agree"}]}, "not in \"actors\""),
    ({"actors": [{"name": "Kenya", "kind": "Country"}]}, "\"kind\" must be one of"),
    ({"published": "12 June 2025"}, "not an ISO date"),
])
def test_bad_gold_record_names_file_and_line(tmp_path, bad, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n" + json.dumps(dict(GOLD, id="t-2", **bad)) + "\n")
    with pytest.raises(GoldFormatError) as err:
        load_gold(path)
    assert f"{path}:2:" in str(err.value) and message in str(err.value)
    assert str(err.value).startswith("[E142]")


def test_missing_gold_file(tmp_path):
    with pytest.raises(GoldFormatError, match=r"\[E140\]"):
        load_gold(tmp_path / "nope.jsonl")


def test_title_match_outranks_a_shared_country():
    # the PLOVER records code a person as their state: the name in the mention is the better evidence
    gold = GoldRecord.from_dict({"id": "t-3", "text": "Nigeria accused Niger's ambassador Brah Mohamane.",
                                 "actors": [{"name": "Nigeria", "kind": "State", "iso3": "NGA"},
                                            {"name": "Niger's ambassador Brah Mohamane", "kind": "State",
                                             "iso3": "NER"}],
                                 "events": [{"actor": "Nigeria", "type": "Accuse",
                                             "recipient": "Niger's ambassador Brah Mohamane"}]})
    actors = {"nigeria": Actor("nigeria", "State", "Nigeria", country_code="NGA"),
              "niger": Actor("niger", "State", "Niger", country_code="NER"),
              "brah-mohamane": Actor("brah-mohamane", "Person", "Brah Mohamane", affiliation="niger")}
    r = aggregate([score_document(gold, Extraction(Article(id="t-3", text=gold.text), actors=actors,
                                                   events=[Event("Accuse", ["nigeria"], ["brah-mohamane"])]))])
    assert r.events.f1 == 1.0 and r.actors.fp == 1


def test_group_and_state_match_the_gold_country_and_sector():
    # CAMEO-coded gold: two actors of one country, told apart by sector
    gold = GoldRecord.from_dict({"id": "t-4", "text": "The Sudanese government accused Darfur rebels.",
                                 "actors": [{"name": "Darfur rebels", "kind": "State", "iso3": "SDN",
                                             "sector": "REB"},
                                            {"name": "Sudanese government", "kind": "State", "iso3": "SDN",
                                             "sector": "GOV"}],
                                 "events": [{"actor": "Sudanese government", "type": "Accuse",
                                             "recipient": "Darfur rebels"}]})
    actors = {"sudan": Actor("sudan", "State", "Sudan", country_code="SDN"),
              "sudan-rebels": Actor("sudan-rebels", "Organization", "Sudan rebels", affiliation="sudan",
                                    sector="REB")}
    r = aggregate([score_document(gold, Extraction(Article(id="t-4", text=gold.text), actors=actors,
                                                   events=[Event("Accuse", ["sudan"], ["sudan-rebels"])]))])
    assert r.actors.f1 == 1.0 and r.events.f1 == 1.0


def _r7_group_case(group_label: str, alt: str | None = None):
    # corpus gold (rule R7): an unnamed group is an Organization with its state as affiliation
    gold = GoldRecord.from_dict({"id": "t-r7", "text": "Protesters in Maroua marched against the governor.",
                                 "actors": [{"name": "protesters in Maroua", "kind": "Organization",
                                             "iso3": None, "affiliation": "Cameroon"},
                                            {"name": "Cameroon", "kind": "State", "iso3": "CMR"}],
                                 "events": [{"actor": "protesters in Maroua", "type": "Protest",
                                             "recipient": "Cameroon"}]})
    group = Actor("cameroon-group", "Organization", group_label, affiliation="cameroon", sector="OPP")
    if alt:
        group.alt_labels.add(alt)
    actors = {"cameroon": Actor("cameroon", "State", "Cameroon", country_code="CMR"), "cameroon-group": group}
    ex = Extraction(Article(id="t-r7", text=gold.text), actors=actors,
                    events=[Event("Protest", ["cameroon-group"], ["cameroon"])])
    return aggregate([score_document(gold, ex)])


def test_a_group_of_the_state_matches_a_gold_unnamed_group_of_that_affiliation_sharing_a_word():
    assert _r7_group_case("Cameroon opposition", alt="protesters").events.f1 == 1.0
    assert _r7_group_case("Cameroon protesters").events.f1 == 1.0


def test_a_group_of_the_state_sharing_only_the_state_matches_no_gold_unnamed_group():
    # "Cameroon civilians" are not "protesters in Maroua" because both are of Cameroon
    r = _r7_group_case("Cameroon civilians")
    assert r.events.f1 == 0.0 and r.actors.fp == 1


def test_a_state_named_after_a_preposition_is_no_title_match():
    # "students throughout Indonesia" are a group of Indonesia, not Indonesia with a title
    gold = GoldRecord.from_dict({"id": "t-5", "text": "Students throughout Indonesia demonstrated against Suharto.",
                                 "actors": [{"name": "students throughout Indonesia", "kind": "State",
                                             "iso3": "IDN", "sector": "EDU"},
                                            {"name": "Suharto", "kind": "State", "iso3": "IDN", "sector": "GOV"}],
                                 "events": [{"actor": "students throughout Indonesia", "type": "Protest",
                                             "recipient": "Suharto"}]})
    actors = {"indonesia": Actor("indonesia", "State", "Indonesia", country_code="IDN"),
              "suharto": Actor("suharto", "Person", "Suharto", affiliation="indonesia"),
              "indonesia-students": Actor("indonesia-students", "Organization", "Indonesia students",
                                          affiliation="indonesia", sector="EDU")}
    ex = Extraction(Article(id="t-5", text=gold.text), actors=actors,
                    events=[Event("Protest", ["indonesia-students"], ["suharto"])])
    assert aggregate([score_document(gold, ex)]).events.f1 == 1.0
    # the state itself acting is not the students' protest
    ex = Extraction(Article(id="t-5", text=gold.text), actors=actors,
                    events=[Event("Protest", ["indonesia"], ["suharto"])])
    assert aggregate([score_document(gold, ex)]).events.f1 == 0.0


@pytest.mark.parametrize("subtype,message", [("Occupy", "kind of Coerce"), ("Disarm", "unknown")])
def test_a_gold_subtype_must_be_a_kind_of_the_events_type(tmp_path, subtype, message):
    rec = {"id": "t-6", "text": "M23 rebels entered Bukavu.",
           "actors": [{"name": "M23", "kind": "Organization"}],
           "events": [{"actor": "M23", "type": "Assault", "subtype": subtype}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec) + "\n")
    with pytest.raises(GoldFormatError, match=message):
        load_gold(path)


def test_a_gold_mention_naming_the_state_outranks_one_sharing_its_country():
    # two gold actors of one country with no tie by sector: the one whose mention names the state
    gold = GoldRecord.from_dict({"id": "t-6", "text": "Mali's government lifted a curfew in the Kidal region.",
                                 "actors": [{"name": "Kidal region", "kind": "State", "iso3": "MLI"},
                                            {"name": "Mali's government", "kind": "State", "iso3": "MLI",
                                             "sector": "GOV"}],
                                 "events": [{"actor": "Mali's government", "type": "Retreat",
                                             "recipient": None}]})
    actors = {"mali": Actor("mali", "State", "Mali", country_code="MLI")}
    for order in (gold.actors, gold.actors[::-1]):
        gold.actors = list(order)
        r = aggregate([score_document(gold, Extraction(Article(id="t-6", text=gold.text), actors=actors,
                                                       events=[Event("Retreat", ["mali"], [])]))])
        assert r.events.f1 == 1.0


def test_a_missed_event_is_shown_with_its_gold_evidence():
    # the error listing showed a guessed sentence naming the two actors, often another one
    gold = GoldRecord.from_dict({
        "id": "ev1", "text": "Kenya and Somalia signed a trade deal. Later, Kenya accused Somalia of lying.",
        "actors": [{"name": "Kenya", "kind": "State", "iso3": "KEN"},
                   {"name": "Somalia", "kind": "State", "iso3": "SOM"}],
        "events": [{"actor": "Kenya", "type": "Accuse", "recipient": "Somalia",
                    "evidence": "Later, Kenya accused Somalia of lying."}]})
    actors = {"kenya": Actor("kenya", "State", "Kenya", country_code="KEN"),
              "somalia": Actor("somalia", "State", "Somalia", country_code="SOM")}
    doc = score_document(gold, Extraction(Article("ev1", gold.text), actors, []))
    assert doc.event_fn == [(("Kenya", "Accuse", "Somalia"), "Later, Kenya accused Somalia of lying.")]


def test_operating_points_say_what_a_minimum_confidence_keeps():
    events = [Event("Meet", ["abiy-ahmed"], ["william-ruto"], confidence=0.9),
              Event("Request", ["ethiopia"], ["rsf"], confidence=0.6),
              Event("Mobilize", ["kenya"], ["ethiopia"], confidence=0.4)]  # wrong recipient
    points = {p["min_confidence"]: p for p in _score(_actors(), events).operating_points}
    assert (points[0.3]["events"], points[0.3]["precision"], points[0.3]["recall"]) == (3, 0.667, 0.5)
    assert (points[0.5]["events"], points[0.5]["precision"], points[0.5]["recall"]) == (2, 1.0, 0.5)
    assert (points[0.7]["events"], points[0.7]["recall"]) == (1, 0.25)
    assert points[0.8]["events"] == 1
    data = json.loads(_score(_actors(), events).to_json())
    assert data["operating_points"][1] == points[0.5]


def test_eval_writes_no_event_under_the_minimum_confidence(tmp_path, capsys):
    from kg.cli import main

    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    found = {}
    for p in ("0", "0.99"):
        assert main(["eval", str(gold), "--min-confidence", p, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        found[p] = data["events"]["tp"] + data["events"]["fp"]
        confidences = [r["confidence"] for r in data["calibration"]["reliability"]]
        assert all(c >= float(p) for c in confidences)
    assert found["0"] > found["0.99"] >= 0


def test_the_ece_of_a_perfect_coder_is_the_noise_a_measured_ece_is_read_against():
    import random

    from kg.calibration import ece_if_calibrated, expected_calibration_error

    rng = random.Random(1)
    confs = [rng.uniform(0.1, 0.9) for _ in range(300)]
    mean, p95 = ece_if_calibrated(confs)
    assert 0.0 < mean < p95 < 0.2
    assert ece_if_calibrated(confs) == (mean, p95)  # seeded
    # more events, less noise
    assert ece_if_calibrated(confs * 10)[0] < mean / 2
    # an overconfident coder (right half as often as it says) is far outside the noise
    over = expected_calibration_error([(c, rng.random() < c / 2) for c in confs])[0]
    assert over > 2 * p95
    data = json.loads(_score(_actors(), [Event("Meet", ["abiy-ahmed"], ["william-ruto"], confidence=0.9)]).to_json())
    assert set(data["calibration"]["ece_if_calibrated"]) == {"mean", "p95"}


def test_guessed_recipients_are_reported_apart_in_the_calibration():
    events = [Event("Meet", ["abiy-ahmed"], ["william-ruto"], confidence=0.8),
              Event("Request", ["ethiopia"], ["rsf"], confidence=0.5, recipient_inferred=True),
              Event("Mobilize", ["kenya"], ["ethiopia"], confidence=0.4, recipient_inferred=True),  # wrong
              Event("Mobilize", ["kenya"], ["somalia"], confidence=0.6)]
    r = _score(_actors(), events)
    assert r.calibration_by_recipient == {"named": {"events": 2, "confidence": 0.7, "right": 1.0},
                                          "guessed": {"events": 2, "confidence": 0.45, "right": 0.5}}
    data = json.loads(r.to_json())
    assert data["calibration"]["by_recipient"]["guessed"]["events"] == 2
    assert "guessed recipient" in r.to_text()
    # a triple told twice counts once, as guessed only when its most confident telling was
    twice = events + [Event("Request", ["ethiopia"], ["rsf"], confidence=0.7)]
    assert _score(_actors(), twice).calibration_by_recipient["guessed"]["events"] == 1
