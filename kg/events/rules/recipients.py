"""Post-passes over a document's events, in the order :data:`kg.events.rules.DOCUMENT_RULES`
runs them: purposes folded into their act, hosted meetings read as visits, and recipients taken
from the story (the act a consequence hangs off, the event a bare noun refers back to, the
challenge an answer answers, the other party of the sentence or the story's lead).

Each takes the document's events and its :class:`~kg.events.state.DocState` and returns the events.
"""
from __future__ import annotations

from dataclasses import replace

from ...actors.gazetteer import Gazetteer
from ...model import Event
from ...taxonomy import is_a, quad_of, top_of
from ..modality import word_list
from ..state import DocState
from ..arguments import Arguments
from ..syntax import by_trigger, clause_triggers, side_of
from ..tops import ANSWERS, ANY_ACT, CHALLENGES, GATHERINGS, MATERIAL, REACTING_TOPS, SPEECH_ACT_TOPS
from .example import events as show  # noqa: F401  (the examples of the docstrings)

__all__ = ["purposes", "hosted_parties", "consequence_recipients", "antecedent_recipients", "answer_recipients",
           "claim_recipients", "unanswered_denials", "mediated_parties", "context_recipients",
           "a_states_protest_is_a_complaint", "dedupe", "state_answered"]

#: how many sentences back a denied claim is looked for
CLAIM_REACH = 3
#: how many sentences back the act a mediation with no parties named mediated is looked for
MEDIATION_REACH = 2


def purposes(events: list[Event], st: DocState) -> list[Event]:
    """"staged demonstrations to demand reforms", "visited Senegal to mediate", "started a hunger
    strike to protest X's failure": an act's purpose is what its actor intends by it, not a second
    event; when the act has no target and is of the purpose's type, the purpose names it. A purpose
    whose governing clause tells no event ("dispatched inspectors to monitor the site") stays.

    >>> show("Kenya sent troops to Haiti to fight gangs.")
    [('Deploy', ['kenya'], ['haiti'])]
    >>> show("Kenya sent troops to Haiti to fight gangs.", without=purposes)
    [('Deploy', ['kenya'], ['haiti']), ('ArmedAttack', ['kenya'], [])]
    """
    trigger_of, doc = st.trigger_of, st.doc
    by_token = by_trigger(events, trigger_of)
    drop: set[int] = set()
    for ev in events:
        i = trigger_of.get(id(ev))
        if i is None or ev.modality != "Asserted":
            continue
        tok = doc[i]
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and top_of(ev.type) == "Agree":
            # "signed a peace agreement, pledging to end fighting": the pledge is the agreement's
            # content, told again
            if any(top_of(m.type) in ("Agree", "Support") and set(m.actors) <= set(ev.actors)
                   for g in clause_triggers(tok.head) for m in by_token.get(g.i, ()) if m is not ev):
                drop.add(id(ev))
            continue
        if tok.dep_ != "advcl" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
            continue
        mains = [m for g in clause_triggers(tok.head) for m in by_token.get(g.i, ()) if m is not ev and m.actors]
        if not mains:
            continue
        drop.add(id(ev))
        for m in mains:
            if not m.recipients and ev.recipients and top_of(m.type) == top_of(ev.type) \
                    and set(m.actors) == set(ev.actors):
                m.recipients = list(ev.recipients)
                m.recipient_inferred = ev.recipient_inferred
    return [ev for ev in events if id(ev) not in drop]


