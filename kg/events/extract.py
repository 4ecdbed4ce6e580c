"""The ``gpol_events`` pipeline component: typed PLOVER events from the dependency parse.

For every verb or event noun that the lexicon (CAMEO verb dictionary mapped to PLOVER, see
``data/lexicon/``) knows, it finds the actors and recipients among the actor mentions of the
``gpol_actors`` stage, following the syntax news sentences have:

- subjects, objects and prepositional objects; passive voice (the ``by`` agent is the actor);
- coordination: "urged Moscow and Kyiv" gives one event per recipient; a subject is carried
  into a coordinated verb ("condemned the strikes and warned ...") and into controlled clauses;
- event nouns: "talks with", "a summit between", "sanctions on", "the deployment of troops to";
  with a light verb ("conduct tests", "impose sanctions") the noun types the event;
- reported speech: the speaker of "X said", "according to X" is the source of the claim
  (``claimed_by``), never the actor of the reported event;
- targets from the context when no phrase names one: the state of the place hit ("shelled the
  city"), the other party of the sentence, else the story's lead (``recipient_inferred``, lower
  confidence); a demand in reported speech ("X said Y must ..."); an announced act is also an
  intent (Agree, or Threaten for conflict and "unless" conditions);
- modality (:mod:`kg.events.modality`), date (:mod:`kg.events.timex`), place, evidence sentence
  with character offsets, and a confidence.

It writes ``doc._.gpol_events``, a list of :class:`kg.model.Event`.

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Friday.")
>>> [(e.type, e.actors, e.recipients, e.location) for e in doc._.gpol_events]
[('Meet', ['vladimir-putin'], ['xi-jinping'], 'Beijing')]
"""
from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors.gazetteer import Gazetteer
from ..actors.mentions import register_extensions
from ..actors.recognise import group_actor
from ..model import Event
from ..taxonomy import quad_of, top_of
from .lexicon import LexEntry, Lexicon
from .modality import modality_of, word_list
from .state import DocState
from .timex import resolve_date, starts_after

__all__ = ["EventExtractor"]


_SUBJ = ("nsubj", "csubj")
_RECIPIENT_PREPS = {"with", "to", "against", "on", "upon", "toward", "towards", "for", "into", "from",
                    "between", "over", "at", "of", "among"}
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "off", "along"}
_SYMMETRIC_TOPS = {"Consult", "Cooperate", "Agree"}
# event nouns whose "of" names the one they hit, not who acts: "the invasion of South Lebanon",
# "criticism of Israel", "the release of prisoners"
_PATIENT_OF = {"Assault", "Coerce", "Sanction", "Threaten", "Accuse", "Protest", "Reject", "Support", "Aid"}
# prepositions whose event-noun object is what a verb reacts to, told here as its target
_REACTION_PREPS = {"to", "against", "over", "about", "on"}
# adverbs right after a verb that the parser may tag advmod where they are its particle ("pulled back")
_PARTICLES = {"back", "out", "off", "away", "down", "up", "in"}
# Speech acts whose complement is their content, not an event of its own: "threatened to impose
# tariffs on X" is one Threaten event against X; "urged X to return to talks" one Request to X.
_CONTENT_GOVERNORS = {"Threaten", "Request", "Agree", "Reject", "Concede"}
# Material conflict happens somewhere: with no recipient named, the state where it happens is hit.
_PLACE_RECIPIENT_TOPS = {"Assault", "Coerce", "Aid", "Mobilize", "Sanction"}
# Verbal acts addressed to someone named by "by"/"from" on their object: "demanded an admission by X"
_ADDRESSED_TOPS = {"Request", "Reject", "Accuse"}
_SHARED_PLACES = {"border", "frontier", "boundary"}
# event nouns whose "of" names who acts: "the withdrawal of troops", "a meeting of the Council"
_OF_AGENT_TOPS = {"Retreat", "Consult", "Mobilize"}
_FORCE_TOPS = {"Assault", "Coerce"}
_COOPERATION = {"VerbalCooperation", "MaterialCooperation"}
_MATERIAL = {"MaterialCooperation", "MaterialConflict"}
# Event types that are aimed at someone (in both gold sets, 97% of these events have a
# recipient): when no phrase of the trigger names the target, the other party of the sentence
# (else of the story told before) is taken, marked as inferred and with a lower confidence.
_DIRECTED_TOPS = {"Accuse", "Reject", "Threaten", "Protest", "Sanction", "Request", "Concede", "Aid",
                  "Coerce", "Assault", "Support"}


# prepositions of a cause: "died in shelling", "from wounds", "at the hands of", "under torture"
_CAUSE_PREPS = frozenset({"in", "from", "at", "after", "under", "during", "by"})


