"""The ``gpol_actors`` pipeline component: recognise, resolve and link the actors of a Doc.

It runs after spaCy's ``ner`` (and the gazetteer ruler before it) and writes:

- ``doc._.gpol_mentions``: :class:`~kg.actors.mentions.Mention` records, one per span that
  refers to an actor (names, surnames, titles such as "North Korea's top diplomat", demonyms,
  capitals standing for their state, pronouns);
- ``doc._.gpol_actors``: ``{key: Actor}``, one actor per real-world actor in the Doc;
- ``doc._.gpol_places``: ``{token index: place name}`` for places that are not actors.

The rules are general: the gazetteer links known names, titles and appositions give roles and
affiliations, and the small model's typical mistakes (a name split in two, a surname tagged as a
product or organisation) are repaired from the names seen elsewhere in the same Doc.

>>> from kg.nlp import load_pipeline
>>> nlp = load_pipeline()
>>> doc = nlp("Iranian Foreign Minister Abbas Araghchi met Omani officials. Araghchi said talks went well.")
>>> a = doc._.gpol_actors["abbas-araghchi"]
>>> a.kind, a.role, a.affiliation
('Person', 'Foreign Minister', 'iran')
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..graph.rdf import slugify
from ..model import Actor
from ..resources import data_path
from .gazetteer import Entry, Gazetteer, is_media, media_last_words, name_words, normalize_name
from ..events.lexicon import labelling_verbs
from ..events.modality import word_list
from ..events.syntax import clause_verb
from ..nlp.orgnames import acronym_after, org_heads
from .mentions import Mention, register_extensions
from .resolve import FRAGMENT_ENDS, PATRONYMIC, after_name, initialism, title_words

__all__ = ["ActorRecognizer", "STATE_AGENT_SECTORS", "actor_from_entry", "acting_for", "group_actor",
           "non_person_kind"]

#: the sectors of a state's own agents (its government, army and police), which act for the state
STATE_AGENT_SECTORS = frozenset({"government", "military", "police"})
# words before an office title that make someone else than its holder
_NOT_THE_HOLDER = {"vice", "deputy", "former", "ex", "assistant", "junior", "under", "late", "outgoing"}
# groups of a society that a state's agents act on at home: "police detained students" are that
# state's students (not rebels or militants: forces fight foreign ones too)
_HOME_SOCIETY = {"opposition", "education", "media", "labour", "human_rights", "agriculture", "party", "religion"}
# the sectors of a crowd in the street that police act on ("police detained hundreds")
_CROWD_SECTORS = {"opposition", "education", "labour", "civilians", "agriculture"}
# the agencies a bare "the army" names as the story last named them: whose army, not the dateline's
_OWNED_BEFORE = {"military"}
# the sentences of a story's lead (its headline and first sentences), which tell what it is about
_LEAD_SENTENCES = 3


def _lead_end(doc: Doc) -> int:
    """Where a story's lead (its first :data:`_LEAD_SENTENCES` sentences) ends."""
    return next((s.end for n, s in enumerate(doc.sents) if n == _LEAD_SENTENCES - 1), len(doc))


# where "the army", "police", "the government" stand for the story's own state: its subject ("the
# army shelled"), object ("urged the government") or the one an act is aimed at ("called on the
# government", "talks with the government"), not a phrase that only sets the scene ("in the army")
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj"}
_ARG_PREPS = ("on", "to", "against", "with")
_NAME_PARTICLES = {"da", "de", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter",
                   "bin", "ibn", "al", "el", "la", "le", "du", "y"}
# how many sentences back "it", "they", "its" and "their" look for the state or organisation they
# stand for when their clause does not name it ("Iran's army said it ...": the clause's subject),
# and an object "them" for the group or the names it stands for
_PRONOUN_REACH = 1
# how many sentences back "he", "she", "him", "his" and "her" look for the person they stand for
# (counted from the last sentence that named the person or stood for them by a pronoun)
_PERSON_REACH = 4
_PRONOUNS = {"he": "Person", "she": "Person", "him": "Person", "her": "Person", "his": "Person"}
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Words that make an unknown ORG entity a political actor rather than a company or a product.
_POLITICAL_ORG = re.compile(
    r"\b(ministry|council|army|forces?|party|front|movement|committee|commission|union|organi[sz]ation|"
    r"agency|court|parliament|assembly|government|liberation|militia|brigades?|guards?|alliance|"
    r"league|coalition|congress|senate|police|navy|command|service|authority|bank|fund|programme|"
    r"cooperation|community|forum|partnership|mission|corps|association|"
    r"program|office|cabinet|tribunal|federation|group|rebels?|islamic|national|united|people'?s)\b",
    re.I,
)


# words that end the names of places and also of bodies or clubs ("Foreign Office", "White House",
# "Manchester City"): an organisation's name that ends in one may be a body
_BODY_PLACE_WORDS = {"office", "house", "city", "base", "centre", "center", "university", "college", "school",
                     "embassy", "consulate", "district", "province", "region", "governorate", "field", "hall"}
# prepositions that place a group in a state: "rebels in Darfur", "students throughout Indonesia"
_GROUP_PLACE_PREPS = {"in", "throughout", "across", "inside"}
# words a name cut off by the model ends in ("Revolutionary Armed Forces of"): no name ends so
_FRAGMENT_ENDS = FRAGMENT_ENDS | {"-"}


def _title_word(tok: Token) -> bool:
    """A title, rank or job word that is no part of a name ("Gen", "Sgt.", "Lawyer", "Patron")."""
    return tok.lower_.rstrip(".") in title_words()


def non_person_kind(text: str, gaz: Gazetteer) -> str | None:
    """What a name the model tagged as a person is when it cannot be one: ``"media"`` (a news
    agency or outlet), ``"other"`` (a meeting, agreement or programme: a word of
    ``data/gazetteer/other_words.txt`` at its end, or a number in it), ``"organisation"`` (a party, armed group or body: a word of
    ``data/gazetteer/group_words.txt`` or of a political organisation's name), ``"place"`` (a
    town, camp, building or office: a word of ``data/gazetteer/place_words.txt`` at its start or
    end, or a town the gazetteer locates), else ``None``.

    >>> gaz = Gazetteer.load()
    >>> [non_person_kind(t, gaz) for t in ("Hawar", "Ahrar al-Sham", "Ain Issa", "Oval Office", "Jim Mattis")]
    ['media', 'organisation', 'place', 'place', None]
    """
    if is_media(text):
        return "media"
    words = [normalize_name(w) for w in text.replace("-", " - ").split()]
    words = [w for w in words if w and w != "-"]
    if not words:
        return None
    if len(words) > 1 and (words[-1] in name_words("other_words") or any(w.isdigit() for w in words)):
        return "other"   # "Langkawi Dialogue", "Vision 2030", "Dhanmondi 32"
    if words[0] in name_words("place_words", "first") and len(words) > 1 \
            or words[-1] in name_words("place_words", "last") and len(words) > 1:
        return "place"
    if any(w in name_words("group_words") for w in words) or (len(words) > 1 and _POLITICAL_ORG.search(text)):
        return "organisation"
    if not any(e.kind == "Person" for e in gaz.lookup(text)) and gaz.locate(text) is not None:
        return "place"
    return None


