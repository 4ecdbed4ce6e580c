"""Score the extractor against hand-coded gold records: actors and PLOVER events, P/R/F1.

Gold files are JSONL, one record per article or paragraph (the format is described in
``docs/eval.md``). :func:`evaluate` runs the pipeline on each record's text; :func:`score_document`
and :func:`aggregate` do the scoring and can be used on hand-made extractions.

>>> from kg.model import Article, Actor, Event, Extraction
>>> gold = GoldRecord.from_dict({"id": "g1", "text": "Kenya met Ethiopia.",
...     "actors": [{"name": "Kenya", "kind": "State", "iso3": "KEN"},
...                {"name": "Ethiopia", "kind": "State", "iso3": "ETH"}],
...     "events": [{"actor": "Kenya", "type": "Consult", "recipient": "Ethiopia"}]})
>>> ex = Extraction(Article(id="g1", text=gold.text), actors={
...     "kenya": Actor("kenya", "State", "Kenya", country_code="KEN"),
...     "ethiopia": Actor("ethiopia", "State", "Ethiopia", country_code="ETH")},
...     events=[Event("Consult", ["kenya"], ["ethiopia"])])
>>> report = aggregate([score_document(gold, ex)])
>>> report.actors.f1, report.events.f1
(1.0, 1.0)
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import KGError, _Messages
from .model import ACTOR_KINDS, MODALITIES, Article, Extraction

__all__ = [
    "TOP_TYPES", "EvalErrors", "GoldFormatError", "GoldActor", "GoldEvent", "GoldRecord",
    "PRF", "DocResult", "EvalReport", "normalize_name", "load_gold", "score_document",
    "aggregate", "evaluate", "load_records",
]

#: The 16 PLOVER top classes, in the order of the codebook's quad categories.
TOP_TYPES = (
    "Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Retreat", "Request",
    "Accuse", "Reject", "Threaten", "Protest", "Sanction", "Mobilize", "Coerce", "Assault",
)


class EvalErrors(metaclass=_Messages):
    """Numbered messages of the evaluation (codes E140-E149)."""

    E140 = "{path}: no such gold file."
    E141 = "{path}:{line}: the line is not valid JSON ({detail})."
    E142 = "{path}:{line}: {detail}"
    E143 = "{path}: the gold file holds no records."
    E144 = "{path}:{line}: duplicate record id {id!r} (first on line {first})."
    E145 = "{path}: no record of split {split!r} and form {form!r}."


class GoldFormatError(KGError):
    """A gold record does not follow the format of docs/eval.md; the message names file and line."""


# ----------------------------------------------------------------------------- gold records

@dataclass
class GoldActor:
    name: str
    kind: str
    iso3: str | None = None
    affiliation: str | None = None
    sector: str | None = None


@dataclass
class GoldEvent:
    actor: str
    type: str
    recipient: str | None = None
    modality: str = "Asserted"
    subtype: str | None = None
    background: bool = False  # an earlier event the article recalls as context (coding rule R6)
    evidence: str | None = None  # the sentence that tells it, copied from the text


@dataclass
class GoldRecord:
    id: str
    text: str
    actors: list[GoldActor]
    events: list[GoldEvent]
    published: str | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, rec: dict) -> "GoldRecord":
        """Build and check a record; raises ``ValueError`` with a message naming the bad field."""
        if not isinstance(rec, dict):
            raise ValueError("a record must be a JSON object")
        for key in ("id", "text"):
            if not isinstance(rec.get(key), str) or not rec[key].strip():
                raise ValueError(f"{key!r} must be a non-empty string")
        actors = []
        names: set[str] = set()
        for i, a in enumerate(rec.get("actors") or []):
            if not isinstance(a, dict) or not isinstance(a.get("name"), str) or not a["name"].strip():
                raise ValueError(f"actors[{i}] needs a non-empty \"name\"")
            if a.get("kind") not in ACTOR_KINDS:
                raise ValueError(f"actors[{i}] ({a['name']!r}): \"kind\" must be one of {', '.join(ACTOR_KINDS)}, "
                                 f"not {a.get('kind')!r}")
            iso3 = a.get("iso3")
            if iso3 is not None and not re.fullmatch(r"[A-Z]{3}", str(iso3)):
                raise ValueError(f"actors[{i}] ({a['name']!r}): \"iso3\" must be three capital letters or null")
            if a["name"] in names:
                raise ValueError(f"actors[{i}]: the name {a['name']!r} is listed twice")
            names.add(a["name"])
            actors.append(GoldActor(a["name"], a["kind"], iso3, a.get("affiliation"), a.get("sector")))
        events = []
        for i, e in enumerate(rec.get("events") or []):
            if not isinstance(e, dict):
                raise ValueError(f"events[{i}] must be a JSON object")
            if e.get("type") not in TOP_TYPES:
                raise ValueError(f"events[{i}]: \"type\" must be one of the 16 PLOVER top types "
                                 f"({', '.join(TOP_TYPES)}), not {e.get('type')!r}")
            if e.get("actor") not in names:
                raise ValueError(f"events[{i}]: the actor {e.get('actor')!r} is not in \"actors\"")
            if e.get("recipient") is not None and e["recipient"] not in names:
                raise ValueError(f"events[{i}]: the recipient {e['recipient']!r} is not in \"actors\"")
            modality = e.get("modality") or "Asserted"
            if modality not in MODALITIES:
                raise ValueError(f"events[{i}]: \"modality\" must be one of {', '.join(MODALITIES)}")
            subtype = e.get("subtype")
            if subtype is not None:
                from .taxonomy import TaxonomyError, top_of
                try:
                    top = top_of(subtype)
                except TaxonomyError:
                    raise ValueError(f"events[{i}]: unknown \"subtype\" {subtype!r}") from None
                if str(top).rsplit("#", 1)[-1] != e["type"]:
                    raise ValueError(f"events[{i}]: the subtype {subtype!r} is a kind of {top}, "
                                     f"not of {e['type']}")
            events.append(GoldEvent(e["actor"], e["type"], e.get("recipient"), modality, subtype,
                                    bool(e.get("background")), e.get("evidence")))
        published = rec.get("published")
        if published is not None:
            try:
                date.fromisoformat(str(published))
            except ValueError:
                raise ValueError(f"\"published\" is not an ISO date: {published!r}") from None
        known = {"id", "text", "actors", "events", "published"}
        return cls(rec["id"], rec["text"], actors, events, published,
                   {k: v for k, v in rec.items() if k not in known})

    def article(self) -> Article:
        """The record as an :class:`~kg.model.Article` for the pipeline."""
        pub = date.fromisoformat(self.published) if self.published else None
        return Article(id=self.id, text=self.text, title=self.extra.get("title"), published=pub)


def load_gold(path) -> list[GoldRecord]:
    """Read and check a gold JSONL file; a bad line raises :class:`GoldFormatError` naming it."""
    path = Path(path)
    if not path.is_file():
        raise GoldFormatError(EvalErrors.E140.format(path=path))
    records: list[GoldRecord] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(EvalErrors.E141.format(path=path, line=lineno, detail=exc.msg)) from None
            try:
                rec = GoldRecord.from_dict(raw)
            except ValueError as exc:
                raise GoldFormatError(EvalErrors.E142.format(path=path, line=lineno, detail=exc)) from None
            if rec.id in seen:
                raise GoldFormatError(EvalErrors.E144.format(path=path, line=lineno, id=rec.id, first=seen[rec.id]))
            seen[rec.id] = lineno
            records.append(rec)
    if not records:
        raise GoldFormatError(EvalErrors.E143.format(path=path))
    return records


# ----------------------------------------------------------------------------- names and types

def _own_normalize(name: str) -> str:
    from unidecode import unidecode

    s = unidecode(unicodedata.normalize("NFKC", name)).casefold()
    s = re.sub(r"['\u2019]s\b", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"^\s*the\s+", "", s)
    return " ".join(s.split())


def normalize_name(name: str) -> str:
    """Case-, accent- and article-insensitive form of a name, for matching.

    Uses ``kg.actors.gazetteer.normalize_name`` where that exists, so that evaluation and the
    gazetteer agree; otherwise a small normaliser of its own.

    >>> normalize_name("The Kremlin") == normalize_name("kremlin")
    True
    >>> normalize_name("São Tomé")
    'sao tome'
    """
    try:
        from .actors.gazetteer import normalize_name as gaz_normalize  # type: ignore
    except Exception:  # noqa: BLE001 - the gazetteer is optional here
        return _own_normalize(name)
    return _own_normalize(gaz_normalize(name))


def _default_top_of() -> Callable[[str], str | None]:
    try:
        from .taxonomy import top_of  # type: ignore
    except Exception:  # noqa: BLE001 - before kg.taxonomy exists only top classes are known
        return lambda t: t if t in TOP_TYPES else None

    def lookup(t: str) -> str | None:
        if t in TOP_TYPES:
            return t
        try:
            top = top_of(t)
        except (KeyError, ValueError):
            return None
        return str(top).rsplit("#", 1)[-1].rsplit("/", 1)[-1] if top else None

    return lookup


# ----------------------------------------------------------------------------- figures

@dataclass
class PRF:
    """True positives, false positives, false negatives, and the figures made of them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4), "support": self.support}


