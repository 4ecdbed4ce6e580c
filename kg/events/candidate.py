"""The event one trigger is read as, while the rules of :mod:`kg.events.rules` read it.

A :class:`Candidate` starts from a trigger token (a verb or an event noun) and its sentence; the
rules of its family, in the order of :data:`kg.events.rules.VERB_RULES` or
:data:`kg.events.rules.NOUN_RULES`, fill in its reading (lexicon entry, class), its actors and
its recipients, or stop it (:data:`STOP`: the trigger tells no event). What is left is told as
:class:`kg.model.Event` records by :meth:`kg.events.telling.Telling.emit`.

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline(coder="rules")("Peru condemned the attack on Chile.")
>>> c = Candidate.of_verb(doc[1])
>>> (c.lemma, c.dobj.text, c.preps, c.prt, c.actors, c.recipients)
('condemn', 'attack', (), None, [], [])
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import LexEntry
from .syntax import PARTICLES

__all__ = ["Candidate", "Party", "STOP"]

#: an actor key with the sector of the phrase that names it ("military" for "Russian forces")
Party = tuple[str, str | None]

#: what a rule returns when the trigger tells no event
STOP = "stop"


@dataclass
class Candidate:
    """One trigger's event, as far as the rules have read it."""

    tok: Token
    sent: Span
    #: the trigger's lemma, lowercased ("test-fire" for "test-fired")
    lemma: str
    #: the lexicon entry the event is read by, and its class (a rule may make the class finer)
    entry: LexEntry | None = None
    cls: str | None = None
    actors: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    # ---- verbs
    #: the direct object (or passive subject), the prepositions with their objects' lemmas, the particle
    dobj: Token | None = None
    preps: tuple[tuple[str, str | None], ...] = ()
    prt: str | None = None
    #: what the object is, an amount's ("50 tons of weapons": weapons)
    what: Token | None = None
    #: the verb's plain lexicon reading with its object (before a reading composed by rule)
    lexical: LexEntry | None = None
    #: the actors are people protesting (a group of their state)
    protesters: bool = False
    #: the class of an event told before that a bare event-noun object refers to ("condemned the strike")
    refers_to: str | None = None
    #: the lemma of that noun ("offer"): an act told by the same word comes first
    refers_word: str | None = None
    #: a Host event with a thing hosted and no guest named ("hosted the talks")
    hosting: bool = False
    #: the modality the rules found, when the trigger's own context does not tell it (a refusal
    #: told as a negated future is asserted)
    modality: str | None = None
    # ---- nouns
    #: the frame noun of "a mediation effort", and the dependents of the noun and its frame
    frame: Token | None = None
    kids: list[Token] = field(default_factory=list)
    #: a denial of the actor's own act, which that act's trigger tells as Negated: the denial is a
    #: Reject only of an accuser the story names (coding rule R15)
    denial: bool = False
    #: the owners a compound names ("Iran sanctions"), and the subjects of a "that" content clause
    themes: list[Party] = field(default_factory=list)
    content_subjects: list[Party] = field(default_factory=list)
    #: the verb of the clause whose subject acts ("conducted tests")
    governor: Token | None = None

    def read_as(self, cls: str, cameo: str) -> None:
        """Read the trigger as ``cls`` (CAMEO ``cameo``), not as its lexicon entry says (a rule's
        finer reading: a crowd storming a building protests)."""
        self.cls = cls
        self.entry = dataclasses.replace(self.entry, cls=cls, cameo=cameo)

    @classmethod
    def of_verb(cls, v: Token, sent: Span | None = None) -> "Candidate":
        """A verb with its object, prepositions and particle."""
        preps = tuple((c.lower_, next((o.lemma_.lower() for o in c.children if o.dep_ == "pobj"), None))
                      for c in v.children if c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP"))
        dobj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"
                    or (c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i == v.i + 1)), None)
        return cls(tok=v, sent=sent if sent is not None else v.sent, lemma=v.lemma_.lower(),
                   dobj=dobj, preps=preps, prt=prt)

    @classmethod
    def of_noun(cls, n: Token, entry: LexEntry, sent: Span | None = None) -> "Candidate":
        """An event noun with the lexicon's (first) entry for it."""
        return cls(tok=n, sent=sent if sent is not None else n.sent, lemma=n.lemma_.lower(), entry=entry,
                   cls=entry.cls, kids=list(n.children))
