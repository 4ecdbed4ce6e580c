"""Where the graph lives: an Oxigraph store (on disk or in memory) or rdflib's in-memory Dataset.

:class:`KnowledgeGraph` is the one object the builder writes to and the query tools read from.
Actors sit in the default graph, each article's events in its named graph ``article:<id>``;
queries see the union of all graphs, so they need no ``GRAPH`` clauses, and the project's
prefixes (``gpol:``, ``actor:`` ...) are predeclared.

>>> from rdflib import Literal, URIRef
>>> from kg.namespaces import ACTOR, GPOL
>>> from rdflib.namespace import RDF, RDFS
>>> kg = KnowledgeGraph()                      # in memory; KnowledgeGraph("out/store") persists
>>> kg.add_quads([(ACTOR.russia, RDF.type, GPOL.State, None),
...               (ACTOR.russia, RDFS.label, Literal("Russia", lang="en"), None)])
>>> kg.query("SELECT ?a WHERE { ?a a gpol:State }").rows
[{'a': 'https://w3id.org/geopolitical-kg/resource/actor/russia'}]
>>> kg.query("SELECT ?a ?label WHERE { ?a rdfs:label ?label }", params={"a": "Russia"}).rows
[]
>>> len(kg)
2
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable, XSD

from .errors import Errors, KGError
from .namespaces import ACTOR, PREFIXES, bind_prefixes
from .query import (NamedQuery, QueryError, QueryErrors, Result, named_queries, python_value,
                    syntax_error, to_rdflib, to_term)

__all__ = ["KnowledgeGraph", "RDF_FORMATS", "from_rdflib", "StoreError"]

# extension -> (pyoxigraph format, rdflib format name)
RDF_FORMATS = {
    ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
    ".trig": (ox.RdfFormat.TRIG, "trig"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".json": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".rdf": (ox.RdfFormat.RDF_XML, "xml"),
    ".owl": (ox.RdfFormat.RDF_XML, "xml"),
    ".n3": (ox.RdfFormat.N3, "n3"),
}
_DATASET_EXT = {".nq", ".trig", ".jsonld", ".json"}


class StoreError(KGError):
    """A store or RDF file could not be opened, read or written."""


def from_rdflib(term):
    """A pyoxigraph term for an rdflib term (``None`` is the default graph)."""
    if term is None:
        return ox.DefaultGraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, Graph):
        return from_rdflib(term.identifier if not isinstance(term.identifier, BNode) else None)
    raise TypeError(f"not an RDF term: {term!r}")


def _format_for(path: Path, fmt: str | None = None):
    ext = ("." + fmt.lower().lstrip(".")) if fmt else path.suffix.lower()
    aliases = {".turtle": ".ttl", ".ntriples": ".nt", ".nquads": ".nq", ".json-ld": ".jsonld",
               ".xml": ".rdf"}
    ext = aliases.get(ext, ext)
    if ext not in RDF_FORMATS:
        raise StoreError(Errors.E020.format(path=path, ext=ext, choices=", ".join(sorted(RDF_FORMATS))))
    return ext


def _run_with_timeout(fn, timeout: float | None):
    """Run ``fn()``; past ``timeout`` seconds raise E033 and leave the worker thread to finish
    on its own (neither engine can be interrupted from Python)."""
    if not timeout:
        return fn()
    box: dict = {}

    def work():
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    t = threading.Thread(target=work, name="kg-query", daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise QueryError(Errors.E033.format(seconds=timeout))
    if "error" in box:
        raise box["error"]
    return box["value"]


class KnowledgeGraph:
    """A graph of articles, actors and events.

    ``backend="oxigraph"`` (default) uses a pyoxigraph ``Store``: persistent in the folder
    ``path`` when given, else in memory. ``backend="rdflib"`` uses an in-memory rdflib
    ``Dataset`` (for small in-process work and comparisons).
    """

    def __init__(self, path: str | Path | None = None, *, backend: str = "oxigraph",
                 read_only: bool = False):
        if backend not in ("oxigraph", "rdflib"):
            raise ValueError(f"backend must be 'oxigraph' or 'rdflib', not {backend!r}")
        self.backend = backend
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock = threading.RLock()
        self._store = None
        self._ds = None
        if backend == "rdflib":
            if path is not None:
                raise StoreError("the rdflib backend is in memory only; use KnowledgeGraph.load(file, backend='rdflib')")
            self._ds = Dataset(default_union=True)
            bind_prefixes(self._ds)
            return
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(Errors.E022.format(path=path, detail=exc)) from None

    # ------------------------------------------------------------------ opening and loading
    @classmethod
    def load(cls, source: str | Path, **kw) -> "KnowledgeGraph":
        """Open a store folder, or parse an RDF file (.ttl .nt .nq .trig .jsonld .rdf) into a
        new in-memory graph.

        >>> KnowledgeGraph.load("no/such/file.ttl")
        Traceback (most recent call last):
        ...
        kg.store.StoreError: [E008] no/such/file.ttl: no such file or folder.
        """
        source = Path(source)
        if source.is_dir():
            if kw.get("backend", "oxigraph") != "oxigraph":
                raise StoreError(f"{source}: a store folder opens only with the oxigraph backend")
            return cls(source, **kw)
        if not source.is_file():
            raise StoreError(Errors.E008.format(path=source))
        kw.pop("read_only", None)
        kg = cls(None, **kw)
        kg.parse(source)
        return kg

    def parse(self, file: str | Path, format: str | None = None) -> None:
        """Add the content of an RDF file; triples of a triple format go to the default graph."""
        file = Path(file)
        ext = _format_for(file, format)
        try:
            if self._store is not None:
                self._store.bulk_load(path=str(file), format=RDF_FORMATS[ext][0])
            else:
                self._ds.parse(str(file), format=RDF_FORMATS[ext][1])
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(Errors.E022.format(path=file, detail=str(exc).strip())) from None
        except Exception as exc:  # rdflib parsers raise their own types
            raise StoreError(Errors.E022.format(path=file, detail=f"{type(exc).__name__}: {exc}")) from None

    # ------------------------------------------------------------------ writing
    def _check_writable(self):
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")

    def add_quads(self, quads: Iterable[tuple]) -> None:
        """Add quads ``(s, p, o, g)`` of rdflib terms; ``g`` is an IRI or ``None`` (default graph)."""
        self._check_writable()
        with self._lock:
            if self._store is not None:
                self._store.extend(ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), from_rdflib(g))
                                   for s, p, o, g in quads)
            else:
                default = self._ds.default_graph
                for s, p, o, g in quads:
                    (default if g is None else self._ds.graph(g)).add((s, p, o))

    def article_hashes(self, article_id: str) -> set[str]:
        """The ``gpol:contentHash`` values of the articles with this ``dcterms:identifier``: empty
        when the graph has none, the same text's hash when adding it again would add nothing,
        another hash when adding it replaces a stored version."""
        q = "SELECT ?id ?hash WHERE { ?article dcterms:identifier ?id ; gpol:contentHash ?hash }"
        return {str(r["hash"]) for r in self.query(q, params={"id": Literal(article_id)}).rows}

    def has_article(self, article_id: str, content_hash: str) -> bool:
        """Whether the graph holds the article with this ``dcterms:identifier`` and
        ``gpol:contentHash`` (adding it again would add nothing)."""
        return content_hash in self.article_hashes(article_id)

    def replace_article(self, article_iri, quads: Iterable[tuple]) -> None:
        """Drop the named graph ``article_iri`` and insert ``quads`` in one transaction (quads
        with ``g=None`` go to the default graph), so rebuilding an article is idempotent."""
        self._check_writable()
        g = URIRef(str(article_iri))
        quads = list(quads)
        with self._lock:
            if self._store is not None:
                parts = [f"DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{\n"]
                graphs: dict = {}
                for s, p, o, qg in quads:
                    graphs.setdefault(qg, []).append(
                        f"{from_rdflib(s)} {from_rdflib(p)} {from_rdflib(o)} .")
                for qg, lines in graphs.items():
                    if qg is None:
                        parts.append("\n".join(lines) + "\n")
                    else:
                        parts.append(f"GRAPH {from_rdflib(qg)} {{\n" + "\n".join(lines) + "\n}\n")
                parts.append("}")
                self._store.update("".join(parts))
            else:
                self._ds.remove_graph(self._ds.graph(g))
                self.add_quads(quads)

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (in one transaction on the Oxigraph store)."""
        self._check_writable()
        with self._lock:
            try:
                if self._store is not None:
                    self._store.update(sparql, prefixes=PREFIXES)
                else:
                    self._ds.update(sparql, initNs=PREFIXES)
            except SyntaxError as exc:
                raise syntax_error(exc, sparql) from None
            except Exception as exc:
                if type(exc).__name__ == "ParseException":
                    raise syntax_error(exc, sparql) from None
                raise

    def merge(self, other: "KnowledgeGraph | str | Path") -> None:
        """Add everything in ``other`` (a KnowledgeGraph, a store folder or an RDF file)."""
        self._check_writable()
        if not isinstance(other, KnowledgeGraph):
            src = Path(other)
            if src.is_file() and self._store is not None:
                ext = _format_for(src)
                try:
                    self._store.bulk_load(path=str(src), format=RDF_FORMATS[ext][0])
                except (SyntaxError, ValueError, OSError) as exc:
                    raise StoreError(Errors.E022.format(path=src, detail=str(exc).strip())) from None
                return
            other = KnowledgeGraph.load(src, read_only=True) if src.is_dir() else KnowledgeGraph.load(src)
        if self._store is not None and other._store is not None:
            self._store.bulk_extend(iter(other._store))
        else:
            self.add_quads(other.quads())

    def quads(self) -> Iterator[tuple]:
        """All quads as rdflib terms ``(s, p, o, g)``, ``g`` ``None`` for the default graph."""
        if self._store is not None:
            conv = _memo_to_rdflib()
            for q in self._store:
                yield conv(q.subject), conv(q.predicate), conv(q.object), conv(q.graph_name)
        else:
            for s, p, o, g in self._ds.quads((None, None, None, None)):
                gid = g.identifier if isinstance(g, Graph) else g
                yield s, p, o, (None if _is_default(gid) else gid)

    def triples(self, skip_predicates: Iterable = ()) -> Iterator[tuple]:
        """All triples of every graph as rdflib terms ``(s, p, o)`` (a triple in two graphs twice),
        but those whose predicate is in ``skip_predicates`` (IRIs), which are never converted."""
        skip = {str(p) for p in skip_predicates}
        if self._store is None:
            for s, p, o, _ in self.quads():
                if str(p) not in skip:
                    yield s, p, o
            return
        conv = _memo_to_rdflib()
        skipped: dict = {}
        for q in self._store:
            p = q.predicate
            drop = skipped.get(p)
            if drop is None:
                drop = skipped[p] = p.value in skip
            if not drop:
                yield conv(q.subject), conv(p), conv(q.object)

    def save(self, path: str | Path, format: str | None = None) -> None:
        """Write the graph to a file; the format follows the extension (or ``format``). TriG,
        N-Quads and JSON-LD keep the named graphs; Turtle, N-Triples and RDF/XML get the
        merge of all graphs."""
        path = Path(path)
        ext = _format_for(path, format)
        path.parent.mkdir(parents=True, exist_ok=True)
        ofmt = RDF_FORMATS[ext][0]
        if self._store is not None:
            # written beside the target and renamed over it: a failed or killed write leaves the
            # previous file whole
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            try:
                if ext in _DATASET_EXT:
                    self._store.dump(str(tmp), ofmt, prefixes=PREFIXES)
                else:
                    triples = self._store.query(
                        "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }",
                        use_default_graph_as_union=True)
                    ox.serialize(triples, str(tmp), ofmt, prefixes=PREFIXES)
                os.replace(tmp, path)
            except OSError as exc:
                raise StoreError(f"{path}: cannot write: {exc}") from None
            finally:
                tmp.unlink(missing_ok=True)
            return
        # the rdflib backend writes through an in-memory Oxigraph store, so that both backends
        # give the same output (rdflib's JSON-LD puts the default graph in a blank-node graph)
        tmp = KnowledgeGraph()
        tmp.add_quads(self.quads())
        tmp.save(path, format)

    # ------------------------------------------------------------------ querying
    def _bindings(self, params: dict | None, kinds: dict | None = None) -> dict:
        out = {}
        for name, value in (params or {}).items():
            if value is None:
                continue
            kind = (kinds or {}).get(name, "auto")
            out[name] = to_term(value, kind, param=name, resolve_actor=self.find_actor)
        return out

    def query(self, sparql: str, *, params: dict | None = None, timeout: float | None = None,
              _kinds: dict | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs.

        ``params`` binds variables to values (``{"actor": "actor:russia"}``) as RDF terms, never
        by pasting text (see :func:`kg.query.to_term`). On the Oxigraph store a bound variable
        must be in the ``SELECT`` projection (or use ``SELECT *``). ``timeout`` in seconds
        raises E033 when over; the abandoned query still finishes in the background.
        """
        bindings = self._bindings(params, _kinds)
        run = self._query_oxigraph if self._store is not None else self._query_rdflib
        return _run_with_timeout(lambda: run(sparql, bindings), timeout)

    def _query_oxigraph(self, sparql: str, bindings: dict) -> Result:
        subs = {ox.Variable(k): from_rdflib(v) for k, v in bindings.items()}
        try:
            res = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                                    substitutions=subs or None)
        except SyntaxError as exc:
            raise syntax_error(exc, sparql) from None
        except RuntimeError as exc:
            if "projection" in str(exc):
                raise QueryError(f"{exc}: a parameter must be a projected variable (add it to "
                                 "SELECT, or use SELECT *)") from None
            raise
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            n = len(names)
            rows = [tuple(sol[i] for i in range(n)) for sol in res]
            return Result("select", vars=names, raw_rows=rows)
        g = Graph()
        bind_prefixes(g)
        for t in res:
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return Result("graph", graph=g)

    def _query_rdflib(self, sparql: str, bindings: dict) -> Result:
        try:
            res = self._ds.query(sparql, initNs=PREFIXES,
                                 initBindings={Variable(k): v for k, v in bindings.items()})
            if res.type == "ASK":
                return Result("ask", boolean=bool(res.askAnswer))
            if res.type == "SELECT":
                names = [str(v) for v in res.vars]
                rows = [tuple(r) for r in res]
                return Result("select", vars=names, raw_rows=rows)
            g = Graph()
            bind_prefixes(g)
            for t in res:
                g.add(t)
            return Result("graph", graph=g)
        except Exception as exc:
            if type(exc).__name__ == "ParseException":
                raise syntax_error(_pp_error(exc), sparql) from None
            raise

    def find_actor(self, name: str) -> URIRef | None:
        """The actor whose ``rdfs:label`` or ``skos:altLabel`` is ``name`` (any case), canonical
        labels first; ``None`` when there is none."""
        q = """SELECT ?name ?actor ?rank WHERE {
          { ?actor rdfs:label ?l . BIND(0 AS ?rank) } UNION { ?actor skos:altLabel ?l . BIND(1 AS ?rank) }
          FILTER(isIRI(?actor) && STRSTARTS(STR(?actor), STR(actor:)) && LCASE(STR(?l)) = LCASE(?name))
        } ORDER BY ?rank ?actor LIMIT 1"""
        r = self.query(q, params={"name": Literal(name)})
        return URIRef(r.rows[0]["actor"]) if len(r) else None

    def named_query(self, name: str, *, timeout: float | None = None, **params) -> Result:
        """Run ``examples/queries/<name>.rq`` with its declared parameters.

        Actor parameters take an IRI, a CURIE (``actor:russia``) or a name (``"Putin"``);
        class parameters a class name (``"Meet"``); dates ISO strings or ``date`` objects.
        ``path`` runs a Python post-step: the shortest chain of relations between ``a`` and
        ``b`` (networkx over the actor-actor edges the query returns).
        """
        nq = NamedQuery.load(name)
        declared = {p.name: p for p in nq.params}
        for key in params:
            if key not in declared:
                raise QueryError(QueryErrors.E038.format(param=key, query=name,
                                                         choices=", ".join(declared) or "nothing"))
        values, kinds = {}, {}
        for p in nq.params:
            v = params.get(p.name, p.default)
            if v is None or v == "":
                if not p.optional:
                    raise QueryError(Errors.E032.format(name=p.name, query=name))
                continue
            values[p.name], kinds[p.name] = v, p.kind
        if nq.post == "shortest-path":
            bound = self._bindings(values, kinds)
            from .query import shortest_path_result  # noqa: PLC0415

            edges = self.query(nq.text, timeout=timeout)
            return shortest_path_result(self, edges, bound["a"], bound["b"])
        return self.query(nq.text, params=values, timeout=timeout, _kinds=kinds)

    # ------------------------------------------------------------------ the rest
    def __len__(self) -> int:
        if self._store is not None:
            return len(self._store)
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    def to_rdflib(self) -> Dataset:
        """An rdflib ``Dataset`` copy (default graph plus named graphs), for exports and
        validation. The rdflib backend returns its own Dataset."""
        if self._ds is not None:
            return self._ds
        ds = Dataset()
        bind_prefixes(ds)
        for s, p, o, g in self.quads():
            ds.graph(g).add((s, p, o)) if g is not None else ds.default_graph.add((s, p, o))
        return ds

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs (one per article)."""
        if self._store is not None:
            return sorted(str(to_rdflib(g)) for g in self._store.named_graphs())
        return sorted(str(c.identifier) for c in self._ds.graphs() if not _is_default(c.identifier))

    def close(self) -> None:
        """Flush and release the store (the folder can then be opened again)."""
        if self._store is not None and not self.read_only:
            try:
                self._store.flush()
            except OSError:
                pass
        self._store = None
        self._ds = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self) -> str:
        where = self.path or "memory"
        return f"<KnowledgeGraph {self.backend} {where}>"


def _memo_to_rdflib():
    """A pyoxigraph-to-rdflib term converter that converts each distinct term once (IRIs, classes
    and predicates repeat on every event of a graph)."""
    cache: dict = {}

    def conv(term):
        t = cache.get(term)
        if t is None and term not in cache:
            t = cache[term] = to_rdflib(term)
        return t

    return conv


def _is_default(identifier) -> bool:
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return identifier is None or identifier == DATASET_DEFAULT_GRAPH_ID


def _pp_error(exc):
    """Recast a pyparsing error as a message with line and column."""
    return SyntaxError(f"line {getattr(exc, 'lineno', 1)}, column {getattr(exc, 'col', 1)}: "
                       f"{getattr(exc, 'msg', exc)}")
