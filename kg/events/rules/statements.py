"""Events that a statement is: a stated readiness to act (an intent), an announced arrival, a demand or a
judgement in reported speech and a refusal told as what the actor will not do."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...taxonomy import quad_of, top_of
from ..candidate import Candidate
from ..state import DocState
from ..syntax import side_of
from .example import events as show  # noqa: F401  (the examples of the docstrings)

if TYPE_CHECKING:
    from ..extract import EventExtractor

__all__ = ["stated_intent", "expected_arrival", "demand_in_speech", "judgement_in_speech", "stated_refusal"]


def stated_intent(ex: EventExtractor, adj: Token, st: DocState, sent: Span):
    """A stated readiness to act ("willing", "ready", "prepared": ``intent_adjectives``) is an
    AGREE event toward whom the act concerns (THREATEN for a conflict act); its content is not a
    second event.

    >>> show("Kenya is willing to send police officers to help Haiti.")
    [('Agree', ['kenya'], ['haiti'])]
    >>> show("Kenya is willing to send police officers to help Haiti.", without=stated_intent)
    [('Aid', ['kenya'], ['haiti'])]
    """
    if adj.pos_ != "ADJ" or adj.lower_ not in ex.intent_adjectives:
        return
    comp = next((c for c in adj.children if c.dep_ == "xcomp"), None) or next(
        (pc for p in adj.children if p.dep_ == "prep" and p.lower_ == "to"  # "open to meeting Zelenskiy"
         for pc in p.children if pc.dep_ == "pcomp" and pc.pos_ == "VERB"), None)
    if comp is None or adj.dep_ not in ("acomp", "amod", "ROOT") or adj.i in st.suppressed:
        return
    head = adj.head if adj.dep_ == "acomp" else adj
    asked = [c for c in head.children if c.dep_ == "mark" and c.lower_ in ("whether", "if")]
    asked += [w for c in head.children if c.dep_ == "advmod" and c.i < adj.i
              for w in (c, *c.children) if w.tag_ == "WRB"]
    if asked:  # an open question, no stated readiness: "testing how far Washington is willing to
        st.suppressed.add(comp.i)  # go", "unclear whether Russia is ready to negotiate"
        return
    actors = ex.subjects(head, st)
    recipients, todo = [], [comp]
    cls, cameo = "Agree", "030"
    while todo and not recipients:
        c = todo.pop(0)
        st.suppressed.add(c.i)
        inner = ex.lex.verb(c.lemma_.lower())
        if c is comp and inner is not None and quad_of(inner.cls) in ("MaterialConflict", "VerbalConflict") \
                and top_of(inner.cls) != "Mobilize":
            cls, cameo = "Threaten", "130"  # "ready to strike", "prepared to resume shelling": a threat
        recipients = [r for r in ex.objects(c, st, top_of(inner.cls) if inner else None) if r not in actors]
        todo.extend(cc for cc in c.children if cc.dep_ in ("xcomp", "advcl", "ccomp", "conj"))
    claimed = ex.claimed_by(adj, st)
    speaker = (adj.doc._.gpol_actors or {}).get(claimed) if claimed else None
    if speaker is not None and speaker.affiliation in {k for k, _ in actors}:
        # "von der Leyen said the EU was ready to negotiate": the speaker's own statement of intent
        actors = [(claimed, None)]
    ex.emit(st, cls, cameo, adj, actors, recipients, 0.5, sent,
            modality_from=adj.head if adj.dep_ == "acomp" else None)


def expected_arrival(ex: EventExtractor, word: Token, st: DocState, sent: Span):
    """Someone due or expected in a place of another state (``arrival_words``: "Grossi is due in
    Tehran on Wednesday") is to visit it: a Visit to that state, Hypothetical (as the corpus codes
    it), not one to their own state.

    >>> show("IAEA chief Rafael Grossi is due in Tehran on Wednesday.")
    [('Visit', ['rafael-grossi'], ['iran'])]
    >>> show("IAEA chief Rafael Grossi is due in Tehran on Wednesday.", without=expected_arrival)
    []
    """
    if word.lower_ not in ex.arrival_words or word.pos_ not in ("ADJ", "VERB") or word.i in st.suppressed:
        return
    head = word.head if word.dep_ == "acomp" else word
    if word.dep_ not in ("acomp", "ROOT", "conj", "ccomp") or head.lemma_ not in ("be", word.lemma_):
        return
    actors = ex.subjects(head, st)
    if not actors:
        return
    own = {ex.state_of_actor(k, word.doc) for k, _ in actors} | {k for k, _ in actors}
    for h in dict.fromkeys((word, head)):
        where = ex.town_state(h, st)
        if where is not None and where not in own:
            ex.emit(st, "Visit", "042", word, actors, [(where, None)], 0.5, sent, modality="Hypothetical")
            return


def _speech(ex: EventExtractor, cand: Candidate, st: DocState):
    """For a verb of saying with a speaker: the speakers, a filter that keeps of some actors those
    not of the speakers' side ("Rwandan rebels" do not speak for Rwanda) and what is said (the
    verb's complement clauses); else None."""
    if cand.lemma not in ex.speech:
        return None
    speakers = ex.subjects(cand.tok, st)
    if not speakers:
        return None
    doc_actors = cand.tok.doc._.gpol_actors or {}
    side = side_of({k for k, _ in speakers}, doc_actors)

    def others(actors: list) -> list:
        return [a for a in actors if a[0] not in side
                and (doc_actors[a[0]].affiliation if a[0] in doc_actors else None) not in side]

    return speakers, others, [c for c in cand.tok.children if c.dep_ == "ccomp"]


