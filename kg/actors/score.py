"""Score cross-article actor resolution against a gold set of mention clusters.

A resolution gold file (``data/resolution/*.jsonl``, described in its README) is one article a
line with ``mentions``: surface strings, the corpus-wide entity each denotes, and its kind
(person, state, organisation, place, building, media, other). The scorer runs the real pipeline
over all articles of the given files as one corpus, resolves the actor nodes across them as a
build does (:mod:`kg.actors.resolve`, on an in-memory store), and maps every occurrence of a
gold string to the node of the system mention that overlaps it most. It reports:

- B-cubed precision, recall and F1 of the mention clusters, over the occurrences whose kind is
  person, state or organisation (an occurrence the system gave no node is a cluster of its own);
- node-kind precision: of the actor nodes the gold occurrences map to, the share whose type is
  the gold kind (person = gpol:Person, state = gpol:State, organisation = gpol:Organization;
  a place, building, media outlet or other thing must not be an actor node at all).

>>> b_cubed({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "y", 3: "y"})
(0.6667, 0.6667, 0.6667)
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = ["GoldMention", "ResolutionRecord", "ResolutionReport", "is_resolution_file", "load_resolution",
           "b_cubed", "score_resolution"]

ACTOR_KINDS = {"person": "Person", "state": "State", "organisation": "Organization"}


@dataclass(frozen=True)
class GoldMention:
    text: str
    entity: str
    kind: str


@dataclass
class ResolutionRecord:
    id: str
    text: str
    title: str | None
    published: date | None
    mentions: list[GoldMention]


@dataclass
class ResolutionReport:
    """The two figures, their counts, and the worst errors (split entities, mixed nodes)."""

    articles: int = 0
    occurrences: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    nodes: int = 0
    nodes_right: int = 0
    split: list[tuple[str, list[str]]] = field(default_factory=list)
    mixed: list[tuple[str, list[str]]] = field(default_factory=list)
    wrong_kind: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def node_precision(self) -> float:
        return round(self.nodes_right / self.nodes, 4) if self.nodes else 0.0

    def to_text(self, errors: int = 0) -> str:
        lines = [f"articles {self.articles}, actor mentions {self.occurrences}",
                 f"resolution (B-cubed)  P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}",
                 f"actor-node precision  {self.node_precision:.3f}  ({self.nodes_right} of {self.nodes} nodes of the right kind)"]
        if errors:
            lines += [f"  split  {e}: {', '.join(n)}" for e, n in self.split[:errors]]
            lines += [f"  mixed  {n}: {', '.join(e)}" for n, e in self.mixed[:errors]]
            lines += [f"  kind   {n} is {k}, gold {g}" for n, k, g in self.wrong_kind[:errors]]
        return "\n".join(lines) + "\n"

    def to_json(self, errors: int = 0) -> str:
        return json.dumps({"articles": self.articles, "mentions": self.occurrences,
                           "b_cubed": {"precision": self.precision, "recall": self.recall, "f1": self.f1},
                           "node_precision": self.node_precision, "nodes": self.nodes,
                           "nodes_right": self.nodes_right,
                           "split": self.split[:errors], "mixed": self.mixed[:errors],
                           "wrong_kind": self.wrong_kind[:errors]}, indent=2)


def is_resolution_file(path) -> bool:
    """Whether ``path`` is a resolution gold file: a JSONL file whose first record has
    ``mentions`` with ``entity`` ids."""
    p = Path(path)
    if not p.is_file() or p.suffix.lower() != ".jsonl":
        return False
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    rec = json.loads(line)
                except ValueError:
                    return False
                ms = rec.get("mentions") if isinstance(rec, dict) else None
                return isinstance(ms, list) and all(isinstance(m, dict) and "entity" in m for m in ms)
    return False


def load_resolution(paths) -> list[ResolutionRecord]:
    """The articles of resolution gold files; a malformed line raises ``ValueError`` naming it."""
    out = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                ms = [GoldMention(m["text"], m["entity"], m["kind"]) for m in r["mentions"]]
                pub = date.fromisoformat(r["published"]) if r.get("published") else None
                out.append(ResolutionRecord(str(r["id"]), r["text"], r.get("title"), pub, ms))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a resolution gold record ({exc})") from None
    return out


def b_cubed(gold: dict, system: dict) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``system`` clusters against ``gold`` ones (both map
    an item to its cluster id)."""
    if not gold:
        return 0.0, 0.0, 0.0
    g_members, s_members = defaultdict(set), defaultdict(set)
    for i, c in gold.items():
        g_members[c].add(i)
    for i, c in system.items():
        s_members[c].add(i)
    p = r = 0.0
    for i in gold:
        both = len(g_members[gold[i]] & s_members[system[i]])
        p += both / len(s_members[system[i]])
        r += both / len(g_members[gold[i]])
    p, r = p / len(gold), r / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _occurrences(rec: ResolutionRecord) -> list[tuple[int, int, GoldMention]]:
    """Each occurrence of each gold string at word boundaries, not inside a longer gold one."""
    found = []
    for m in rec.mentions:
        for hit in re.finditer(r"(?<!\w)" + re.escape(m.text) + r"(?!\w)", rec.text):
            found.append((hit.start(), hit.end(), m))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, covered_to = [], -1
    longest: list[tuple[int, int]] = []
    for s, e, m in found:
        if any(ls <= s and e <= le and (ls, le) != (s, e) for ls, le in longest):
            continue
        longest.append((s, e))
        out.append((s, e, m))
        covered_to = max(covered_to, e)
    return out


