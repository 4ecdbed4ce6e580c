"""Small hand-made graphs that follow DATA-MODEL.md, for the view and analysis tests."""
from __future__ import annotations

from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.namespaces import ACTOR, ARTICLE, EVENT, GPOL, WD, bind_prefixes

XSS = "<script>alert(1)</script><img src=x onerror=\"document.title='pwned'\">"


def _actor(g, key, kind, label, alts=(), qid=None, aff=None, role=None, cc=None):
    node = ACTOR[key]
    g.add((node, RDF.type, GPOL[kind]))
    g.add((node, RDFS.label, Literal(label, lang="en")))
    for a in alts:
        g.add((node, SKOS.altLabel, Literal(a, lang="en")))
    if qid:
        g.add((node, OWL.sameAs, WD[qid]))
    if aff:
        g.add((node, GPOL.affiliation, ACTOR[aff]))
    if role:
        g.add((node, GPOL.role, Literal(role)))
    if cc:
        g.add((node, GPOL.countryCode, Literal(cc)))
    return node


def _event(ds, article, eid, cls, actor, recipient, date, evidence, relation=None, modality="Asserted",
           confidence=0.9):
    g = ds.graph(ARTICLE[article])
    ev = EVENT[eid]
    g.add((ev, RDF.type, GPOL[cls]))
    for a in ([actor] if isinstance(actor, str) else actor):
        g.add((ev, GPOL.actor, ACTOR[a]))
    for r in ([recipient] if isinstance(recipient, str) else recipient or ()):
        g.add((ev, GPOL.recipient, ACTOR[r]))
    if date:
        dtype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(date)]
        g.add((ev, GPOL.date, Literal(date, datatype=dtype)))
    g.add((ev, GPOL.modality, GPOL[modality]))
    g.add((ev, GPOL.evidence, Literal(evidence)))
    g.add((ev, GPOL.charStart, Literal(0)))
    g.add((ev, GPOL.charEnd, Literal(len(evidence))))
    if confidence is not None:
        g.add((ev, GPOL.confidence, Literal(confidence)))
    g.add((ev, PROV.wasDerivedFrom, ARTICLE[article]))
    if relation and recipient and modality == "Asserted":
        g.add((ACTOR[actor], GPOL[relation], ACTOR[recipient]))


def _article(ds, aid, title, date):
    g = ds.graph(ARTICLE[aid])
    g.add((ARTICLE[aid], RDF.type, GPOL.Article))
    g.add((ARTICLE[aid], DCTERMS.identifier, Literal(aid)))
    g.add((ARTICLE[aid], DCTERMS.title, Literal(title)))
    g.add((ARTICLE[aid], DCTERMS.date, Literal(date, datatype=XSD.date)))


def small_graph(hostile_title: bool = False) -> Dataset:
    """Five actors, three articles, events of all four quad classes; with ``hostile_title`` one
    article's title and evidence carry an HTML/script injection payload."""
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    d = ds.default_graph
    _actor(d, "russia", "State", "Russia", ["Moscow", "Russian Federation"], "Q159", cc="RUS")
    _actor(d, "north-korea", "State", "North Korea", ["Pyongyang"], "Q423", cc="PRK")
    _actor(d, "ukraine", "State", "Ukraine", ["Kyiv"], "Q212", cc="UKR")
    _actor(d, "vladimir-putin", "Person", "Vladimir Putin", ["Putin"], "Q7747", aff="russia", role="President")
    _actor(d, "choe-son-hui", "Person", "Choe Son Hui", ["Choe"], aff="north-korea", role="Foreign Minister")
    _actor(d, "united-nations", "Organization", "United Nations", ["UN"], "Q1065")
    title = XSS if hostile_title else "Putin Hosts North Korean Envoy"
    _article(ds, "seed", title, "2025-10-28")
    _article(ds, "war", "Strikes Continue", "2025-09-02")
    _article(ds, "un", "UN Condemns Strikes", "2025-11-02")
    _event(ds, "seed", "s1", "Meet", "choe-son-hui", "vladimir-putin", "2025-10-27",
           XSS if hostile_title else "Choe Son Hui met Vladimir Putin at the Kremlin.", "met")
    _event(ds, "seed", "s2", "Meet", "choe-son-hui", "vladimir-putin", "2025-10-28",
           "The two met again the next day.", "met")
    _event(ds, "seed", "s3", "Deploy", "north-korea", "russia", "2024-11", "North Korea sent troops to Russia.", "deploysTo")
    _event(ds, "seed", "s4", "Praise", "north-korea", "russia", "2025-10-27", "Pyongyang praised Moscow.", "praises")
    _event(ds, "war", "w1", "Assault", "russia", "ukraine", "2025-09-01", "Russia struck Kyiv.", "assaults")
    _event(ds, "war", "w2", "Threaten", "russia", "ukraine", "2025-09-02", "Moscow threatened Kyiv.", "threatens")
    _event(ds, "war", "w3", "Aid", "north-korea", "russia", "2025", "Pyongyang may send shells.", "aids",
           modality="Hypothetical")
    _event(ds, "un", "u1", "Accuse", "united-nations", "russia", "2025-11-01", "The UN accused Russia.", "accuses")
    _event(ds, "un", "u2", "Mobilize", "ukraine", None, "2025-11-02", "Ukraine mobilised reserves.")
    # a direct edge with no event behind it
    d.add((ACTOR["ukraine"], GPOL.requests, ACTOR["united-nations"]))
    return ds


def big_network_graph(n_actors: int, events_per_actor: int = 2, seed: int = 1, *, isolated: int = 0,
                      undated: float = 0.0, solo: int = 0) -> Dataset:
    """A random graph of ``n_actors`` actors and about ``n_actors * events_per_actor`` events
    (preferential attachment, so a few hubs), in DATA-MODEL form. With the keywords, like a built
    graph: ``isolated`` of the actors have no event with a recipient (the last ones), a share
    ``undated`` of the events has no date, ``solo`` events have no recipient, and confidences
    spread over 0.1-1.0 (every seventh event has none)."""
    import random

    rng = random.Random(seed)
    ds = Dataset(default_union=True)
    d = ds.default_graph
    kinds = ["State"] * 2 + ["Person"] * 5 + ["Organization"] * 3
    classes = [("Meet", "met"), ("Support", "supports"), ("Accuse", "accuses"), ("Aid", "aids"),
               ("Sanction", "sanctions"), ("Deploy", "deploysTo"), ("Threaten", "threatens")]
    targets = [0]
    for i in range(n_actors):
        _actor(d, f"a{i}", kinds[i % len(kinds)], f"Actor {i}", [f"A{i}"])
    _article(ds, "bulk", "Bulk", "2025-01-01")
    k = 0
    special = isolated or undated or solo
    for i in range(1, n_actors - isolated):
        for _ in range(events_per_actor):
            j = rng.choice(targets)
            cls, rel = rng.choice(classes)
            date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if special and rng.random() < undated:
                date = None
            conf = (None if k % 7 == 0 else round(rng.uniform(0.1, 1.0), 3)) if special else 0.9
            _event(ds, "bulk", f"e{k}", cls, f"a{i}", f"a{j}", date, f"Actor {i} and Actor {j}.", rel,
                   confidence=conf)
            k += 1
            targets.append(j)
        targets.append(i)
    for m in range(solo):
        i = n_actors - 1 - m % max(isolated, 1) if isolated else m % n_actors
        _event(ds, "bulk", f"solo{m}", "Mobilize", f"a{i}", None, "2025-06-01", f"Actor {i} mobilised.",
               confidence=0.5)
    return ds
