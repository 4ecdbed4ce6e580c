"""Looking names up in the gazetteer."""
from __future__ import annotations

import pytest

from kg.actors.gazetteer import Gazetteer, normalize_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def keys(entries):
    return [e.key for e in entries]


@pytest.mark.parametrize("name,key", [
    ("Putin", "vladimir-putin"), ("Vladimir Putin", "vladimir-putin"), ("Putin's", "vladimir-putin"),
    ("Erdogan", "recep-tayyip-erdogan"), ("Erdoğan", "recep-tayyip-erdogan"),
    ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
    ("Zelenskyy", "volodymyr-zelensky"), ("Zelenskiy", "volodymyr-zelensky"),
    ("Sergei Lavrov", "sergey-lavrov"), ("Choe Son Hui", "choe-son-hui"),
    ("the Kremlin", "russia"), ("Kremlin", "russia"), ("Moscow", "russia"),
    ("Pyongyang", "north-korea"), ("DPRK", "north-korea"), ("D.P.R.K.", "north-korea"),
    ("North Korean", "north-korea"), ("U.S.", "united-states"), ("the U.S.", "united-states"),
    ("US", "united-states"), ("America", "united-states"), ("the White House", "united-states"),
    ("the State Department", "united-states"),
    ("UK", "united-kingdom"), ("Britain", "united-kingdom"), ("Türkiye", "turkey"), ("Turkiye", "turkey"),
    ("Ivory Coast", "ivory-coast"), ("Côte d’Ivoire", "ivory-coast"), ("Emirati", "united-arab-emirates"),
    ("Kyiv", "ukraine"), ("Kiev", "ukraine"), ("Jerusalem", "israel"),
    ("AU Commission", "african-union-commission"), ("U.N.", "united-nations"), ("the United Nations", "united-nations"),
    ("Houthis", "houthis"), ("Ansar Allah", "houthis"), ("RSF", "rapid-support-forces"), ("Hemedti", "mohamed-hamdan-dagalo"),
    ("UN Security Council", "un-security-council"), ("IAEA", "iaea"), ("Hizballah", "hezbollah"),
])
def test_lookup(gaz, name, key):
    assert key in keys(gaz.lookup(name)), (name, keys(gaz.lookup(name)))


def test_unknown_and_ambiguous(gaz):
    assert gaz.lookup("Atlantis") == []
    assert gaz.lookup("Brussels") and all(e.kind == "Organization" for e in gaz.lookup("Brussels"))
    assert set(keys(gaz.lookup("Kim"))) >= {"kim-jong-un", "kim-yo-jong"}


def test_au_commission_is_affiliated_to_the_au(gaz):
    e = gaz.lookup("AU Commission")[0]
    assert e.key == "african-union-commission" and e.affiliation == "african-union"
    assert e.kind == "Organization"


def test_sisi_and_burhan_are_distinct(gaz):
    sisi, burhan = gaz.get("abdel-fattah-el-sisi"), gaz.get("abdel-fattah-al-burhan")
    assert sisi and burhan and sisi != burhan
    assert sisi.affiliation == "egypt" and burhan.affiliation == "sudan"
    assert keys(gaz.lookup("el-Sisi")) == ["abdel-fattah-el-sisi"]
    assert keys(gaz.lookup("al-Burhan")) == ["abdel-fattah-al-burhan"]
    assert not set(keys(gaz.lookup("Abdel Fattah")))  # the shared given names identify no one


def test_people_fields(gaz):
    putin = gaz.get("vladimir-putin")
    assert (putin.kind, putin.role, putin.affiliation, putin.qid) == ("Person", "President", "russia", "Q7747")
    assert gaz.get("choe-son-hui").role == "Foreign Minister"
    assert gaz.get("marco-rubio").role == "Secretary of State"
    assert gaz.get("mahmoud-ali-youssouf").affiliation == "african-union-commission"


def test_state_for_demonym_and_metonym(gaz):
    assert gaz.state_for_demonym("North Korean").key == "north-korea"
    assert gaz.state_for_demonym("U.S.").key == "united-states"
    assert gaz.state_for_demonym("American").key == "united-states"
    assert gaz.state_for_demonym("Congolese").key == "democratic-republic-of-the-congo"
    assert gaz.state_for_demonym("Korean") is None
    assert gaz.state_for_demonym("Pyongyang") is None
    assert gaz.state_for_metonym("Pyongyang").key == "north-korea"
    assert gaz.state_for_metonym("the Kremlin").key == "russia"
    assert gaz.state_for_metonym("Beijing").key == "china"
    assert gaz.state_for_metonym("Brussels") is None
    assert gaz.state_by_iso3("rus").key == "russia"


