"""Who takes part in an event: the actors and recipients a trigger's phrases name.

:class:`Arguments` is the half of the event extractor (:class:`kg.events.extract.EventExtractor`)
that reads the parse around a trigger: subjects (with passives, coordination and controlled
clauses), objects and prepositional objects, the owners of event nouns, the state of a place. Its
methods read the extractor's configuration (``self.lex``, ``self.gaz``, the word lists) and the
document's :class:`~kg.events.state.DocState`.

>>> from kg.nlp import load_pipeline
>>> from kg.events.state import DocState
>>> nlp = load_pipeline(coder="rules")
>>> doc = nlp("Kyiv was attacked by Russian forces.")
>>> nlp.get_pipe("gpol_events").subjects(doc[2], DocState.of(doc))
[('russia', 'military')]
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors.gazetteer import Entry
from ..actors.recognise import group_actor
from ..taxonomy import quad_of, top_of
from .lexicon import LexEntry, labelling_verbs
from .modality import tensed_governor
from .state import DocState
from .syntax import (ALLY_PREPS, INSTRUMENT_VERBS, SUMMONING_VERBS, SUPPORT_PREPS, LOCATIVE_PREPS, MEANS_NOUNS, MEMBER_PREPS, PROMPTING_NOUNS, RECIPIENT_PREPS, SHARED_PLACES, SUBJ, SUBJECT_CONTROL_PREPS,
                     TOPIC_PREPS, TOPIC_VERBS, amount_of, clause_tokens, clause_triggers, is_amount, is_commentator, object_context, side_of,
                     story_states, with_partitive)
from .tops import (ADDRESSED_TOPS, AIMED_AT_TOPS, COOPERATION, FROM_ORIGIN_TOPS, NON_STATEMENT_CLASSES, OF_AGENT_TOPS,
                   SPEECH_ACT_TOPS, TOPIC_TOPS)

__all__ = ["Arguments", "recipient_prep"]


def _statement(cls: str) -> bool:
    """Whether an act of class ``cls`` is a statement one makes of another (``SPEECH_ACT_TOPS``,
    not the deeds among their classes: an investigation)."""
    return top_of(cls) in SPEECH_ACT_TOPS and cls not in NON_STATEMENT_CLASSES


#: the parts of speech of a name and its modifiers ("King Salman", "the new Prime Minister"): no
#: clause, no amount ("and Lebanon and Jordan more than a million" leaves its verb out)
NAME_POS = frozenset({"PROPN", "DET", "ADJ", "PUNCT", "CCONJ", "PART"})


def recipient_prep(word: str, top: str | None, own_act: bool = False, obj: str | None = None) -> bool:
    """Whether a preposition on an act of top type ``top`` names whom it is aimed at ("talks with X",
    "aid to X"): not "of"; not "from" on a force or movement, nor on an act one does oneself ("fired
    rockets from Lebanon", "the withdrawal of Russian forces from Moldova"); not what a meeting is
    about ("a meeting on Haiti"); "at" only on an act aimed at someone ("fired at X") or with an
    ``obj`` (the lemma of its object) that one side asked of another ("at Washington's request"),
    not on an act done somewhere ("backed Serbia at the United Nations").

    >>> recipient_prep("with", "Consult"), recipient_prep("on", "Consult"), recipient_prep("from", "Assault")
    (True, False, False)
    >>> recipient_prep("at", "Assault"), recipient_prep("at", "Support"), recipient_prep("at", "Agree", obj="request")
    (True, False, True)
    >>> recipient_prep("behind", "Support"), recipient_prep("by", "Support"), recipient_prep("by", "Assault")
    (True, True, False)
    >>> recipient_prep("against", "Support"), recipient_prep("against", "Accuse")
    (False, True)
    """
    if top == "Support" and word in SUPPORT_PREPS:
        return True  # "stood behind Akinci", "stands by Somalia"
    if top == "Support" and word == "against":
        return False  # ("stood with Morocco against Iranian interference": whom the support opposes)
    return word in RECIPIENT_PREPS and word != "of" \
        and not ((own_act or top in FROM_ORIGIN_TOPS) and word == "from") \
        and not (top in TOPIC_TOPS and word in TOPIC_PREPS) \
        and not (word == "at" and top is not None and top not in AIMED_AT_TOPS and obj not in PROMPTING_NOUNS)


def _object_lemma(p: Token) -> str | None:
    """The lemma of the object of the preposition ``p`` ("request" of "at Washington's request")."""
    return next((o.lemma_.lower() for o in p.children if o.dep_ == "pobj"), None)


def _joined_preps(p: Token) -> list[Token]:
    """The preposition ``p`` and the same prepositions joined to it: "with King Salman and with
    Erdogan" (each a recipient of its own)."""
    return [p, *(cj for cj in p.conjuncts if cj.pos_ == "ADP" and cj.lower_ == p.lower_)]


def _prep_in(p: Token, words: frozenset) -> bool:
    """Whether the preposition ``p`` is one of ``words``, a two-word entry read as the word before it
    and itself ("together with", "such as")."""
    two = f"{p.doc[p.i - 1].lower_} {p.lower_}" if p.i > 0 else ""
    return p.lower_ in words or two in words


def ally_prep(p: Token) -> bool:
    """Whether the preposition ``p`` is one of allies: "alongside", or "with" after "together"."""
    return _prep_in(p, ALLY_PREPS)


#: sectors whose members act in politics beside a state's own agents (data/gazetteer/sectors.tsv)
POLITICAL_SECTORS = ("opposition", "party", "rebels", "armed_group")


def member_prep(p: Token) -> bool:
    """Whether the preposition ``p`` lists the members of the plural phrase it hangs off:
    "including", or "as" after "such"."""
    return p.dep_ == "prep" and _prep_in(p, MEMBER_PREPS)


def _beyond_head(t: Token, appos: Token) -> bool:
    """Whether the appositive ``appos`` of ``t`` lies past the word ``t`` depends on, which stands
    between them: "security agents arrested two journalists: Adama Keita, a reporter, ..." (the
    small parser hangs the list the colon opens off the subject); an appositive renames the phrase
    it stands beside."""
    return t.i < t.head.i < appos.i


class Arguments:
    """Finding an event's participants in the parse (a mixin of the event extractor)."""

    def members(self, tok: Token, st: DocState, depth: int = 0) -> list[tuple[str, str | None]]:
        """The actors a plural phrase headed by ``tok`` lists as its members, with the phrase's sector.

        "Several countries, including Japan and Australia, condemned", "Western governments such as
        Britain", "13 embassies, including those of Britain and Germany": the members named are the
        ones who act (or are acted on), not the phrase's owner ("EU governments, including Germany").
        People are members only of a phrase of office-holders ("ministers, including X"; not
        "prisoners, including X"). A named actor ("the Netherlands") has no members.
        """
        if tok.tag_ != "NNS" or depth > 2:
            return []
        m = st.idx.get(tok.i)
        listing = [p for p in tok.children if member_prep(p)]
        if not listing or m is not None and m.how != "group":
            return []
        sector = self.gaz.sector(tok.lemma_.lower())
        out: list[tuple[str, str | None]] = []
        for p in listing:
            objs = [o for o in p.children if o.dep_ == "pobj"]
            for o in [*objs, *(c for o in objs for c in o.conjuncts)]:
                if o.i in st.idx:
                    mo = st.idx[o.i]
                    if mo.kind != "Person":
                        out.append((mo.key, sector))
                    elif self.gaz.state_agent(sector) or sector in POLITICAL_SECTORS:
                        # "ministers, including Lavrov", "opposition leaders such as X" (not
                        # "prisoners, including X", "young men like X")
                        out.append((mo.key, mo.sector))
                elif o.tag_ == "DT":  # "including those of Britain"
                    out.extend(self.actors_of(o, st, depth=depth + 1))
        return out

    def _maker(self, t: Token, reach: int = 2) -> Token | None:
        """Who issued, sent or passed the message or measure ``t`` names again: the subject of the
        verb whose object was the latest message or measure of ``t``'s name in the ``reach``
        sentences before ``t``'s ("handed a diplomatic note ... The note asked", "passed a media
        law ... praised the law")."""
        doc, lemma = t.doc, t.lemma_.lower()
        first = t.sent.start
        for _ in range(reach):
            if first == 0:
                break
            first = doc[first - 1].sent.start
        for m in reversed(doc[first:t.i]):
            if m.lemma_.lower() == lemma and m.dep_ == "dobj" and m.head.pos_ == "VERB":
                return next((c for c in m.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return None

    def actors_of(self, tok: Token, st: DocState, deep: bool = True, depth: int = 0,
                  conjuncts: bool = True) -> list[tuple[str, str | None]]:
        """Actors a noun phrase headed by ``tok`` refers to, with the sector for group nouns.

        Coordinated phrases ("Moscow and Kyiv") give all their conjuncts (unless ``conjuncts`` is
        false: the noun alone).
        """
        idx = st.idx
        out: list[tuple[str, str | None]] = []
        for t in [tok, *tok.conjuncts] if conjuncts else [tok]:
            listed = self.members(t, st, depth)
            if listed:
                out.extend(listed)
                continue
            if t.lower_ in ("we", "us") and t.pos_ == "PRON" and t.i not in idx:
                side = self.speakers_side(t, st)
                out.extend([(side, None)] if side else [])
                continue
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
            named = [idx[c.i] for c in t.children if c.dep_ == "appos" and c.i in idx and not _beyond_head(t, c)]
            if named:  # "his Indian counterpart, Subrahmanyam Jaishankar"
                out.append((named[0].key, named[0].sector))
                continue
            if st.crowd is not None and (t.tag_ == "NNS" or t.lower_ == "crowd") and t.lemma_.lower() in self.crowd_nouns \
                    and not any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in idx for c in t.children):
                out.append(st.crowd)  # "fired tear gas at the crowds": the protesters told of
                continue
            if not deep or self.lex.noun(t.lemma_.lower()):
                continue  # "his talks with Trump collapsed": the talks' owner is not the subject
            if t.lemma_.lower() in self.relational_nouns:
                # "accused Kosovo's Western backers", "US allies": others than their owner; but "its
                # Iranian backers" are Iran, "NATO allies" NATO's members
                out.extend((idx[c.i].key, None) for c in t.children if c.i in idx and idx[c.i].kind != "Person"
                           and (c.dep_ == "amod" or c.dep_ == "compound" and idx[c.i].kind == "Organization"))
                continue
            sector = self.gaz.sector(t.lemma_.lower())
            # "a joint statement by Britain and Germany urged": a message's author is who says it
            authored = t.lemma_.lower() in self.message_nouns
            member = t.lemma_.lower() in self.membership_nouns
            before = len(out)
            for p in t.children:
                # "commanders of the Revolutionary Guards", "security forces in Guinea", "scores of
                # Liberian refugees", "the deputy chief of Israel's militia ally", "its membership in
                # the CSTO"
                if p.dep_ == "prep" and (p.lower_ == "of" or (sector and p.lower_ in ("in", "from"))
                                         or (member and p.lower_ == "in")
                                         or (authored and p.lower_ in ("by", "from"))):
                    objs = [o for o in p.children if o.dep_ == "pobj"]
                    for o in [*objs, *(c for o in objs for c in o.conjuncts)]:  # "of Rwanda and Congo"
                        if self.is_place(o, st):
                            continue
                        if o.i in idx:
                            if idx[o.i].kind != "Person" or not sector:
                                out.append((idx[o.i].key, sector or idx[o.i].sector))
                        elif (p.lower_ == "of" or authored) and depth < 3:
                            out.extend(self.actors_of(o, st, depth=depth + 1))
            if len(out) > before:
                continue
            # "the Kursk region of Russia"? no: only the phrase's own owner: poss / compound / amod
            mods = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            mods += [cc for c in mods if c.dep_ == "amod" for cc in c.children if cc.dep_ in ("amod", "npadvmod")]
            # ("NATO's secretary-general": the parser heads the phrase with "general" and hangs the
            # owner off "secretary")
            # ("the Malaysian ceasefire proposal": the owner hangs off the compound)
            mods += [cc for c in mods if c.dep_ == "compound" for cc in c.children
                     if cc.dep_ == "poss" or cc.dep_ == "amod" and cc.i in idx]
            for c in mods:  # ("Iranian nuclear and military sites": the owner hangs off an adjective)
                if c.lower_ == "our" and c.dep_ == "poss" and c.i not in idx and (side := self.speakers_side(c, st)):
                    out.append((side, None))  # '"Our military will respond," the spokesman said'
                    break
                if c.i in idx:
                    mm = idx[c.i]
                    if mm.kind in ("State", "Organization") or t.pos_ == "PROPN":
                        out.append((mm.key, None))
                        break
            made = authored or t.lemma_.lower() in self.policy_nouns
            if made and len(out) == before and depth < 3 and any(c.lower_ == "the" for c in t.children):
                # "Egypt issued a statement on Sunday. The statement urged Israel ...": the one who
                # issued or sent the message of that name told just before; "... passed a media
                # law. The Russian embassy praised the law": whoever passed it
                maker = self._maker(t)
                if maker is not None:
                    out.extend(self.actors_of(maker, st, depth=depth + 1))
        seen, uniq = set(), []
        for k, s in out:
            if k not in seen:
                seen.add(k)
                uniq.append((k, s))
        return uniq

    def subjects(self, v: Token, st: DocState, depth: int = 0) -> list[tuple[str, str | None]]:
        idx = st.idx
        subj = [c for c in v.children if c.dep_ in SUBJ]
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
                alone = False
                if s.tag_ in ("WDT", "WP") and v.dep_ == "relcl" and v.head.i != v.i:
                    # "Turkey, which sent troops to Qatar, ...", "Macron, who visited Beirut, ...":
                    # the relative pronoun stands for the noun the clause hangs off; for it alone
                    # when the clause comes before the noun's conjuncts ("Egypt, which backs the
                    # army, and the UAE said ...")
                    s = v.head
                    alone = any(c.i > v.i for c in s.conjuncts)
                if s.tag_ == "VBG" and not any(c.dep_ in ("aux", "mark") for c in s.children):
                    # "The Red Cross operating in Iraq said": the small model makes the reduced
                    # relative the subject and the body its subject
                    s = next((c for c in s.children if c.dep_ == "nsubj"), s)
                if is_commentator(s):
                    continue  # "a Kenyan economist criticised ...": no actor, not Kenya
                person = idx.get(s.right_edge.i)
                if s.i in idx and idx[s.i].kind == "Organization" and person is not None \
                        and person.kind == "Person" and s.right_edge.dep_ == "pobj" \
                        and all(t.pos_ in ("PROPN", "ADP", "DET", "PUNCT", "SPACE") for t in s.subtree):
                    # "Organization of American States Secretary General Albert Ramdin said": the
                    # parser ends the organisation's name with the person its title names
                    s = s.right_edge
                out.extend(self.actors_of(s, st, conjuncts=not alone))
                if not alone:
                    out.extend(a for a in self.titled_coordination(s, st) if a not in out)
                # "X, Y's envoy, said": an appositive subject (not the owner an appositive of a named
                # actor mentions: "Pakistan, a key U.S. ally, refused")
                for ap in s.children:
                    if ap.dep_ == "appos" and not _beyond_head(s, ap) and (ap.i in idx or not out):
                        out.extend(a for a in self.actors_of(ap, st) if a not in out)
                # "The UN envoy for Western Sahara, Staffan de Mistura, visited": the parser hangs the
                # appositive person off the last word of the subject's phrase
                late = next(t for t in reversed(list(s.subtree)) if not t.is_punct or t.i == s.i) \
                    if s.pos_ == "NOUN" else s
                if late.dep_ == "appos" and late.i in idx and idx[late.i].kind == "Person" \
                        and late.head.i != s.i and late.head.dep_ == "pobj" and s.pos_ == "NOUN" \
                        and late.left_edge.i > 0 and s.doc[late.left_edge.i - 1].text == ",":
                    out.extend(a for a in self.actors_of(late, st) if a not in out)
            out.extend(a for a in ((m.key, m.sector) for m in co_subjects) if a not in out)
            out.extend(a for a in self.elided_doers(v, st) if a not in out)
            return out
        passive = [c for c in v.children if c.dep_ == "agent"]
        if passive:
            return [a for ag in passive for p in ag.children if p.dep_ == "pobj" for a in self.actors_of(p, st)]
        opened = self.opening_apposition(v, st)
        if opened is not None:
            return self.actors_of(opened, st)
        if self.stative(v):  # "Israel is opposed to French mediation": the stance is Israel's
            return [a for s in v.children if s.dep_ == "nsubjpass" for a in self.actors_of(s, st)]
        moved = self.moved_forces(v, st)
        if moved:
            return moved
        if depth > 4:
            return []
        h = v.head
        if v.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in v.children):
            return []  # "its troops exchanged fire and two peacekeepers had been killed": by whom is not told
        if v.dep_ == "conj" and h.i != v.i:
            g = h.head
            if h.dep_ in ("xcomp", "ccomp") and h.tag_ == "VB" and v.tag_ in ("VBD", "VBZ") and h.head.i != h.i:
                # "urged Kosovo to suspend operations and called on Serbs to end", "demanded that the
                # government restore subsidies and threatened to block roads": a verb in the past
                # joined to a bare one is the governor's second act, not the controlled clause's
                return self.subjects(tensed_governor(g), st, depth + 1)
            if h.dep_ == "ccomp" and g.i != h.i and g.lemma_.lower() in self.speech and self.speech_act(v) \
                    and g.i < h.i and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
                # "Muyaya said that the army held positions and accused Rwanda of sending troops",
                # "said the trucks had been seized and demanded that Lome return them": the parser
                # joins the speaker's second act to the reported clause; an accusation, appeal,
                # rejection, threat or praise there is the speaker's own (not when the speaker
                # comes after: "X spoke with Y and urged restraint, her spokesman said" is X's)
                return self.subjects(g, st, depth + 1)
            own_passive = any(c.dep_ == "auxpass" for c in v.children) or (
                v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children))
            raised = [c for c in h.children if c.dep_ == "nsubjpass"]
            if raised and not own_passive and not self.stative(h):
                # "X has been indicted by the court and will resign": X resigns, not the court
                # ("X was arrested by police and charged" keeps the agent: that verb is passive too)
                return [a for o in raised for a in self.actors_of(o, st)]
            return self.subjects(h, st, depth + 1)
        if v.dep_ == "pcomp" and h.lower_ == "for" and h.head.pos_ == "VERB" and h.head.i != h.i and any(
                top_of(e.cls) == "Support" for e in self.lex.verb_entries(h.head.lemma_.lower()) if not e.pattern):
            # (praise: "thanked X for brokering", not the reason of a coercion: "deported X for travelling")
            objs = [c for c in h.head.children if c.dep_ == "dobj"]
            if objs:  # "thanked the United States for brokering the truce": the one thanked brokered
                return [a for o in objs for a in self.actors_of(o, st)]
        speaker_verb = self.set_off_speech_act(v)
        if speaker_verb is not None:
            return self.subjects(speaker_verb, st, depth + 1)
        if v.dep_ in ("xcomp", "advcl", "pcomp") and h.i != v.i:
            # controlled clause: "Choe reaffirmed ..., pledging backing": the subject carries over;
            # "urged Moscow to return": the object of the governing verb is the subject
            if v.dep_ == "xcomp":
                objs = [c for c in h.children if c.dep_ in ("dobj", "dative") and c.tag_ not in ("WDT", "WP")]
                if objs and self.own_forces(objs[0], h, st):
                    return self.subjects(h, st, depth + 1)  # "ordered the army to strike": the leader's
                if objs and h.lemma_.lower() in INSTRUMENT_VERBS and not any(o.i in st.idx for o in objs):
                    return self.subjects(h, st, depth + 1)  # "used his speech to call on X": the user's
                if objs and h.lemma_.lower() in SUMMONING_VERBS and objs[0].lemma_.lower() in self.diplomat_nouns:
                    return self.subjects(h, st, depth + 1)  # "summoned the ambassador to protest": the summoner's
                if objs:
                    return [a for o in objs for a in self.actors_of(o, st)]
                raised = [c for c in h.children if c.dep_ == "nsubjpass"]
                if raised:  # "Xi is expected to visit": the passive subject of the governor
                    return [a for o in raised for a in self.actors_of(o, st)]
            return self.subjects(h, st, depth + 1)
        if v.dep_ == "prep" and v.lower_ in SUBJECT_CONTROL_PREPS and h.pos_ in ("VERB", "AUX") and h.i != v.i \
                and any(c.dep_ == "pcomp" for c in v.children):
            # "Cambodia responded by expelling the ambassador", "after meeting Putin, Macron said":
            # the clause under the preposition is done by the subject of the verb it hangs off
            return self.subjects(h, st, depth + 1)
        if v.dep_ == "acomp" and h.pos_ in ("AUX", "VERB") and h.i != v.i:
            # "Putin is due to visit Hanoi", "Seoul is likely to protest": the adjective's
            # subject is the copula's
            return self.subjects(h, st, depth + 1)
        if v.dep_ in ("relcl", "acl") and h.i != v.i:
            if v.dep_ == "relcl" and any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
                return []  # "France, whose troops were expelled": the one acted on, not the actor
            found = self.actors_of(h, st)
            if not found and h.dep_ in ("attr", "oprd") and h.head.pos_ in ("VERB", "AUX") \
                    and h.head.lemma_.lower() in ("be", "become", "remain"):
                # "Russia became the first country to recognise" (not "called the statements
                # blaming Putin outrageous", which the parser may make the label)
                return self.subjects(h.head, st, depth + 1)
            if not found and v.dep_ == "acl" and v.tag_ == "VBG" and h.dep_ == "dobj" \
                    and h.lemma_.lower() in self.message_nouns and h.head.pos_ == "VERB" \
                    and h.head.lemma_.lower() in self.issuing:
                # "the PKK issued a declaration demanding ...", "released a statement condemning":
                # the one who issued it (not who answers it: "rejected reports linking Tehran to
                # the attack", "called statements blaming Putin outrageous" are others' words)
                return self.subjects(h.head, st, depth + 1)
            return found
        return []

    @staticmethod
    def labelled_object(c: Token) -> Token | None:
        """The noun a free relative object stands for, when a labelling verb names it: the verb's
        ``c`` is the clause of "what the military described as militant hideouts", "what it
        called China's dangerous conduct" (``data/lexicon/labelling_verbs.tsv``); else None.

        >>> from kg.nlp import load_pipeline
        >>> doc = load_pipeline(coder="rules")("Jets struck what the army described as hideouts in Idlib.")
        >>> Arguments.labelled_object(doc[5]).text
        'hideouts'
        """
        if c.dep_ != "ccomp" or c.lemma_.lower() not in labelling_verbs() or not any(
                w.dep_ == "dobj" and w.lower_ == "what" and w.i < c.i for w in c.children):
            return None
        return next((o for x in c.children for o in ([x] if x.dep_ == "oprd" else x.children if
                                                      x.dep_ == "prep" and x.lower_ == "as" else [])
                     if o.dep_ in ("oprd", "pobj")), None)

    @staticmethod
    def opening_apposition(v: Token, st: DocState) -> Token | None:
        """The person the parser hung as an apposition off the opening phrase of ``v``'s clause when
        ``v`` has no subject: "At a press conference on Monday, Oleg Berezhnoy, who serves as the
        region's foreign minister, accused Chisinau of ..." (the parser makes the name an apposition
        of "Monday"); only a name set off by commas that ends right before the verb."""
        for prep in v.children:
            if prep.dep_ != "prep" or prep.i > v.i:
                continue
            for ap in prep.subtree:
                if ap.dep_ != "appos" or ap.i not in st.idx or st.idx[ap.i].kind != "Person":
                    continue
                after = v.doc[ap.right_edge.i + 1:v.i]
                if after.start > ap.left_edge.i > 0 and v.doc[ap.left_edge.i - 1].text == "," \
                        and len(after) <= 1 and all(t.text == "," for t in after):
                    return ap
        return None

    def objects(self, v: Token, st: DocState, top: str | None = None) -> list[tuple[str, str | None]]:
        idx = st.idx
        out: list[tuple[str, str | None]] = []
        passive_subj = [] if self.stative(v) else [c for c in v.children if c.dep_ == "nsubjpass"]
        # ("spoke with King Salman and with Erdogan": a second preposition joined to the first)
        kids = [*v.children, *(cj for c in v.children if c.dep_ in ("prep", "dative") and c.pos_ == "ADP"
                               for cj in _joined_preps(c)[1:])]
        for c in kids:
            labelled = self.labelled_object(c)
            if labelled is not None:
                c = labelled  # "struck what the military described as militant hideouts in Afghanistan"
            if c.dep_ in ("conj", "prep") and c.lower_ == "by" and any(x.dep_ == "agent" for x in v.children):
                continue  # "recognised by the United States, but not by Serbia": another agent's phrase
            if c.dep_ in ("dative", "conj") and c.pos_ == "ADP":
                c_is_prep = True  # "sent aid to X": the parser may call the "to" a dative
            else:
                c_is_prep = c.dep_ == "prep"
            # ("warned Washington that ...": the small parser may take a name right after the verb
            # for an adverbial noun, as it would "Monday")
            misparsed = c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.left_edge.i == v.i + 1 and c.i in idx
            if c.dep_ in ("dobj", "dative", "attr", "oprd") and not c_is_prep or c in passive_subj or misparsed \
                    or labelled is not None:
                if c.dep_ == "dobj" and v.lemma_.lower() in TOPIC_VERBS:
                    pass  # "discussed Syria with Erdogan": what is talked about, not with whom
                elif top in ("Mobilize", "Aid") and c.i not in idx:
                    pass  # "sent National Guard troops to the border": the troops are the actor's own
                elif self.lex.noun(c.lemma_.lower()):
                    out.extend(self.event_owners(c, st))
                elif c.lemma_.lower() in self.frames and (framed := self.event_noun(c)) is not None:
                    # "blocked a new EU sanctions package against Russia": the package's owner (EU)
                    out.extend(self.event_owners(framed, st))
                    out.extend((idx[o.i].key, None) for o in c.children
                               if o.dep_ in ("poss", "compound", "amod") and o.i in idx)
                elif top in ADDRESSED_TOPS and any(p.dep_ == "prep" and p.lower_ in ("by", "from") for p in c.children):
                    # "demanded an admission by Moscow", "rejected calls by Belarus's rulers"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in ("by", "from"):
                            out.extend(a for o in p.children if o.dep_ == "pobj" for a in self.actors_of(o, st))
                else:
                    out.extend(self.actors_of(c, st))
                    if c.dep_ == "dobj":
                        # "met the crown prince and King Salman": the parser may join a named
                        # second object to the verb, as if it were a verb of its own
                        out.extend(a for x in v.children if x.dep_ == "conj" and x.i > c.i and x.pos_ == "PROPN"
                                   and all(y.pos_ in NAME_POS for y in x.subtree)
                                   for a in self.actors_of(x, st))
                # "deployed troops to Russia": the recipient hangs off the object (not the place an
                # act one does oneself leaves: "the withdrawal of Russian forces from Moldova")
                own_act = self.own_act(c)
                # ("pledged 500 million pounds in military aid to Ukraine", "ten tons of food for
                # Gaza": the recipient hangs off what the amount is of)
                amounts = [o for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                           and is_amount(c)
                           for o in p.children if o.dep_ == "pobj" and o.i not in idx]
                # (not the target of an act reacted to: "rejected the EU's sanctions against Russia"
                # is aimed at the EU)
                reacted = top in ADDRESSED_TOPS and self.event_noun(c) is not None and c.i not in idx
                # (nor at what a thing its owner is blamed for concerns: "condemned Ethiopia's
                # disregard for Somalia's sovereignty" is aimed at Ethiopia)
                reacted = reacted or top in ADDRESSED_TOPS and c.i not in idx \
                    and any(o.dep_ == "poss" and o.i in idx for o in c.children)
                for p in [cc for h in (c, *amounts) for cc in h.children] if not reacted else ():
                    if p.dep_ == "prep" and recipient_prep(p.lower_, top, own_act, _object_lemma(p)):
                        for o in p.children:
                            if o.dep_ == "pobj":
                                out.extend(self.actors_of(o, st))
            elif c_is_prep and c.lower_ in ("by", "via", "over") and any(
                    o.dep_ == "pobj" and o.i not in idx and o.lemma_.lower() in MEANS_NOUNS for o in c.children):
                # "spoke by telephone with Putin", "held talks via video link with Modi": the one
                # talked with hangs off the means
                out.extend(a for o in c.children if o.dep_ == "pobj" for p0 in o.children
                           if p0.dep_ == "prep" and p0.lower_ in ("with", "to") for p in _joined_preps(p0)
                           for oo in p.children if oo.dep_ == "pobj" for a in self.actors_of(oo, st))
            elif c_is_prep and recipient_prep(c.lower_, top, obj=_object_lemma(c)) and not ally_prep(c):
                for o in c.children:
                    if o.dep_ == "pobj" and self.is_place(o, st) and c.lower_ == "from" and top == "Retreat":
                        # "withdrew its troops from Kherson": the state of the place left
                        e = self.state_of_place(o)
                        if e is not None:
                            out.append((e.key, None))
                    elif o.dep_ == "pobj" and not self.is_place(o, st):
                        if o.i not in idx and (held := self.lex.noun(o.lemma_.lower())):
                            if c.lower_ == "at" and top_of(held[0].cls) == "Consult":
                                continue  # "At a meeting of the Security Council, Russia accused X": the setting
                            out.extend(self.event_owners(o, st))  # "opposed to French mediation"
                        else:
                            out.extend(self.actors_of(o, st))
        if not out:
            out.extend(a for s in self.joined_passive_subjects(v) for a in self.actors_of(s, st))
        if not out:
            # "Israel, which they would keep targeting": a relative pronoun object is its antecedent
            # (but "accused Benin of hosting French bases, which Cotonou denies" denies a claim,
            # not the French: a denial takes its antecedent only when that names an actor itself)
            for node in (v, v.head) if v.dep_ == "xcomp" else (v,):
                for c in node.children:
                    if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and node.dep_ == "relcl" \
                            and (v.lemma_.lower() not in self.denials or node.head.i in idx):
                        out.extend(self.actors_of(node.head, st))
        if top in ("Accuse", "Protest") and len(out) > 1:
            # "complained to the UN over Israeli air raids", "filed a case against Israel at the
            # International Court of Justice": the accused, not who hears the complaint
            heard = {a for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "at", "before")
                     for o in c.children if o.dep_ == "pobj" for a in self.actors_of(o, st)}
            if heard and any(a not in heard for a in out):
                out = [a for a in out if a not in heard]
        if not out:
            # "hailed North Korean troops fighting ... as heroic, stating ...": the parser may attach
            # the object as the subject of a following clause
            # (not the subject's own state: "Gantz warned that Israel would respond" is no threat
            # against Israel)
            own = {self.state_of_actor(k, v.doc) for k, _ in self.subjects(v, st)} \
                if any(c.dep_ in ("ccomp", "xcomp") for c in v.children) else set()
            for c in v.children:
                if c.dep_ in ("ccomp", "xcomp") and v.lemma_.lower() not in self.speech:
                    for s in c.children:
                        if s.dep_ == "nsubj":
                            out.extend(a for a in self.actors_of(s, st) if a[0] not in own)
        return out

    def elided_doers(self, v: Token, st: DocState) -> list[tuple[str, str | None]]:
        """Who does ``v``'s act again in a clause that leaves the verb out: "Kenya recalled its
        ambassador, as did Uganda", "Brazil condemned the raid, and so did the United States",
        "has closed its airspace, as have Iraq and Lebanon"; not a clause that says more ("as they
        did with a proposed statement")."""
        return [a for c in v.children
                if c.lemma_ in ("do", "have") and c.dep_ in ("advcl", "conj")
                and any(m.dep_ == "mark" and m.lower_ == "as" or m.dep_ == "advmod" and m.lower_ == "so" for m in c.children)
                and all(m.dep_ in ("mark", "advmod", "nsubj", "punct", "aux") for m in c.children)
                for s in c.children if s.dep_ == "nsubj" for a in self.actors_of(s, st)]

    @staticmethod
    def joined_passive_subjects(v: Token) -> list[Token]:
        """The subject of the verb a passive verb with an agent and no subject of its own is joined
        to: the one it is done to ("Boni Yayi spent two days in Niamey and was received by Tiani").

        >>> from kg.nlp import load_pipeline
        >>> doc = load_pipeline(coder="rules")("Ruto flew to Addis Ababa and was received by Abiy.")
        >>> [t.text for t in Arguments.joined_passive_subjects(doc[7])]
        ['Ruto']
        """
        if v.dep_ != "conj" or v.head.i == v.i or not any(c.dep_ == "auxpass" for c in v.children) \
                or not any(c.dep_ == "agent" for c in v.children) \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return []
        return [s for s in v.head.children if s.dep_ in ("nsubj", "nsubjpass")]

    def speakers_side(self, tok: Token, st: DocState) -> str | None:
        """Whom "we", "us" or "our" in reported speech stands for: the speaker, or the body a person
        speaking acts for ('"We urge North Korea to stop," the ministry's spokesperson Koo said':
        South Korea); None when no speaker is told or a person speaks for no body.

        >>> from kg.nlp import load_pipeline
        >>> nlp = load_pipeline(coder="rules")
        >>> [(e.type, e.actors, e.recipients) for e in nlp('"We condemn Russia," Ukraine said.')._.gpol_events]
        [('Condemn', ['ukraine'], ['russia'])]
        """
        if tok.i in st.speaking:
            return None  # (a speaker looked for through the same word: "we" who say it of "we")
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        st.speaking.add(tok.i)
        try:
            speaker = self.claimed_by(verb, st)
        finally:
            st.speaking.discard(tok.i)
        actor = (tok.doc._.gpol_actors or {}).get(speaker) if speaker else None
        if actor is None:
            return None
        return actor.affiliation if actor.kind == "Person" else speaker

    def state_of_actor(self, key: str, doc) -> str | None:
        """The state an actor belongs to: itself if a state, else the state of the body or party
        it is affiliated with, a few steps up (Benny Gantz, of the National Unity party, of Israel)."""
        known = doc._.gpol_actors or {}
        for _ in range(3):
            a, e = known.get(key), self.gaz.get(key)
            kind = getattr(a, "kind", None) or getattr(e, "kind", None)
            if kind == "State":
                return key
            if e is not None and e.iso3 and kind == "Organization" and (state := self.gaz.state_by_iso3(e.iso3)):
                return state.key
            nxt = getattr(a, "affiliation", None) or getattr(e, "affiliation", None)
            if not nxt:
                return None
            key = nxt
        return None

    def place_state(self, v: Token, st: DocState, actor_keys: set) -> list[tuple[str, str | None]]:
        """The state in whose territory the clause of ``v`` happens: "struck a car in southern
        Lebanon", "shelled Port Sudan", "in Gaza"."""
        idx = st.idx
        # (and the phrase a free relative object stands for: "struck what the army described as
        # hideouts in two Afghan provinces")
        labelled = [t for c in v.children if (n := self.labelled_object(c)) is not None for t in n.subtree]
        for t in [*clause_tokens(v), *labelled]:
            if t.dep_ in ("pobj", "dobj") and (t.dep_ == "dobj" or t.head.lower_ in LOCATIVE_PREPS | {"on", "into", "to"}
                                               or t.head.lower_ == "of" and t.head.head.lemma_.lower() in self.place_nouns):
                m = idx.get(t.i)
                if m is not None and m.kind == "State" and m.key not in actor_keys:
                    return [(m.key, None)]
                # "in the besieged Sudanese city of El Obeid" (not "near the Afghan border": a border
                # is shared)
                for c in t.children:
                    if c.dep_ in ("amod", "compound", "nmod") and c.i in idx and idx[c.i].kind == "State" \
                            and idx[c.i].key not in actor_keys and t.i not in idx \
                            and t.lemma_.lower() not in SHARED_PLACES:
                        return [(idx[c.i].key, None)]
                e = self.state_of_place(t) or next(
                    (p for c in t.children if c.dep_ == "compound" and c.i not in idx  # "Brussels airport"
                     and t.lemma_.lower() not in SHARED_PLACES and (p := self.state_of_place(c)) is not None), None)
                if e is not None and e.key not in actor_keys:
                    return [(e.key, None)]
                home = v.doc._.gpol_home
                if home and home not in actor_keys and t.i not in idx and t.lemma_.lower() in self.place_nouns \
                        and any(c.lower_ == "the" for c in t.children) \
                        and not any(c.dep_ in ("poss", "compound", "amod", "prep") for c in t.children):
                    return [(home, None)]  # "The RSF shelled the city" in a Khartoum story
        return []

    def town_state(self, v: Token, st: DocState) -> str | None:
        """The state of the place an "in" phrase of ``v`` names ("rallied in Yerevan", "In
        Caracas, hundreds marched"): where people acting in the street are from."""
        for p in v.children:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            for o in (c for c in p.children if c.dep_ == "pobj"):
                m = st.idx.get(o.i)
                if m is not None and m.kind == "State":
                    return m.key
                e = self.state_of_place(o)
                if e is not None and e.kind == "State":
                    return e.key
        return None

    def state_of_place(self, tok: Token) -> Entry | None:
        """The gazetteer's state of the place ``tok`` is ("Kherson", "El Fasher"), read against the
        states the story names; None when ``tok`` is no place or its state is not known."""
        name = (tok.doc._.gpol_places or {}).get(tok.i)
        return self.gaz.locate(name, story_states(tok.doc)) if name else None

    def titled_coordination(self, s: Token, st: DocState) -> list[tuple[str, str | None]]:
        """People coordinated with titles that the parser folds into one name: in "U.S. President
        Donald Trump and Russian President Vladimir Putin met", "Trump" hangs off "President"."""
        if not any(t.dep_ == "cc" and t.lower_ == "and" for t in s.subtree):
            return []
        out = []
        for t in s.subtree:
            m = st.idx.get(t.i)
            if m is None or m.kind != "Person" or t.i == s.i or _beyond_head(s, t):
                continue  # (not a list past the verb the parser hangs off the subject)
            h, ok = t, True
            while h.i != s.i:
                if h.dep_ not in ("compound", "appos", "conj", "nmod"):
                    ok = False
                    break
                h = h.head
            if ok:
                out.append((m.key, m.sector))
        return out

    def event_owners(self, noun: Token, st: DocState) -> list[tuple[str, str | None]]:
        """Who owns an event named by a noun: "OAS criticism", "Russia's support", "an appeal from
        X", "talks with the ELN"."""
        idx = st.idx
        out: list[tuple[str, str | None]] = []
        # "the withdrawal of Serbian forces from Bosnia", "a meeting of the Security Council": the
        # "of" names who acts, and "from" the place left, for acts one does oneself
        of_agent = self.own_act(noun)
        entries = self.lex.noun(noun.lemma_.lower())
        # ("an incursion from Libya": where a force comes from, not whose it is)
        origin = bool(entries) and top_of(entries[0].cls) in FROM_ORIGIN_TOPS
        for o in noun.children:
            if o.dep_ in ("poss", "compound", "amod") and o.i in idx:
                out.append((idx[o.i].key, None))
            elif o.dep_ == "prep" and (o.lower_ in ("by", "with") or o.lower_ == "from" and not of_agent and not origin
                                       or o.lower_ == "of" and of_agent):
                out.extend(a for p in o.children if p.dep_ == "pobj" for a in self.actors_of(p, st))
        return out

    def own_act(self, noun: Token) -> bool:
        """Whether an event noun names an act one does oneself ("withdrawal", "meeting"), whose "of"
        names who acts."""
        entries = self.lex.noun(noun.lemma_.lower())
        return bool(entries) and top_of(entries[0].cls) in OF_AGENT_TOPS

    def own_forces(self, obj: Token | None, governor: Token, st: DocState) -> bool:
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
        side = side_of([k for k, _ in self.subjects(governor, st)], governor.doc._.gpol_actors)
        return m.key in side

    def speech_act(self, v: Token) -> bool:
        """Whether a verb's first sense in the lexicon (the sense of a preposition it takes, else
        its plain one) is a statement one makes of another (``SPEECH_ACT_TOPS``: "accused",
        "urged", "called on", "rejected", "warned", "praised")."""
        entries = self.lex.verb_entries(v.lemma_.lower())
        preps = {f"prep:{c.lower_}" for c in v.children if c.dep_ == "prep"}
        # "called on the United States to end": a preposition the verb takes says its sense
        entries = [e for e in entries if e.pattern in preps] + [e for e in entries if not e.pattern]
        return bool(entries) and _statement(entries[0].cls)

    def set_off_speech_act(self, v: Token, cls: str | None = None) -> Token | None:
        """The verb of saying or denying whose own act ``v`` is, when ``v`` is a speech act set off
        by a comma after the clause that verb reports: "Egypt said the dam threatened its security,
        accusing Addis Ababa of ...", "China denied that it had supplied engines, calling the claims
        groundless". The parser hangs the participle off the reported clause; like "said that ...
        and accused", it is the speaker's own act, done as the speaker's verb is (not denied).
        ``cls``, when the act's class is known, says whether it is a statement (a label the verb
        gives: "calling the claims groundless"); else the verb's first sense does."""
        h = v.head
        if v.dep_ != "advcl" or v.tag_ != "VBG" or v.i == 0 or v.doc[v.i - 1].text != "," \
                or h.dep_ != "ccomp" or h.i == v.i or h.head.i > h.i:
            return None
        gov = h.head.lemma_.lower()
        statement = self.speech_act(v) if cls is None else _statement(cls)
        if (gov in self.speech or gov in self.denials) and statement:
            return h.head
        return None

    def claimants(self, sent: Span, st: DocState) -> list[tuple[str, str | None]]:
        """Who claims an attack in the sentence ``sent``: the subject of a claiming verb whose object
        is an attack or the responsibility for one ("the Houthis claimed the attack", "Islamic State
        claimed responsibility")."""
        out: list[tuple[str, str | None]] = []
        for t in sent:
            if t.pos_ != "VERB" or t.lemma_.lower() not in self.claiming_verbs:
                continue
            if any(o.dep_ == "dobj" and (o.lemma_.lower() in self.responsibility_nouns or any(
                    top_of(n.cls) == "Assault" for n in self.lex.noun(o.lemma_.lower()) or ())) for o in t.children):
                out += [a for a in self.subjects(t, st) if a not in out]
        return out

    def moved_forces(self, v: Token, st: DocState) -> list[tuple[str, str | None]]:
        """The owners of armed forces a passive with no agent deploys or withdraws: "US troops were
        deployed to Djibouti", "Kenyan police were withdrawn from the area" (the state moves its own
        forces); [] for any other passive, and for a present one, which tells where forces are
        ("are stationed in Iraq")."""
        if any(c.dep_ == "agent" for c in v.children) or any(
                c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in v.children):
            return []  # ("troops are stationed in Iraq": where they are, no act)
        out = []
        for s in v.children:  # the passive subject is what is moved: "moved * TROOPS"
            entry = self.lex.verb(v.lemma_.lower(), dobj=s.lemma_.lower()) if s.dep_ == "nsubjpass" else None
            if entry is not None and top_of(entry.cls) in ("Mobilize", "Retreat"):
                out += [a for a in self.actors_of(s, st) if a[1] is not None and self.gaz.state_agent(a[1])]
        return out

    def stative(self, v: Token) -> bool:
        """A passive with no agent that states its subject's stance ("is opposed to")."""
        return v.lemma_.lower() in self.stative_passives and any(c.dep_ == "nsubjpass" for c in v.children) \
            and not any(c.dep_ == "agent" for c in v.children)

    def names_other_target(self, v: Token, st: DocState, own: set = frozenset()) -> bool:
        """Whether the verb's object names people the graph has no node for ("called on allies",
        "arrested dozens of people": agent nouns of the gazetteer with no state named): then no
        target is taken from the context. Things ("the measures", "countermeasures") leave it open."""
        idx = st.idx
        if v.pos_ != "VERB":
            return False
        if any(t.lemma_.lower() in self.plural_references and t.tag_ == "NNS" and t.i not in idx
               and any(c.dep_ in ("det", "predet") and c.lower_ in self.universal for c in t.children)
               for t in clause_tokens(v)):
            return True  # "urged all parties to show restraint", "restraint on all sides": everyone
        if any(t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.i == v.i and t.lemma_.lower() in self.calm
               for t in clause_tokens(v)) and not any(c.dep_ in ("dobj", "dative") for c in v.children):
            return True  # "called for calm": of no one in particular
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative")]
        objs += [o for p in v.children if p.dep_ == "prep" and p.lower_ in ("on", "to", "against", "at", "upon")
                 for o in p.children if o.dep_ == "pobj"]
        for o in objs:
            if o.i in idx and idx[o.i].key in own and (idx[o.i].how == "group" or o.tag_ == "NNPS"):
                return True  # "urged its citizens to avoid Iraq", "called on Haitians": the actor's own people
            if o.i not in idx and o.lemma_.lower() in self.everyone:
                return True  # "urged the international community", "appealed to donors": everyone
            if o.i in idx or o.pos_ != "NOUN":
                continue
            if self.event_noun(o) is None and any(c.dep_ == "poss" and c.i in idx and idx[c.i].key in own
                                                   for c in o.children):
                return True  # "ordered their embassy staff to leave": the actor's own, no target
            # "dozens of people": the people
            heads = with_partitive(o)
            if any(h.i not in idx and (self.gaz.sector(h.lemma_.lower()) or h.lemma_.lower() in self.relational_nouns)
                   for h in heads):
                return True  # people the graph has no node for ("accused Kosovo's backers")
        return False

    def other_parties(self, tok: Token, sent: Span, st: DocState, exclude: set) -> list[str]:
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
            if self.on_side(tok.doc[i]):
                continue  # "fought alongside Ethiopian forces against the TPLF": an ally
            (after if i > tok.i else before).append(m.key)
        return after + before

    @staticmethod
    def on_side(tok: Token) -> bool:
        """Whether ``tok`` is in a phrase of a preposition of allies ("alongside", "together with").

        >>> from kg.nlp import load_pipeline
        >>> doc = load_pipeline()("Eritrean troops fought alongside Ethiopian forces.")
        >>> Arguments.on_side(doc[5]), Arguments.on_side(doc[1])
        (True, False)
        """
        for h in tok.ancestors:  # the nearest preposition decides ("alongside X against Y": Y is no ally)
            if h.dep_ == "prep" or h.pos_ == "ADP":
                return ally_prep(h)
            if h.pos_ in ("VERB", "AUX"):
                return False
        return False

    def is_place(self, tok: Token, st: DocState) -> bool:
        return tok.i not in st.idx and tok.i in (tok.doc._.gpol_places or {})

    def event_noun(self, tok: Token | None) -> Token | None:
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

    def renamed_actors(self, noun: Token, st: DocState) -> list[tuple[str, str | None]]:
        """The actors of the event an appositive event noun renames ("..., an attack X called"): an
        event of the noun's type triggered by the clause it is set beside or by that clause's object."""
        entries = self.lex.noun(noun.lemma_.lower())
        if not entries or noun.dep_ not in ("npadvmod", "appos") or any(
                c.dep_ in ("poss", "compound", "amod") and c.i in st.idx for c in noun.children):
            return []
        triggers = {t.i for t in clause_triggers(noun.head)}
        for ev in reversed(st.events):
            if st.trigger_of.get(id(ev)) in triggers and top_of(ev.type) == top_of(entries[0].cls):
                return [(k, None) for k in ev.actors]
        return []

    def object_sector(self, tok: Token) -> str | None:
        """The sector of an object noun with its modifiers, longest first ("a surveillance ship")."""
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        for k in range(len(mods), -1, -1):
            phrase = " ".join([m.lemma_.lower() for m in mods[len(mods) - k:]] + [tok.lemma_.lower()])
            sector = self.gaz.sector(phrase)
            if sector is not None:
                return sector
        return None

    def is_town(self, tok: Token, st: DocState) -> bool:
        """Whether a noun phrase names a town or place: a place name ("Bukavu"), or a place noun
        ("the town of Adan Yabaal", "the city")."""
        if tok.i in st.idx:
            return False
        places = tok.doc._.gpol_places or {}
        return tok.i in places or tok.lemma_.lower() in self.place_nouns

    def kind(self, key: str) -> str | None:
        e = self.gaz.get(key)
        return e.kind if e is not None else None

    def armed(self, key: str, sector: str | None) -> bool:
        """Whether an actor acts as armed forces: troops, rebels, an armed group."""
        if sector in ("military", "rebels", "armed_group"):
            return True
        e = self.gaz.get(key)
        return e is not None and e.org_type == "armed_group"

    def composed_entry(self, lemma: str, dobj: Token, st: DocState, v: Token | None = None) -> LexEntry | None:
        """An entry composed from the verb's kind and its object's, for pairs the CAMEO dictionary
        does not code: ending a cooperative act ("halted economic aid to Serbia", "suspended aid
        deliveries": relations reduced, CAMEO 160), building up forces ("strengthened its
        forces": a deployment, CAMEO 154) and trading acts ("traded tariffs": the object's act)."""
        idx = st.idx
        if lemma in self.ending:
            # ("ended mediation efforts": the compound names the act; "suspended part of a military
            # aid program": so does the partitive's; "froze 2 billion euros in funding": the amount's)
            dobj = amount_of(dobj)
            heads = with_partitive(dobj)
            ended = self.event_noun(dobj) or next(
                (c for h in heads for c in h.children if c.dep_ == "compound" and self.lex.noun(c.lemma_.lower())),
                None)
            if ended is not None and quad_of(self.lex.noun(ended.lemma_.lower())[0].cls) in COOPERATION \
                    or dobj.lemma_.lower() in self.relation_nouns:  # ("suspended flights from Colombia")
                return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "160", "SANCTION", "Sanction", "rule")
        if lemma in self.ending and dobj.dep_ == "dobj" and dobj.i in idx and idx[dobj.i].how != "group" \
                and v is not None and any(self.kind(k) == "Organization" for k, _ in self.subjects(v, st)):
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
                read = self.lex.verb(model, dobj=dobj.lemma_.lower(), **object_context(dobj))
                if read is not None and read.pattern and read.pattern.startswith("dobj:"):
                    return LexEntry(lemma, read.pattern, read.cameo, read.plover, read.cls, "rule")
        if lemma in self.occupation and dobj.dep_ == "dobj" and v is not None and self.is_town(dobj, st) \
                and any(self.armed(k, sector) for k, sector in self.subjects(v, st)):
            # "M23 rebels entered Bukavu": armed forces taking a town occupy it (CAMEO 192)
            return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "192", "COERCE", "Occupy", "rule")
        if lemma in self.reciprocal and dobj.dep_ == "dobj" and (acts := self.event_noun(dobj)) is not None:
            # "Ecuador and Colombia traded tariffs", "exchanged threats": each side's act of the
            # object's kind on the other, not an exchange of goods
            noun = self.lex.noun(acts.lemma_.lower())[0]
            return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", noun.cameo, top_of(noun.cls).upper(), noun.cls,
                            "rule")
        if lemma in self.buildup and dobj.dep_ == "dobj" and self.object_sector(dobj) == "military" \
                and not any(c.dep_ in ("xcomp", "ccomp") for c in dobj.head.children):
            return LexEntry(lemma, f"dobj:{dobj.lemma_.lower()}", "154", "MOBILIZE", "Deploy", "rule")
        return None

    def protesters(self, v: Token, st: DocState) -> list[tuple[str, str | None]]:
        """"Thousands of protesters marched in Nairobi": people protesting form a group of their
        state (one the phrase names, else the story's dateline), a node of its own (as "Afghan
        rebels")."""
        idx = st.idx
        actors = v.doc._.gpol_actors
        if actors is None:
            return []
        for s in (c for c in v.children if c.dep_ == "nsubj"):
            heads = with_partitive(s)  # "thousands of protesters"
            for h in heads:
                m = idx.get(h.i)
                if m is not None and m.how == "group" and m.kind == "Organization" and m.key in actors \
                        and actors[m.key].affiliation:
                    # the group the actor stage made of them, where it read their state
                    st.crowd = (m.key, m.sector)
                    return [st.crowd]
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
                if not named and st.crowd is not None and (people is None or sector != "civilians"):
                    # "Thousands of protesters marched ... Millions took to the streets": the
                    # people protesting are the crowd the story has told of
                    return [st.crowd]
                # ("In Yerevan, thousands of protesters ...", "rallied in Yerevan" in a story filed
                # from Baku: the town they act in before the dateline)
                home = named[0] if named else self.town_state(v, st) or v.doc._.gpol_home
                if home is None:  # "Thousands of people protested in Tbilisi": the town's state
                    home = next((k for k, _ in self.place_state(v, st, set())), None)
                state = self.gaz.get(home) if home else None
                if state is None:
                    return []
                ga = group_actor(state, self.gaz.sector_group(sector) or "civilians", self.gaz.sector_code(sector))
                ga = actors.setdefault(ga.key, ga)
                ga.alt_labels.add(h.text)
                st.crowd = (ga.key, sector)
                return [(ga.key, sector)]
        return []
