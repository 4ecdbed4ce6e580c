"""The gazetteer tables: coverage of the UN members, identifiers, references, reproducibility."""
from __future__ import annotations

import importlib.util
import re
import time

import pycountry
import pytest

from kg.actors.gazetteer import Gazetteer
from kg.resources import data_path, project_root

GAZ = data_path("gazetteer")

# The 193 UN member states by ISO 3166-1 alpha-3 (UN membership list; South Sudan joined in 2011).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU
EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND
IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS
MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN
PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_reference_list_is_the_193_members():
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    assert all(pycountry.countries.get(alpha_3=c) for c in UN_MEMBERS)


def test_every_un_member_and_observer_is_a_state_with_its_iso3(gaz):
    for iso3 in [*UN_MEMBERS, "VAT", "PSE"]:
        e = gaz.state_by_iso3(iso3)
        assert e is not None and e.kind == "State", iso3
        assert e.iso3 == iso3
    members = [e for e in gaz if e.kind == "State"]
    assert {e.iso3 for e in members} >= set(UN_MEMBERS)


def test_states_tsv_status_column():
    rows = [l.split("\t") for l in (GAZ / "states.tsv").read_text(encoding="utf-8").splitlines()]
    header, rows = rows[0], rows[1:]
    status = {r[header.index("iso3")]: r[header.index("status")] for r in rows}
    assert sorted(k for k, v in status.items() if v == "member") == sorted(UN_MEMBERS)
    assert {k for k, v in status.items() if v == "observer"} == {"VAT", "PSE"}
    assert {"TWN", "XKX"} <= {k for k, v in status.items() if v == "other"}


def test_qids_are_well_formed_and_unique(gaz):
    qids = [e.qid for e in gaz if e.qid]
    assert len(qids) > 200
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    assert len(qids) == len(set(qids)), "one QID on two entries"


@pytest.mark.parametrize("key,qid", [
    ("russia", "Q159"), ("united-states", "Q30"), ("north-korea", "Q423"), ("south-korea", "Q884"),
    ("ukraine", "Q212"), ("china", "Q148"), ("nato", "Q7184"), ("united-nations", "Q1065"),
    ("vladimir-putin", "Q7747"), ("donald-trump", "Q22686"), ("kim-jong-un", "Q56226"),
])
def test_known_qids(gaz, key, qid):
    assert gaz.get(key).qid == qid


def test_every_affiliation_and_parent_exists(gaz):
    for e in gaz:
        if e.affiliation:
            target = gaz.get(e.affiliation)
            assert target is not None, (e.key, e.affiliation)
            assert target.kind in ("State", "Organization")
    assert all(e.affiliation for e in gaz if e.kind == "Person")


def test_keys_are_slugs(gaz):
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.key) for e in gaz)


def test_org_types(gaz):
    types = {e.org_type for e in gaz if e.kind == "Organization"}
    assert types <= {"igo", "bloc", "ngo", "armed_group", "state_body", "regional_government", "party"}
    assert gaz.get("hamas").org_type == "armed_group"
    assert gaz.get("un-security-council").affiliation == "united-nations"
    assert gaz.get("european-commission").affiliation == "european-union"


def test_organisation_names_are_unambiguous(gaz):
    """Each organisation's name (label or alias, normalised) belongs to that organisation alone, is no
    state's name, alias or demonym ("NLD" is the Netherlands' code, not an alias of Myanmar's NLD), and
    each parent is a known organisation."""
    from kg.actors.gazetteer import normalize_name
    state_names = {normalize_name(n) for e in gaz if e.kind == "State"
                   for n in (e.label, *e.aliases, *e.demonyms, e.iso3 or "") if n}
    owner: dict[str, str] = {}
    orgs = [e for e in gaz if e.kind == "Organization"]
    assert len(orgs) > 500
    for e in orgs:
        for n in {normalize_name(n) for n in (e.label, *e.aliases)}:
            assert owner.setdefault(n, e.key) == e.key, f"{n!r} names both {owner[n]} and {e.key}"
            assert n not in state_names, f"{n!r} of {e.key} is a state's name"
        if e.affiliation:
            parent = gaz.get(e.affiliation)
            assert parent is not None and parent.kind == "Organization", (e.key, e.affiliation)
    assert gaz.get("georgian-dream").org_type == "party" and gaz.get("georgian-dream").iso3 == "GEO"
    assert gaz.get("minusca").affiliation == "united-nations"


def test_no_state_name_points_to_two_states(gaz):
    """A name, demonym or capital must not stand for two different states (e.g. no bare "Congo")."""
    from kg.actors.gazetteer import normalize_name
    owner: dict[str, str] = {}
    for e in gaz:
        if e.kind != "State":
            continue
        for n in (e.label, *e.aliases, *e.demonyms, *e.capitals):
            k = normalize_name(n)
            assert owner.setdefault(k, e.key) == e.key, (n, owner[k], e.key)
    assert "korea" not in owner and "brussels" not in owner
    assert owner.get("congo") == "democratic-republic-of-the-congo"  # as international news uses it


def test_loads_fast():
    from kg.actors.gazetteer import _load, _load_default
    _load.cache_clear()
    _load_default.cache_clear()
    t = time.perf_counter()
    Gazetteer.load()
    assert time.perf_counter() - t < 0.5
    assert Gazetteer.load() is Gazetteer.load()


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", project_root() / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_build_is_reproducible(tmp_path):
    """Running the build writes the files that are committed, byte for byte."""
    build = _build_module()
    counts = build.build_all(tmp_path)
    assert counts["states.tsv"] == 197
    for name in counts:
        assert (tmp_path / name).read_bytes() == (GAZ / name).read_bytes(), f"{name} differs: rerun scripts/build_gazetteer.py"


