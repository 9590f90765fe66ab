"""Span confidences of the CRF against brute force over every tag path."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from desktop.core.entities.bilstm import bioes_spans
from desktop.core.entities.bilstm_marginals import span_confidences
from desktop.core.entities.bilstm_ops import viterbi_batch

TAGS = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "E-LOC", "S-LOC"]


def spans_of(path):
    return [(s, e) for s, e, _ in bioes_spans([TAGS[p] for p in path])]


def brute_force(em, trans, start, end, path):
    """Each span's confidence: the largest probability of one of its tokens lying in a name of its type."""
    n, k = em.shape
    total = 0.0
    weights = {}
    for cand in itertools.product(range(k), repeat=n):
        score = start[cand[0]] + em[0, cand[0]] + end[cand[-1]]
        score += sum(trans[cand[t - 1], cand[t]] + em[t, cand[t]] for t in range(1, n))
        weights[cand] = np.exp(score)
        total += weights[cand]
    out = []
    for s, e in spans_of(path):
        label = TAGS[path[s]].partition("-")[2]
        inside = [
            sum(w for cand, w in weights.items() if TAGS[cand[t]].partition("-")[2] == label) / total
            for t in range(s, e)
        ]
        out.append(max(inside))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_span_confidences_match_brute_force(seed):
    rng = np.random.default_rng(seed)
    k = len(TAGS)
    trans = rng.normal(0, 1.5, (k, k))
    trans[1, 0] = trans[0, 2] = -10000.0  # forbidden moves, as the shipped CRFs have them
    start, end = rng.normal(0, 1, k), rng.normal(0, 1, k)
    lengths = np.array([3, 5, 1, 4])
    em = rng.normal(0, 2, (4, 5, k))
    paths = viterbi_batch(em, lengths, trans, start, end)
    # a path with a span for every sentence, so each probability is checked
    paths = [p if spans_of(p) else [4, *p[1:]] for p in paths]
    got = span_confidences(em, lengths, (trans, start, end), paths, TAGS)
    for i, n in enumerate(lengths):
        want = brute_force(em[i, :n], trans, start, end, paths[i])
        assert len(got[i]) == len(want) > 0
        assert got[i] == pytest.approx(want, rel=1e-6, abs=1e-12)


def test_a_sure_name_is_near_one_and_a_doubtful_one_lower():
    k = len(TAGS)
    trans, start, end = np.zeros((k, k)), np.zeros(k), np.zeros(k)
    em = np.zeros((2, 1, k))
    em[0, 0, 4] = 12.0  # S-PER far above the rest
    em[1, 0] = -8.0
    em[1, 0, 4], em[1, 0, 7] = 1.0, 0.9  # a person or a place, nearly even
    got = span_confidences(em, np.array([1, 1]), (trans, start, end), [[4], [4]], TAGS)
    assert got[0][0] > 0.99
    assert 0.5 < got[1][0] < 0.55


def test_a_path_outside_bioes_is_read_leniently():
    k = len(TAGS)
    rng = np.random.default_rng(7)
    trans, start, end = rng.normal(0, 1, (k, k)), np.zeros(k), np.zeros(k)
    em = rng.normal(0, 1, (1, 3, k))
    path = [1, 0, 4]  # B-PER then O: the B- run is closed where it stops, as bioes_spans reads it
    got = span_confidences(em, np.array([3]), (trans, start, end), [path], TAGS)
    assert got[0] == pytest.approx(brute_force(em[0], trans, start, end, path), rel=1e-6)
    assert len(got[0]) == 2


def log_space_reference(em, trans, start, end, path):
    """The same confidences by a plain log-space forward-backward (for sentences too long to enumerate)."""

    def lse(a, axis):
        top = a.max(axis=axis, keepdims=True)
        return (top + np.log(np.exp(a - top).sum(axis=axis, keepdims=True))).squeeze(axis)

    n = em.shape[0]
    alpha, beta = np.empty_like(em), np.empty_like(em)
    alpha[0] = start + em[0]
    for t in range(1, n):
        alpha[t] = lse(alpha[t - 1][:, None] + trans, 0) + em[t]
    beta[n - 1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = lse(trans + (em[t + 1] + beta[t + 1])[None, :], 1)
    gamma = np.exp(alpha + beta - lse(alpha[n - 1] + end, 0))
    out = []
    for s, e in spans_of(path):
        label = TAGS[path[s]].partition("-")[2]
        cols = [k for k, tag in enumerate(TAGS) if tag.partition("-")[2] == label]
        out.append(max(gamma[t, cols].sum() for t in range(s, e)))
    return out


def test_long_sentences_of_a_batch_match_the_log_space_passes():
    rng = np.random.default_rng(11)
    k = len(TAGS)
    trans = rng.normal(0, 2, (k, k))
    trans[1, 0] = -10000.0
    start, end = rng.normal(0, 1, k), rng.normal(0, 1, k)
    lengths = np.array([57, 9, 120, 33, 8])  # across several rescaling steps, ending between them
    em = rng.normal(0, 4, (5, 120, k))
    paths = viterbi_batch(em, lengths, trans, start, end)
    got = span_confidences(em, lengths, (trans, start, end), paths, TAGS)
    for i, n in enumerate(lengths):
        want = log_space_reference(em[i, :n], trans, start, end, paths[i])
        assert got[i] == pytest.approx(want, rel=1e-9, abs=1e-12)
    assert sum(len(g) for g in got) > 20