def hosted_parties(events: list[Event], st: DocState) -> list[Event]:
    """"Turkish Foreign Minister Hakan Fidan hosted the meeting": the host receives each party of
    the gathering told before (coding rule R13: "Qatar hosted talks between X and Y" is Qatar → X
    and Qatar → Y; CAMEO 043); the Host event with no guest gives way to them.

    >>> show("Egypt and Jordan held talks. Oman hosted the talks.")
    [('Negotiate', ['egypt', 'jordan'], []), ('Host', ['oman'], ['egypt']), ('Host', ['oman'], ['jordan'])]
    >>> show("Egypt and Jordan held talks. Oman hosted the talks.", without=hosted_parties)
    [('Negotiate', ['egypt', 'jordan'], []), ('Host', ['oman'], ['egypt'])]
    """
    out: list[Event] = []
    for ev in events:
        if ev not in st.hosting:
            out.append(ev)
            continue
        host = set(ev.actors)
        before = [e for e in out if top_of(e.type) in GATHERINGS and e.char_start <= ev.char_start]
        parties = []
        if before:
            same = [e for e in before if e.char_start == before[-1].char_start]  # the last gathering told
            parties = [k for e in same for k in (*e.actors, *e.recipients) if k not in host]
        if not parties:
            out.append(ev)
            continue
        for k in dict.fromkeys(parties):
            out.append(Event(type="Host", actors=list(ev.actors), recipients=[k], modality=ev.modality,
                             date=ev.date, location=ev.location, evidence=ev.evidence,
                             char_start=ev.char_start, char_end=ev.char_end,
                             confidence=max(0.3, ev.confidence - 0.2), trigger=ev.trigger, cameo="043",
                             claimed_by=ev.claimed_by, trigger_index=ev.trigger_index))
    return out


def consequence_recipients(events: list[Event], st: DocState) -> list[Event]:
    """"Rebels shelled Juba, killing about 20 people": the participle tells a consequence of the
    act it hangs off; with no target of its own it has that act's target (and is merged with it
    when of the same class).

    >>> show("M23 shelled Goma, killing ten people.")
    [('ArmedAttack', ['m23'], ['democratic-republic-of-the-congo'])]
    >>> show("M23 shelled Goma, killing ten people.", without=consequence_recipients)
    [('ArmedAttack', ['m23'], ['democratic-republic-of-the-congo']), ('Kill', ['m23'], [])]
    """
    trigger_of, doc = st.trigger_of, st.doc
    by_token = by_trigger(events, trigger_of)
    for ev in events:
        i = trigger_of.get(id(ev))
        if i is None:
            continue
        tok = doc[i]
        if tok.dep_ != "advcl" or tok.tag_ != "VBG":
            continue
        for main in (m for h in clause_triggers(tok.head) for m in by_token.get(h.i, [])):
            if main.actors == ev.actors and top_of(main.type) == top_of(ev.type):
                if not ev.recipients and main.recipients:
                    ev.recipients = list(main.recipients)
                # the act itself, not its consequence, is the one kept when both are told alike
                ev.confidence = min(ev.confidence, max(0.05, main.confidence - 0.05))
                break
    return events


