"""SPARQL results, safe query parameters and the named queries of ``examples/queries``.

A :class:`Result` wraps what either engine (Oxigraph or rdflib) returns: ``SELECT`` rows as plain
Python values, an ``ASK`` boolean or a ``CONSTRUCT``/``DESCRIBE`` graph, and writes them in the
SPARQL 1.1 result formats (JSON, XML, CSV, TSV) or as a text table.

Named queries are ``.rq`` files whose header comments describe them::

    # Who met whom: actor, recipient, date and evidence of each Meet event.
    # param: actor (actor, optional)

A parameter is bound as an RDF term, never pasted into the query text (see :func:`to_term`).

>>> from kg.query import named_queries, NamedQuery
>>> "who-met" in named_queries()
True
>>> q = NamedQuery.load("events")
>>> [p.name for p in q.params]
['type', 'since', 'until', 'undated', 'min_confidence']
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
from decimal import Decimal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator
from xml.sax.saxutils import escape as _xml_escape, quoteattr as _xml_attr

from rdflib import BNode, Literal, URIRef, XSD
from rdflib import Graph

from .errors import Errors, KGError
from .namespaces import GPOL_IRI, PREFIXES
from .resources import project_root

__all__ = [
    "Result", "QueryError", "QueryErrors", "NamedQuery", "Param", "named_queries", "catalog",
    "queries_dir", "to_term", "python_value", "syntax_error", "abbreviate",
]


class QueryErrors:
    """Messages of this module beyond ``kg.errors`` (codes E036-E039)."""

    E036 = "[E036] No actor named {name!r} in the graph (parameter {param!r}); give its IRI (actor:...) or another name."
    E037 = "[E037] Parameter {param!r}: {value!r} is not a {kind}."
    E038 = "[E038] Unknown parameter {param!r} for the query {query!r}; it takes: {choices}."
    E039 = "[E039] {path}: cannot read the query file: {detail}"


class QueryError(KGError):
    """A query could not run: bad syntax, a missing parameter, a time-out. The message says why."""


# --------------------------------------------------------------------------- named queries

_PARAM_RE = re.compile(r"^#\s*param:\s*(\w+)\s*(?:\(([^)]*)\))?\s*(.*)$")
_POST_RE = re.compile(r"^#\s*post:\s*([\w-]+)")
_KINDS = ("actor", "date", "class", "iri", "string", "integer", "number", "boolean")


@dataclass
class Param:
    """A declared parameter of a named query: its kind decides how a value becomes a term."""

    name: str
    kind: str = "string"
    optional: bool = False
    default: str | None = None
    note: str = ""


@dataclass
class NamedQuery:
    """A ``.rq`` file with its description, parameters and optional Python post-step."""

    name: str
    path: Path
    text: str
    description: str = ""
    params: list[Param] = field(default_factory=list)
    post: str | None = None

    @classmethod
    def load(cls, name: str) -> "NamedQuery":
        """Read ``<name>.rq`` from :func:`queries_dir`; an unknown name lists the known ones."""
        path = queries_dir() / f"{name}.rq"
        if not path.is_file():
            raise QueryError(Errors.E031.format(name=name, choices=", ".join(named_queries()) or "none"))
        return cls.parse(path)

    @classmethod
    def parse(cls, path: Path) -> "NamedQuery":
        """Parse the header comments (description, ``# param:`` and ``# post:`` lines)."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(QueryErrors.E039.format(path=path, detail=exc)) from None
        desc: list[str] = []
        params: list[Param] = []
        post = None
        for line in text.splitlines():
            if not line.startswith("#"):
                if line.strip():
                    break
                continue
            m = _PARAM_RE.match(line)
            if m:
                name, spec, note = m.group(1), (m.group(2) or ""), m.group(3)
                kind, optional, default = "string", False, None
                for part in (p.strip() for p in spec.split(",") if p.strip()):
                    word = part.split()[0].lower()
                    if word in _KINDS:
                        kind = word
                    elif word == "optional":
                        optional = True
                    elif word == "default":
                        default, optional = part.split(None, 1)[1].strip(), True
                params.append(Param(name, kind, optional, default, note.strip()))
                continue
            m = _POST_RE.match(line)
            if m:
                post = m.group(1)
                continue
            desc.append(line.lstrip("#").strip())
        return cls(Path(path).stem, Path(path), text, " ".join(d for d in desc if d), params, post)


def queries_dir() -> Path:
    """Folder of the named queries: ``kg/_queries`` in a wheel, else ``examples/queries``."""
    inside = Path(__file__).resolve().parent / "_queries"
    return inside if inside.is_dir() else project_root() / "examples" / "queries"


def named_queries() -> list[str]:
    """Names of the named queries, sorted."""
    return sorted(p.stem for p in queries_dir().glob("*.rq"))


def catalog() -> list[dict]:
    """The named queries as plain data (for the query page): name, description and parameters
    (name, kind, optional, default, note).

    >>> [p["name"] for p in next(q for q in catalog() if q["name"] == "who-met")["params"]]
    ['actor']
    """
    out = []
    for name in named_queries():
        q = NamedQuery.load(name)
        out.append({"name": q.name, "description": q.description,
                    "params": [{"name": p.name, "kind": p.kind, "optional": p.optional,
                                "default": p.default, "note": p.note} for p in q.params]})
    return out


# --------------------------------------------------------------------------- parameters

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = ("true", "yes", "1", "on")
_FALSE = ("false", "no", "0", "off")
_CURIE = re.compile(r"^([A-Za-z][\w.-]*):([^\s/<>\"{}|^`\\][^\s<>\"{}|^`\\]*)?$")


def _as_iri(value: str) -> URIRef | None:
    if re.match(r"^(https?|urn|file):", value) and not re.search(r"[\s<>\"{}|^`\\]", value):
        return URIRef(value)
    m = _CURIE.match(value)
    if m and m.group(1) in PREFIXES:
        return URIRef(PREFIXES[m.group(1)] + (m.group(2) or ""))
    return None


def to_term(value: Any, kind: str = "auto", *, param: str = "?", resolve_actor=None):
    """Turn a parameter value into an rdflib term, by the parameter's kind.

    IRIs and project CURIEs (``actor:russia``) become IRIs; for ``actor`` parameters another
    string is looked up by name through ``resolve_actor(name)``; for ``class`` parameters a bare
    name (``Meet``) is a ``gpol:`` class; dates become ``xsd:date`` (``xsd:gYearMonth``,
    ``xsd:gYear`` for ``2025-10``, ``2025``); booleans take true/false, yes/no, 1/0, on/off;
    anything else is a literal.

    >>> to_term("actor:russia")
    rdflib.term.URIRef('https://w3id.org/geopolitical-kg/resource/actor/russia')
    >>> to_term("2025-10-27", "date").datatype == XSD.date
    True
    >>> to_term("yes", "boolean")
    rdflib.term.Literal('true', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#boolean'))
    >>> to_term('"} DROP ALL {').n3()
    '"\\\\"} DROP ALL {"'
    """
    if isinstance(value, (URIRef, BNode, Literal)):
        return value
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, (int, float)):
        if kind == "integer" and not isinstance(value, int):
            raise QueryError(QueryErrors.E037.format(param=param, value=value, kind="whole number"))
        return Literal(value)
    if isinstance(value, _dt.datetime):
        return Literal(value, datatype=XSD.dateTime)
    if isinstance(value, _dt.date):
        return Literal(value, datatype=XSD.date)
    text = str(value)
    if kind == "date":
        try:
            return Literal(_dt.date.fromisoformat(text), datatype=XSD.date)
        except ValueError:
            if re.match(r"^\d{4}(-(0[1-9]|1[0-2]))?$", text):   # a year or a month (01-12)
                return Literal(text, datatype=XSD.gYearMonth if "-" in text else XSD.gYear)
            raise QueryError(QueryErrors.E037.format(param=param, value=text, kind="date (YYYY-MM-DD)")) from None
    if kind == "integer":
        try:
            return Literal(int(text))
        except ValueError:
            raise QueryError(QueryErrors.E037.format(param=param, value=text, kind="whole number")) from None
    if kind == "boolean":
        word = text.strip().lower()
        if word in _TRUE or word in _FALSE:
            return Literal(word in _TRUE)
        raise QueryError(QueryErrors.E037.format(param=param, value=text, kind="true or false"))
    if kind == "number":
        try:
            return Literal(Decimal(text), datatype=XSD.decimal)
        except (ArithmeticError, ValueError):
            raise QueryError(QueryErrors.E037.format(param=param, value=text, kind="number")) from None
    iri = _as_iri(text)
    if iri is not None:
        return iri
    if kind == "class" and re.match(r"^[A-Za-z]\w*$", text):
        return URIRef(GPOL_IRI + text[0].upper() + text[1:])
    if kind == "actor":
        found = resolve_actor(text) if resolve_actor else None
        if found is None:
            raise QueryError(QueryErrors.E036.format(name=text, param=param))
        return found
    if kind == "iri":
        raise QueryError(QueryErrors.E037.format(param=param, value=text, kind="IRI or CURIE"))
    if kind == "auto" and _ISO_DATE.match(text):
        try:
            return Literal(_dt.date.fromisoformat(text), datatype=XSD.date)
        except ValueError:
            pass
    return Literal(text)