def _media_names(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of the names of two or more capitalised words that name a news outlet
    (:func:`~kg.actors.gazetteer.is_media`: "Saudi Press Agency", "Kenya News Agency")."""
    out, i, n = [], 0, len(doc)
    # (each token's test once: a capitalised word of a name)
    named = [(t.is_title or t.is_upper) and t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") for t in doc]
    while i < n:
        j = i
        while j < n and named[j]:
            j += 1
        if j - i >= 2 and normalize_name(doc[j - 1].text) in media_last_words() and is_media(doc[i:j].text):
            out.append((i, j))
        i = max(j, i + 1)
    return out


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$|^[ap]\.?m\.?$", re.I)


def _backers(doc: Doc, party) -> list[int]:
    """Tokens of a name hyphened to a participle of backing before a noun that ``party`` takes
    for a party (``data/syntax/backing_participles.txt``): the backer, not the noun's referent,
    so never an actor or recipient of the phrase (coding rule R7). Not a thing so described
    ("a Japanese-funded radar": Japan's gift), nor a name the tagger reads as one with what
    follows ("the Turkish-backed Syrian National Army").

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline(coder="rules")("The Iran-backed group fired rockets at Israel.")
    >>> [doc[i].text for i in _backers(doc, lambda tok: tok.lower_ == "group")]
    ['Iran']
    """
    return _hyphened_to(doc, word_list("backing_participles"), party)


def _makers(doc: Doc) -> list[int]:
    """Tokens of a name hyphened to a participle of making before a noun
    (``data/syntax/maker_participles.txt``): who made or supplied the thing, no party to what is
    done with it ("fired Iranian-made drones at Kyiv" is aimed at no one Iranian).

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline(coder="rules")("Russia fired Iranian-made drones at Kyiv.")
    >>> [doc[i].text for i in _makers(doc)]
    ['Iranian']
    """
    return _hyphened_to(doc, word_list("maker_participles"), lambda tok: True)


def _near_hyphens(doc: Doc) -> list[Token]:
    """The tokens that hold a hyphen or follow one, in order (found in the text: most words of a
    document are neither, and need no look at their parse)."""
    text = doc.text
    if "-" not in text:
        return []
    starts = doc.to_array("IDX").tolist()
    found: set[int] = set()
    for match in re.finditer("-", text):
        k = bisect_right(starts, match.start()) - 1
        found.update(i for i in (k, k + 1) if 0 <= i < len(doc))
    return [doc[i] for i in sorted(found)]


def _hyphened_to(doc: Doc, participles: set, noun) -> list[int]:
    """Tokens of a name hyphened to one of ``participles`` before a noun ``noun`` accepts."""
    out = []
    for tok in _near_hyphens(doc):
        if tok.lower_ not in participles and "-" not in tok.text:
            continue
        if not (tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") and noun(tok.head)):
            continue
        if tok.lower_ in participles and tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
                and not doc[tok.i - 2].whitespace_ and doc[tok.i - 1].ent_iob_ != "I":
            start = tok.i - 2
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1  # (back to the first word of the name: "South Korea-backed")
            out += range(start, tok.i - 1)
        elif "-" in tok.text and tok.text[:1].isupper() and tok.text.rsplit("-", 1)[1].lower() in participles:
            out.append(tok.i)  # ("U.S.-backed": one token)
    return out


def _clock_zones(doc: Doc) -> list[int]:
    """Tokens that name a time zone, as a live page gives it: the zone of a clock time ("12:50 CAT
    - The president ...", "at 9 a.m. GMT"), one upper-case word of 2 to 5 letters right after
    the time; and a zone's name of capitalised words ending in "Time", with the abbreviation
    after it ("All times are Central European Summer Time (CEST)"). Never an actor ("CAT" is
    also an initialism a tagger may read as an organisation).

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline(coder="rules").make_doc("Times are Central European Time (CET). 10:15 CEST - The army left.")
    >>> [doc[i].text for i in _clock_zones(doc)]
    ['Central', 'European', 'Time', 'CET', 'CEST']
    """
    out = []
    for tok in doc[1:]:
        if tok.is_alpha and tok.is_upper and 2 <= len(tok) <= 5 and _CLOCK.match(doc[tok.i - 1].text):
            out.append(tok.i)
        elif tok.text == "Time" and doc[tok.i - 1].is_title:
            start = tok.i - 1
            while start > max(0, tok.i - 4) and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
                start -= 1
            out += range(start, tok.i + 1)
            if (acr := acronym_after(doc, tok.i + 1)) is not None:
                out.append(acr)
    return sorted(set(out))


def _defined_acronyms(doc: Doc, ents) -> dict[str, str]:
    """Acronyms the text defines after a name: ``{"PYD": "Democratic Union Party"}`` for "the
    Democratic Union Party (PYD)" (:func:`~kg.nlp.orgnames.acronym_after`)."""
    out: dict[str, str] = {}
    for span in ents:
        if span.label_ == "ORG" and (acr := acronym_after(doc, span.end)) is not None:
            out.setdefault(doc[acr].text, _bare_name(_strip_possessive(span.text)))
    return out


def _org_headed(span: Span) -> bool:
    """Whether a name of several words is headed by a noun of organisation names ("Law Society
    of Kenya"; ``data/gazetteer/org_heads.txt``, as :mod:`kg.nlp.orgnames` reads them)."""
    words = [t.lower_ for t in span if t.pos_ != "DET"]
    return len(words) > 1 and span.root.lower_ in org_heads()


@lru_cache(maxsize=1)
def _anaphor_types() -> dict[str, frozenset[str]]:
    """``data/syntax/organisation_anaphor_types.tsv``: the gazetteer types of organisation each
    anaphor may refer to."""
    out = {}
    for line in data_path("syntax", "organisation_anaphor_types.tsv").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            word, *types = line.split()
            out[word.lower()] = frozenset(types)
    return out


def _capital_of_the_sentence(span: Span) -> bool:
    """Whether a phrase of several words is written in lower case but for the capital that opens
    its sentence ("Coast guard vessels will inspect", "Security forces opened fire"): a
    description, not a name."""
    first = next((t for t in span if not t.is_punct), None)
    if first is None or not (first.is_sent_start or first.i > 0 and first.nbor(-1).is_sent_start
                             and first.nbor(-1).is_punct):
        return False
    rest = [t for t in span if t.i > first.i and t.is_alpha]
    return bool(rest) and first.is_title and all(t.is_lower for t in rest)


@lru_cache(maxsize=8192)
def _strip_possessive(text: str) -> str:
    return re.sub(r"[’']s?$", "", text.strip()).strip()


def _bare_name(text: str) -> str:
    """An organisation's name without a leading "the" ("the Tren de Aragua")."""
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def acting_for(key: str | None, gaz: Gazetteer) -> str | None:
    """The body a person of ``key`` acts for: an organ's parent organisation ("AU Commission
    Chairperson X" acts for the African Union), otherwise ``key`` itself."""
    e = gaz.get(key) if key else None
    while e is not None and e.kind == "Organization" and e.affiliation:
        parent = gaz.get(e.affiliation)
        if parent is None or parent.kind != "Organization":
            break
        e = parent
    return e.key if e is not None else key


def actor_from_entry(e: Entry, gaz: Gazetteer | None = None) -> Actor:
    """A new Actor for a gazetteer entry, with the other names the gazetteer knows it by among
    its labels: for an organisation or a person, its other names and spellings (an
    organisation's full name when the text gives only its acronym); for a state, the names it is
    known by in news (its demonyms, capital and seat of government; not the state's aliases, which
    hold the misspellings of the CAMEO dictionaries).

    >>> "Organization for Security and Co-operation in Europe" in actor_from_entry(
    ...     Gazetteer.load().get("osce")).alt_labels
    True
    >>> actor_from_entry(Gazetteer.load().get("china-coast-guard")).affiliation
    'china'
    """
    gaz = gaz or Gazetteer.load()
    known = {*e.demonyms, *e.capitals} if e.kind == "State" else set(e.aliases)
    affiliation = acting_for(e.affiliation, gaz) if e.kind == "Person" else e.affiliation
    if affiliation is None and e.org_type == "state_body" and e.iso3:
        # an organ or force of one state acts for it: the China Coast Guard for China (not the
        # authorities of a breakaway region, typed regional_government)
        state = gaz.state_by_iso3(e.iso3)
        affiliation = state.key if state is not None else None
    return Actor(key=e.key, kind=e.kind, label=e.label, qid=e.qid, alt_labels=known,
                 country_code=e.iso3 if e.kind == "State" else None,
                 affiliation=affiliation, role=e.role)


def group_actor(state: Entry, group: str, sector_code: str | None) -> Actor:
    """The node of a group of a state's society: one per state and group ("Afghan rebels",
    protesters in a Nairobi story), an Organization affiliated with the state and carrying its
    CAMEO sector code (as event data code country + agent).

    >>> a = group_actor(Gazetteer.load().get("sudan"), "rebels", "REB")
    >>> a.key, a.label, a.affiliation, a.sector
    ('sudan-rebels', 'Sudan rebels', 'sudan', 'REB')
    """
    return Actor(key=f"{state.key}-{slugify(group)}", kind="Organization", label=f"{state.label} {group}",
                 affiliation=state.key, sector=sector_code)


def _titled(doc: Doc, tok: Token, gaz: Gazetteer) -> bool:
    """Whether a title stands right before the name ("President Obama", "General Aoun")."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    # ("the" is stripped from names like a title, but "the Rafah crossing" is no title)
    return prev is not None and prev.lower_ != "the" and (
        prev.lower_ in word_list("name_titles") or gaz.role(prev.lower_) is not None)


def _mention_at(mentions: list, tok: Token | None, ok=None) -> "Mention | None":
    """The first of ``mentions`` covering ``tok`` (and passing ``ok``), else None."""
    if tok is None:
        return None
    return next((m for m in mentions if m.start <= tok.i < m.end and (ok is None or ok(m))), None)


def _person_subject(mentions: list, verb: Token) -> "Mention | None":
    """The mention of a person that is ``verb``'s active subject, else None."""
    return _mention_at(mentions, next((c for c in verb.children if c.dep_ == "nsubj"), None),
                       lambda mm: mm.kind == "Person")


def _second_object_verb(tok: Token) -> Token | None:
    """The verb of two objects whose second one ``tok`` ("his", "her") is the possessor of: "offered
    Borissov his full support" (the small parser may call the first object a direct object, or the
    second an apposition of the first), else None.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline(coder="rules")("Macron gave Scholz his backing.")
    >>> _second_object_verb(doc[3]).text
    'gave'
    """
    noun = tok.head
    if tok.dep_ != "poss" or noun.i == tok.i:
        return None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "appos" and noun.head.dep_ in ("dative", "dobj") and noun.left_edge.i > 0 \
            and not tok.doc[noun.left_edge.i - 1].is_punct:
        verb = noun.head.head
    else:
        return None
    if any(c.dep_ in ("dative", "dobj") and c.pos_ != "ADP" and c.i < tok.i and c.i != noun.i for c in verb.children):
        return verb
    return None


def _quoted(doc: Doc) -> list[bool]:
    """For each token, whether it stands inside a direct quotation: between an opening and a
    closing double quotation mark (straight marks toggle) of one paragraph; a paragraph's end
    closes any quotation left open, as news does for a quote that goes on in the next paragraph.

    >>> import spacy
    >>> doc = spacy.blank("en")('"She must go," he said.')
    >>> [t.text for t, q in zip(doc, _quoted(doc)) if q]
    ['She', 'must', 'go', ',']
    """
    inside, out = False, []
    for t in doc:
        if t.is_space or "\n" in t.text:
            inside = False
        if t.text in ('"', "“", "”"):  # (single marks are apostrophes too)
            inside = t.text != "”" and (not inside or t.text == "“")
            out.append(False)
            continue
        out.append(inside)
        if "\n" in t.whitespace_:
            inside = False
    return out


def _points_back(tok: Token) -> bool:
    """Whether a noun's article or owner points back to ones named before ("the two", "their
    two", not "two diplomats": new people)."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)


def _latest_before(mentions: list, i: int, ok) -> "Mention | None":
    """The last of ``mentions`` that starts before token ``i`` and passes ``ok``, else None."""
    return max((m for m in mentions if m.start < i and ok(m)), key=lambda m: m.start, default=None)


def _argument_of_clause(doc: Doc, m: Mention) -> bool:
    """Whether the mention ``m`` is the subject or object of a clause (its phrase's noun is), not
    a name a phrase only mentions ("a visit to Lima", "by the Bolivian minister")."""
    return _phrase_noun(_mention_head(doc, m)).dep_ in _ARG_DEPS


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens ``start:end`` lie in a named entity that runs beyond them."""
    return doc[start].ent_iob_ == "I" or end < len(doc) and doc[end].ent_iob_ == "I"


def _mention_head(doc: Doc, m: Mention) -> Token:
    """The token that heads the mention ``m`` in the parse: the one whose head lies outside it (or
    is itself), else its last token."""
    return next((t for t in doc[m.start:m.end] if not m.start <= t.head.i < m.end or t.head.i == t.i),
                doc[m.end - 1])


def _set_in(tok: Token, arrival: bool = False) -> bool:
    """Whether a place's token sets what its sentence tells there: the object of a locative
    preposition ("in Bissau"), or whose is the place that is ("in Syria's Idlib province"), not
    under a verb of fleeing ("migrants fleeing turmoil in Venezuela": where they came from). With
    ``arrival``, also where something comes to ("families crossed into Pakistan")."""
    tok = _phrase_noun(tok)
    return tok.dep_ == "pobj" \
        and (tok.head.lower_ in word_list("setting_place_prepositions") or arrival and tok.head.lower_ == "into") \
        and not any(a.lemma_.lower() in word_list("flight_verbs") for a in tok.ancestors)


def _argument(tok: Token) -> bool:
    """Whether a name is, or is whose is, the subject or object of its clause ("Jordan closed",
    "Jordan's army closed"), not named in a phrase beside it ("talks hosted by Ethiopia")."""
    return _phrase_noun(tok).dep_ in _ARG_DEPS


def _phrase_noun(tok: Token) -> Token:
    """The noun a name's phrase stands on in its clause: the name, or the noun it owns or
    modifies ("Syria's" of "in Syria's Idlib province": "province")."""
    return tok.head if tok.dep_ in ("poss", "compound") and tok.head.i != tok.i else tok


def _for_whom(tok: Token, head: Token) -> bool:
    """Whether ``tok`` sits, within the phrase ``head`` heads, in a prepositional phrase that says
    whom it acts for or towards ("the UN envoy for Syria", "the envoy to Yemen"), not whose it is
    ("the foreign minister of Qatar")."""
    while tok.i != head.i:
        if tok.dep_ == "prep" and tok.lower_ != "of":
            return True
        tok = tok.head
    return False


def _expletive(tok: Token) -> bool:
    """Whether "it" stands for nothing, the clause after its verb being what is told
    (``expletive_verbs``): "it was not clear who fired" (a clause of the verb or its adjective),
    "it helps to recall how the war began" (no object: "it helped the rebels to regroup" is an
    act), "it was Kinshasa that failed" (a cleft)."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "expl"):
        return False
    h = tok.head
    if h.lemma_.lower() not in word_list("expletive_verbs") or any(c.dep_ in ("dobj", "dative") for c in h.children):
        return False
    after = [c for c in h.children if c.i > h.i]
    for x in (h, *(c for c in after if c.dep_ in ("acomp", "attr"))):
        if any(c.dep_ in ("ccomp", "csubj") and c.i > x.i and not any(a.dep_ == "aux" and a.lower_ == "to"
                                                                     for a in c.children) for c in x.children):
            return True  # (not "it helped the rebels to regroup", parsed as a clause of its own)
    if h.lemma_.lower() == "help" and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                     for a in c.children) for c in after):
        return True
    return any(c.dep_ == "attr" and any(r.dep_ == "relcl" and r.i > c.i for r in c.children) for c in after)


def _root_subject(sent: Span) -> Token | None:
    """The subject of ``sent``'s main clause (its root's), else None."""
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _previous_sentence_start(tok: Token) -> int:
    """Where the sentence before ``tok``'s begins (its own, for the first)."""
    return tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0


def _paragraph_start(tok: Token) -> int:
    """Where ``tok``'s paragraph begins: the first sentence after a line break."""
    doc, start = tok.doc, tok.sent.start
    while start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_:
        start = doc[start - 1].sent.start
    return start


def _previous_root_subject(doc: Doc, tok: Token) -> Token | None:
    """The main-clause subject of the sentence before ``tok``'s, when that sentence is in the same
    paragraph; else None."""
    if tok.sent.start == 0 or _previous_sentence_start(tok) < _paragraph_start(tok):
        return None
    return _root_subject(doc[tok.sent.start - 1].sent)


def _previous_government(doc: Doc, tok: Token, mentions: list, home: str | None = None,
                         title_words: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The state that (or whose government or another of its bodies) is the main subject of the
    sentence before ``tok``'s in its paragraph: "The government in Pristina rejected the criticism.
    Deputy Prime Minister Luan Berisha said ..." (Kosovo's, in a story from Belgrade); "Iran ...
    said it was following events. Foreign Ministry spokesman Hossein Rezaei-Far said ...".

    A ministry the title names too (``title_words``, the title's modifiers) is that state's even in
    the paragraph before, and even when that sentence also names the story's own state:
    "Venezuela's foreign ministry rejected the Guyanese note. / Anibal Contreras, a deputy foreign
    minister, accused Guyana ..." (Venezuela's, in a story from Georgetown)."""
    k = tok.sent.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1  # (the break between two paragraphs, a closing quotation mark the parser set apart)
    if k < 0:
        return None
    prev = doc[k].sent
    subj = _root_subject(prev)
    same_body = subj is not None and subj.lemma_.lower() in word_list("home_agents") and bool(
        set(title_words) & {c.lemma_.lower() for c in subj.children if c.dep_ in ("amod", "compound")})
    if prev.start < _paragraph_start(tok) and not same_body:
        return None
    found = _mention_at(mentions, subj, lambda m: m.kind == "State" and m.how != "pronoun"
                        and (m.how != "group" or m.sector in STATE_AGENT_SECTORS))
    if found is None:
        return None
    if home is not None and found.key != home and not same_body and any(
            m.key == home and m.how not in ("pronoun", "plural") for m in mentions if prev.start <= m.start < prev.end):
        return None  # ("Beijing lodged a protest with Jakarta. Foreign Minister Retno Marsudi ...": either's)
    return found.key


def _previous_subject_state(doc: Doc, tok: Token, mentions: list, home: str | None) -> "Mention | None":
    """The state other than the story's own that (by name or by pronoun) is the main subject of the
    sentence before ``tok``'s, in its paragraph; else None."""
    found = _mention_at(mentions, _previous_root_subject(doc, tok), lambda m: m.kind == "State")
    return found if found is not None and found.key != home else None


def _verb_of(tok: Token) -> Token:
    """The verb whose clause ``tok`` is in (:func:`~kg.events.syntax.clause_verb`), else the root of
    its sentence."""
    return clause_verb(tok) or tok.sent.root


def _conjunct_keys(mentions: list, tok: Token, own: str) -> list[str]:
    """Keys of the mentions at the conjuncts of ``tok`` ("Colombia, Peru and Argentina": Peru's and
    Argentina's for Colombia), other than ``own``."""
    found = (_mention_at(mentions, c, lambda mm: mm.how != "pronoun") for c in tok.conjuncts)
    return [m.key for m in found if m is not None and m.key != own]


_NAME_PREPS = ("of", "for", "on", "in", "to", "against")


def _name_head(name: str) -> tuple[str | None, set]:
    """The head noun of an organisation's name, lower-case, and its words: the last word before
    a preposition ("Ministry of Foreign Affairs": ministry; "Forces for Freedom and Change":
    forces), else the last word ("Transitional Military Council": council).

    >>> _name_head("the Law Society of Kenya")[0], _name_head("Transitional Military Council")[0]
    ('society', 'council')
    """
    words = [w.strip("'’.,()").lower() for w in name.split()]
    words = [w for w in words if w]
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return None, set()  # an acronym or one word is no description's head
    cut = next((k for k, w in enumerate(words) if w in _NAME_PREPS and k > 0), len(words))
    head = words[cut - 1]
    return (head if head not in ("the",) else None), set(words)


def _other_heads(name: str) -> set:
    """The words of ``data/syntax/body_heads.txt`` a name answers to besides its head ("the army"
    for "the Sudanese Armed Forces")."""
    low = f" {name.lower()} "
    out = set()
    for line in word_list("body_heads"):
        word, _, phrases = line.partition("=")
        if any(f" {p.strip()} " in low for p in phrases.split("|") if p.strip()):
            out.add(word.strip())
    return out


def _acting(tok: Token, counts: frozenset[str]) -> bool:
    """Whether a noun is the subject of its clause, the doer a "by" names, or what a subject counts
    ("thousands of protesters marched")."""
    if tok.dep_ == "nsubj":
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "by" and (head.dep_ == "agent" or head.head.pos_ == "NOUN"):
        return True  # "the building was stormed by protesters", "road blockades by students"
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "nsubj" \
        and head.head.lemma_.lower() in counts


def _collective(tok: Token) -> bool:
    """Whether ``tok`` is a singular noun naming a group of a society (``collective_nouns``: "the
    opposition", "opposition lawmakers"), not a word that describes a name ("the opposition PAN")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lemma_.lower() in word_list("collective_nouns") \
        and not (tok.dep_ in ("compound", "amod") and tok.head.pos_ == "PROPN") \
        and not (nxt is not None and nxt.pos_ == "PROPN" and (nxt.is_title or nxt.is_upper))


def _people_acted_on(tok: Token) -> str | None:
    """How a count of people or "people" stands to the crowd a story tells of: "protested" when a
    clause of its own says they protested ("detained 100 people who joined the protests"), "told"
    when forces act on them (``crackdown_verbs``: "police detained hundreds", "fired tear gas at 300
    people"), else None."""
    low = tok.lemma_.lower()
    if low not in ("people", "person") and low not in word_list("people_counts"):
        return None
    counted = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if counted and not any(o.lemma_.lower() in ("people", "person") or o.lemma_.lower() in word_list("crowd_nouns")
                           for o in counted):
        return None  # ("hundreds of strikes", "dozens of drones": not people)
    words = word_list("protest_words")
    if any(c.dep_ == "relcl" and (c.lemma_.lower() in words or any(
            o.lemma_.lower() in words | word_list("crowd_nouns") for o in c.subtree if o.dep_ in ("dobj", "pobj")))
           for c in tok.children):
        return "protested"
    head, verb = tok.head, None
    if tok.dep_ in ("dobj", "nsubjpass"):
        verb = head
    elif tok.dep_ == "pobj" and head.lower_ in ("at", "on", "against"):
        verb = head.head
    elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "nsubjpass"):
        verb = head.head.head
    return "told" if verb is not None and verb.lemma_.lower() in word_list("crackdown_verbs") else None


def _head_match(tok: Token, mod_tokens: list, by_head: dict) -> "Mention | None":
    """The organisation a definite description refers back to by its name's head noun ("the
    council", "the military council"), when nothing else in the phrase says whose it is and just
    one organisation named so far fits it."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in by_head:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in _NAME_PREPS
           and any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
        return None  # "its council", "the council of elders": another body (not "accused the
        # council of lying")
    named = [(m, words) for m, words in by_head[tok.lower_] if all(t.lower_ in words for t in mod_tokens)]
    if len({m.key for m, _ in named}) != 1:
        return None  # none fits ("the security council" after "the Military Council"), or two do
    return named[-1][0]


class ActorRecognizer:
    """Find actor mentions in a Doc and resolve them to one actor each (see module docs)."""

    def __init__(self, nlp: Language, name: str = "gpol_actors", gazetteer: Gazetteer | None = None):
        register_extensions()
        self.name = name
        self.gaz = gazetteer or Gazetteer.load()
        # the words of office titles ("supreme", "leader"): no words of a name
        self.role_words = frozenset(w for r in self.gaz.role_titles() for w in r.split())

    # ------------------------------------------------------------------ helpers
    def _entry_actor(self, e: Entry) -> Actor:
        return actor_from_entry(e, self.gaz)

    def _ensure(self, actors: dict, key: str, kind: str, label: str) -> Actor:
        if key not in actors:
            e = self.gaz.get(key)
            actors[key] = self._entry_actor(e) if e else Actor(key=key, kind=kind, label=label)
        return actors[key]

    def _lookup(self, text: str, kinds=("State", "Organization", "Person")) -> Entry | None:
        for e in self.gaz.lookup(_strip_possessive(text)):
            if e.kind in kinds:
                return e
        return None

    def _unowned_ministry(self, span: Span) -> bool:
        """Whether an organisation's name is a ministry's that names no state ("the Ministry of
        External Affairs", "the Defence Ministry", "the Department of Foreign Affairs";
        ``data/syntax/ministry_nouns.txt``): a state's organ, which the description pass
        gives to the state the story or the sentence says."""
        if span.root.lemma_.lower() not in word_list("ministry_nouns"):
            return False
        return not any(t.pos_ in ("PROPN", "ADJ") and self._state_of(t.doc[t.i:t.i + 1]) for t in span)

    def _state_of(self, span: Span) -> Entry | None:
        """The state a demonym, country name or capital/metonym stands for."""
        text = _strip_possessive(span.text)
        return (self.gaz.state_for_demonym(text) or self.gaz.state_for_metonym(text)
                or self._lookup(text, ("State",)))

    def _forces_of(self, span: Span) -> Entry | None:
        """The state whose forces, police or government a name says it is: "<agents> of [the]
        <state>" ("the Armed Forces of the Philippines", "the National Police of Colombia"); None
        for any other name ("the Islamic Army of Iraq", "the Government of National Unity").

        >>> from kg.nlp import load_pipeline
        >>> doc = load_pipeline(coder="rules")("The National Police of Colombia accused the ELN.")
        >>> doc._.gpol_actors["national-police-of-colombia"].affiliation
        'colombia'
        """
        doc = span.doc
        of = next((t for t in span if t.lower_ == "of"), None)
        if of is None or of.i == span.start or of.i + 1 >= span.end \
                or not self.gaz.state_agent(self.gaz.sector(_bare_name(doc[span.start:of.i].text).lower())):
            return None
        start = of.i + 1 + (doc[of.i + 1].lower_ == "the")
        state = self._state_of(doc[start:span.end]) if start < span.end else None
        return state if state is not None and state.kind == "State" else None

    @staticmethod
    def _is_locative(span: Span) -> bool:
        head = span.root.head
        if span.root.dep_ == "pobj" and head.lower_ in word_list("setting_place_prepositions") and head.i < span.start:
            return True
        # "In Tehran, Heshmatollah Falahatpisheh, who heads ..., called": the parser may make the
        # town after an opening "In" the subject and the person joined to it
        before = span.doc[span.start - 1] if span.start > 0 else None
        return before is not None and before.lower_ in word_list("setting_place_prepositions") and before.dep_ == "prep" \
            and before.is_sent_start and span.root.dep_ in ("nsubj", "nsubjpass") \
            and span.end < len(span.doc) and span.doc[span.end].text == ","

    @staticmethod
    def _seat_of_rule(span: Span) -> bool:
        """A capital after "in" that says whose rulers: "the authorities in Damascus", "the
        government in Kabul" (the state, where "talks in Damascus" is the city)."""
        prep = span.root.head
        before = span.doc[prep.i - 1] if prep.i > 0 else prep
        # (the parser may hang "in Damascus" on the verb of "met the authorities in Damascus")
        return prep.lower_ == "in" and any(t.pos_ == "NOUN" and t.lemma_.lower() in name_words("ruling_nouns")
                                           for t in (prep.head, before))

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        toks = list(doc)  # (the passes over the document share one token object per word)
        actors: dict[str, Actor] = {}
        mentions: list[Mention] = []
        places: dict[int, str] = {}
        taken = [False] * len(doc)

        def add(start, end, key, kind, how, sector=None, label=None):
            if any(taken[start:end]):
                return None
            for i in range(start, end):
                taken[i] = True
            text = _strip_possessive(doc[start:end].text)
            actor = self._ensure(actors, key, kind, label or text)
            if how in ("gazetteer", "ner", "name-part") and text:
                actor.alt_labels.add(text)
            m = Mention(start, end, key, actor.kind, text, sector, how)
            mentions.append(m)
            actor.mentions.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
            return m

        for start, end in _media_names(doc):
            for i in range(start, end):   # "the Saudi Press Agency reported": a source, and no Saudi
                taken[i] = True
        for i in _clock_zones(doc):  # "12:50 CAT -": a live page's timestamp
            taken[i] = True
        # "the Iran-backed group": a backer, not the group; "Iranian-made drones": no one's act
        backers = set(_backers(doc, self._party_noun)) | set(_makers(doc))
        for i in backers:
            taken[i] = True
        ents = list(doc.ents)
        persons = self._person_spans(doc, ents)

        # 1. full person names (two or more tokens) and gazetteer persons
        name_parts: dict[str, str] = {}
        # a single name that is part of a full name in this Doc is that person, whoever else the
        # gazetteer knows by it ("General Michel Aoun ... the enclave Aoun controls")
        in_full = {_strip_possessive(t.text) for span in persons if len(span) > 1 for t in span
                   if t.is_title and not (t.i > span.start and doc[t.i - 1].lower_ in PATRONYMIC)}
        for span in persons:
            if len(span) == 1 and _strip_possessive(span.text) in in_full:
                continue
            e = self._lookup(span.text, ("Person",))
            if e is None and len(span) == 1 and span.start > 0 and _title_word(doc[span.start - 1]):
                # "King Salman", "Pope Leo": a one-word name the gazetteer knows with its title
                e = self._lookup(f"{doc[span.start - 1].text} {span.text}", ("Person",))
            what = non_person_kind(_strip_possessive(span.text), self.gaz) if e is None else None
            if what in ("media", "other"):   # "Hawar reported": a source; "the Langkawi Dialogue"
                for i in range(span.start, span.end):
                    taken[i] = True
                continue
            if what == "place":   # "Ain Issa", "Trump Tower", "the Oval Office"
                places[span.root.i] = _strip_possessive(span.text)
                continue
            if what == "organisation":   # "Ahrar al-Sham", "Jaish al-Islam"
                name = _strip_possessive(span.text)
                org = self._lookup(name, ("Organization",))
                if org is not None or len(span) > 1:
                    add(span.start, span.end, org.key if org else slugify(name), "Organization",
                        "gazetteer" if org else "ner", label=org.label if org else name)
                continue
            if e is None and len(span) == 1:
                continue  # single names are resolved in step 3
            if e is None and self._named_place(span.root):
                places[span.root.i] = _strip_possessive(span.text)  # "the town of Adan Yabaal"
                continue
            if e is None and span.end < len(doc) and span.root.dep_ == "compound" and span.root.head.i == span.end \
                    and doc[span.end].lower_ in name_words("place_words", "last"):
                for i in range(span.start, span.end):  # "Chile's Juan Fernandez archipelago": a
                    taken[i] = True                    # place the name is part of, no one of it
                continue
            key = e.key if e else slugify(_strip_possessive(span.text))
            m = add(span.start, span.end, key, "Person", "gazetteer" if e else "ner",
                    label=None if e else _strip_possessive(span.text))
            if m is None:
                continue
            actor = actors[key]
            if len(_strip_possessive(span.text).split()) > len(actor.label.split()) and not e:
                actor.label = _strip_possessive(span.text)
            for tok in span:
                if (tok.is_title or tok.is_upper) and not (tok.i > span.start and doc[tok.i - 1].lower_ in PATRONYMIC):
                    # (not "Salman" of "Mohammed bin Salman": his father's name; "King Salman" is another)
                    name_parts.setdefault(_strip_possessive(tok.text), key)
            for alias in (self.gaz.get(key).aliases if self.gaz.get(key) else ()):
                if len(alias.split()) == 1:
                    name_parts.setdefault(alias, key)
            self._titles(doc, span, actor, actors)

        # 1a. names the text gives a person: "Ismael Zambada, known as El Mayo" ... "El Mayo"
        for start, end, key in self._nicknames(doc, [m for m in mentions if m.kind == "Person"]):
            alias = [t.text for t in doc[start:end]]
            for i in range(len(doc) - len(alias) + 1):
                if [t.text for t in doc[i:i + len(alias)]] == alias:
                    add(i, i + len(alias), key, "Person", "name-part")
            if len(alias) == 1:
                name_parts.setdefault(_strip_possessive(alias[0]), key)

        # 1b. a people living in another state: "ethnic Albanians in south Serbia", "Iraqi Kurds"
        for tok in toks:
            if taken[tok.i] or tok.tag_ not in ("NNPS", "NNS") or not tok.is_title:
                continue
            found = self._minority(doc, tok)
            if found is not None:
                state, start = found
                ga = group_actor(state, tok.text, self.gaz.sector_code("civilians"))
                ga = actors.setdefault(ga.key, ga)
                m = add(start, tok.i + 1, ga.key, ga.kind, "group", sector="civilians")
                if m is not None:
                    ga.alt_labels.add(doc[start:tok.i + 1].text)
                    self._ensure(actors, state.key, state.kind, state.label)

        # acronyms the text defines: "the Democratic Union Party (PYD)" ... "the PYD said"
        defined = _defined_acronyms(doc, ents)
        acronyms = dict(defined)
        # and those that are the initials of an organisation the text names: "the Kurdistan
        # Democratic Party" ... "the KDP"
        for span in ents:
            if span.label_ == "ORG" and (acr := initialism(_strip_possessive(span.text))) is not None \
                    and (_POLITICAL_ORG.search(span.text) or _org_headed(span)):
                acronyms.setdefault(acr, _bare_name(_strip_possessive(span.text)))

        def acronym_actor(acr: str) -> tuple[str, str, str | None] | None:
            """(key, kind, label) of the organisation an acronym of the text stands for."""
            long = acronyms.get(acr)
            if long is None or acr not in defined and self._lookup(acr, ("Organization", "State")) is not None:
                return None  # (an acronym the text defines is its own: "the Regiment of Presidential
                # Security (RSP)" is not the gazetteer's Nepalese RSP)
            entry = self._lookup(long, ("Organization", "State"))
            if entry is not None:
                return entry.key, entry.kind, None
            key = slugify(long)
            return (key, actors[key].kind, long) if key in actors else None

        # 2. states, organisations, places
        for span in ents:
            if any(taken[span.start:span.end]):
                continue
            label = span.label_
            text = _strip_possessive(span.text)
            if not text:
                continue
            if text in defined and (known := acronym_actor(text)) is not None:
                add(span.start, span.end, known[0], known[1], "ner", label=known[2])
                continue
            if label in ("GPE", "NORP", "LOC", "FAC") or span.ent_id_:
                entry = self.gaz.get(span.ent_id_) if span.ent_id_ else None
                if entry is None and label in ("GPE", "NORP", "FAC", "LOC"):
                    entry = self._state_of(span)
                if entry is None and label in ("GPE", "LOC", "FAC"):
                    entry = self._lookup(text, ("Organization",))
                if entry is not None and entry.kind == "Person":
                    continue
                if entry is None:
                    if label in ("GPE", "LOC", "FAC"):
                        places[span.root.i] = text
                    continue
                if entry.kind == "State" and label in ("GPE", "FAC", "LOC") and self._is_locative(span) \
                        and self.gaz.state_for_metonym(text) is not None and not self._seat_of_rule(span):
                    places[span.root.i] = text  # "in Beijing", "at the Kremlin": a place here
                    continue
                if entry.kind == "Organization" and not self._seat_of_rule(span) \
                        and (self._is_locative(span) or (span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN")) \
                        and not text.isupper() and self.gaz.state_for_place(text) is not None:
                    # a body named by its seat ("Brussels" for the EU) told as the town: "a metro
                    # station in Brussels", "attacked Brussels airport" (Belgium)
                    places[span.root.i] = text
                    continue
                add(span.start, span.end, entry.key, entry.kind,
                    "gazetteer", label=entry.label)
            elif label == "ORG":
                if len(span) > 1 and span[0].tag_ == "PRP$":
                    # "Its Regional Centre for Preventive Diplomacy": the pronoun is whose, not the name
                    span = doc[span.start + 1:span.end]
                    text = _strip_possessive(span.text)
                owner = next((t for t in span[:-1] if t.tag_ == "POS"), None)
                if owner is not None and owner.i > span.start:
                    # "Bolsonaro's Liberal Party": the owner is named on its own (a person, a state)
                    span = doc[owner.i + 1:span.end]
                    text = _strip_possessive(span.text)
                if is_media(text):
                    continue  # "Reuters", "the Anadolu Agency": sources, no actors
                if (known := acronym_actor(text)) is not None:
                    add(span.start, span.end, known[0], known[1], "ner", label=known[2])
                    continue
                entry = self._lookup(text, ("Organization", "State"))
                name = _bare_name(text)
                last_word_of = None
                if entry is None and len(span) == 1 and span[0].is_title:
                    # "Iran's Revolutionary Guards ... The Guards said": the last word of the one
                    # organisation named before by a longer name
                    named = {m.key for m in mentions if m.kind == "Organization" and m.end - m.start > 1
                             and normalize_name(doc[m.end - 1].text) == normalize_name(text)}
                    last_word_of = named.pop() if len(named) == 1 else None
                if entry:
                    add(span.start, span.end, entry.key, entry.kind, "gazetteer")
                elif last_word_of is not None:
                    add(span.start, span.end, last_word_of, "Organization", "name-part")
                elif text in name_parts:
                    continue  # a surname the model took for an organisation: step 3
                elif (self._named_place(span.root) or self._is_locative(span) or span.root.dep_ in ("pobj", "dobj")) \
                        and self.gaz.locate(text) is not None:
                    # ("strikes on Kharkiv", "shelled Goma": a town as an object the model tagged an organisation)
                    places[span.root.i] = text  # "the city of El Fasher", "in Bukavu" tagged as an organisation
                    continue
                elif text.islower() or self.gaz.sector(name.lower()) or _capital_of_the_sentence(span) \
                        or self._unowned_ministry(span):
                    continue  # "the Army", "defence ministry", "Security forces", "the Ministry of
                    # External Affairs": whose, the phrase does not say
                elif len(span) > 1 and span[-1].lower_ in name_words("place_words", "last") \
                        and span[-1].lower_ not in _BODY_PLACE_WORDS and not _org_headed(span):
                    places[span.root.i] = name   # "the Union Buildings", "Trump Tower": a building
                    continue
                elif self._named_group(span) and not text.isupper() and not _POLITICAL_ORG.search(text) \
                        and self.gaz.locate(text) is not None:
                    places[span.root.i] = text  # "Borno militants": a group of the region's state
                    continue
                elif (_POLITICAL_ORG.search(text) and len(text) > 3) or self._named_group(span) \
                        or slugify(name) in actors or _org_headed(span) or name in acronyms.values() \
                        or self._described_as_body(span):
                    # ("the ELN guerrilla group" ... "Petro accused the ELN": the same group)
                    m = add(span.start, span.end, slugify(name), "Organization", "ner", label=name)
                    owner = next((c for c in span.root.children if c.dep_ == "poss" and c.i < span.start), None)
                    if m is not None and not actors[m.key].affiliation:
                        # "Haiti's Transitional Presidential Council" acts for Haiti, "the Armed
                        # Forces of the Philippines" for the Philippines
                        st = self._state_of(doc[owner.left_edge.i:owner.i + 1]) if owner is not None \
                            else self._forces_of(span)
                        if st is not None and st.kind == "State":
                            self._ensure(actors, st.key, st.kind, st.label)
                            actors[m.key].affiliation = st.key

        # 2b. acronyms the model missed, named as a group: "the ELN guerrilla group", "PKK militants"
        for tok in toks:
            if taken[tok.i] or tok.ent_type_ not in ("", "ORG") or not tok.is_upper or len(tok) < 2 \
                    or tok.pos_ != "PROPN" and not (tok.pos_ == "NOUN" and tok.text in acronyms):
                continue  # (an acronym the text defined may be tagged as a common noun: "FACT said")
            h, group = tok, False
            while h.dep_ in ("compound", "nmod", "amod") and h.head.i != h.i and h.head.pos_ in ("NOUN", "PROPN"):
                h = h.head
                if h.pos_ == "NOUN" and self.gaz.sector(h.lemma_.lower()):
                    group = True
                    break
            if (known := acronym_actor(tok.text)) is not None:   # "the PYD said", defined before
                add(tok.i, tok.i + 1, known[0], known[1], "ner", label=known[2])
                continue
            if group or slugify(tok.text) in actors:  # (then "Petro accused the ELN": the same group)
                e = self._lookup(tok.text, ("Organization", "State"))
                add(tok.i, tok.i + 1, e.key if e else slugify(tok.text), e.kind if e else "Organization",
                    "gazetteer" if e else "ner", label=None if e else tok.text)

        # 3. single names: surnames of people named in full elsewhere in the Doc, then the gazetteer
        for tok in toks:
            if taken[tok.i] or not tok.is_title:
                continue
            word = _strip_possessive(tok.text)
            if not (tok.pos_ == "PROPN" or tok.ent_type_) and not (
                    word in name_parts and tok.pos_ in ("NOUN", "ADJ") and tok.dep_ not in ("compound", "amod")):
                continue   # ("Starmer, asked about it, said": a surname of the story the tagger read as a noun)
            if _title_word(tok) or self.gaz.role(tok.lower_):
                continue  # "President" left over from "President Xi Jinping", "Patron"
            key = name_parts.get(word)
            if key is None and not tok.ent_type_ and tok.dep_ in ("nsubj", "nsubjpass"):
                # "Modi spoke by phone with Putin": a surname the model did not tag, as the subject
                cands = self.gaz.surnames().get(normalize_name(word), [])
                key = cands[0].key if len(cands) == 1 else None
            what = non_person_kind(word, self.gaz) if key is None and tok.ent_type_ == "PERSON" else None
            if what == "place" and _titled(doc, tok, self.gaz):
                what = None   # "President Obama" (Obama is also a town in Japan)
            if what is not None:
                if what == "place" and (slot := self._place_slot(tok)) is not None:
                    places[slot.i] = word   # "fighting in Manbij"
                org = self._lookup(word, ("Organization",)) if what == "organisation" else None
                if org is not None:
                    add(tok.i, tok.i + 1, org.key, "Organization", "gazetteer")
                continue   # ("Hawar", "Labour": a source, a party of no one state)
            if key is None and tok.ent_type_ == "PERSON":
                cands = list(self.gaz.surnames().get(normalize_name(word), []))
                said = self.gaz.role(doc[tok.i - 1].lower_) if tok.i > 0 else None
                if said is not None:   # "President Lee" is no senior minister of that name
                    # (a former holder has no role: "former President Obama")
                    cands = [c for c in cands if not c.role or _roles_compatible(said, c.role)]
                if len(cands) == 1:
                    key = cands[0].key
                elif not cands and self.gaz.state_for_place(word) is None and not self._named_place(tok) \
                        and (tok.dep_ in ("nsubj", "nsubjpass") or _titled(doc, tok, self.gaz)
                             or tok.i > 0 and _title_word(doc[tok.i - 1]) and doc[tok.i - 1].ent_type_ == "PERSON"):
                    # a name never given in full: a person as the one who acts or speaks ("Hemedti
                    # said") or after a title ("President Obama", "Sheikh Hasina"), not as a bare
                    # object ("entered Bukavu"); later, the name alone is that person
                    key = slugify(word)
                    name_parts.setdefault(word, key)
                elif not cands and (slot := self._place_slot(tok)) is not None and self.gaz.locate(word) is not None:
                    places[slot.i] = word  # "M23 rebels entered Bukavu": a town the model took for a person
            elif key is None and not tok.ent_type_ and (slot := self._place_slot(tok)) is not None \
                    and not any(c.dep_ == "compound" for c in tok.children) and self.gaz.locate(word) is not None:
                places[slot.i] = word  # "strikes on Kharkiv": a town the model did not tag
            if key and self._inside_other_name(doc, tok, actors.get(key), taken):
                continue   # "Yair" of "Yair Lapid" is not Yair Netanyahu, "Zayed" of "Zayed Grand Mosque"
            if key:
                add(tok.i, tok.i + 1, key, "Person", "name-part", label=word)

        # 4. a leader's government: "the Trump administration", "the Assad regime" are the state
        self._leaders_governments(doc, actors, mentions, taken, add)

        # 5. the story's own state; descriptions: "North Korea's top diplomat", "the Turkish
        # president", "North Korean troops", "the army"
        home = self._own_state(doc, mentions, places)
        if doc._.gpol_home is not None:
            doc._.gpol_home = home  # (the events read it too: "the city", "soldiers detained")
        self._descriptions(doc, toks, actors, mentions, taken, add, places, home, backers)
        self._title_owners(doc, actors, mentions, places, home)

        mentions.sort(key=lambda m: m.start)
        doc._.gpol_mentions = mentions
        doc._.gpol_actors = actors
        doc._.gpol_places = places
        return doc

    def _party_noun(self, tok: Token) -> bool:
        """Whether a noun can name a party: a name, a body or group ("group", "militia", "forces",
        "government"), not a thing ("radar", "programme")."""
        low = tok.lemma_.lower()
        return tok.pos_ == "PROPN" or low in word_list("organisation_anaphors") or low in word_list("home_agents") \
            or self.gaz.sector(low) is not None

    def _title_owners(self, doc: Doc, actors: dict, mentions: list, places: dict[int, str] | None,
                      home: str | None) -> None:
        """A person whose title's owner only a pronoun or a bare agency names ("Its spokesman,
        Abdul Wahid Sharifi", "the ministry's spokesman, X") acts for what it stands for, once the
        description pass has read it (a name's own title is read before: :meth:`_titles`); one
        whose title names a state's agency or a ministry but no state ("foreign ministry spokesman
        Khalid al-Mannai told reporters in Doha", "Interior Minister Tariq Mehmood") for the state
        the clause (or its paragraph) is set in, else the state whose government the sentence before
        was about, else the story's own, as "a ministry spokesman" does."""
        by_start = {m.start: m for m in mentions}
        agencies, mouthpieces = word_list("home_agents"), word_list("mouthpiece_nouns")
        for m in mentions:
            actor = actors.get(m.key)
            if m.kind != "Person" or actor is None or actor.affiliation or m.how not in ("gazetteer", "ner"):
                continue
            root = _mention_head(doc, m)
            titles = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
            for title in titles:
                poss = next((c for c in title.children if c.dep_ == "poss"), None)
                owner = by_start.get(poss.i) if poss is not None else None
                if owner is not None and owner.how in ("pronoun", "group") and owner.kind in ("State", "Organization") \
                        and self.gaz.role(title.lemma_.lower()) is not None:
                    actor.affiliation = acting_for(owner.key, self.gaz)
                    break
            if actor.affiliation or not actor.role:
                continue
            # (the compounds right before the name, each on a later word: "Army spokesman Colonel X")
            before = []
            for t in reversed(doc[max(0, m.start - 4):m.start]):
                if t.dep_ != "compound" or not t.i < t.head.i < m.end:
                    break
                before.insert(0, t)
            if not before:
                # "A ministry spokesman, Mawlawi Hafizullah Zaheer, said": the title in apposition
                before = next(([*(c for c in t.children if c.dep_ == "compound"), t] for t in titles
                               if t.lemma_.lower() in mouthpieces | {"minister"}
                               and not any(c.dep_ in ("poss", "prep") for c in t.children)), [])
            words = {t.lemma_.lower() for t in before}
            if (words & agencies or "minister" in words) \
                    and not any(t.i in by_start or t.ent_type_ and t.ent_type_ != "ORG" for t in before):
                # (the small model may tag "Foreign Ministry" as an organisation's name: no owner's)
                # ("foreign ministry spokesman Khalid al-Mannai": a ministry, whose the title does not say)
                where = self._setting_state(_verb_of(root), mentions, places, anywhere=True)
                # (a title the small model tags as a name is the story's state's only on more evidence
                # than the story naming it most; not a tagged word that is itself an agency's or a
                # title's: "Army spokesman Colonel X")
                # (but a ministry's own name is no one else's: "Unification Ministry spokesperson X")
                ministry = any(t.ent_type_ == "ORG" and t.lemma_.lower() in word_list("ministry_nouns") for t in before)
                named = not ministry and any(t.ent_type_ and t.lemma_.lower() not in agencies
                                             and self.gaz.role(t.lemma_.lower()) is None for t in before)
                fallback = home if not named else None
                # (the title's own modifiers: "a deputy foreign minister")
                told = words | {c.lemma_.lower() for t in before for c in t.children if c.dep_ in ("amod", "compound")}
                state = where.key if where is not None else \
                    _previous_government(doc, root, mentions, home, told) or fallback
            elif words & mouthpieces and not any(t.i in by_start for t in before):
                # "The Chinese foreign ministry gave a different account. Spokesperson Zhao Minghui
                # said ...": a bare spokesman's title speaks for the state whose body the sentence
                # before was about (not the story's own state: whose, the title does not say)
                state = _previous_government(doc, root, mentions, home)
            else:
                continue
            if state is not None and (e := self.gaz.get(state)) is not None and e.kind == "State":
                self._ensure(actors, state, "State", e.label)
                actor.affiliation = state

    def _leaders_governments(self, doc: Doc, actors: dict, mentions: list, taken: list, add) -> None:
        """A person's name modifying a ruling noun is that person's state, not the person (coding
        rule R7: a government is its state): "The Trump administration imposed sanctions on Iran"
        is the United States acting, and no event reads Trump as an actor of the sentence.

        >>> from kg.nlp import load_pipeline
        >>> doc = load_pipeline()("The Obama administration expelled 35 Russian diplomats.")
        >>> [(m.text, m.key) for m in doc._.gpol_mentions][:1]
        [('Obama administration', 'united-states')]
        """
        for m in list(mentions):
            head = doc[m.end - 1]
            ruler = head.head
            if m.kind != "Person" or head.dep_ != "compound" or ruler.i != m.end \
                    or ruler.lemma_.lower() not in name_words("ruling_nouns"):
                continue
            person = actors.get(m.key)
            state = self.gaz.get(person.affiliation) if person is not None and person.affiliation else None
            if state is None or state.kind != "State" or taken[ruler.i]:
                continue
            # (the name still names the person, so the person keeps the name's span as one of
            # its mentions; no event reads it as the person)
            mentions.remove(m)
            for i in range(m.start, m.end):
                taken[i] = False
            add(m.start, ruler.i + 1, state.key, "State", "group", sector="government", label=state.label)

    @staticmethod
    def _nicknames(doc: Doc, persons: list[Mention]) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` of the names the text says a person is known by: "Rosângela da
        Silva, known as Janja", "Ismael Zambada, known as El Mayo", "Andrés López Beltrán, known
        to everyone in the party as Andy", "Mohamed Hamdan Dagalo, nicknamed Hemedti"."""
        out = []
        for m in persons:
            k = m.end + (1 if m.end < len(doc) and doc[m.end].text == "," else 0)
            if k >= len(doc):
                continue
            if doc[k].lower_ in ("also", "better", "widely", "popularly") and k + 1 < len(doc):
                k += 1
            if doc[k].lower_ == "known":
                rest = doc[k + 1:k + 8]
                as_ = next((t for t in rest if t.lower_ == "as"), None)
                if as_ is None or any(t.is_punct for t in doc[k + 1:as_.i]):
                    continue
                k = as_.i + 1
            elif doc[k].lower_ in ("nicknamed", "dubbed"):
                k += 1
            else:
                continue
            while k < len(doc) and doc[k].is_quote:
                k += 1
            end = k
            while end < len(doc) and end - k < 3 and doc[end].is_title and doc[end].pos_ in ("PROPN", "NOUN") \
                    and not doc[end].ent_type_ in ("GPE", "NORP", "DATE"):
                end += 1
            if end > k:
                out.append((k, end, m.key))
        return out

    @staticmethod
    def _inside_other_name(doc: Doc, tok: Token, actor: Actor | None, taken: list) -> bool:
        """Whether a name part stands beside other capitalised name words that are not of the
        person it would be: then it is part of another name ("Yair Lapid" beside Yair
        Netanyahu, "Bilawal Bhutto Zardari" beside Asif Ali Zardari)."""
        if actor is None:
            return False
        own = {normalize_name(w) for w in re.split(r"[\s-]+", actor.label)} | {
            normalize_name(w) for a in actor.alt_labels for w in re.split(r"[\s-]+", a)}

        def name_word(t: Token) -> bool:
            return not taken[t.i] and t.is_title and t.pos_ in ("PROPN", "NOUN") and not _title_word(t) \
                and not (t.is_sent_start and t.pos_ != "PROPN")

        run = []   # the capitalised words around the part ("Nelson Mandela Bay")
        j = tok.i - 1
        while j >= 0 and name_word(doc[j]):
            run.append(doc[j])
            j -= 1
        j = tok.i + 1
        while j < len(doc) and name_word(doc[j]):
            run.append(doc[j])
            j += 1
        return any(normalize_name(t.text) not in own for t in run)

    def _minority(self, doc: Doc, tok: Token) -> tuple[Entry, int] | None:
        """The state a people named by the plural ``tok`` lives in when the phrase places it in
        another state than its own: a state after "of" ("Albanians of southern Serbia") or after
        "in" for an ethnic group ("ethnic Albanians in Macedonia"), or a demonym before it ("Iraqi
        Kurds", "Bosnian Serbs"); with where the mention starts.

        A people with no state of its own ("Kurds") needs the demonym; a people of the state named
        ("Iraqi Iraqis") is none."""
        own = self.gaz.state_for_demonym(tok.text)
        if own is None and tok.ent_type_ != "NORP":
            return None
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and c.is_title:
                st = self.gaz.state_for_demonym(c.text)
                if st is not None and (own is None or st.key != own.key):
                    return st, c.i
        if own is None:
            return None
        ethnic = any(c.lower_ == "ethnic" for c in tok.children)
        for p in tok.children:
            # ("Americans in Venezuela" are citizens abroad: "in" needs "ethnic")
            if p.dep_ == "prep" and (p.lower_ == "of" or p.lower_ == "in" and ethnic):
                for o in p.children:
                    if o.dep_ == "pobj" and o.pos_ == "PROPN":
                        st = self._lookup(o.text, ("State",))
                        if st is not None and st.key != own.key:
                            return st, tok.i
        return None

    @staticmethod
    def _place_slot(tok: Token) -> Token | None:
        """Where a name stands as a place: an object ("entered Bukavu", "strikes on Kharkiv"), or
        the object a place noun it names heads ("in the Zaporizhzhia region"): that object."""
        if tok.dep_ in ("dobj", "pobj"):
            return tok
        if tok.dep_ == "compound" and tok.head.dep_ in ("dobj", "pobj") and tok.head.i != tok.i \
                and tok.head.lemma_.lower() in word_list("place_nouns"):
            return tok.head
        return None

    def _named_place(self, tok: Token) -> bool:
        """Whether a name is that of a place by its syntax: "the town of Adan Yabaal", "the city
        Goma", "in the province, Kivu" (a place noun of ``data/syntax/place_nouns.txt``)."""
        nouns = word_list("place_nouns")
        h = tok.head
        if tok.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in nouns:
            return True
        return tok.dep_ in ("appos", "compound") and h.lemma_.lower() in nouns

    def _allegiance(self, tok: Token, actors: dict, mentions: list) -> Actor | None:
        """The actor a state agent or armed group is said to fight for ("forces loyal to the LNA",
        "militias allied with the government", "troops loyal to President Kiir": his state), by
        ``data/syntax/allegiance_words.txt``; ``None`` when the phrase says none.

        >>> from kg.nlp import load_pipeline
        >>> doc = load_pipeline()("Forces loyal to the Libyan National Army shelled the airport.")
        >>> [(m.text, m.key) for m in doc._.gpol_mentions][0]
        ('Forces', 'lna')
        """
        if self.gaz.sector(tok.lemma_.lower()) is None:
            return None
        for c in tok.children:
            if c.dep_ not in ("amod", "acl") or c.lemma_.lower() not in word_list("allegiance_words"):
                continue
            for p in c.children:
                if p.dep_ != "prep" or p.lower_ not in ("to", "with"):
                    continue
                m = _mention_at(mentions, next((g for g in p.children if g.dep_ == "pobj"), None))
                actor = actors.get(m.key) if m is not None else None
                if actor is not None and actor.kind == "Person":
                    actor = actors.get(actor.affiliation) if actor.affiliation else None
                if actor is not None:
                    return actor
        return None

    def _described_as_body(self, span: Span) -> bool:
        """Whether an apposition says what kind of body a name is: "the Coordination Framework, a
        loose alliance of parties", "Tadamon, a coalition of unions" (a head noun of organisation
        names, ``data/gazetteer/org_heads.txt``, or of an armed or social group)."""

        def body(t: Token) -> bool:
            return t.pos_ == "NOUN" and (t.lemma_.lower() in org_heads()
                                          or bool(self.gaz.sector_group(self.gaz.sector(t.lemma_.lower()))))

        if any(ap.dep_ == "appos" and body(ap) for ap in span.root.children):
            return True
        # (the parser may attach the apposition elsewhere: read ", a loose alliance" as written)
        doc = span.doc
        if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ not in ("a", "an"):
            return False
        for t in doc[span.end + 2:span.end + 6]:
            if t.pos_ == "NOUN":
                return body(t)
            if t.pos_ not in ("ADJ", "ADV"):
                return False
        return False

    def _named_group(self, span: Span) -> bool:
        """An unknown organisation named as a group of people: "the ELN guerrilla group",
        "Tren de Aragua gang", "militants of JNIM", "Houthi fighters"."""
        heads = []
        for t in span:  # every word whose head is outside ("the" and "Aragua" of "the Tren de Aragua")
            if t.pos_ == "DET" or t.head.i in range(span.start, span.end):
                continue
            if t.dep_ in ("compound", "nmod", "amod"):
                heads.append(t.head)
            if t.dep_ == "pobj" and t.head.lower_ == "of":
                heads.append(t.head.head)
        return any(self.gaz.sector(h.lemma_.lower()) and h.pos_ == "NOUN" for h in heads)

    # ------------------------------------------------------------------ persons
    def _person_spans(self, doc: Doc, ents) -> list[Span]:
        """PERSON entities, repaired: extend a name over the capitalised name tokens the model cut off."""
        out = []
        for span in ents:
            known = self.gaz.get(span.ent_id_) if span.ent_id_ else None
            if span.label_ != "PERSON" and not (known and known.kind == "Person"):
                continue
            start, end = span.start, span.end
            # "Abdelrahim Hamdan" + "Dagalo": name words the model left out before the name
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and not doc[start - 1].ent_type_ and doc[start - 1].dep_ == "compound" \
                    and start <= doc[start - 1].head.i < end and not _title_word(doc[start - 1]) \
                    and doc[start - 1].lower_ not in self.role_words:   # ("Supreme Leader Ali Khamenei")
                start -= 1
            if start < span.start:
                # "Commissioner for Human Rights Michelle Bachelet", "Commissioner for Foreign Trade
                # Maria Lindgren": capitalised words after a preposition end an office's name
                j = start - 1
                while j >= 0 and doc[j].is_title and not doc[j].ent_type_:
                    j -= 1
                if j >= 0 and doc[j].pos_ == "ADP":
                    start = span.start
            # "President Xi Jinping": a leading title is a role, not part of the name
            while end - start > 1 and (_title_word(doc[start]) or not doc[start].is_alpha and not doc[start].is_title):
                start += 1   # ("Sec Def Mattis", "Lawyer Amal Clooney", "08:15 - Joseph")
            # "Choe Son" + "Hui": following PROPN tokens in the same compound chain belong to the name
            # ("Therese Kayikwamba" + "Wagner", even when a known name such as "Wagner" was tagged)
            grown = True
            while grown:
                grown = False
                if end + 1 < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end + 1].is_title \
                        and doc[end + 1].pos_ == "PROPN":
                    end += 2  # "Lula da Silva", "Ursula von der Leyen"
                    grown = True
                elif end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
                        and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end \
                        and doc[end].ent_type_ not in ("GPE", "DATE") \
                        and not (doc[end].ent_type_ == "NORP" and doc[end].ent_id_):
                    end += 1
                    grown = True
            quote = next((t.i for t in doc[start + 1:end] if t.is_quote), None)
            if quote is not None:
                end = quote   # 'Joaquín "El Chapo" Guzmán': the name before the nickname in quotes
            while end - start > 1 and (doc[end - 1].tag_ == "POS" or after_name(doc[end - 1].text)):
                end -= 1   # "Margaret Owen Patron": a job word after the name (not "Hun Sen"); "'s"
            hyphened = end - start >= 3 and doc[end - 2].text == "-" and not doc[end - 3].whitespace_ \
                and not doc[end - 2].whitespace_   # "Moon Jae-in": "in" is a syllable of the name
            if doc[end - 1].lower_ in _FRAGMENT_ENDS and not hyphened:
                continue   # "Revolutionary Armed Forces of": a name cut off, no person
            out.append(doc[start:end])
        out += self._place_named_persons(doc, out)
        out += self._mislabelled_persons(doc, ents, out)
        return out + self._untagged_persons(doc, out)

    def _untagged_persons(self, doc: Doc, persons: list[Span]) -> list[Span]:
        """Names of people the model tagged as nothing, right after a role word that heads them
        ("ministry spokesperson Le Quang Vinh told"): two to four capitalised name words, none of
        them tagged, with no word of a place, body or outlet, unknown to the gazetteer."""
        taken = {i for s in persons for i in range(s.start, s.end)}
        out = []
        for role in doc[:-2]:
            if role.lower_ not in self.role_words or role.pos_ not in ("NOUN", "PROPN") or role.ent_type_:
                continue
            end = role.i + 1
            while end < len(doc) and end - role.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                    and doc[end].is_alpha and not doc[end].ent_type_ and end not in taken \
                    and not _title_word(doc[end]) and doc[end].lower_ not in self.role_words:
                end += 1
            words = doc[role.i + 1:end]
            if not 2 <= len(words) <= 4 or end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" \
                    or not (role.dep_ == "compound" and words.start <= role.head.i < words.end):
                continue
            if not self._plain_name(words, strict=True):
                continue
            out.append(words)
        return out

    def _plain_name(self, words, strict: bool = False) -> bool:
        """Whether the capitalised ``words`` can be a person's name: unknown to the gazetteer as a
        whole, no word of a place, body or outlet (:func:`non_person_kind` tells outlets,
        programmes, parties and places by their first or last word), and no word the gazetteer
        knows as anything but a person (with ``strict``, as anything at all)."""
        text = " ".join(t.text for t in words)
        return not (self.gaz.lookup(text) or _POLITICAL_ORG.search(text) or non_person_kind(text, self.gaz)
                    or any(t.lower_ in name_words("place_words", "last") or t.lower_ in name_words("place_words", "first")
                           or t.lower_ in org_heads() for t in words)
                    or any(e.kind != "Person" or strict for t in words for e in self.gaz.lookup(t.text)))

    def _mislabelled_persons(self, doc: Doc, ents, persons: list[Span]) -> list[Span]:
        """Names of people the model tagged as something else ("María Corina Machado" as an
        organisation, "Bilawal Bhutto Zardari" as a work of art): two to four capitalised name
        words (with a particle: "Staffan de Mistura") with no word of a place, body or outlet,
        unknown to the gazetteer, which a role word introduces ("UN envoy Staffan de Mistura") or
        one of which the text also uses alone as a name ("Machado said")."""
        taken = {i for s in persons for i in range(s.start, s.end)}
        out = []
        for span in ents:
            if span.label_ not in ("ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW") \
                    or not 2 <= len(span) <= 4 or any(t.i in taken for t in span):
                continue
            words = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
            if len(words) < 2 or not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha
                                         or 0 < k < len(words) - 1 and t.lower_ in _NAME_PARTICLES
                                         for k, t in enumerate(words)):
                continue  # ("Staffan de Mistura": a particle inside the name)
            if not self._plain_name(words):
                continue
            names = {t.text for t in words if t.is_title}
            same = {i for e in ents if e.text == span.text for i in range(e.start, e.end)}
            before = doc[span.start - 1] if span.start > 0 else None
            # "UN envoy Staffan de Mistura": a role word in front names a person
            titled = before is not None and before.lower_ in self.role_words and before.dep_ == "compound" \
                and span.start <= before.head.i < span.end
            if not titled and before is not None and before.text == "," and words[0].i == span.start \
                    and span.start >= 2:
                # "The UN envoy for Western Sahara, Staffan de Mistura, visited": set off after a
                # role noun's phrase (the parser may hang the name off the phrase's last word)
                last = doc[span.start - 2]
                role = next((t for t in (last, *last.ancestors) if t.lower_ in self.role_words
                             and t.pos_ == "NOUN"), None)
                titled = role is not None and role.i <= last.i and span.start - role.i <= 8
            if titled or any(t.text in names and t.i not in same and t.pos_ in ("PROPN", "NOUN") and t.is_title
                             and not (t.i > 0 and doc[t.i - 1].is_title and not doc[t.i - 1].is_sent_start)
                             and not (t.i + 1 < len(doc) and doc[t.i + 1].is_title) for t in doc):
                out.append(doc[words[0].i:span.end])
        return out

    def _place_named_persons(self, doc: Doc, persons: list[Span]) -> list[Span]:
        """Names whose first name the model took for a place: "Jordan Bardella", "Israel Katz",
        where the second word is an untagged name the text also uses alone ("Bardella said")."""
        taken = {i for s in persons for i in range(s.start, s.end)}
        pairs = [(a, doc[a.i + 1]) for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP") and e.end < len(doc)
                 for a in (doc[e.end - 1],)]
        pairs = [(a, b) for a, b in pairs if a.dep_ == "compound" and a.head.i == b.i and a.i not in taken
                 and b.i not in taken and a.is_title and b.is_title and b.pos_ == "PROPN"
                 and b.ent_type_ in ("", "PERSON")]
        # (a word the text holds once is never also alone: no need to read the document for it)
        pairs = [(a, b) for a, b in pairs if doc.text.count(b.text) > 1]
        if not pairs:
            return []
        wanted = {b.text for _, b in pairs}
        alone = {t.text for t in doc if t.text in wanted and t.pos_ == "PROPN" and t.is_title
                 and not (t.i > 0 and doc[t.i - 1].ent_type_ in ("GPE", "LOC", "NORP") and doc[t.i - 1].head.i == t.i)}
        out = []
        for a, b in pairs:
            if b.text not in alone:
                continue
            if a.i + 2 < len(doc) and doc[a.i + 2].pos_ == "PROPN" and doc[a.i + 2].is_title:
                continue   # a longer name ("Jordan Valley Authority"): not two words of a person
            if self.gaz.lookup(b.text) or self.gaz.locate(b.text) is not None \
                    or self.gaz.lookup(f"{a.text} {b.text}") or non_person_kind(f"{a.text} {b.text}", self.gaz):
                continue
            out.append(doc[a.i:b.i + 1])
        return out

    def _titles(self, doc: Doc, span: Span, actor: Actor, actors: dict) -> None:
        """Role and affiliation from a title before the name or an apposition after it."""
        subtree = {t.i for t in span.root.subtree}
        left = []
        i = span.start - 1
        while i >= 0 and i in subtree and doc[i].dep_ != "punct":
            left.insert(0, doc[i])
            i -= 1
        words = [t for t in left]
        appos = [c for c in span.root.children if c.dep_ == "appos"] + \
                ([span.root.head] if span.root.dep_ == "appos" else [])
        mouthpieces = word_list("mouthpiece_nouns")
        for ap in appos:
            prep = ap.head if ap.i == span.root.head.i and ap.dep_ == "pobj" else None
            if prep is not None and prep.dep_ == "prep" and prep.lower_ != "of" and prep.head.pos_ == "NOUN" \
                    and prep.head.lemma_.lower() not in mouthpieces:
                # "The EU's envoy for Kosovo, X": the parser hangs the name on the phrase that says
                # whom the office is for; the title is the noun before it, and the office is not
                # that phrase's (but "a spokesman for Hamas" speaks for Hamas)
                phrase = range(prep.left_edge.i, prep.right_edge.i + 1)
                ap = prep.head
                words.extend(t for t in ap.subtree if t.i not in phrase and (t.i < span.start or t.i >= span.end))
                continue
            words.extend(t for t in ap.subtree if t.i < span.start or t.i >= span.end)
        if not words:
            return
        role = self._role_in(words)
        if role and not actor.role:
            actor.role = role
        elif role and self.gaz.get(actor.key) is None:
            actor.role = role
        if actor.sector is None and actor.kind == "Person":
            # "opposition leader Kemal Kilicdaroglu", "rebel commander X": a person of a group of
            # the state's society, whose side is not the state's government (side_of)
            sectors = [self.gaz.sector(t.lower_) for t in words if t.pos_ in ("NOUN", "ADJ")]
            actor.sector = next((sec for sec in sectors if sec and self.gaz.sector_group(sec)), None)
        if not actor.affiliation:
            aff = self._affiliation_in(doc, words)
            if aff:
                # "AU Commission Chairperson X" acts for the African Union, of which the
                # Commission is an organ (the organ itself is still an actor of the article)
                self._ensure(actors, aff.key, aff.kind, aff.label)
                aff = self.gaz.get(acting_for(aff.key, self.gaz)) or aff
                actor.affiliation = aff.key
                self._ensure(actors, aff.key, aff.kind, aff.label)
        if left:
            full = doc[left[0].i:span.end].text
            actor.alt_labels.add(_strip_possessive(full))

    def _role_in(self, tokens: list[Token]) -> str | None:
        words = [t.lower_ for t in tokens]
        for n in range(min(4, len(words)), 0, -1):
            for j in range(len(words) - n + 1):
                r = self.gaz.role(" ".join(words[j:j + n]))
                if r and j > 0 and words[j - 1] in _NOT_THE_HOLDER:
                    # "Vice Foreign Minister", "former President": not the office holder
                    return f"{tokens[j - 1].text.capitalize()} {r}"
                if r:
                    # a portfolio before a generic office: "Trade Minister", "Energy Secretary"
                    prev = tokens[j - 1] if j > 0 else None
                    if n == 1 and prev is not None and prev.is_title and not prev.ent_type_ \
                            and prev.pos_ in ("PROPN", "NOUN") and not self.gaz.role(prev.lower_):
                        return f"{prev.text} {r}"
                    return r
        return None

    def _affiliation_in(self, doc: Doc, tokens: list[Token]) -> Entry | None:
        idx = sorted(t.i for t in tokens)
        # try longest spans first: "AU Commission", "North Korean", "Iran's"
        for n in range(min(4, len(idx)), 0, -1):
            for j in range(len(idx) - n + 1):
                if idx[j + n - 1] - idx[j] != n - 1:
                    continue
                text = _strip_possessive(doc[idx[j]:idx[j] + n].text)
                if not text or not text[0].isupper():
                    continue
                e = self.gaz.state_for_demonym(text) or self._lookup(text, ("State", "Organization"))
                if e is not None and e.kind == "Organization" and _inside_longer_name(doc, idx[j], idx[j] + n):
                    # (a body's name inside a longer name is not that body: "a spokesman for the
                    # Philippine National Security Council" is no one's of the UN's "Security Council")
                    e = self._lookup(text, ("State",))
                e = e or self.gaz.state_for_metonym(text)
                if e:
                    return e
        return None

    # ------------------------------------------------------------------ descriptions
    def _located(self, mentions: list, places: dict[int, str] | None) -> dict[int, str]:
        """The state each place the story tells of lies in (``{slot: state}``), read against the
        states it names (:meth:`~kg.actors.gazetteer.Gazetteer.locate`)."""
        named = {m.key for m in mentions if m.kind == "State"}
        return {slot: e.key for slot, name in (places or {}).items()
                if (e := self.gaz.locate(name, named)) is not None}

    def _state_counts(self, mentions: list, located: dict[int, str], lead_end: int) -> dict[str, int]:
        """How often a story names each state, counting the places it tells of in it ("in Dhaka",
        "crowds in Jatrabari", :meth:`_located`) and what its lead names twice."""
        # the lead (the headline and first sentences) tells what a story is about: a state named
        # there counts twice ("Students have called a Long March to Dhaka" before India's reaction)
        counts: dict[str, int] = {}
        for start, key in [(m.start, m.key) for m in mentions if m.kind == "State"] + list(located.items()):
            counts[key] = counts.get(key, 0) + (2 if start < lead_end else 1)
        return counts

    def _story_state(self, doc: Doc, mentions: list, places: dict[int, str] | None) -> str | None:
        """The state a story with no dateline is about: the one it names most
        (:meth:`_state_counts`); none on a tie ("the administration" may then be anyone's)."""
        counts = self._state_counts(mentions, self._located(mentions, places), _lead_end(doc))
        ranked = sorted(counts.values(), reverse=True)
        return max(counts, key=counts.get) if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]) else None

    def _own_state(self, doc: Doc, mentions: list, places: dict[int, str] | None) -> str | None:
        """The story's own state, the one "the army", "the country" and "the capital" stand for:
        its dateline's, unless the lead (headline and first sentences) sets what it tells in one
        other state ("in Guinea-Bissau", "in Bissau", "in Syria's Idlib province"), names the
        dateline's state only beside what it tells (not as a subject or object, nor as a place
        something happens in or comes into), and the story names the other state more: a story filed
        from a neighbour ("DAKAR - Soldiers in Guinea-Bissau detained President Embalo" is
        Guinea-Bissau's, and so is "ADDIS ABABA - Fighting broke out near Juba, in a setback for
        talks hosted by Ethiopia" South Sudan's; "PACARAIMA - ... a Venezuelan family had crossed
        the border" and "AMMAN - Jordan closed its border after fighting in Syria" stay the
        dateline's). A lead that calls a town of another state "the capital" (:meth:`_bare_capital`)
        makes that state the story's own whatever else it names ("NAIROBI - ... raids in the capital
        Juba, prompting an exodus of refugees into Kenya" is South Sudan's). With no dateline, the
        state the story names most (:meth:`_story_state`). The caller writes it to
        ``doc._.gpol_home`` for the events."""
        dateline = doc._.gpol_home
        if dateline is None:
            return self._story_state(doc, mentions, places)
        lead_end = _lead_end(doc)
        capital = self._bare_capital(doc[:lead_end], mentions, places)
        if capital is not None:
            return capital
        set_in: set[str] = set()  # the states the lead sets something in
        for m in mentions:
            if m.kind == "State" and m.start < lead_end:
                head = _mention_head(doc, m)
                if m.key == dateline and _argument(head):
                    return dateline  # "Jordan closed its border after fighting in Syria"
                if _set_in(head, arrival=m.key == dateline):
                    set_in.add(m.key)
        located = self._located(mentions, places)
        for slot, key in located.items():
            if slot < lead_end and _set_in(doc[slot], arrival=key == dateline):
                set_in.add(key)
        if len(set_in) != 1 or dateline in set_in:
            return dateline
        counts = self._state_counts(mentions, located, lead_end)
        other = set_in.pop()
        return other if counts.get(other, 0) > counts.get(dateline, 0) else dateline

    def _bare_capital(self, lead: Span, mentions: list, places: dict[int, str] | None) -> str | None:
        """The state whose town the lead calls "the capital" with no word of whose ("raids in the
        capital Juba", "in the capital, Bamako", "in Niamey, the capital"): a writer says so only
        of the story's own state."""
        by_start = {m.start: m for m in mentions}
        for tok in lead:
            if tok.lemma_.lower() != "capital" or tok.pos_ not in ("NOUN", "PROPN") \
                    or any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in tok.children):
                continue
            if tok.dep_ in ("compound", "appos"):
                town = tok.head  # "the capital Juba", "Niamey, the capital"
            else:
                town = next((c for c in tok.children if c.dep_ == "appos"), None)  # "the capital, Bamako"
            if town is None or not any(t.lower_ == "the" for t in (*tok.children, *town.children)):
                continue
            m = by_start.get(town.i)
            if m is not None and m.kind == "State":
                return m.key
            name = (places or {}).get(town.i)
            e = self.gaz.locate(name or town.text)
            if e is not None and e.kind == "State":
                return e.key
        return None

    def _descriptions(self, doc: Doc, toks: list[Token], actors: dict, mentions: list, taken: list, add,
                      places: dict[int, str] | None = None, home: str | None = None,
                      backers: frozenset[int] | set[int] = frozenset()) -> None:
        persons = [a for a in actors.values() if a.kind == "Person"]
        owned = {i for m in mentions if m.kind in ("State", "Organization") for i in range(m.start, m.end)}
        if home is not None and home not in actors:
            e = self.gaz.get(home)
            if e is None:
                home = None
        last_person: str | None = None
        crowd_group: tuple[Entry, str] | None = None  # the people in the street the story tells of
        crowd_nouns = word_list("crowd_nouns")
        first_crowd = next((t.i for t in toks if t.lemma_.lower() in crowd_nouns), len(doc))  # first told of
        last_body: Mention | None = None
        by_head: dict[str, list] = {}  # head noun of a named organisation -> (mention, name words)
        orgs_seen: list[Mention] = []  # organisations named so far, in order
        called: dict[str, set[str]] = {}  # the words the text names or describes each organisation by
        by_pos = {m.start: m for m in mentions}
        plural_words = word_list("plural_references") | word_list("plural_persons")
        sent_no = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            sent_no[sent.start:sent.end] = [n] * (sent.end - sent.start)
        mouthpieces: list[tuple[Token, Token]] = []  # spokesmen for a body described after them
        owned_agents: dict[str, str] = {}  # a state agency's sector -> the state last named as its owner
        owned_heads: dict[str, tuple[str, int]] = {}  # an agency's noun -> (its owner, where) when last named
        quoted = _quoted(doc)
        agent_words = word_list("home_agents")
        # (the last words of the agencies named by two words: "air force")
        agent_heads = {w.rsplit(" ", 1)[1] for w in agent_words if " " in w}
        gender: dict[str, str] = {}  # a person -> "m" or "f", from the pronouns that have stood for them
        person_seen: dict[str, int] = {}  # a person -> the last sentence that named them or stood for them
        for tok in toks:
            m = by_pos.get(tok.i)
            if m is not None and m.kind == "Person":
                last_person = m.key
                person_seen[m.key] = sent_no[tok.i]
            elif m is not None and m.how != "pronoun":
                last_body = m
                if m.kind == "Organization":
                    orgs_seen.append(m)
                    # what the text calls it: its name, and an apposition ("the Coalition for
                    # Change, the main opposition alliance")
                    root = _mention_head(doc, m)
                    told = [t for ap in (*[c for c in root.children if c.dep_ == "appos"],
                                         *([root.head] if root.dep_ == "appos" else []))
                            for t in ap.subtree if not m.start <= t.i < m.end]
                    called.setdefault(m.key, set()).update(
                        w.lower() for w in (*getattr(actors.get(m.key), "label", "").split(),
                                            *doc[m.start:m.end].text.split(), *(t.text for t in told)))
                    for name in {doc[m.start:m.end].text, getattr(actors.get(m.key), "label", "")}:
                        head, words = _name_head(name)
                        for h in {head} | _other_heads(name) if head else ():
                            by_head.setdefault(h, []).append((m, words))
            if taken[tok.i]:
                continue
            low = tok.lower_
            if low in _PRONOUNS and last_person and tok.pos_ == "PRON":
                ref = last_person
                if low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and not quoted[tok.i]:
                    # "President Trump, who had courted Xi, lost patience. He accused China": a new
                    # sentence's subject is the last sentence's subject rather than the last person
                    # (not in a quotation, where "he" is rarely the one who speaks)
                    found = self._previous_subject(doc, tok, mentions)
                    office = self._previous_office(doc, tok, mentions) if found is None else None
                    if office is not None:
                        # "Georgia's prime minister struck a defiant tone. He said ...": the office
                        # no name is given for, that is its state (coding rule R7)
                        add(tok.i, tok.i + 1, office.key, office.kind, "pronoun", sector=office.sector)
                        continue
                    ref = found or ref
                if low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "conj" \
                        and tok.head.head.pos_ in ("VERB", "AUX"):
                    # "he accused Riyadh of declaring war, and he called on Saudi Arabia": the subject
                    # of the clause this one is joined to (the same pronoun, or a name)
                    first = next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    found = _mention_at(mentions, first, lambda mm: mm.kind == "Person")
                    if found is not None and (found.how != "pronoun" or first.lower_ == low):
                        ref = found.key
                if low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" \
                        and tok.head.head.lemma_.lower() in word_list("speech_verbs"):
                    # "Trump met Sharaa, a day after announcing he would lift sanctions": the speaker
                    sayer = self._clause_subject(tok.head.head)
                    found = _mention_at(mentions, sayer, lambda mm: mm.kind == "Person")
                    if found is not None:
                        ref = found.key
                    elif sayer is not None and sayer.pos_ == "NOUN" and self.gaz.role(sayer.lemma_):
                        continue  # "The bloc's secretary general said he would ...": someone unnamed
                if low in ("his", "her") and tok.dep_ == "poss" and tok.head.dep_ == "nsubj" \
                        and tok.head.head.lemma_.lower() in word_list("speech_verbs"):
                    # "Merkel spoke with Putin and urged restraint, her spokesman said": the one
                    # whose words the spokesman reports before naming him, not the last person named
                    told = [c for c in tok.head.head.children if c.dep_ == "ccomp" and c.i < tok.i]
                    found = _mention_at(mentions, self._clause_subject(told[0]),
                                        lambda mm: mm.kind == "Person") if told else None
                    if found is not None:
                        ref = found.key
                if low in ("him", "her") and tok.dep_ in ("dobj", "dative"):
                    # "Putin had assured him Russia was ready": an object pronoun is not the one its
                    # verb's subject names, but the person named before
                    own = _person_subject(mentions, tok.head)
                    if own is not None and own.key == ref:
                        other = _latest_before(mentions, tok.i, lambda mm: mm.kind == "Person" and mm.key != ref)
                        if other is not None:
                            ref = other.key
                given = _second_object_verb(tok) if low in ("his", "her") else None
                if given is not None:
                    # "Weber offered Borissov his full support": the giver's, not the one given to
                    found = _person_subject(mentions, given)
                    if found is not None:
                        ref = found.key
                if gender.get(ref, _GENDER[low]) != _GENDER[low]:
                    # '"She must go," he said': not the one "she" stood for, but the last person
                    # named before whom no pronoun of the other gender has stood for
                    other = _latest_before(mentions, tok.i, lambda mm: mm.kind == "Person"
                                           and gender.get(mm.key, _GENDER[low]) == _GENDER[low])
                    if other is not None:
                        ref = other.key
                if sent_no[tok.i] - person_seen.get(ref, sent_no[tok.i]) > _PERSON_REACH:
                    continue  # a person neither named nor stood for in the last few sentences: someone else
                gender.setdefault(ref, _GENDER[low])
                person_seen[ref] = sent_no[tok.i]
                add(tok.i, tok.i + 1, ref, "Person", "pronoun")
                continue
            if _expletive(tok):
                continue  # "it helps to recall how the war began": no one
            if low in ("it", "they", "its", "their") and tok.dep_ in ("nsubj", "nsubjpass", "poss") and last_body \
                    and sent_no[tok.i] - sent_no[last_body.start] <= _PRONOUN_REACH:
                # "Pakistan's army said it shot down five jets": the latest state or organisation;
                # "X and Y held their talks": the subject of the clause
                ref, antecedent = last_body, None
                crowd = _latest_before(mentions, tok.i, lambda mm: sent_no[mm.start] == sent_no[tok.i]
                                       and mm.how == "group" and _mention_head(doc, mm).tag_ == "NNS") \
                    if low == "they" and tok.dep_ == "nsubj" and tok.head.dep_ in ("advcl", "relcl", "conj", "ccomp") \
                    else None
                if crowd is not None and crowd.start >= last_body.start:
                    # "Police fired tear gas at protesters as they marched": the people its sentence
                    # has just named, not the state their name's adjective is of
                    add(tok.i, tok.i + 1, crowd.key, crowd.kind, "pronoun", sector=crowd.sector)
                    continue
                reported = tok if tok.dep_ in ("nsubj", "nsubjpass") else None  # a subject a sayer may own
                if reported is not None and (prev := self._previous_body(doc, tok, mentions)) is not None:
                    # "The Kenyan government condemned the coup in Niger. It urged the junta ...": a
                    # new sentence's subject is the last sentence's subject, not the body named last;
                    # "China and Russia called on Pyongyang ..., and they called on Washington ...":
                    # so is the subject of a clause joined to one before it
                    ref, antecedent = prev
                if tok.dep_ == "poss":
                    verb = _verb_of(tok.head)
                    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    for _ in range(4):
                        if subj is not None or verb.dep_ not in ("conj", "advcl", "acl", "xcomp") \
                                or verb.head.i == verb.i:
                            break
                        # "Pakistan refused ... and urged its citizens", "X left, completing a withdrawal
                        # announced by their governments": the subject of the clause it hangs off;
                        # "Turkey said it would move to open its border": of the verb that controls it
                        # (its object when it has one: "urged Ankara to open its border")
                        controlled = verb.dep_ == "xcomp"
                        verb = _verb_of(verb.head)
                        subj = next((c for c in verb.children if c.dep_ == "dobj"), None) if controlled else None
                        subj = subj or next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    # (not the subject "its" is part of: "Its Regional Centre ... has hosted talks")
                    found = _mention_at(mentions, subj) \
                        if subj is not None and not subj.left_edge.i <= tok.i <= subj.right_edge.i else None
                    if found is not None and found.kind != "Person":
                        ref, antecedent = found, subj
                    elif tok.head.dep_ in ("nsubj", "nsubjpass"):
                        reported = tok.head  # "FACT said its forces had withdrawn": not the place last named
                        if low == "its" and (prev := self._previous_body(doc, tok.head, mentions)) is not None:
                            # "The Russian foreign ministry placed the blame on the Kosovo authorities.
                            # Its spokeswoman said ...": the body the sentence before was about
                            ref, antecedent = prev
                said = self._said_in(reported) if reported is not None else None
                sayer = next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None
                found = _mention_at(mentions, sayer, lambda mm: mm.kind != "Person")
                if found is None and sayer is not None and sayer.tag_ == "NNS":
                    # "Opposition parties said that they would ...": the group its modifier names
                    found = next((mm for c in sayer.children if c.dep_ in ("compound", "amod")
                                  if (mm := _mention_at(mentions, c, lambda x: x.how == "group")) is not None), None)
                if found is not None:
                    # "The Philippines, which lies south of Taiwan, said it would hold drills", "the
                    # Houthis said the deal did not cover Israel, which they would keep targeting": the
                    # sayer (when the saying verb has a subject of its own: not "saying it would ...")
                    ref, antecedent = found, sayer
                elif reported is tok and low == "they" and antecedent is None \
                        and (plural := sayer if sayer is not None else said.head if said is not None
                             and said.dep_ == "acl" and said.tag_ in ("VBD", "VBN") else None) is not None \
                        and plural.tag_ == "NNS" \
                        and not any(_mention_at(mentions, t) for t in plural.subtree if t.i < said.i):
                    # "the three juntas announced that they were leaving the bloc": the sayers, whom
                    # no phrase of theirs names, not the body named last (but "the EAC secretariat
                    # said it", "Their foreign ministers said they": the phrase says whose). The
                    # parser may hang the verb on its subject ("When the three juntas announced");
                    # not "attached statements saying they would": what the statements say
                    continue
                elif reported is tok and tok.head.lemma_.lower() in labelling_verbs() and antecedent is None \
                        and tok.head.dep_ in ("relcl", "pcomp", "ccomp", "acl") \
                        and (found := self._main_subject(tok, mentions)) is not None:
                    # "Guyana asked the Security Council to meet on what it called Venezuela's
                    # threats", "urged Iran to free the sailors, whom it accused of spying": a label
                    # set in a clause of the sentence is its main subject's (the speaker's) word
                    ref, antecedent = found
                elif reported is tok and tok.head.dep_ in ("ccomp", "relcl") and antecedent is None:
                    # "Beijing restored the accreditation of Japanese journalists it had expelled":
                    # the subject of the clause that holds it, not the body named last
                    gov = self._clause_subject(_verb_of(tok.head.head))
                    found = _mention_at(mentions, gov, lambda mm: mm.kind != "Person")
                    if found is not None:
                        ref, antecedent = found, gov
                pm = add(tok.i, tok.i + 1, ref.key, ref.kind, "pronoun", sector=ref.sector)
                if pm is not None:
                    pm.also = ref.also
                    if low in ("they", "their") and antecedent is not None:
                        # "Colombia, Peru and Argentina said they rejected the vote": all of them
                        pm.also = tuple(dict.fromkeys([*ref.also, *_conjunct_keys(mentions, antecedent, ref.key)]))
                continue
            if low == "them" and tok.dep_ in ("dobj", "pobj", "dative", "nsubj"):
                # "Thousands of protesters marched on parliament. Police fired tear gas to disperse
                # them": the latest group of people named within reach, not one standing as the
                # subject of the clause ("them" is not reflexive); else the latest coordination of
                # names that are not places ("wrote to Macron and Merkel, asking them"; not "fled
                # to Rwanda and Tanzania")
                subj = self._clause_subject(_verb_of(tok))
                subject = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
                near = [mm for mm in sorted(mentions, key=lambda m: -m.start)
                        if mm.start < tok.i and sent_no[tok.i] - sent_no[mm.start] <= _PRONOUN_REACH
                        and mm.start not in subject and mm.how != "pronoun"]
                ref, others = next((mm for mm in near if mm.how == "plural" or mm.how == "group"
                                    and _mention_head(doc, mm).tag_ in ("NNS", "NNPS")), None), []
                if ref is None:
                    place_preps = word_list("place_prepositions")
                    for mm in near:
                        head = _mention_head(doc, mm)
                        first = min([head, *head.conjuncts], key=lambda t: t.i)
                        if mm.kind == "State" and first.dep_ == "pobj" and first.head.lower_ in place_preps:
                            continue
                        others = _conjunct_keys(mentions, head, mm.key)
                        if others:
                            ref = mm
                            break
                if ref is not None:
                    pm = add(tok.i, tok.i + 1, ref.key, ref.kind, "pronoun", sector=ref.sector)
                    if pm is not None:
                        pm.also = tuple(dict.fromkeys([*ref.also, *others]))
                continue
            bare_pair = tok.pos_ == "NUM" and tok.lower_ == "two" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                or tok.lower_ == "both" and tok.pos_ in ("PRON", "DET") and tok.dep_ in ("dobj", "pobj") \
                and not any(c.dep_ == "prep" for c in tok.children)  # "called on both to ...", not "both of them"
            # (not "two diplomats said": new people, whom no article or owner points back to)
            if bare_pair or tok.pos_ == "NOUN" and tok.lemma_.lower() in plural_words and tok.tag_ == "NNS" \
                    and any(c.lower_ == "both" or c.lower_ == "two" and _points_back(tok) for c in tok.children):
                # "both sides": the last two states or organisations named; "the two countries": the
                # last two states; "the two leaders": the last two people; "the two agreed": the last
                # two of the kind named last
                kinds = ("Person",) if tok.lemma_.lower() in word_list("plural_persons") else \
                    ("State", "Organization") if tok.lemma_.lower() in ("side", "party") else ("State",)
                if bare_pair:
                    last = _latest_before(mentions, tok.i, lambda mm: mm.how not in ("pronoun", "plural")
                                          and mm.kind in ("Person", "State"))
                    if last is None:
                        continue
                    kinds = (last.kind,)
                recent: list[Mention] = []
                verb = _verb_of(tok.head)
                # not who urges "both sides", nor who says she spoke to "both generals"
                speaker = set()
                for _ in range(3):
                    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                    # (not the state a mediator is sent for: "the UN envoy for Syria urged both sides")
                    speaker |= {t.i for c in own for t in c.subtree if not _for_whom(t, c)}
                    if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head.i == verb.i \
                            or (verb.dep_ == "conj" and own):
                        # (a clause joined with its own subject is no one's report: "Sisi hosted
                        # Isaias, and the two leaders agreed": Sisi is one of them)
                        break
                    verb = verb.head
                speakers = {mm.key for mm in mentions if mm.start in speaker}
                # nor the speaker's own state ("Trump pushed both allies": not the United States)
                speakers |= {getattr(actors.get(k), "affiliation", None) for k in speakers} - {None}

                # "both presidents", "the two foreign ministers": people who hold that title (not the
                # spokeswoman and the minister named before them); "leaders", "counterparts": anyone
                title = tok.lemma_.lower() if tok.lemma_.lower() in word_list("office_plurals") else None

                def side(mm: Mention) -> bool:
                    if title is not None and mm.kind == "Person":
                        role = (getattr(actors.get(mm.key), "role", None) or "").lower()
                        return title in role.split() and not role.startswith(("former", "ex-"))
                    # (not a university, a think tank or a mediating body a quote is attributed to)
                    if mm.kind != "Organization":
                        return True
                    entry = self.gaz.get(mm.key)
                    label = getattr(actors.get(mm.key), "label", "")
                    return not (entry is not None and entry.org_type in ("ngo", "igo")) \
                        and not set(label.lower().split()) & word_list("bystander_words")

                count: dict[str, int] = {}
                latest: dict[str, Mention] = {}
                acting: dict[str, Mention] = {}  # (the states named as such, not as a thing's adjective)
                for mm in sorted(mentions, key=lambda m: m.start):
                    if mm.start < tok.i and mm.key not in speakers and mm.kind in kinds and side(mm):
                        # (as often as the text names it: not its pronouns)
                        count[mm.key] = count.get(mm.key, 0) + (mm.how not in ("pronoun", "plural"))
                        latest[mm.key] = mm
                        if not (mm.kind == "State" and _mention_head(doc, mm).dep_ in ("amod", "compound")):
                            acting[mm.key] = mm
                if len(acting) >= 2:
                    # "Japan and the Philippines condemned a collision between a Chinese cutter and a
                    # Philippine boat, as the two countries' defence chiefs met": Japan's and the
                    # Philippines'
                    latest = acting
                recent = sorted(latest.values(), key=lambda m: -m.start)[:2]
                if kinds != ("Person",) and not all(sent_no[m.start] == sent_no[tok.i] for m in recent):
                    # "both sides", "the two countries" its own sentence does not name: the two the
                    # story names most, the latest first on a tie (not a body named once before)
                    ranked = sorted(latest, key=lambda k: (count[k], latest[k].start), reverse=True)[:2]
                    recent = sorted((latest[k] for k in ranked), key=lambda m: -m.start)
                if len(recent) == 2:
                    m2 = add(tok.i, tok.i + 1, recent[1].key, recent[1].kind, "plural")
                    if m2 is not None:
                        m2.also = (recent[0].key,)
                continue
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ in ("compound", "amod", "appos") and taken[tok.head.i]:
                continue  # "Russian President" of "Russian President Vladimir Putin": a title, done
            loyal = self._allegiance(tok, actors, mentions)
            if loyal is not None:
                # "forces loyal to the Libyan National Army": that actor's forces
                add(tok.i, tok.i + 1, loyal.key, loyal.kind, "group", sector=self.gaz.sector(tok.lemma_.lower()))
                continue
            # (not a backer's hyphened participle: "the Iran-backed group" is described by no state)
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                    and not any(t.i in backers for t in c.subtree)]
            mod_tokens = [t for c in mods for t in c.subtree if t.i < tok.i]
            # the affiliation a description's modifiers name, looked up once ("North Korea's", "AU")
            named_in_mods = None
            if mod_tokens and not any(t.i in owned for t in mod_tokens):
                named_in_mods = self._affiliation_in(doc, mod_tokens)
            if (not mod_tokens or not any(t.i in owned for t in mod_tokens) and not named_in_mods) \
                    and (tok.tag_ == "NNS" or _collective(tok)) and tok.pos_ == "NOUN":
                # "opposition groups in Zimbabwe", "rebels in Darfur", "students throughout
                # Indonesia": a group of the state of the place it is in (state agents are not: troops
                # in a country may be anyone's)
                sector = self._phrase_sector(doc, tok)
                group = self.gaz.sector_group(sector)
                where = self._place_state(doc, tok, mentions) if group else None
                is_crowd = tok.lemma_.lower() in crowd_nouns
                if where is None and group and (is_crowd or _collective(tok)) \
                        and _acting(tok, word_list("people_counts")):
                    # "In Yerevan, thousands of protesters ...", "supporters marched in Caracas": people
                    # acting in the street are of the state of the place the clause is set in
                    where = self._setting_state(_verb_of(tok), mentions, places, anywhere=True)
                if where is None and is_crowd and crowd_group is not None and not mod_tokens:
                    # "Protesters stormed parliament ... Police beat the students": the crowd told of
                    where, sector = crowd_group
                elif where is None and sector in _HOME_SOCIETY:
                    if not (is_crowd and first_crowd < tok.i):
                        # "Iranian police arrested dozens of protesters" (once a story tells of
                        # protesters, "students" detained are those protesters: the event
                        # extractor's crowd)
                        where = self._agents_state(tok, mentions)
                    if where is None and (is_crowd and _acting(tok, word_list("people_counts"))
                                          or _collective(tok)) and home is not None:
                        # "Protesters stormed parliament", "thousands of students marched": people
                        # acting in the street are of the story's own state
                        where = self.gaz.get(home)
                        where = where if where is not None and where.kind == "State" else None
                acted_on = None
                if where is None and not mod_tokens:
                    # "Protesters blocked the motorway, and police detained hundreds": the people a
                    # clause acts on are the crowd told of just before, or a crowd of their own when
                    # the clause says they protested ("detained 100 people who protested")
                    acted_on = _people_acted_on(tok)
                    crowd = _latest_before(mentions, tok.i, lambda mm: mm.how == "group" and mm.sector in _CROWD_SECTORS) \
                        if acted_on == "told" else None
                    if crowd is not None:
                        add(tok.i, tok.i + 1, crowd.key, crowd.kind, "group", sector=crowd.sector)
                        continue
                    if acted_on == "protested":
                        where, sector = self._agents_state(tok, mentions) or self.gaz.get(home or ""), "opposition"
                        where = where if where is not None and where.kind == "State" else None
                if where is not None:
                    self._add_group(actors, add, tok, where, sector, "protesters" if acted_on == "protested"
                                    else doc[tok.left_edge.i:tok.right_edge.i + 1].text)
                    if is_crowd and crowd_group is None:
                        crowd_group = (where, sector)
                    continue
            if tok.lemma_.lower() in word_list("office_nouns") and tok.tag_ == "NN" and tok.dep_ == "nsubj" \
                    and tok.head.lemma_.lower() not in word_list("speech_verbs"):
                # "Netanyahu's office accused Iran": the person whose office acts (not the place,
                # "occupied his office"; nor a speaker, whose words are told as said)
                speaker = _mention_at(mentions, next((c for c in tok.children if c.dep_ == "poss"), None),
                                      lambda mm: mm.kind == "Person")
                if speaker is not None and add(tok.i, tok.i + 1, speaker.key, speaker.kind, "title"):
                    continue
            if tok.lemma_.lower() in word_list("mouthpiece_nouns") and tok.tag_ == "NN" \
                    and not any(c.dep_ == "appos" for c in tok.children):  # (not "his spokesman, Yehia Rasool")
                # "Poroshenko's spokesman rejected the claims": the person whose words they are;
                # "a spokesman for the Taliban": the person or body named after "for"
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                speaker = _mention_at(mentions, poss, lambda mm: mm.kind == "Person")
                whose = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
                              for o in p.children if o.dep_ == "pobj"), None) if poss is None else None
                if whose is not None:
                    speaker = _mention_at(mentions, whose)
                    if speaker is None:
                        mouthpieces.append((tok, whose))  # ("for the Russian foreign ministry": described later)
                elif poss is None and (agency := next((c for c in tok.children if c.dep_ in ("compound", "nmod")
                                                       and c.lemma_.lower() in word_list("home_agents")), None)):
                    # "a foreign ministry spokesman in Beijing": the ministry of the place's state;
                    # "China's foreign ministry rejected the protest. A ministry spokesperson said":
                    # the one named in this sentence or the one before; "a commerce ministry
                    # spokesperson", none of these: the story's own state's, as "the ministry" is
                    placed = self._town_of(tok, mentions, places)
                    before = owned_heads.get(agency.lemma_.lower())
                    state = placed.key if placed is not None and placed.kind == "State" \
                        else before[0] if before is not None and before[1] >= _previous_sentence_start(tok) else home
                    if any(t.i in owned for t in tok.subtree if t.i < tok.i):
                        state = None  # "a German government spokesperson", "a US military spokesman"
                    if state is not None:
                        self._ensure(actors, state, "State", state)  # (a gazetteer state: its label)
                        if add(tok.i, tok.i + 1, state, "State", "group", sector="government"):
                            continue
                elif poss is None and whose is None and not mod_tokens and tok.dep_ == "nsubj" \
                        and (prev := self._previous_body(doc, tok, mentions)) is not None:
                    # "The US State Department issued a statement. A spokesperson said ...": the
                    # body the sentence before was about
                    speaker = prev[0]
                if speaker is not None and add(tok.i, tok.i + 1, speaker.key, speaker.kind, "title"):
                    continue
            holder = self._title_anaphor(tok, mod_tokens, persons, mentions, home)
            if holder is not None:
                # "called on the president to withdraw" after "President Pierre Nkurunziza"
                if add(min(t.i for t in (*mod_tokens, tok)), tok.i + 1, holder.key, "Person", "title"):
                    continue
            ref = _head_match(tok, mod_tokens, by_head)
            # ("the air force": a compound and its noun, looked at only for the last word of such an agency)
            home_agent = tok.lemma_.lower() in agent_words or low in agent_words or low in agent_heads and " ".join(
                [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [low]) in agent_words
            org_type = getattr(self.gaz.get(ref.key), "org_type", None) if ref is not None else None
            if ref is not None and home_agent and (org_type == "armed_group" or org_type is None and home is not None):
                # "the army", "the military" after "the Karen National Liberation Army": the story's
                # state's forces, not an armed group's (whose own name the story uses); but a body the
                # gazetteer files as a state's ("the Sudanese Armed Forces ... the army"), or one it
                # does not know in a story with no state of its own, is the one named (coding rule R18)
                ref = None
            if ref is not None:
                # "the council" after "the Transitional Military Council": the one organisation
                # named so far whose name has this head (and every modifier: "the military council")
                pm = add(tok.i, tok.i + 1, ref.key, ref.kind, "pronoun", sector=ref.sector)
                if pm is not None:
                    continue
            if not mod_tokens or not any(t.i in owned for t in mod_tokens) and not named_in_mods:
                # "the army", "police", "the government": the story's own state
                sector = self.gaz.sector(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                # ("Viktor Orban's government": the possessor ends a name of several words)
                pm = _mention_at(mentions, poss, lambda mm: mm.kind == "Person")
                aff = actors[pm.key].affiliation if pm is not None and pm.key in actors else None
                agency = self._agents_phrase(doc, tok) if not home_agent and tok.pos_ == "NOUN" else None
                if agency is not None:
                    # "police officers arrested two journalists", "intelligence agents detained him":
                    # a state's agents the gazetteer names by a phrase, no owner named
                    home_agent, sector = True, agency
                if home_agent and mod_tokens and (ps := self._phrase_sector(doc, tok)) is not None \
                        and not self.gaz.state_agent(ps) and self.gaz.sector_group(ps):
                    continue  # "rebel forces", "opposition forces": no state's agents ("rebels" are not)
                if home_agent and tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in word_list("state_bodies"):
                    continue  # "Western governments", "neighbouring armies": several states', no one state's
                if home_agent and any(c.dep_ in ("amod", "det") and (c.lower_ in word_list("unnamed_modifiers")
                                                                     or any(t.i in backers for t in c.subtree))
                                      for c in tok.children):
                    continue  # "accused certain forces", "US-backed forces": no one the story names
                if home_agent and self.gaz.sector(tok.lemma_.lower()) == "military" and any(
                        c.dep_ == "amod" and c.lower_ in word_list("outside_modifiers") for c in tok.children):
                    continue  # "foreign troops" in a story from Port-au-Prince: not Haiti's (its foreign ministry is)
                state_noun = home_agent or tok.lemma_.lower() in word_list("state_anaphors")
                aff_entry = self.gaz.get(aff) if state_noun and aff and aff not in actors else None
                if aff_entry is not None and aff_entry.kind == "State":
                    self._ensure(actors, aff, "State", aff_entry.label)  # (a state no phrase names)
                if aff and aff in actors and actors[aff].kind == "State" and state_noun:
                    # "his government", "her country": the state of the person the pronoun is
                    add(tok.i, tok.i + 1, aff, "State", "group", sector=sector or "government")
                    continue
                slot = tok.head if tok.dep_ == "poss" and tok.tag_ != "NNS" else tok  # ("attacked the army's bases")
                argument = slot.dep_ in _ARG_DEPS or slot.dep_ == "pobj" and (
                    slot.head.lower_ in _ARG_PREPS  # (or whom a spokesman speaks for)
                    or slot.head.lower_ == "for" and slot.head.head.lemma_.lower() in word_list("mouthpiece_nouns"))
                # "Sudan's army ... the army" in a story filed from Jeddah: the state whose agency of
                # that kind the story named last, else the story's own
                definite = home_agent and not mods and any(c.lower_ == "the" for c in tok.children)
                bare = definite and tok.tag_ == "NN"
                whose = owned_agents.get(sector, home) if bare and sector in _OWNED_BEFORE else home
                before = owned_heads.get(tok.lemma_.lower()) if definite and tok.tag_ in ("NN", "NNS") else None
                if before is not None and before[1] >= min(_previous_sentence_start(tok), _paragraph_start(tok)):
                    # "the Peruvian foreign ministry said ... It said ... The ministry demanded", "detained
                    # three Armenian soldiers ... the soldiers crossed": the ones its paragraph (or the
                    # sentence before) named
                    whose = before[0]
                set_in = False  # (whether the place the clause is set in says whose)
                if home_agent and tok.dep_ in ("nsubj", "nsubjpass"):
                    # "In Guatemala, police detained ...": the agents of the state the clause is set in
                    where = self._setting_state(_verb_of(tok), mentions, places)
                    if where is not None:
                        self._ensure(actors, where.key, "State", where.label)
                        whose, set_in = where.key, True
                if home_agent and argument and tok.dep_ not in ("nsubj", "nsubjpass"):
                    # "Opposition leader Kilicdaroglu accused the government": the government of the
                    # state the speaking person belongs to, in a story that names another state most
                    verb = _verb_of(tok.head)
                    speaker = _mention_at(mentions, self._clause_subject(verb), lambda mm: mm.kind == "Person")
                    own = actors[speaker.key].affiliation if speaker is not None and speaker.key in actors else None
                    if own and own in actors and actors[own].kind == "State":
                        whose = own
                placed = self._town_of(tok, mentions, places) if home_agent else None
                if placed is not None and placed.kind == "State" and not any(c.dep_ == "poss" for c in tok.children):
                    # "the foreign ministry in Mogadishu", "authorities in Croatia": the state of the place
                    self._ensure(actors, placed.key, "State", placed.label)
                    if add(tok.i, tok.i + 1, placed.key, "State", "group", sector=sector or "government"):
                        owned_heads[tok.lemma_.lower()] = (placed.key, tok.i)
                elif home_agent and whose and argument and not any(c.dep_ == "poss" for c in tok.children) \
                        and not any(c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
                                    and any(g.dep_ == "pobj" and not self._portfolio(c, g, mentions)
                                            for g in c.children) for c in tok.children):
                    # (not "authorities in Croatia", "forces of the interim government": the phrase
                    # says whose; but "accused the police of killing protesters" says what they did,
                    # and "the ministry of foreign affairs" its portfolio)
                    if add(tok.i, tok.i + 1, whose, "State", "group", sector=sector or "government") and set_in:
                        # ("In Tehran, the foreign ministry condemned ... A ministry spokesman said")
                        owned_heads[tok.lemma_.lower()] = (whose, tok.i)
                elif tok.lemma_.lower() in word_list("organisation_anaphors") and orgs_seen \
                        and any(c.lower_ == "the" for c in tok.children) \
                        and (tok.tag_ == "NN" or tok.tag_ == "NNP" and tok.is_lower) \
                        and not any(c.dep_ == "compound" and _mention_at(mentions, c, lambda mm: mm.how == "group")
                                    for c in tok.children):
                    # (not "the opposition coalition" when "opposition" already names a group of the
                    # story's state: the phrase names it, no organisation before)
                    # "the bloc" (lower-case, whatever tag the model gives it): the latest organisation;
                    # "the opposition alliance": the latest one named or described with "opposition"
                    kinds = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                             and c.pos_ in ("NOUN", "PROPN") and c.is_lower}
                    types = _anaphor_types().get(tok.lemma_.lower())

                    def fits(o: Mention) -> bool:
                        # a word the text names or describes it by; or a kind of group ("the jihadist
                        # group") that an intergovernmental body is not; of a type the anaphor can
                        # name ("the bloc": not an armed group)
                        entry = self.gaz.get(o.key)
                        if types and entry is not None and entry.org_type and entry.org_type not in types:
                            return False
                        return all(k in called.get(o.key, ()) or self.gaz.sector_group(self.gaz.sector(k))
                                   and not (entry is not None and entry.org_type == "igo") for k in kinds)

                    ref = next((o for o in reversed(orgs_seen) if fits(o)), None)
                    if ref is not None and (pm := add(tok.i, tok.i + 1, ref.key, ref.kind, "pronoun")) is not None \
                            and (tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "poss" and tok.head.tag_ == "NNS"
                                 and tok.head.dep_ in ("nsubj", "nsubjpass")):
                        # ("The group's leaders say they halted attacks": named again as the subject,
                        # or as the owner of the people who are, it is what a pronoun after it refers to)
                        last_body = pm
                elif tok.lemma_.lower() in word_list("state_anaphors") and home and tok.tag_ == "NN" \
                        and any(c.lower_ == "the" for c in tok.children) \
                        and not any(c.dep_ in ("amod", "compound") for c in tok.children) \
                        and not any(c.dep_ == "prep" and any(g.pos_ == "PROPN" for g in c.subtree) for c in tok.children):
                    # ("accusing the emirate of financing terrorism"; not "the republic of Congo")
                    said = self._said_in(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
                    sayer = next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None
                    owner = sayer if sayer is None or _mention_at(mentions, sayer) is not None \
                        else next((c for c in sayer.children if c.dep_ == "poss"), None)
                    spoke = _mention_at(mentions, owner, lambda mm: mm.kind == "State")
                    # "Its foreign ministry said the country had not supplied weapons": the state
                    # that says it of itself
                    if spoke is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == tok.sent.root.i \
                            and low == "country":
                        # "North Korea has conducted dozens of tests ... It last carried out a nuclear
                        # test in 2017 ... The country has been under U.N. sanctions": the state the
                        # sentence before was about, in a story filed from Seoul
                        spoke = _previous_subject_state(doc, tok, mentions, home)
                    add(tok.i, tok.i + 1, spoke.key if spoke is not None else self._state_of_form(tok, mentions, home),
                        "State", "pronoun")
                continue
            # the state or organisation the description names
            owner = self._owner(doc, mod_tokens, mentions, named_in_mods) if mod_tokens else None
            if owner is None:
                continue
            if tok.lemma_.lower() in word_list("relational_nouns") and not any(c.dep_ == "amod" and c.i in owned for c in mods) \
                    and (owner.kind == "State" or any(c.dep_ == "poss" for c in mods)):
                # "Kosovo's Western backers", "US allies": others than their owner (but "its Iranian
                # backers" are Iran, "NATO allies" NATO's members)
                continue
            # a title: "top diplomat", "president", "foreign minister", "envoy"
            title_toks = [t for t in mod_tokens if not t.ent_type_ and t.dep_ in ("amod", "compound")] + [tok]
            role = self._role_in(title_toks) if tok.tag_ not in ("NNS", "NNPS") else None
            if role:
                person = self._person_for(role, owner, persons)
                if person:
                    start = min(t.i for t in title_toks)
                    if add(start, tok.i + 1, person.key, "Person", "title"):
                        actors[person.key].alt_labels.add(doc[min(t.i for t in mod_tokens):tok.i + 1].text)
                    continue
            sector = self._phrase_sector(doc, tok) or self.gaz.sector(low)
            group = self.gaz.sector_group(sector)
            if group and owner.kind == "State" and not role \
                    and (tok.tag_ in ("NNS", "NNPS") or _collective(tok) or tok.lemma_.lower() in org_heads()):
                # "Darfur rebels", "French farmers", "the Kenyan teachers union": a group of the
                # state's society, a node of its own (CAMEO's country + agent code), affiliated with
                # the state
                if not taken[tok.i]:
                    self._add_group(actors, add, tok, owner, sector, doc[min(t.i for t in mod_tokens):tok.i + 1].text)
                continue
            if sector or role:
                owner_mention = next((mm for mm in mentions if mm.start <= min(t.i for t in mod_tokens) < mm.end
                                      or mm.key == owner.key and mm.start in [t.i for t in mod_tokens]), None)
                gm = add(tok.i, tok.i + 1, owner.key, owner.kind, "group", sector=sector or "government")
                if gm is not None and owner.kind == "State" and sector and not role:
                    owned_agents[sector] = owner.key
                    owned_heads[tok.lemma_.lower()] = (owner.key, tok.i)
                if gm is not None:  # "Russian and Ukrainian delegations": every owner
                    ids = {t.i for t in mod_tokens}
                    gm.also = tuple(dict.fromkeys(m.key for m in mentions if m.start in ids and m.key != owner.key
                                                  and m.kind in ("State", "Organization")))
        for tok, whose in mouthpieces:
            speaker = _mention_at(mentions, whose)
            if speaker is not None:
                add(tok.i, tok.i + 1, speaker.key, speaker.kind, "title")

    def _add_group(self, actors: dict, add, tok: Token, state: Entry, sector: str, text: str) -> None:
        """Mention ``tok`` as the group of ``state``'s society its sector forms ("Darfur rebels"),
        the group's node made once per document and the state's node beside it."""
        ga = group_actor(state, self.gaz.sector_group(sector), self.gaz.sector_code(sector))
        ga = actors.setdefault(ga.key, ga)
        add(tok.i, tok.i + 1, ga.key, ga.kind, "group", sector=sector)
        self._ensure(actors, state.key, state.kind, state.label)
        ga.alt_labels.add(text)

    @staticmethod
    def _previous_subject(doc: Doc, tok: Token, mentions: list) -> str | None:
        """The person who is the main-clause subject of the sentence before ``tok``'s, when no
        person is named in ``tok``'s sentence before it (the subject is the likelier referent of a
        subject pronoun than a person named later in a clause or an object)."""
        sent = tok.sent
        if sent.start == 0 or any(m.kind == "Person" and sent.start <= m.start < tok.i for m in mentions):
            return None
        prev = doc[sent.start - 1].sent
        subj = _root_subject(prev)
        if subj is None:
            # ("In a televised speech he called the rebellion 'a betrayal', without naming
            # Prigozhin": the parser may root the sentence elsewhere) its first subject that is
            # a person's, in whichever clause
            subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass")
                         and _mention_at(mentions, t, lambda m: m.kind == "Person") is not None), None)
        found = _mention_at(mentions, subj, lambda m: m.kind == "Person")
        if found is None and subj is not None:
            # "The mediator ..., retired diplomat Joseph Mutai, arrived and held talks with Farah.
            # He is due to travel": the person the subject's apposition names
            found = next((f for c in subj.children if c.dep_ == "appos"
                          for f in [_mention_at(mentions, c, lambda m: m.kind == "Person")] if f is not None), None)
        return found.key if found is not None else None

    def _previous_office(self, doc: Doc, tok: Token, mentions: list) -> "Mention | None":
        """The state or body whose office, named by its title alone, is the main-clause subject of
        the sentence before ``tok``'s, when no one is named in ``tok``'s sentence before it."""
        sent = tok.sent
        if sent.start == 0 or any(m.start < tok.i and sent.start <= m.start and m.how != "pronoun" for m in mentions):
            return None
        prev = doc[sent.start - 1].sent
        subj = _root_subject(prev)
        if subj is not None and subj.lower_ in ("he", "she"):  # (the office a pronoun there stood for)
            return _mention_at(mentions, subj, lambda m: m.kind in ("State", "Organization"))
        if subj is None or subj.tag_ != "NN" or self.gaz.role(subj.lemma_.lower()) is None or any(
                m.kind == "Person" and subj.left_edge.i <= m.start <= subj.right_edge.i for m in mentions):
            return None  # (not when the phrase names its holder: "a PKK commander who gave her name as X")
        return _mention_at(mentions, subj, lambda m: m.kind in ("State", "Organization") and m.start <= subj.i)

    @staticmethod
    def _previous_body(doc: Doc, tok: Token, mentions: list) -> "tuple[Mention, Token] | None":
        """The state or organisation that is the main-clause subject of the sentence before
        ``tok``'s, with its head token, when ``tok`` ("it", "they") is the subject of its own
        sentence's main clause and no state or organisation is named before it in that sentence;
        or the subject of the clause ``tok``'s clause is joined to ("X called on Y, and they
        called on Z"); when the number agrees ("it": one, not a coordination or a plural noun;
        "they": those)."""
        sent, verb = tok.sent, tok.head
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif sent.start == 0 or verb.i != sent.root.i \
                or any(m.kind != "Person" and m.how != "pronoun" and sent.start <= m.start < tok.i
                       and _argument_of_clause(doc, m) for m in mentions):
            # (a state or organisation acting in the words before: "After Bolivia protested, it";
            # not one a phrase there only mentions: "In 2019, after a visit to Lima by the
            # Bolivian minister, it closed the border": the sentence before's subject)
            return None
        else:
            prev = doc[sent.start - 1].sent
            subj = _root_subject(prev)
        return ActorRecognizer._agreeing_body(tok, subj, mentions)

    @staticmethod
    def _main_subject(tok: Token, mentions: list) -> "tuple[Mention, Token] | None":
        """The state or organisation that is the subject of the main clause of ``tok``'s sentence,
        named before ``tok``, with its head token; when the number agrees with the pronoun."""
        subj = _root_subject(tok.sent)
        if subj is None or subj.i >= tok.i:
            return None
        return ActorRecognizer._agreeing_body(tok, subj, mentions)

    @staticmethod
    def _agreeing_body(tok: Token, subj: Token | None, mentions: list) -> "tuple[Mention, Token] | None":
        """The state or organisation the subject ``subj`` names, with
        ``subj``, when its number agrees with the pronoun ``tok`` ("it": one, not a coordination or
        a plural noun; "they": those)."""
        # (by name or by a pronoun already read: "China has held drills near Taiwan. In 2022 it
        # fired missiles. In 2023 it held more": each "it" the one before stood for)
        found = _mention_at(mentions, subj, lambda m: m.kind != "Person")
        if found is None and subj is not None and subj.pos_ == "NOUN":
            # "The council's communique condemned the attacks. It asked ...": the one whose
            # statement it was
            # (named, described or a pronoun: "the council" and "its" are filed as a pronoun's)
            subj = next((c for c in subj.children if c.dep_ == "poss"), None)
            found = _mention_at(mentions, subj, lambda m: m.kind != "Person")
        if found is None:
            return None
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        return (found, subj) if plural == (tok.lower_ == "they") else None

    @staticmethod
    def _said_in(tok: Token) -> Token | None:
        """The speech verb whose reported clause holds ``tok``'s clause, if any."""
        cur = tok.head
        for _ in range(4):
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in word_list("speech_verbs"):
                return cur.head
            if cur.dep_ not in ("relcl", "xcomp", "conj", "advcl", "dobj", "pobj", "prep") or cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    @staticmethod
    def _clause_subject(verb: Token) -> Token | None:
        """The subject of ``verb``'s clause, or of the clause it hangs off when it has none of its own
        ("a day after announcing": the subject of the verb "after" attaches to)."""
        for _ in range(4):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None or verb.head.i == verb.i:
                return subj
            if verb.dep_ not in ("pcomp", "advcl", "xcomp", "conj", "prep"):
                return None
            verb = _verb_of(verb.head)
        return None

    def _agents_phrase(self, doc: Doc, tok: Token) -> str | None:
        """The sector of the state agents a plural phrase of several words names, when the
        gazetteer knows the phrase (not its head alone) as one of a state's agents: "police
        officers", "security officials", "intelligence agents" (not "senior officials", "agents";
        not "foreign ministers", who hold an office, nor "member states", which are several).
        """
        if tok.tag_ != "NNS" or self.gaz.role(tok.lemma_.lower()) or tok.lemma_.lower() in word_list("plural_references"):
            return None  # (not the holders of an office, "foreign ministers meet", nor "member states")
        sector = self._phrase_sector(doc, tok, alone=False)
        return sector if self.gaz.state_agent(sector) else None

    def _phrase_sector(self, doc: Doc, tok: Token, alone: bool = True) -> str | None:
        """The sector of the agent phrase ``tok`` heads, longest first: "opposition parties" (the
        head alone, "parties", names none), "rebels"; with ``alone`` false, only a phrase of
        several words ("police officers", not "officers")."""
        start = tok.i
        while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i == tok.i:
            start -= 1
        for i in range(start, tok.i + 1 if alone else tok.i):
            sector = self.gaz.sector(doc[i:tok.i + 1].text.lower())
            if sector is not None:
                return sector
        return self.gaz.sector(tok.lemma_.lower()) if alone else None

    def _setting_state(self, verb: Token, mentions: list, places: dict[int, str] | None,
                       anywhere: bool = False) -> Entry | None:
        """The state a clause-opening "in" phrase of ``verb`` sets it in: "In Guatemala, police
        detained ...", "In Minsk, security forces ..." (a town the gazetteer files under a state);
        ``anywhere``: or an "in" phrase after it ("marched in Caracas"). With none, the state an
        earlier sentence of its paragraph opens in sets the rest of the paragraph there ("In Lima,
        meanwhile, the fallout continued. Police fired tear gas ...")."""
        own = self._clause_setting(verb, mentions, places, anywhere)
        if own is not None:
            return own
        doc, first = verb.doc, _paragraph_start(verb)
        sent = verb.sent
        while sent.start > first:
            sent = doc[sent.start - 1].sent
            e = self._clause_setting(sent.root, mentions, places, False)
            if e is not None:
                return e
        return None

    def _clause_setting(self, verb: Token, mentions: list, places: dict[int, str] | None,
                        anywhere: bool) -> Entry | None:
        """The state a clause-opening (``anywhere``: or any) "in" phrase of ``verb`` sets it in."""
        for p in verb.children:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            if p.i < verb.i and not any(t.is_punct for t in verb.doc[p.right_edge.i + 1:verb.i]):
                continue  # (not "in" inside the subject)
            if p.i > verb.i and not anywhere:
                continue
            e = self._in_state(p, mentions, places)
            if e is not None:
                return e
        return None

    def _agents_state(self, tok: Token, mentions: list) -> Entry | None:
        """The state whose agents (police, forces, government) are the subject of the verb ``tok``
        is the object of ("Iranian police arrested dozens of protesters")."""
        cur = tok
        for _ in range(4):
            if cur.dep_ not in ("dobj", "pobj", "prep") or cur.head.i == cur.i:
                break
            cur = cur.head
        if cur.pos_ != "VERB":
            return None
        while cur.dep_ in ("xcomp", "advcl") and not any(c.dep_ == "nsubj" for c in cur.children):
            cur = cur.head  # "opened fire to disperse demonstrators"
        for s in cur.children:
            if s.dep_ == "nsubj":
                m = _mention_at(mentions, s)
                if m is not None and m.kind == "State" and m.sector in STATE_AGENT_SECTORS:
                    e = self.gaz.get(m.key)
                    return e if e is not None and e.kind == "State" else None
        return None

    def _portfolio(self, prep: Token, pobj: Token, mentions: list) -> bool:
        """Whether "of" after a ministry names its portfolio ("the ministry of foreign affairs",
        "of defence"), not whose it is ("of Kenya", "of the interim government")."""
        if prep.lower_ != "of" or prep.head.lemma_.lower() not in word_list("ministry_nouns"):
            return False
        words = list(pobj.subtree)
        return not any(_mention_at(mentions, t) is not None or t.lemma_.lower() in word_list("home_agents")
                       for t in words) \
            and self.gaz.locate(" ".join(t.text for t in words)) is None

    def _town_of(self, tok: Token, mentions: list, places: dict[int, str] | None) -> Entry | None:
        """The state an "in" phrase of ``tok`` names ("the foreign ministry in Mogadishu",
        "authorities in Serbia")."""
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "in":
                e = self._in_state(p, mentions, places)
                if e is not None:
                    return e
        return None

    def _in_state(self, p: Token, mentions: list, places: dict[int, str] | None) -> Entry | None:
        """The state the object of the preposition ``p`` is or lies in: a state named ("in
        Serbia"), else a town by its whole name ("in Hong Kong", not "Kong", a town of Ivory
        Coast); not a region with an article ("in the Pacific") nor an acronym ("10:10 CAT")."""
        for o in (c for c in p.children if c.dep_ == "pobj"):
            m = _mention_at(mentions, o)
            if m is not None:
                e = self.gaz.get(m.key) if m.kind == "State" else None
            elif o.pos_ == "PROPN" and not o.is_upper and not any(c.dep_ == "det" for c in o.children):
                name = (places or {}).get(o.i) or \
                    o.doc[min(c.i for c in o.subtree if c.pos_ == "PROPN" or c.i == o.i):o.i + 1].text
                e = self.gaz.locate(name, {mm.key for mm in mentions if mm.kind == "State"})
            else:
                e = None
            if e is not None and e.kind == "State":
                return e
        return None

    def _place_state(self, doc: Doc, tok: Token, mentions: list) -> Entry | None:
        """The state a locative phrase of ``tok`` names: "in Zimbabwe", "in the Ivory Coast",
        "throughout Indonesia", "in Darfur" (a place the gazetteer files under a state), or a place
        named before it ("Darfur rebels")."""
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i
                 and not any(mm.start <= c.i < mm.end for mm in mentions)]
        if names:
            first = min(t.i for c in names for t in c.subtree)
            e = self.gaz.locate(doc[first:names[-1].i + 1].text, {m.key for m in mentions if m.kind == "State"})
            if e is not None:
                return e
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ not in _GROUP_PLACE_PREPS:
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                m = _mention_at(mentions, o)
                if m is not None:
                    e = self.gaz.get(m.key)
                    return e if e is not None and e.kind == "State" else None
                if o.pos_ == "PROPN":
                    name = doc[min(c.i for c in o.subtree if c.pos_ == "PROPN" or c.i == o.i):o.i + 1].text
                    return self.gaz.locate(name, {m.key for m in mentions if m.kind == "State"})
        return None

    def _owner(self, doc: Doc, tokens: list[Token], mentions: list,
               affiliation: Entry | None = None) -> Entry | None:
        """The state or organisation named among ``tokens``: a mention there, else ``affiliation``
        (when the caller has looked it up already), else the gazetteer's reading of the words."""
        ids = {t.i for t in tokens}

        def depth(m) -> int:
            # how deep the mention sits in the phrase: "Saudi Arabia - Sudan's army" (a dateline the
            # parser joins to the sentence) is Sudan's, the possessor, not its compound's
            t, n = doc[m.start:m.end].root, 0
            while t.head.i != t.i and t.head.i in ids:
                t, n = t.head, n + 1
            return n

        found = [m for m in mentions if m.start in ids and m.kind in ("State", "Organization")]
        if found:
            m = min(found, key=lambda m: (m.how == "group", depth(m)))  # (a name before a description)
            return self.gaz.get(m.key) or Entry(m.key, m.kind, m.text, (), None, None, None, None)
        return affiliation or self._affiliation_in(doc, tokens)

    def _title_anaphor(self, tok: Token, mod_tokens: list, persons: list[Actor], mentions: list,
                       home: str | None) -> Actor | None:
        """The person a bare definite title refers back to ("the president", "the prime minister"):
        of the people the story has named before it, the one who holds that office, or, when several
        do, the one of the speaking subject's state, else of the story's own state. None when the phrase says whose office it is ("the
        president of the commission", "its president"), when it is no holder ("the former
        president"), or when no one, or no one person, fits."""
        if tok.tag_ != "NN" or not tok.is_lower or tok.ent_type_ or tok.dep_ == "appos" \
                or any(c.dep_ == "appos" for c in tok.children):
            return None  # ("the spokesman, Colonel Sonny Leggett": the phrase names him)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in _NAME_PREPS
               and any(g.dep_ == "pobj" and g.tag_ != "VBG" for g in c.children) for c in tok.children):
            return None  # (but "accused the president of lying" says what he did)
        if any(not t.is_lower or t.lower_ in _NOT_THE_HOLDER for t in mod_tokens):
            return None
        role = self._role_in([*mod_tokens, tok])
        if role is None or self.gaz.role(" ".join(t.lower_ for t in (*mod_tokens, tok))) is None:
            return None  # (a role the whole phrase names: not "the opposition leader")
        before = {m.key for m in mentions if m.kind == "Person" and m.start < tok.i}
        speaker = _mention_at(mentions, self._clause_subject(_verb_of(tok)), lambda mm: mm.kind == "Person")
        cands = [p for p in persons if p.key in before and p.role is not None and _roles_compatible(role, p.role)
                 and (speaker is None or p.key != speaker.key)]  # (no one urges himself)
        if len(cands) > 1:
            # the speaker's own ("Vice President Robredo urged the president" in a story of
            # Duterte's visit to Xi), else the story's state's
            own = next((p.affiliation for p in persons if speaker is not None and p.key == speaker.key), None)
            for state in (own, home):
                mine = [p for p in cands if state is not None and p.affiliation == state]
                if mine:
                    cands = mine
                    break
        return cands[0] if len(cands) == 1 else None

    def _state_of_form(self, tok: Token, mentions: list, home: str) -> str:
        """The state "the kingdom", "the emirate", "the republic" (``tok``) refers to: the story's
        own when its formal name is of that form, else the latest state named before ``tok`` whose
        formal name is ("Saudi air defences shot it down, but the kingdom accused Iran" in a story
        filed from Beirut), else the story's own ("the country" is any state's)."""
        form = tok.lemma_.lower()

        def of_form(key: str) -> bool:
            e = self.gaz.get(key)
            return e is not None and e.kind == "State" and any(
                re.search(rf"\b{re.escape(form)}\b", n.lower()) for n in (e.label, *e.aliases))

        if of_form(home):
            return home
        latest = _latest_before(mentions, tok.i, lambda m: m.kind == "State" and m.key != home and of_form(m.key))
        return latest.key if latest is not None else home

    @staticmethod
    def _person_for(role: str, owner: Entry, persons: list[Actor]) -> Actor | None:
        """The one person the article names who holds ``role`` for ``owner`` ("Turkey's foreign
        minister" after "Foreign Minister Hakan Fidan"), else None. A title whose holder the article
        does not name is the state or body it serves (coding rule R7), not whoever held the office
        when the gazetteer was written: an article of 2016 is not about the minister of 2025."""
        cands = [p for p in persons if p.affiliation == owner.key and p.role is not None
                 and _roles_compatible(role, p.role)]
        return cands[0] if len(cands) == 1 else None


_GENERIC_ROLES = {"envoy": ("foreign minister", "foreign secretary", "secretary of state", "envoy", "ambassador",
                            "diplomat"),
                  "diplomat": ("foreign", "envoy", "ambassador", "diplomat", "secretary of state"),
                  "official": ("minister", "envoy", "ambassador", "secretary", "spokes", "adviser"),
                  "leader": ("president", "prime minister", "leader", "chairman", "king", "chancellor"),
                  "minister": ("minister",)}


# words before a generic title that rank it rather than name another office ("the top envoy")
_RANKING_WORDS = {"top", "senior", "chief", "leading", "veteran"}


def _roles_compatible(said: str, known: str) -> bool:
    """Whether a title the text uses ("the minister", "the top envoy", "the prime minister") can
    name someone known by ``known`` ("Foreign Minister"): a generic title fits the offices it
    covers, a specific one ("prime minister", "opposition leader") only an office with all its
    words ("Prime Minister", "Leader of the Opposition"), not another of its kind.

    >>> _roles_compatible("minister", "Foreign Minister"), _roles_compatible("prime minister", "Foreign Minister")
    (True, False)
    """
    s, k = said.lower(), known.lower()
    if s == k:
        return True
    for generic, fits in _GENERIC_ROLES.items():
        if s.endswith(generic):
            words = s.split()[:-1]
            if words and not set(words) <= _RANKING_WORDS:
                return set(s.split()) <= set(re.split(r"[\s-]+", k))
            return any(f in k for f in fits)
    return False


@Language.factory("gpol_actors", default_config={})
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)