def antecedent_recipients(events: list[Event], st: DocState) -> list[Event]:
    """"NATO condemned the troop deployments", "Turkey welcomed the deal": a reaction to an event
    named by a bare noun is aimed at the actor of the latest such event of another side told
    before it ("Sharif said Pakistan would avenge the attack": not Pakistan's own).

    >>> show("Chile attacked Peru. Bolivia condemned the attack.")
    [('ArmedAttack', ['chile'], ['peru']), ('Condemn', ['bolivia'], ['chile'])]
    >>> show("Chile attacked Peru. Bolivia condemned the attack.", without=antecedent_recipients)
    [('ArmedAttack', ['chile'], ['peru']), ('Condemn', ['bolivia'], ['chile (inferred)'])]

    Another reaction to the same event is no antecedent: in "Chile and Peru signed a treaty.
    Bolivia welcomed the treaty. Ecuador praised the deal." Ecuador praises a signatory, not
    Bolivia. An act of the noun's own class comes first: after "Argentina had long backed a
    settlement", "the deal" is still the treaty. An act of several actors is aimed at each:

    >>> show("Chile and Peru attacked Bolivia. Brazil condemned the attack.")[2:]
    [('Condemn', ['brazil'], ['peru']), ('Condemn', ['brazil'], ['chile'])]

    An act told by the noun's own word comes first ("the offer" is the one offered):

    >>> show("Chile offered to help Bolivia. Peru agreed to send aid. Bolivia rejected the offer.")[-1]
    ('Reject', ['bolivia'], ['chile'])
    """
    actors, trigger_of = st.doc._.gpol_actors or {}, st.trigger_of
    position = {id(ev): i for i, ev in enumerate(events)}
    reactions = {id(ev) for ev, _, _ in st.anaphora}
    more: dict[int, list[Event]] = {}
    doc = st.doc
    for ev, cls, word in st.anaphora:
        if ev.recipients or id(ev) not in position:
            continue  # (a hosting event may have given way to the visits it hosted)
        pos = position[id(ev)]
        fits = []
        for prev in reversed(events[:pos]):
            if trigger_of and id(prev) in trigger_of and trigger_of.get(id(prev)) == trigger_of.get(id(ev)):
                continue  # the same act of a co-actor ("X, Y and Z completed a withdrawal")
            if id(prev) in reactions:
                continue  # another reaction to it ("Russia welcomed the treaty. China praised the deal")
            if cls == ANY_ACT and top_of(prev.type) in SPEECH_ACT_TOPS | REACTING_TOPS:
                continue  # ("condemned the decision": an act, not what someone said of one)
            if (cls == ANY_ACT or top_of(prev.type) == top_of(cls)) and prev.modality == "Asserted" and prev is not ev \
                    and not side_of(prev.actors, actors) & side_of(ev.actors, actors):
                fits.append(prev)
        # the latest act told by the noun's own word ("rejected the offer": the latest offer, not a
        # later agreement), else of its class, else of its top type: "the deal" is the treaty
        # signed, not a settlement some other side supported after it
        said = [p for p in fits if word and p.trigger_index is not None and p.trigger_index < len(doc)
                and doc[p.trigger_index].lemma_.lower() == word]
        prev = next(iter(said), None) or next((p for p in fits if cls != ANY_ACT and is_a(p.type, cls)),
                                              fits[0] if fits else None)
        if prev is not None:
            ev.recipients = [state_answered(ev, prev.actors[0], actors)]
            ev.confidence = max(0.3, ev.confidence - 0.2)
            more[id(ev)] = [replace(ev, recipients=[state_answered(ev, k, actors)])
                            for k in co_actors(prev, events, st) if k != prev.actors[0]
                            and not side_of([k], actors) & side_of(ev.actors, actors)]
    return with_more(events, more)


def co_actors(ev: Event, events: list[Event], st: DocState) -> list[str]:
    """The first actors of ``ev`` and of the events of its trigger, type and modality ("Saudi
    Arabia, Bahrain and Egypt cut ties with Qatar": all three), in the text's order. (A joint act
    is one event: "Chile and Peru signed a treaty" answers to its first actor, as before.)"""
    i = st.trigger_of.get(id(ev))
    same = [q for q in events if q is ev or i is not None and st.trigger_of.get(id(q)) == i
            and q.type == ev.type and q.modality == ev.modality]
    return list(dict.fromkeys(q.actors[0] for q in same if q.actors))


def with_more(events: list[Event], more: dict[int, list[Event]]) -> list[Event]:
    """``events`` with each event's copies (``more``, by the event's id) right after it."""
    return [e for ev in events for e in (ev, *more.get(id(ev), ()))]


def answer_recipients(events: list[Event], st: DocState) -> list[Event]:
    """An answer with no recipient ("Rwanda denied the charge", "Iran rejected the demand") answers
    the latest earlier challenge (accusation, demand, threat, sanction) aimed at its actor.

    >>> show("Ethiopia urged Eritrea to withdraw. Eritrea refused.")
    [('Request', ['ethiopia'], ['eritrea']), ('Reject', ['eritrea'], ['ethiopia'])]
    >>> show("Ethiopia urged Eritrea to withdraw. Eritrea refused.", without=answer_recipients)
    [('Request', ['ethiopia'], ['eritrea']), ('Reject', ['eritrea'], ['ethiopia (inferred)'])]

    A challenge of several actors is answered to each ("Chile and Peru urged Bolivia to withdraw.
    Bolivia refused.": Bolivia rejects both).
    """
    actors = st.doc._.gpol_actors or {}
    more: dict[int, list[Event]] = {}
    for i, ev in enumerate(events):
        if ev.recipients or top_of(ev.type) not in ANSWERS:
            continue
        me = set(ev.actors) | {actors[k].affiliation for k in ev.actors if k in actors and actors[k].affiliation}
        for prev in reversed(events[:i]):
            if top_of(prev.type) in CHALLENGES and me & set(prev.recipients) and not me & set(prev.actors):
                ev.recipients = list(prev.actors)
                ev.confidence = max(0.3, ev.confidence - 0.2)
                more[id(ev)] = [replace(ev, recipients=[k]) for k in co_actors(prev, events, st)
                                if k not in prev.actors and k not in me]
                break
    return with_more(events, more)


