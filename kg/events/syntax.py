"""Syntax helpers of the event extractor that need no lexicon: clauses, amounts, sides.

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline(coder="rules")("Japan sent 50 tons of rice to Haiti.")
>>> amount_of(doc[3]).text, is_amount(doc[3])
('rice', True)
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Event
from .modality import word_list

__all__ = ["TOPIC_PREPS", "TOPIC_VERBS", "PROMPTING_NOUNS", "SUBJ", "MEANS_NOUNS", "SUBJECT_CONTROL_PREPS", "INSTRUMENT_VERBS", "SUMMONING_VERBS", "SUPPORT_PREPS", "RECIPIENT_PREPS", "LOCATIVE_PREPS", "REACTION_PREPS", "PARTICLES", "SHARED_PLACES",
           "CAUSE_PREPS", "MEMBER_PREPS", "SETTING_PREPS", "FUTURE_AUXILIARIES", "evidence_span", "clause_tokens", "clause_verb", "holds", "is_amount", "amount_of", "object_context",
           "by_trigger", "clause_triggers", "story_states", "own_clause", "side_of", "with_partitive", "is_commentator"]

SUBJ = ("nsubj", "csubj")  # dependency labels of a subject

# Word lists of data/syntax/ (see its README): what each is for is said in its file.
RECIPIENT_PREPS = word_list("recipient_prepositions")  # "talks with X", "aid to X"
SUPPORT_PREPS = word_list("support_prepositions")  # "stood behind X": on a Support act only
LOCATIVE_PREPS = word_list("locative_prepositions")  # "in southern Lebanon", "near the border"
REACTION_PREPS = word_list("reaction_prepositions")  # "responded to the attack"
PARTICLES = word_list("verb_particles")  # "pulled back" tagged advmod
SHARED_PLACES = word_list("shared_places")  # "near the Afghan border": no one state's
CAUSE_PREPS = word_list("cause_prepositions")  # "died in shelling", "at the hands of"
TOPIC_PREPS = word_list("topic_prepositions")  # "a meeting on Haiti": what it is about (TOPIC_TOPS)
PROMPTING_NOUNS = word_list("prompting_nouns")  # "at Washington's request": whom the act answers
SETTING_PREPS = word_list("setting_prepositions")  # "in talks with X, Y said"
MEANS_NOUNS = word_list("means_nouns")  # "spoke by telephone with X"
SUBJECT_CONTROL_PREPS = word_list("subject_control_prepositions")  # "responded by expelling X"
SUMMONING_VERBS = word_list("summoning_verbs")  # "summoned the ambassador to protest": the summoner protests
INSTRUMENT_VERBS = word_list("instrument_verbs")  # "used his speech to call on X": the user calls
ALLY_PREPS = word_list("ally_prepositions")  # "fought alongside X": X is on the subject's side
MEMBER_PREPS = word_list("member_prepositions")  # "several countries, including Japan": the members
TOPIC_VERBS = word_list("topic_verbs")  # "discussed Syria": the object is the topic, not a party
FUTURE_AUXILIARIES = word_list("future_auxiliaries")  # "will give": told as settled, an intent
COMMENTATORS = word_list("commentator_nouns")  # "a Ghanaian political scientist", "state media"


def evidence_span(span: Span) -> tuple[int, str]:
    """Where a sentence's evidence starts in the article's text, and the text: from its first word
    to its last, read from the original text (``doc._.gpol_source``, where a masked dateline or
    credit is blank in the Doc but not in the source), so a blanked line after a headline is not
    part of it.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline()("Peru closed its border.  ")
    >>> evidence_span(doc[:])
    (0, 'Peru closed its border.')
    """
    first = next((t for t in span if not t.is_space), None)
    if first is None:
        return span.start_char, ""
    last = next(span[i] for i in range(len(span) - 1, -1, -1) if not span[i].is_space)
    start, end = first.idx, last.idx + len(last)
    source = span.doc._.gpol_source  # (not ``doc.text``, which the Doc joins anew at each call)
    raw = source[start:end] if source else span.doc[first.i:last.i + 1].text
    return start + len(raw) - len(raw.lstrip()), raw.strip()


def clause_tokens(v: Token):
    """Tokens of the trigger's own clause (not inside a clause of another verb)."""
    stack = [v]
    while stack:
        t = stack.pop()
        yield t
        for c in t.children:
            if c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis"):
                continue
            stack.append(c)


