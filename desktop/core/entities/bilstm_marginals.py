"""How sure the CRF is that a name it found is a name of that type.

Viterbi gives the best tag path; the linear-chain CRF also defines the probability of every
path. From the forward and backward scores comes each token's probability of lying inside a
name of each type (the sum over all paths that tag it so). A span's confidence is the largest
of its tokens' probabilities for the span's type: "is there a person here at all", not "are these
exactly its first and last words" (a name the model is sure of, but whose given name it doubts,
stays sure).

The forward and backward passes run in the probability domain, scaled at each step (one
small matrix product per step for the whole batch), so they cost far less than the LSTM.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Crf = tuple[np.ndarray, np.ndarray, np.ndarray]
RESCALE = 8  # steps between two normalisations of the forward and backward vectors


def bioes_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end exclusive, label) from BIOES tags; ill-formed runs are closed leniently."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, lab = tag.partition("-")
        if prefix in ("B", "S") or prefix == "O" or (prefix in ("I", "E") and lab != label):
            if start >= 0:
                spans.append((start, i, label))
            start, label = -1, ""
        if prefix == "S":
            spans.append((i, i + 1, lab))
        elif prefix in ("B", "I", "E") and start < 0:
            start, label = i, lab
        if prefix == "E" and start >= 0:
            spans.append((start, i + 1, label))
            start, label = -1, ""
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


def _scaled_exp(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """exp(scores - max) over the last axis and the max (the log offset)."""
    top = scores.max(axis=-1)
    return np.exp(scores - top[..., None]), top


def _forward(p_em: np.ndarray, off: np.ndarray, e_trans: np.ndarray, start: np.ndarray,
             running: list[int]) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Scaled forward vectors (B, T, K) and their log scales (B, T); rows sorted longest first.

    The vectors are brought back to a sum of one every ``RESCALE`` steps (and at the first): in
    between they can neither overflow nor lose the probable tags.
    """
    b, t_len, _ = p_em.shape
    alpha = np.zeros_like(p_em)
    logs = np.zeros((b, t_len))
    p_start, s_off = _scaled_exp(start)
    a = p_start[None, :] * p_em[:, 0]
    norm = a.sum(axis=1)
    alpha[:, 0] = a / norm[:, None]
    logs[:, 0] = np.log(norm)
    for t in range(1, t_len):
        live = running[t]
        if live == 0:
            break
        a = (alpha[:live, t - 1] @ e_trans) * p_em[:live, t]
        if t % RESCALE == 0:
            norm = a.sum(axis=1)
            a /= norm[:, None]
            logs[:live, t] = np.log(norm)
        alpha[:live, t] = a
    return alpha, s_off + np.cumsum(off + logs, axis=1)