Triple = tuple  # (actor, top type, recipient or None)


@dataclass
class DocResult:
    """The scoring of one gold record: counts, and the errors for error analysis."""

    id: str
    text: str
    actors: PRF
    actors_by_kind: dict[str, PRF]
    events: PRF
    events_modality: PRF
    events_affiliation: PRF
    events_by_type: dict[str, PRF]
    actor_fp: list[str] = field(default_factory=list)
    actor_fn: list[str] = field(default_factory=list)
    event_fp: list[tuple[Triple, str]] = field(default_factory=list)  # (triple, evidence sentence)
    event_fn: list[tuple[Triple, str]] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right) per event
    guessed: list[bool] = field(default_factory=list)  # per event of ``confidences``: a recipient the story suggested


_NO_BREAK = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|St|Gov|Maj|Capt|No)\.)$")


def _split_sentences(text: str) -> list[str]:
    """Rough sentence split of gold paragraphs, for showing errors in context."""
    out, start = [], 0
    for m in re.finditer(r"([.!?][\"'\u201d\u2019]?)(\s+)(?=[A-Z\"\u201c'])|\n+", text):
        if m.group(1) and _NO_BREAK.search(text[start:m.start(2)]):
            continue
        out.append(text[start:m.start(2) if m.group(1) else m.start()])
        start = m.end()
    out.append(text[start:])
    return [t.strip() for t in out if t.strip()]