def test_surnames(gaz):
    s = gaz.surnames()
    assert keys(s["putin"]) == ["vladimir-putin"]
    assert keys(s["xi"]) == ["xi-jinping"]            # family name first
    assert "jinping" not in s
    assert keys(s["sisi"]) == ["abdel-fattah-el-sisi"]
    assert "salman" not in s                          # "bin" names have no surname to use alone


@pytest.mark.parametrize("noun,sector", [
    ("troops", "military"), ("troop", "military"), ("forces", "military"), ("army", "military"),
    ("armies", "military"), ("warplanes", "military"), ("drones", "military"), ("soldiers", "military"),
    ("government", "government"), ("diplomat", "government"), ("envoy", "government"), ("minister", "government"),
    ("police", "police"), ("rebels", "rebels"), ("intelligence", "intelligence"), ("militiamen", "armed_group"),
])
def test_sector(gaz, noun, sector):
    assert gaz.sector(noun) == sector


def test_sector_unknown(gaz):
    assert gaz.sector("banana") is None


@pytest.mark.parametrize("title,role", [
    ("foreign minister", "Foreign Minister"), ("Foreign Minister", "Foreign Minister"),
    ("top diplomat", "Foreign Minister"), ("secretary of state", "Secretary of State"),
    ("defense minister", "Defence Minister"), ("secretary-general", "Secretary-General"),
    ("secretary general", "Secretary-General"), ("supreme leader", "Supreme Leader"),
])
def test_role(gaz, title, role):
    assert gaz.role(title) == role


def test_normalize_name():
    assert normalize_name("the U.S.'s") == "us"
    assert normalize_name("U.S.A.") == "usa"
    assert normalize_name("  Erdoğan ") == "erdogan"
    assert normalize_name("Côte d\u2019Ivoire") == normalize_name("Cote d'Ivoire")
    assert normalize_name("Kremlin’s") == "kremlin"
    assert normalize_name("Theresa") == "theresa"  # only a leading word "the" goes


def test_phrase_patterns(gaz):
    pats = gaz.phrase_patterns()
    by = {(p["pattern"], p["id"]): p["label"] for p in pats}
    assert by[("Russia", "russia")] == "GPE"
    assert by[("North Korean", "north-korea")] == "NORP"
    assert by[("Pyongyang", "north-korea")] == "GPE"
    assert by[("Kremlin", "russia")] == "FAC"
    assert by[("NATO", "nato")] == "ORG"
    assert by[("Vladimir Putin", "vladimir-putin")] == "PERSON"
    assert all(set(p) == {"label", "pattern", "id"} for p in pats)
    assert len({(p["pattern"], p["id"]) for p in pats}) == len(pats)


def test_phrase_patterns_work_in_spacy(gaz):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None})
    ruler.add_patterns(gaz.phrase_patterns())
    doc = nlp("North Korean Foreign Minister Choe Son Hui met Russian President Vladimir Putin at the Kremlin.")
    got = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Choe Son Hui", "PERSON", "choe-son-hui") in got
    assert ("Vladimir Putin", "PERSON", "vladimir-putin") in got
    assert ("North Korean", "NORP", "north-korea") in got
    assert ("Kremlin", "FAC", "russia") in got


def test_plural_demonym_is_the_states_people():
    from kg.actors.gazetteer import Gazetteer

    g = Gazetteer.load()
    assert g.state_for_demonym("Iraqis").key == "iraq"
    assert g.state_for_demonym("Palestinians").key == "palestine"
    assert g.state_for_demonym("Swiss").key == "switzerland"  # a demonym ending in s is itself


@pytest.mark.parametrize("name,context,key", [
    ("Cizre", (), "turkey"),                      # one town of that name: its state
    ("Soroti", (), "uganda"),
    ("Hebron", (), "palestine"),                  # 160,000 people against US towns of 9,000
    ("Jericho", (), None),                        # Palestine's 20,000 against a US town of 14,000
    ("Jericho", ("israel", "palestine"), "palestine"),
    ("Tripoli", (), "libya"),                     # Libya's capital
    ("Tripoli", ("lebanon", "syria"), "lebanon"),  # a town of a state the story names
    ("Paris", ("united-states",), "france"),      # unless a far bigger town has the name
    ("Adan Yabaal", (), None),                    # too small for the table
])
def test_locate_reads_a_town_in_the_story_context(gaz, name, context, key):
    e = gaz.locate(name, context)
    assert (e.key if e else None) == key
