"""The actor gazetteer: known states, organisations and people, with their names, and the agent nouns.

Reads the tables in ``data/gazetteer/`` (written by ``scripts/build_gazetteer.py``) and answers
exact-name questions about them. Matching is on a normalised form of the name (see
:func:`normalize_name`): case, accents, a leading "the", dots in "U.S." and a possessive "'s" do
not matter.

>>> from kg.actors.gazetteer import Gazetteer
>>> gaz = Gazetteer.load()
>>> gaz.lookup("Putin's")[0].key
'vladimir-putin'
>>> gaz.state_for_metonym("the Kremlin").key, gaz.state_for_demonym("North Korean").key
('russia', 'north-korea')
>>> gaz.sector("troops"), gaz.role("top diplomat")
('military', 'Foreign Minister')
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from unidecode import unidecode

from kg.resources import data_path

__all__ = ["Entry", "Gazetteer", "normalize_name", "GazetteerError", "name_words", "is_media", "media_last_words"]

_SEP = "|"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
                         "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_US = re.compile(r"\bu\.?\s?s\.?(?=\s|$)")  # "u.s." / "u.s" / "u s" / "us" at a word end -> "us"


class GazetteerError(Exception):
    """A gazetteer table is missing or malformed; the message names the file and line."""

    E050 = "[E050] {path}: the gazetteer table is missing; run python scripts/build_gazetteer.py."
    E051 = "[E051] {path}:{line}: {count} columns where the header has {expected}."
    E052 = "[E052] {path}:{line}: {detail}"


_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?<=[\w.])'s?$")
_LEADING_THE = re.compile(r"^the ")
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.\s?){2,}[a-z]?")
# British spellings in the names of bodies, compared in their American form ("Stabilisation
# Mission", "Defence Forces", "Carter Centre"); not "-ise" words, which end names ("Louise")
_BRITISH = ((re.compile(r"isation(s?)\b"), r"ization\1"), (re.compile(r"\bdefence\b"), "defense"),
            (re.compile(r"\bcentre\b"), "center"), (re.compile(r"\bprogramme\b"), "program"))


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """The form names are compared in: case-folded, accents removed, no leading "the", "U.S." -> "us",
    British spellings of the words of bodies' names in their American form.

    >>> normalize_name("the U.S.'s"), normalize_name("Erdoğan"), normalize_name("Côte d\u2019Ivoire")
    ('us', 'erdogan', "cote d'ivoire")
    >>> normalize_name("Israel Defence Forces") == normalize_name("Israel Defense Forces")
    True
    """
    s = unicodedata.normalize("NFC", name).translate(_QUOTES)
    s = unidecode(s).casefold().strip()
    s = _SPACES.sub(" ", s)
    s = _POSSESSIVE.sub("", s)          # possessive: Putin's, the Kremlin's, Gaddafis'
    s = _LEADING_THE.sub("", s)
    s = _US.sub("us", s)
    for british, american in _BRITISH:
        s = british.sub(american, s)
    if _DOTTED_ACRONYM.fullmatch(s):
        s = s.replace(".", "").replace(" ", "")  # acronyms with dots: u.n. -> un, d.p.r.k. -> dprk
    return s.strip(" .,")


@lru_cache(maxsize=64)
def name_words(name: str, section: str = "") -> frozenset[str]:
    """The words of ``data/gazetteer/<name>.txt`` (lower case, a final dot dropped; ``#`` starts a
    comment), those under the ``[section]`` line when ``section`` is given.

    >>> "sgt" in name_words("person_titles"), "tower" in name_words("place_words", "last")
    (True, True)
    """
    words: dict[str, set[str]] = {"": set()}
    current = ""
    for line in data_path("gazetteer", f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            words.setdefault(current, set())
            continue
        words[current].add(line.rstrip("."))
    return frozenset(words.get(section, ()))


@lru_cache(maxsize=1)
def _media() -> frozenset[str]:
    return frozenset(normalize_name(w) for w in name_words("media"))


def is_media(name: str) -> bool:
    """Whether ``name`` is that of a news agency or outlet (``data/gazetteer/media.txt``): a
    source of reports, never an actor.

    A name of two or more words that ends in a word or phrase of its ``[heads]`` section is one
    too ("Kenya News Agency").

    >>> is_media("Hawar"), is_media("the Associated Press"), is_media("Hamas"), is_media("Qatar News Agency")
    (True, True, False, True)
    """
    norm = normalize_name(name)
    if norm in _media():
        return True
    words = norm.split()
    return len(words) >= 2 and any(" ".join(words[-n:]) in _media_heads() for n in (1, 2) if n < len(words))


@lru_cache(maxsize=1)
def media_last_words() -> frozenset[str]:
    """The last words of the outlets' names and of their head phrases: a name that ends in none
    of them is no outlet (a quick test before :func:`is_media`)."""
    return frozenset(n.split()[-1] for n in (*_media(), *_media_heads()) if n.split())


@lru_cache(maxsize=1)
def _media_heads() -> frozenset[str]:
    return frozenset(normalize_name(w) for w in name_words("media", "heads"))


@dataclass(frozen=True)
class Entry:
    """One known actor."""

    key: str
    kind: str  # "State" | "Organization" | "Person"
    label: str
    aliases: tuple[str, ...]
    qid: str | None
    iso3: str | None
    role: str | None
    affiliation: str | None  # key of a State/Organization entry
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    org_type: str | None = None


def _read(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    if not path.is_file():
        raise GazetteerError(GazetteerError.E050.format(path=path))
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise GazetteerError(GazetteerError.E051.format(path=path, line=n, count=len(cells), expected=len(header)))
        rows.append((n, dict(zip(header, cells))))
    return header, rows


def _tuple(cell: str) -> tuple[str, ...]:
    return tuple(v for v in cell.split(_SEP) if v) if cell else ()


def _plural_lemmas(noun: str) -> list[str]:
    """Singular candidates for an English plural (troops -> troop, militias -> militia, armies -> army)."""
    out = [noun]
    if noun.endswith("ies") and len(noun) > 4:
        out.append(noun[:-3] + "y")
    if noun.endswith(("ses", "xes", "ches", "shes")):
        out.append(noun[:-2])
    if noun.endswith("men"):
        out.append(noun[:-3] + "man")
    if noun.endswith("s") and not noun.endswith("ss"):
        out.append(noun[:-1])
    return out


class Gazetteer:
    """Known actors and the nouns for their sectors, indexed by normalised name."""

    def __init__(self, entries: list[Entry], agents: dict[str, str], roles: dict[str, str],
                 short_names: dict[str, tuple[str, ...]], folder: Path):
        self.folder = folder
        self._entries = {e.key: e for e in entries}
        self._agents = agents
        self._sector_of: dict[str, str | None] = {}  # (each word's sector, read once)
        self._roles = roles
        self._role_of: dict[str, str | None] = {}  # (each title's role, read once)
        self._short = short_names
        self._by_name: dict[str, list[Entry]] = {}
        self._by_iso3: dict[str, Entry] = {}
        self._demonym: dict[str, list[Entry]] = {}
        self._metonym: dict[str, list[Entry]] = {}
        for e in entries:
            for name in (e.label, *e.aliases, *e.demonyms, *e.capitals, *short_names.get(e.key, ())):
                self._add(self._by_name, name, e)
            if e.kind == "State":
                if e.iso3:
                    self._by_iso3[e.iso3] = e
                for d in e.demonyms:
                    self._add(self._demonym, d, e)
                for c in e.capitals:
                    self._add(self._metonym, c, e)

    @staticmethod
    def _add(index: dict[str, list[Entry]], name: str, e: Entry) -> None:
        lst = index.setdefault(normalize_name(name), [])
        if e not in lst:
            lst.append(e)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, folder: Path | None = None) -> "Gazetteer":
        """Load the tables from ``folder`` (default ``data/gazetteer``); cached per folder."""
        return _load(Path(folder).resolve()) if folder else _load_default()

    # ------------------------------------------------------------------ queries
    def get(self, key: str) -> Entry | None:
        """The entry with this key, e.g. ``"russia"``."""
        return self._entries.get(key)

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose label, alias, short name, demonym or capital equals ``name`` after normalisation.

        A short name can fit several people ("Kim"); the list holds them all.
        """
        return list(self._by_name.get(normalize_name(name), ()))

    def state_by_iso3(self, iso3: str) -> Entry | None:
        """The state with this ISO 3166-1 alpha-3 code."""
        return self._by_iso3.get(iso3.upper())

    def state_for_demonym(self, adj: str) -> Entry | None:
        """The state an adjective or demonym stands for ("North Korean" -> north-korea); None if unknown or ambiguous.

        A plural names the state's people ("Iraqis", "Palestinians").

        >>> g = Gazetteer.load()
        >>> g.state_for_demonym("Iraqis").key, g.state_for_demonym("North Korean").key
        ('iraq', 'north-korea')
        """
        key = normalize_name(adj)
        hits = self._demonym.get(key, ())
        if not hits and key.endswith("s"):
            hits = self._demonym.get(key[:-1], ())
        return hits[0] if len(hits) == 1 else None

    def state_for_metonym(self, name: str) -> Entry | None:
        """The state a capital or seat of government stands for ("the Kremlin" -> russia)."""
        hits = self._metonym.get(normalize_name(name), ())
        return hits[0] if len(hits) == 1 else None

    def state_for_place(self, name: str) -> Entry | None:
        """The state a city or region lies in ("Tel Aviv" -> israel), from its capital or from the
        place names PETRARCH files under each state (``places.tsv``); None when unknown or ambiguous."""
        places = self._table("places.tsv", lambda t, r: t.setdefault(normalize_name(r["name"]), set()).add(r["state"]))
        e = self.state_for_metonym(name)
        if e is not None:
            return e
        keys = places.get(normalize_name(name), set())
        return self.get(next(iter(keys))) if len(keys) == 1 else None

    def locate(self, name: str, context: Iterable[str] = ()) -> Entry | None:
        """The state a named place lies in: first as :meth:`state_for_place` reads it, else from the
        GeoNames towns of 5,000 people or more (``cities.tsv``). A name towns of several states share
        is the one of a state in ``context`` (the states the story names) when that is one state
        and its town is not dwarfed (twenty times smaller) by another's; else the most populous
        town's when it is five times the next ("Tripoli" alone is Libya's; in a story naming
        Lebanon, Lebanon's); else None.

        >>> g = Gazetteer.load()
        >>> g.locate("Cizre").key, g.locate("Jericho"), g.locate("Jericho", {"palestine"}).key
        ('turkey', None, 'palestine')
        >>> g.locate("Tripoli", {"lebanon"}).key, g.locate("Paris", {"united-states"}).key
        ('lebanon', 'france')
        >>> g.locate("Cabo Delgado").key, g.locate("Punjab"), g.locate("Punjab", {"pakistan"}).key
        ('mozambique', None, 'pakistan')

        Another spelling of a town's name ("Puno" for India's Pune) does not outweigh a town of that
        name in a state the story names:

        >>> g.locate("Puno").key, g.locate("Puno", {"peru"}).key
        ('india', 'peru')
        """
        def add_town(towns, r):
            # (uncached: 100,000 town names would push the names looked up in text out of the cache)
            by_state = towns.setdefault(normalize_name.__wrapped__(r["name"]), {})
            pop, own = by_state.get(r["state"], (0, False))
            by_state[r["state"]] = (max(pop, int(r["population"] or 0)), own or r.get("spelling") != "other")

        context = set(context)
        towns = self._table("cities.tsv", add_town)
        found = towns.get(normalize_name(name)) or {}
        cands = {k: pop for k, (pop, _) in found.items()}
        if len(cands) > 1:
            # a town of a state the story names, unless a far bigger town of another state has the
            # name as its own ("talks in Paris" in a story naming the United States are in France;
            # "Puno" in a story naming Peru is Peru's, whatever old spelling of Pune it is)
            biggest = max((pop for pop, own in found.values() if own), default=max(cands.values()))
            named = [k for k in cands if k in context and cands[k] * 20 >= biggest]
            if len(named) == 1:
                return self.get(named[0])
        e = self.state_for_place(name)
        if e is not None:
            return e
        if len(cands) == 1:
            return self.get(next(iter(cands)))
        if cands:
            (top, pop), (_, second) = sorted(cands.items(), key=lambda kv: -kv[1])[:2]
            if pop >= 5 * max(second, 1):
                return self.get(top)
        # last, the first-level regions of ISO 3166-2 ("Borno", "Cabo Delgado"); a name several
        # states' regions share ("Punjab") by the states the story names
        regions = self._table("regions.tsv", lambda t, r: t.setdefault(
            normalize_name.__wrapped__(r["name"]), set()).add(r["state"]))
        states = regions.get(normalize_name(name), set())
        if len(states) > 1:
            states = states & context
        return self.get(next(iter(states))) if len(states) == 1 and not cands else None

    def surnames(self) -> dict[str, list[Entry]]:
        """Names news uses alone for a person ("putin" -> [vladimir-putin]), keyed by normalised form.
        Built once per gazetteer; callers must not change it."""
        out = self.__dict__.get("_surnames")
        if out is None:
            out = {}
            for key, names in self._short.items():
                for n in names:
                    out.setdefault(normalize_name(n), []).append(self._entries[key])
            self._surnames = out
        return out

    def sector(self, noun: str) -> str | None:
        """The sector of an agent noun, singular or plural ("troops" -> "military")."""
        if noun in self._sector_of:
            return self._sector_of[noun]
        n = re.sub(r"\s+", " ", unidecode(noun).casefold().strip())
        found = next((self._agents[c] for c in _plural_lemmas(n) if c in self._agents), None)
        self._sector_of[noun] = found
        return found

    def sector_group(self, sector: str | None) -> str | None:
        """The label of the group a sector's members form when they act neither as their state nor
        as victims (``sectors.tsv``): "rebels" -> "rebels"; None for government, military, police,
        civilians...

        >>> g = Gazetteer.load()
        >>> g.sector_group("education"), g.sector_group("police"), g.sector_group("civilians")
        ('students and academics', None, None)
        """
        return self._sectors().get(sector, (None, None))[1] if sector else None

    def state_agent(self, sector: str | None) -> bool:
        """Whether members of a sector act for their state (``sectors.tsv``): government, military,
        police, judiciary, legislature, intelligence.

        >>> g = Gazetteer.load()
        >>> g.state_agent("police"), g.state_agent("opposition"), g.state_agent(None)
        (True, False, False)
        """
        return bool(sector) and self._sectors().get(sector, (None, None, False))[2]

    def sector_code(self, sector: str | None) -> str | None:
        """The CAMEO agent code of a sector ("rebels" -> "REB")."""
        return self._sectors().get(sector, (None, None))[0] if sector else None

    def _sectors(self) -> dict[str, tuple[str, str | None, bool]]:
        """Each sector's CAMEO code, group label and whether its members act for their state."""
        return self._table("sectors.tsv", lambda t, r: t.update(
            {r["sector"]: (r["code"], r["group"] or None, r["state_agent"] == "yes")}))

    def _table(self, filename: str, fill) -> dict:
        """A table built from one file of the gazetteer's folder by ``fill(table, row)``, read once
        per gazetteer and empty when the file is missing."""
        tables = self.__dict__.setdefault("_tables", {})
        table = tables.get(filename)
        if table is None:
            table = {}
            path = self.folder / filename
            if path.exists():
                for _n, r in _read(path)[1]:
                    fill(table, r)
            tables[filename] = table
        return table

    def role_titles(self) -> frozenset[str]:
        """Every office title ``roles.tsv`` knows, lower case ("supreme leader", "foreign minister")."""
        return frozenset(self._roles)

    def role(self, title: str) -> str | None:
        """The normalised role for an office title ("foreign minister" -> "Foreign Minister")."""
        if title not in self._role_of:
            t = re.sub(r"\s+", " ", unidecode(title).casefold().strip())
            self._role_of[title] = self._roles.get(t) or self._roles.get(t.replace("-", " "))
        return self._role_of[title]

    def phrase_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns for every name, case-sensitive as written.

        Labels: states GPE, organisations ORG, people PERSON, demonyms NORP, capitals and seats GPE
        (FAC for buildings such as "the Kremlin"); ``id`` is the entry key. Geographic features
        named after a state ("South China Sea", ``features.tsv``) are LOC with no id: places, and the
        longer match keeps "China" in them from being read as the state.
        """
        pats: list[dict] = []
        seen: set[tuple[str, str]] = set()

        def add(label: str, text: str, key: str) -> None:
            text = text.strip()
            if text.lower().startswith("the "):
                text = text[4:]
            if text and (text, key) not in seen:
                seen.add((text, key))
                pats.append({"label": label, "pattern": text, "id": key})
                if text[0].islower():  # "al-Shabaab" opens a sentence as "Al-Shabaab"
                    add(label, text[0].upper() + text[1:], key)
                plain = unidecode(text)
                if plain != text:  # "Therese" for "Thérèse", "Erdogan" for "Erdoğan"
                    add(label, plain, key)

        kind_label = {"State": "GPE", "Organization": "ORG", "Person": "PERSON"}
        for e in self._entries.values():
            for n in (e.label, *e.aliases):
                add(kind_label[e.kind], n, e.key)
            for d in e.demonyms:
                add("NORP", d, e.key)
            for c in e.capitals:
                add("FAC" if _is_building(c) else "GPE", c, e.key)
        path = self.folder / "features.tsv"
        if path.exists():
            for _n, r in _read(path)[1]:
                pats.append({"label": "LOC", "pattern": r["name"], "id": ""})
        return pats

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries


_BUILDINGS = {"kremlin", "white house", "pentagon", "downing street", "whitehall", "elysee", "elysee palace",
              "quai d'orsay", "zhongnanhai", "bankova", "planalto", "casa rosada", "miraflores", "moncloa",
              "palazzo chigi", "malacanang", "villa somalia"}


def _is_building(name: str) -> bool:
    return normalize_name(name) in _BUILDINGS


@lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    return _load(data_path("gazetteer").resolve())


@lru_cache(maxsize=4)
def _load(folder: Path) -> Gazetteer:
    entries: list[Entry] = []
    _, states = _read(folder / "states.tsv")
    for _n, r in states:
        entries.append(Entry(key=r["key"], kind="State", label=r["label"], aliases=_tuple(r["aliases"]),
                             qid=r["qid"] or None, iso3=r["iso3"] or None, role=None, affiliation=None,
                             demonyms=_tuple(r["demonyms"]), capitals=_tuple(r["capitals"])))
    _, orgs = _read(folder / "organizations.tsv")
    for _n, r in orgs:
        entries.append(Entry(key=r["key"], kind="Organization", label=r["label"], aliases=_tuple(r["aliases"]),
                             qid=r["qid"] or None, iso3=r["iso3"] or None, role=None,
                             affiliation=r["parent"] or None, org_type=r["type"] or None))
    _, people = _read(folder / "people.tsv")
    short: dict[str, tuple[str, ...]] = {}
    for _n, r in people:
        entries.append(Entry(key=r["key"], kind="Person", label=r["label"], aliases=_tuple(r["aliases"]),
                             qid=r["qid"] or None, iso3=None, role=r["role"] or None,
                             affiliation=r["affiliation"] or None))
        short[r["key"]] = _tuple(r["short"])
    keys = {e.key for e in entries}
    for e in entries:
        if e.affiliation and e.affiliation not in keys:
            raise GazetteerError(GazetteerError.E052.format(path=folder, line="?", detail=f"{e.key}: unknown affiliation {e.affiliation!r}"))
    _, agent_rows = _read(folder / "agents.tsv")
    agents = {r["noun"]: r["sector"] for _n, r in agent_rows}
    _, role_rows = _read(folder / "roles.tsv")
    roles = {r["title"]: r["role"] for _n, r in role_rows}
    return Gazetteer(entries, agents, roles, short, folder)