class EventExtractor:
    """Extract events from a Doc whose actors the ``gpol_actors`` component has resolved."""

    def __init__(self, nlp: Language, name: str = "gpol_events", lexicon: Lexicon | None = None):
        register_extensions()
        self.name = name
        self.lex = lexicon or Lexicon.load()
        self.gaz = Gazetteer.load()
        self.light = word_list("light_verbs")
        self.speech = word_list("speech_verbs")
        self.obligation = word_list("obligation_auxiliaries")
        self.crowd_nouns = word_list("crowd_nouns")
        self.message_nouns = word_list("message_nouns")
        self.message_verbs = word_list("message_verbs")
        self.reciprocal = word_list("reciprocal_verbs")
        self.stative = word_list("stative_passives")
        self.modals = word_list("modal_auxiliaries")
        self.ending = word_list("ending_verbs")
        self.buildup = word_list("buildup_verbs")
        self.leaving = word_list("leaving_verbs")
        self.occupation = word_list("occupation_verbs")
        self.easing = word_list("easing_verbs")
        self.imposing = word_list("imposing_verbs")
        self.blame = word_list("blame_verbs")
        self.place_nouns = word_list("place_nouns")
        self.needs_recipient = word_list("requires_recipient")
        self.intent_adjectives = word_list("intent_adjectives")
        self.threat_nouns = word_list("threat_nouns")
        self.victim_verbs = word_list("victim_verbs")
        self.home_agents = word_list("home_agents")
        self.people_counts = word_list("people_counts")
        self.claim_verbs = word_list("claim_verbs")
        self.frames = word_list("event_frames")
        self.command_verbs = word_list("command_verbs")
        self.relation_nouns = word_list("relation_nouns")

    # ------------------------------------------------------------------ mentions
    def _actors_of(self, tok: Token, st: DocState, deep: bool = True, depth: int = 0) -> list[tuple[str, str | None]]:
        """Actors a noun phrase headed by ``tok`` refers to, with the sector for group nouns.

        Coordinated phrases ("Moscow and Kyiv") give all their conjuncts.
        """
        idx = st.idx
        out: list[tuple[str, str | None]] = []
        for t in [tok, *tok.conjuncts]:
            m = idx.get(t.i)
            if m is not None:
                out.append((m.key, m.sector))
                out.extend((k, m.sector) for k in m.also)
                if m.how == "group" and m.kind == "State":
                    # "Hungarian and Romanian officials": every owner of the group (a group of a
                    # state's society, "Darfur rebels", is a node of its own)
                    for c in t.children:
                        if c.dep_ in ("amod", "compound", "poss"):
                            for cc in c.subtree:
                                if cc.i in idx and idx[cc.i].kind != "Person" and cc.i < t.i:
                                    out.append((idx[cc.i].key, m.sector))
                continue
            named = [idx[c.i] for c in t.children if c.dep_ == "appos" and c.i in idx]
            if named:  # "his Indian counterpart, Subrahmanyam Jaishankar"
                out.append((named[0].key, named[0].sector))
                continue
            if st.crowd is not None and t.tag_ == "NNS" and t.lemma_.lower() in self.crowd_nouns \
                    and not any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in idx for c in t.children):
                out.append(st.crowd)  # "fired tear gas at the crowds": the protesters told of
                continue
            if not deep or self.lex.noun(t.lemma_.lower()):
                continue  # "his talks with Trump collapsed": the talks' owner is not the subject
            sector = self.gaz.sector(t.lemma_.lower())
            before = len(out)
            for p in t.children:
                # "commanders of the Revolutionary Guards", "security forces in Guinea", "scores of
                # Liberian refugees", "the deputy chief of Israel's militia ally"
                if p.dep_ == "prep" and (p.lower_ == "of" or (sector and p.lower_ in ("in", "from"))):
                    objs = [o for o in p.children if o.dep_ == "pobj"]
                    for o in [*objs, *(c for o in objs for c in o.conjuncts)]:  # "of Rwanda and Congo"
                        if self._is_place(o, st):
                            continue
                        if o.i in idx:
                            if idx[o.i].kind != "Person" or not sector:
                                out.append((idx[o.i].key, sector or idx[o.i].sector))
                        elif p.lower_ == "of" and depth < 3:
                            out.extend(self._actors_of(o, st, depth=depth + 1))
            if len(out) > before:
                continue
            # "the Kursk region of Russia"? no: only the phrase's own owner: poss / compound / amod
            mods = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            mods += [cc for c in mods if c.dep_ == "amod" for cc in c.children if cc.dep_ in ("amod", "npadvmod")]
            for c in mods:  # ("Iranian nuclear and military sites": the owner hangs off an adjective)
                if c.i in idx:
                    mm = idx[c.i]
                    if mm.kind in ("State", "Organization") or t.pos_ == "PROPN":
                        out.append((mm.key, None))
                        break
        seen, uniq = set(), []
        for k, s in out:
            if k not in seen:
                seen.add(k)
                uniq.append((k, s))
        return uniq

    # ------------------------------------------------------------------ arguments
    def _subjects(self, v: Token, st: DocState, depth: int = 0) -> list[tuple[str, str | None]]:
        idx = st.idx
        subj = [c for c in v.children if c.dep_ in _SUBJ]
        if subj:
            out = []
            co_subjects = []
            for s in subj:
                for p in s.children:
                    # "The United States and Yemen's Houthis agreed": the parser makes the whole
                    # coordination the possessor; all but the conjunct with the "'s" are subjects
                    if p.dep_ in ("poss", "nmod") and p.conjuncts and not any(c.dep_ == "case" for c in p.children):
                        co_subjects += [idx[t.i] for t in [p, *p.conjuncts] if t.i in idx
                                        and not any(c.dep_ == "case" for c in t.children)]
            for s in subj:
                if s.tag_ == "VBG" and not any(c.dep_ in ("aux", "mark") for c in s.children):
                    # "The Red Cross operating in Iraq said": the small model makes the reduced
                    # relative the subject and the body its subject
                    s = next((c for c in s.children if c.dep_ == "nsubj"), s)
                person = idx.get(s.right_edge.i)
                if s.i in idx and idx[s.i].kind == "Organization" and person is not None \
                        and person.kind == "Person" and s.right_edge.dep_ == "pobj" \
                        and all(t.pos_ in ("PROPN", "ADP", "DET", "PUNCT", "SPACE") for t in s.subtree):
                    # "Organization of American States Secretary General Albert Ramdin said": the
                    # parser ends the organisation's name with the person its title names
                    s = s.right_edge
                out.extend(self._actors_of(s, st))
                out.extend(a for a in self._titled_coordination(s, st) if a not in out)
                # "X, Y's envoy, said": an appositive subject (not the owner an appositive of a named
                # actor mentions: "Pakistan, a key U.S. ally, refused")
                for ap in s.children:
                    if ap.dep_ == "appos" and (ap.i in idx or not out):
                        out.extend(a for a in self._actors_of(ap, st) if a not in out)
            out.extend(a for a in ((m.key, m.sector) for m in co_subjects) if a not in out)
            return out
        passive = [c for c in v.children if c.dep_ == "agent"]
        if passive:
            return [a for ag in passive for p in ag.children if p.dep_ == "pobj" for a in self._actors_of(p, st)]
        if self._stative(v):  # "Israel is opposed to French mediation": the stance is Israel's
            return [a for s in v.children if s.dep_ == "nsubjpass" for a in self._actors_of(s, st)]
        if depth > 4:
            return []
        h = v.head
        if v.dep_ == "conj" and h.i != v.i:
            own_passive = any(c.dep_ == "auxpass" for c in v.children) or (
                v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children))
            raised = [c for c in h.children if c.dep_ == "nsubjpass"]
            if raised and not own_passive and not self._stative(h):
                # "X has been indicted by the court and will resign": X resigns, not the court
                # ("X was arrested by police and charged" keeps the agent: that verb is passive too)
                return [a for o in raised for a in self._actors_of(o, st)]
            return self._subjects(h, st, depth + 1)
        if v.dep_ == "pcomp" and h.lower_ == "for" and h.head.pos_ == "VERB" and h.head.i != h.i and any(
                top_of(e.cls) == "Support" for e in self.lex.verb_entries(h.head.lemma_.lower()) if not e.pattern):
            # (praise: "thanked X for brokering", not the reason of a coercion: "deported X for travelling")
            objs = [c for c in h.head.children if c.dep_ == "dobj"]
            if objs:  # "thanked the United States for brokering the truce": the one thanked brokered
                return [a for o in objs for a in self._actors_of(o, st)]
        if v.dep_ in ("xcomp", "advcl", "pcomp") and h.i != v.i:
            # controlled clause: "Choe reaffirmed ..., pledging backing": the subject carries over;
            # "urged Moscow to return": the object of the governing verb is the subject
            if v.dep_ == "xcomp":
                objs = [c for c in h.children if c.dep_ in ("dobj", "dative") and c.tag_ not in ("WDT", "WP")]
                if objs and self._own_forces(objs[0], h, st):
                    return self._subjects(h, st, depth + 1)  # "ordered the army to strike": the leader's
                if objs:
                    return [a for o in objs for a in self._actors_of(o, st)]
                raised = [c for c in h.children if c.dep_ == "nsubjpass"]
                if raised:  # "Xi is expected to visit": the passive subject of the governor
                    return [a for o in raised for a in self._actors_of(o, st)]
            return self._subjects(h, st, depth + 1)
        if v.dep_ in ("relcl", "acl") and h.i != v.i:
            if v.dep_ == "relcl" and any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
                return []  # "France, whose troops were expelled": the one acted on, not the actor
            found = self._actors_of(h, st)
            if not found and h.dep_ in ("attr", "oprd") and h.head.pos_ in ("VERB", "AUX"):
                return self._subjects(h.head, st, depth + 1)  # "Russia became the first country to recognise"
            if not found and v.dep_ == "acl" and v.tag_ == "VBG" and h.dep_ == "dobj" \
                    and h.lemma_.lower() in self.message_nouns and h.head.pos_ == "VERB":
                # "the PKK issued a declaration demanding ...", "released a statement condemning":
                # the one who issued it
                return self._subjects(h.head, st, depth + 1)
            return found
        return []

    def _objects(self, v: Token, st: DocState, top: str | None = None) -> list[tuple[str, str | None]]:
        idx = st.idx
        out: list[tuple[str, str | None]] = []
        passive_subj = [] if self._stative(v) else [c for c in v.children if c.dep_ == "nsubjpass"]
        for c in v.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                c_is_prep = True  # "sent aid to X": the parser may call the "to" a dative
            else:
                c_is_prep = c.dep_ == "prep"
            if c.dep_ in ("dobj", "dative", "attr", "oprd") and not c_is_prep or c in passive_subj:
                if top in ("Mobilize", "Aid") and c.i not in idx:
                    pass  # "sent National Guard troops to the border": the troops are the actor's own
                elif self.lex.noun(c.lemma_.lower()):
                    out.extend(self._event_owners(c, st))
                elif c.lemma_.lower() in self.frames and (framed := self._event_noun(c)) is not None:
                    # "blocked a new EU sanctions package against Russia": the package's owner (EU)
                    out.extend(self._event_owners(framed, st))
                    out.extend((idx[o.i].key, None) for o in c.children
                               if o.dep_ in ("poss", "compound", "amod") and o.i in idx)
                elif top in _ADDRESSED_TOPS and any(p.dep_ == "prep" and p.lower_ in ("by", "from") for p in c.children):
                    # "demanded an admission by Moscow", "rejected calls by Belarus's rulers"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in ("by", "from"):
                            out.extend(a for o in p.children if o.dep_ == "pobj" for a in self._actors_of(o, st))
                else:
                    out.extend(self._actors_of(c, st))
                # "deployed troops to Russia": the recipient hangs off the object (not the place an
                # act one does oneself leaves: "the withdrawal of Russian forces from Moldova")
                own_act = self._own_act(c)
                # ("pledged 500 million pounds in military aid to Ukraine", "ten tons of food for
                # Gaza": the recipient hangs off what the amount is of)
                amounts = [o for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                           and _is_amount(c)
                           for o in p.children if o.dep_ == "pobj" and o.i not in idx]
                # (not the target of an act reacted to: "rejected the EU's sanctions against Russia"
                # is aimed at the EU)
                reacted = top in _ADDRESSED_TOPS and self._event_noun(c) is not None and c.i not in idx
                for p in [cc for h in (c, *amounts) for cc in h.children] if not reacted else ():
                    if p.dep_ == "prep" and p.lower_ in _RECIPIENT_PREPS and p.lower_ != "of" \
                            and not (own_act and p.lower_ == "from"):
                        for o in p.children:
                            if o.dep_ == "pobj":
                                out.extend(self._actors_of(o, st))
            elif c_is_prep and c.lower_ in _RECIPIENT_PREPS and c.lower_ not in ("of",):
                for o in c.children:
                    if o.dep_ == "pobj" and not self._is_place(o, st):
                        if o.i not in idx and self.lex.noun(o.lemma_.lower()):
                            out.extend(self._event_owners(o, st))  # "opposed to French mediation"
                        else:
                            out.extend(self._actors_of(o, st))
        if not out:
            # "Israel, which they would keep targeting": a relative pronoun object is its antecedent
            for node in (v, v.head) if v.dep_ == "xcomp" else (v,):
                for c in node.children:
                    if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                        out.extend(self._actors_of(node.head, st))
        if top in ("Accuse", "Protest") and len(out) > 1:
            # "complained to the UN over Israeli air raids", "filed a case against Israel at the
            # International Court of Justice": the accused, not who hears the complaint
            heard = {a for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "at", "before")
                     for o in c.children if o.dep_ == "pobj" for a in self._actors_of(o, st)}
            if heard and any(a not in heard for a in out):
                out = [a for a in out if a not in heard]
        if not out:
            # "hailed North Korean troops fighting ... as heroic, stating ...": the parser may attach
            # the object as the subject of a following clause
            for c in v.children:
                if c.dep_ in ("ccomp", "xcomp") and v.lemma_.lower() not in self.speech:
                    for s in c.children:
                        if s.dep_ == "nsubj":
                            out.extend(self._actors_of(s, st))
        return out

    def _place_state(self, v: Token, st: DocState, actor_keys: set) -> list[tuple[str, str | None]]:
        """The state in whose territory the clause of ``v`` happens: "struck a car in southern
        Lebanon", "shelled Port Sudan", "in Gaza"."""
        idx = st.idx
        places = v.doc._.gpol_places or {}
        for t in self._clause_tokens(v):
            if t.dep_ in ("pobj", "dobj") and (t.dep_ == "dobj" or t.head.lower_ in _LOCATIVE_PREPS | {"on", "into", "to"}
                                               or t.head.lower_ == "of" and t.head.head.lemma_.lower() in self.place_nouns):
                m = idx.get(t.i)
                if m is not None and m.kind == "State" and m.key not in actor_keys:
                    return [(m.key, None)]
                # "in the besieged Sudanese city of El Obeid" (not "near the Afghan border": a border
                # is shared)
                for c in t.children:
                    if c.dep_ in ("amod", "compound", "nmod") and c.i in idx and idx[c.i].kind == "State" \
                            and idx[c.i].key not in actor_keys and t.i not in idx \
                            and t.lemma_.lower() not in _SHARED_PLACES:
                        return [(idx[c.i].key, None)]
                name = places.get(t.i)
                if name:
                    e = self.gaz.locate(name, _story_states(v.doc))
                    if e is not None and e.key not in actor_keys:
                        return [(e.key, None)]
                home = v.doc._.gpol_home
                if home and home not in actor_keys and t.i not in idx and t.lemma_.lower() in self.place_nouns \
                        and any(c.lower_ == "the" for c in t.children) \
                        and not any(c.dep_ in ("poss", "compound", "amod", "prep") for c in t.children):
                    return [(home, None)]  # "The RSF shelled the city" in a Khartoum story
        return []

    def _titled_coordination(self, s: Token, st: DocState) -> list[tuple[str, str | None]]:
        """People coordinated with titles that the parser folds into one name: in "U.S. President
        Donald Trump and Russian President Vladimir Putin met", "Trump" hangs off "President"."""
        if not any(t.dep_ == "cc" and t.lower_ == "and" for t in s.subtree):
            return []
        out = []
        for t in s.subtree:
            m = st.idx.get(t.i)
            if m is None or m.kind != "Person" or t.i == s.i:
                continue
            h, ok = t, True
            while h.i != s.i:
                if h.dep_ not in ("compound", "appos", "conj", "nmod"):
                    ok = False
                    break
                h = h.head
            if ok:
                out.append((m.key, m.sector))
        return out

    def _event_owners(self, noun: Token, st: DocState) -> list[tuple[str, str | None]]:
        """Who owns an event named by a noun: "OAS criticism", "Russia's support", "an appeal from
        X", "talks with the ELN"."""
        idx = st.idx
        out: list[tuple[str, str | None]] = []
        # "the withdrawal of Serbian forces from Bosnia", "a meeting of the Security Council": the
        # "of" names who acts, and "from" the place left, for acts one does oneself
        of_agent = self._own_act(noun)
        for o in noun.children:
            if o.dep_ in ("poss", "compound", "amod") and o.i in idx:
                out.append((idx[o.i].key, None))
            elif o.dep_ == "prep" and (o.lower_ in ("by", "with") or o.lower_ == "from" and not of_agent
                                       or o.lower_ == "of" and of_agent):
                out.extend(a for p in o.children if p.dep_ == "pobj" for a in self._actors_of(p, st))
        return out

    def _own_act(self, noun: Token) -> bool:
        """Whether an event noun names an act one does oneself ("withdrawal", "meeting"), whose "of"
        names who acts."""
        entries = self.lex.noun(noun.lemma_.lower())
        return bool(entries) and top_of(entries[0].cls) in _OF_AGENT_TOPS

    def _own_forces(self, obj: Token | None, governor: Token, st: DocState) -> bool:
        """Whether ``obj`` is an agent of the governor's subject's own side: "ordered the army to
        strike", "told his troops to withdraw" (an order to one's own forces is no demand on anyone)."""
        idx = st.idx
        if obj is None or obj.dep_ != "dobj" or not {obj.lemma_.lower(), obj.lower_} & self.home_agents \
                or governor.lemma_.lower() not in self.command_verbs:
            return False
        m = idx.get(obj.i)
        if m is None:  # "the military", "his troops", "the armed forces": no other owner named
            return not any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in idx
                           or c.dep_ == "prep" and c.lower_ in ("of", "from", "in") for c in obj.children)
        side = _side([k for k, _ in self._subjects(governor, st)], governor.doc._.gpol_actors)
        return m.key in side

    def _claimed_responsibility(self, tok: Token) -> bool:
        """Whether ``tok`` is "responsibility" claimed by its verb's subject ("claimed responsibility")."""
        return tok.lemma_.lower() == "responsibility" and tok.dep_ == "dobj" \
            and tok.head.lemma_.lower() in self.claim_verbs

    def _stative(self, v: Token) -> bool:
        """A passive with no agent that states its subject's stance ("is opposed to")."""
        return v.lemma_.lower() in self.stative and any(c.dep_ == "nsubjpass" for c in v.children) \
            and not any(c.dep_ == "agent" for c in v.children)

    def _names_other_target(self, v: Token, st: DocState, own: set = frozenset()) -> bool:
        """Whether the verb's object names people the graph has no node for ("called on allies",
        "arrested dozens of people": agent nouns of the gazetteer with no state named): then no
        target is taken from the context. Things ("the measures", "countermeasures") leave it open."""
        idx = st.idx
        if v.pos_ != "VERB":
            return False
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative")]
        objs += [o for p in v.children if p.dep_ == "prep" and p.lower_ in ("on", "to", "against", "at", "upon")
                 for o in p.children if o.dep_ == "pobj"]
        for o in objs:
            if o.i in idx and idx[o.i].key in own and idx[o.i].how == "group":
                return True  # "urged its citizens to avoid Iraq": the actor's own people
            if o.i in idx or o.pos_ != "NOUN":
                continue
            if self._event_noun(o) is None and any(c.dep_ == "poss" and c.i in idx and idx[c.i].key in own
                                                   for c in o.children):
                return True  # "ordered their embassy staff to leave": the actor's own, no target
            # "dozens of people": the people
            heads = [o] + [p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"]
            if any(h.i not in idx and self.gaz.sector(h.lemma_.lower()) for h in heads):
                return True  # people the graph has no node for
        return False

    def _other_parties(self, tok: Token, sent: Span, st: DocState, exclude: set) -> list[str]:
        """The actors a sentence names besides the event's own side (its actors, their affiliations
        and the speaker), nearest after the trigger first, then nearest before it."""
        actors = tok.doc._.gpol_actors or {}
        after, before, seen = [], [], set(exclude)
        for i in sorted(range(sent.start, sent.end), key=lambda i: (i < tok.i, abs(i - tok.i))):
            m = st.idx.get(i)
            if m is None or m.key in seen or m.how == "pronoun":
                continue
            seen.add(m.key)
            a = actors.get(m.key)
            if a is not None and a.affiliation in exclude:
                continue  # the actor's own minister
            (after if i > tok.i else before).append(m.key)
        return after + before

    def _is_place(self, tok: Token, st: DocState) -> bool:
        return tok.i not in st.idx and tok.i in (tok.doc._.gpol_places or {})

    # ------------------------------------------------------------------ context
    def _claimed_by(self, tok: Token, st: DocState) -> str | None:
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            if cur.dep_ in ("ccomp", "parataxis", "acl") and cur.head.lemma_.lower() in self.speech:
                h = cur.head
                sp = self._subjects(h, st) if h.pos_ in ("VERB", "AUX") else self._actors_of(h, st)
                return sp[0][0] if sp else None
            if cur.dep_ in ("ccomp", "conj", "advcl", "xcomp", "dobj", "pobj", "prep", "relcl"):
                cur = cur.head
                continue
            break
        # "..., according to the UN"
        sent = tok.sent
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                for o in t.nbor(1).children:
                    if o.dep_ == "pobj":
                        a = self._actors_of(o, st)
                        if a:
                            return a[0][0]
        # "X said" as a parenthetical at the sentence level
        root = sent.root
        if root.lemma_.lower() in self.speech and root.i != tok.i:
            for c in root.children:
                if c.dep_ in ("ccomp", "parataxis") and tok in c.subtree:
                    sp = self._subjects(root, st)
                    return sp[0][0] if sp else None
        return None

    def _clause_tokens(self, v: Token):
        """Tokens of the trigger's own clause (not inside a clause of another verb)."""
        stack = [v]
        while stack:
            t = stack.pop()
            yield t
            for c in t.children:
                if c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis"):
                    continue
                stack.append(c)

    def _date(self, v: Token, st: DocState, future: bool = False) -> tuple[str | None, bool]:
        """(the date of ``v``'s clause, or of its sentence, as an ISO string; whether a date
        expression there was left unread: "at the end of that month" dates the act, but not for us).

        A date after the anchor under a boundary word ("banning imports from 2027") is when a state
        begins or ends, not when the act was done, and is passed over unless the act is ``future``."""
        doc = v.doc
        clause = {t.i for t in self._clause_tokens(v)}  # once, not once per entity of the doc
        all_dates = st.dates
        dates = [e for e in all_dates if e.root.i in clause]
        if not dates:
            sent = v.sent  # what Span.ents gives: the entities wholly inside the sentence
            # (only a date of a clause that holds this one or is coordinated with it, "freed them and
            # flew them out on Thursday": not "thanked X and invited Y to visit next month")
            sent_dates = [e for e in all_dates if e.start >= sent.start and e.end <= sent.end
                          and _holds(_clause_verb(e.root), v)]
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

    def _location(self, v: Token, st: DocState) -> str | None:
        places = v.doc._.gpol_places or {}
        for t in self._clause_tokens(v):
            if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE_PREPS:
                if t.i in places:
                    return places[t.i]
                comp = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                if comp and t.i not in st.idx:
                    start = min(c.left_edge.i for c in comp)
                    return t.doc[start:t.i + 1].text
        return None

    # ------------------------------------------------------------------ events
    def _emit(self, st: DocState, cls, cameo, tok, actors, recipients, conf, sent: Span,
              modality_from: Token | None = None):
        if not actors:
            return
        actors = list({k: (k, s) for k, s in reversed(actors)}.values())[::-1]  # each actor once
        actor_keys = {k for k, _ in actors}
        if cls == "MilitaryExercise" and (len(actors) > 1 or any(
                c.lower_ == "joint" or (c.dep_ == "prep" and c.lower_ == "with") for c in tok.children)):
            # "the United States, Australia and Japan began exercises", "joint drills with Russia":
            # joint military operations are cooperation; single-country exercises mobilisation (PLOVER)
            cls, cameo = "MilitaryCooperation", "062"
        side = _side(actor_keys, tok.doc._.gpol_actors or {})
        recipients = [(k, s) for k, s in recipients if k not in side]
        modality = modality_of(tok)
        if modality == "Asserted" and modality_from is not None:
            modality = modality_of(modality_from)  # "did not take part in the talks"
        claimed = self._claimed_by(tok, st)
        date, unread = self._date(tok, st, future=modality == "Hypothetical")  # ("will visit in April": next April)
        published = tok.doc._.gpol_anchor
        if published is not None and modality != "Hypothetical":
            if date is not None and starts_after(date, published):
                modality = "Hypothetical"  # told with a date after the story's own: planned, not done
            elif date is None and not unread:
                # an act the text tells without a date carries the date it was reported on
                date = published.isoformat()
        said = date  # when the intent to do a planned act was told (for own_intent, below)
        if modality == "Hypothetical" and published is not None:
            said, unread = self._date(tok, st)
            if said is None and not unread or said is not None and starts_after(said, published):
                said = published.isoformat()
        loc = self._location(tok, st)
        top = top_of(cls)
        if not recipients and (top in _PLACE_RECIPIENT_TOPS or cls == "Visit"):
            # ("arrived in Amman": a visit to the state whose city it is)
            recipients = self._place_state(tok, st, side)
            home = tok.doc._.gpol_home
            if not recipients and cls == "Visit" and home and home not in side \
                    and tok.pos_ == "VERB":
                # "a parade in Pyongyang attended by Li Qiang": a visit to the story's own state
                recipients = [(home, None)]
        parties = None
        if not recipients and top in _DIRECTED_TOPS and not self._names_other_target(tok, st, side):
            parties = self._other_parties(tok, sent, st, side | ({claimed} - {None}))
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
        tentative = False
        if not recipients and top.lower() in self.needs_recipient and not parties \
                and not (len(actors) > 1 and top in _SYMMETRIC_TOPS):  # ("X and Y cooperate": each other)
            if parties is None:
                return  # (cooperation with nobody the sentence names is no event)
            tentative = True  # aid or sanctions: kept only if the story gives a target
        pairs = []
        if not recipients and len(actors) > 1 and tok.lemma_.lower() in self.reciprocal and top not in _SYMMETRIC_TOPS:
            # "Thailand and Cambodia traded fire": each is the other's target
            pairs = [(a, r) for a in actors for r in actors if r != a]
        elif not recipients and len(actors) > 1 and top in _SYMMETRIC_TOPS:
            # "X and Y met": one event with both sides as actors (PLOVER's compound actor); the
            # graph links them both ways
            pairs = [(actors, None)]
        elif recipients:
            pairs = [(a, r) for a in actors for r in recipients]
        else:
            pairs = [(a, None) for a in actors]
        source = tok.doc._.gpol_source or tok.doc.text
        # from the first word: a masked dateline is blank in the doc but not in the source
        start = next((t.idx for t in sent if not t.is_space), sent.start_char)
        end = sent.start_char + len(sent.text.rstrip())
        evidence = source[start:end].strip()
        start += len(source[start:end]) - len(source[start:end].lstrip())
        speaker = tok.doc._.gpol_actors.get(claimed) if claimed else None
        own_intent = (modality == "Hypothetical" and top not in ("Agree", "Threaten")
                      and claimed is not None
                      and (claimed in actor_keys or (speaker is not None and speaker.affiliation in actor_keys)))
        if modality == "Hypothetical" and top not in ("Agree", "Threaten") and claimed is None \
                and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in tok.children):
            own_intent = True  # "Finland will give Tanzania a grant": told as settled, an intent (CAMEO 03)
        intent_cls = "Agree" if quad_of(cls) in _COOPERATION else "Threaten"
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in tok.children):
            intent_cls = "Threaten"  # "will withdraw its force unless X arranges a ceasefire": a threat
        intent_parties = None
        if own_intent and not recipients and intent_cls in _DIRECTED_TOPS:
            intent_parties = parties if parties is not None else self._other_parties(
                tok, sent, st, side | ({claimed} - {None}))
        for a, r in pairs:
            group = a if isinstance(a, list) else [a]
            a = group[0]
            claimed_by = None if claimed in {k for k, _ in group} else claimed
            if own_intent and not tentative:
                # "Hungary said it will support the resolution", "Sharif said Pakistan would avenge
                # the attack": announcing one's own side's act is itself an AGREE (cooperation) or
                # THREATEN (conflict) event (PLOVER) of whoever announces it, besides the
                # hypothetical act
                st.events.append(Event(
                    type=intent_cls, actors=[claimed] if claimed else [k for k, _ in group],
                    recipients=[r[0]] if r else [],
                    modality="Asserted", date=said, location=loc, evidence=evidence, char_start=start,
                    char_end=start + len(evidence), confidence=0.5, trigger=tok.text, trigger_index=tok.i,
                    cameo="030" if intent_cls == "Agree" else "130",
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

    def _event_noun(self, tok: Token | None) -> Token | None:
        """``tok`` if it is an event noun, or the event noun of a partitive ("waves of airstrikes")."""
        if tok is None:
            return None
        if self.lex.noun(tok.lemma_.lower()):
            return tok
        if tok.lemma_.lower() in self.frames:  # "a mediation effort"
            for c in tok.children:
                if c.dep_ == "compound" and c.i == tok.i - 1 and self.lex.noun(c.lemma_.lower()):
                    return c
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj" and self.lex.noun(o.lemma_.lower()):
                        return o
        return None

    def _verb_event(self, v: Token, st: DocState, sent: Span):
        idx = st.idx
        lemma = v.lemma_.lower()
        if v.i >= 2 and v.doc[v.i - 1].text == "-" and v.doc[v.i - 2].head.i == v.i \
                and self.lex.verb_entries(f"{v.doc[v.i - 2].lower_}-{lemma}"):
            lemma = f"{v.doc[v.i - 2].lower_}-{lemma}"  # "test-fired": the tokenizer splits the compound verb
        preps = tuple((c.lower_, next((o.lemma_.lower() for o in c.children if o.dep_ == "pobj"), None))
                      for c in v.children if c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP"))
        dobj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"
                    or (c.dep_ == "advmod" and c.lower_ in _PARTICLES and c.i == v.i + 1)), None)
        if v.i in st.suppressed or (dobj is not None and self._claimed_responsibility(dobj)):
            return  # ("claimed responsibility for an attack": the attack is the event)
        if dobj is not None and dobj.dep_ == "dobj" and lemma in self.message_verbs \
                and dobj.lemma_.lower() in self.message_nouns and any(
                c.dep_ == "acl" and c.tag_ == "VBG" and self.lex.verb_entries(c.lemma_.lower()) for c in dobj.children):
            return  # "released a statement condemning the strikes": the statement carries the event
        if lemma in self.speech:
            self._demand_event(v, st, sent)
        entry = None
        what = None
        label = next((c for c in v.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "ADJ")), None)
        if label is not None:
            # "called the arrests a provocation": CAMEO's "- * WORD" patterns name the word after
            # the object, which the parser makes the object predicate
            entry = self.lex.verb(lemma, dobj=label.lemma_.lower())
            entry = entry if entry is not None and entry.pattern else None
        if entry is None:
            # (the object as written first: CAMEO codes "lift * SANCTIONS" 085 and "lift * SANCTION" 0351)
            lexical = None
            what = _amount_of(dobj) if dobj is not None else None  # "sent 50 tons of weapons": weapons
            if what is not None and what is dobj and _is_amount(dobj):
                # "gave 30 million dollars in humanitarian aid": the parser may hang the "in" on the verb
                what = next((o for p in v.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                             if o.dep_ == "pobj" and self.lex.noun(o.lemma_.lower())), dobj)
            context = _object_context(what)  # ("40 million euros in humanitarian aid": its modifiers)
            if what is not None and what.lower_ != what.lemma_.lower():
                lexical = self.lex.verb(lemma, preps=preps, dobj=what.lower_, particle=prt, **context)
                lexical = lexical if lexical is not None and lexical.pattern and lexical.pattern.startswith(
                    f"dobj:{what.lower_}") else None
            if lexical is None:
                lexical = self.lex.verb(lemma, preps=preps, dobj=what.lemma_.lower() if what is not None else None,
                                        particle=prt, **context)
            if (lexical is None or not lexical.pattern) and dobj is not None:
                # (a reading composed from the verb and its object is more specific than the plain
                # verb's: "ordered troops to the area" is a deployment, not a demand)
                entry = self._composed_entry(lemma, dobj, st, v)
            if entry is None:
                # a light verb whose object is an event noun: the noun types the event; a verb the
                # lexicon knows with that object ("cancelled a visit": 160) types it itself
                if self._event_noun(dobj) is not None and (lemma in self.light or lexical is None):
                    return
                entry = lexical
        if entry is None:
            return
        if lemma in self.speech and not entry.cls:
            return
        if what is not None and what is not dobj and self.lex.noun(what.lemma_.lower()):
            # "gave 40 million euros in humanitarian aid": the aid's modifiers make the class finer
            refined = self.lex.refine(what.lemma_, [c.lemma_ for c in what.children if c.dep_ in ("amod", "compound")])
            if refined and top_of(refined) == top_of(entry.cls):
                entry = dataclasses.replace(entry, cls=refined)
        actors = self._subjects(v, st)
        cls = entry.cls
        if cls == "Host" and dobj is not None and dobj.dep_ == "dobj" and dobj.i not in idx \
                and self._event_noun(dobj) is None and not self._actors_of(dobj, st) \
                and not self.gaz.sector(dobj.lemma_.lower()) \
                and any(p.dep_ == "prep" and p.lower_ == "from" for p in (*dobj.children, *v.children)):
            return  # "received assurances from the United States": a thing given, no guest hosted
        if (entry.cameo or "").startswith("087") and dobj is not None and dobj.dep_ == "dobj" and dobj.i in idx \
                and idx[dobj.i].key not in _side([k for k, _ in actors], v.doc._.gpol_actors or {}):
            # "a plan to disarm Hezbollah": demobilising another side is done to it (coercion)
            cls, entry = "Coerce", dataclasses.replace(entry, cameo="170")
        if top_of(cls) == "Request" and self._own_forces(dobj, v, st) \
                and any(c.dep_ == "xcomp" for c in v.children):
            return  # "ordered the army to strike": the strike is the event, the leader's own
        if v.dep_ == "acl" and v.tag_ == "VBN" and not any(c.dep_ in ("agent", "nsubj") for c in v.children) \
                and top_of(cls) != "Mobilize":
            # "a Serbian diplomat accused of spying", "civilians killed in the fighting": the noun is
            # the one acted on, and the one who acted is not told ("troops deployed to the border"
            # are their state's own)
            return
        if lemma in self.victim_verbs and top_of(cls) == "Assault":
            # "a prisoner died in police custody": the subject suffered it, the cause names the actor
            victims, actors = actors, []
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS:
                    for o in c.children:
                        if o.dep_ != "pobj" or self._is_place(o, st) or (o.i in idx and idx[o.i].kind == "State"):
                            continue  # ("died in Ukraine": a place)
                        if self._event_noun(o) is not None:
                            return  # "died in Israeli strikes": the strikes are the event
                        actors += [a for a in self._actors_of(o, st) if a not in actors and a not in victims]
            if not actors:
                return
            self._emit(st, cls, entry.cameo, v, actors, victims, 0.6, sent)
            return
        if top_of(cls) == "Agree" and dobj is not None and dobj.dep_ == "dobj" and dobj.lemma_.lower() in self.threat_nouns:
            cls = "Threaten"  # "vowed a harsh response": a threat
        protesters = top_of(cls) == "Protest" and (not actors or any(
            c.dep_ == "nsubj" and c.lemma_.lower() in self.people_counts for c in v.children)) or (
            not actors and any(c.dep_ == "nsubj" and c.lemma_.lower() in self.crowd_nouns for c in v.children))
        # ("Protesters stormed the parliament": whatever they do, people protesting are a group)
        if protesters:  # ("Thousands of Georgians rallied": the state's people, not the state)
            group = self._protesters(v, st)
            protesters = bool(group) or not actors
            actors = group or actors
        own = {k for k, _ in actors}
        recipients = [r for r in self._objects(v, st, top_of(cls)) if r[0] not in own]  # ("warned it would")
        if cls in ("Consult", "Negotiate") and dobj is not None and dobj.dep_ == "dobj" and dobj.i not in idx \
                and not self._actors_of(dobj, st):
            # "discussed security cooperation against al-Shabaab": a topic names no party to the talks
            topic = {t.i for t in dobj.subtree} - {t.i for p in dobj.subtree if p.dep_ == "prep" and p.lower_ == "with"
                                                   for t in p.subtree}  # ("... with Starmer": the parser may hang it low)
            recipients = [r for r in recipients if not any(t in topic and idx[t].key == r[0] for t in idx)]
        if actors and not recipients and (protesters or (
                top_of(cls) in ("Request", "Protest") and st.crowd is not None and actors == [st.crowd])):
            # aimed at their own state ("protesters marched to demand the release of activists")
            recipients = [(v.doc._.gpol_actors[actors[0][0]].affiliation, None)]
        refers_to = None
        if not recipients and dobj is not None and dobj.dep_ == "dobj":
            noun = self._event_noun(dobj)
            named = [c for c in noun.children if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i in idx)
                     or (c.dep_ == "prep" and any(o.i in idx for o in c.children))] if noun is not None else None
            if noun is not None and not named:
                refers_to = self.lex.noun(noun.lemma_.lower())[0].cls  # "the strike": an event told before
        if top_of(cls) in _CONTENT_GOVERNORS:
            # the content: the verb's complement, or the "that" clause of its event-noun object
            # ("reiterated its demand that Israel ease restrictions")
            obj_noun = self._event_noun(dobj) if dobj is not None and dobj.dep_ == "dobj" else None
            content = list(v.children) + [
                c for c in (obj_noun.children if obj_noun is not None else ())
                if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            for c in content:
                # (a speech verb's "that" clause is its claim, unless its object is an event noun whose
                # content the parser hangs off the verb)
                if c.dep_ == "xcomp" or (c.dep_ in ("ccomp", "acl") and (lemma not in self.speech or entry.pattern
                                                                        or obj_noun is not None)) \
                        or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                    if c.dep_ == "acl" and c.head.i != getattr(obj_noun, "i", -1):
                        continue
                    for cc in (c, *c.conjuncts):
                        st.suppressed.add(cc.i)
                        # and the complements it takes in turn ("urged Washington to stop arming Taiwan")
                        st.suppressed.update(t.i for t in cc.children if t.dep_ == "xcomp" and t.pos_ == "VERB")
                        if c.dep_ in ("ccomp", "acl") and not recipients:
                            recipients = [a for sj in cc.children if sj.dep_ in ("nsubj", "nsubjpass")
                                          for a in self._actors_of(sj, st) if a not in actors]
                        inner = self.lex.verb(cc.lemma_.lower())
                        inner_dobj = next((d for d in cc.children if d.dep_ in ("dobj", "attr")), None)
                        inner_noun = self._event_noun(inner_dobj)
                        inner_cls = inner.cls if inner is not None else (
                            self.lex.noun(inner_noun.lemma_.lower())[0].cls
                            if inner_noun is not None and cc.lemma_.lower() in self.light else None)
                        harm = any(t.lemma_.lower() in self.threat_nouns for t in _own_clause(cc))
                        if top_of(cls) == "Agree" and (harm or (inner_cls is not None and quad_of(inner_cls) in
                                                               ("MaterialConflict", "VerbalConflict")
                                                               and top_of(inner_cls) != "Mobilize")):
                            # (a pledge to deploy troops to X is help for X, not a threat)
                            cls = "Threaten"  # "vowed to retaliate", "vowed X would face punishment"
                        if not recipients:
                            recipients = [r for r in self._objects(cc, st, top_of(inner.cls) if inner else None)
                                          if r not in actors]
                        noun = self._event_noun(next((d for d in cc.children if d.dep_ == "dobj"), None))
                        if noun is not None:
                            st.suppressed.add(noun.i)
        if top_of(cls) == "Threaten" and lemma in self.speech | {"warn", "caution"} and dobj is None:
            content = [c for c in v.children if c.dep_ == "ccomp"]
            if content and not any(a.dep_ == "aux" and a.lower_ in self.modals for c in content for a in c.children):
                return  # "warned that famine had spread": an alarm, no threat (none "would" happen)
        if top_of(cls) == "Threaten" and not recipients:
            # "warned it would act if the SDF did not disarm": the condition names the target
            for t in v.subtree:
                if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children):
                    recipients = [a for sj in t.children if sj.dep_ in ("nsubj", "nsubjpass")
                                  for a in self._actors_of(sj, st) if a not in actors]
                    if recipients:
                        break
        if top_of(cls) in _FORCE_TOPS and not recipients:
            # "fired tear gas to disperse the crowds": force used for a forceful purpose is aimed at
            # the purpose's object
            for c in v.children:
                if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    inner = {top_of(e.cls) for e in self.lex.verb_entries(c.lemma_.lower())}
                    if inner and inner <= _FORCE_TOPS:  # ("disperse": coded with its objects only)
                        recipients = [r for r in self._objects(c, st, min(inner)) if r[0] not in own]
                        if recipients:
                            break
        if cls == "WeaponsTest" and recipients:
            cls = "Airstrike"  # a missile launched at someone is an attack, not a test
        if dobj is not None and dobj.dep_ == "dobj" and lemma not in self.light:
            # "rejected a U.S. request", "condemned the killings by the RSF": the event named by the
            # object is what this one reacts to, told here as its target; it is not told anew
            noun = self._event_noun(dobj)
            if noun is not None:
                st.suppressed.add(noun.i)
            for c in dobj.children:  # and a proposal's content: "rejected a U.S. offer to host a summit"
                if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    st.suppressed.update(t.i for t in c.subtree if t.pos_ in ("VERB", "NOUN"))
        reacting = top_of(cls) in ("Accuse", "Protest", "Reject")
        # "opposed to French mediation", "responded to the attack"; and for a charge anywhere in
        # its clause: "accused the U.S. of murder over the boat strikes"
        for c in (_own_clause(v) if reacting else v.children):
            if c.dep_ == "prep" and c.lower_ in _REACTION_PREPS and (c.head.i == v.i or reacting):
                for o in c.children:
                    if o.dep_ == "pobj" and o.i not in idx and self._event_noun(o) is not None:
                        st.suppressed.add(self._event_noun(o).i)
        if not recipients and v.dep_ in ("acl", "relcl") and top_of(cls) in _ADDRESSED_TOPS | {"Protest", "Support"}:
            # "Israel carried out an airstrike on Hamas leaders, an attack Qatar's prime minister
            # called state terrorism": the reaction is aimed at who carried out what the noun renames
            recipients = self._renamed_actors(v.head, st)
        if lemma in self.blame and top_of(cls) == "Accuse" and recipients:
            self._blamed_act(v, dobj, actors, recipients, st, sent)
        hosting = cls == "Host" and not recipients and dobj is not None and dobj.dep_ == "dobj" and dobj.i not in idx
        n_before = len(st.events)
        self._emit(st, cls, entry.cameo, v, actors, recipients, 0.6, sent)
        if refers_to is not None:
            for ev in st.events[n_before:]:
                st.anaphora.append((ev, refers_to))
        if hosting:
            st.hosting.extend(st.events[n_before:])

    def _demand_event(self, v: Token, st: DocState, sent: Span):
        """"Wagner said Rwanda must withdraw its troops": what the speaker says another side must
        or should do is the speaker's demand on it (PLOVER REQUEST), whatever the act demanded."""
        speakers = self._subjects(v, st)
        if not speakers:
            return
        doc_actors = v.doc._.gpol_actors or {}
        side = _side({k for k, _ in speakers}, doc_actors)  # ("Rwandan rebels" do not speak for Rwanda)
        for c in v.children:
            if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in self.obligation for a in c.children):
                continue
            targets = [a for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                       for a in self._actors_of(s, st)]
            targets = [a for a in targets if a[0] not in side and
                       (doc_actors[a[0]].affiliation if a[0] in doc_actors else None) not in side]
            if targets:
                self._emit(st, "Request", "020", v, speakers, targets, 0.5, sent)
                # the act demanded is the demand's content, not an event of its own ("urged X to"),
                # nor is anything told inside it ("must be ready to mediate", "must reach an agreement")
                st.suppressed.update(t.i for cc in (c, *c.conjuncts) for t in cc.subtree
                                        if t.pos_ in ("VERB", "NOUN", "ADJ"))

    def _renamed_actors(self, noun: Token, st: DocState) -> list[tuple[str, str | None]]:
        """The actors of the event an appositive event noun renames ("..., an attack X called"): an
        event of the noun's type triggered by the clause it is set beside or by that clause's object."""
        entries = self.lex.noun(noun.lemma_.lower())
        if not entries or noun.dep_ not in ("npadvmod", "appos") or any(
                c.dep_ in ("poss", "compound", "amod") and c.i in st.idx for c in noun.children):
            return []
        triggers = {t.i for t in _clause_triggers(noun.head)}
        for ev in reversed(st.events):
            if st.trigger_of.get(id(ev)) in triggers and top_of(ev.type) == top_of(entries[0].cls):
                return [(k, None) for k in ev.actors]
        return []

    def _object_sector(self, tok: Token) -> str | None:
        """The sector of an object noun with its modifiers, longest first ("a surveillance ship")."""
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        for k in range(len(mods), -1, -1):
            phrase = " ".join([m.lemma_.lower() for m in mods[len(mods) - k:]] + [tok.lemma_.lower()])
            sector = self.gaz.sector(phrase)
            if sector is not None:
                return sector
        return None

    def _is_town(self, tok: Token, st: DocState) -> bool:
        """Whether a noun phrase names a town or place: a place name ("Bukavu"), or a place noun
        ("the town of Adan Yabaal", "the city")."""
        if tok.i in st.idx:
            return False
        places = tok.doc._.gpol_places or {}
        return tok.i in places or tok.lemma_.lower() in self.place_nouns

    def _kind(self, key: str) -> str | None:
        e = self.gaz.get(key)
        return e.kind if e is not None else None

    def _armed(self, key: str, sector: str | None) -> bool:
        """Whether an actor acts as armed forces: troops, rebels, an armed group."""
        if sector in ("military", "rebels", "armed_group"):
            return True
        e = self.gaz.get(key)
        return e is not None and e.org_type == "armed_group"

    def _composed_entry(self, lemma: str, dobj: Token, st: DocState, v: Token | None = None) -> LexEntry | None:
        """An entry composed from the verb's kind and its object's, for pairs the CAMEO dictionary
        does not code: ending a cooperative act ("halted economic aid to Serbia", "suspended aid
        deliveries": relations reduced, CAMEO 160) and building up forces ("strengthened its
        forces": a deployment, CAMEO 154)."""
        idx = st.idx
        if lemma in self.ending:
            # ("ended mediation efforts": the compound names the act; "suspended part of a military
            # aid program": so does the partitive's; "froze 2 billion euros in funding": the amount's)
            dobj = _amount_of(dobj)
            heads = [dobj] + [o for p in dobj.children if p.dep_ == "prep" and p.lower_ == "of"
                              for o in p.children if o.dep_ == "pobj"]
            ended = self._event_noun(dobj) or next(
                (c for h in heads for c in h.children if c.dep_ == "compound" and self.lex.noun(c.lemma_.lower())),
                None)
            if ended is not None and quad_of(self.lex.noun(ended.lemma_.lower())[0].cls) in _COOPERATION \
                    or dobj.lemma_.lower() in self.relation_nouns:  # ("suspended flights from Colombia")
                return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "160", "SANCTION", "Sanction", "rule")
        if lemma in self.ending and dobj.dep_ == "dobj" and dobj.i in idx and idx[dobj.i].how != "group" \
                and v is not None and any(self._kind(k) == "Organization" for k, _ in self._subjects(v, st)):
            # "The African Union suspended Gabon": an organisation ending a member's part in it (CAMEO 160)
            return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "160", "SANCTION", "Sanction", "rule")
        if lemma in self.leaving and dobj.dep_ == "dobj" and dobj.i in idx and idx[dobj.i].kind == "Organization" \
                and idx[dobj.i].how != "group":
            # "Mali left ECOWAS": leaving an organisation breaks relations with it (CAMEO 161)
            return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "161", "SANCTION", "Sanction", "rule")
        for verbs, model in ((self.easing, "lift"), (self.imposing, "impose")):
            if lemma in verbs and dobj.dep_ == "dobj":
                # "cancelled restrictions", "shortened the curfew": as CAMEO reads "lift" with that
                # object; "declared a state of emergency": as it reads "impose" with it
                read = self.lex.verb(model, dobj=dobj.lemma_.lower(), **_object_context(dobj))
                if read is not None and read.pattern and read.pattern.startswith("dobj:"):
                    return LexEntry(lemma, read.pattern, read.cameo, read.plover, read.cls, "rule")
        if lemma in self.occupation and dobj.dep_ == "dobj" and v is not None and self._is_town(dobj, st) \
                and any(self._armed(k, sector) for k, sector in self._subjects(v, st)):
            # "M23 rebels entered Bukavu": armed forces taking a town occupy it (CAMEO 192)
            return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "192", "COERCE", "Occupy", "rule")
        if lemma in self.buildup and dobj.dep_ == "dobj" and self._object_sector(dobj) == "military" \
                and not any(c.dep_ in ("xcomp", "ccomp") for c in dobj.head.children):
            return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "154", "MOBILIZE", "Deploy", "rule")
        return None

    def _protesters(self, v: Token, st: DocState) -> list[tuple[str, str | None]]:
        """"Thousands of protesters marched in Nairobi": people protesting form a group of their
        state (one the phrase names, else the story's dateline), a node of its own (as "Afghan
        rebels")."""
        idx = st.idx
        actors = v.doc._.gpol_actors
        if actors is None:
            return []
        for s in (c for c in v.children if c.dep_ == "nsubj"):
            heads = [s] + [o for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"]  # "thousands of protesters"
            for h in heads:
                sector = self.gaz.sector(h.lemma_.lower())
                if sector is None and h is s and len(heads) == 1 and h.lemma_.lower() in self.people_counts:
                    sector = "civilians"  # "Thousands marched in Buenos Aires"
                people = self.gaz.state_for_demonym(h.text) if h.tag_ in ("NNPS", "NNP") and h.lower_.endswith("s") \
                    and h is not s else None
                if sector is None and people is not None and s.lemma_.lower() in self.people_counts:
                    sector = "civilians"  # "Thousands of Georgians rallied": the state's people, not the state
                if (h.tag_ != "NNS" and people is None) or sector is None or self.gaz.sector_group(sector) is None \
                        and sector != "civilians":
                    continue
                # their state: one named in the phrase ("students throughout Indonesia"), else the
                # story's own (its dateline)
                named = [idx[t.i].key for t in s.subtree if t.i in idx and idx[t.i].kind == "State"]
                home = named[0] if named else v.doc._.gpol_home
                if home is None:  # "Thousands of people protested in Tbilisi": the town's state
                    home = next((k for k, _ in self._place_state(v, st, set())), None)
                state = self.gaz.get(home) if home else None
                if state is None:
                    return []
                ga = group_actor(state, self.gaz.sector_group(sector) or "civilians", self.gaz.sector_code(sector))
                ga = actors.setdefault(ga.key, ga)
                ga.alt_labels.add(h.text)
                st.crowd = (ga.key, sector)
                return [(ga.key, sector)]
        return []

    def _blamed_act(self, v: Token, dobj, blamers, blamed, st: DocState, sent: Span):
        """"An attack the army blamed on the RSF", "blamed the strike on Israel", "blamed Russia
        for the attack": the act is the blamed one's, claimed by the one who blames (who is
        excluded from its targets)."""
        noun = None
        if v.dep_ == "relcl" and self.lex.noun(v.head.lemma_.lower()):
            noun = v.head
        elif dobj is not None and dobj.dep_ == "dobj" and self.lex.noun(dobj.lemma_.lower()):
            noun = dobj
        else:
            noun = next((o for p in v.children if p.dep_ == "prep" and p.lower_ == "for"
                         for o in p.children if o.dep_ == "pobj" and self.lex.noun(o.lemma_.lower())), None)
        if noun is None or any(c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i in st.idx)
                               for c in noun.children):
            return
        entry = self.lex.noun(noun.lemma_.lower())[0]
        cls = self.lex.refine(noun.lemma_, [c.lemma_ for c in noun.children if c.dep_ in ("amod", "compound")]) \
            or entry.cls
        own = {k for k, _ in blamed}
        targets = [r for r in self._objects(noun.head if noun.dep_ == "appos" else noun, st) if r[0] not in own]
        if not targets and top_of(cls) in _PLACE_RECIPIENT_TOPS:
            root = noun.sent.root
            targets = self._place_state(root, st, own)
        n_before = len(st.events)
        self._emit(st, cls, entry.cameo, v, blamed, targets, 0.4, sent)
        for ev in st.events[n_before:]:
            ev.claimed_by = blamers[0][0] if blamers else None
            ev.trigger = noun.text

    def _intent_event(self, adj: Token, st: DocState, sent: Span):
        """"Norway is willing to send material to help defend Saudi Arabia": a stated readiness to
        act is an AGREE event toward whom the act concerns; its content is not a second event."""
        comp = next((c for c in adj.children if c.dep_ == "xcomp"), None) or next(
            (pc for p in adj.children if p.dep_ == "prep" and p.lower_ == "to"  # "open to meeting Zelenskiy"
             for pc in p.children if pc.dep_ == "pcomp" and pc.pos_ == "VERB"), None)
        if comp is None or adj.dep_ not in ("acomp", "amod", "ROOT") or adj.i in st.suppressed:
            return
        actors = self._subjects(adj.head if adj.dep_ == "acomp" else adj, st)
        recipients, todo = [], [comp]
        cls, cameo = "Agree", "030"
        while todo and not recipients:
            c = todo.pop(0)
            st.suppressed.add(c.i)
            inner = self.lex.verb(c.lemma_.lower())
            if c is comp and inner is not None and quad_of(inner.cls) in ("MaterialConflict", "VerbalConflict") \
                    and top_of(inner.cls) != "Mobilize":
                cls, cameo = "Threaten", "130"  # "ready to strike", "prepared to resume shelling": a threat
            recipients = [r for r in self._objects(c, st, top_of(inner.cls) if inner else None) if r not in actors]
            todo.extend(cc for cc in c.children if cc.dep_ in ("xcomp", "advcl", "ccomp", "conj"))
        claimed = self._claimed_by(adj, st)
        speaker = (adj.doc._.gpol_actors or {}).get(claimed) if claimed else None
        if speaker is not None and speaker.affiliation in {k for k, _ in actors}:
            # "von der Leyen said the EU was ready to negotiate": the speaker's own statement of intent
            actors = [(claimed, None)]
        self._emit(st, cls, cameo, adj, actors, recipients, 0.5, sent,
                   modality_from=adj.head if adj.dep_ == "acomp" else None)

    def _noun_event(self, n: Token, st: DocState, sent: Span):
        idx = st.idx
        entries = self.lex.noun(n.lemma_.lower())
        if not entries or n.i in st.suppressed:
            return
        if any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in n.children):
            return  # "would deal with any threat": no event told, a kind of event
        entry = entries[0]
        # "launched a mediation effort between the Emirates and Saudi Arabia": the frame's words
        frame = n.head if n.dep_ == "compound" and n.head.i == n.i + 1 \
            and n.head.lemma_.lower() in self.frames else None
        kids = list(n.children) + ([c for c in frame.children if c.i != n.i] if frame is not None else [])
        content_subjects = []
        if top_of(entry.cls) in _CONTENT_GOVERNORS:
            for c in n.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    st.suppressed.add(c.i)
                    content_subjects = [a for sj in c.children if sj.dep_ in ("nsubj", "nsubjpass")
                                        for a in self._actors_of(sj, st)]
        actor_preps = set(getattr(entry, "actor_preps", ()) or ()) | {"by", "from"}
        recip_preps = set(getattr(entry, "recipient_preps", ()) or ()) or (_RECIPIENT_PREPS - {"of"})
        actors, recipients, themes = [], [], []
        for c in kids:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "nmod") and c.i in idx):
                actors.extend(self._actors_of(c, st))
            elif c.dep_ == "compound" and c.i in idx:
                themes.extend(self._actors_of(c, st))  # "Ukraine support", "Iran sanctions", "U.S. sanctions"
            elif c.dep_ == "prep":
                objs = [o for o in c.children if o.dep_ == "pobj"]
                for o in objs:
                    found = self._actors_of(o, st)
                    if c.lower_ in ("between", "among") and entry.cls == "Mediate":
                        recipients.extend(found)  # "mediation between X and Y": the mediator is not X
                    elif c.lower_ == "between" or c.lower_ == "among":
                        if found:
                            actors.extend(found[:1])
                            recipients.extend(found[1:])
                    elif c.lower_ == "of" and c.lower_ in recip_preps and top_of(entry.cls) in _PATIENT_OF:
                        recipients.extend(found)  # "its invasion of South Lebanon", "the arrest of X"
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
                                        recipients.extend(self._actors_of(oo, st))
                        if found and top_of(entry.cls) in _PATIENT_OF:
                            recipients.extend(found)  # "the invasion of South Lebanon": the one hit
                        elif found and not actors:
                            actors.extend(found)  # "the withdrawal of Serbian forces"
        if not actors:
            for c in n.children:  # "a 50% tariff announced by U.S. President Donald Trump"
                if c.dep_ == "acl" and c.tag_ == "VBN":
                    actors.extend(a for ag in c.children if ag.dep_ == "agent"
                                  for o in ag.children if o.dep_ == "pobj" for a in self._actors_of(o, st))
        refined = self.lex.refine(n.lemma_, [c.lemma_ for c in n.children if c.dep_ in ("amod", "compound")])
        if refined:
            entry = dataclasses.replace(entry, cls=refined)  # "humanitarian aid", "drone strikes"
        governor = None
        if not actors:
            # the clause's subject acts when the noun is the object of a light verb ("conducted tests")
            # or sits in a prepositional phrase of the clause ("in talks with X, Choe said")
            h, dep = (frame.head, frame.dep_) if frame is not None else (n.head, n.dep_)
            if dep == "pobj" and h.lower_ == "in" and h.i == h.head.i + 1 and h.head.pos_ == "VERB" \
                    and h.head.lemma_.lower() not in self.victim_verbs \
                    and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in h.head.children):
                # "the WHO flew in medical supplies", "engaged in talks": a particle the parser took
                # for a preposition (not "were killed in airstrikes", "died in shelling")
                actors, governor = self._subjects(h.head, st), h.head
            elif dep == "pobj" and h.dep_ == "prep" and h.lower_ in ("in", "during", "at", "after", "following"):
                h = h.head
                if h.pos_ in ("VERB", "AUX") and recipients:  # "in talks with X, Y said"
                    actors, governor = self._subjects(h, st), h
            elif dep in ("dobj", "nsubjpass", "attr") and h.lemma_.lower() in self.light:
                actors, governor = self._subjects(h, st), h
            elif dep == "pobj" and h.lower_ == "with" and h.head.pos_ == "VERB" \
                    and not self.lex.verb_entries(h.head.lemma_.lower()) \
                    and not any(c.dep_ in ("dobj", "nsubjpass") for c in h.head.children):
                # "Israel responded with airstrikes on Gaza": the means of an act the verb does not type
                actors, governor = self._subjects(h.head, st), h.head
            elif dep == "pobj" and h.lower_ == "for" and self._claimed_responsibility(h.head):
                actors = self._subjects(h.head.head, st)  # "claimed responsibility for the attack"
            elif dep == "pobj" and h.lower_ == "of" and h.head.dep_ in ("dobj", "nsubjpass") \
                    and h.head.head.lemma_.lower() in self.light and self._event_noun(h.head) == n:
                governor = h.head.head
                actors = self._subjects(governor, st)  # "launched waves of airstrikes"
        if governor is not None and not recipients and governor.lemma_.lower() in self.light:
            # "sent emergency aid to Afghanistan": the light verb carries the recipient
            recipients = [r for r in self._objects(governor, st, top_of(entry.cls)) if r not in actors]
        cls = entry.cls
        if governor is not None and quad_of(cls) in ("MaterialConflict", "VerbalConflict"):
            g_entry = self.lex.verb(governor.lemma_.lower())
            if g_entry is not None and top_of(g_entry.cls) in ("Agree", "Threaten"):
                cls = "Threaten"  # "vowed retaliation", "threatened sanctions": a threat
        if themes:
            if actors:
                recipients.extend(themes)
            else:
                actors = themes
        recipients.extend(a for a in content_subjects if a not in recipients)
        if governor is not None and not recipients and top_of(cls) in _PLACE_RECIPIENT_TOPS:
            # "staged drills around Taiwan": the place may hang off the light verb
            recipients = self._place_state(governor, st, {k for k, _ in actors})
        home = n.doc._.gpol_home
        if not actors and cls == "Arrest" and home and recipients and all(k != home for k, _ in recipients):
            # "to protest against the jailing of Mayor Imamoglu" in an Ankara story: arrests are
            # made by a state's police, the state the story is datelined in
            actors = [(home, "police")]
        if not actors and n.dep_ in ("nsubj", "nsubjpass"):
            return
        self._emit(st, cls, getattr(entry, "cameo", None), n, actors, recipients, 0.5, sent,
                   modality_from=governor if cls == entry.cls else None)

    def __call__(self, doc: Doc) -> Doc:
        st = DocState.of(doc)
        for sent in doc.sents:
            for tok in sent:
                if tok.pos_ == "ADJ" and tok.lower_ in self.intent_adjectives:
                    self._intent_event(tok, st, sent)
                if tok.pos_ == "VERB":
                    self._verb_event(tok, st, sent)
                elif tok.pos_ == "NOUN":
                    self._noun_event(tok, st, sent)
        events = _purposes(st.events, st.trigger_of, doc)
        events = _hosted_visits(events, st.hosting)
        _consequence_recipients(events, st.trigger_of, doc)
        _antecedent_recipients(events, st.anaphora, st.trigger_of, doc._.gpol_actors or {})
        _answer_recipients(events, doc._.gpol_actors or {})
        _context_recipients(events, st.open, doc._.gpol_actors or {}, frozenset(st.tentative))
        doc._.gpol_events = _dedupe(events)
        return doc


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause ``tok`` is in."""
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _holds(verb: Token | None, tok: Token) -> bool:
    """Whether ``tok`` is inside the clause of ``verb``, or coordinated with it (or there is no verb)."""
    return verb is None or verb.i == tok.i or verb.is_ancestor(tok) or verb in tok.conjuncts


def _is_amount(tok: Token) -> bool:
    """Whether ``tok`` is a number or a noun of measure ("billion", "20 tons", "dollars")."""
    return tok.like_num or tok.lemma_.lower() in word_list("measure_nouns")


def _amount_of(tok: Token) -> Token:
    """What an amount is of ("50 tons of weapons", "$2 billion of aid"), else ``tok`` itself (not
    "a $330 million sale of aircraft parts": a sale is no measure)."""
    if _is_amount(tok):
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "in"):  # ("300 million dollars in aid")
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return tok


def _object_context(dobj: Token | None) -> dict:
    """The object's modifiers and its own prepositional objects, for the lexicon's phrase patterns
    ("sent an arms shipment", "declared a state of emergency")."""
    if dobj is None:
        return {}
    mods = [w for c in dobj.children if c.dep_ in ("compound", "amod") and c.i < dobj.i
            for w in dict.fromkeys((c.lower_, c.lemma_.lower()))]
    preps = [(p.lower_, o.lemma_.lower()) for p in dobj.children if p.dep_ == "prep"
             for o in p.children if o.dep_ == "pobj"]
    return {"dobj_mods": mods, "dobj_preps": preps}


def _purposes(events: list[Event], trigger_of: dict[int, int], doc: Doc) -> list[Event]:
    """"staged demonstrations to demand reforms", "visited Senegal to mediate", "started a hunger
    strike to protest X's failure": an act's purpose is what its actor intends by it, not a second
    event; when the act has no target and is of the purpose's type, the purpose names it. A purpose
    whose governing clause tells no event ("dispatched inspectors to monitor the site") stays."""
    by_token = _by_trigger(events, trigger_of)
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
                   for g in _clause_triggers(tok.head) for m in by_token.get(g.i, ()) if m is not ev):
                drop.add(id(ev))
            continue
        if tok.dep_ != "advcl" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
            continue
        mains = [m for g in _clause_triggers(tok.head) for m in by_token.get(g.i, ()) if m is not ev and m.actors]
        if not mains:
            continue
        drop.add(id(ev))
        for m in mains:
            if not m.recipients and ev.recipients and top_of(m.type) == top_of(ev.type) \
                    and set(m.actors) == set(ev.actors):
                m.recipients = list(ev.recipients)
                m.recipient_inferred = ev.recipient_inferred
    return [ev for ev in events if id(ev) not in drop]


def _by_trigger(events: list[Event], trigger_of: dict[int, int]) -> dict[int, list[Event]]:
    """The events by the index of their trigger token."""
    out: dict[int, list[Event]] = {}
    for ev in events:
        if id(ev) in trigger_of:
            out.setdefault(trigger_of[id(ev)], []).append(ev)
    return out


def _clause_triggers(head: Token) -> list[Token]:
    """The tokens that trigger the events a clause tells: its verb and the verb's object nouns
    ("carried out air strikes", "signed a peace agreement")."""
    return [head] + [c for c in head.children if c.dep_ == "dobj"]


def _story_states(doc: Doc) -> set[str]:
    """The states a story names, its dateline's included: the context a town's name is read in."""
    out = {m.key for m in doc._.gpol_mentions or () if m.kind == "State"}
    if doc._.gpol_home:
        out.add(doc._.gpol_home)
    return out


def _own_clause(v: Token):
    """The tokens of ``v``'s clause without its subordinate clauses, whatever their head's part of
    speech ("... as Kremlin Threatens Retaliation" in a headline the tagger reads as a name)."""
    stack = [v]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if c.dep_ not in ("advcl", "ccomp", "relcl", "parataxis"))


_GATHERINGS = {"Consult", "Support", "Agree", "Cooperate"}


def _hosted_visits(events: list[Event], hosting: list[Event]) -> list[Event]:
    """"Turkish Foreign Minister Hakan Fidan hosted the meeting": the parties of the meeting told
    before visited the host (CAMEO 042 visit / 043 host); the Host event gives way to their visits."""
    out: list[Event] = []
    for ev in events:
        if ev not in hosting:
            out.append(ev)
            continue
        host = set(ev.actors)
        before = [e for e in out if top_of(e.type) in _GATHERINGS and e.char_start <= ev.char_start]
        parties = []
        if before:
            same = [e for e in before if e.char_start == before[-1].char_start]  # the last gathering told
            parties = [k for e in same for k in (*e.actors, *e.recipients) if k not in host]
        if not parties:
            out.append(ev)
            continue
        for k in dict.fromkeys(parties):
            out.append(Event(type="Visit", actors=[k], recipients=list(ev.actors), modality=ev.modality,
                             date=ev.date, location=ev.location, evidence=ev.evidence,
                             char_start=ev.char_start, char_end=ev.char_end,
                             confidence=max(0.3, ev.confidence - 0.2), trigger=ev.trigger, cameo="042",
                             claimed_by=ev.claimed_by, trigger_index=ev.trigger_index))
    return out


def _side(keys, actors: dict) -> set[str]:
    """The side actors act for: themselves and the state or body a person or agency belongs to. A
    group of a state's society ("Sudan rebels", protesters) acts against its state as often as not,
    so its state is not its side."""
    return set(keys) | {actors[k].affiliation for k in keys
                        if k in actors and actors[k].affiliation and not actors[k].sector}


def _state_answered(ev: Event, target: str, actors: dict) -> str:
    """A state answers a state: the target taken from the story for a state's reaction to a
    person's act is the person's state ("China vowed to take countermeasures" against the tariffs
    Trump imposed: against the United States; "Turkey welcomed the deal" Sharaa made: Syria)."""
    who, mine = actors.get(target), actors.get(ev.actors[0]) if ev.actors else None
    if mine is not None and mine.kind == "State" and who is not None and who.kind == "Person" \
            and who.affiliation in actors and actors[who.affiliation].kind == "State":
        return who.affiliation
    return target


def _antecedent_recipients(events: list[Event], anaphora: list[tuple[Event, str]],
                           trigger_of: dict[int, int] | None = None, actors: dict | None = None) -> None:
    """"NATO condemned the troop deployments", "Turkey welcomed the deal": a reaction to an event
    named by a bare noun is aimed at the actor of the latest such event of another side told
    before it ("Sharif said Pakistan would avenge the attack": not Pakistan's own)."""
    actors = actors or {}
    position = {id(ev): i for i, ev in enumerate(events)}
    for ev, cls in anaphora:
        if ev.recipients or id(ev) not in position:
            continue  # (a hosting event may have given way to the visits it hosted)
        pos = position[id(ev)]
        for prev in reversed(events[:pos]):
            if trigger_of and id(prev) in trigger_of and trigger_of.get(id(prev)) == trigger_of.get(id(ev)):
                continue  # the same act of a co-actor ("X, Y and Z completed a withdrawal")
            if top_of(prev.type) == top_of(cls) and prev.modality == "Asserted" and prev is not ev \
                    and not _side(prev.actors, actors) & _side(ev.actors, actors):
                ev.recipients = [_state_answered(ev, prev.actors[0], actors)]
                ev.confidence = max(0.3, ev.confidence - 0.2)
                break


_ANSWERS = {"Reject", "Concede"}
_CHALLENGES = {"Accuse", "Request", "Threaten", "Sanction", "Coerce", "Reject"}


def _answer_recipients(events: list[Event], actors: dict) -> None:
    """An answer with no recipient ("Rwanda denied the charge", "Iran rejected the demand") answers
    the latest earlier challenge (accusation, demand, threat, sanction) aimed at its actor."""
    for i, ev in enumerate(events):
        if ev.recipients or top_of(ev.type) not in _ANSWERS:
            continue
        me = set(ev.actors) | {actors[k].affiliation for k in ev.actors if k in actors and actors[k].affiliation}
        for prev in reversed(events[:i]):
            if top_of(prev.type) in _CHALLENGES and me & set(prev.recipients) and not me & set(prev.actors):
                ev.recipients = list(prev.actors)
                ev.confidence = max(0.3, ev.confidence - 0.2)
                break


def _context_recipients(events: list[Event], open_events: list[tuple[Event, list[str]]], actors: dict,
                        tentative: frozenset = frozenset()) -> None:
    """A directed event whose target no phrase names ("Pakistan rejected the claim", "China vowed to
    take countermeasures") is aimed at the other party of its sentence, else at the actor of the
    story's earliest asserted event by another side (its lead), or at that event's target when it
    is an act of the same type (a parallel act). The recipient is marked as inferred. A
    ``tentative`` event (of a type that needs a recipient) that finds none is dropped."""
    position = {id(ev): i for i, ev in enumerate(events)}
    for ev, parties in open_events:
        if ev.recipients or id(ev) not in position:
            continue
        me = _side(ev.actors, actors)  # (a group of a state's society may target its own state)
        target = parties[0] if parties else None
        if target is None:
            # news tells its main event first (the lead): a reaction told later with no target
            # named answers the earliest asserted event of another side
            for prev in events[:position[id(ev)]]:
                side = set(prev.actors) | {actors[k].affiliation for k in prev.actors
                                           if k in actors and actors[k].affiliation}
                if prev.modality == "Asserted" and prev.char_start < ev.char_start and not side & me:
                    if top_of(prev.type) == top_of(ev.type) and quad_of(ev.type) in _MATERIAL \
                            and prev.recipients and prev.recipients[0] not in me:
                        target = prev.recipients[0]  # a parallel act ("the U.S. has not offered aid")
                    else:
                        target = _state_answered(ev, prev.actors[0], actors)
                    break
        if target is not None:
            ev.recipients = [target]
            ev.recipient_inferred = True
            ev.confidence = max(0.3, ev.confidence - 0.2)
        elif id(ev) in tentative:
            events.remove(ev)  # aid or sanctions for nobody


def _consequence_recipients(events: list[Event], trigger_of: dict[int, int], doc: Doc) -> None:
    """"Rebels shelled Juba, killing about 20 people": the participle tells a consequence of the
    act it hangs off; with no target of its own it has that act's target (and is merged with it
    when of the same class)."""
    by_token = _by_trigger(events, trigger_of)
    for ev in events:
        i = trigger_of.get(id(ev))
        if i is None:
            continue
        tok = doc[i]
        if tok.dep_ != "advcl" or tok.tag_ != "VBG":
            continue
        for main in (m for h in _clause_triggers(tok.head) for m in by_token.get(h.i, [])):
            if main.actors == ev.actors and top_of(main.type) == top_of(ev.type):
                if not ev.recipients and main.recipients:
                    ev.recipients = list(main.recipients)
                # the act itself, not its consequence, is the one kept when both are told alike
                ev.confidence = min(ev.confidence, max(0.05, main.confidence - 0.05))
                break


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, actor, top class, recipient, modality): the most specific, most confident."""
    best: dict[tuple, Event] = {}
    for ev in events:
        key = (ev.char_start, tuple(ev.actors), top_of(ev.type), tuple(ev.recipients), ev.modality)
        old = best.get(key)
        if old is None or (ev.type != top_of(ev.type), ev.confidence) > (old.type != top_of(old.type), old.confidence):
            best[key] = ev
    return list(best.values())


@Language.factory("gpol_events", default_config={})
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)