def clause_verb(tok: Token) -> Token | None:
    """The verb whose clause ``tok`` is in."""
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def holds(verb: Token | None, tok: Token) -> bool:
    """Whether ``tok`` is inside the clause of ``verb``, or coordinated with it and sharing its
    subject (or there is no verb): "freed them and flew them out", not "X thanked Y, and Z will
    visit next month", two clauses each with a subject of its own."""
    if verb is None or verb.i == tok.i or verb.is_ancestor(tok):
        return True
    own = [any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in (verb, tok)]
    return verb in tok.conjuncts and not all(own)


def with_partitive(tok: Token) -> list[Token]:
    """``tok`` and the objects of its "of", what it counts or is part of: "thousands of
    protesters" gives "thousands" and "protesters"."""
    return [tok] + [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]


def is_amount(tok: Token) -> bool:
    """Whether ``tok`` is a number or a noun of measure ("billion", "20 tons", "dollars")."""
    return tok.like_num or tok.lemma_.lower() in word_list("measure_nouns")


def amount_of(tok: Token) -> Token:
    """What an amount is of ("50 tons of weapons", "$2 billion of aid"), else ``tok`` itself (not
    "a $330 million sale of aircraft parts": a sale is no measure)."""
    if is_amount(tok):
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "in"):  # ("300 million dollars in aid")
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return tok


def object_context(dobj: Token | None) -> dict:
    """The object's modifiers and its own prepositional objects, for the lexicon's phrase patterns
    ("sent an arms shipment", "declared a state of emergency")."""
    if dobj is None:
        return {}
    mods = [w for c in dobj.children if c.dep_ in ("compound", "amod") and c.i < dobj.i
            for w in dict.fromkeys((c.lower_, c.lemma_.lower()))]
    preps = [(p.lower_, o.lemma_.lower()) for p in dobj.children if p.dep_ == "prep"
             for o in p.children if o.dep_ == "pobj"]
    return {"dobj_mods": mods, "dobj_preps": preps}


def by_trigger(events: list[Event], trigger_of: dict[int, int]) -> dict[int, list[Event]]:
    """The events by the index of their trigger token."""
    out: dict[int, list[Event]] = {}
    for ev in events:
        if id(ev) in trigger_of:
            out.setdefault(trigger_of[id(ev)], []).append(ev)
    return out


def clause_triggers(head: Token) -> list[Token]:
    """The tokens that trigger the events a clause tells: its verb and the verb's object nouns
    ("carried out air strikes", "signed a peace agreement")."""
    return [head] + [c for c in head.children if c.dep_ == "dobj"]


def story_states(doc: Doc) -> set[str]:
    """The states a story names, its dateline's included: the context a town's name is read in."""
    out = {m.key for m in doc._.gpol_mentions or () if m.kind == "State"}
    if doc._.gpol_home:
        out.add(doc._.gpol_home)
    return out


def own_clause(v: Token):
    """The tokens of ``v``'s clause without its subordinate clauses, whatever their head's part of
    speech ("... as Kremlin Threatens Retaliation" in a headline the tagger reads as a name)."""
    stack = [v]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if c.dep_ not in ("advcl", "ccomp", "relcl", "parataxis"))


def is_commentator(tok: Token) -> bool:
    """Whether a subject's head is someone who reports or comments and does not act (coding rules
    R1-R3; ``data/syntax/commentator_nouns.txt``): an analyst, an economist, state media.

    >>> import spacy
    >>> doc = spacy.blank("en")("Syrian state media said")
    >>> is_commentator(doc[2]), is_commentator(doc[0])
    (True, False)
    """
    return tok.pos_ != "PROPN" and (tok.lower_ in COMMENTATORS or tok.lemma_.lower() in COMMENTATORS)  # (not a name)


def side_of(keys, actors: dict) -> set[str]:
    """The side actors act for: themselves and the state or body a person or agency belongs to. A
    group of a state's society ("Sudan rebels", protesters) acts against its state as often as not,
    so its state is not its side."""
    return set(keys) | {actors[k].affiliation for k in keys
                        if k in actors and actors[k].affiliation and not actors[k].sector}