# --------------------------------------------------------------------------- syntax errors

_POS_RE = re.compile(r"(?:error at |line )(\d+)[:, ]+(?:column )?(\d+)")


def syntax_error(exc: Exception, query: str) -> QueryError:
    """A :class:`QueryError` with line and column from an engine's syntax error message."""
    msg = str(exc).strip() or type(exc).__name__
    m = _POS_RE.search(msg)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        if msg.startswith("error at"):  # Oxigraph points just past the offending character
            col = max(col - 1, 1)
        detail = _POS_RE.sub("", msg, count=1).lstrip(": ").strip() or msg
    else:
        line, col = _locate_with_rdflib(query)
        detail = msg
    lines = query.splitlines()
    if 1 <= line <= len(lines):
        detail += f"\n  {lines[line - 1]}\n  {' ' * max(col - 1, 0)}^"
    return QueryError(Errors.E030.format(line=line, column=col, detail=detail))


def _locate_with_rdflib(query: str) -> tuple[int, int]:
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(query)
    except Exception as exc:  # pyparsing.ParseException has lineno / col
        return getattr(exc, "lineno", 1), getattr(exc, "col", 1)
    return 1, 1


# --------------------------------------------------------------------------- values and terms

_INT_TYPES = {str(XSD[t]) for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
_FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_NUMERIC_TSV = _INT_TYPES | {str(XSD.decimal), str(XSD.double), str(XSD.boolean)}


def python_value(term):
    """A plain Python value for an rdflib or pyoxigraph term: IRIs as ``str``; numbers, booleans
    and dates converted; other literals as their text; ``None`` for unbound.

    >>> python_value(Literal("2025-10-27", datatype=XSD.date))
    datetime.date(2025, 10, 27)
    """
    if term is None:
        return None
    name = type(term).__name__
    if name in ("URIRef", "NamedNode"):
        return str(term) if name == "URIRef" else term.value
    if name in ("BNode", "BlankNode"):
        return "_:" + (str(term) if name == "BNode" else term.value)
    if name == "Literal":
        if isinstance(term, Literal):
            lex, dt = str(term), (str(term.datatype) if term.datatype else None)
        else:
            lex, dt = term.value, term.datatype.value
        try:
            if dt in _INT_TYPES:
                return int(lex)
            if dt in _FLOAT_TYPES:
                return float(lex)
            if dt == str(XSD.boolean):
                return lex.strip() in ("true", "1")
            if dt == str(XSD.date):
                return _dt.date.fromisoformat(lex[:10])
            if dt == str(XSD.dateTime):
                return _dt.datetime.fromisoformat(lex.replace("Z", "+00:00"))
        except ValueError:
            return lex
        return lex
    return str(term)


def to_rdflib(term):
    """An rdflib term for a pyoxigraph term (rdflib terms pass through)."""
    if term is None or isinstance(term, (URIRef, BNode, Literal)):
        return term
    name = type(term).__name__
    if name == "NamedNode":
        return URIRef(term.value)
    if name == "BlankNode":
        return BNode(term.value)
    if name == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == str(XSD.string) else URIRef(dt))
    if name == "DefaultGraph":
        return None
    raise TypeError(f"unsupported term {term!r}")