def _sentence_for(text: str, names: list[str]) -> str:
    """The first sentence of ``text`` that mentions all of ``names`` (or most of them)."""
    sents = _split_sentences(text)
    best, best_hits = (sents[0] if sents else ""), -1
    for sent in sents:
        low = normalize_name(sent)
        hits = sum(1 for n in names if n and (normalize_name(n) in low
                   or normalize_name(n).split()[-1:] and normalize_name(n).split()[-1] in low.split()))
        if hits > best_hits:
            best, best_hits = sent, hits
    return best


def found_actors(extraction: Extraction) -> dict:
    """The actors the extraction found in the text: those added only as the affiliation of
    another actor (with no mention and no event of their own) are graph context, not findings."""
    if not any(a.mentions for a in extraction.actors.values()):
        return dict(extraction.actors)  # an extraction that records no mentions (made by hand)
    used = {k for e in extraction.events for k in (*e.actors, *e.recipients)}
    context = {a.affiliation for a in extraction.actors.values() if a.affiliation}
    return {k: a for k, a in extraction.actors.items()
            if a.mentions or k in used or k not in context}


# gold sectors (CAMEO agent codes) that act as their state; None is the state itself
_STATE_AGENTS = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


_PREPOSITIONS = {"in", "of", "throughout", "across", "from", "near", "at", "on", "inside", "outside"}


def _names(gold: str, name: str) -> bool:
    """Whether the normalised gold mention contains the whole normalised name, word for word.

    >>> _names("sudan's government", "sudan"), _names("west darfur state", "sudan")
    (True, False)
    """
    g = [w[:-2] if w.endswith("'s") else w for w in gold.split()]  # ("sudan's government")
    n = name.split()
    return bool(n) and any(g[i:i + len(n)] == n for i in range(len(g) - len(n) + 1))


