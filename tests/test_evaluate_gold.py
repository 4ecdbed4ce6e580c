"""The bundled gold sets follow docs/eval.md, and the PLOVER conversion is reproducible."""
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.evaluate import TOP_TYPES, load_gold
from kg.model import MODALITIES

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold"
PLOVER_JSON = Path("/work/shared/data/plover/PLOVER_GSR_CAMEO.json")


@pytest.fixture(scope="module")
def dev():
    return load_gold(GOLD / "dev.jsonl")


@pytest.fixture(scope="module")
def plover():
    return load_gold(GOLD / "plover_gsr.jsonl")


def _check_record(rec):
    names = {a.name for a in rec.actors}
    for e in rec.events:
        assert e.type in TOP_TYPES, (rec.id, e)
        assert e.actor in names and (e.recipient is None or e.recipient in names), (rec.id, e)
        assert e.modality in MODALITIES
        assert e.actor != e.recipient, (rec.id, e)
    for a in rec.actors:
        if a.kind == "State":
            assert a.iso3 is None or len(a.iso3) == 3


def test_dev_set_size_and_format(dev):
    assert len(dev) >= 45
    for rec in dev:
        _check_record(rec)
        assert rec.published and rec.extra.get("region") and rec.extra.get("source")
        n_sent = rec.text.count(". ") + 1
        assert 2 <= n_sent <= 6, rec.id
        assert rec.events, rec.id


def test_dev_set_covers_every_type_twice(dev):
    counts = Counter(e.type for rec in dev for e in rec.events)
    assert {t: counts[t] for t in TOP_TYPES if counts[t] < 2} == {}


def test_dev_set_has_all_modalities_and_regions(dev):
    assert {e.modality for rec in dev for e in rec.events} == set(MODALITIES)
    regions = Counter(rec.extra["region"] for rec in dev)
    assert {"Africa", "Latin America", "Middle East", "Asia", "Europe"} <= set(regions)


def test_dev_persons_affiliations_are_names(dev):
    for rec in dev:
        for a in rec.actors:
            if a.kind == "State":
                assert a.iso3, (rec.id, a.name)
            if a.affiliation is not None:
                assert isinstance(a.affiliation, str) and a.affiliation != a.name


def test_dev_gold_names_occur_in_text(dev):
    # every person and organisation is mentioned: by name, surname or initials (U.N., RSF, IAEA)
    for rec in dev:
        text = rec.text.lower()
        for a in rec.actors:
            if a.kind != "State":
                initials = "".join(w[0] for w in a.name.split() if w[0].isupper())
                assert (a.name.split()[-1].lower() in text
                        or (len(initials) > 1 and initials in rec.text.replace(".", ""))), (rec.id, a.name)


def test_plover_set_format(plover):
    assert len(plover) == 322
    for rec in plover:
        _check_record(rec)
    counts = Counter(e.type for rec in plover for e in rec.events)
    assert set(counts) == set(TOP_TYPES)


@pytest.mark.skipif(not PLOVER_JSON.is_file(), reason="shared PLOVER data not on this machine")
def test_converter_reproduces_committed_file(tmp_path):
    out = tmp_path / "plover.jsonl"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert_plover_gold.py"),
                           "--input", str(PLOVER_JSON), "-o", str(out)],
                          capture_output=True, text=True, check=True)
    assert "records: 322" in proc.stdout
    assert out.read_bytes() == (GOLD / "plover_gsr.jsonl").read_bytes()


def test_converter_maps_codes_and_labels():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import convert_plover_gold as conv
    finally:
        sys.path.pop(0)
    table = conv.load_code_table()
    assert conv.top_type("FIGHT") == "Assault" and conv.top_type("DISAPPROVE") == "Accuse"
    assert conv.top_type("INVESTIGATE") == "Accuse" and conv.top_type("DEMAND") == "Request"
    rec = {"id": "x", "date": "2000-01-01", "event": "SANCTION", "text": "Japan cut aid to the UN.",
           "source": [{"actorText": "Japan", "code": "JAP", "sector": "GOV"}],
           "target": [{"actorText": "UN", "code": "IGO"}, {"actorText": "Kenyan police", "code": "KEN",
                                                            "sector": "COP"}]}
    out = conv.convert_record(rec, table)
    assert out["actors"][0] == {"name": "Japan", "kind": "State", "iso3": "JPN", "sector": "GOV", "cameo": "JAP"}
    assert out["actors"][1]["kind"] == "Organization" and out["actors"][1]["iso3"] is None
    assert [(e["actor"], e["recipient"]) for e in out["events"]] == [("Japan", "UN"), ("Japan", "Kenyan police")]
    with pytest.raises(ValueError, match="neither ISO"):
        conv.actor_of({"actorText": "Atlantis", "code": "ATL"}, table)
