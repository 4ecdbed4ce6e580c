"""A small hand-made graph in the shape DATA-MODEL.md fixes, for the store/query/serve tests.

Actors in the default graph; each article's node, events and direct edges in its named graph
``article:<id>``; finer event classes also carry the direct edge of their top class.
``python tests/query_fixtures.py examples/sample-graph.trig`` writes it out as TriG.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from rdflib import Literal, URIRef, XSD
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.namespaces import ACTOR, ARTICLE, EVENT, GPOL, WD  # noqa: E402

__all__ = ["ACTORS", "ARTICLES", "actor_quads", "article_quads", "all_quads", "make_graph"]

# key: (class, label, alt labels, country code, wikidata, affiliation, role)
ACTORS = {
    "vladimir-putin": ("Person", "Vladimir Putin", ["Putin", "Russian President Vladimir Putin"], None, "Q7747", "russia", "President"),
    "choe-son-hui": ("Person", "Choe Son Hui", ["Choe"], None, None, "north-korea", "Foreign Minister"),
    "russia": ("State", "Russia", ["Moscow", "Russian Federation"], "RUS", "Q159", None, None),
    "north-korea": ("State", "North Korea", ["Pyongyang", "DPRK"], "PRK", "Q423", None, None),
    "united-states": ("State", "United States", ["Washington", "US"], "USA", "Q30", None, None),
    "ukraine": ("State", "Ukraine", ["Kyiv"], "UKR", "Q212", None, None),
    "european-union": ("Organization", "European Union", ["EU"], None, "Q458", None, None),
    "china": ("State", "China", ["Beijing"], "CHN", "Q148", None, None),
}

# relation of each class used below, and the top class's relation for finer classes
RELATION = {
    "Meet": ("met", "consults"), "Support": ("supports", None), "Sanction": ("sanctions", None),
    "EconomicSanction": ("imposesSanctionsOn", "sanctions"), "Accuse": ("accuses", None),
    "Threaten": ("threatens", None), "Deploy": ("deploysTo", "mobilizesAgainst"),
    "Praise": ("praises", "supports"), "Cooperate": ("cooperatesWith", None),
}

# id: (title, date, [(event key, class, actors, recipients, date, modality, evidence)])
ARTICLES = {
    "seed": ("Putin Hosts North Korean Envoy", "2025-10-28", [
        ("e1", "Meet", ["choe-son-hui"], ["vladimir-putin"], "2025-10-27", "Asserted",
         "North Korean Foreign Minister Choe Son Hui met Russian President Vladimir Putin at the Kremlin."),
        ("e2", "Praise", ["north-korea"], ["russia"], "2025-10-27", "Asserted",
         "Pyongyang praised Moscow for its steadfast support."),
        ("e3", "Deploy", ["north-korea"], ["russia"], "2024-11-02", "Asserted",
         "North Korea deployed troops to Russia's Kursk region."),
        ("e4", "Meet", ["vladimir-putin"], ["united-states"], "2025-12-01", "Hypothetical",
         "Putin could meet US officials in December."),
    ]),
    "sanctions": ("Washington Widens Sanctions on Moscow", "2025-10-22", [
        ("s1", "EconomicSanction", ["united-states"], ["russia"], "2025-10-22", "Asserted",
         "The United States imposed sanctions on Russia's largest oil companies."),
        ("s2", "Sanction", ["european-union"], ["russia"], "2025-10-23", "Asserted",
         "The EU adopted its 19th package of sanctions against Russia."),
        ("s3", "Accuse", ["ukraine"], ["russia"], "2025-10-21", "Asserted",
         "Kyiv accused Moscow of striking civilian energy sites."),
        ("s4", "Support", ["european-union"], ["ukraine"], "2025-10-23", "Asserted",
         "The EU reaffirmed its support for Ukraine."),
    ]),
    "talks": ("Beijing and Moscow Deepen Ties", "2025-09-02", [
        ("t1", "Meet", ["china"], ["russia"], "2025-09-01", "Asserted",
         "Chinese and Russian leaders met in Beijing."),
        ("t2", "Cooperate", ["china"], ["russia"], "2025-09-01", "Asserted",
         "China and Russia agreed to expand energy cooperation."),
        ("t3", "Threaten", ["russia"], ["ukraine"], "2025-09-02", "Asserted",
         "Moscow threatened Kyiv with further strikes."),
        ("t4", "Accuse", ["united-states"], ["china"], "2025-09-03", "Asserted",
         "Washington accused Beijing of aiding Moscow's war effort."),
    ]),
}


def content_hash(title: str, text: str) -> str:
    h = hashlib.sha256()
    h.update(title.encode()); h.update(b"\x00"); h.update(text.encode())
    return h.hexdigest()


def actor_quads():
    for key, (kind, label, alts, cc, qid, aff, role) in ACTORS.items():
        a = ACTOR[key]
        yield a, RDF.type, GPOL[kind], None
        yield a, RDFS.label, Literal(label, lang="en"), None
        for alt in alts:
            yield a, SKOS.altLabel, Literal(alt, lang="en"), None
        if cc:
            yield a, GPOL.countryCode, Literal(cc), None
        if qid:
            yield a, OWL.sameAs, WD[qid], None
        if aff:
            yield a, GPOL.affiliation, ACTOR[aff], None
        if role:
            yield a, GPOL.role, Literal(role), None


def article_quads(article_id: str):
    title, day, events = ARTICLES[article_id]
    art = ARTICLE[article_id]
    g = art
    text = " ".join(e[6] for e in events)
    yield art, RDF.type, GPOL.Article, g
    yield art, DCTERMS.identifier, Literal(article_id), g
    yield art, DCTERMS.title, Literal(title), g
    yield art, DCTERMS.date, Literal(day, datatype=XSD.date), g
    yield art, GPOL.contentHash, Literal(content_hash(title, text)), g
    offset = 0
    for key, cls, actors, recipients, when, modality, evidence in events:
        e = EVENT[f"{article_id}-{key}"]
        yield e, RDF.type, GPOL[cls], g
        for a in actors:
            yield e, GPOL.actor, ACTOR[a], g
        for r in recipients:
            yield e, GPOL.recipient, ACTOR[r], g
        yield e, GPOL.date, Literal(when, datatype=XSD.date), g
        yield e, GPOL.modality, GPOL[modality], g
        yield e, GPOL.evidence, Literal(evidence), g
        yield e, GPOL.charStart, Literal(offset), g
        yield e, GPOL.charEnd, Literal(offset + len(evidence)), g
        yield e, GPOL.confidence, Literal(0.9), g
        yield e, PROV.wasDerivedFrom, art, g
        offset += len(evidence) + 1
        if modality != "Asserted":
            continue
        rel, top = RELATION[cls]
        for a in actors:
            for r in recipients:
                yield ACTOR[a], GPOL[rel], ACTOR[r], g
                if top:
                    yield ACTOR[a], GPOL[top], ACTOR[r], g


def all_quads():
    yield from actor_quads()
    for article_id in ARTICLES:
        yield from article_quads(article_id)


def make_graph(backend: str = "oxigraph", path=None):
    """A KnowledgeGraph holding the whole fixture."""
    from kg.store import KnowledgeGraph

    kg = KnowledgeGraph(path, backend=backend)
    kg.add_quads(all_quads())
    return kg


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/sample-graph.trig")
    make_graph().save(out)
    print(f"wrote {out}")