def _ends_with(gold: str, name: str) -> bool:
    """Whether the normalised gold mention ends with the whole normalised name, word for word.

    >>> _ends_with("president obama", "obama"), _ends_with("obama", "barack obama")
    (True, False)
    >>> _ends_with("rebels in the ivory coast", "ivory coast")
    False
    """
    g, n = gold.split(), name.split()
    # (not the object of a preposition: "students throughout Indonesia" is no title of Indonesia)
    return bool(n) and len(n) < len(g) and g[-len(n):] == n and not set(g[:-len(n)]) & _PREPOSITIONS


# words in lower case that do not make a name a description: function words and name particles
_NAME_PARTICLES = {"of", "the", "and", "in", "for", "at", "on", "to", "de", "del", "da", "dos", "la", "le",
                   "des", "du", "bin", "ibn", "von", "van", "der", "e", "y"}


def _unnamed_group(name: str) -> bool:
    """Whether a gold organisation's name describes a group rather than names one ("protesters in
    Tbilisi", "Kenyan teachers", "pro-government militias"; not "Islamic Jihad", "al-Shabaab"):
    coding rule R7 lists an unnamed group that acts as an ``Organization`` with its country as
    ``affiliation``. It holds a word in lower case that is no function word or name particle.

    >>> _unnamed_group("protesters in Tbilisi"), _unnamed_group("Kenyan teachers")
    (True, True)
    >>> _unnamed_group("al-Shabaab"), _unnamed_group("Government of National Unity")
    (False, False)
    """
    return any(w[:1].islower() and w.lower() not in _NAME_PARTICLES and not re.match(r"^[a-z]{1,3}-[A-Z]", w)
               for w in name.split())


def _plain_words(name: str) -> set[str]:
    return {w[:-1] if w.endswith("s") else w for w in normalize_name(name).split()} - _NAME_PARTICLES


def _group_of_state(gold: GoldRecord, ga: GoldActor, actor, owner) -> float:
    """Weight of matching a predicted group of a state's society (``actor``, of ``owner``) to a
    gold unnamed group (:func:`_unnamed_group`) whose ``affiliation`` is that state, when their
    names (or the group's other names in the text) share a word besides the state's name ("Kenya
    students" and "Kenyan students", "protesters" and "protesters in Nairobi"): 1; else 0."""
    if owner is None or ga.kind != "Organization" or ga.iso3 or ga.sector or not ga.affiliation \
            or not _unnamed_group(ga.name):
        return 0.0
    state = next((g for g in gold.actors if g.name == ga.affiliation), None)
    if state is not None and state.iso3 and owner.country_code:
        same = state.iso3 == owner.country_code
    else:
        same = normalize_name(ga.affiliation) in {normalize_name(n) for n in (owner.label, *owner.alt_labels)}
    if not same:
        return 0.0
    names = set().union(*(_plain_words(n) for n in (actor.label, *actor.alt_labels)))
    state_words = set().union(*(_plain_words(n) for n in (owner.label, *owner.alt_labels, ga.affiliation)))
    return 1.0 if (_plain_words(ga.name) & names) - state_words else 0.0


