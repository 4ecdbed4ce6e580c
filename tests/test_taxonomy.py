"""kg.taxonomy: the event classes as read from the ontology, CAMEO codes, PLOVER labels."""
from __future__ import annotations

import re

import pytest

from kg import taxonomy as tx
from kg.errors import KGError
from kg.resources import data_path

TOPS = ["Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Retreat", "Request",
        "Accuse", "Reject", "Threaten", "Protest", "Sanction", "Mobilize", "Coerce", "Assault"]

# codes where this project knowingly departs from CAMEO2PLOVER-2021 (recorded in gpol.ttl)
DEPARTURES = {"163": "Sanction"}


def test_top_classes_in_data_model_order():
    assert tx.top_classes() == TOPS
    classes = tx.event_classes()
    assert list(classes)[:16] == TOPS
    assert len(classes) == 53
    for name in TOPS:
        c = classes[name]
        assert c.top == name and c.parent is None and c.relation == c.top_relation


def test_finer_classes():
    meet = tx.event_classes()["Meet"]
    assert (meet.top, meet.parent, meet.relation, meet.top_relation, meet.quad) == (
        "Consult", "Consult", "met", "consults", "VerbalCooperation")
    assert meet.iri.endswith("#Meet") and meet.label == "Meet" and meet.comment
    assert tx.top_of("Deploy") == "Mobilize" and tx.relation_of("Deploy") == "deploysTo"
    assert tx.quad_of("Airstrike") == "MaterialConflict"
    assert tx.top_of("EconomicSanction") == "Sanction"
    assert tx.ancestors("Kill") == ["Kill", "Assault"]
    assert tx.is_a("Host", "Consult") and not tx.is_a("Host", "Support")
    assert tx.top_of("https://w3id.org/geopolitical-kg/ontology#Visit") == "Consult"


@pytest.mark.parametrize("code, cls", [
    ("040", "Consult"), ("044", "Meet"), ("042", "Visit"), ("[043:042]", "Host"), ("046", "Negotiate"),
    ("0361", "Agree"), ("051", "Praise"), ("057", "SignAgreement"), ("072", "MilitaryAid"),
    ("154", "Deploy"), ("152", "MilitaryExercise"), ("15", "Mobilize"), ("163", "EconomicSanction"),
    ("161", "BreakRelations"), ("111", "Condemn"), ("091", "Investigate"), ("09", "Accuse"),
    ("0841", "Release"), ("0871", "Ceasefire"), ("0813", "Retreat"), ("081", "Concede"),
    ("129", "Veto"), ("1411", "Demonstrate"), ("173", "Arrest"), ("191", "Blockade"),
    ("192", "Occupy"), ("1712", "Assault"), ("195", "Airstrike"), ("1831", "Bombing"),
    ("1823", "Kill"), ("194", "ArmedAttack"), ("2042", "Assault"), ("023", "Request"),
])
def test_class_for_cameo(code, cls):
    assert tx.class_for_cameo(code) == cls


@pytest.mark.parametrize("code", ["010", "08", "21", "", "abc"])
def test_unmapped_codes_raise_numbered_error(code):
    with pytest.raises(KGError, match=r"\[E152\]"):
        tx.class_for_cameo(code)


def test_every_cameo2plover_code_lands_under_its_plover_type():
    text = data_path("lexicon", "sources", "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    seen = 0
    for line in text.splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if not m or len(m.group(1)) == 2:
            continue
        code, plover = m.groups()
        want = DEPARTURES.get(code) or tx.plover_to_class(plover)
        assert tx.top_of(tx.class_for_cameo(code)) == want, (code, plover)
        seen += 1
    assert seen > 250


@pytest.mark.parametrize("label, cls", [
    ("ASSAULT", "Assault"), ("fight", "Assault"), ("DEMAND", "Request"), ("DISAPPROVE", "Accuse"),
    ("INVESTIGATE", "Accuse"), (" Consult ", "Consult"), ("Mobilize", "Mobilize"),
])
def test_plover_to_class(label, cls):
    assert tx.plover_to_class(label) == cls


def test_unknown_names_raise():
    with pytest.raises(KeyError, match=r"\[E151\].*Meet"):
        tx.top_of("Meeting")
    with pytest.raises(KGError, match=r"\[E153\]"):
        tx.plover_to_class("YIELD")


def test_broken_ontology_file_names_the_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix gpol: <x> .\ngpol:A a gpol:B <<< .\n", encoding="utf-8")
    with pytest.raises(KGError, match=r"\[E150\].*bad\.ttl"):
        tx.event_classes(bad)
    empty = tmp_path / "empty.ttl"
    empty.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    with pytest.raises(KGError, match=r"\[E154\].*empty\.ttl"):
        tx.event_classes(empty)
