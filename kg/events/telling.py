"""Telling an event: from a trigger, its class, actors and recipients to :class:`kg.model.Event`
records, with modality, claim, date, place, evidence, the targets taken from context, and the
intent an announced act also is.

:class:`Telling` is the half of the event extractor (:class:`kg.events.extract.EventExtractor`)
that writes events into the document's :class:`~kg.events.state.DocState`.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Event
from ..taxonomy import quad_of, top_of
from .modality import modality_of, word_list
from .state import DocState
from .syntax import FUTURE_AUXILIARIES, LOCATIVE_PREPS, clause_tokens, clause_verb, evidence_span, holds, side_of
from .timex import resolve_date, starts_after
from .tops import COOPERATION, DIRECTED_TOPS, JOINT_CLASSES, PLACE_RECIPIENT_TOPS, SPEECH_ACT_TOPS, SYMMETRIC_TOPS

__all__ = ["Telling"]

# speech acts of verbal conflict whose announcement tells no intent of its own: announcing an
# appeal, an accusation or a rejection is making it, not a threat
UNTHREATENING = {"Request", "Accuse", "Reject"}


class Telling:
    """Writing events with their context (a mixin of the event extractor)."""

    def emit(self, st: DocState, cls, cameo, tok, actors, recipients, conf, sent: Span,
              modality_from: Token | None = None, modality: str | None = None):
        if not actors:
            return
        actors = list({k: (k, s) for k, s in reversed(actors)}.values())[::-1]  # each actor once
        actor_keys = {k for k, _ in actors}
        claimed = self.claimed_by(tok, st)
        speaker = tok.doc._.gpol_actors.get(claimed) if claimed else None
        # (an act a side ordered its own forces to do is told as done: "ordered troops to shoot")
        if modality is None and tok.i not in st.ordered:
            # "China denied that it had supplied engines, calling the claims groundless": a speech
            # act set off after the reported clause is done as the speaker's verb is
            modality = modality_of(self.set_off_speech_act(tok, cls) or tok)
        modality = modality or "Asserted"
        if modality == "Asserted" and modality_from is not None:
            modality = modality_of(modality_from)  # "did not take part in the talks"
        if speaker is not None and speaker.kind == "Person" and actor_keys == {speaker.affiliation} \
                and top_of(cls) in SPEECH_ACT_TOPS | {"Agree"} and modality == "Asserted" \
                and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children) \
                and any(m.key == claimed and sent.start <= m.start < tok.i for m in tok.doc._.gpol_mentions or ()):
            # "Lavrov said Russia condemned the strikes", "Wang Yi said China firmly opposed the
            # sale": a stance a person states for their own side is their own speech act (coding
            # rules R4, R7). An act of the side they report is the side's ("said Suva had declined
            # the offer", "Kyiv rejected the proposal, Zelensky said"), and so is a plan they
            # announce (below)
            actors, actor_keys = [(claimed, None)], {claimed}
        side = side_of(actor_keys, tok.doc._.gpol_actors or {})
        recipients = [(k, s) for k, s in recipients if k not in side]
        date, unread = self.date(tok, st, future=modality == "Hypothetical")  # ("will visit in April": next April)
        published = tok.doc._.gpol_anchor
        if published is not None and modality != "Hypothetical":
            if date is not None and starts_after(date, published):
                modality = "Hypothetical"  # told with a date after the story's own: planned, not done
            elif date is None and not unread:
                # an act the text tells without a date carries the date it was reported on
                date = published.isoformat()
        said = date  # when the intent to do a planned act was told (for own_intent, below)
        if modality == "Hypothetical" and published is not None:
            said, unread = self.date(tok, st)
            if said is None and not unread or said is not None and starts_after(said, published):
                said = published.isoformat()
        loc = self.location(tok, st)
        top = top_of(cls)
        if not recipients and (top in PLACE_RECIPIENT_TOPS or cls == "Visit"):
            # ("arrived in Amman": a visit to the state whose city it is)
            recipients = self.place_state(tok, st, side)
            # "talks in Erbil attended by US officials": where what was attended took place, the
            # place named last before the participle (the parser may join it to any noun or verb)
            passive = not recipients and cls == "Visit" and any(c.dep_ == "agent" for c in tok.children)
            where = [] if not passive else \
                next((p for t in reversed(tok.doc[tok.sent.start:tok.i]) if t.dep_ == "pobj"
                      and (p := self.place_state(t.head, st, set()))), [])
            if where and where[0][0] not in side:
                recipients = where
            home = tok.doc._.gpol_home
            if not recipients and cls == "Visit" and home and home not in side and tok.pos_ == "VERB" \
                    and not where:
                # "a parade attended by Li Qiang": a visit to the story's own state (not when the
                # parade is in a place of the visitor's own: "talks in Erbil attended by Iraqi officials")
                recipients = [(home, None)]
        parties = None
        joint = len(actors) > 1 and cls in JOINT_CLASSES  # ("X and Y signed a deal": R9, no recipient)
        if not recipients and top in DIRECTED_TOPS and not joint and not self.names_other_target(tok, st, side):
            parties = self.other_parties(tok, sent, st, side | ({claimed} - {None}))
            if top in ("Assault", "Coerce", "Sanction"):
                # force and sanctions hit states first ("sites struck by the U.S."; a tariff hits
                # the country of the president who answers it)
                kinds = tok.doc._.gpol_actors or {}

                def state_of(k):
                    a = kinds.get(k)
                    aff = kinds.get(a.affiliation) if a is not None and a.kind == "Person" and a.affiliation else None
                    return aff.key if aff is not None and aff.kind == "State" and aff.key not in actor_keys else k

                parties = list(dict.fromkeys(state_of(k) for k in parties))
                parties.sort(key=lambda k: getattr(kinds.get(k), "kind", "") != "State")
                # ... but a party the act's own phrases set it against comes first ("fought alongside
                # Ethiopian forces against the TPLF": the parser hangs "against" off "forces")
                against = [k for t in tok.subtree if t.dep_ == "pobj" and t.head.lower_ == "against"
                           for k, _ in self.actors_of(t, st) if k in parties]
                parties = list(dict.fromkeys([*against, *parties]))
        tentative = False
        if not recipients and top.lower() in self.needs_recipient and not parties \
                and not (len(actors) > 1 and top in SYMMETRIC_TOPS):  # ("X and Y cooperate": each other)
            if parties is None:
                return  # (cooperation with nobody the sentence names is no event)
            tentative = True  # aid or sanctions: kept only if the story gives a target
        pairs = []
        if not recipients and len(actors) > 1 and (tok.lemma_.lower() in self.reciprocal or _mutual(tok)) \
                and top not in SYMMETRIC_TOPS:
            # "Thailand and Cambodia traded fire", "accused each other": each is the other's target
            pairs = [(a, r) for a in actors for r in actors if r != a]
        elif not recipients and len(actors) > 1 and top in SYMMETRIC_TOPS:
            # "X and Y met": one event with both sides as actors (PLOVER's compound actor); the
            # graph links them both ways
            pairs = [(actors, None)]
        elif recipients:
            pairs = [(a, r) for a in actors for r in recipients]
        else:
            pairs = [(a, None) for a in actors]
        start, evidence = evidence_span(sent)
        # "will withdraw its force unless X arranges a ceasefire", "if the junta does not set a date,
        # ECOWAS will ask ...": an act announced on a condition the other side must meet is a threat
        conditioned = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and (
            m.lower_ == "unless" or m.lower_ == "if" and any(n.dep_ == "neg" for n in c.children))
            for m in c.children) for c in tok.children)
        # (but an announced appeal, accusation or rejection is no threat: "Tallinn will ask NATO to")
        speech_only = top in UNTHREATENING and not conditioned
        own_intent = (modality == "Hypothetical" and top not in ("Agree", "Threaten") and not speech_only
                      and claimed is not None
                      and (claimed in actor_keys or (speaker is not None and speaker.affiliation in actor_keys)))
        if modality == "Hypothetical" and top not in ("Agree", "Threaten") and not speech_only and claimed is None \
                and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in tok.children):
            own_intent = True  # "Finland will give Tanzania a grant": told as settled, an intent (CAMEO 03)
        intent_cls = "Agree" if quad_of(cls) in COOPERATION else "Threaten"
        if top in ("Concede", "Retreat"):
            intent_cls = "Concede"  # "said it would allow monitors in", "will release 40 students": an
            # announced concession, release or withdrawal not yet made is a concession (coding rule R19)
        if conditioned:
            intent_cls = "Threaten"
        intent_parties = None
        if own_intent and not recipients and intent_cls in DIRECTED_TOPS:
            intent_parties = parties if parties is not None else self.other_parties(
                tok, sent, st, side | ({claimed} - {None}))
        for a, r in pairs:
            group = a if isinstance(a, list) else [a]
            a = group[0]
            claimed_by = None if claimed in {k for k, _ in group} else claimed
            if own_intent and not tentative:
                # "Hungary said it will support the resolution", "Sharif said Pakistan would avenge
                # the attack": announcing one's own side's act is itself an AGREE (cooperation) or
                # THREATEN (conflict) event (PLOVER) of whoever announces it, besides the
                # hypothetical act; a CONCEDE for a concession, release or withdrawal (R19)
                st.events.append(Event(
                    type=intent_cls, actors=[claimed] if claimed else [k for k, _ in group],
                    recipients=[r[0]] if r else [],
                    modality="Asserted", date=said, location=loc, evidence=evidence, char_start=start,
                    char_end=start + len(evidence), confidence=0.5, trigger=tok.text, trigger_index=tok.i,
                    cameo={"Agree": "030", "Concede": "080"}.get(intent_cls, "130"),
                    actor_sector=None, recipient_sector=r[1] if r else None))
                if intent_parties is not None:
                    st.open.append((st.events[-1], intent_parties))
            st.events.append(Event(
                type=cls, actors=[k for k, _ in group], recipients=[r[0]] if r else [], modality=modality,
                date=date, location=loc, evidence=evidence, char_start=start, char_end=start + len(evidence),
                confidence=min(0.95, conf + (0.15 if r else 0.0)), trigger=tok.text, trigger_index=tok.i,
                cameo=cameo,
                claimed_by=claimed_by, actor_sector=a[1], recipient_sector=r[1] if r else None))
            st.trigger_of[id(st.events[-1])] = tok.i
            if parties is not None:
                st.open.append((st.events[-1], parties))
                if tentative:
                    st.tentative.add(id(st.events[-1]))

    def claimed_by(self, tok: Token, st: DocState) -> str | None:
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            if cur.dep_ in ("ccomp", "parataxis", "acl") and cur.head.lemma_.lower() in self.speech:
                h = cur.head
                sp = self.subjects(h, st) if h.pos_ in ("VERB", "AUX") else self.actors_of(h, st)
                return sp[0][0] if sp else None
            if cur.dep_ in ("ccomp", "conj", "advcl", "xcomp", "dobj", "pobj", "prep", "relcl", "acomp"):
                cur = cur.head
                continue
            break
        # "..., according to the UN" (the sentence's words scanned only when its source text has it)
        sent = tok.sent
        source = tok.doc._.gpol_source
        for t in (sent if source is None or "according" in source[sent.start_char:sent.end_char].lower() else ()):
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                for o in t.nbor(1).children:
                    if o.dep_ == "pobj":
                        a = self.actors_of(o, st)
                        if a:
                            return a[0][0]
        # "X said" as a parenthetical at the sentence level
        root = sent.root
        if root.lemma_.lower() in self.speech and root.i != tok.i:
            for c in root.children:
                if c.dep_ in ("ccomp", "parataxis") and tok in c.subtree:
                    sp = self.subjects(root, st)
                    return sp[0][0] if sp else None
        return None

    def date(self, v: Token, st: DocState, future: bool = False) -> tuple[str | None, bool]:
        """(the date of ``v``'s clause, or of its sentence, as an ISO string; whether a date
        expression there was left unread: "at the end of that month" dates the act, but not for us).

        A date after the anchor under a boundary word ("banning imports from 2027") is when a state
        begins or ends, not when the act was done, and is passed over unless the act is ``future``."""
        doc = v.doc
        clause = {t.i for t in clause_tokens(v)}  # once, not once per entity of the doc
        all_dates = st.dates
        dates = [e for e, root in zip(all_dates, st.date_roots) if root in clause]
        if not dates:
            sent = v.sent  # what Span.ents gives: the entities wholly inside the sentence
            # (only a date of a clause that holds this one or is coordinated with it, "freed them and
            # flew them out on Thursday": not "thanked X and invited Y to visit next month")
            sent_dates = [e for e in all_dates if e.start >= sent.start and e.end <= sent.end
                          and holds(clause_verb(e.root), v)]
            dates = sent_dates if len(sent_dates) == 1 else []
        unread = False
        for e in dates:
            iso = resolve_date(e.text, st.anchor, future=future)
            if iso and not future and st.anchor is not None and starts_after(iso, st.anchor) \
                    and {e.root.head.lower_, doc[max(0, e.start - 1)].lower_} & word_list("date_boundaries"):
                continue
            if iso:
                return iso, False
            unread = True
        return None, unread

    def location(self, v: Token, st: DocState) -> str | None:
        places = v.doc._.gpol_places or {}
        for t in clause_tokens(v):
            if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS:
                if t.i in places:
                    return places[t.i]
                comp = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                if comp and t.i not in st.idx:
                    start = min(c.left_edge.i for c in comp)
                    return t.doc[start:t.i + 1].text
        return None


def _mutual(tok: Token) -> bool:
    """Whether the verb ``tok`` is aimed at "each other" or "one another" ("accused each other",
    "threw stones at one another"), not only near it ("within hours of each other")."""
    for c in tok.children:
        objs = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" else []
        for o in objs:
            if o.lower_ in ("other", "another") and o.i > 0 and o.doc[o.i - 1].lower_ in ("each", "one"):
                return True
    return False
