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

Where things are: the rules, in the order they run, are the lists of :mod:`kg.events.rules`
(verbs, nouns, statements, and the passes over a document's events), each with its example
sentence; a rule reads one :class:`~kg.events.candidate.Candidate` and the document's
:class:`~kg.events.state.DocState`; finding participants in the parse is
:class:`~kg.events.arguments.Arguments`, writing events with their context
:class:`~kg.events.telling.Telling`; the PLOVER type sets rules read by are in
:mod:`kg.events.tops`.

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Friday.")
>>> [(e.type, e.actors, e.recipients, e.location) for e in doc._.gpol_events]
[('Meet', ['vladimir-putin'], ['xi-jinping'], 'Beijing')]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..actors.gazetteer import Gazetteer
from ..actors.mentions import register_extensions
from . import rules
from .arguments import Arguments
from .lexicon import Lexicon
from .modality import word_list
from .state import DocState
from .telling import Telling

__all__ = ["EventExtractor"]


class EventExtractor(Arguments, Telling):
    """Extract events from a Doc whose actors the ``gpol_actors`` component has resolved.

    The component holds its configuration only (lexicon, gazetteer, word lists); what it learns
    about a document lives in that document's :class:`~kg.events.state.DocState`. The rules it
    runs, and their order, are the lists of :mod:`kg.events.rules`."""

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
        self.policy_nouns = word_list("policy_nouns")
        self.relational_nouns = word_list("relational_nouns")
        self.membership_nouns = word_list("membership_nouns")
        self.claiming_verbs = word_list("claiming_verbs")
        self.responsibility_nouns = word_list("responsibility_nouns")
        self.reciprocal = word_list("reciprocal_verbs")
        self.stative_passives = word_list("stative_passives")
        self.modals = word_list("modal_auxiliaries")
        self.ending = word_list("ending_verbs")
        self.buildup = word_list("buildup_verbs")
        self.leaving = word_list("leaving_verbs")
        self.occupation = word_list("occupation_verbs")
        self.easing = word_list("easing_verbs")
        self.imposing = word_list("imposing_verbs")
        self.place_nouns = word_list("place_nouns")
        self.building_nouns = word_list("building_nouns")
        self.plural_references = word_list("plural_references")
        self.universal = word_list("universal_quantifiers")
        self.everyone = word_list("everyone_nouns")
        self.calm = word_list("calm_nouns")
        self.denials = word_list("denial_verbs")
        self.receiving = word_list("receiving_verbs")
        self.gathering = word_list("gathering_verbs")
        self.insisting = word_list("insisting_verbs")
        self.summary = word_list("summary_nouns")
        self.storming_verbs = word_list("storming_verbs")
        self.blocking_verbs = word_list("blocking_verbs")
        self.diplomat_nouns = word_list("diplomat_nouns")
        self.evacuating = word_list("evacuating_verbs")
        self.evacuees = word_list("evacuee_nouns")
        self.issuing = word_list("issuing_verbs")
        self.needs_recipient = word_list("requires_recipient")
        self.comment_verbs = word_list("comment_verbs")
        self.naming_verbs = word_list("naming_verbs")
        self.intent_adjectives = word_list("intent_adjectives")
        self.arrival_words = word_list("arrival_words")
        self.threat_nouns = word_list("threat_nouns")
        self.victim_verbs = word_list("victim_verbs")
        self.custody_verbs = word_list("custody_verbs")
        self.home_agents = word_list("home_agents")
        self.people_counts = word_list("people_counts")
        self.frames = word_list("event_frames")
        self.command_verbs = word_list("command_verbs")
        self.relation_nouns = word_list("relation_nouns")
        self.refusable = word_list("refusable_verbs")
        self.refusal_auxiliaries = word_list("refusal_auxiliaries")

    def __call__(self, doc: Doc) -> Doc:
        st = DocState.of(doc)
        token_rules = [(rule, rules.TOKEN_POS.get(rule)) for rule in rules.TOKEN_RULES]
        for sent in doc.sents:
            for tok in sent:
                pos = tok.pos_
                for rule, reads in token_rules:
                    if reads is None or pos in reads:
                        rule(self, tok, st, sent)
        events = st.events
        for rule in rules.DOCUMENT_RULES:
            events = rule(events, st)
        doc._.gpol_events = events
        return doc


@Language.factory("gpol_events", default_config={})
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)
