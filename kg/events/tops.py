"""Sets of PLOVER top types the event extractor reads events by (model constants, not word lists)."""
from __future__ import annotations

__all__ = ["SYMMETRIC_TOPS", "PATIENT_OF", "CONTENT_GOVERNORS", "PLACE_RECIPIENT_TOPS", "ADDRESSED_TOPS", "ANY_ACT", "PUT_TO_TOPS", "REACTING_TOPS",
           "OF_AGENT_TOPS", "FORCE_TOPS", "COOPERATION", "MATERIAL", "DIRECTED_TOPS", "GATHERINGS",
           "ANSWERS", "CHALLENGES", "SPEECH_ACT_TOPS", "FROM_ORIGIN_TOPS", "TOPIC_TOPS",
           "JOINT_CLASSES", "ANSWERED_TOPS", "AIMED_AT_TOPS"]

SYMMETRIC_TOPS = {"Consult", "Cooperate", "Agree"}
# event nouns whose "of" names the one they hit, not who acts: "the invasion of South Lebanon",
# "criticism of Israel", "the release of prisoners"
PATIENT_OF = {"Assault", "Coerce", "Sanction", "Threaten", "Accuse", "Protest", "Reject", "Support", "Aid"}
# Speech acts whose complement is their content, not an event of its own: "threatened to impose
# tariffs on X" is one Threaten event against X; "urged X to return to talks" one Request to X.
CONTENT_GOVERNORS = {"Threaten", "Request", "Agree", "Reject", "Concede"}
# Material conflict happens somewhere: with no recipient named, the state where it happens is hit.
PLACE_RECIPIENT_TOPS = {"Assault", "Coerce", "Aid", "Mobilize", "Sanction"}
# Verbal acts addressed to someone named by "by"/"from" on their object: "demanded an admission by X"
ADDRESSED_TOPS = {"Request", "Reject", "Accuse"}
# What a reaction refers to when its object only sums up an act ("called the decision a mistake"):
# the latest act told before, of whatever class
ANY_ACT = "*"
# What one side puts to another (an offer, a demand, an accusation, a threat): whoever rejects it
# ("Kyiv rejected the Vatican's offer", "Rwanda dismissed Congo's accusations") was its target
PUT_TO_TOPS = {"Agree", "Request", "Accuse", "Threaten"}
# event nouns whose "of" names who acts: "the withdrawal of troops", "a meeting of the Council"
OF_AGENT_TOPS = {"Retreat", "Consult", "Mobilize"}
# Acts of force and movement whose "from" names where they come from, not whom they are aimed at:
# "launched an incursion from Libya", "fired rockets from Lebanon", "sent troops from Kenya" (top
# types only: a deployment is Mobilize; the place a retreat leaves is its recipient: "withdrew from
# Niger")
FROM_ORIGIN_TOPS = {"Assault", "Mobilize"}
FORCE_TOPS = {"Assault", "Coerce"}
# Acts whose "at" names whom they are aimed at ("fired at the patrol", "lashed out at Washington",
# "balked at Kyiv's demand", "launched missiles at Syrian sites"); on any other act "at" names where
# it was done ("backed Serbia at the United Nations", "met at the summit")
AIMED_AT_TOPS = {"Assault", "Coerce", "Threaten", "Accuse", "Protest", "Reject", "Sanction", "Mobilize"}
COOPERATION = {"VerbalCooperation", "MaterialCooperation"}
MATERIAL = {"MaterialCooperation", "MaterialConflict"}
# Event types that are aimed at someone (in both gold sets, 97% of these events have a
# recipient): when no phrase of the trigger names the target, the other party of the sentence
# (else of the story told before) is taken, marked as inferred and with a lower confidence.
DIRECTED_TOPS = {"Accuse", "Reject", "Threaten", "Protest", "Sanction", "Request", "Concede", "Aid",
                 "Coerce", "Assault", "Support"}
# gatherings whose parties a host receives ("hosted the meeting")
GATHERINGS = {"Consult", "Support", "Agree", "Cooperate"}
# answers, and the challenges they answer ("denied the charge", "rejected the demand")
ANSWERS = {"Reject", "Concede"}
CHALLENGES = {"Accuse", "Request", "Threaten", "Sanction", "Coerce", "Reject"}
# Acts that react to another's act, which their object or "against"/"over" phrase names: "rejected
# Pakistan's demand", "protested against the blockade"
REACTING_TOPS = {"Accuse", "Protest", "Reject"}
# Statements one makes of or to another: after a reported clause, "and accused X", "and urged X"
# is the speaker's act rather than the reported subject's
SPEECH_ACT_TOPS = {"Accuse", "Request", "Reject", "Threaten", "Support"}
# classes of those tops that are deeds, not statements ("inspecting a railway project")
NON_STATEMENT_CLASSES = {"Investigate"}
# Meetings and talks, whose "on"/"over"/"about" phrase names what they are about, not who takes
# part: "an emergency meeting on Haiti" (data/syntax/topic_prepositions.txt)
TOPIC_TOPS = {"Consult"}
# Acts that coordinated subjects do together ("Somalia and Ethiopia signed an agreement"): coding
# rule R9 gives them no recipient, so none is taken from the story (classes, not top types)
JOINT_CLASSES = {"SignAgreement"}
# Acceptances, whose object's owner ("accepted an invitation from Spain", "granted Kenya's request")
# acted towards the one who accepts: that act is told too
ANSWERED_TOPS = {"Agree", "Concede"}
