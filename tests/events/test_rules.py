"""One test per rule of the event extractor (issue 15, point 7): each rule of the registries of
:mod:`kg.events.rules` on its own example sentence, with the real pipeline (no trained coder).

Every test checks both ways: with the whole registry the rule's event is there (or, for a rule that
stops an event, is not), and with that one rule taken out of the registry (monkeypatched lists) it
is not (or is), so each test fails if its rule stops doing what it is for or stops running. A
recipient taken from the context rather than from a phrase is written "X (inferred)". A rule
added to the registries without a test here fails :func:`test_every_rule_has_a_test`.
"""
from __future__ import annotations

import pytest

import kg.events.rules as registry
from kg.events.rules import nouns, recipients, statements, verbs
from kg.events.rules.example import REGISTRIES

# (rule, sentence, an event the rule gives: type, actors, recipients)
GIVES = [
    (statements.stated_intent, 'Kenya is willing to send police officers to help Haiti.',
     ('Agree', ['kenya'], ['haiti'])),
    (statements.expected_arrival, 'IAEA chief Rafael Grossi is due in Tehran on Wednesday.',
     ('Visit', ['rafael-grossi'], ['iran'])),
    (statements.demand_in_speech, 'Lithuania said Belarus must close the camps.',
     ('Request', ['lithuania'], ['belarus'])),
    (statements.judgement_in_speech, "Chile said Peru's expulsion of its diplomats was a provocation.",
     ('Condemn', ['chile'], ['peru'])),
    (statements.stated_refusal, 'Congo would not negotiate with Rwanda.',
     ('Reject', ['democratic-republic-of-the-congo'], ['rwanda'])),
    (verbs.object_predicate, 'Hungary called the vote a provocation.',
     ('Condemn', ['hungary'], [])),
    (verbs.lexicon_reading, 'Chile praised Argentina.',
     ('Praise', ['chile'], ['argentina'])),
    (verbs.composed_reading, 'Niger quit ECOWAS.',
     ('Sanction', ['niger'], ['ecowas'])),
    (verbs.diplomats_told_to_leave, 'Niger gave the French ambassador 48 hours to leave.',
     ('BreakRelations', ['niger'], ['france'])),
    (verbs.amount_refines_class, 'Sweden gave 10 million dollars in humanitarian aid to Yemen.',
     ('HumanitarianAid', ['sweden'], ['yemen'])),
    (verbs.subjects_act, 'Ecuador was criticised by Colombia.',
     ('Condemn', ['colombia'], ['ecuador'])),
    (verbs.claimed_attack, 'Drones struck oil facilities in Saudi Arabia; the Houthis claimed the attack.',
     ('Airstrike', ['houthis'], ['saudi-arabia'])),
    (verbs.custody_is_the_states_act, 'Opposition leader Ousmane Sonko was arrested in Dakar on Friday.',
     ('Arrest', ['senegal'], ['ousmane-sonko'])),
    (verbs.victims_and_causes, 'Three Malian soldiers died at the hands of JNIM fighters.',
     ('ArmedAttack', ['jnim'], ['mali'])),
    (verbs.protesters_group, 'Thousands of Serbians protested in Belgrade.',
     ('Demonstrate', ['serbia-civilians'], ['serbia'])),
    (verbs.protesters_group, 'Iranian police detained dozens of students. The students later attacked a police station.',
     ('ArmedAttack', ['iran-students-and-academics'], ['iran'])),  # a crowd the actor stage made a group
    (verbs.crowd_storming_building_protests, 'Tunisian protesters stormed the parliament building.',
     ('Protest', ['tunisia-opposition'], ['tunisia'])),
    (verbs.evacuation_aids_the_evacuees_state, 'Turkey evacuated 200 Bangladeshi citizens from Sudan.',
     ('HumanitarianAid', ['turkey'], ['bangladesh'])),
    (verbs.objects_are_recipients, 'Peru met Chile.',
     ('Meet', ['peru'], ['chile'])),
    (verbs.protest_aims_at_own_state, 'Thousands of Kenyans marched in Nairobi.',
     ('Protest', ['kenya-civilians'], ['kenya'])),
    (verbs.bare_noun_refers_back, 'Peru expelled the Chilean ambassador. Chile protested to the UN. '
                                  'Bolivia condemned the decision.', ('Condemn', ['bolivia'], ['peru'])),
    (verbs.bare_noun_refers_back, 'Israel struck Syria. Turkey condemned the strike.',
     ('Condemn', ['turkey'], ['israel'])),
    # (a day is no owner of the act)
    (verbs.bare_noun_refers_back, "Israel struck Syria on Sunday. Turkey condemned Sunday's strike as an attack "
                                  "on the Syrian state.", ('Condemn', ['turkey'], ['israel'])),
    (verbs.content_clause, 'Algeria threatened to cut gas supplies to Spain.',
     ('Threaten', ['algeria'], ['spain'])),
    (verbs.condition_names_target, 'Turkey warned it would act if Greece did not withdraw.',
     ('Threaten', ['turkey'], ['greece'])),
    (verbs.force_for_purpose, 'Ethiopian police fired tear gas to disperse Eritrean refugees.',
     ('Assault', ['ethiopia'], ['eritrea-refugees'])),
    (verbs.launch_at_someone_attacks, 'North Korea launched missiles at South Korea.',
     ('Airstrike', ['north-korea'], ['south-korea'])),
    (nouns.doers_sector_refines_class, 'A strike by Kenyan doctors entered its third week.',
     ('Protest', ['kenya-health-workers'], ['kenya (inferred)'])),
    (verbs.agreeing_to_yield_is_a_concession, 'Burundi agreed to let the UN human rights office reopen in Bujumbura.',
     ('Concede', ['burundi'], ['united-nations'])),
    (verbs.renamed_event_actors, 'Israel carried out an airstrike on Beirut, an attack Lebanon called a violation.',
     ('Condemn', ['lebanon'], ['israel'])),
    (verbs.hosted_thing, 'Iran and Iraq met on Monday. Oman hosted the meeting.',
     ('Host', ['oman'], ['iraq'])),
    (nouns.event_frame, "Qatar's mediation effort between Rwanda and Congo failed.",
     ('Mediate', ['qatar'], ['rwanda'])),
    (nouns.noun_arguments, 'Talks between Armenia and Azerbaijan resumed.',
     ('Negotiate', ['armenia'], ['azerbaijan'])),
    (nouns.participle_agent, 'The tariffs announced by China angered Canada.',
     ('EconomicSanction', ['china'], ['canada (inferred)'])),
    (nouns.modifiers_refine_class, 'Ireland sent humanitarian aid to Gaza.',
     ('HumanitarianAid', ['ireland'], ['palestine'])),
    (nouns.in_talks, 'During talks with Brazil, Argentina said trade would grow.',
     ('Negotiate', ['argentina'], ['brazil'])),
    (nouns.light_verb_subject, 'Australia imposed sanctions on Myanmar.',
     ('EconomicSanction', ['australia'], ['myanmar'])),
    (nouns.partitive_of_light_verb, 'Russia launched waves of airstrikes on Ukraine.',
     ('Airstrike', ['russia'], ['ukraine'])),
    (nouns.light_verb_recipient, 'Peru lodged a protest with Chile.',
     ('Accuse', ['peru'], ['chile'])),
    (nouns.compound_names_party, 'China welcomed the Ukraine talks.',
     ('Negotiate', ['ukraine'], [])),
    (nouns.place_of_light_verb, 'China staged air strikes near Taipei.',
     ('Airstrike', ['china'], ['taiwan'])),
    (nouns.answered_noun_aims_at_who_answers, 'Cuba accepted an invitation from Spain.',
     ('Agree', ['spain'], ['cuba'])),
    (recipients.hosted_parties, 'Egypt and Jordan held talks. Oman hosted the talks.',
     ('Host', ['oman'], ['jordan'])),
    (recipients.antecedent_recipients, 'Chile attacked Peru. Bolivia condemned the attack.',
     ('Condemn', ['bolivia'], ['chile'])),
    (recipients.answer_recipients, 'Ethiopia urged Eritrea to withdraw. Eritrea refused.',
     ('Reject', ['eritrea'], ['ethiopia'])),
    (verbs.crowd_blocking_protests, 'Chilean students blocked the main avenue of Santiago.',
     ('Protest', ['chile-students-and-academics'], ['chile'])),
    (verbs.crowd_gathering_protests, 'Irish protesters gathered outside the parliament in Dublin.',
     ('Demonstrate', ['ireland-opposition'], ['ireland'])),
    (verbs.summed_up_act_is_the_target, 'Chile recognised the rebel envoy, a decision condemned by Peru.',
     ('Condemn', ['peru'], ['chile'])),
    (verbs.summed_up_act_is_the_target, 'Bolivia said it would close the border, a move welcomed by Peru.',
     ('Praise', ['peru'], ['bolivia'])),
    (verbs.receiving_is_the_givers_act, 'Rwanda received $240 million from Britain.',
     ('Aid', ['united-kingdom'], ['rwanda'])),
    (verbs.receiving_is_the_givers_act, 'Oman received the Iranian foreign minister in Muscat.',
     ('Visit', ['iran'], ['oman'])),
    (verbs.order_to_own_forces_is_the_act, 'Kim Jong Un ordered his troops to attack South Korea.',
     ('ArmedAttack', ['kim-jong-un'], ['south-korea'])),
    (verbs.denial_of_own_act, 'Rwanda denied that it had shelled Goma.',
     ('ArmedAttack', ['rwanda'], ['democratic-republic-of-the-congo'])),
    (recipients.claim_recipients, 'Belarus said NATO troops were massing on the border. NATO denied the claim.',
     ('Reject', ['nato'], ['belarus (inferred)'])),
    (nouns.a_call_for_something_is_an_appeal, "The EU's call on Serbia to de-escalate went unheeded.",
     ('Request', ['european-union'], ['serbia'])),
    (recipients.mediated_parties, 'The truce between Israel and Hamas, brokered by Egypt, held on Friday.',
     ('Mediate', ['egypt'], ['hamas'])),
    (recipients.mediated_parties, 'Russia and Ukraine exchanged 300 prisoners. The swap was mediated by Qatar.',
     ('Mediate', ['qatar'], ['ukraine (inferred)'])),
    (recipients.a_states_protest_is_a_complaint, 'Japan lodged a protest with China over the detention of a businessman.',
     ('Accuse', ['japan'], ['china'])),
    (recipients.context_recipients, 'Ethiopia accused Eritrea of arming rebels. Sudan condemned the move.',
     ('Condemn', ['sudan'], ['ethiopia (inferred)'])),
]