def score_resolution(paths, *, model: str | None = None, coder: str | None = None) -> ResolutionReport:
    """Run the pipeline on the articles of ``paths`` as one corpus and score it (module docs)."""
    from ..graph.rdf import extraction_to_quads
    from ..model import Article
    from ..pipeline import Extractor, doc_to_extraction
    from ..store import KnowledgeGraph
    from .resolve import resolve_graph

    records = load_resolution(paths)
    ex = Extractor(model, coder=coder)
    graph = KnowledgeGraph()
    spans: dict[str, list[tuple[int, int, str]]] = {}
    kinds: dict[str, str] = {}
    articles = (Article(id=rec.id, text=rec.text, title=rec.title, published=rec.published) for rec in records)
    for rec, (art, doc) in zip(records, ex.parse_many(articles)):
        extraction = doc_to_extraction(art, doc)
        graph.add_quads(extraction_to_quads(extraction))
        for k, a in (doc._.gpol_actors or {}).items():
            kinds.setdefault(k, a.kind)
        spans[rec.id] = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), m.key)
                         for m in doc._.gpol_mentions or [] if m.how not in ("pronoun", "plural")]
    res = resolve_graph(graph)

    gold, system, node_gold = {}, {}, defaultdict(Counter)
    report = ResolutionReport(articles=len(records))
    for rec in records:
        for s, e, m in _occurrences(rec):
            best, overlap = None, 0
            for ms, me, key in spans[rec.id]:
                o = min(e, me) - max(s, ms)
                if o > overlap:
                    best, overlap = key, o
            node = res.canonical(best) if best else None
            item = (rec.id, s)
            if node is not None:
                node_gold[node][m.kind] += 1
            if m.kind in ACTOR_KINDS:
                gold[item] = m.entity
                system[item] = node if node is not None else ("unresolved", item)
    report.occurrences = len(gold)
    report.precision, report.recall, report.f1 = b_cubed(gold, system)
    for node, counts in sorted(node_gold.items()):
        want = counts.most_common(1)[0][0]
        kind = kinds.get(node) or kinds.get(next((k for k, v in res.merges.items() if v == node), ""), "?")
        report.nodes += 1
        if ACTOR_KINDS.get(want) == kind:
            report.nodes_right += 1
        else:
            report.wrong_kind.append((node, kind, want))
    by_entity, by_node = defaultdict(set), defaultdict(set)
    for item, ent in gold.items():
        n = system[item]
        by_entity[ent].add(n if isinstance(n, str) else "(none)")
        by_node[n].add(ent)
    report.split = sorted(((e, sorted(n)) for e, n in by_entity.items() if len(n) > 1), key=lambda t: -len(t[1]))
    report.mixed = sorted(((n, sorted(e)) for n, e in by_node.items() if isinstance(n, str) and len(e) > 1),
                          key=lambda t: -len(t[1]))
    return report
