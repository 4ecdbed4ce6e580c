"""The graph's vocabulary: the ``gpol`` ontology terms and the namespaces of minted resources.

Terms are attributes of :class:`GPOL`, an rdflib ``DefinedNamespace``: a misspelt term raises
``AttributeError`` instead of silently minting a new IRI. The IRIs follow DATA-MODEL.md.

>>> from kg.namespaces import GPOL, ACTOR
>>> str(GPOL.Meet)
'https://w3id.org/geopolitical-kg/ontology#Meet'
>>> str(ACTOR["vladimir-putin"])
'https://w3id.org/geopolitical-kg/resource/actor/vladimir-putin'
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "GPOL", "ACTOR", "EVENT", "ARTICLE", "PLACE", "WD", "SEM", "SCHEMA",
    "GPOL_IRI", "RESOURCE_IRI", "PREFIXES", "bind_prefixes",
]

GPOL_IRI = "https://w3id.org/geopolitical-kg/ontology#"
RESOURCE_IRI = "https://w3id.org/geopolitical-kg/resource/"


class GPOL(DefinedNamespace):
    """The geopolitical-kg ontology (``ontology/gpol.ttl``)."""

    _NS = Namespace(GPOL_IRI)
    _fail = True

    # --- actors, articles, places
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Article: URIRef
    Place: URIRef
    affiliation: URIRef
    role: URIRef
    countryCode: URIRef
    sector: URIRef
    contentHash: URIRef

    # --- events: the n-ary node and its properties
    Event: URIRef
    actor: URIRef
    recipient: URIRef
    date: URIRef
    location: URIRef
    modality: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    trigger: URIRef
    cameoCode: URIRef
    claimedBy: URIRef
    actorSector: URIRef
    recipientSector: URIRef
    recipientInferred: URIRef
    relation: URIRef
    quadClass: URIRef

    # --- modality individuals
    Modality: URIRef
    Asserted: URIRef
    Negated: URIRef
    Hypothetical: URIRef

    # --- PLOVER quad classes
    QuadClass: URIRef
    VerbalCooperation: URIRef
    MaterialCooperation: URIRef
    VerbalConflict: URIRef
    MaterialConflict: URIRef

    # --- the 16 PLOVER top classes
    Agree: URIRef
    Consult: URIRef
    Support: URIRef
    Concede: URIRef
    Cooperate: URIRef
    Aid: URIRef
    Retreat: URIRef
    Request: URIRef
    Accuse: URIRef
    Reject: URIRef
    Threaten: URIRef
    Protest: URIRef
    Sanction: URIRef
    Mobilize: URIRef
    Coerce: URIRef
    Assault: URIRef

    # --- finer classes
    Meet: URIRef
    Visit: URIRef
    Host: URIRef
    Negotiate: URIRef
    Mediate: URIRef
    PhoneCall: URIRef
    Praise: URIRef
    Endorse: URIRef
    SignAgreement: URIRef
    Recognize: URIRef
    Apologize: URIRef
    MilitaryCooperation: URIRef
    EconomicCooperation: URIRef
    IntelligenceSharing: URIRef
    MilitaryAid: URIRef
    HumanitarianAid: URIRef
    EconomicAid: URIRef
    Release: URIRef
    Ceasefire: URIRef
    Withdraw: URIRef
    Condemn: URIRef
    Investigate: URIRef
    Veto: URIRef
    Demonstrate: URIRef
    EconomicSanction: URIRef
    BreakRelations: URIRef
    Deploy: URIRef
    WeaponsTest: URIRef
    MilitaryExercise: URIRef
    Arrest: URIRef
    Expel: URIRef
    Blockade: URIRef
    Occupy: URIRef
    Airstrike: URIRef
    ArmedAttack: URIRef
    Bombing: URIRef
    Kill: URIRef

    # --- direct relation properties (actor -> recipient), one per event class
    agreesWith: URIRef
    consults: URIRef
    supports: URIRef
    concedesTo: URIRef
    cooperatesWith: URIRef
    aids: URIRef
    retreatsFrom: URIRef
    requests: URIRef
    accuses: URIRef
    rejects: URIRef
    threatens: URIRef
    protestsAgainst: URIRef
    sanctions: URIRef
    mobilizesAgainst: URIRef
    coerces: URIRef
    assaults: URIRef
    met: URIRef
    visited: URIRef
    hosted: URIRef
    negotiatesWith: URIRef
    mediatesFor: URIRef
    phoned: URIRef
    praises: URIRef
    endorses: URIRef
    signsAgreementWith: URIRef
    recognizes: URIRef
    apologizesTo: URIRef
    cooperatesMilitarilyWith: URIRef
    cooperatesEconomicallyWith: URIRef
    sharesIntelligenceWith: URIRef
    givesMilitaryAidTo: URIRef
    givesHumanitarianAidTo: URIRef
    givesEconomicAidTo: URIRef
    releasesTo: URIRef
    agreesCeasefireWith: URIRef
    withdrawsFrom: URIRef
    condemns: URIRef
    investigates: URIRef
    vetoes: URIRef
    demonstratesAgainst: URIRef
    imposesSanctionsOn: URIRef
    breaksRelationsWith: URIRef
    deploysTo: URIRef
    testsWeaponsAgainst: URIRef
    holdsExerciseAgainst: URIRef
    arrests: URIRef
    expels: URIRef
    blockades: URIRef
    occupies: URIRef
    strikesFromAir: URIRef
    attacks: URIRef
    bombs: URIRef
    kills: URIRef


ACTOR = Namespace(RESOURCE_IRI + "actor/")
EVENT = Namespace(RESOURCE_IRI + "event/")
ARTICLE = Namespace(RESOURCE_IRI + "article/")
PLACE = Namespace(RESOURCE_IRI + "place/")
WD = Namespace("http://www.wikidata.org/entity/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "gpol": GPOL_IRI,
    "actor": str(ACTOR),
    "event": str(EVENT),
    "article": str(ARTICLE),
    "place": str(PLACE),
    "wd": str(WD),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "time": "http://www.w3.org/2006/time#",
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib Graph or Dataset (replacing rdflib's defaults)."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


def sparql_prologue() -> str:
    """``PREFIX`` lines for every project prefix, to put before a SPARQL query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


__all__.append("sparql_prologue")