# (rule, sentence, an event the rule stops: told only without the rule)
STOPS = [
    (nouns.content_of_a_policy, 'Peru rejected the Chilean ceasefire plan.', ('Ceasefire', ['chile'], [])),
    (verbs.anonymity_is_no_event, 'A Kenyan minister, who asked not to be quoted, said talks had stalled.',
     ('Request', ['kenya'], [])),
    (verbs.an_order_for_a_thing_is_no_demand, 'Guinea ordered schools closed.', ('Request', ['guinea'], [])),
    (verbs.receiving_is_the_givers_act, 'Washington said it had received the request.',
     ('Host', ['united-states'], [])),
    (verbs.insisting_on_a_fact_is_no_demand, 'Belarus insisted that its army was not attacking Ukraine.',
     ('Request', ['belarus'], ['ukraine (inferred)'])),
    (recipients.unanswered_denials, 'Rwanda denied shelling Goma.', ('Reject', ['rwanda'], [])),
    (verbs.message_carries_the_event, 'The European Parliament adopted a resolution condemning Azerbaijan.',
     ('SignAgreement', ['european-parliament'], ['azerbaijan (inferred)'])),
    (verbs.told_elsewhere, 'Japan urged Vietnam to resume talks with China.',
     ('Negotiate', ['vietnam'], ['china'])),
    (verbs.noun_object_types_event, 'Ghana conducted talks with Togo.',
     ('Cooperate', ['ghana'], ['togo'])),
    (verbs.unnamed_agent, 'Ukraine freed a Russian soldier accused of looting.',
     ('Accuse', ['russia'], ['ukraine (inferred)'])),
    (verbs.reacted_object_told_here, "Mexico rejected a U.S. request.",
     ('Request', ['united-states'], ['mexico (inferred)'])),
    (verbs.reaction_preps_told_here, 'Cuba protested against the American blockade.',
     ('Blockade', ['united-states'], ['cuba (inferred)'])),
    (recipients.purposes, 'Kenya sent troops to Haiti to fight gangs.',
     ('ArmedAttack', ['kenya'], [])),
    (recipients.consequence_recipients, 'M23 shelled Goma, killing ten people.',
     ('Kill', ['m23'], [])),
    (recipients.dedupe, 'Peru condemned and denounced Chile.',
     ('Condemn', ['peru'], ['chile (inferred)'])),
    (verbs.setting_participle_is_no_meeting, 'The African Union, meeting in Addis Ababa, urged calm in Sudan.',
     ('Meet', ['african-union'], [])),
    (verbs.sports_result_is_no_event, 'Spain defeated Italy 3-1 at the European Championship in Berlin.',
     ('ArmedAttack', ['spain'], ['italy'])),
    (verbs.declining_to_comment_is_no_event, 'Beijing refused to confirm the meeting.',
     ('Reject', ['china'], [])),
    (verbs.being_asked_is_no_request, 'Pressed on whether talks would resume, the Kenyan foreign minister said '
     'no date had been set.', ('Request', ['kenya'], [])),
]


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline(coder="rules")


