"""Rules that read an event off an event noun ("talks with", "sanctions on", "the deployment of
troops to"): who owns it, whom it is aimed at, and the clause whose subject acts when the phrase
names no one.

They run in the order of :data:`kg.events.rules.NOUN_RULES` on a :class:`~kg.events.candidate.Candidate`
made from the noun and the lexicon's entry for it; each returns :data:`STOP` when the noun tells
no event, else nothing; what is left is told by :meth:`~kg.events.telling.Telling.emit`.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...taxonomy import event_classes, top_of
from ..candidate import STOP, Candidate
from ..modality import word_list
from ..state import DocState
from ..syntax import RECIPIENT_PREPS, SETTING_PREPS, TOPIC_PREPS
from ..tops import PATIENT_OF, PLACE_RECIPIENT_TOPS, TOPIC_TOPS
from .example import events as show  # noqa: F401  (the examples of the docstrings)

if TYPE_CHECKING:
    from ..extract import EventExtractor

__all__ = ["content_of_a_policy", "event_frame", "a_call_for_something_is_an_appeal", "is_appeal", "noun_arguments", "participle_agent",
           "modifiers_refine_class", "in_talks", "light_verb_subject", "partitive_of_light_verb", "light_verb_recipient",
           "answered_noun_aims_at_who_answers", "compound_names_party", "doers_sector_refines_class",
           "place_of_light_verb"]


def content_of_a_policy(ex: EventExtractor, cand: Candidate, st: DocState):
    """An event noun compounded with a plan, a proposal or another policy (``policy_nouns``)
    names what it plans or proposes, no act of its own: what is done is done to the policy.

    >>> show("Cambodia accepted the Malaysian ceasefire proposal.")
    [('Agree', ['cambodia'], ['malaysia'])]
    >>> show("Cambodia accepted the Malaysian ceasefire proposal.", without=content_of_a_policy)
    [('Agree', ['cambodia'], ['malaysia']), ('Ceasefire', ['malaysia'], [])]
    """
    n = cand.tok
    if n.dep_ == "compound" and n.head.i > n.i and n.head.lemma_.lower() in ex.policy_nouns:
        return STOP


def event_frame(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Launched a mediation effort between the Emirates and Saudi Arabia": the words of the
    frame noun (``event_frames``) are the event noun's.

    >>> show("Qatar's mediation effort between Rwanda and Congo failed.")
    [('Mediate', ['qatar'], ['rwanda']), ('Mediate', ['qatar'], ['democratic-republic-of-the-congo'])]
    >>> show("Qatar's mediation effort between Rwanda and Congo failed.", without=event_frame)
    []
    """
    n = cand.tok
    if n.dep_ == "compound" and n.head.i == n.i + 1 and n.head.lemma_.lower() in ex.frames:
        cand.frame = n.head
        cand.kids += [c for c in n.head.children if c.i != n.i]


def a_call_for_something_is_an_appeal(ex: EventExtractor, cand: Candidate, st: DocState):
    """A call for something or on someone, and calls from someone, are an appeal (Request), not a
    telephone call (:func:`is_appeal`): "France rejected calls from Vanuatu for a UN role", "the
    EU's call on Serbia to de-escalate". Its recipient is who it is made to ("on", "to"), not what
    it asks for.

    >>> show("Peru rejected calls from Chile for a referendum.")[1]
    ('Request', ['chile'], ['peru'])
    >>> show("Peru rejected calls from Chile for a referendum.", without=a_call_for_something_is_an_appeal)[1]
    ('PhoneCall', ['chile'], ['peru'])
    """
    if cand.cls == "PhoneCall" and is_appeal(cand.tok):
        entry = ex.lex.noun("appeal")[0]
        cand.entry = dataclasses.replace(entry, lemma=cand.lemma, recipient_preps=("on", "to"))
        cand.cls = entry.cls


def is_appeal(n: Token) -> bool:
    """Whether the noun "call" is an appeal: "calls for a referendum", "a call on Serbia to
    de-escalate", "calls from the EU" (plural, by no telephone), not "a phone call with Macron",
    "the call between the two leaders"."""
    if n.lemma_.lower() != "call":
        return False
    kids = list(n.children)
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in kids) \
            or any(c.dep_ == "compound" and c.lower_ in word_list("means_nouns") | {"video"} for c in kids):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in kids) or any(
        c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in kids) \
        or n.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in kids)


