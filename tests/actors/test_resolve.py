"""Corpus-level actor resolution (kg.actors.resolve): unit tests on hand-made node sets, and
the store rewrite on a real Oxigraph store (issue 16, point 1)."""
from __future__ import annotations

import pytest

from kg.actors.resolve import NodeRecord, apply, person_name, read_nodes, resolve, resolve_graph


def P(key, label, *articles, known=False):
    return NodeRecord(key, "Person", label, frozenset(articles), known=known)


def O(key, label, *articles, known=False):
    return NodeRecord(key, "Organization", label, frozenset(articles), known=known)


def clusters(records):
    res = resolve(records)
    out: dict[str, set[str]] = {}
    for r in records:
        out.setdefault(res.canonical(r.key), set()).add(r.key)
    return sorted(sorted(c) for c in out.values())


def test_titles_and_job_words_are_not_part_of_a_name():
    assert person_name("Sec Def Mattis") == person_name("Mattis")
    assert person_name("Sgt. Bowe Bergdahl").given == ("bowe",)
    assert person_name("Margaret Owen Patron") == person_name("Margaret Owen")
    assert person_name("Lawyer Amal Clooney") == person_name("Amal Clooney")
    assert person_name("Revolutionary Armed Forces of") is None
    assert person_name("08:15 - Joseph") is None


def test_nicknames_titles_and_surname_alone_are_one_person():
    recs = [P("james-mattis", "James Mattis", "a1"), P("jim-mattis", "Jim Mattis", "a2"),
            P("mattis", "Mattis", "a3"), P("sec-def-mattis", "Sec Def Mattis", "a4")]
    res = resolve(recs)
    assert {res.canonical(r.key) for r in recs} == {"james-mattis"}


@pytest.mark.parametrize("a, b", [("Staffan de Mistura", "Stefan de Mistura"),
                                  ("Lindsay Graham", "Lindsey Graham"),
                                  ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
                                  ("Mohammed bin Salman", "Muhammad bin Salman"),
                                  ("Enrique Peña Nieto", "Peña Nieto")])
def test_spelling_variants_are_one_person(a, b):
    assert clusters([P("x", a), P("y", b)]) == [["x", "y"]]


@pytest.mark.parametrize("a, b", [("Barack Obama", "Michelle Obama"), ("Bashar al-Assad", "Hafez al-Assad"),
                                  ("Masoud Barzani", "Masrour Barzani"), ("Hassan Nasrallah", "Hussein Nasrallah"),
                                  ("Saad Hariri", "Rafik Hariri"), ("Robert Mugabe", "Grace Mugabe")])
def test_namesakes_are_never_merged(a, b):
    assert clusters([P("x", a), P("y", b)]) == [["x"], ["y"]]


def test_surname_alone_with_one_candidate_joins_it():
    recs = [P("bashar-al-assad", "Bashar al-Assad", "a1"), P("assad", "Assad", "a2"), P("al-assad", "al-Assad", "a3")]
    assert clusters(recs) == [["al-assad", "assad", "bashar-al-assad"]]


def test_a_fathers_name_is_no_surname():
    recs = [P("mohammed-bin-salman", "Mohammed bin Salman", "a1"), P("king-salman", "King Salman", "a2")]
    assert clusters(recs) == [["king-salman"], ["mohammed-bin-salman"]]


def test_surname_alone_with_two_candidates_follows_its_story():
    recs = [P("barack-obama", "Barack Obama", "a1"), P("michelle-obama", "Michelle Obama", "a2"),
            P("obama", "Obama", "a2")]
    assert clusters(recs) == [["barack-obama"], ["michelle-obama", "obama"]]


def test_surname_alone_with_two_candidates_and_no_story_stays_alone():
    recs = [P("barack-obama", "Barack Obama", "a1"), P("michelle-obama", "Michelle Obama", "a2"),
            P("obama", "Obama", "a3")]
    assert clusters(recs) == [["barack-obama"], ["michelle-obama"], ["obama"]]


def test_an_initial_that_fits_two_people_stays_alone():
    recs = [P("john-smith", "John Smith"), P("jane-smith", "Jane Smith"), P("j-smith", "J. Smith")]
    assert clusters(recs) == [["j-smith"], ["jane-smith"], ["john-smith"]]


def test_two_gazetteer_people_are_never_merged():
    recs = [P("a", "Jim Smith", known=True), P("b", "James Smith", known=True)]
    assert clusters(recs) == [["a"], ["b"]]


def test_the_gazetteer_node_is_kept():
    recs = [P("abdel-fattah-al-burhan", "Abdel Fattah al-Burhan", known=True), P("burhan", "Burhan"),
            P("abdel-fattah-burhan", "Abdel Fattah Burhan")]
    res = resolve(recs)
    assert {res.canonical(r.key) for r in recs} == {"abdel-fattah-al-burhan"}


def test_organisation_spelling_variants_are_one_node():
    recs = [O("jaish-al-islam", "Jaish al-Islam"), O("jaysh-al-islam", "Jaysh al-Islam"),
            O("jeysh-al-islam", "Jeysh al-Islam"), O("jamaat-nusrat-al-islam", "Jama'at Nusrat al-Islam"),
            O("ahrar-al-sham", "Ahrar al-Sham")]
    assert clusters(recs) == [["ahrar-al-sham"], ["jaish-al-islam", "jaysh-al-islam", "jeysh-al-islam"],
                              ["jamaat-nusrat-al-islam"]]


def test_kinds_are_never_mixed():
    recs = [P("hamas", "Hamas"), O("hamas-x", "Hamas")]
    assert resolve(recs).merges == {}