def told(nlp, text, home=None):
    doc = nlp.make_doc(text)
    doc._.gpol_home = home
    return [(e.type, e.actors, [f"{r} (inferred)" if e.recipient_inferred else r for r in e.recipients])
            for e in nlp(doc)._.gpol_events]


def without(monkeypatch, rule):
    """Take ``rule`` out of every registry for the rest of the test."""
    found = False
    for name in REGISTRIES:
        rules = getattr(registry, name)
        found |= rule in rules
        monkeypatch.setattr(registry, name, [r for r in rules if r is not rule])
    assert found, f"{rule.__name__} is in no registry"


def _name(row):
    return row[0].__name__


@pytest.mark.parametrize("rule,text,event", GIVES, ids=[_name(r) for r in GIVES])
def test_rule_gives_its_event(nlp, monkeypatch, rule, text, event):
    assert event in told(nlp, text), told(nlp, text)
    without(monkeypatch, rule)
    assert event not in told(nlp, text)


@pytest.mark.parametrize("rule,text,event", STOPS, ids=[_name(r) for r in STOPS])
def test_rule_stops_an_event(nlp, monkeypatch, rule, text, event):
    assert event not in told(nlp, text), told(nlp, text)
    without(monkeypatch, rule)
    assert event in told(nlp, text)


