"""Modality of an event trigger: asserted, negated, or hypothetical (planned, expected, conditional).

Reads its word lists from ``data/syntax/``. A threat, pledge or demand is itself an asserted
event (Threaten, Agree, Request); what it threatens, pledges or demands is hypothetical.

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline()("Xi is expected to visit Hanoi. Macron did not attend the summit.")
>>> modality_of(doc[4]), modality_of(doc[10])
('Hypothetical', 'Negated')
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..resources import data_path

__all__ = ["modality_of", "word_list", "tensed_governor"]


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The entries of ``data/syntax/<name>.txt``."""
    words = set()
    for line in data_path("syntax", f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def _negated(tok: Token) -> bool:
    neg = word_list("negators")
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in neg):
            return True
    # "no talks", "without sanctions"
    if tok.pos_ == "NOUN" and tok.head.lower_ == "without":
        return True
    return False


def tensed_governor(verb: Token) -> Token:
    """``verb``, or when it is a bare verb (VB) that complements another, the nearest verb above
    it in a tense: "said the government should tell parliament whether ..." from "tell" is "said"."""
    while verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _modal(tok: Token) -> bool:
    modals = word_list("modal_auxiliaries")
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in modals:
            return True
        if c.dep_ == "aux" and c.lower_ == "going":  # "is going to visit"
            return True
    return False


def _governor(head: Token) -> str:
    """The lemma of a verb that governs an infinitive, with "yet" when it has it ("has yet to")."""
    lemma = head.lemma_.lower()
    return f"{lemma} yet" if any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children) else lemma


def modality_of(tok: Token) -> str:
    """"Asserted", "Negated" or "Hypothetical" for the event that ``tok`` triggers."""
    if _negated(tok) or any(c.dep_ in ("nsubj", "nsubjpass") and _negated(c) for c in tok.children):
        return "Negated"  # "did not attack", "no troops have crossed the border"
    if _modal(tok):
        return "Hypothetical"
    if tok.pos_ == "NOUN" and any(c.dep_ == "acl" and c.tag_ == "VBN" and not _modal(c) for c in tok.children):
        return "Asserted"  # "retaliate against a tariff announced by Trump": the tariff is a fact
    governors = word_list("hypothetical_governors")
    conditionals = word_list("conditional_markers")
    cur = tok
    for _ in range(6):  # walk up the clauses that govern the trigger
        if any(c.dep_ == "mark" and c.lower_ in conditionals for c in cur.children):
            return "Hypothetical"
        dep, head = cur.dep_, cur.head
        if head.i == cur.i:
            break
        if dep == "advcl" and _modal(head) and any(c.lower_ in ("until", "once", "when") and (
                c.dep_ == "mark" or c.dep_ == "advmod" and c.i == cur.left_edge.i) for c in cur.children):
            # "would keep up pressure until it agreed", "would be released once both governments
            # agreed" (the parser may take a clause-opening "once" for an adverb): not yet happened
            return "Hypothetical"
        if dep == "relcl" or (dep == "advcl" and any(c.dep_ == "mark" for c in cur.children)):
            break  # "after Trump threatened ...", "which they kept targeting": a clause of its own
        if dep == "acl" and head.pos_ == "NOUN" and _negated(head):
            return "Negated"  # "has no troops fighting alongside M23"
        if dep == "xcomp" and _governor(head) in word_list("negating_governors"):
            return "Negated"  # "failed to reach a deal", "has yet to ratify the treaty"
        if dep in ("xcomp", "ccomp") and head.lemma_.lower() in word_list("denial_verbs"):
            return "Negated"  # "denied firing the missiles", "denied that it had hosted the talks"
        if dep in ("xcomp", "ccomp") or (dep == "pobj" and head.dep_ == "prep"):
            gov = head if dep != "pobj" else head.head
            if gov.lemma_.lower() in governors:
                return "Hypothetical"
            if dep == "xcomp" and gov.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                return "Hypothetical"  # "Xi is to visit Hanoi"
            if _modal(gov) and dep == "xcomp":
                return "Hypothetical"
        if dep in ("pobj", "prep", "dobj") and head.pos_ in ("VERB", "AUX") and _modal(head):
            return "Hypothetical"  # "would deal with any threat": a noun inside a would-be clause
        if dep in ("nsubj", "nsubjpass") and cur.pos_ == "NOUN" and head.lemma_.lower() in governors:
            return "Hypothetical"  # "a summit between Xi and Trump is expected next month"
        if dep == "nsubj" and cur.pos_ == "NOUN" and _modal(head) \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in cur.children):
            return "Hypothetical"  # "a Chinese attack on Taiwan could prompt a response": not one told
        if dep in ("advcl", "conj", "xcomp", "ccomp", "relcl", "acl", "pcomp", "pobj", "prep", "dobj"):
            # a finite conjunct has a tense of its own and shares no auxiliary with its head: "the
            # strikes were not sufficient and called on ...", "would retaliate and warned ..."
            finite = dep == "conj" and cur.tag_ in ("VBD", "VBZ", "VBP")
            if dep == "conj" and any(c.dep_ == "cc" and c.lower_ in word_list("negators") and c.i < cur.i
                                     for c in head.children):
                return "Negated"  # "has neither accepted nor rejected it"
            if dep == "conj" and _modal(head) and not finite:
                return "Hypothetical"
            if dep == "conj" and _negated(head) and not finite and not any(c.dep_ == "nsubj" for c in cur.children):
                return "Negated"
            if finite and head.dep_ in ("xcomp", "ccomp") and head.tag_ == "VB" and head.head.i != head.i:
                # "urged Kosovo to suspend operations and called on Serbs", "said the government
                # should tell parliament whether ..., and accused Modi": the governor's second act
                # (the nearest verb in a tense above), not part of what it urged or asked
                cur = tensed_governor(head.head)
                continue
            cur = head
            continue
        break
    return "Asserted"
