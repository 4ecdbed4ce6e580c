"""The story ranker: targets for acts whose sentence names none (kg/coder/story.py)."""
from __future__ import annotations

import numpy as np
import pytest

from kg.coder.candidates import Candidate, DocContext, rule_candidates
from kg.coder.model import DEFAULT_CODER, CoderModel, Decision, select
from kg.coder.story import StoryRanker, is_open, story_pool, story_readings
from kg.coder.train import fit_story, prepare, story_examples
from kg.evaluate import GoldRecord


@pytest.fixture(scope="module")
def rules_nlp():
    from kg.nlp import load_pipeline

    return load_pipeline(coder="rules")


def _open_acts(doc, actor):
    ctx = DocContext.of(doc)
    cands = rule_candidates(doc, ctx)
    return ctx, cands, [c for c in cands if c.actor == actor and is_open(c)]


def test_the_pool_is_who_the_story_has_named_so_far_but_the_acts_own_side(rules_nlp):
    doc = rules_nlp("Ethiopia accused Eritrea of arming rebels. Kenyan President William Ruto met "
                    "Eritrean officials in Nairobi. Kenya condemned the move. Chad was not consulted.")
    ctx, cands, acts = _open_acts(doc, "kenya")
    assert acts, [(c.actor, c.recipient, c.proposed) for c in cands]
    pool = dict(story_pool(acts[:1], cands, ctx)[0])
    assert {"ethiopia", "eritrea"} <= set(pool)
    assert "kenya" not in pool and "chad" not in pool  # itself; named only after the act
    assert not any(getattr(ctx.actors.get(k), "affiliation", None) == "kenya" for k in pool)  # Ruto acts for Kenya


def _record(i, lead_target_is_right):
    text = "Kenya shelled Somalia on Monday. Ethiopia condemned the violence."
    target = "Somalia" if lead_target_is_right else "Kenya"
    return GoldRecord.from_dict({"id": f"r{i}", "text": text, "actors": [
        {"name": n, "kind": "State"} for n in ("Kenya", "Somalia", "Ethiopia")], "events": [
        {"actor": "Kenya", "type": "Assault", "recipient": "Somalia"},
        {"actor": "Ethiopia", "type": "Accuse", "recipient": target}]})


@pytest.mark.parametrize("lead_target_is_right", [True, False])
def test_the_ranker_learns_whom_the_annotations_say_a_reaction_answers(lead_target_is_right):
    """Annotated one way, the ranker puts the lead's target first; annotated the other, its actor."""
    prepared = prepare([_record(i, lead_target_is_right) for i in range(4)], with_labels=False)
    assert any(ok for p in prepared for _, ok in story_examples(p))
    ranker = fit_story(prepared, C=10.0)
    p = prepared[0]
    act = next(c for c in p.candidates if c.actor == "ethiopia" and is_open(c))
    best = ranker.score(story_pool([act], p.candidates, p.ctx)[0])[0][0]
    assert best == ("somalia" if lead_target_is_right else "kenya")


def test_no_target_annotated_gives_no_ranker():
    rec = GoldRecord.from_dict({"id": "x", "text": "Kenya shelled Somalia on Monday. Ethiopia condemned the attack.",
                                "actors": [{"name": n, "kind": "State"} for n in ("Kenya", "Somalia", "Ethiopia")],
                                "events": [{"actor": "Kenya", "type": "Assault", "recipient": "Somalia"}]})
    assert fit_story(prepare([rec], with_labels=False)) is None


def _ranker(**weights):
    from kg.coder.features import hash_index
    from kg.coder.story import STORY_BITS

    coef = np.zeros(1 << STORY_BITS, dtype=np.float32)
    for name, w in weights.items():
        coef[hash_index(name, STORY_BITS)] = w
    return StoryRanker(coef, -1.0)


def test_the_rankers_best_target_replaces_the_one_the_rules_inferred(rules_nlp):
    doc = rules_nlp("Kenya shelled Somalia on Monday. Ethiopia condemned the violence.")
    ctx = DocContext.of(doc)
    cands = rule_candidates(doc, ctx)
    act = next(c for c in cands if c.actor == "ethiopia" and is_open(c) and c.recipient)
    assert act.recipient == "kenya"  # the rules: the actor of the story's lead
    # a ranker that has learned that reactions answer the lead's target
    out = story_readings(cands, ctx, _ranker(lead_rcp=4.0))
    assert len(out) == len(cands)
    swapped = next(c for c in out if c.group == act.group and c.recipient and not c.dropped)
    assert swapped.recipient == "somalia" and swapped.inferred and swapped.story > 0.9
    # one that agrees with the rules keeps their reading, with its belief in it
    kept = story_readings(cands, ctx, _ranker(lead_actor=4.0))
    same = next(c for c in kept if c.group == act.group and c.recipient and not c.dropped)
    assert same.recipient == "kenya" and same.story > 0.9
    # acts whose sentence names the target, and acts with none, are left as they were
    assert [c for c in out if c.actor == "kenya"] == [c for c in cands if c.actor == "kenya"]


def test_an_act_the_rules_leave_with_no_target_gets_none_from_the_story(rules_nlp):
    doc = rules_nlp("Kenya shelled Somalia on Monday. Ethiopia voiced its anger on Tuesday. Ethiopia sent troops.")
    ctx = DocContext.of(doc)
    cands = rule_candidates(doc, ctx)
    assert any(is_open(c) and c.recipient is None for c in cands), [(c.actor, c.recipient) for c in cands]
    assert story_readings(cands, ctx, _ranker(lead_rcp=4.0, lead_actor=4.0)) == cands


def test_the_parties_the_rules_inferred_for_a_mediation_are_kept_and_each_written(rules_nlp):
    doc = rules_nlp("Armenia and Azerbaijan agreed a ceasefire on Friday. The deal was brokered by Russia.")
    ctx = DocContext.of(doc)
    cands = rule_candidates(doc, ctx)
    parties = [c for c in cands if c.actor == "russia" and is_open(c) and c.recipient]
    assert {c.recipient for c in parties} == {"armenia", "azerbaijan"}
    # a ranker that would send every act to the lead's actor leaves the two parties as they are
    out = story_readings(cands, ctx, _ranker(lead_actor=4.0))
    assert {c.recipient for c in out if c.actor == "russia" and c.recipient} == {"armenia", "azerbaijan"}
    decisions = [Decision(c, "Consult", "Asserted", conf, 1.0, conf)
                 for c, conf in zip(parties, (0.6, 0.5))]
    assert {d.candidate.recipient for d in select(decisions, threshold=0.2)} == {"armenia", "azerbaijan"}


def test_the_shipped_model_holds_its_ranker_and_a_copy_scores_alike(tmp_path):
    m = CoderModel.load(DEFAULT_CODER)
    assert isinstance(m.story, StoryRanker) and m.story.bits >= 10
    copy = CoderModel.load(m.save(tmp_path / "c.npz"))
    names = [("kenya", ["d=0", "rule", "lead_actor", "bias"]), ("chad", ["d=10", "bias"])]
    assert np.allclose([p for _, p in copy.story.score(names)], [p for _, p in m.story.score(names)], atol=1e-3)