def test_every_rule_has_a_test():
    tested = {r[0] for r in GIVES + STOPS}
    drivers = {registry.read_verb, registry.read_noun}
    registered = {r for name in REGISTRIES for r in getattr(registry, name)} - drivers
    assert registered - tested == set()
    assert tested - registered == set()


def test_rules_are_named_and_documented():
    """Each rule is listed in its module's ``__all__`` and shows its example sentence."""
    for name in REGISTRIES:
        for rule in getattr(registry, name):
            if rule in (registry.read_verb, registry.read_noun):
                continue
            module = {"kg.events.rules.verbs": verbs, "kg.events.rules.nouns": nouns,
                      "kg.events.rules.statements": statements,
                      "kg.events.rules.recipients": recipients}[rule.__module__]
            assert rule.__name__ in module.__all__, rule.__name__
            assert ">>> " in (rule.__doc__ or ""), rule.__name__


def test_a_reacted_to_act_whose_doer_is_named_is_told_as_the_doers_event(nlp):
    # coding rule R4: the demand is its speaker's event, aimed at whoever refuses it
    events = told(nlp, "The Taliban rejected Pakistan's demand to hand over the militants.")
    assert ("Reject", ["taliban"], ["pakistan"]) in events
    assert ("Request", ["pakistan"], ["taliban"]) in events
    # so is an offer: aimed at whoever rejects it, read off the sentence, not guessed
    events = told(nlp, "Kyiv rejected the Vatican's offer to host a prisoner exchange.")
    assert ("Agree", ["holy-see"], ["ukraine"]) in events, events
    events = told(nlp, "Colombia rejected a demand by the ELN for a ceasefire.")
    assert any(t == "Request" and a == ["eln"] for t, a, _ in events), events


def test_another_reaction_is_no_antecedent_of_a_bare_event_noun(nlp):
    events = told(nlp, "Chile and Peru signed a treaty on Thursday. Bolivia welcomed the treaty. "
                       "Ecuador also praised the deal.")
    # (each signatory, as a reaction to an act of several actors is aimed at each)
    ecuador = [e for e in events if e[1] == ["ecuador"]]
    assert ecuador and all(e[2] and e[2][0] in ("chile", "peru") for e in ecuador), events