def _match_actors(gold: GoldRecord, extraction: Extraction) -> dict[str, str]:
    """One-to-one matching of predicted actor keys to gold actor names (maximum weight)."""
    import networkx as nx

    g = nx.Graph()
    for key, actor in found_actors(extraction).items():
        label = normalize_name(actor.label)
        alts = {normalize_name(a) for a in actor.alt_labels} - {label}
        # (a group of a state's society: not a person of one, "opposition leader X")
        owner = extraction.actors.get(actor.affiliation) if actor.sector and actor.affiliation \
            and actor.kind != "Person" else None
        for ga in gold.actors:
            gname = normalize_name(ga.name)
            gsector = (ga.sector or "")[:3] or None
            weight = 0
            if gname == label:
                weight = 4
            elif gname in alts:
                weight = 3
            elif _ends_with(gname, label) or any(_ends_with(gname, a) for a in alts):
                weight = 2.5  # a gold mention with its title: "Jordan's King Abdullah II"
            elif ga.iso3 and actor.country_code and ga.iso3 == actor.country_code:
                # a state; the gold's state agents (government, army...) before its society's groups,
                # and a gold mention that names it ("Sudan's government", "the Khartoum government")
                # before one that only shares its country ("West Darfur State")
                weight = 2 if gsector in _STATE_AGENTS else 1.5
                if any(_names(gname, n) for n in (label, *alts)):
                    weight += 0.25
            elif ga.iso3 and owner is not None and owner.country_code == ga.iso3:
                # a group of a state's society ("Darfur rebels"), coded as country + sector
                weight = 2 if gsector == actor.sector else 1
            else:
                # the same, listed by rule R7 as an unnamed group with its state as affiliation
                weight = _group_of_state(gold, ga, actor, owner)
            if weight:
                g.add_edge(("p", key), ("g", ga.name), weight=weight)
    pairs = {}
    for a, b in nx.max_weight_matching(g):
        p, gname = (a, b) if a[0] == "p" else (b, a)
        pairs[p[1]] = gname[1]
    return pairs


def score_document(gold: GoldRecord, extraction: Extraction, *,
                   top_of: Callable[[str], str | None] | None = None, errors: bool = True) -> DocResult:
    """Compare one extraction with its gold record (see docs/eval.md for the rules).

    ``errors=False`` leaves out the sentences of the false positives and negatives (faster)."""
    top_of = top_of or _default_top_of()
    match = _match_actors(gold, extraction)
    kinds = {a.name: a.kind for a in gold.actors}

    actors, by_kind = PRF(), defaultdict(PRF)
    matched_gold = set(match.values())
    actors.tp = len(match)
    for gname in matched_gold:
        by_kind[kinds[gname]].tp += 1
    found = found_actors(extraction)
    actor_fp = [a.label for k, a in found.items() if k not in match]
    actor_fn = [a.name for a in gold.actors if a.name not in matched_gold]
    actors.fp, actors.fn = len(actor_fp), len(actor_fn)
    for k, a in found.items():
        if k not in match:
            by_kind[a.kind].fp += 1
    for a in gold.actors:
        if a.name not in matched_gold:
            by_kind[a.kind].fn += 1

    # names of the events' participants: a gold name where matched, else ("?", predicted label)
    def pname(key):
        if key in match:
            return match[key]
        actor = extraction.actors.get(key)
        return "?" + (actor.label if actor else str(key))

    gold_aff = {a.name: a.affiliation for a in gold.actors if a.affiliation in kinds}

    def gold_aff_of(name):
        return gold_aff.get(name, name)

    def paff(key):
        actor = extraction.actors.get(key)
        if actor is not None and actor.kind != "State" and actor.affiliation in extraction.actors:
            return pname(actor.affiliation)
        return gold_aff.get(pname(key), pname(key))

    pred = Counter()
    pred_mod = Counter()
    pred_aff = Counter()
    conf: dict[tuple, float] = {}
    guess: dict[tuple, bool] = {}  # whether the most confident event of a triple had a guessed recipient
    evidence: dict[tuple, str] = {}
    for ev in extraction.events:
        top = top_of(ev.type) or "?" + ev.type
        recips = ev.recipients or [None]
        for a in ev.actors:
            for r in recips:
                t = (pname(a), top, pname(r) if r is not None else None)
                pred[t] += 1
                pred_mod[t + (ev.modality,)] += 1
                if ev.confidence >= conf.get(t + (ev.modality,), -1.0):
                    conf[t + (ev.modality,)] = ev.confidence
                    guess[t + (ev.modality,)] = bool(ev.recipient_inferred and r is not None)
                pred_aff[(paff(a), top, paff(r) if r is not None else None)] += 1
                if t not in evidence:
                    evidence[t] = ev.evidence or (_sentence_for(gold.text, [t[0].lstrip("?"), t[2] or ""])
                                                  if errors else "")
    # one event per (actor, type, recipient) per document on both sides (coding rule R10); a
    # background event (rule R6) is optional: finding it is no hit, missing it no miss
    main = [e for e in gold.events if not e.background]
    optional = {(e.actor, e.type, e.recipient) for e in gold.events if e.background}
    gold_t = Counter(set((e.actor, e.type, e.recipient) for e in main))
    gold_mod = Counter(set((e.actor, e.type, e.recipient, e.modality) for e in main))
    gold_aff_t = Counter(set((gold_aff_of(e.actor), e.type,
                              gold_aff_of(e.recipient) if e.recipient else None) for e in main))
    optional -= set(gold_t)
    optional_aff = {(gold_aff_of(e.actor), e.type, gold_aff_of(e.recipient) if e.recipient else None)
                    for e in gold.events if e.background} - set(gold_aff_t)
    pred = Counter({t: 1 for t in pred if t not in optional})
    pred_mod = Counter({t: 1 for t in pred_mod if t[:3] not in optional})
    pred_aff = Counter({t: 1 for t in pred_aff if t not in optional_aff})

    def prf(p: Counter, g: Counter) -> PRF:
        tp = sum((p & g).values())
        return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)

    by_type = defaultdict(PRF)
    for t in set(pred) | set(gold_t):
        tp = min(pred[t], gold_t[t])
        by_type[t[1]].add(PRF(tp, pred[t] - tp, gold_t[t] - tp))

    fp = [(t, evidence.get(t, "")) for t in (pred - gold_t).elements()]
    told = {(e.actor, e.type, e.recipient): e.evidence for e in reversed(main) if e.evidence}
    fn = [(t, (told.get(t) or _sentence_for(gold.text, [t[0], t[2] or ""])) if errors else "")
          for t in (gold_t - pred).elements()]
    confidences = [(conf[t], t in gold_mod) for t in pred_mod]
    return DocResult(gold.id, gold.text, actors, dict(by_kind), prf(pred, gold_t), prf(pred_mod, gold_mod),
                     prf(pred_aff, gold_aff_t), dict(by_type), actor_fp, actor_fn, fp, fn, confidences,
                     [guess[t] for t in pred_mod])