def claim_recipients(events: list[Event], st: DocState) -> list[Event]:
    """A rejection of something said, with no one named ("NATO denied the claim", "Kigali rejected
    the accusation"), answers the latest speaker of the sentences just before whose reported words
    name the one who rejects it (``data/syntax/claim_nouns.txt``); the recipient is marked as
    inferred.

    >>> show("Belarus said NATO troops were massing on the border. NATO denied the claim.")
    [('Reject', ['nato'], ['belarus (inferred)'])]
    >>> show("Belarus said NATO troops were massing on the border. NATO denied the claim.", without=claim_recipients)
    [('Reject', ['nato'], [])]
    """
    doc, idx, actors = st.doc, st.idx, st.doc._.gpol_actors or {}
    claims, speech = word_list("claim_nouns"), word_list("speech_verbs")
    sents = list(doc.sents)
    for ev in events:
        i = st.trigger_of.get(id(ev))
        if ev.recipients or i is None or top_of(ev.type) != "Reject":
            continue
        v = doc[i]
        if not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in claims and c.i not in idx
                   and not any(o.dep_ in ("poss", "compound") or o.dep_ == "prep" and o.lower_ in ("by", "from")
                               for o in c.children) for c in v.children):
            continue
        me = side_of(ev.actors, actors)
        here = v.sent.start
        before = [s for s in sents if s.end <= here][-CLAIM_REACH:]
        speaker = None
        for tok in (t for s in reversed(before) for t in reversed(s)):
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in speech:
                continue
            node = tok  # ("he said, and told them that ...", "lodged a protest, saying that ...")
            while not any(c.dep_ == "nsubj" for c in node.children) and node.dep_ in ("conj", "advcl") \
                    and node.head.pos_ == "VERB":
                node = node.head
            subj = next((idx[c.i].key for c in node.children if c.dep_ == "nsubj" and c.i in idx), None)
            if subj is None or side_of([subj], actors) & me:
                continue
            # (what they said, or the sentence they said it in, names the one who rejects it)
            if any(t.i in idx and side_of([idx[t.i].key, *idx[t.i].also], actors) & me for t in tok.sent
                   if not (t.i in idx and idx[t.i].key == subj)):
                speaker = subj
                break
        if speaker is not None:
            answered = state_answered(ev, speaker, actors)
            # (a state answers an opponent of its own, not itself: "the Kremlin rejected the
            # accusation" an opposition leader made)
            ev.recipients = [answered if answered not in me else speaker]
            ev.recipient_inferred = True
            ev.confidence = max(0.3, ev.confidence - 0.2)
    return events


def unanswered_denials(events: list[Event], st: DocState) -> list[Event]:
    """A denial of one's own act (:func:`~kg.events.rules.verbs.denial_of_own_act`) that answers no
    accuser the story names is no event of its own: the act, Negated, tells it (coding rule R15).

    >>> show("Rwanda denied shelling Goma.")
    [('ArmedAttack', ['rwanda'], ['democratic-republic-of-the-congo'])]
    >>> show("Rwanda denied shelling Goma.", without=unanswered_denials)
    [('Reject', ['rwanda'], []), ('ArmedAttack', ['rwanda'], ['democratic-republic-of-the-congo'])]

    A denial that answers an accusation told before is a Reject of the accuser:

    >>> show("Congo accused Rwanda of shelling Goma. Rwanda denied shelling the town.")[1]
    ('Reject', ['rwanda'], ['democratic-republic-of-the-congo'])
    """
    return [ev for ev in events if ev.recipients or id(ev) not in st.denials]


