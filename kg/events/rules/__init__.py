"""The rules of the event extractor, and the order they run in.

The ``gpol_events`` component (:class:`kg.events.extract.EventExtractor`) reads a document in two
passes:

1. every token of every sentence goes through the :data:`TOKEN_RULES` that read its part of
   speech (:data:`TOKEN_POS`): a stated readiness to act
   (an intent adjective), a verb (read by :data:`VERB_READING` and :data:`VERB_RULES`), an event noun (read by
   :data:`NOUN_RULES`); each of those lists runs on one :class:`~kg.events.candidate.Candidate`
   in order, and the first rule that returns :data:`~kg.events.candidate.STOP` ends it with no
   event; else the candidate is told (:meth:`~kg.events.telling.Telling.emit`);
2. the document's events go through :data:`DOCUMENT_RULES` in order: purposes, hosted visits,
   recipients from the story, one event per sentence and reading.

Each rule's docstring shows its example sentence with and without the rule.

>>> from kg.events.rules.example import events
>>> events("Peru condemned Chile.")
[('Condemn', ['peru'], ['chile'])]
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..candidate import STOP, Candidate
from ..state import DocState
from . import nouns, recipients, statements, verbs

if TYPE_CHECKING:
    from ..extract import EventExtractor

__all__ = ["TOKEN_RULES", "TOKEN_POS", "VERB_READING", "VERB_RULES", "NOUN_RULES", "DOCUMENT_RULES", "read_verb", "read_noun"]


def read_verb(ex: EventExtractor, v: Token, st: DocState, sent: Span):
    """A verb's event: :data:`VERB_READING` in order on its candidate, which find its lexicon
    entry (else the plain lexicon reading is taken, and a verb the lexicon does not know tells
    none), then :data:`VERB_RULES` in order, then told."""
    if v.pos_ != "VERB":
        return
    cand = Candidate.of_verb(v, sent)
    for rule in VERB_READING:
        if rule(ex, cand, st) is STOP:
            return
    if cand.entry is None:
        cand.entry = cand.lexical  # the verb's plain reading with its object, if no finer one
    if cand.entry is None:
        return  # a verb the lexicon does not know
    cand.cls = cand.entry.cls
    for rule in VERB_RULES:
        if rule(ex, cand, st) is STOP:
            return
    n_before = len(st.events)
    ex.emit(st, cand.cls, cand.entry.cameo, v, cand.actors, cand.recipients, 0.6, sent, modality=cand.modality)
    if cand.refers_to is not None:
        for ev in st.events[n_before:]:
            st.anaphora.append((ev, cand.refers_to, cand.refers_word))
    if cand.hosting:
        st.hosting.extend(st.events[n_before:])
    if cand.denial:
        st.denials.update(id(ev) for ev in st.events[n_before:])


def read_noun(ex: EventExtractor, n: Token, st: DocState, sent: Span):
    """An event noun's event: :data:`NOUN_RULES` in order on its candidate, then told."""
    if n.pos_ != "NOUN":
        return
    entries = ex.lex.noun(n.lemma_.lower())
    if not entries:
        return
    cand = Candidate.of_noun(n, entries[0], sent)
    for rule in NOUN_RULES:
        if rule(ex, cand, st) is STOP:
            return
    ex.emit(st, cand.cls, getattr(cand.entry, "cameo", None), n, cand.actors, cand.recipients, 0.5, sent,
            modality_from=cand.governor if cand.cls == cand.entry.cls else None)


#: what each token of a sentence is read as, in order
TOKEN_RULES = [
    statements.stated_intent,
    statements.expected_arrival,
    read_verb,
    read_noun,
]

#: the parts of speech a token rule reads: it is not called on other tokens (a rule not listed here
#: is called on every token)
TOKEN_POS = {
    statements.stated_intent: frozenset({"ADJ"}),
    statements.expected_arrival: frozenset({"ADJ", "VERB"}),
    read_verb: frozenset({"VERB"}),
    read_noun: frozenset({"NOUN"}),
}

#: the rules that find a verb's reading, in order (:mod:`kg.events.rules.verbs`)
VERB_READING = [
    # the verb and whether it tells an event of its own
    verbs.told_elsewhere,
    verbs.sports_result_is_no_event,
    statements.demand_in_speech,
    statements.judgement_in_speech,
    statements.stated_refusal,
    # its reading: class and CAMEO code (a rule may set it)
    verbs.object_predicate,
    verbs.lexicon_reading,
    verbs.composed_reading,
    verbs.diplomats_told_to_leave,
    verbs.message_carries_the_event,
    verbs.anonymity_is_no_event,
    verbs.declining_to_comment_is_no_event,
    verbs.being_asked_is_no_request,
    verbs.noun_object_types_event,
]

#: the rules that read a verb's event once its reading is found, in order (:mod:`kg.events.rules.verbs`)
VERB_RULES = [
    verbs.amount_refines_class,
    # who acts
    verbs.subjects_act,
    verbs.claimed_attack,
    verbs.unnamed_agent,
    verbs.custody_is_the_states_act,
    verbs.victims_and_causes,
    verbs.protesters_group,
    verbs.crowd_storming_building_protests,
    verbs.crowd_blocking_protests,
    verbs.crowd_gathering_protests,
    # whom it is aimed at
    verbs.objects_are_recipients,
    verbs.summed_up_act_is_the_target,
    verbs.receiving_is_the_givers_act,
    verbs.evacuation_aids_the_evacuees_state,
    verbs.protest_aims_at_own_state,
    verbs.bare_noun_refers_back,
    verbs.insisting_on_a_fact_is_no_demand,
    verbs.order_to_own_forces_is_the_act,
    verbs.an_order_for_a_thing_is_no_demand,
    verbs.denial_of_own_act,
    verbs.content_clause,
    verbs.condition_names_target,
    verbs.force_for_purpose,
    verbs.launch_at_someone_attacks,
    verbs.agreeing_to_yield_is_a_concession,
    verbs.setting_participle_is_no_meeting,
    # what it tells so that other triggers do not tell it again
    verbs.reacted_object_told_here,
    verbs.reaction_preps_told_here,
    verbs.renamed_event_actors,
    verbs.hosted_thing,
]

#: the rules that read an event noun's event, in order (:mod:`kg.events.rules.nouns`)
NOUN_RULES = [
    verbs.told_elsewhere,
    nouns.content_of_a_policy,
    nouns.event_frame,
    nouns.a_call_for_something_is_an_appeal,
    # the noun's own phrases
    nouns.noun_arguments,
    nouns.participle_agent,
    verbs.claimed_attack,
    nouns.modifiers_refine_class,
    # the clause whose subject acts when no phrase of the noun names who does
    nouns.in_talks,
    nouns.light_verb_subject,
    nouns.partitive_of_light_verb,
    nouns.light_verb_recipient,
    nouns.answered_noun_aims_at_who_answers,
    nouns.compound_names_party,
    nouns.doers_sector_refines_class,
    nouns.place_of_light_verb,
]

#: the passes over a document's events, in order (:mod:`kg.events.rules.recipients`)
DOCUMENT_RULES = [
    recipients.purposes,
    recipients.hosted_parties,
    recipients.consequence_recipients,
    recipients.antecedent_recipients,
    recipients.answer_recipients,
    recipients.claim_recipients,
    recipients.unanswered_denials,
    recipients.mediated_parties,
    recipients.context_recipients,
    recipients.a_states_protest_is_a_complaint,
    recipients.dedupe,
]
