"""Corpus-level actor resolution: one node per real person or organisation across articles and builds.

The recogniser resolves the names of one article; across articles each name variant it keeps
("Jim Mattis", "James Mattis", "Sec Def Mattis", "Mattis") is a node of its own. This stage
runs where the build has seen every article (after the last commit, over the whole store, so
the nodes of earlier builds take part too) and decides which nodes are one actor:

- persons: the same surname (spelling variants allowed) and compatible given names: equal,
  an initial, a nickname of the other ("Jim"/"James", from the ``nicknames`` package), or a
  spelling variant ("Staffan"/"Stefan": the same consonants and close letters, by
  ``rapidfuzz``); titles and job words ("Sec Def", "Gen", "Lawyer") are no part of a name;
- a surname alone joins the one person of that surname whom its stories name in full, else the
  one person of that surname in the corpus; with two or more candidates it stays alone;
- two persons the gazetteer knows apart, or whose given names differ ("Barack" and "Michelle
  Obama", "Masoud" and "Masrour Barzani"), are never merged;
- organisations: the same words up to transliteration ("Jaish al-Islam", "Jaysh al-Islam").

:func:`resolve` is a pure function of :class:`NodeRecord` s; :func:`read_nodes` reads them from a
store and :func:`apply` rewrites the merged nodes there (each variant stays as ``skos:altLabel``).

>>> recs = [NodeRecord("james-mattis", "Person", "James Mattis"), NodeRecord("mattis", "Person", "Mattis"),
...         NodeRecord("sec-def-mattis", "Person", "Sec Def Mattis"), NodeRecord("jim-mattis", "Person", "Jim Mattis")]
>>> r = resolve(recs)
>>> sorted(r.merges.items())
[('jim-mattis', 'james-mattis'), ('mattis', 'james-mattis'), ('sec-def-mattis', 'james-mattis')]
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from unidecode import unidecode

from .gazetteer import Gazetteer, name_words, normalize_name

__all__ = ["NodeRecord", "PersonName", "Resolution", "person_name", "title_words", "given_compatible",
           "surname_compatible", "after_name", "initialism", "is_acronym", "resolve", "read_nodes", "apply", "resolve_graph"]

# particles that belong to the surname that follows them ("de Mistura", "bin Salman", "al-Assad")
_PARTICLES = {"da", "de", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter",
              "bin", "ibn", "al", "el", "la", "le", "du", "abu", "ould", "ben"}
# particles that make the name after them a father's name, not a family name ("Mohammed bin
# Salman" is no "Salman" alone)
PATRONYMIC = _PATRONYMIC = {"bin", "ibn", "ben", "ould", "abu"}
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|az|ash|an|ed|er|es|et)-")
# a name that ends in one of these was cut off ("Revolutionary Armed Forces of")
FRAGMENT_ENDS = _FRAGMENT_ENDS = frozenset(
    {"of", "for", "and", "the", "in", "on", "at", "to", "from", "with", "by", "or"})
_QUOTED = re.compile(r"[\"“”«»][^\"“”«»]*[\"“”«»]")
_VOWELS = re.compile(r"[aeiouy]")
# how close two spellings must be (rapidfuzz ratio, 0-100) besides having the same consonants
_GIVEN_RATIO = 75
_SURNAME_RATIO = 75


@dataclass(frozen=True)
class NodeRecord:
    """One actor node as the resolver sees it: its key (``actor:<key>``), kind, label, and the
    articles it takes part in (empty when unknown)."""

    key: str
    kind: str
    label: str
    articles: frozenset[str] = frozenset()
    known: bool = False        # a gazetteer entry: never merged with another known entry
    group: bool = False        # a group of a state's society ("Sudan rebels"): never merged


@dataclass(frozen=True)
class PersonName:
    """A person's name split for comparison: normalised given names and surname core."""

    given: tuple[str, ...]
    surname: str
    words: int
    patronymic: bool = False   # the "surname" is a father's name ("bin Salman")

    @property
    def full(self) -> bool:
        return bool(self.given)


