"""Hand-made graphs for the interop tests (export, validate, push, reasoner), following
DATA-MODEL.md: actors in the default graph, each article's events in the named graph
``article:<id>``, direct ``gpol:RELATION`` edges for asserted events.

``conforming()`` builds a small graph that must validate clean; each ``break_*`` helper
mutates a copy in one way that the shapes must catch.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.namespaces import ACTOR, ARTICLE, EVENT, GPOL, PLACE, PREFIXES, SCHEMA, SEM, WD, bind_prefixes
from kg.resources import ontology_path

PROV = PREFIXES["prov"]
DERIVED = URIRef(PROV + "wasDerivedFrom")
TOPS = ("Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Retreat", "Request",
        "Accuse", "Reject", "Threaten", "Protest", "Sanction", "Mobilize", "Coerce", "Assault")


def _actor(g, key, kind, label, alts=(), qid=None, code=None, affiliation=None, role=None):
    a = ACTOR[key]
    g.add((a, RDF.type, GPOL[kind]))
    g.add((a, RDFS.label, Literal(label, lang="en")))
    for alt in alts:
        g.add((a, SKOS.altLabel, Literal(alt, lang="en")))
    if qid:
        g.add((a, OWL.sameAs, WD[qid]))
    if code:
        g.add((a, GPOL.countryCode, Literal(code)))
    if affiliation:
        g.add((a, GPOL.affiliation, ACTOR[affiliation]))
    if role:
        g.add((a, GPOL.role, Literal(role)))
    return a


def _event(g, eid, cls, actors, recipients, date, evidence, start, article,
           modality="Asserted", confidence="0.9", relation=None, location=None):
    e = EVENT[eid]
    g.add((e, RDF.type, GPOL[cls]))
    for a in actors:
        g.add((e, GPOL.actor, ACTOR[a]))
    for r in recipients:
        g.add((e, GPOL.recipient, ACTOR[r]))
    if date is not None:
        g.add((e, GPOL.date, date))
    if location:
        g.add((e, GPOL.location, PLACE[location]))
    g.add((e, GPOL.modality, GPOL[modality]))
    g.add((e, GPOL.evidence, Literal(evidence)))
    g.add((e, GPOL.charStart, Literal(start)))
    g.add((e, GPOL.charEnd, Literal(start + len(evidence))))
    g.add((e, GPOL.confidence, Literal(confidence, datatype=XSD.decimal)))
    g.add((e, DERIVED, ARTICLE[article]))
    if relation and modality == "Asserted":
        for a in actors:
            for r in recipients:
                g.add((ACTOR[a], GPOL[relation], ACTOR[r]))
    return e


def _article(g, aid, title, published=None):
    art = ARTICLE[aid]
    g.add((art, RDF.type, GPOL.Article))
    g.add((art, DCTERMS.identifier, Literal(aid)))
    g.add((art, DCTERMS.title, Literal(title)))
    if published:
        g.add((art, DCTERMS.date, Literal(published, datatype=XSD.date)))
    return art


def conforming() -> Dataset:
    """Two articles, four actors, five events: every shape satisfied."""
    ds = Dataset()
    bind_prefixes(ds)
    d = ds.default_graph
    _actor(d, "russia", "State", "Russia", ("Moscow", "Russian Federation"), "Q159", "RUS")
    _actor(d, "north-korea", "State", "North Korea", ("Pyongyang", "DPRK"), "Q423", "PRK")
    _actor(d, "vladimir-putin", "Person", "Vladimir Putin", ("Putin",), "Q7747", None, "russia", "President")
    _actor(d, "choe-son-hui", "Person", "Choe Son Hui", ("최선희",), None, None, "north-korea",
           "Foreign Minister")
    _actor(d, "un-security-council", "Organization", "UN Security Council", ("UNSC",))

    g1 = ds.graph(ARTICLE["seed"])
    _article(g1, "seed", "Putin Hosts North Korean Envoy", "2025-10-28")
    ev = ("North Korean Foreign Minister Choe Son Hui met Russian President Vladimir Putin "
          "at the Kremlin on October 27, 2025.")
    _event(g1, "e1", "Meet", ["choe-son-hui"], ["vladimir-putin"],
           Literal("2025-10-27", datatype=XSD.date), ev, 212, "seed", relation="met", location="moscow-kremlin")
    _event(g1, "e2", "Deploy", ["north-korea"], ["russia"], Literal("2025-10", datatype=XSD.gYearMonth),
           'Pyongyang sent troops, "as brothers", to the Kursk region;\nofficials said.', 500, "seed",
           relation="deploysTo", confidence="0.75")
    _event(g1, "e3", "Support", ["russia"], ["north-korea"], Literal("2026", datatype=XSD.gYear),
           "Russia would back North Korea at the UN.", 700, "seed", modality="Hypothetical",
           relation="supports", confidence="0.5")

    g2 = ds.graph(ARTICLE["follow-up"])
    _article(g2, "follow-up", "Second Meeting in Moscow")
    _event(g2, "f1", "Meet", ["choe-son-hui"], ["vladimir-putin"],
           Literal("2025-11-02", datatype=XSD.date), "Choe met Putin again on November 2.", 10,
           "follow-up", relation="met", confidence="1")
    _event(g2, "f2", "Sanction", ["un-security-council"], ["north-korea"], None,
           "The Security Council tightened sanctions on Pyongyang.", 80, "follow-up",
           relation="sanctions", confidence="0.0")
    return ds


def copy(ds: Dataset) -> Dataset:
    out = Dataset()
    bind_prefixes(out)
    for s, p, o, g in ds.quads((None, None, None, None)):
        if g is None or str(g) == "urn:x-rdflib:default":
            out.default_graph.add((s, p, o))
        else:
            out.graph(g).add((s, p, o))
    return out


def quads_of(ds: Dataset) -> set[tuple]:
    """Quads as N-Triples-normalised strings ('' for the default graph)."""
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        gname = "" if g is None or str(g) == "urn:x-rdflib:default" else g.n3()
        out.add((s.n3(), p.n3(), _nt(o), gname))
    return out


def _nt(term) -> str:
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term)).n3()
    return term.n3()


def ontology() -> Graph:
    """The bundled ontology if it is there; otherwise the DATA-MODEL.md fragment the tests need."""
    g = Graph()
    bind_prefixes(g)
    path = ontology_path("gpol.ttl")
    if path.is_file():
        return g.parse(path, format="turtle")
    g.add((GPOL.Event, RDFS.subClassOf, SEM.Event))
    g.add((GPOL.Article, RDFS.subClassOf, SCHEMA.NewsArticle))
    for kind in ("Person", "State", "Organization"):
        g.add((GPOL[kind], RDFS.subClassOf, GPOL.Actor))
    for t in TOPS:
        g.add((GPOL[t], RDF.type, OWL.Class))
        g.add((GPOL[t], RDFS.subClassOf, GPOL.Event))
        for u in TOPS:
            if t < u:
                g.add((GPOL[t], OWL.disjointWith, GPOL[u]))
    g.add((GPOL.Meet, RDFS.subClassOf, GPOL.Consult))
    g.add((GPOL.Deploy, RDFS.subClassOf, GPOL.Mobilize))
    return g


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """A real ``oxigraph serve`` on 127.0.0.1 with a fresh store folder; a context manager."""

    def __init__(self, location: Path):
        self.location = Path(location)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def __enter__(self):
        import sys

        exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        self.proc = subprocess.Popen([exe, "serve", "--location", str(self.location),
                                      "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {self.proc.stderr.read().decode()[:500]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.1)
        self.proc.kill()
        raise RuntimeError("oxigraph serve did not start in 20 s")

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def to_oxigraph(term):
    """An rdflib term as a pyoxigraph term (for N-Triples-normalised comparison)."""
    import pyoxigraph as ox
    from rdflib import BNode

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is None:
        return ox.Literal(str(term))
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))


def normalised(ds: Dataset, quads: bool = True) -> set[tuple[str, ...]]:
    """Statements of ``ds`` as N-Triples strings; with ``quads`` the graph name is kept ('' = default)."""
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        gname = "" if g is None or str(g) == "urn:x-rdflib:default" else str(to_oxigraph(g))
        t = (str(to_oxigraph(s)), str(to_oxigraph(p)), str(to_oxigraph(o)))
        out.add(t + (gname,) if quads else t)
    return out


def read_with_oxigraph(path, fmt: str, quads: bool = True) -> set[tuple[str, ...]]:
    """Parse ``path`` with pyoxigraph (an independent parser); same shape as :func:`normalised`."""
    import pyoxigraph as ox

    out = set()
    for q in ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt)):
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        t = (str(q.subject), str(q.predicate), str(q.object))
        out.add(t + (g,) if quads else t)
    return out