def demand_in_speech(ex: EventExtractor, cand: Candidate, st: DocState):
    """What a speaker says another side must or should do is the speaker's demand on it (PLOVER
    REQUEST), whatever the act demanded; the act demanded is not an event of its own.

    >>> show("Lithuania said Belarus must close the camps.")
    [('Request', ['lithuania'], ['belarus'])]
    >>> show("Lithuania said Belarus must close the camps.", without=demand_in_speech)
    []
    """
    said = _speech(ex, cand, st)
    if said is None:
        return
    speakers, others, clauses = said
    for c in clauses:
        if not any(a.dep_ == "aux" and a.lower_ in ex.obligation for a in c.children):
            continue
        targets = others([a for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                          for a in ex.actors_of(s, st)])
        if targets:
            ex.emit(st, "Request", "020", cand.tok, speakers, targets, 0.5, cand.sent)
            # the act demanded is the demand's content, not an event of its own ("urged X to"),
            # nor is anything told inside it ("must be ready to mediate", "must reach an agreement")
            # (but a verb in the past joined to a bare one is the speaker's next act: "said the
            # government should tell parliament whether ..., and accused Modi")
            own = {t.i for cc in (c, *c.conjuncts) for x in cc.subtree
                   if x.dep_ == "conj" and x.tag_ in ("VBD", "VBZ") and x.head.tag_ == "VB" for t in x.subtree}
            st.suppressed.update(t.i for cc in (c, *c.conjuncts) for t in cc.subtree
                                 if t.pos_ in ("VERB", "NOUN", "ADJ") and t.i not in own)


def judgement_in_speech(ex: EventExtractor, cand: Candidate, st: DocState):
    """What a speaker says something or someone is, with a label of ``data/lexicon/labels.tsv``
    ("said the attack was intolerable", "said Maduro was a dictator", "said the charges were
    baseless"), is the speaker's reproach, denial or praise, as "called it a mistake" is: aimed at
    the one the sentence names as the subject, or at who did the act it names; not at the
    speaker's own side, and none when the sentence does not say whose act it is.

    >>> show("Chile said Peru's expulsion of its diplomats was a provocation.")
    [('Condemn', ['chile'], ['peru']), ('Expel', ['peru'], [])]
    >>> show("Chile said Peru's expulsion of its diplomats was a provocation.", without=judgement_in_speech)
    [('Expel', ['peru'], [])]
    """
    speech = _speech(ex, cand, st)
    if speech is None:
        return
    speakers, others, clauses = speech
    for c in clauses:
        if c.lemma_ != "be" or any(a.dep_ == "neg" for a in c.children):
            continue
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        entry = None
        for pred in (g for g in c.children if g.dep_ in ("attr", "acomp") and g.pos_ in ("NOUN", "ADJ")):
            for w in (pred, *(m for m in pred.children if m.dep_ in ("amod", "compound") and m.left_edge.i == m.i)):
                e = ex.lex.verb("call", dobj=w.lemma_.lower())
                if e is not None and (e.pattern or "").startswith("dobj:") \
                        and top_of(e.cls) in ("Accuse", "Reject", "Support"):
                    entry = e
                    break
            if entry is not None:
                break
        if entry is None or subj is None:
            continue
        targets = [] if subj.pos_ == "PRON" else ex.actors_of(subj, st)
        if not targets and subj.pos_ == "NOUN" and ex.event_noun(subj) is not None:
            targets = ex.event_owners(ex.event_noun(subj), st)
        targets = others(targets)
        if not targets:
            continue  # (whose act is judged, the sentence does not say: too loose a guess)
        ex.emit(st, entry.cls, entry.cameo, cand.tok, speakers, targets, 0.5, cand.sent)


def stated_refusal(ex: EventExtractor, cand: Candidate, st: DocState):
    """"Beijing will not accept any arms sales to Taiwan", "Kinshasa would not negotiate with the
    rebels": a verb of consent (``refusable_verbs``) negated with a future or ability auxiliary
    (``refusal_auxiliaries``) is a refusal, the actor's REJECT and asserted (coding rule R12),
    aimed at whom the verb names; the act refused is not told as a negated event of its own.

    >>> show("Congo would not negotiate with Rwanda.")
    [('Reject', ['democratic-republic-of-the-congo'], ['rwanda'])]
    >>> show("Congo would not negotiate with Rwanda.", without=stated_refusal)
    [('Negotiate', ['democratic-republic-of-the-congo'], ['rwanda'])]
    """
    v = cand.tok
    if cand.lemma not in ex.refusable or not any(c.dep_ == "neg" for c in v.children):
        return
    if not any(c.dep_ == "aux" and c.lower_ in ex.refusal_auxiliaries for c in v.children):
        return
    refuse = ex.lex.verb("refuse")
    if refuse is not None:
        cand.entry, cand.modality = refuse, "Asserted"