def noun_arguments(ex: EventExtractor, cand: Candidate, st: DocState):
    """The noun's own phrases: a possessor or adjective owns it ("Russia's support", "Iranian
    strikes"), "by"/"from" name who acts, "with"/"to"/"against"... whom it is aimed at, "between"
    both sides, "of" the one hit ("the invasion of Ukraine") or who acts ("the withdrawal of
    Serbian forces"); a compound name ("Iran sanctions") is kept for :func:`compound_names_party`.

    >>> show("Talks between Armenia and Azerbaijan resumed.")
    [('Negotiate', ['armenia'], ['azerbaijan'])]
    >>> show("Talks between Armenia and Azerbaijan resumed.", without=noun_arguments)
    []

    "From" names a place, not who acts, on the object of a light verb with a subject:

    >>> show("The Chadian army launched an incursion from Niger into Libya.")
    [('ArmedAttack', ['chad'], ['libya'])]

    A participle of targeting names whom it is aimed at (``data/syntax/targeting_verbs.txt``):

    >>> show("The EU imposed new sanctions targeting Russia's oil sector.")
    [('EconomicSanction', ['european-union'], ['russia'])]
    """
    entry, idx = cand.entry, st.idx
    actor_preps = set(getattr(entry, "actor_preps", ()) or ()) | {"by", "from"}
    recip_preps = set(getattr(entry, "recipient_preps", ()) or ()) or (RECIPIENT_PREPS - {"of"})
    if top_of(entry.cls) in TOPIC_TOPS:
        recip_preps -= TOPIC_PREPS  # "a meeting on Haiti", "talks over Syria": what it is about
    actors, recipients, themes = cand.actors, cand.recipients, cand.themes
    for c in cand.kids:
        if c.dep_ == "acl" and c.lemma_.lower() in word_list("targeting_verbs"):
            # "sanctions targeting vessels of Russia's shadow fleet", "strikes aimed at Hezbollah":
            # the first actor its object (or its "at"/"against" phrase) names
            objs = [o for o in c.children if o.dep_ == "dobj"] + [
                o for p in c.children if p.dep_ == "prep" and p.lower_ in ("at", "against")
                for o in p.children if o.dep_ == "pobj"]
            named = [idx[t.i] for o in objs for t in o.subtree if t.i in idx]
            if named:
                recipients.append((named[0].key, named[0].sector))
        elif c.dep_ == "poss" or (c.dep_ in ("amod", "nmod") and c.i in idx):
            actors.extend(ex.actors_of(c, st))
        elif c.dep_ == "compound" and c.i in idx:
            themes.extend(ex.actors_of(c, st))  # "Ukraine support", "Iran sanctions", "U.S. sanctions"
        elif c.dep_ == "prep":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            for o in objs:
                found = ex.actors_of(o, st)
                if c.lower_ in ("between", "among") and entry.cls == "Mediate":
                    recipients.extend(found)  # "mediation between X and Y": the mediator is not X
                elif c.lower_ == "between" or c.lower_ == "among":
                    if found:
                        actors.extend(found[:1])
                        recipients.extend(found[1:])
                elif c.lower_ == "of" and c.lower_ in recip_preps and top_of(entry.cls) in PATIENT_OF:
                    recipients.extend(found)  # "its invasion of South Lebanon", "the arrest of X"
                elif c.lower_ == "from" and _subject_of_light_verb(ex, cand, st):
                    continue  # "FACT launched an incursion from Libya": where from, not who
                elif c.lower_ in actor_preps:
                    actors.extend(found)
                elif c.lower_ in recip_preps:
                    recipients.extend(found)
                elif c.lower_ == "of":
                    # "the deployment of troops to X": look one level further
                    for p in o.children:
                        if p.dep_ == "prep" and p.lower_ in recip_preps:
                            for oo in p.children:
                                if oo.dep_ == "pobj":
                                    recipients.extend(ex.actors_of(oo, st))
                    if found and top_of(entry.cls) in PATIENT_OF:
                        recipients.extend(found)  # "the invasion of South Lebanon": the one hit
                    elif found and not actors:
                        actors.extend(found)  # "the withdrawal of Serbian forces"