@dataclass
class Resolution:
    """What corpus-level resolution decided: each merged key and the key it joins."""

    merges: dict[str, str] = field(default_factory=dict)

    def canonical(self, key: str) -> str:
        """The node ``key`` is part of (itself when not merged)."""
        return self.merges.get(key, key)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Titles, ranks and job words that are never part of a name, without a final dot
    (``data/syntax/name_titles.txt`` and ``data/gazetteer/person_titles.txt``).

    >>> {"gen", "sgt", "patron"} <= title_words()
    True
    """
    from ..events.modality import word_list

    return frozenset(w.rstrip(".") for w in word_list("name_titles")) | name_words("person_titles")


def _skeleton(word: str) -> str:
    """First letter and the consonants after it, doubled letters once: "staffan" -> "stfn"."""
    w = re.sub(r"[^a-z]", "", unidecode(word).lower())
    if not w:
        return ""
    s = w[0] + _VOWELS.sub("", w[1:])
    return re.sub(r"(.)\1+", r"\1", s)


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def _core(word: str) -> str:
    return _ARTICLE_PREFIX.sub("", word)


@lru_cache(maxsize=65536)
def after_name(word: str) -> bool:
    """Whether a title word can stand after a name as a job word ("Margaret Owen Patron", "Jane
    Smith MP"): short titles and abbreviations ("Sen", "Gen", "Hon") only come before one, and
    after one are a name ("Hun Sen").

    >>> after_name("Patron"), after_name("MP"), after_name("Sen")
    (True, True, False)
    """
    w = normalize_name(word).rstrip(".")
    return w in title_words() and (len(w) >= 5 or w in ("mp", "mep"))


def person_name(label: str) -> PersonName | None:
    """The name in a person node's label, titles and job words removed; ``None`` when what is
    left is no name (empty, with digits, or cut off after a preposition).

    >>> person_name("Sec Def Mattis")
    PersonName(given=(), surname='mattis', words=1, patronymic=False)
    >>> person_name("Bashar al-Assad").surname, person_name("Staffan de Mistura")
    ('assad', PersonName(given=('staffan',), surname='mistura', words=3, patronymic=False))
    >>> person_name("Revolutionary Armed Forces of") is None
    True
    >>> person_name("Hun Sen").surname
    'sen'
    """
    text = _QUOTED.sub(" ", label)
    words = [normalize_name(w) for w in text.split()]
    words = [w for w in words if w and w not in ("-", "–")]
    if not words or any(any(c.isdigit() for c in w) for w in words) or words[-1] in _FRAGMENT_ENDS:
        return None
    titles = title_words()
    while words and words[0].rstrip(".") in titles:
        words.pop(0)
    while words and after_name(words[-1]):
        words.pop()
    if not words:
        return None
    n = len(words)
    start = n - 1
    while start > 0 and words[start - 1] in _PARTICLES:
        start -= 1
    surname = _core(words[-1])
    given = tuple(w.rstrip(".") for w in words[:start] if w not in _PARTICLES)
    if not surname:
        return None
    return PersonName(given, surname, n, start < n - 1 and words[n - 2] in _PATRONYMIC)


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=65536)
def _name_forms(word: str) -> frozenset[str]:
    """A given name and the names it is a nickname of, or that are its nicknames."""
    nn = _nicknamer()
    return frozenset({word, *nn.canonicals_of(word), *nn.nicknames_of(word)})


def given_compatible(a: str, b: str) -> bool:
    """Whether two given names can be one person's: equal, an initial of the other, a nickname
    of it, its last four letters or more, or a spelling variant (the same consonants and a rapidfuzz ratio of 75 or more).

    >>> [given_compatible(*p) for p in [("jim", "james"), ("staffan", "stefan"), ("j", "james"),
    ...                                 ("barack", "michelle"), ("masoud", "masrour"), ("hassan", "hussein"),
    ...                                 ("remi", "oluremi")]]
    [True, True, True, False, False, False, True]
    """
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if b in _name_forms(a) or a in _name_forms(b):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.endswith(short):
        return True   # a short form from the end of the name ("Remi" of "Oluremi", "Tina" of "Christina")
    return len(a) >= 4 and _skeleton(a) == _skeleton(b) and _ratio(a, b) >= _GIVEN_RATIO


def surname_compatible(a: str, b: str) -> bool:
    """Whether two surname cores are one surname: equal, or a spelling variant of five letters
    or more ("erdogan"/"erdogan" after folding accents, "mistura"/"mistoura").

    >>> surname_compatible("mistura", "mistoura"), surname_compatible("barzani", "talabani")
    (True, False)
    """
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and _skeleton(a) == _skeleton(b) and _ratio(a, b) >= _SURNAME_RATIO


def _givens_compatible(a: PersonName, b: PersonName) -> bool:
    """Full names whose given names fit: the first given name of one is among the other's
    ("Enrique Peña Nieto" and "Peña Nieto": "peña" is a given name of both readings)."""
    return any(given_compatible(a.given[0], g) for g in b.given) or \
        any(given_compatible(b.given[0], g) for g in a.given)


def _same_person(a: PersonName, b: PersonName) -> bool:
    return surname_compatible(a.surname, b.surname) and _givens_compatible(a, b)


def _rank(rec: NodeRecord, name: PersonName | None) -> tuple:
    """Order of preference for the node a cluster keeps (and of clustering): known to the
    gazetteer, a given name that is no initial, the longest name, a given name that is nobody's
    nickname, the most articles, then the key."""
    initial = bool(name and name.given and len(name.given[0]) == 1)
    nick = bool(name and name.given and _nicknamer().canonicals_of(name.given[0]))
    return (not rec.known, initial, -(name.words if name else 0), nick, -len(rec.articles), rec.key)


def _resolve_persons(recs: list[NodeRecord], merges: dict[str, str]) -> None:
    names = {r.key: person_name(r.label) for r in recs}
    buckets: dict[str, list[NodeRecord]] = defaultdict(list)
    for r in recs:
        n = names[r.key]
        if n is not None:
            buckets[_skeleton(n.surname) or n.surname].append(r)
    for bucket in buckets.values():
        full = sorted((r for r in bucket if names[r.key].full), key=lambda r: _rank(r, names[r.key]))
        bare = sorted((r for r in bucket if not names[r.key].full), key=lambda r: _rank(r, names[r.key]))
        clusters: list[list[NodeRecord]] = []
        for r in full:
            n = names[r.key]
            fits = [c for c in clusters
                    if all(_same_person(n, names[m.key]) and not (r.known and m.known) for m in c)]
            if len(fits) == 1:
                fits[0].append(r)
            elif not fits:
                clusters.append([r])
            # (fits two people: "J. Smith" beside "John" and "Jane Smith" stays apart)
        singles: dict[str, list[NodeRecord]] = {}
        for r in bare:
            n = names[r.key]
            cands = [c for c in clusters if surname_compatible(n.surname, names[c[0].key].surname)
                     and not names[c[0].key].patronymic]
            told = [c for c in cands if any(r.articles & m.articles for m in c)]
            pick = told if told else cands
            if len(pick) == 1 and not (r.known and any(m.known for m in pick[0])):
                pick[0].append(r)
            elif not cands:
                singles.setdefault(n.surname, []).append(r)  # "Assad" and "al-Assad", no full name
        for c in (*clusters, *singles.values()):
            head = min(c, key=lambda m: _rank(m, names[m.key]))
            for m in c:
                if m.key != head.key:
                    merges[m.key] = head.key


# words an initialism skips: "Patriotic Union of Kurdistan" is PUK, "Hayat Tahrir al-Sham" HTS
_INITIAL_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "al", "el", "de", "du", "des", "la", "le", "&"})


def initialism(name: str) -> str | None:
    """The acronym the initials of a name of three or more words make, else None.

    >>> initialism("the Patriotic Union of Kurdistan"), initialism("Hayat Tahrir al-Sham"), initialism("Red Cross")
    ('PUK', 'HTS', None)
    >>> initialism("Organization for Security and Co-operation in Europe")
    'OSCE'

    """
    words = [re.sub(r"^(?:al|el)-", "", w, flags=re.I) for w in name.strip().split()]
    # ("al-Sham" gives S, "Co-operation" C)
    if words and words[0].lower() == "the":
        words = words[1:]
    letters = [w[0] for w in words if w.lower() not in _INITIAL_SKIP and w[:1].isalpha()]
    if len(letters) < 3 or not all(w[:1].isupper() for w in words if w.lower() not in _INITIAL_SKIP):
        return None
    return unidecode("".join(letters)).upper()


def is_acronym(label: str) -> bool:
    """One upper-case word of 3 to 8 letters ("KDP", "IRGC")."""
    return label.isalpha() and label.isupper() and 3 <= len(label) <= 8


def _org_words(label: str) -> tuple[str, ...]:
    return tuple(w for w in normalize_name(label).replace("-", " ").split() if w)


def _same_org(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b) or len(a) < 2 or a == b:
        return a == b and len(a) >= 2
    exact = sum(x == y for x, y in zip(a, b))
    return exact >= 1 and all(x == y or (len(x) >= 4 and _skeleton(x) == _skeleton(y)) for x, y in zip(a, b))


def _resolve_orgs(recs: list[NodeRecord], merges: dict[str, str]) -> None:
    buckets: dict[tuple, list[NodeRecord]] = defaultdict(list)
    words = {r.key: _org_words(r.label) for r in recs}
    for r in recs:
        if not r.group and len(words[r.key]) >= 2:
            buckets[tuple(_skeleton(w) for w in words[r.key])].append(r)
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        order = sorted(bucket, key=lambda r: (not r.known, -len(r.articles), r.key))
        clusters: list[list[NodeRecord]] = []
        for r in order:
            fits = [c for c in clusters if all(_same_org(words[r.key], words[m.key]) and not (r.known and m.known)
                                               for m in c)]
            if fits:
                fits[0].append(r)
            else:
                clusters.append([r])
        for c in clusters:
            for m in c[1:]:
                merges[m.key] = c[0].key
    # an acronym alone ("the KDP") is the one organisation whose name's initials it is
    by_initials: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        if not r.group and (acr := initialism(r.label)) is not None:
            by_initials[acr].add(merges.get(r.key, r.key))
    for r in recs:
        acr = r.label.removeprefix("the ")
        if r.group or r.known or r.key in merges or not is_acronym(acr):
            continue
        heads = by_initials.get(acr, set()) - {r.key}
        if len(heads) == 1:
            merges[r.key] = next(iter(heads))


def resolve(records: Iterable[NodeRecord]) -> Resolution:
    """Decide which nodes are one actor (see the module's docs). Merged keys map to the key of
    the node their cluster keeps; a node is never merged into a node of another kind."""
    by_kind: dict[str, list[NodeRecord]] = defaultdict(list)
    for r in records:
        by_kind[r.kind].append(r)
    merges: dict[str, str] = {}
    _resolve_persons(by_kind.get("Person", []), merges)
    _resolve_orgs(by_kind.get("Organization", []), merges)
    return Resolution(merges)


# ---------------------------------------------------------------- the store
_NODES = """
SELECT ?a ?kind ?label (SAMPLE(?sector) AS ?sec) WHERE {
  VALUES ?kind { gpol:Person gpol:Organization }
  ?a a ?kind ; rdfs:label ?label .
  OPTIONAL { ?a gpol:sector ?sector }
} GROUP BY ?a ?kind ?label
"""
_ARTICLES = """
SELECT DISTINCT ?a ?g WHERE {
  GRAPH ?g { ?e gpol:actor|gpol:recipient|gpol:claimedBy ?a }
}
"""


def read_nodes(graph, gazetteer: Gazetteer | None = None) -> list[NodeRecord]:
    """The Person and Organization nodes of a :class:`~kg.store.KnowledgeGraph`, with the
    articles whose events they take part in."""
    from ..namespaces import ACTOR

    gaz = gazetteer or Gazetteer.load()
    base = str(ACTOR)
    arts: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_ARTICLES).terms:
        a = str(row[0])
        if a.startswith(base):
            arts[a[len(base):]].add(str(row[1]))
    out: dict[str, NodeRecord] = {}
    for row in graph.query(_NODES).terms:
        a = str(row[0])
        if not a.startswith(base):
            continue
        key = a[len(base):]
        kind = str(row[1]).rsplit("#", 1)[-1]
        if key in out:   # two labels (an older build): keep one record
            continue
        out[key] = NodeRecord(key, kind, str(row[2]), frozenset(arts.get(key, ())),
                              known=gaz.get(key) is not None, group=row[3] is not None)
    return sorted(out.values(), key=lambda r: r.key)


# properties a node has once: the merged node's value is kept only where the kept node has none
_SINGLE = ("gpol:role", "gpol:affiliation", "owl:sameAs", "gpol:sector")


def apply(graph, resolution: Resolution) -> int:
    """Rewrite the merged nodes of ``resolution`` into the nodes they join, in one SPARQL update:
    every edge to or from them (in every graph) moves over, their labels become ``skos:altLabel``
    s of the kept node. Returns the number of nodes merged."""
    from ..namespaces import ACTOR

    if not resolution.merges:
        return 0
    rows = " ".join(f"(<{ACTOR[old]}> <{ACTOR[new]}>)" for old, new in sorted(resolution.merges.items()))
    values = f"VALUES (?old ?new) {{ {rows} }}"
    single = ", ".join(_SINGLE)
    graph.update(f"""
INSERT {{ ?new skos:altLabel ?l }} WHERE {{ {values} ?old rdfs:label|skos:altLabel ?l }} ;
INSERT {{ ?new ?p ?o }} WHERE {{ {values} ?old ?p ?o FILTER(?p IN ({single}))
                                 FILTER NOT EXISTS {{ ?new ?p ?x }} }} ;
DELETE {{ ?old ?p ?o }} WHERE {{ {values} ?old ?p ?o }} ;
DELETE {{ ?s ?p ?old }} INSERT {{ ?s ?p ?new }} WHERE {{ {values} ?s ?p ?old }} ;
DELETE {{ GRAPH ?g {{ ?old ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?new ?p ?o }} }} WHERE {{ {values} GRAPH ?g {{ ?old ?p ?o }} }} ;
DELETE {{ GRAPH ?g {{ ?s ?p ?old }} }} INSERT {{ GRAPH ?g {{ ?s ?p ?new }} }} WHERE {{ {values} GRAPH ?g {{ ?s ?p ?old }} }} ;
DELETE {{ ?new skos:altLabel ?l }} WHERE {{ {values} ?new rdfs:label ?l ; skos:altLabel ?l }}
""")
    return len(resolution.merges)


def resolve_graph(graph, gazetteer: Gazetteer | None = None) -> Resolution:
    """Resolve the actor nodes of a store (those of earlier builds included) and merge them."""
    res = resolve(read_nodes(graph, gazetteer))
    apply(graph, res)
    return res