def abbreviate(term) -> str:
    """Short text for a table cell: CURIEs for project IRIs, the lexical form of literals."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        for p, iri in PREFIXES.items():
            if s.startswith(iri) and re.match(r"^[\w.-]*$", s[len(iri):]):
                return f"{p}:{s[len(iri):]}"
        return f"<{s}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


# --------------------------------------------------------------------------- results


class Result:
    """The answer to a query.

    ``kind`` is ``"select"``, ``"ask"`` or ``"graph"``. SELECT: ``vars`` and ``rows`` (dicts of
    plain values; iterate the result for the same); ASK: ``boolean``; CONSTRUCT/DESCRIBE: ``graph``
    (an rdflib Graph). ``terms`` holds SELECT rows as tuples of rdflib terms.

    >>> from kg.store import KnowledgeGraph
    >>> r = KnowledgeGraph().query("SELECT (1 + 1 AS ?two) WHERE {}")
    >>> r.rows
    [{'two': 2}]
    >>> r.to_csv()          # SPARQL 1.1 CSV ends lines with CRLF
    'two\\r\\n2\\r\\n'
    """

    def __init__(self, kind: str, *, vars: list[str] | None = None, raw_rows: list | None = None,
                 boolean: bool | None = None, graph: Graph | None = None):
        self.kind = kind
        self.vars = list(vars or [])
        self._raw = raw_rows if raw_rows is not None else []
        self.boolean = boolean
        self._graph = graph
        self._rows = None
        self._terms = None

    # -- access
    @property
    def rows(self) -> list[dict]:
        if self._rows is None:
            self._rows = [dict(zip(self.vars, map(python_value, r))) for r in self._raw]
        return self._rows

    @property
    def terms(self) -> list[tuple]:
        if self._terms is None:
            self._terms = [tuple(map(to_rdflib, r)) for r in self._raw]
        return self._terms

    @property
    def graph(self) -> Graph | None:
        return self._graph

    def __iter__(self) -> Iterator:
        if self.kind == "select":
            return iter(self.rows)
        if self.kind == "graph":
            return iter(self._graph)
        return iter([self.boolean])

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self._raw)
        if self.kind == "graph":
            return len(self._graph)
        return 1

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def __repr__(self) -> str:
        if self.kind == "ask":
            return f"<Result ask {self.boolean}>"
        return f"<Result {self.kind} {len(self)} {'rows' if self.kind == 'select' else 'triples'}>"

    # -- output
    def serialize(self, format: str = "json") -> str:
        """Text in ``format``: json, xml, csv, tsv, table for SELECT/ASK; turtle, nt, json-ld,
        xml, trig for graphs."""
        format = format.lower()
        if self.kind == "graph":
            fmt = {"table": "turtle", "ttl": "turtle", "json": "json-ld", "jsonld": "json-ld",
                   "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdf": "xml", "xml": "xml",
                   "csv": "turtle", "tsv": "turtle"}.get(format, format)
            from .namespaces import bind_prefixes

            bind_prefixes(self._graph)
            return self._graph.serialize(format=fmt)
        try:
            return {"json": self.to_json, "xml": self.to_xml, "csv": self.to_csv,
                    "tsv": self.to_tsv, "table": self.to_table}[format]()
        except KeyError:
            raise QueryError(f"unknown result format {format!r}") from None

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (JSON-LD for a graph)."""
        if self.kind == "graph":
            return self.serialize("json-ld")
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": bool(self.boolean)})
        bindings = []
        for row in self.terms:
            b = {}
            for var, term in zip(self.vars, row):
                if term is None:
                    continue
                if isinstance(term, URIRef):
                    b[var] = {"type": "uri", "value": str(term)}
                elif isinstance(term, BNode):
                    b[var] = {"type": "bnode", "value": str(term)}
                else:
                    d = {"type": "literal", "value": str(term)}
                    if term.language:
                        d["xml:lang"] = term.language
                    elif term.datatype:
                        d["datatype"] = str(term.datatype)
                    b[var] = d
            bindings.append(b)
        return json.dumps({"head": {"vars": self.vars}, "results": {"bindings": bindings}},
                          ensure_ascii=False)

    def to_xml(self) -> str:
        """SPARQL Query Results XML."""
        if self.kind == "graph":
            return self.serialize("xml")
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        if self.kind == "ask":
            out.append(f"</head>\n<boolean>{'true' if self.boolean else 'false'}</boolean>\n</sparql>\n")
            return "\n".join(out)
        out += [f"<variable name={_xml_attr(v)}/>" for v in self.vars]
        out.append("</head>\n<results>")
        for row in self.terms:
            out.append("<result>")
            for var, t in zip(self.vars, row):
                if t is None:
                    continue
                if isinstance(t, URIRef):
                    inner = f"<uri>{_xml_escape(str(t))}</uri>"
                elif isinstance(t, BNode):
                    inner = f"<bnode>{_xml_escape(str(t))}</bnode>"
                else:
                    attr = (f" xml:lang={_xml_attr(t.language)}" if t.language else
                            f" datatype={_xml_attr(str(t.datatype))}" if t.datatype else "")
                    inner = f"<literal{attr}>{_xml_escape(str(t))}</literal>"
                out.append(f"<binding name={_xml_attr(var)}>{inner}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out)

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV: plain values, IRIs in full, empty cells for unbound."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        if self.kind == "ask":
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return buf.getvalue()
        w.writerow(self.vars)
        for row in self.terms:
            w.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
        return buf.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV: terms in Turtle/N-Triples syntax, header ``?var``."""
        if self.kind == "ask":
            return "?boolean\n" + ("true" if self.boolean else "false") + "\n"
        lines = ["\t".join("?" + v for v in self.vars)]
        for row in self.terms:
            cells = []
            for t in row:
                if t is None:
                    cells.append("")
                elif isinstance(t, Literal) and t.datatype and str(t.datatype) in _NUMERIC_TSV \
                        and re.match(r"^[+-]?[\w.+-]+$", str(t)):
                    cells.append(str(t))
                else:
                    cells.append(t.n3().replace("\t", "\\t"))
            lines.append("\t".join(cells))
        return "\n".join(lines) + "\n"

    def to_table(self, max_width: int = 60) -> str:
        """An aligned text table with project prefixes abbreviated (for the terminal)."""
        if self.kind == "ask":
            return "yes" if self.boolean else "no"
        if self.kind == "graph":
            return self.serialize("turtle")
        header = list(self.vars)
        body = []
        for row in self.terms:
            cells = []
            for t in row:
                s = abbreviate(t).replace("\n", " ")
                cells.append(s if len(s) <= max_width else s[: max_width - 1] + "…")
            body.append(cells)
        widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
        fmt = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
        out = [fmt(header), fmt(["-" * w for w in widths])] + [fmt(r) for r in body]
        out.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
        return "\n".join(out)


# --------------------------------------------------------------------------- post-steps


def shortest_path_result(kg, edges: Result, a, b) -> Result:
    """The ``path`` post-step: the shortest chain of relations from actor ``a`` to ``b``.

    ``edges`` holds rows ``(source, target)``; the chain may follow an edge against its
    direction. Each step reads from the chain's previous actor (``from``) to the next (``to``),
    both with their labels; ``relation`` lists every direct ``gpol:`` relation between the two,
    those pointing back from ``to`` to ``from`` written ``^gpol:...`` (SPARQL's inverse path);
    ``direction`` is ``forward``, ``backward`` or ``both``. No chain gives no rows.
    """
    import networkx as nx

    g = nx.Graph()
    for row in edges.rows:
        s, o = row["source"], row["target"]
        if s != o:
            g.add_edge(s, o)
    a, b = str(a), str(b)
    vars_ = ["step", "from", "fromLabel", "relation", "to", "toLabel", "direction"]
    if a not in g or b not in g:
        return Result("select", vars=vars_, raw_rows=[])
    try:
        nodes = nx.shortest_path(g, a, b)
    except nx.NetworkXNoPath:
        return Result("select", vars=vars_, raw_rows=[])
    labels = {}
    for node in nodes:
        found = kg.query("SELECT ?node ?label WHERE { ?node rdfs:label ?label } LIMIT 1",
                         params={"node": URIRef(node)}).terms
        labels[node] = found[0][1] if found else None
    q = "SELECT DISTINCT ?x ?relation ?y WHERE { ?x ?relation ?y }"
    rows = []
    for i, (x, y) in enumerate(zip(nodes, nodes[1:]), start=1):
        names = []
        for src, dst, mark in ((x, y, ""), (y, x, "^")):
            found = {t[1] for t in kg.query(q, params={"x": URIRef(src), "y": URIRef(dst)}).terms
                     if str(t[1]).startswith(GPOL_IRI)}
            names.append(sorted(mark + abbreviate(r) for r in found))
        forward, backward = names
        direction = "both" if forward and backward else "forward" if forward else "backward"
        rows.append((Literal(i), URIRef(x), labels[x], Literal(", ".join(forward + backward)),
                     URIRef(y), labels[y], Literal(direction)))
    return Result("select", vars=vars_, raw_rows=rows)