def answered_noun_aims_at_who_answers(ex: EventExtractor, cand: Candidate, st: DocState):
    """An invitation, offer or request that someone accepts ("Cuban dissidents accepted an
    invitation from the Spanish embassy") was aimed at whoever accepts it
    (:func:`~kg.events.rules.verbs.reacted_object_told_here`).

    >>> show("Cuba accepted an invitation from Spain.")
    [('Agree', ['cuba'], ['spain']), ('Agree', ['spain'], ['cuba'])]
    >>> show("Cuba accepted an invitation from Spain.", without=answered_noun_aims_at_who_answers)
    [('Agree', ['cuba'], ['spain']), ('Agree', ['spain'], [])]
    """
    if not cand.recipients and cand.tok.i in st.answered:
        cand.recipients = [a for a in st.answered[cand.tok.i] if a not in cand.actors]


def _subject_of_light_verb(ex: EventExtractor, cand: Candidate, st: DocState) -> bool:
    """Whether the noun is the object of a light verb whose subject names an actor."""
    h, dep = _attachment(cand)
    return dep == "dobj" and h.lemma_.lower() in ex.light and bool(ex.subjects(h, st))


def participle_agent(ex: EventExtractor, cand: Candidate, st: DocState):
    """"A 50% tariff announced by U.S. President Donald Trump": the agent of a participle on the
    noun acts.

    >>> show("The tariffs announced by China angered Canada.")
    [('EconomicSanction', ['china'], ['canada (inferred)'])]
    >>> show("The tariffs announced by China angered Canada.", without=participle_agent)
    []
    """
    if cand.actors:
        return
    for c in cand.tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            cand.actors.extend(a for ag in c.children if ag.dep_ == "agent"
                               for o in ag.children if o.dep_ == "pobj" for a in ex.actors_of(o, st))


def modifiers_refine_class(ex: EventExtractor, cand: Candidate, st: DocState):
    """The noun's modifiers make the class finer: "humanitarian aid", "drone strikes"; so does the
    verb it is the object of ("staged a strike" is a labour strike: a protest).

    >>> show("Ireland sent humanitarian aid to Gaza.")
    [('HumanitarianAid', ['ireland'], ['palestine'])]
    >>> show("Ireland sent humanitarian aid to Gaza.", without=modifiers_refine_class)
    [('Aid', ['ireland'], ['palestine'])]
    >>> show("Germany pledged more military support to Ukraine.")
    [('MilitaryAid', ['germany'], ['ukraine'])]
    >>> show("The Nigeria Labour Congress staged a strike.")
    [('Protest', ['nigeria-labour-congress'], [])]
    >>> show("The Nigeria Labour Congress staged a strike.", without=modifiers_refine_class)
    [('Airstrike', ['nigeria-labour-congress'], [])]
    """
    n = cand.tok
    # (and the verb it is the object of: "staged a strike", "went on strike" are labour strikes)
    gov = n.head if n.dep_ == "dobj" else n.head.head if n.dep_ == "pobj" and n.head.lower_ == "on" else None
    governed = [f"verb:{gov.lemma_.lower()}"] if gov is not None and gov.pos_ in ("VERB", "AUX") else []
    _refine(cand, ex.lex.refine(n.lemma_, [c.lemma_ for c in n.children if c.dep_ in ("amod", "compound")] + governed))


def _refine(cand: Candidate, refined: str | None) -> None:
    if refined:
        cameo = cand.entry.cameo
        if top_of(refined) != top_of(cand.entry.cls):
            # "military support": aid (072), not the endorsement (051) the bare noun tells
            cameo = next(iter(event_classes()[refined].notations), None)
        cand.entry = dataclasses.replace(cand.entry, cls=refined, cameo=cameo)
        cand.cls = refined


def doers_sector_refines_class(ex: EventExtractor, cand: Candidate, st: DocState):
    """Who does it makes the noun's class finer (``noun_modifiers.tsv``, ``sector:`` rows, where
    ``sector:civic`` stands for every sector of ``data/syntax/civic_sectors.txt``): a strike by
    farmers, doctors or a union is a labour strike, a protest, not an attack.

    >>> show("A strike by Kenyan doctors entered its third week.")
    [('Protest', ['kenya-health-workers'], ['kenya (inferred)'])]
    >>> show("A strike by Kenyan doctors entered its third week.", without=doers_sector_refines_class)
    [('Airstrike', ['kenya-health-workers'], ['kenya (inferred)'])]
    """
    if cand.cls == cand.entry.cls:  # (not once a modifier has refined it: "drone strikes by the rebels")
        sectors = [s for _, s in cand.actors if s]
        civic = ["sector:civic"] if any(s in word_list("civic_sectors") for s in sectors) else []
        _refine(cand, ex.lex.refine(cand.tok.lemma_, [f"sector:{s}" for s in sectors] + civic))


