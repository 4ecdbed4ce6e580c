"""The event lexicon: verbs and nouns that signal events, with their CAMEO code and ontology class.

Read from ``data/lexicon/verbs.tsv`` and ``nouns.tsv`` (built by ``scripts/build_lexicon.py`` from
the CAMEO verb dictionary, CAMEO2PLOVER and curated rows). A verb entry may carry one constraint,
its ``pattern``: ``prt:up`` (particle), ``prep:with`` (preposition), ``prep:for:talks``
(preposition and the head of its object), ``dobj:talks`` (head of the direct object),
``dobj:arms shipment`` (the object with a modifier) or ``dobj:state:of:emergency`` (the object with
its own preposition's object).

>>> from kg.events.lexicon import Lexicon
>>> lex = Lexicon.load()
>>> lex.verb("meet").cls, lex.verb("visit", preps=[("for", "talks")]).cls
('Meet', 'Negotiate')
>>> lex.verb("impose", dobj="sanctions").cls
'EconomicSanction'
>>> [n.cls for n in lex.noun("summit")]
['Meet']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..errors import KGError
from ..resources import data_path

__all__ = ["LexEntry", "NounEntry", "Lexicon", "LexiconError", "LexiconErrors", "labelling_verbs"]


class LexiconErrors:
    """Numbered messages of this module."""

    E160 = "[E160] {path}: the lexicon file is missing; run scripts/build_lexicon.py."
    E161 = "[E161] {path}:{line}: expected {expected} tab-separated fields, found {found}."
    E162 = "[E162] {path}: the header is {found}, expected {expected}."


class LexiconError(KGError):
    """A lexicon file is missing or malformed; the message names the file and line."""


@dataclass(frozen=True)
class LexEntry:
    """One verb (with an optional constraint) and the event it signals."""

    lemma: str
    pattern: str | None  # None, "prt:up", "prep:with", "prep:for:talks", "dobj:talks"
    cameo: str
    plover: str
    cls: str
    source: str  # "cameo" or "curated"


@dataclass(frozen=True)
class NounEntry:
    """One event noun ("talks", "sanctions") and the prepositions that introduce its participants."""

    lemma: str
    cls: str
    actor_preps: tuple[str, ...]
    recipient_preps: tuple[str, ...]
    cameo: str


_VERB_FIELDS = ["lemma", "pattern", "cameo", "plover", "class", "source", "origin"]
#: the code of a curated row saying that the verb tells no event with its pattern ("sign * LAW")
NO_EVENT = "none"
_NOUN_FIELDS = ["lemma", "class", "cameo", "actor_preps", "recipient_preps", "source", "origin"]


def _read(path: Path, fields: list[str]) -> list[list[str]]:
    if not path.is_file():
        raise LexiconError(LexiconErrors.E160.format(path=path))
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    if header != fields:
        raise LexiconError(LexiconErrors.E162.format(path=path, found=header, expected=fields))
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        values = line.split("\t")
        if len(values) != len(fields):
            raise LexiconError(LexiconErrors.E161.format(
                path=path, line=number, expected=len(fields), found=len(values)))
        rows.append(values)
    return rows


def _commented_rows(path: Path) -> list[list[str]]:
    """The cells of a hand-written TSV file's rows: not its "#" comment lines, blank lines or its
    header (the row whose first cell is "lemma")."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [cells for cells in rows if cells[0] and not cells[0].startswith("#") and cells[0] != "lemma"]