def test_a_reaction_to_an_act_of_several_actors_is_aimed_at_each(nlp):
    events = told(nlp, "Chile and Peru attacked Bolivia on Monday. Brazil condemned the attack.")
    assert {e[2][0] for e in events if e[1] == ["brazil"]} == {"chile", "peru"}, events
    events = told(nlp, "Chile and Peru urged Bolivia to withdraw. Bolivia refused.")
    assert {e[2][0] for e in events if e[0] == "Reject"} == {"chile", "peru"}, events


def test_a_bare_event_noun_refers_to_an_act_of_its_own_class_first(nlp):
    # a Support of another side told in between shares the deal's top type, not its class
    events = told(nlp, "Chile and Peru signed a treaty on Thursday. Argentina had long backed a negotiated "
                       "settlement. Ecuador praised the deal.")
    ecuador = [e for e in events if e[1] == ["ecuador"]]
    assert ecuador and all(e[2] and e[2][0] in ("chile", "peru") for e in ecuador), events


def test_a_mediation_is_of_a_deal_talks_or_a_war_not_of_what_was_said(nlp):
    events = told(nlp, "Saudi Arabia accused Iran of rejecting Japan's mediation.")
    assert ("Accuse", ["saudi-arabia"], ["iran"]) in events
    assert [e for e in events if e[0] == "Mediate"] == [("Mediate", ["japan"], [])], events


@pytest.mark.parametrize("text", [
    "Nigeria beat Ghana on penalties in the final of the Africa Cup of Nations.",
    "Japan defeated Germany 2-1 in their opening match.",
    "India crushed Pakistan by eight wickets in Ahmedabad.",
    "South Korea and Japan clashed in the final of the Asian Cup.",
])
def test_a_match_between_national_teams_is_no_attack(nlp, monkeypatch, text):
    assert told(nlp, text) == []
    without(monkeypatch, verbs.sports_result_is_no_event)
    assert told(nlp, text) != []


@pytest.mark.parametrize("text,event", [
    # a phrase of time or place around a match does not make an attack a game
    ("Russian and English supporters fought running battles in Marseille ahead of the match.",
     ("ArmedAttack", ["russia-opposition"], ["russia"])),
    ("The US Senate voted 98-2 to impose new sanctions on Russia.",
     ("EconomicSanction", ["united-states"], ["russia"])),
    ("Azerbaijan attacked Armenian positions in Nagorno-Karabakh in 2020.",
     ("ArmedAttack", ["azerbaijan"], ["armenia"])),
])
def test_acts_near_a_score_or_a_match_are_still_told(nlp, text, event):
    assert event in told(nlp, text), told(nlp, text)


def test_a_label_the_parser_reads_as_a_clause_is_the_labellers_act_and_no_act_of_its_own(nlp):
    # "as blackmail" parsed as a clause with a verb "blackmail": the labelling verb still reads it,
    # and the label tells no coercion of its own
    from kg.events.rules.example import events

    found = events("The Serbian foreign ministry refused to free the men and described the threat of "
                   "sanctions as blackmail unworthy of a partner.")
    assert ('Condemn', ['serbia'], []) in found
    assert not any(e[0] == "Coerce" for e in found), found


@pytest.mark.parametrize("rule", list(registry.TOKEN_POS), ids=lambda r: r.__name__)
def test_a_token_rule_tells_nothing_on_a_part_of_speech_it_does_not_read(nlp, rule):
    """The extractor calls a token rule only on the parts of speech ``TOKEN_POS`` lists for it:
    on any other token of the examples, called directly, it tells and suppresses nothing."""
    from kg.events.state import DocState

    ex = nlp.get_pipe("gpol_events")
    called = 0
    for text in sorted({row[1] for row in GIVES + STOPS}):
        doc = nlp(text)
        st = DocState.of(doc)
        for sent in doc.sents:
            for tok in sent:
                if tok.pos_ not in registry.TOKEN_POS[rule]:
                    rule(ex, tok, st, sent)
                    called += 1
        assert st.events == [] and not st.suppressed, (rule.__name__, text)
    assert called > 500