def mediated_parties(events: list[Event], st: DocState) -> list[Event]:
    """A mediation that names no parties ("the truce between Israel and Hamas, brokered by Egypt",
    "The swap was mediated by the Emirates") is aimed at each party of the act it mediated: the
    latest act of two sides other than the mediator's told in its sentence, else in the
    ``MEDIATION_REACH`` sentences before it (marked as inferred); a deal, talks or a war, not what
    someone said ("accused Iran of rejecting Abe's mediation": not the accuser and Iran).

    >>> show("Armenia and Azerbaijan agreed a ceasefire on Friday. The deal was brokered by Russia.")[-2:]
    [('Mediate', ['russia'], ['armenia (inferred)']), ('Mediate', ['russia'], ['azerbaijan (inferred)'])]
    >>> show("Armenia and Azerbaijan agreed a ceasefire on Friday. The deal was brokered by Russia.", without=mediated_parties)[-1]
    ('Mediate', ['russia'], [])
    """
    if not any(not ev.recipients and is_a(ev.type, "Mediate") for ev in events):
        return events  # (most documents: nothing to look up)
    actors, doc = st.doc._.gpol_actors or {}, st.doc
    sent_of = {id(ev): doc[i].sent.start for ev in events if (i := st.trigger_of.get(id(ev))) is not None}
    starts = [s.start for s in doc.sents]
    number = {start: n for n, start in enumerate(starts)}
    more: dict[int, list[Event]] = {}
    for ev in events:
        if ev.recipients or not is_a(ev.type, "Mediate") or id(ev) not in sent_of:
            continue
        me = side_of(ev.actors, actors)
        here = number[sent_of[id(ev)]]
        reach = set(starts[max(0, here - MEDIATION_REACH):here + 1])
        told = [p for p in events if p is not ev and sent_of.get(id(p)) in reach and not is_a(p.type, "Mediate")
                and top_of(p.type) not in SPEECH_ACT_TOPS | REACTING_TOPS  # (a deal, talks, a war: not words)
                and (p.char_start <= ev.char_start or sent_of.get(id(p)) == sent_of[id(ev)])]
        # (the mediated act in the mediation's own sentence first, then the latest before it)
        told.sort(key=lambda p: (sent_of[id(p)] == sent_of[id(ev)], p.char_start))
        for p in reversed(told):
            parties = [k for k in dict.fromkeys([*co_actors(p, events, st), *p.actors, *p.recipients])
                       if not side_of([k], actors) & me]
            if len({frozenset(side_of([k], actors)) for k in parties}) < 2:
                continue
            inferred = sent_of[id(p)] != sent_of[id(ev)]
            ev.recipients, ev.recipient_inferred = [parties[0]], inferred
            if inferred:
                ev.confidence = max(0.3, ev.confidence - 0.2)
            more[id(ev)] = [replace(ev, recipients=[k], recipient_inferred=inferred) for k in parties[1:]]
            break
    return with_more(events, more)


def context_recipients(events: list[Event], st: DocState) -> list[Event]:
    """A directed event whose target no phrase names ("Pakistan rejected the claim", "China vowed to
    take countermeasures") is aimed at the other party of its sentence, else at the actor of the
    story's earliest asserted event by another side (its lead), or at that event's target when it
    is an act of the same type (a parallel act). The recipient is marked as inferred. A
    ``tentative`` event (of a type that needs a recipient) that finds none is dropped.

    >>> show("Ethiopia accused Eritrea of arming rebels. Sudan condemned the move.")
    [('Accuse', ['ethiopia'], ['eritrea']), ('Condemn', ['sudan'], ['ethiopia (inferred)'])]
    >>> show("Ethiopia accused Eritrea of arming rebels. Sudan condemned the move.", without=context_recipients)
    [('Accuse', ['ethiopia'], ['eritrea']), ('Condemn', ['sudan'], [])]
    """
    actors, tentative = st.doc._.gpol_actors or {}, st.tentative
    position = {id(ev): i for i, ev in enumerate(events)}
    for ev, parties in st.open:
        if ev.recipients or id(ev) not in position:
            continue
        me = side_of(ev.actors, actors)  # (a group of a state's society may target its own state)
        target = parties[0] if parties else None
        i = st.trigger_of.get(id(ev))
        # (not an ally the sentence names: "Eritrean troops fought alongside Ethiopian forces")
        me |= {st.idx[t.i].key for t in st.doc[i].sent if t.i in st.idx and Arguments.on_side(t)} if i is not None else set()
        if target is None:
            # news tells its main event first (the lead): a reaction told later with no target
            # named answers the earliest asserted event of another side
            for prev in events[:position[id(ev)]]:
                side = set(prev.actors) | {actors[k].affiliation for k in prev.actors
                                           if k in actors and actors[k].affiliation}
                if prev.modality == "Asserted" and prev.char_start < ev.char_start and not side & me:
                    if top_of(prev.type) == top_of(ev.type) and quad_of(ev.type) in MATERIAL \
                            and prev.recipients and prev.recipients[0] not in me:
                        target = prev.recipients[0]  # a parallel act ("the U.S. has not offered aid")
                    else:
                        target = state_answered(ev, prev.actors[0], actors)
                    break
        if target is not None:
            ev.recipients = [target]
            ev.recipient_inferred = True
            ev.confidence = max(0.3, ev.confidence - 0.2)
        elif id(ev) in tentative:
            events.remove(ev)  # aid or sanctions for nobody
    return events