def _attachment(cand: Candidate) -> tuple[Token, str]:
    """The head the noun (or its frame) hangs off, and how."""
    frame = cand.frame
    return (frame.head, frame.dep_) if frame is not None else (cand.tok.head, cand.tok.dep_)


def _unowned(cand: Candidate) -> bool:
    """No phrase of the noun named who acts, and no clause has been taken for it yet."""
    return not cand.actors and cand.governor is None


def in_talks(ex: EventExtractor, cand: Candidate, st: DocState):
    """"In talks with X, Y said": a noun with a recipient in a prepositional phrase of a clause
    is the act of the clause's subject.

    >>> show("During talks with Brazil, Argentina said trade would grow.")
    [('Negotiate', ['argentina'], ['brazil'])]
    >>> show("During talks with Brazil, Argentina said trade would grow.", without=in_talks)
    []
    """
    if not _unowned(cand):
        return
    h, dep = _attachment(cand)
    if dep == "pobj" and h.dep_ == "prep" and h.lower_ in SETTING_PREPS:
        h = h.head
        if h.pos_ in ("VERB", "AUX") and cand.recipients:
            cand.actors, cand.governor = ex.subjects(h, st), h


def light_verb_subject(ex: EventExtractor, cand: Candidate, st: DocState):
    """The object of a light verb ("conducted tests", "imposed sanctions") is the act of the
    verb's subject.

    >>> show("Australia imposed sanctions on Myanmar.")
    [('EconomicSanction', ['australia'], ['myanmar'])]
    >>> show("Australia imposed sanctions on Myanmar.", without=light_verb_subject)
    []
    """
    if not _unowned(cand):
        return
    h, dep = _attachment(cand)
    if dep in ("dobj", "nsubjpass", "attr") and h.lemma_.lower() in ex.light:
        cand.actors, cand.governor = ex.subjects(h, st), h


def partitive_of_light_verb(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Launched waves of airstrikes": the event noun of a partitive object of a light verb is
    the subject's act.

    >>> show("Russia launched waves of airstrikes on Ukraine.")
    [('Airstrike', ['russia'], ['ukraine'])]
    >>> show("Russia launched waves of airstrikes on Ukraine.", without=partitive_of_light_verb)
    []
    """
    if not _unowned(cand):
        return
    h, dep = _attachment(cand)
    if dep == "pobj" and h.lower_ == "of" and h.head.dep_ in ("dobj", "nsubjpass") \
            and h.head.head.lemma_.lower() in ex.light and ex.event_noun(h.head) == cand.tok:
        cand.governor = h.head.head
        cand.actors = ex.subjects(cand.governor, st)


def light_verb_recipient(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Sent emergency aid to Afghanistan": the light verb carries the recipient.

    >>> show("Peru lodged a protest with Chile.")
    [('Accuse', ['peru'], ['chile'])]
    >>> show("Peru lodged a protest with Chile.", without=light_verb_recipient)
    [('Accuse', ['peru'], ['chile (inferred)'])]
    """
    governor = cand.governor
    if governor is not None and not cand.recipients and governor.lemma_.lower() in ex.light:
        cand.recipients = [r for r in ex.objects(governor, st, top_of(cand.entry.cls)) if r not in cand.actors]


def compound_names_party(ex: EventExtractor, cand: Candidate, st: DocState):
    """A name compounded with the noun ("Ukraine support", "Iran sanctions") is its recipient when
    another phrase names who acts, else its actor ("U.S. sanctions").

    >>> show("China welcomed the Ukraine talks.")
    [('Praise', ['china'], ['ukraine (inferred)']), ('Negotiate', ['ukraine'], [])]
    >>> show("China welcomed the Ukraine talks.", without=compound_names_party)
    [('Praise', ['china'], ['ukraine (inferred)'])]
    """
    if cand.themes:
        if cand.actors:
            cand.recipients.extend(cand.themes)
        else:
            cand.actors = cand.themes


def place_of_light_verb(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Staged drills around Taiwan": the place that hangs off the light verb is hit.

    >>> show("China staged air strikes near Taipei.")
    [('Airstrike', ['china'], ['taiwan'])]
    >>> show("China staged air strikes near Taipei.", without=place_of_light_verb)
    [('Airstrike', ['china'], [])]
    """
    governor = cand.governor
    if governor is not None and not cand.recipients and top_of(cand.cls) in PLACE_RECIPIENT_TOPS:
        cand.recipients = ex.place_state(governor, st, {k for k, _ in cand.actors})