# ----------------------------------------------------------------------------- the report

@dataclass
class EvalReport:
    """Micro-averaged figures over all documents, with the per-document results kept."""

    gold_path: str
    documents: list[DocResult]
    actors: PRF
    actors_by_kind: dict[str, PRF]
    events: PRF
    events_modality: PRF
    events_affiliation: PRF
    events_by_type: dict[str, PRF]
    model: str | None = None
    seconds: float = 0.0
    words: int = 0
    coder: str | None = None

    @property
    def calibration(self) -> tuple[float, list[dict]]:
        """Expected calibration error of the events' confidence (right = actor, type, recipient
        and modality all agree with a gold event), and the reliability table behind it."""
        from .calibration import expected_calibration_error

        return expected_calibration_error([p for d in self.documents for p in d.confidences])

    @property
    def ece_if_calibrated(self) -> tuple[float, float]:
        """Mean and 95th percentile of the ECE a perfectly calibrated coder would show on events of
        these confidences: the sampling noise of the measured ECE."""
        from .calibration import ece_if_calibrated

        return ece_if_calibrated([c for d in self.documents for c, _ in d.confidences])

    @property
    def calibration_by_recipient(self) -> dict[str, dict]:
        """Events, their mean confidence and the share right, apart for the events whose recipient
        the text names (or that have none) and those whose recipient the story only suggests
        (``gpol:recipientInferred``), which should get their own, lower probability."""
        out = {}
        for name, want in (("named", False), ("guessed", True)):
            pairs = [p for d in self.documents for p, g in zip(d.confidences, d.guessed or [False] * len(d.confidences))
                     if g == want]
            out[name] = {"events": len(pairs),
                         "confidence": round(sum(c for c, _ in pairs) / len(pairs), 3) if pairs else None,
                         "right": round(sum(1 for _, ok in pairs if ok) / len(pairs), 3) if pairs else None}
        return out

    @property
    def operating_points(self) -> list[dict]:
        """Events, precision and recall (with modality) when only the events of confidence at
        least 0.3, 0.5, 0.7, 0.8 are kept: what ``kg build --min-confidence`` gives."""
        from .calibration import operating_points

        return operating_points([p for d in self.documents for p in d.confidences], self.events_modality.support)

    def to_json(self, errors: int = 0) -> str:
        """The report as a JSON document; with ``errors`` > 0 the first N errors per document."""
        ece, table = self.calibration
        noise = self.ece_if_calibrated
        out = {
            "gold": self.gold_path, "model": self.model, "coder": self.coder, "documents": len(self.documents),
            "words": self.words, "seconds": round(self.seconds, 2),
            "actors": self.actors.as_dict(),
            "actors_by_kind": {k: v.as_dict() for k, v in sorted(self.actors_by_kind.items())},
            "events": self.events.as_dict(),
            "events_with_modality": self.events_modality.as_dict(),
            "events_by_affiliation": self.events_affiliation.as_dict(),
            "events_by_type": {t: self.events_by_type.get(t, PRF()).as_dict() for t in self._types()},
            "calibration": {"ece": round(ece, 4), "reliability": table,
                            "ece_if_calibrated": dict(zip(("mean", "p95"), (round(x, 4) for x in noise))),
                            "by_recipient": self.calibration_by_recipient},
            "operating_points": self.operating_points,
        }
        if errors:
            out["errors"] = [
                {"id": d.id,
                 "actor_fp": d.actor_fp[:errors], "actor_fn": d.actor_fn[:errors],
                 "event_fp": [{"triple": list(t), "sentence": s} for t, s in d.event_fp[:errors]],
                 "event_fn": [{"triple": list(t), "sentence": s} for t, s in d.event_fn[:errors]]}
                for d in self.documents if d.actor_fp or d.actor_fn or d.event_fp or d.event_fn]
        return json.dumps(out, indent=2, ensure_ascii=False)

    def _types(self) -> list[str]:
        extra = sorted(t for t in self.events_by_type if t not in TOP_TYPES)
        return list(TOP_TYPES) + extra

    def to_text(self, errors: int = 0) -> str:
        """A readable table; with ``errors`` > 0 the first N errors per document."""
        def row(name, m: PRF):
            return (f"  {name:<22} {m.precision:>6.3f} {m.recall:>6.3f} {m.f1:>6.3f} "
                    f"{m.support:>7} {m.tp:>5} {m.fp:>5} {m.fn:>5}")

        head = f"  {'':<22} {'P':>6} {'R':>6} {'F1':>6} {'support':>7} {'tp':>5} {'fp':>5} {'fn':>5}"
        speed = f", {self.words / self.seconds:,.0f} words/s" if self.seconds else ""
        lines = [f"Evaluation of {self.gold_path}: {len(self.documents)} documents, {self.words} words"
                 f"{f', model {self.model}' if self.model else ''}{f', coder {self.coder}' if self.coder else ''}, "
                 f"{self.seconds:.1f} s{speed}", "",
                 "Actors", head, row("all", self.actors)]
        lines += [row(k, self.actors_by_kind[k]) for k in ACTOR_KINDS if k in self.actors_by_kind]
        lines += ["", "Events (actor, top type, recipient)", head,
                  row("all", self.events), row("with modality", self.events_modality),
                  row("persons as their state", self.events_affiliation), ""]
        lines += ["Events by top type", head]
        lines += [row(t, self.events_by_type.get(t, PRF())) for t in self._types()]
        ece, table = self.calibration
        mean, p95 = self.ece_if_calibrated
        lines += ["", f"Confidence (expected calibration error {ece:.3f}; a perfectly calibrated coder would show "
                      f"{mean:.3f} on average on these events, 95 % of the time under {p95:.3f})",
                  f"  {'confidence':<22} {'events':>6} {'mean':>6} {'right':>6}"]
        lines += [f"  {r['bin']:<22} {r['n']:>6} {r['confidence']:>6.3f} {r['right']:>6.3f}" for r in table]
        for name, r in self.calibration_by_recipient.items():
            if r["events"]:
                label = "named or no recipient" if name == "named" else "guessed recipient"
                lines.append(f"  {label:<22} {r['events']:>6} {r['confidence']:>6.3f} {r['right']:>6.3f}")
        lines += ["", "Events kept at a minimum confidence (with modality; kg build --min-confidence)",
                  f"  {'min confidence':<22} {'events':>6} {'P':>6} {'R':>6}"]
        lines += [f"  {r['min_confidence']:<22} {r['events']:>6} {r['precision']:>6.3f} {r['recall']:>6.3f}"
                  for r in self.operating_points]
        if errors:
            lines += ["", f"Errors (first {errors} of each kind per document)"]
            for d in self.documents:
                if not (d.actor_fp or d.actor_fn or d.event_fp or d.event_fn):
                    continue
                lines.append(f"--- {d.id}")
                if d.actor_fn:
                    lines.append("  missed actors:   " + "; ".join(d.actor_fn[:errors]))
                if d.actor_fp:
                    lines.append("  spurious actors: " + "; ".join(d.actor_fp[:errors]))
                for tag, items in (("FN", d.event_fn), ("FP", d.event_fp)):
                    for t, sent in items[:errors]:
                        lines.append(f"  {tag} {t[0]} --{t[1]}--> {t[2] or '-'}")
                        if sent:
                            lines.append(f"       | {sent}")
        return "\n".join(lines) + "\n"


