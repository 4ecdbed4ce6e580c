"""Rules that read an event off a verb: its lexicon reading, its actors and recipients.

They run in the order of :data:`kg.events.rules.VERB_RULES` on a :class:`~kg.events.candidate.Candidate`
made from the verb (its lemma, object, prepositions, particle); each returns :data:`STOP` when the
verb tells no event, else nothing; what is left is told by :meth:`~kg.events.telling.Telling.emit`.
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from ...actors.recognise import STATE_AGENT_SECTORS
from ...taxonomy import quad_of, top_of
from ..candidate import STOP, Candidate
from ..lexicon import LexEntry
from ..modality import word_list
from ..state import DocState
from ..syntax import (CAUSE_PREPS, REACTION_PREPS, amount_of, is_amount, object_context, own_clause, side_of,
                      with_partitive)
from ..tops import ADDRESSED_TOPS, ANSWERED_TOPS, ANY_ACT, PUT_TO_TOPS, CONTENT_GOVERNORS, FORCE_TOPS, REACTING_TOPS
from .example import events as show  # noqa: F401  (the examples of the docstrings)
from .nouns import is_appeal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..extract import EventExtractor

__all__ = ["told_elsewhere", "sports_result_is_no_event", "declining_to_comment_is_no_event", "claimed_attack", "object_predicate", "lexicon_reading", "composed_reading", "diplomats_told_to_leave",
           "message_carries_the_event", "anonymity_is_no_event", "being_asked_is_no_request",
           "noun_object_types_event",
           "amount_refines_class", "subjects_act", "unnamed_agent", "custody_is_the_states_act", "victims_and_causes",
           "protesters_group", "crowd_storming_building_protests", "crowd_blocking_protests",
           "crowd_gathering_protests",
           "objects_are_recipients", "summed_up_act_is_the_target",
           "receiving_is_the_givers_act",
           "evacuation_aids_the_evacuees_state",
           "protest_aims_at_own_state", "bare_noun_refers_back", "insisting_on_a_fact_is_no_demand",
           "order_to_own_forces_is_the_act", "an_order_for_a_thing_is_no_demand",
           "denial_of_own_act", "content_clause",
           "condition_names_target",
           "force_for_purpose", "launch_at_someone_attacks", "agreeing_to_yield_is_a_concession",
           "setting_participle_is_no_meeting",
           "reacted_object_told_here",
           "reaction_preps_told_here", "renamed_event_actors", "hosted_thing"]


def told_elsewhere(ex: EventExtractor, cand: Candidate, st: DocState):
    """A trigger whose event another one tells (a demand's content, what a reaction reacts to) is
    no event of its own: "urged Hanoi to resume talks" is one Request, not a Consult too.

    >>> show("Japan urged Vietnam to resume talks with China.")
    [('Request', ['japan'], ['vietnam'])]
    >>> show("Japan urged Vietnam to resume talks with China.", without=told_elsewhere)
    [('Request', ['japan'], ['vietnam']), ('Negotiate', ['vietnam'], ['china'])]
    """
    if cand.tok.i in st.suppressed:
        return STOP


_SCORE = re.compile(r"^\d{1,2}[-\u2013]\d{1,2}$")


def _is_score(tok: Token) -> bool:
    """"2-0" as one token, or "2" that a dash joins to another number of one or two digits."""
    if _SCORE.match(tok.text):
        return True
    doc = tok.doc
    if not (tok.is_digit and len(tok.text) <= 2):
        return False
    for a, b in ((tok.i + 1, tok.i + 2), (tok.i - 1, tok.i - 2)):
        if 0 <= min(a, b) and max(a, b) < len(doc) and doc[a].text in ("-", "\u2013") \
                and doc[b].is_digit and len(doc[b].text) <= 2:
            return True
    return False


def sports_result_is_no_event(ex: EventExtractor, cand: Candidate, st: DocState):
    """A match between national teams named as their states ("Brazil beat Argentina 2-0 in a World
    Cup qualifier") is no act between the states: a verb with a score among its own phrases, or
    a phrase "in", "at", "to" or "by" headed by a noun of sport (``competition_nouns``), its own or
    one of its phrases' ("on penalties in the final"), tells no event.

    >>> show("Brazil beat Argentina 2-0 in a World Cup qualifier.")
    []
    >>> show("Brazil beat Argentina 2-0 in a World Cup qualifier.", without=sports_result_is_no_event)
    [('ArmedAttack', ['brazil'], ['argentina'])]
    """
    nouns = word_list("competition_nouns")
    if any(_is_score(c) for c in cand.tok.children):
        return STOP
    # the verb's prepositional phrases, and those of their objects ("on penalties in the final")
    preps = [c for c in cand.tok.children if c.dep_ == "prep"]
    while preps:
        p = preps.pop()
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if p.lower_ in ("in", "at", "to", "by") and (o.lemma_.lower() in nouns or o.lower_ in nouns
                                                          or any(_is_score(t) for t in o.children)):
                return STOP
            preps += [c for c in o.children if c.dep_ == "prep"]
    return None


def object_predicate(ex: EventExtractor, cand: Candidate, st: DocState):
    """The label a labelling verb gives its object (``data/lexicon/labels.tsv``) tells the act:
    CAMEO's "- * WORD" patterns name the word after the object, which the parser makes the object
    predicate ("called the arrests a provocation"); "described the remarks as insolent" names it
    after "as" (on the verb or on its object); a label may be the modifier of a plain noun
    ("described the group as a terrorist organisation").

    >>> show("Hungary called the vote a provocation.")
    [('Condemn', ['hungary'], [])]
    >>> show("Hungary called the vote a provocation.", without=object_predicate)
    []
    >>> show("Hungary described Serbia's remarks as insolent.")
    [('Condemn', ['hungary'], ['serbia'])]
    >>> show("Serbia launched what it called a counter-terror operation.", without=object_predicate) == \\
    ...     show("Serbia launched what it called a counter-terror operation.")
    True
    >>> show("Guyana called the Venezuelan move a provocation.")  # (the label parsed as the object's object)
    [('Condemn', ['guyana'], ['venezuela'])]
    >>> show("Colombia called the Ecuadorian raid an act of barbarism.")
    [('Condemn', ['colombia'], ['ecuador'])]
    >>> show("Israel held Hamas responsible for the rocket fire.")
    [('Accuse', ['israel'], ['hamas'])]
    >>> show("Serbia described the threat of sanctions as blackmail unworthy of a partner.")
    [('Condemn', ['serbia'], [])]
    >>> show('Chile called the attack "a war crime aimed at civilians".')
    [('Condemn', ['chile'], [])]
    """
    v = cand.tok
    kids = list(v.children)  # (read once: each pass over v.children makes new token objects)
    # (the lexicon pattern each slot's label is looked up under, and the label)
    slots = [("dobj:", c) for c in kids if c.dep_ == "oprd" and c.pos_ in ("NOUN", "ADJ")]
    # ("called the Venezuelan move a provocation": the small parser may hang the label off the
    # object, as the object's own object)
    slots += [("dobj:", g) for c in kids if c.dep_ in ("dobj", "oprd", "ccomp") and c.pos_ == "NOUN"
              for g in c.children if g.dep_ in ("dobj", "oprd") and g.pos_ == "NOUN" and g.i > c.i]
    # ("held Hamas responsible": the parser may make the label the object's modifier after it, or
    # the head of a clause of its own)
    slots += [("dobj:", g) for c in kids if c.dep_ == "dobj"
              for g in c.children if g.dep_ == "amod" and g.pos_ == "ADJ" and g.i > c.i]
    slots += [("dobj:", c) for c in kids if c.dep_ == "ccomp" and c.pos_ == "ADJ"
              and any(g.dep_ == "nsubj" for g in c.children)]
    # ('called the attack "a war crime aimed at civilians"': a label in quotes the parser sets
    # beside the object)
    slots += [("dobj:", g) for c in kids if c.dep_ == "dobj"
              for g in c.children if g.dep_ == "appos" and g.pos_ == "NOUN" and g.i > c.i
              and any(t.is_quote for t in g.doc[c.i + 1:g.left_edge.i])]
    holders = [v, *(c for c in kids if c.dep_ == "dobj")]
    slots += [("prep:as:", o) for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
              for o in p.children if o.dep_ in ("pobj", "amod", "acomp") and o.pos_ in ("NOUN", "ADJ")]
    # ("described the threat as blackmail": the small parser may read the label as a clause "as"
    # marks, with no subject of its own)
    slots += [("prep:as:", c) for h in holders for c in h.children if c.dep_ == "advcl"
              and c.pos_ in ("NOUN", "VERB") and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    if any(c.dep_ == "dobj" and c.tag_ == "WP" for c in v.children) and not any(
            c.dep_ == "poss" for _, label in slots for c in label.children):
        # "repel what he called terrorist gangs", "condemned what it called a provocation": the
        # verb the phrase serves tells the act, the label only names its object (not "to stop
        # what he called Thailand's aggression": the label names whom it reproaches)
        return
    # ("called the raid an act of barbarism": a noun of kind names the label after "of")
    slots += [(pattern, o) for pattern, label in slots if label.lemma_.lower() in word_list("label_kinds")
              for p in label.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    for pattern, label in slots:
        # (a modifier with its own prefix is no label: "counter-terror operations")
        for w in [label, *(c for c in label.children if c.dep_ in ("amod", "compound") and c.left_edge.i == c.i)]:
            word = w.lemma_.lower()
            entry = ex.lex.verb(cand.lemma, dobj=word) if pattern == "dobj:" else ex.lex.verb(cand.lemma, preps=[("as", word)])
            if entry is not None and (entry.pattern or "").startswith(pattern):
                cand.entry = entry
                st.suppressed.add(label.i)  # (a label read as a verb is no act of its own)
                return


def lexicon_reading(ex: EventExtractor, cand: Candidate, st: DocState):
    """The lexicon's reading of the verb with its object, prepositions and particle; the object
    of an amount is what the amount is of ("sent 50 tons of weapons": weapons), and the object as
    written is tried first (CAMEO codes "lift * SANCTIONS" 085 and "lift * SANCTION" 0351).

    >>> show("Chile praised Argentina.")
    [('Praise', ['chile'], ['argentina'])]
    >>> show("Chile praised Argentina.", without=lexicon_reading)
    []
    """
    if cand.entry is not None:
        return
    v, dobj, lemma, preps, prt = cand.tok, cand.dobj, cand.lemma, cand.preps, cand.prt
    lexical = None
    what = amount_of(dobj) if dobj is not None else None
    if what is not None and what is dobj and is_amount(dobj):
        # "gave 30 million dollars in humanitarian aid": the parser may hang the "in" on the verb
        what = next((o for p in v.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                     if o.dep_ == "pobj" and ex.lex.noun(o.lemma_.lower())), dobj)
    context = object_context(what)  # ("40 million euros in humanitarian aid": its modifiers)
    if what is not None and what.lower_ != what.lemma_.lower():
        lexical = ex.lex.verb(lemma, preps=preps, dobj=what.lower_, particle=prt, **context)
        lexical = lexical if lexical is not None and lexical.pattern and lexical.pattern.startswith(
            f"dobj:{what.lower_}") else None
    if lexical is None:
        lexical = ex.lex.verb(lemma, preps=preps, dobj=what.lemma_.lower() if what is not None else None,
                              particle=prt, **context)
    cand.what, cand.lexical = what, lexical


def composed_reading(ex: EventExtractor, cand: Candidate, st: DocState):
    """A reading composed from the verb's kind and its object's (:meth:`composed_entry`: ending
    cooperation, leaving an organisation, easing or imposing measures, occupying a town, building
    up forces) is more specific than the plain verb's: "halted aid to X" reduces relations.

    >>> show("Niger quit ECOWAS.")
    [('Sanction', ['niger'], ['ecowas'])]
    >>> show("Niger quit ECOWAS.", without=composed_reading)
    []
    """
    if cand.entry is None and (cand.lexical is None or not cand.lexical.pattern) and cand.dobj is not None:
        cand.entry = ex.composed_entry(cand.lemma, cand.dobj, st, cand.tok)


def diplomats_told_to_leave(ex: EventExtractor, cand: Candidate, st: DocState):
    """Telling, ordering or giving diplomats time to leave expels them: relations broken with
    their state (coding rule R19; CAMEO 161), not a demand.

    >>> show("Chad ordered the French ambassador to leave the country.")
    [('BreakRelations', ['chad'], ['france'])]
    >>> show("Chad ordered the French ambassador to leave the country.", without=diplomats_told_to_leave)
    [('Request', ['chad'], ['france'])]
    """
    v = cand.tok
    if cand.lemma not in ex.command_verbs | {"give", "ask"}:
        return
    # (any rank, when the phrase names the post: "a Russian embassy second secretary")
    told = [c for c in v.children if c.dep_ in ("dobj", "dative") and (
        c.lemma_.lower() in ex.diplomat_nouns
        or any(m.dep_ in ("compound", "nmod") and m.lemma_.lower() in word_list("mission_nouns") for m in c.children))]
    leave = [c for c in v.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in ex.leaving
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    # (not its own: "ordered its embassy staff to leave" brings them home)
    own = told and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in told[0].children)
    if told and leave and not own:
        cand.entry = LexEntry(cand.lemma, f"dobj:{told[0].lemma_.lower()}", "161", "SANCTION", "BreakRelations", "rule")
        for c in leave:
            st.suppressed.add(c.i)  # (the leaving is the expulsion, no act of the diplomat's)


def message_carries_the_event(ex: EventExtractor, cand: Candidate, st: DocState):
    """Issuing, sending or adopting a message that tells an act ("adopted a resolution condemning
    X", "sent a letter urging talks") is no event of its own: the act its participle tells is.

    >>> show("Lithuania's parliament adopted a resolution calling on Russia to withdraw.")
    [('Request', ['lithuania'], ['russia'])]
    >>> show("Lithuania's parliament adopted a resolution calling on Russia to withdraw.",
    ...      without=message_carries_the_event)
    [('SignAgreement', ['lithuania'], ['russia (inferred)']), ('Request', ['lithuania'], ['russia'])]

    Making a message public is no release: "released" frees no one here.

    >>> show("Israel released a video of the strike.")
    []
    >>> show("Israel released a video of the strike.", without=message_carries_the_event)
    [('Release', ['israel'], [])]
    """
    d = cand.dobj
    # (not an act on a message: "vetoed a resolution demanding a ceasefire", "blocked a statement")
    if cand.lemma in ex.issuing and d is not None and d.dep_ == "dobj" and d.lemma_.lower() in ex.message_nouns \
            and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in d.children):
        return STOP
    if cand.lemma in word_list("publishing_verbs") and d is not None and d.dep_ == "dobj" \
            and d.lemma_.lower() in ex.message_nouns:
        return STOP  # "released a video of the strike", "has not released a toll": no one freed
    return None


def anonymity_is_no_event(ex: EventExtractor, cand: Candidate, st: DocState):
    """A source asking not to be named ("a diplomat, who asked not to be named, said ...") makes no
    appeal: a verb whose clause is a passive of naming (``naming_verbs``) tells no event.

    >>> show("A Kenyan minister, who asked not to be named, said talks had stalled.")
    []
    >>> show("A Kenyan minister, who asked not to be named, said talks had stalled.",
    ...      without=anonymity_is_no_event)
    [('Request', ['kenya'], [])]
    """
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in ex.naming_verbs
           and any(a.dep_ == "auxpass" for a in c.children) for c in cand.tok.children):
        return STOP
    return None


def declining_to_comment_is_no_event(ex: EventExtractor, cand: Candidate, st: DocState):
    """Refusing to answer the press ("declined to comment", "refused to confirm the meeting",
    "declined to say whether") rejects no one: a verb of refusal whose infinitive is a verb of
    answering (``comment_verbs``) tells no event.

    >>> show("The Kremlin declined to comment on the report.")
    []
    >>> show("The Kremlin declined to comment on the report.", without=declining_to_comment_is_no_event)
    [('Reject', ['russia'], [])]
    """
    plain = ex.lex.verb(cand.lemma)
    if plain is not None and top_of(plain.cls) == "Reject" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in ex.comment_verbs for c in cand.tok.children):
        return STOP
    return None


def being_asked_is_no_request(ex: EventExtractor, cand: Candidate, st: DocState):
    """A participle that says the subject was asked ("Asked about the sanctions, the minister said
    ...", "Pressed on whether talks would resume, she said ...") tells how a quote came about: the
    one asked makes no appeal. A clause-opening past participle of a verb of asking, with no
    subject, auxiliary or actor named after "by", tells no event ("Urged by the UN, Kenya agreed"
    still tells the UN's appeal).

    >>> show("Asked about the sanctions, the Kenyan foreign minister said Nairobi would not comment.")
    []
    >>> show("Asked about the sanctions, the Kenyan foreign minister said Nairobi would not comment.",
    ...      without=being_asked_is_no_request)
    [('Request', ['kenya'], [])]
    """
    tok = cand.tok
    plain = ex.lex.verb(cand.lemma)
    if plain is None or top_of(plain.cls) != "Request" or tok.tag_ != "VBN" or tok.dep_ != "advcl" \
            or tok.i > tok.head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in tok.children):
        return None
    if any(c.dep_ == "agent" and any(g.i in st.idx for g in c.subtree) for c in tok.children):
        return None
    return STOP


def noun_object_types_event(ex: EventExtractor, cand: Candidate, st: DocState):
    """A light verb whose object is an event noun ("held talks", "launched airstrikes"), or a verb
    the lexicon does not know with it: the noun types the event, the verb tells none.

    >>> show("Ghana conducted talks with Togo.")
    [('Negotiate', ['ghana'], ['togo'])]
    >>> show("Ghana conducted talks with Togo.", without=noun_object_types_event)
    [('Cooperate', ['ghana'], ['togo']), ('Negotiate', ['ghana'], ['togo'])]
    """
    if cand.entry is None and ex.event_noun(cand.dobj) is not None \
            and (cand.lemma in ex.light or cand.lexical is None):
        return STOP


def amount_refines_class(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Gave 40 million euros in humanitarian aid": the modifiers of what the amount is of make
    the class finer.

    >>> show("Sweden gave 10 million dollars in humanitarian aid to Yemen.")
    [('HumanitarianAid', ['sweden'], ['yemen'])]
    >>> show("Sweden gave 10 million dollars in humanitarian aid to Yemen.", without=amount_refines_class)
    [('Aid', ['sweden'], ['yemen'])]
    """
    what, entry = cand.what, cand.entry
    if what is not None and what is not cand.dobj and ex.lex.noun(what.lemma_.lower()):
        refined = ex.lex.refine(what.lemma_, [c.lemma_ for c in what.children if c.dep_ in ("amod", "compound")])
        if refined and top_of(refined) == top_of(entry.cls):
            cand.entry = dataclasses.replace(entry, cls=refined)
            cand.cls = refined


def subjects_act(ex: EventExtractor, cand: Candidate, st: DocState):
    """The verb's subjects act (:meth:`subjects`: passives, coordination, controlled clauses).

    >>> show("Ecuador was criticised by Colombia.")
    [('Condemn', ['colombia'], ['ecuador'])]
    >>> show("Ecuador was criticised by Colombia.", without=subjects_act)
    []
    """
    cand.actors = ex.subjects(cand.tok, st)


def claimed_attack(ex: EventExtractor, cand: Candidate, st: DocState):
    """An attack whose sentence names no attacker but one who claims it: the claimant attacked
    (:meth:`claimants`).

    >>> show("Drones struck oil facilities in Saudi Arabia; the Houthis claimed the attack.")
    [('Airstrike', ['houthis'], ['saudi-arabia'])]
    >>> show("Drones struck oil facilities in Saudi Arabia; the Houthis claimed the attack.", without=claimed_attack)
    []
    """
    if not cand.actors and top_of(cand.cls) == "Assault":
        cand.actors = ex.claimants(cand.sent, st)


def unnamed_agent(ex: EventExtractor, cand: Candidate, st: DocState):
    """A participle with no agent ("a diplomat accused of spying", "civilians killed in the
    fighting"): the noun is the one acted on, and who acted is not told (troops "deployed to the
    border" are their state's own, so Mobilize stays). Not the main verb the parser took for a
    participle of a subject it made the root ("Turkey, which has ties with both, offered to host
    talks": Turkey offered).

    >>> show("Ukraine freed a Russian soldier accused of looting.")
    [('Release', ['ukraine'], ['russia'])]
    >>> show("Ukraine freed a Russian soldier accused of looting.", without=unnamed_agent)
    [('Release', ['ukraine'], ['russia']), ('Accuse', ['russia'], ['ukraine (inferred)'])]
    """
    v = cand.tok
    if v.dep_ != "acl" or v.tag_ != "VBN" or any(c.dep_ in ("agent", "nsubj") for c in v.children) \
            or top_of(cand.cls) == "Mobilize":
        return None
    h = v.head
    if h.dep_ == "ROOT" and h.pos_ in ("PROPN", "NOUN") and h.i < v.i and v.doc[v.i - 1].text == "," \
            and any(c.dep_ == "relcl" for c in h.children):
        return None  # the main verb of a subject the parser made the root
    return STOP


def custody_is_the_states_act(ex: EventExtractor, cand: Candidate, st: DocState):
    """A person or a group arrested, detained, jailed, dispersed, deported or freed with no agent
    named (``data/syntax/custody_verbs.txt``: "Sonko was arrested in July") was so by a state: the
    state of the town the clause is set in, else the one whose police, army or government says so
    ("Peru's police said 14 protesters were detained"), else the story's own (its dateline), not
    the one held (as the corpus codes it: only a state holds people in custody).

    >>> show("Opposition leader Ousmane Sonko was arrested in Dakar on Friday.")
    [('Arrest', ['senegal'], ['ousmane-sonko'])]
    >>> show("Opposition leader Ousmane Sonko was arrested in Dakar on Friday.", without=custody_is_the_states_act)
    []
    """
    v = cand.tok
    if cand.actors or cand.lemma not in ex.custody_verbs or any(c.dep_ == "agent" for c in v.children):
        return
    held = [a for c in v.children if c.dep_ == "nsubjpass" for a in ex.actors_of(c, st)]
    if not held:
        return
    actors = v.doc._.gpol_actors or {}
    if any(getattr(actors.get(k), "kind", None) == "State" for k, _ in held):
        return  # ("Russia was expelled from the council": a body's act, not custody)
    state = ex.town_state(v, st) or _reporting_agency(ex, v, st) or v.doc._.gpol_home
    if state is None or state in {k for k, _ in held}:
        return
    cand.actors = [(state, None)]


def _reporting_agency(ex: EventExtractor, v: Token, st: DocState) -> str | None:
    """The state whose police, army or government says a clause happened ("the national police
    said 14 people were detained": the state the police are of)."""
    if v.dep_ != "ccomp" or v.head.lemma_.lower() not in ex.speech:
        return None
    for s in (c for c in v.head.children if c.dep_ == "nsubj"):
        m = st.idx.get(s.i)
        if m is not None and m.kind == "State" and m.sector in STATE_AGENT_SECTORS:
            return m.key
    return None


def victims_and_causes(ex: EventExtractor, cand: Candidate, st: DocState):
    """"A prisoner died in police custody": with a verb of suffering (``victim_verbs``) the subject
    suffered the assault and its cause names the actor; a cause that is an event noun ("died in
    Israeli strikes") is the event itself.

    >>> show("Three Malian soldiers died at the hands of JNIM fighters.")
    [('ArmedAttack', ['jnim'], ['mali'])]
    >>> show("Three Malian soldiers died at the hands of JNIM fighters.", without=victims_and_causes)
    [('ArmedAttack', ['mali'], ['jnim'])]
    """
    v, idx = cand.tok, st.idx
    if cand.lemma not in ex.victim_verbs or top_of(cand.cls) != "Assault":
        return
    victims, actors = cand.actors, []
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS:
            for o in c.children:
                if o.dep_ != "pobj" or ex.is_place(o, st) or (o.i in idx and idx[o.i].kind == "State"):
                    continue  # ("died in Ukraine": a place)
                if ex.event_noun(o) is not None:
                    return STOP  # "died in Israeli strikes": the strikes are the event
                actors += [a for a in ex.actors_of(o, st) if a not in actors and a not in victims]
    if actors:
        ex.emit(st, cand.cls, cand.entry.cameo, v, actors, victims, 0.6, cand.sent)
    return STOP


def protesters_group(ex: EventExtractor, cand: Candidate, st: DocState):
    """People protesting ("Thousands of Georgians rallied", "Protesters stormed the parliament")
    are a group of their state (:meth:`protesters`), not the state, whatever they do.

    >>> show("Thousands of Serbians protested in Belgrade.")
    [('Demonstrate', ['serbia-civilians'], ['serbia'])]
    >>> show("Thousands of Serbians protested in Belgrade.", without=protesters_group)
    [('Accuse', ['serbia'], [])]
    """
    v, actors = cand.tok, cand.actors
    crowd = any(c.dep_ == "nsubj" and c.lemma_.lower() in ex.crowd_nouns for c in v.children)
    if crowd and actors and all(ex.gaz.sector_group(s) for _, s in actors):
        # "Iranian police detained dozens of students ... The students attacked a police station":
        # the actor stage has made the crowd a group already; it is the crowd the story tells of
        # (and, as a crowd, aims at its own state when no target is named)
        cand.protesters = True
        st.crowd = actors[0]
        return
    protesters = top_of(cand.cls) == "Protest" and (not actors or any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ex.people_counts for c in v.children)) or (not actors and crowd)
    if protesters:
        group = ex.protesters(v, st)
        cand.protesters = bool(group) or not actors
        cand.actors = group or actors


def objects_are_recipients(ex: EventExtractor, cand: Candidate, st: DocState):
    """The verb's objects and prepositional objects (:meth:`objects`) are its recipients, but not
    its own actors ("warned it would").

    >>> show("Peru met Chile.")
    [('Meet', ['peru'], ['chile'])]
    >>> show("Peru met Chile.", without=objects_are_recipients)
    [('Meet', ['peru'], [])]
    """
    own = {k for k, _ in cand.actors}
    cand.recipients = [r for r in ex.objects(cand.tok, st, top_of(cand.cls)) if r[0] not in own]


def summed_up_act_is_the_target(ex: EventExtractor, cand: Candidate, st: DocState):
    """A reaction told of a noun that sums up the act before it ("Thailand recognised the junta's
    envoy, a decision condemned by the opposition", "a move welcomed by Beijing", "a step Beijing
    had requested"; ``data/syntax/summary_nouns.txt``) is aimed at who did that act, the subject of
    the clause the noun is set off from (of what a speaker said they would do: "Vietnam said it
    would scrap visas, a move welcomed by Beijing").

    >>> show("Chile recognised the rebel envoy, a decision condemned by Peru.")
    [('Recognize', ['chile'], []), ('Condemn', ['peru'], ['chile'])]
    >>> show("Chile recognised the rebel envoy, a decision condemned by Peru.", without=summed_up_act_is_the_target)
    [('Recognize', ['chile'], []), ('Condemn', ['peru'], ['chile (inferred)'])]
    """
    tok = cand.tok
    noun = tok.head
    if cand.recipients or tok.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in ex.summary \
            or noun.dep_ not in ("dobj", "npadvmod", "appos", "attr"):
        return
    verb = noun.head
    if noun.dep_ == "appos" and verb.dep_ in ("dobj", "attr") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # ("recognised the envoy, a decision ...": the parser hangs it off the object)
    if verb.pos_ not in ("VERB", "AUX") or not any(t.is_punct for t in tok.doc[verb.i + 1:noun.i]):
        return
    if verb.lemma_.lower() in ex.speech:
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    own = side_of([k for k, _ in cand.actors], tok.doc._.gpol_actors or {})
    cand.recipients = [r for r in ex.subjects(verb, st) if r[0] not in own]


def receiving_is_the_givers_act(ex: EventExtractor, cand: Candidate, st: DocState):
    """What one receives from another is the giver's act towards the receiver: "The Solomon Islands
    received 60 vehicles from China" is China's aid (coding rule R13); a thing received from no one
    named tells no event ("Washington had received the request", "the hospital received 100
    wounded"). A visitor received (a name, an official, a delegation) visits the one who receives
    them (coding rule R9: the visitor acts, the host is the recipient).
    (``data/syntax/receiving_verbs.txt``)

    >>> show("Rwanda received $240 million from Britain.")
    [('Aid', ['united-kingdom'], ['rwanda'])]
    >>> show("Rwanda received $240 million from Britain.", without=receiving_is_the_givers_act)
    [('Host', ['rwanda'], ['united-kingdom'])]
    >>> show("Putin received Erdogan in Sochi.")
    [('Visit', ['recep-tayyip-erdogan'], ['vladimir-putin'])]
    >>> show("Putin received Erdogan in Sochi.", without=receiving_is_the_givers_act)
    [('Host', ['vladimir-putin'], ['recep-tayyip-erdogan'])]
    """
    if cand.lemma not in ex.receiving or cand.tok.pos_ != "VERB":
        return
    v, idx = cand.tok, st.idx
    dobj = next((c for c in v.children if c.dep_ == "dobj"), None)
    guest = dobj if dobj is not None else next((c for c in v.children if c.dep_ == "nsubjpass"),
                                               next(iter(ex.joined_passive_subjects(v)), None))
    sector = ex.gaz.sector(guest.lemma_.lower()) if guest is not None else None
    if guest is not None and (guest.i in idx or guest.ent_type_ == "PERSON"
                              or (sector and ex.gaz.sector_group(sector) is None)):
        # "received Javad Zarif in Muscat", "To Lam was received by Xi Jinping": a visit
        if cand.actors and cand.recipients:
            cand.read_as("Visit", "042")
            cand.actors, cand.recipients = cand.recipients, cand.actors
        return
    if dobj is None:
        return  # ("was warmly received by Canberra": a reception, as the lexicon reads it)
    if any(t.i in idx for t in dobj.subtree):
        return  # "received his counterpart from Mali": a visitor the parse does not head
    givers = [a for p in v.children if p.dep_ == "prep" and p.lower_ == "from"
              for o in p.children if o.dep_ == "pobj" for a in ex.actors_of(o, st)]
    if not givers or not cand.actors:
        return STOP
    if top_of(cand.cls) != "Aid":
        cand.read_as("Aid", "070")
    receivers = [a for a in cand.actors if a not in givers]
    cand.actors, cand.recipients = givers, receivers


def crowd_storming_building_protests(ex: EventExtractor, cand: Candidate, st: DocState):
    """People in the street storming, occupying or burning a building protest (coding rule R19);
    their force on people, and an attack, stay an assault.

    >>> show("Tunisian protesters stormed the parliament building.")
    [('Protest', ['tunisia-opposition'], ['tunisia'])]
    >>> show("Tunisian protesters stormed the parliament building.", without=crowd_storming_building_protests)
    [('ArmedAttack', ['tunisia-opposition'], ['tunisia'])]
    """
    if not cand.protesters or top_of(cand.cls) not in ("Assault", "Coerce") or cand.lemma not in ex.storming_verbs:
        return
    v = cand.tok
    objs = [c for c in v.children if c.dep_ == "dobj"]
    objs += [o for p in v.children if p.dep_ == "prep" and p.lower_ in ("to", "into", "on")
             for o in p.children if o.dep_ == "pobj"]   # "set fire to the embassy", "broke into the palace"
    if any(o.lemma_.lower() in ex.building_nouns for o in objs):
        # (CAMEO 145: protest violently, riot)
        cand.read_as("Protest", "145")


def crowd_blocking_protests(ex: EventExtractor, cand: Candidate, st: DocState):
    """People in the street blocking a road, a bridge, a port or a town protest (CAMEO 144:
    obstruct passage, block), as the corpus codes "students blocked major intersections"; so do
    groups of civil society ("Polish farmers blocked three border crossings":
    ``data/syntax/civic_sectors.txt``); a state's forces blocking a path stay a blockade
    (``data/syntax/blocking_verbs.txt``).

    >>> show("Dutch climate protesters blocked the A12 motorway in The Hague.")
    [('Protest', ['netherlands-opposition'], ['netherlands'])]
    >>> show("Dutch climate protesters blocked the A12 motorway in The Hague.", without=crowd_blocking_protests)
    [('Coerce', ['netherlands-opposition'], ['netherlands'])]
    """
    civic = bool(cand.actors) and all(s in word_list("civic_sectors") for _, s in cand.actors)
    if (cand.protesters or civic) and top_of(cand.cls) in ("Assault", "Coerce") and cand.lemma in ex.blocking_verbs:
        cand.read_as("Protest", "144")


def crowd_gathering_protests(ex: EventExtractor, cand: Candidate, st: DocState):
    """People in the street gathering protest (coding rule R13: demonstrations); they meet no one
    (``data/syntax/gathering_verbs.txt``).

    >>> show("Irish protesters gathered outside the parliament in Dublin.")
    [('Demonstrate', ['ireland-opposition'], ['ireland'])]
    >>> show("Irish protesters gathered outside the parliament in Dublin.", without=crowd_gathering_protests)
    [('Consult', ['ireland-opposition'], ['ireland'])]
    """
    if cand.lemma not in ex.gathering or top_of(cand.cls) != "Consult" or not cand.actors:
        return
    subjects = [h for c in cand.tok.children if c.dep_ == "nsubj" for h in with_partitive(c)]  # "hundreds of protesters"
    crowd = cand.protesters or any(s.lemma_.lower() in ex.crowd_nouns for s in subjects)
    if crowd:
        cand.read_as("Demonstrate", "141")


def evacuation_aids_the_evacuees_state(ex: EventExtractor, cand: Candidate, st: DocState):
    """Evacuating other states' citizens aids their state, not the place they leave; evacuating
    one's own is no event (coding rule R19).

    >>> show("Turkey evacuated 200 Bangladeshi citizens from Sudan. India evacuated its citizens from Sudan.")
    [('HumanitarianAid', ['turkey'], ['bangladesh'])]
    >>> show("Turkey evacuated 200 Bangladeshi citizens from Sudan. India evacuated its citizens from Sudan.",
    ...      without=evacuation_aids_the_evacuees_state)
    [('Aid', ['turkey'], ['bangladesh']), ('Aid', ['turkey'], ['sudan']), ('Aid', ['india'], ['sudan'])]
    """
    if cand.lemma not in ex.evacuating or cand.dobj is None or not cand.actors:
        return None
    people = amount_of(cand.dobj)
    if people.lemma_.lower() in ex.people_counts:  # "hundreds of French nationals"
        people = next((o for p in people.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"), people)
    if people.lemma_.lower() not in ex.evacuees:
        return None
    # whose people: the modifiers of the noun and of its conjuncts ("Bangladeshi citizens", "its
    # staff", "... and some Germans"), not a place they are in ("nationals from Niger")
    heads = [people, *people.conjuncts]
    owners = list(dict.fromkeys(st.idx[t.i].key for h in heads for t in
                                (h, *(x for c in h.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                                      for x in c.subtree)) if t.i in st.idx))
    if not owners:
        return None  # "evacuated civilians from Mariupol": whose, the text does not say
    side = side_of([k for k, _ in cand.actors], cand.tok.doc._.gpol_actors or {})
    others = [k for k in owners if k not in side]
    if not others:
        return STOP  # its own citizens: no event
    cand.recipients = [(k, None) for k in others]
    if cand.entry is not None and top_of(cand.entry.cls) == "Aid":
        cand.read_as("HumanitarianAid", "073")  # (CAMEO 073: humanitarian aid)
    return None


def protest_aims_at_own_state(ex: EventExtractor, cand: Candidate, st: DocState):
    """People protesting with no target named aim at their own state ("protesters marched to
    demand the release of activists").

    >>> show("Thousands of Kenyans marched in Nairobi.")
    [('Protest', ['kenya-civilians'], ['kenya'])]
    >>> show("Thousands of Kenyans marched in Nairobi.", without=protest_aims_at_own_state)
    [('Protest', ['kenya-civilians'], ['kenya (inferred)'])]
    """
    actors = cand.actors
    if actors and not cand.recipients and (cand.protesters or (
            top_of(cand.cls) in ("Request", "Protest") and st.crowd is not None and actors == [st.crowd])):
        cand.recipients = [(cand.tok.doc._.gpol_actors[actors[0][0]].affiliation, None)]


def bare_noun_refers_back(ex: EventExtractor, cand: Candidate, st: DocState):
    """A reaction to an event named by a bare noun ("condemned the strike") refers to an event
    told before; its target is that event's actor (:func:`~kg.events.rules.recipients.antecedent_recipients`).
    A noun that only sums up an act ("condemned the decision", "called the move a mistake";
    ``summary_nouns``) refers to the latest act of any class told before, not to what was said.

    >>> show("Israel struck Syria. Turkey condemned the strike.")
    [('Airstrike', ['israel'], ['syria']), ('Condemn', ['turkey'], ['israel'])]
    >>> show("Israel struck Syria. Turkey condemned the strike.", without=bare_noun_refers_back)
    [('Airstrike', ['israel'], ['syria']), ('Condemn', ['turkey'], ['israel (inferred)'])]
    """
    dobj, idx = cand.dobj, st.idx
    if not cand.recipients and dobj is not None and dobj.dep_ == "dobj":
        noun = ex.event_noun(dobj)
        # (a day is no owner: "condemned Sunday's strike" is as bare as "the strike")
        named = [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")
                 or (c.dep_ in ("compound", "amod") and c.i in idx)
                 or (c.dep_ == "prep" and any(o.i in idx for o in c.children))] if noun is not None else None
        if noun is not None and not named:
            cand.refers_to = ex.lex.noun(noun.lemma_.lower())[0].cls
            cand.refers_word = noun.lemma_.lower()
        elif noun is None and dobj.lemma_.lower() in ex.summary \
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in dobj.children) \
                and not any(c.dep_ in ("poss", "compound", "amod", "prep", "relcl", "acl") for c in dobj.children):
            cand.refers_to = ANY_ACT  # "called the decision a mistake": the latest act told, of any class


def insisting_on_a_fact_is_no_demand(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Insisted that its jailed leaders be freed" demands (a subjunctive, or "must"/"should");
    "insisted that the army was not taking part" states, and its clause tells its own act
    (``data/syntax/insisting_verbs.txt``).

    >>> show("Belarus insisted that its army was not attacking Ukraine.")
    [('ArmedAttack', ['belarus'], ['ukraine'])]
    >>> show("Belarus insisted that its army was not attacking Ukraine.", without=insisting_on_a_fact_is_no_demand)
    [('Request', ['belarus'], ['ukraine (inferred)']), ('ArmedAttack', ['belarus'], ['ukraine'])]
    """
    if cand.lemma not in ex.insisting or top_of(cand.cls) != "Request":
        return
    clauses = [c for c in cand.tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return  # "insisted on independence"
    for c in clauses:
        aux = [a for a in c.children if a.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ex.obligation for a in aux):
            return  # "insisted that Russia must withdraw"
        subjunctive = (c.tag_ == "VB" and not aux) or (len(aux) == 1 and aux[0].tag_ == "VB" and aux[0].lemma_ == "be")
        if subjunctive:
            return  # "insisted that its leaders be freed"
    return STOP


def order_to_own_forces_is_the_act(ex: EventExtractor, cand: Candidate, st: DocState):
    """An order to one's own forces is no demand on anyone: "Tokayev ordered troops to shoot
    protesters" is the shooting, by Tokayev, told as done (``DocState.ordered``), as the event
    data of the field codes it.

    >>> show("Kim Jong Un ordered his troops to attack South Korea.")
    [('ArmedAttack', ['kim-jong-un'], ['south-korea'])]
    >>> show("Kim Jong Un ordered his troops to attack South Korea.", without=order_to_own_forces_is_the_act)
    [('Request', ['kim-jong-un'], [])]
    """
    v = cand.tok
    if cand.lemma not in ex.command_verbs or top_of(cand.cls) != "Request" or not ex.own_forces(cand.dobj, v, st):
        return
    acts = [c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if not acts:
        return
    st.ordered.update(c.i for c in acts)
    return STOP


def an_order_for_a_thing_is_no_demand(ex: EventExtractor, cand: Candidate, st: DocState):
    """An order whose object names no actor ("ordered schools closed", "ordered a review",
    "ordered a complete siege on Gaza") is a government's command at home, no demand on
    anyone; what it sets in motion is told by its own words (``data/syntax/command_verbs.txt``).

    >>> show("Guinea ordered schools closed.")
    []
    >>> show("Guinea ordered schools closed.", without=an_order_for_a_thing_is_no_demand)
    [('Request', ['guinea'], [])]
    """
    if cand.lemma not in ex.command_verbs or top_of(cand.cls) != "Request" or cand.recipients:
        return
    if cand.dobj is None or not any(t.i in st.idx for t in cand.dobj.subtree):
        return STOP


def denial_of_own_act(ex: EventExtractor, cand: Candidate, st: DocState):
    """"The Houthis denied firing missiles at Israel", "Oman denied that it had hosted the talks":
    a side's denial of an act of its own is that act, Negated, which the act's own trigger tells
    (coding rule R15; ``data/syntax/denial_verbs.txt``). The denial keeps no target from its
    content: it is a Reject only of an accuser its own phrases or the story name
    (:func:`~kg.events.rules.recipients.unanswered_denials`).

    >>> show("Rwanda denied that it had shelled Goma.")
    [('ArmedAttack', ['rwanda'], ['democratic-republic-of-the-congo'])]
    >>> show("Rwanda denied that it had shelled Goma.", without=denial_of_own_act)
    [('Reject', ['rwanda'], [])]
    """
    if cand.lemma not in ex.denials or top_of(cand.cls) != "Reject":
        return
    actors = cand.tok.doc._.gpol_actors or {}
    side = side_of([k for k, _ in cand.actors], actors)
    for c in cand.tok.children:
        if c.dep_ not in ("xcomp", "ccomp") or c.pos_ != "VERB":
            continue
        inner_dobj = next((d for d in c.children if d.dep_ == "dobj"), None)
        who = {k for k, _ in ex.subjects(c, st)}
        if not who and ex.lex.verb(c.lemma_.lower()) is None \
                and not (c.lemma_.lower() in ex.light and ex.event_noun(inner_dobj)):
            continue  # "denied that the deal was dead", "that any attack took place": no act told
        if not who or side_of(who, actors) & side:  # (its own, or its own side's: "that Athens had")
            cand.denial = True
            # no one the denied act names is the denial's target ("denied sending weapons to the
            # United States", "denied that it had shared data with Washington"), unless the
            # denial's own phrases name them too ("Kinshasa's charge")
            inside = {t.i for t in c.subtree}
            told = {st.idx[i].key for i in inside if i in st.idx}
            own = {st.idx[t.i].key for t in cand.tok.subtree if t.i in st.idx and t.i not in inside}
            cand.recipients = [r for r in cand.recipients if r[0] not in who and (r[0] not in told or r[0] in own)]
            return


def content_clause(ex: EventExtractor, cand: Candidate, st: DocState):
    """A speech act whose complement is its content (threats, demands, pledges, rejections: the
    ``CONTENT_GOVERNORS``): "threatened to impose tariffs on X" is one Threaten event against X,
    "urged X to return to talks" one Request to X; the content is not told anew, its subject or
    object is the target, and a pledge of a conflict act is a threat ("vowed to retaliate").

    >>> show("Algeria threatened to cut gas supplies to Spain.")
    [('Threaten', ['algeria'], ['spain'])]
    >>> show("Algeria threatened to cut gas supplies to Spain.", without=content_clause)
    [('Threaten', ['algeria'], ['spain (inferred)']), ('Sanction', ['algeria'], ['spain'])]
    """
    if top_of(cand.cls) not in CONTENT_GOVERNORS or cand.denial:
        return  # (a denial of one's own act: the act tells itself, Negated)
    v, dobj, lemma, actors = cand.tok, cand.dobj, cand.lemma, cand.actors
    # the content: the verb's complement, or the "that" clause of its event-noun object
    # ("reiterated its demand that Israel ease restrictions")
    obj_noun = ex.event_noun(dobj) if dobj is not None and dobj.dep_ == "dobj" else None
    content = list(v.children) + [
        c for c in (obj_noun.children if obj_noun is not None else ())
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    # "called on Serbia to de-escalate and withdraw its forces": a bare verb with no subject or
    # auxiliary of its own that the parser joins to the tensed governor belongs to the infinitive
    infinitive = v.tag_ in ("VBD", "VBZ", "VBP") and any(c.lower_ == "to" or c.dep_ == "xcomp" for c in v.children)
    joined = [x for x in v.children if infinitive and x.dep_ == "conj" and x.tag_ == "VB" and x.i > v.i
              and not any(ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in x.children)]
    content += joined
    for c in content:
        # (a speech verb's "that" clause is its claim, unless its object is an event noun whose
        # content the parser hangs off the verb)
        if c.dep_ == "xcomp" or c in joined or (c.dep_ in ("ccomp", "acl") and (lemma not in ex.speech or cand.entry.pattern
                                                                or obj_noun is not None)) \
                or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            if c.dep_ == "acl" and c.head.i != getattr(obj_noun, "i", -1):
                continue
            # (not a finite conjunct of an infinitive or a bare verb after a modal: "offered to send
            # food and criticised the embargo", "said the government should tell parliament ...,
            # and accused Modi" tell a second act of the subject's, no part of what was offered)
            finite = c.tag_ == "VB"
            for cc in (c, *[x for x in c.conjuncts if not (finite and x.tag_ in ("VBD", "VBZ"))]):
                st.suppressed.add(cc.i)
                # and the complements it takes in turn ("urged Washington to stop arming Taiwan")
                st.suppressed.update(t.i for t in cc.children if t.dep_ == "xcomp" and t.pos_ == "VERB")
                if c.dep_ in ("ccomp", "acl") and not cand.recipients:
                    # (not the speaker's own state: "Gantz warned that Israel would respond" is
                    # Israel's threat, told by its minister, against no one named here)
                    own = {ex.state_of_actor(k, v.doc) for k, _ in actors}
                    cand.recipients = [a for sj in cc.children if sj.dep_ in ("nsubj", "nsubjpass")
                                       for a in ex.actors_of(sj, st) if a not in actors and a[0] not in own]
                inner = ex.lex.verb(cc.lemma_.lower())
                inner_dobj = next((d for d in cc.children if d.dep_ in ("dobj", "attr")), None)
                inner_noun = ex.event_noun(inner_dobj)
                inner_cls = inner.cls if inner is not None else (
                    ex.lex.noun(inner_noun.lemma_.lower())[0].cls
                    if inner_noun is not None and cc.lemma_.lower() in ex.light else None)
                harm = any(t.lemma_.lower() in ex.threat_nouns for t in own_clause(cc))
                if top_of(cand.cls) == "Agree" and (harm or (inner_cls is not None and quad_of(inner_cls) in
                                                             ("MaterialConflict", "VerbalConflict")
                                                             and top_of(inner_cls) != "Mobilize")):
                    # (a pledge to deploy troops to X is help for X, not a threat)
                    cand.cls = "Threaten"  # "vowed to retaliate", "vowed X would face punishment"
                if not cand.recipients:
                    cand.recipients = [r for r in ex.objects(cc, st, top_of(inner.cls) if inner else None)
                                       if r not in actors]
                noun = ex.event_noun(next((d for d in cc.children if d.dep_ == "dobj"), None))
                if noun is not None:
                    st.suppressed.add(noun.i)


def condition_names_target(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Warned it would act if the SDF did not disarm": the condition of a threat names its target.

    >>> show("Turkey warned it would act if Greece did not withdraw.")
    [('Threaten', ['turkey'], ['greece']), ('Withdraw', ['greece'], [])]
    >>> show("Turkey warned it would act if Greece did not withdraw.", without=condition_names_target)
    [('Threaten', ['turkey'], ['greece (inferred)']), ('Withdraw', ['greece'], [])]
    """
    if top_of(cand.cls) != "Threaten" or cand.recipients:
        return
    for t in cand.tok.subtree:
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children):
            cand.recipients = [a for sj in t.children if sj.dep_ in ("nsubj", "nsubjpass")
                               for a in ex.actors_of(sj, st) if a not in cand.actors]
            if cand.recipients:
                break


def force_for_purpose(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Fired tear gas to disperse the crowds": force used for a forceful purpose is aimed at the
    purpose's object.

    >>> show("Ethiopian police fired tear gas to disperse Eritrean refugees.")
    [('Assault', ['ethiopia'], ['eritrea-refugees'])]
    >>> show("Ethiopian police fired tear gas to disperse Eritrean refugees.", without=force_for_purpose)
    [('Assault', ['ethiopia'], ['eritrea (inferred)'])]
    """
    if top_of(cand.cls) not in FORCE_TOPS or cand.recipients:
        return
    own = {k for k, _ in cand.actors}
    for c in cand.tok.children:
        if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            inner = {top_of(e.cls) for e in ex.lex.verb_entries(c.lemma_.lower())}
            if inner and inner <= FORCE_TOPS:  # ("disperse": coded with its objects only)
                cand.recipients = [r for r in ex.objects(c, st, min(inner)) if r[0] not in own]
                if cand.recipients:
                    break


def launch_at_someone_attacks(ex: EventExtractor, cand: Candidate, st: DocState):
    """A missile launched at someone is an attack, not a test.

    >>> show("North Korea launched missiles at South Korea.")
    [('Airstrike', ['north-korea'], ['south-korea'])]
    >>> show("North Korea launched missiles at South Korea.", without=launch_at_someone_attacks)
    [('WeaponsTest', ['north-korea'], ['south-korea'])]
    """
    if cand.cls == "WeaponsTest" and cand.recipients:
        cand.cls = "Airstrike"


def agreeing_to_yield_is_a_concession(ex: EventExtractor, cand: Candidate, st: DocState):
    """One actor agreeing to yield ("agreed to suspend the permit", "agreed to let UN investigators
    in": ``concession_verbs``) or to another side's request or demand grants it: a Concede (coding
    rules R13, R19), not an agreement. Sides agreeing together ("X and Y agreed to reopen
    embassies"), or one side's part of a deal ("under its terms the Houthis agreed to free 400
    prisoners": ``settlement_nouns``), agree.

    >>> show("Peru agreed to suspend the mine permit after a strike.")
    [('Concede', ['peru'], [])]
    >>> show("Peru agreed to suspend the mine permit after a strike.", without=agreeing_to_yield_is_a_concession)
    [('Agree', ['peru'], [])]
    """
    v = cand.tok
    if top_of(cand.cls) != "Agree" or v.lemma_.lower() not in ("agree", "consent") or len(cand.actors) != 1:
        return None
    acts = [c for c in v.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]  # (not "agreed ..., easing pressure")
    if any(p.dep_ == "prep" and p.lower_ == "under" and any(o.dep_ == "pobj" and o.lemma_.lower() in
                                                             word_list("settlement_nouns") for o in p.children)
           for t in (v, *acts) for p in t.children):
        return None  # "under its terms the Houthis agreed to free 400 prisoners": their part of a deal
    yields = any(c.lemma_.lower() in word_list("concession_verbs") for c in acts)
    granted = any(c.dep_ == "prep" and c.lower_ == "to" and any(
        o.dep_ == "pobj" and any(top_of(n.cls) == "Request" for n in ex.lex.noun(o.lemma_.lower()))
        for o in c.children) for c in v.children)
    if yields or granted:
        cand.read_as("Concede", "080")
    return None


def setting_participle_is_no_meeting(ex: EventExtractor, cand: Candidate, st: DocState):
    """A participle set off by commas after one actor ("the Security Council, meeting in emergency
    session, demanded", "Machar, speaking by telephone, told") says where or how that actor did
    the main act: with no one it meets or speaks to, it is no consultation of its own (several
    actors meeting are: "the leaders of X, Y and Z, meeting in Prague, ...").

    >>> show("The Security Council, meeting in emergency session, demanded a ceasefire.")
    [('Request', ['un-security-council'], [])]
    >>> show("The Security Council, meeting in emergency session, demanded a ceasefire.",
    ...      without=setting_participle_is_no_meeting)
    [('Meet', ['un-security-council'], []), ('Request', ['un-security-council'], [])]
    """
    v = cand.tok
    if v.tag_ == "VBG" and v.dep_ in ("acl", "advcl") and v.i > 0 and v.doc[v.i - 1].text == "," \
            and top_of(cand.cls) == "Consult" and not cand.recipients and len(cand.actors) == 1:
        return STOP
    return None


def reacted_object_told_here(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Rejected a U.S. request", "condemned the killings": the event the object names is what
    this one reacts to, told here as its target, not anew; so is a proposal's content ("rejected
    an offer to host a summit"). When a possessor or a "by" phrase names who did it
    ("rejected Guatemala's request", "condemned the killings by the RSF") it is told as well:
    that actor's own event, aimed at whoever reacts (coding rule R4: a demand is its speaker's
    event).

    >>> show("Mexico rejected a U.S. request.")
    [('Reject', ['mexico'], ['united-states'])]
    >>> show("Mexico rejected a U.S. request.", without=reacted_object_told_here)
    [('Reject', ['mexico'], ['united-states']), ('Request', ['united-states'], ['mexico (inferred)'])]
    >>> show("Mexico rejected Guatemala's request.")
    [('Reject', ['mexico'], ['guatemala']), ('Request', ['guatemala'], ['mexico'])]

    What one side puts to another (an offer, a demand, an accusation, a threat) was aimed at whoever
    rejects or accepts it:

    >>> show("Fiji declined Beijing's offer of a policing agreement.")
    [('Reject', ['fiji'], ['china']), ('Agree', ['china'], ['fiji'])]
    """
    dobj = cand.dobj
    if dobj is None or dobj.dep_ != "dobj" or cand.lemma in ex.light:
        return
    noun = ex.event_noun(dobj)
    # (a reaction's, not another verb's: "invoked NATO's Article 4 consultations" is one appeal)
    # (and an acceptance's: "accepted an invitation from Spain" tells Spain's invitation too)
    owned = noun is not None and top_of(cand.cls) in REACTING_TOPS | ANSWERED_TOPS and any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("by", "from") for c in noun.children)
    if noun is not None and (not owned or cand.lemma in ex.easing):
        # ("Turkey lifted its veto": the veto ended is no act of its own)
        st.suppressed.add(noun.i)
    elif owned and (top_of(cand.cls) in ANSWERED_TOPS or top_of(cand.cls) == "Reject" and (
            {"Request"} if is_appeal(noun) else {top_of(e.cls) for e in ex.lex.noun(noun.lemma_.lower())}) & PUT_TO_TOPS):
        # (the invitation is aimed at who accepts it, the offer or the demand at who rejects it)
        st.answered[noun.i] = list(cand.actors)
    for c in dobj.children:
        if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            st.suppressed.update(t.i for t in c.subtree if t.pos_ in ("VERB", "NOUN"))


def reaction_preps_told_here(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Opposed to French mediation", "responded to the attack", and for a charge anywhere in its
    clause ("accused the U.S. of murder over the boat strikes"): the event noun reacted to is not
    told anew.

    >>> show("Cuba protested against the American blockade.")
    [('Accuse', ['cuba'], ['united-states'])]
    >>> show("Cuba protested against the American blockade.", without=reaction_preps_told_here)
    [('Accuse', ['cuba'], ['united-states']), ('Blockade', ['united-states'], ['cuba (inferred)'])]
    """
    v = cand.tok
    reacting = top_of(cand.cls) in REACTING_TOPS
    for c in (own_clause(v) if reacting else v.children):
        if c.dep_ == "prep" and c.lower_ in REACTION_PREPS and (c.head.i == v.i or reacting):
            for o in c.children:
                if o.dep_ == "pobj" and o.i not in st.idx and ex.event_noun(o) is not None:
                    st.suppressed.add(ex.event_noun(o).i)


def renamed_event_actors(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Israel carried out an airstrike on Hamas leaders, an attack Qatar's prime minister called
    state terrorism": a reaction in a clause on a noun that renames an event is aimed at who
    carried that event out.

    >>> show("Israel carried out an airstrike on Beirut, an attack Lebanon called a violation.")
    [('Airstrike', ['israel'], ['lebanon']), ('Condemn', ['lebanon'], ['israel'])]
    >>> show("Israel carried out an airstrike on Beirut, an attack Lebanon called a violation.", without=renamed_event_actors)
    [('Airstrike', ['israel'], ['lebanon']), ('Condemn', ['lebanon'], ['israel (inferred)'])]
    """
    v = cand.tok
    if not cand.recipients and v.dep_ in ("acl", "relcl") \
            and top_of(cand.cls) in ADDRESSED_TOPS | {"Protest", "Support"}:
        cand.recipients = ex.renamed_actors(v.head, st)


def hosted_thing(ex: EventExtractor, cand: Candidate, st: DocState):
    """A Host event with a thing hosted and no guest ("hosted the talks"): the parties of the
    gathering told before are its guests (:func:`~kg.events.rules.recipients.hosted_parties`).

    >>> show("Iran and Iraq met on Monday. Oman hosted the meeting.")
    [('Meet', ['iran', 'iraq'], []), ('Host', ['oman'], ['iran']), ('Host', ['oman'], ['iraq'])]
    >>> show("Iran and Iraq met on Monday. Oman hosted the meeting.", without=hosted_thing)
    [('Meet', ['iran', 'iraq'], []), ('Host', ['oman'], ['iran'])]
    """
    dobj = cand.dobj
    cand.hosting = cand.cls == "Host" and not cand.recipients and dobj is not None and dobj.dep_ == "dobj" \
        and dobj.i not in st.idx