def test_build_rejects_an_unknown_petrarch_spelling(tmp_path):
    """The PETRARCH column is checked: a spelling that is not in the dictionaries stops the build."""
    import shutil
    build = _build_module()
    src = tmp_path / "sources"
    shutil.copytree(GAZ / "sources", src)
    p = src / "organizations_curated.tsv"
    p.write_text(p.read_text(encoding="utf-8").replace("\tHAMAS\n", "\tHAMAS_MADE_UP\n"), encoding="utf-8")
    with pytest.raises(ValueError, match="HAMAS_MADE_UP"):
        build.build_organizations(src)


def test_cities_table_names_known_states_with_populations(gaz):
    import csv
    with (GAZ / "cities.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) > 60000
    assert {r["state"] for r in rows} <= {e.key for e in gaz if e.kind == "State"}
    assert all(int(r["population"]) >= 0 and r["geonameid"].isdigit() and r["name"] for r in rows)


def test_cities_build_folds_names_and_drops_unknown_states():
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_cities", GAZ.parent.parent / "scripts" / "build_cities.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    towns = {"1": {"geonameid": 1, "name": "Goražde", "countrycode": "BA", "population": 17650},
             "2": {"geonameid": 2, "name": "San Juan", "countrycode": "PR", "population": 400000}}
    rows = mod.build_rows(towns, {"BA": "bosnia-and-herzegovina"})
    assert [(r["name"], r["state"]) for r in rows] == [("Gorazde", "bosnia-and-herzegovina"),
                                                       ("Goražde", "bosnia-and-herzegovina")]


def test_cities_build_marks_other_spellings():
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_cities", GAZ.parent.parent / "scripts" / "build_cities.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    towns = {"1": {"geonameid": 1, "name": "Pune", "countrycode": "IN", "population": 3124458,
                   "alternatenames": ["Poona", "Puno", "PNQ"]},
             "2": {"geonameid": 2, "name": "Puno", "countrycode": "PE", "population": 128637}}
    rows = mod.build_rows(towns, {"IN": "india", "PE": "peru"})
    assert [(r["name"], r["state"], r["spelling"]) for r in rows] == [
        ("Poona", "india", "other"), ("Pune", "india", "own"), ("Puno", "india", "other"), ("Puno", "peru", "own")]


def test_regions_table_is_first_level_regions_of_known_states(gaz):
    import csv
    with (GAZ / "regions.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) > 2000
    assert {r["state"] for r in rows} <= {e.key for e in gaz if e.kind == "State"}
    names = {r["name"] for r in rows}
    assert {"Borno", "Cabo Delgado", "Rakhine"} <= names
    assert not names & {"Central", "Western", "North West", "Georgia", "Red Sea"}  # directions, a state's name, a sea


def test_regions_build_is_reproducible(tmp_path):
    import subprocess
    import sys
    out = tmp_path / "regions.tsv"
    subprocess.run([sys.executable, str(GAZ.parent.parent / "scripts" / "build_regions.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == (GAZ / "regions.tsv").read_text(encoding="utf-8")


# Names of people that predate the rule below and are kept as curated: short names several office
# holders share ("Kim", "Cho": the recogniser leaves a shared short name unresolved), and default
# short names that are also another entry's name ("Wagner" of Thérèse Kayikwamba Wagner, "Türk" of
# Volker Türk). No new person may add to them.
_SHARED_PERSON_NAMES = {"kim", "cho"}
_PERSON_NAMES_THAT_NAME_OTHERS = {"wagner", "turk"}


def test_person_names_are_unambiguous(gaz):
    """A person's label, aliases and short names (normalised) name that person alone, and none is a
    state's name, alias, demonym or capital or an organisation's name or alias (no "Jordan", no
    "Georgia"); every affiliation is a known state or organisation; every person with a role has an
    affiliation (a role is only for an office held now: former leaders carry none)."""
    from kg.actors.gazetteer import normalize_name
    reserved: dict[str, str] = {}
    for e in gaz:
        if e.kind == "State":
            reserved.update((normalize_name(n), e.key) for n in (e.label, *e.aliases, *e.demonyms, *e.capitals) if n)
        elif e.kind == "Organization":
            reserved.update((normalize_name(n), e.key) for n in (e.label, *e.aliases) if n)
    people = [e for e in gaz if e.kind == "Person"]
    assert len(people) > 500
    short = gaz._short
    owner: dict[str, str] = {}
    for e in people:
        for n in {normalize_name(n) for n in (e.label, *e.aliases, *short.get(e.key, ()))}:
            if n not in _SHARED_PERSON_NAMES:
                assert owner.setdefault(n, e.key) == e.key, f"{n!r} names both {owner[n]} and {e.key}"
            if n not in _PERSON_NAMES_THAT_NAME_OTHERS:
                assert n not in reserved, f"{n!r} of {e.key} is the name of {reserved[n]}"
        assert e.affiliation, e.key
        target = gaz.get(e.affiliation)
        assert target is not None and target.kind in ("State", "Organization"), (e.key, e.affiliation)
    # former leaders: an affiliation, no role; a title maps to the office holder, not a predecessor
    assert gaz.get("barack-obama").role is None and gaz.get("barack-obama").affiliation == "united-states"
    assert gaz.get("angela-merkel").role is None
    assert [e.key for e in people if e.affiliation == "united-states" and e.role == "President"] == ["donald-trump"]
    # a short name two people could carry is left out of both
    assert "clinton" not in gaz.surnames() and "gandhi" not in gaz.surnames()