def aggregate(docs: Iterable[DocResult], *, gold_path: str = "", model: str | None = None,
              seconds: float = 0.0, words: int = 0) -> EvalReport:
    """Micro-average document results into one :class:`EvalReport`."""
    docs = list(docs)
    actors, events, ev_mod, ev_aff = PRF(), PRF(), PRF(), PRF()
    by_kind, by_type = defaultdict(PRF), defaultdict(PRF)
    for d in docs:
        actors.add(d.actors)
        events.add(d.events)
        ev_mod.add(d.events_modality)
        ev_aff.add(d.events_affiliation)
        for k, v in d.actors_by_kind.items():
            by_kind[k].add(v)
        for k, v in d.events_by_type.items():
            by_type[k].add(v)
    return EvalReport(gold_path, docs, actors, dict(by_kind), events, ev_mod, ev_aff, dict(by_type),
                      model, seconds, words)


def load_records(gold_path, *, split: str | None = None, form: str | None = None) -> list[GoldRecord]:
    """The gold records of a file, or of a corpus folder (``data/corpus``), selected by their
    ``split`` and ``form`` fields when those are given."""
    path = Path(gold_path)
    if path.is_dir():
        from .corpus import load_corpus

        records = load_corpus(path)
    else:
        records = load_gold(path)
    records = [r for r in records if (split is None or r.extra.get("split") == split)
               and (form is None or r.extra.get("form") == form)]
    if not records:
        raise GoldFormatError(EvalErrors.E145.format(path=path, split=split or "any", form=form or "any"))
    return records