# ---------------------------------------------------------------- the store
_TTL = """
@prefix actor: <https://w3id.org/geopolitical-kg/resource/actor/> .
@prefix gpol: <https://w3id.org/geopolitical-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ev: <https://w3id.org/geopolitical-kg/resource/event/> .
@prefix art: <https://w3id.org/geopolitical-kg/resource/article/> .
actor:james-mattis a gpol:Person ; rdfs:label "James Mattis"@en ; gpol:role "Defense Secretary" .
actor:mattis a gpol:Person ; rdfs:label "Mattis"@en ; skos:altLabel "Sec Def Mattis"@en ; gpol:role "General" .
actor:turkey a gpol:State ; rdfs:label "Turkey"@en .
art:a1 { ev:e1 a gpol:Meet ; gpol:actor actor:james-mattis ; gpol:recipient actor:turkey . }
art:a2 { ev:e2 a gpol:Meet ; gpol:actor actor:mattis ; gpol:recipient actor:turkey .
         actor:mattis gpol:met actor:turkey . }
"""


def test_apply_moves_every_edge_and_keeps_the_variant_as_altlabel():
    from kg.store import KnowledgeGraph

    g = KnowledgeGraph()
    g.update("INSERT DATA { " + _trig_to_insert(_TTL) + " }")
    res = resolve_graph(g)
    assert res.merges == {"mattis": "james-mattis"}
    rows = list(g.query("SELECT ?s ?p ?o WHERE { { ?s ?p actor:mattis } UNION { actor:mattis ?p ?o } "
                        "UNION { GRAPH ?g { ?s ?p actor:mattis } } UNION { GRAPH ?g { actor:mattis ?p ?o } } }").terms)
    assert rows == []
    labels = {str(r[0]) for r in g.query("SELECT ?l WHERE { actor:james-mattis rdfs:label ?l }").terms}
    alts = {str(r[0]) for r in g.query("SELECT ?l WHERE { actor:james-mattis skos:altLabel ?l }").terms}
    roles = {str(r[0]) for r in g.query("SELECT ?r WHERE { actor:james-mattis gpol:role ?r }").terms}
    assert labels == {"James Mattis"} and alts == {"Mattis", "Sec Def Mattis"} and roles == {"Defense Secretary"}
    assert g.query("ASK { GRAPH ?g { ?e gpol:actor actor:james-mattis } "
                   "GRAPH ?h { actor:james-mattis gpol:met actor:turkey } }").boolean
    assert apply(g, resolve(read_nodes(g))) == 0   # resolving again changes nothing


def _trig_to_insert(trig: str) -> str:
    """The TriG above as the body of an INSERT DATA (named graphs as GRAPH blocks)."""
    import re

    prefixes = re.findall(r"@prefix (\w+): <([^>]+)> \.", trig)
    body = re.sub(r"@prefix .*\n", "", trig)
    for p, iri in prefixes:
        body = re.sub(rf"(?<![\w<]){p}:([\w-]+)", rf"<{iri}\1>", body)
    return re.sub(r"(<[^>]+/article/\w+>) \{", r"GRAPH \1 {", body)


@pytest.mark.slow
def test_a_later_build_that_says_only_the_surname_joins_the_existing_node(tmp_path):
    """A store built from one article naming James Harrowby in full (a person the gazetteer does not know); a second build of an article
    that says only "Harrowby" (and "Gen. Harrowby") adds no person node, and its events point at the
    existing one."""
    import json

    from kg.build import build
    from kg.store import KnowledgeGraph

    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "m1", "text": "US Defense Secretary James Harrowby met Turkish "
                                 "officials in Ankara on Monday. Harrowby said the talks went well."}) + "\n")
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"id": "m2", "text": "Gen. Harrowby condemned Iran on Tuesday. Harrowby "
                                  "criticised Tehran for its missile tests."}) + "\n")
    store = tmp_path / "store"
    build([first], store=store).graph.close()
    report = build([second], store=store)
    report.graph.close()
    g = KnowledgeGraph(store)
    persons = {str(r[0]).rsplit("/", 1)[-1] for r in g.query("SELECT ?p WHERE { ?p a gpol:Person }").terms}
    assert persons == {"james-harrowby"}
    alts = {str(r[0]) for r in g.query("SELECT ?l WHERE { actor:james-harrowby skos:altLabel ?l }").terms}
    assert "Harrowby" in alts
    assert g.query("ASK { GRAPH <https://w3id.org/geopolitical-kg/resource/article/m2> "
                   "{ ?e gpol:actor actor:james-harrowby } }").boolean
    g.close()


def test_an_acronym_alone_joins_the_one_organisation_of_its_initials():
    recs = [NodeRecord("kurdistan-democratic-party", "Organization", "Kurdistan Democratic Party"),
            NodeRecord("kdp", "Organization", "KDP"), NodeRecord("puk", "Organization", "PUK"),
            NodeRecord("kurdish-democratic-partnership", "Organization", "Kurdish Democratic Partnership"),
            NodeRecord("patriotic-union-of-kurdistan", "Organization", "Patriotic Union of Kurdistan")]
    merges = resolve(recs).merges
    assert merges == {"puk": "patriotic-union-of-kurdistan"}   # KDP fits two names: left alone


def test_a_short_form_from_the_end_of_a_given_name_is_the_same_person():
    recs = [NodeRecord("oluremi-tinubu", "Person", "Oluremi Tinubu"), NodeRecord("remi-tinubu", "Person", "Remi Tinubu"),
            NodeRecord("bola-tinubu", "Person", "Bola Tinubu")]
    assert resolve(recs).merges == {"remi-tinubu": "oluremi-tinubu"}