def state_answered(ev: Event, target: str, actors: dict) -> str:
    """A state answers a state: the target taken from the story for a state's reaction to a
    person's act is the person's state ("China vowed to take countermeasures" against the tariffs
    Trump imposed: against the United States; "Turkey welcomed the deal" Sharaa made: Syria)."""
    who, mine = actors.get(target), actors.get(ev.actors[0]) if ev.actors else None
    if mine is not None and mine.kind == "State" and who is not None and who.kind == "Person" \
            and who.affiliation in actors and actors[who.affiliation].kind == "State":
        return who.affiliation
    return target


def a_states_protest_is_a_complaint(events: list[Event], st: DocState) -> list[Event]:
    """A protest by a state or its officials ("Japan lodged a protest with China", "drawing a sharp
    protest from Kyiv") is a diplomatic complaint, Accuse; Protest is demonstrations, strikes and
    boycotts by civil actors (the codebook's Protest and Accuse). A walk-out or a boycott (CAMEO
    143) stays a protest, by a state's delegation too ("its delegation walked out in protest"), and so
    does a march, a rally or joining protesters: only the word "protest" is read as a complaint.

    >>> show("Japan lodged a protest with China over the detention of a businessman.")
    [('Accuse', ['japan'], ['china'])]
    >>> show("Japan lodged a protest with China over the detention of a businessman.", without=a_states_protest_is_a_complaint)
    [('Demonstrate', ['japan'], ['china'])]
    """
    actors, gaz, doc = st.doc._.gpol_actors or {}, Gazetteer.load(), st.doc
    for ev in events:
        i = st.trigger_of.get(id(ev))
        if top_of(ev.type) == "Protest" and ev.actors and not (ev.cameo or "").startswith("143") \
                and i is not None and doc[i].lemma_.lower() == "protest" \
                and all(getattr(actors.get(k), "kind", None) == "State" for k in ev.actors) \
                and (ev.actor_sector is None or gaz.state_agent(ev.actor_sector)):
            ev.type, ev.cameo = "Accuse", "110"
    return events


def dedupe(events: list[Event], st: DocState) -> list[Event]:
    """One event per (sentence, actor, top class, recipient, modality): the most specific, most confident.

    >>> show("Peru condemned and denounced Chile.")
    [('Condemn', ['peru'], ['chile'])]
    >>> show("Peru condemned and denounced Chile.", without=dedupe)
    [('Condemn', ['peru'], ['chile (inferred)']), ('Condemn', ['peru'], ['chile'])]
    """
    best: dict[tuple, Event] = {}
    for ev in events:
        key = (ev.char_start, tuple(ev.actors), top_of(ev.type), tuple(ev.recipients), ev.modality)
        old = best.get(key)
        if old is None or (ev.type != top_of(ev.type), ev.confidence) > (old.type != top_of(old.type), old.confidence):
            best[key] = ev
    return list(best.values())