def evaluate(gold_path, extractor=None, *, model: str | None = None, coder: str | None = None,
             split: str | None = None, form: str | None = None,
             min_confidence: float | None = None) -> EvalReport:
    """Run the extractor on every record of ``gold_path`` (a gold file or a corpus folder, with
    records selected by ``split`` and ``form``) and score it.

    ``extractor`` is anything with ``extract(article) -> Extraction``; by default
    ``kg.pipeline.Extractor(model=model, coder=coder, min_confidence=min_confidence)``
    (``coder="rules"``: the rule extractor; ``min_confidence``: the trained coder writes no
    event under it, as ``kg build --min-confidence`` does).
    """
    records = load_records(gold_path, split=split, form=form)
    if extractor is None:
        from .pipeline import Extractor  # type: ignore

        extractor = Extractor(model=model, coder=coder, min_confidence=min_confidence)
    top_of = _default_top_of()
    start = time.perf_counter()
    articles = [r.article() for r in records]
    if hasattr(extractor, "extract_many"):
        extractions = list(extractor.extract_many(articles))
    else:
        extractions = [extractor.extract(a) for a in articles]
    seconds = time.perf_counter() - start
    by_id = {e.article.id: e for e in extractions}
    docs = [score_document(r, by_id.get(r.id) or Extraction(r.article()), top_of=top_of) for r in records]
    words = sum(len(r.text.split()) for r in records)
    report = aggregate(docs, gold_path=str(gold_path), model=model, seconds=seconds, words=words)
    report.coder = "rules" if coder == "rules" else str(coder or "trained (shipped)")
    return report