def _variants(word: str) -> list[str]:
    """The word and its singular/plural neighbour: "talks" <-> "talk", "sanction" <-> "sanctions"."""
    w = word.lower().strip()
    out = [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    elif w.endswith("s"):
        out.append(w[:-1])
    else:
        out.append(w + ("es" if w.endswith(("s", "x", "ch", "sh")) else "s"))
    return out


class Lexicon:
    """Verb and noun lookups; build with :meth:`load` (cached per folder)."""

    def __init__(self, verbs: Iterable[LexEntry], nouns: Iterable[NounEntry]) -> None:
        self._verbs: dict[str, dict[str | None, LexEntry]] = {}
        # (lemma, pattern) with which the verb tells no event ("sign * LAW"): a match ends the lookup
        self._none: set[tuple[str, str]] = set()
        for e in verbs:
            if e.cameo == NO_EVENT:
                self._none.add((e.lemma, e.pattern or ""))
                self._verbs.setdefault(e.lemma, {})
                continue
            self._verbs.setdefault(e.lemma, {})[e.pattern] = e
        self._nouns: dict[str, list[NounEntry]] = {}
        for n in nouns:
            self._nouns.setdefault(n.lemma, []).append(n)

    @classmethod
    def load(cls, folder: str | Path | None = None) -> "Lexicon":
        """The lexicon in ``folder`` (default: the project's ``data/lexicon``)."""
        return _load(str(Path(folder) if folder is not None else data_path("lexicon")))

    def verb(self, lemma: str, *, preps: Iterable[str | tuple[str, str | None]] = (),
             dobj: str | None = None, particle: str | None = None, dobj_mods: Iterable[str] = (),
             dobj_preps: Iterable[tuple[str, str]] = ()) -> LexEntry | None:
        """The entry for a verb in context, most specific match first.

        ``preps`` are the verb's prepositions, each a word or a (preposition, object head) pair;
        ``dobj_mods`` the words modifying the object ("arms" of "arms shipment") and ``dobj_preps``
        the object's own (preposition, object head) pairs ("of emergency" of "state of emergency").
        Order: preposition with object, object with modifier or with its preposition's object,
        direct object, particle, preposition, the plain verb. A particle is also tried as a
        preposition and vice versa (parsers disagree on them). None when the first match is a
        curated row saying the verb tells no event with it ("signed a law": no agreement).

        >>> lex = Lexicon.load()
        >>> lex.verb("impose", dobj="state", dobj_preps=[("of", "emergency")]).cameo
        '1724'
        >>> lex.verb("sign", dobj="treaty").cls, lex.verb("sign", dobj="law")
        ('SignAgreement', None)
        """
        table = self._verbs.get(lemma.lower().strip())
        if not table:
            return None
        pairs: list[tuple[str, str | None]] = []
        for p in preps:
            if isinstance(p, str):
                pairs.append((p.lower(), None))
            else:
                pairs.append((p[0].lower(), p[1].lower() if p[1] else None))
        keys: list[str] = []
        for prep, obj in pairs:
            if obj:
                keys += [f"prep:{prep}:{v}" for v in _variants(obj)]
        if dobj:
            heads = _variants(dobj)
            keys += [f"dobj:{m.lower()} {v}" for m in dobj_mods for v in heads]
            keys += [f"dobj:{v}:{p.lower()}:{o}" for p, o in dobj_preps for v in heads for o in _variants(o)]
            keys += [f"dobj:{v}" for v in heads]
        if particle:
            keys += [f"prt:{particle.lower()}", f"prep:{particle.lower()}"]
        plain = table.get(None)
        # A bare-preposition pattern of the 2015 dictionary ("MEET * (AT)" as 036, intent to meet)
        # does not outrank a verb's curated modern reading.
        if plain is None or plain.source != "curated":
            for prep, _ in pairs:
                keys += [f"prep:{prep}", f"prt:{prep}"]
        for key in keys:
            if (lemma.lower().strip(), key) in self._none:
                return None  # no event with this object, and not the plain verb's either
            if key in table:
                return table[key]
        return plain

    def verb_entries(self, lemma: str) -> list[LexEntry]:
        """Every entry of a verb (plain first, then its patterns in file order)."""
        table = self._verbs.get(lemma.lower().strip(), {})
        return sorted(table.values(), key=lambda e: (e.pattern is not None, e.pattern or ""))

    def refine(self, lemma: str, modifiers: Iterable[str]) -> str | None:
        """A finer class for an event noun from one of its modifiers ("humanitarian" + "aid" ->
        HumanitarianAid), from ``noun_modifiers.tsv``; None when no modifier refines it."""
        table = self.__dict__.get("_refinements")
        if table is None:
            table = {}
            path = Path(self.__dict__.get("_folder") or data_path("lexicon")) / "noun_modifiers.tsv"
            if path.exists():
                for cells in _commented_rows(path):
                    if len(cells) >= 3:
                        table[(cells[0].strip(), cells[1].strip())] = cells[2].strip()
            self._refinements = table
        for base in _variants(lemma.lower()):
            for m in modifiers:
                cls = table.get((base, m.lower()))
                if cls:
                    return cls
        return None

    def noun(self, lemma: str) -> list[NounEntry]:
        """The entries of an event noun (singular or plural form accepted); empty if none."""
        for v in _variants(lemma):
            if v in self._nouns:
                return list(self._nouns[v])
        return []

    def verbs(self) -> set[str]:
        """All verb lemmas."""
        return set(self._verbs)

    def nouns(self) -> set[str]:
        """All event-noun lemmas."""
        return set(self._nouns)

    def __len__(self) -> int:
        return sum(len(t) for t in self._verbs.values()) + sum(len(n) for n in self._nouns.values())


@lru_cache(maxsize=4)
def _load(folder: str) -> Lexicon:
    base = Path(folder)
    verbs = [LexEntry(lemma=r[0], pattern=r[1] or None, cameo=r[2], plover=r[3], cls=r[4], source=r[5])
             for r in _read(base / "verbs.tsv", _VERB_FIELDS)]
    nouns = [NounEntry(lemma=r[0], cls=r[1], cameo=r[2],
                       actor_preps=tuple(p for p in r[3].split(",") if p),
                       recipient_preps=tuple(p for p in r[4].split(",") if p))
             for r in _read(base / "nouns.tsv", _NOUN_FIELDS)]
    return Lexicon(verbs, nouns)


@lru_cache(maxsize=1)
def labelling_verbs() -> frozenset[str]:
    """The verbs that give their object a label ("called the vote a provocation", "described it as
    ..."): the lemmas of ``data/lexicon/labelling_verbs.tsv``."""
    return frozenset(r[0] for r in _commented_rows(data_path("lexicon", "labelling_verbs.tsv")))