def _backward(p_em: np.ndarray, off: np.ndarray, e_trans: np.ndarray, end: np.ndarray,
              lengths: np.ndarray, running: list[int]) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Scaled backward vectors (B, T, K) and their log scales (B, T); rows sorted longest first."""
    b, t_len, _ = p_em.shape
    beta = np.zeros_like(p_em)
    logs = np.zeros((b, t_len))
    p_end, e_off = _scaled_exp(end)
    for t in range(t_len - 1, -1, -1):
        inner = running[t + 1] if t + 1 < t_len else 0  # rows that go on after step t
        if inner:
            v = (p_em[:inner, t + 1] * beta[:inner, t + 1]) @ e_trans.T
            if t % RESCALE == 0:
                norm = v.sum(axis=1)
                v /= norm[:, None]
                logs[:inner, t] = np.log(norm)
            beta[:inner, t] = v
        beta[inner : running[t], t] = p_end  # rows whose last token is t
    # the emissions' offsets of the steps after t, within each row's own length
    after = np.where(np.arange(t_len)[None, :] < lengths[:, None], off, 0.0)
    after = np.concatenate([after[:, 1:], np.zeros((b, 1))], axis=1)
    suffix = np.cumsum((after + logs)[:, ::-1], axis=1)[:, ::-1]
    return beta, e_off + suffix


def _path_spans(path: np.ndarray, lengths: np.ndarray, tags: Sequence[str]) -> tuple[np.ndarray, ...] | None:
    """(row, first, last token) of every span of the padded paths, rows and spans in order.

    A path that Viterbi found keeps to BIOES (other moves are forbidden), so its spans run from
    each B- or S- tag to the next E- or S- tag. None when that pairing does not hold (then the
    lenient reading of :func:`bioes_spans` is needed).
    """
    prefix = np.array([t.partition("-")[0] for t in tags])
    live = np.arange(path.shape[1])[None, :] < lengths[:, None]
    begins = np.nonzero(np.isin(prefix, ("B", "S"))[path] & live)
    ends = np.nonzero(np.isin(prefix, ("E", "S"))[path] & live)
    if len(begins[0]) != len(ends[0]) or np.any(begins[0] != ends[0]):
        return None
    first, last = begins[1], ends[1]
    if np.any(first > last) or np.any((first[1:] <= last[:-1]) & (begins[0][1:] == begins[0][:-1])):
        return None
    return begins[0], first, last


def span_confidences(
    emissions: np.ndarray,
    lengths: np.ndarray,
    crf: Crf,
    paths: Sequence[Sequence[int]],
    tags: Sequence[str],
) -> list[list[float]]:
    """The confidence of each span of each path: one list per sentence, in :func:`bioes_spans` order.

    ``emissions`` (B, T, K) and ``lengths`` (B,) as for Viterbi, ``crf`` = (transitions, start,
    end), ``paths`` the tag indices (into ``tags``) per sentence.
    """
    trans, start, end = (np.asarray(x, dtype=np.float64) for x in crf)
    lengths = np.asarray(lengths, dtype=np.int64)
    order = np.argsort(-lengths, kind="stable")
    t_len = int(emissions.shape[1])
    path = np.zeros((len(order), t_len), dtype=np.int64)  # sorted rows, padded with tag 0
    for row, i in enumerate(order.tolist()):
        path[row, : lengths[i]] = paths[i]
    located = _path_spans(path, lengths[order], tags)
    if located is None:  # not BIOES: read each path leniently
        listed = [[(row, s, e - 1) for s, e, _ in bioes_spans([tags[p] for p in paths[i]])]
                  for row, i in enumerate(order.tolist())]  # fmt: skip
        flat = [x for spans in listed for x in spans]
        located = tuple(np.array([x[k] for x in flat], dtype=np.int64) for k in range(3))
    r, s, e = located
    result: list[list[float]] = [[] for _ in paths]
    if len(r) == 0:
        return result
    rows = np.unique(r)  # only the sentences with a name go through the passes (still longest first)
    at = np.searchsorted(rows, r)
    sub_len = lengths[order][rows]
    em = np.asarray(emissions, dtype=np.float64)[order[rows], : int(sub_len[0])]
    running = (np.arange(em.shape[1])[:, None] < sub_len[None, :]).sum(axis=1).tolist()
    p_em, off = _scaled_exp(em)
    e_trans = np.exp(trans)
    alpha, a_scale = _forward(p_em, off, e_trans, start, running)
    beta, b_scale = _backward(p_em, off, e_trans, end, sub_len, running)
    ends = sub_len - 1
    every = np.arange(len(rows))
    log_z = a_scale[every, ends] + np.log(alpha[every, ends] @ np.exp(end))
    labels = [t.partition("-")[2] for t in tags]
    names = sorted({x for x in labels if x})
    member = np.array([[lab == n for n in names] for lab in labels], dtype=np.float64)
    label_of = np.array([names.index(lab) if lab else 0 for lab in labels], dtype=np.int64)
    sizes = e - s + 1
    firsts = np.cumsum(sizes) - sizes
    flat_r = np.repeat(at, sizes)
    flat_t = np.arange(int(sizes.sum())) - np.repeat(firsts, sizes) + np.repeat(s, sizes)
    gamma = alpha[flat_r, flat_t] * beta[flat_r, flat_t]
    gamma *= np.exp(a_scale[flat_r, flat_t] + b_scale[flat_r, flat_t] - log_z[flat_r])[:, None]
    inside = gamma @ member  # the probability of each span token lying inside a name of each type
    values = inside[np.arange(len(flat_r)), np.repeat(label_of[path[r, s]], sizes)]
    probs = np.minimum(1.0, np.maximum.reduceat(values, firsts)).tolist()
    cuts = np.searchsorted(r, np.arange(len(order) + 1)).tolist()
    for row, i in enumerate(order.tolist()):
        result[i] = probs[cuts[row] : cuts[row + 1]]
    return result
