"""The numpy building blocks of the BiLSTM-CRF forward pass: LSTM, character CNN, Viterbi.

:func:`lstm_forward` also runs several equally shaped networks at once (a leading member axis on
the inputs and weights), which is how an ensemble pays one Python loop for all its members.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.vectors import Vectors


def floret_vectors(vectors: Vectors, tokens: Sequence[str]) -> np.ndarray:
    """Frozen floret vectors (n_tokens, dim) as float32."""
    if not tokens:
        return np.zeros((0, vectors.shape[1]), dtype=np.float32)
    return np.asarray(vectors.get_batch(list(tokens)), dtype=np.float32)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def lstm_forward(
    x: np.ndarray, mask: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    """One LSTM direction over padded ``x`` (..., B, T, D); PyTorch gate order i, f, g, o.

    Weights are (..., 4H, D), (..., 4H, H) and (..., 4H): an optional leading axis stacks the
    members of an ensemble. ``mask`` (B, T) marks real steps, which must come first in each row
    (left-aligned sequences); padded steps output zeros. Rows are visited longest first, so each
    time step computes only the sequences that are still running.
    """
    *lead, b, t, _ = x.shape
    h_dim = w_hh.shape[-1]
    lengths = mask.sum(axis=1)
    order = np.argsort(-lengths, kind="stable")
    running = (lengths[order][None, :] > np.arange(t)[:, None]).sum(axis=1)  # rows alive per step
    proj = x[..., order, :, :] @ np.swapaxes(w_ih, -1, -2)[..., None, :, :] + bias[..., None, None, :]
    h = np.zeros((*lead, b, h_dim), dtype=x.dtype)
    c = np.zeros((*lead, b, h_dim), dtype=x.dtype)
    out = np.zeros((*lead, b, t, h_dim), dtype=x.dtype)
    w_hh_t = np.ascontiguousarray(np.swapaxes(w_hh, -1, -2))
    for step in range(t):
        n = int(running[step])
        if n == 0:
            break
        gates = proj[..., :n, step, :] + h[..., :n, :] @ w_hh_t
        i = _sigmoid(gates[..., :h_dim])
        f = _sigmoid(gates[..., h_dim : 2 * h_dim])
        g = np.tanh(gates[..., 2 * h_dim : 3 * h_dim])
        o = _sigmoid(gates[..., 3 * h_dim :])
        c[..., :n, :] = f * c[..., :n, :] + i * g
        h[..., :n, :] = o * np.tanh(c[..., :n, :])
        out[..., :n, step, :] = h[..., :n, :]
    result = np.empty_like(out)
    result[..., order, :, :] = out
    return result


def reverse_padded(x: np.ndarray, lengths: np.ndarray, time_axis: int = 1) -> np.ndarray:
    """Reverse each sequence of ``x`` within its own length; padding stays at the end.

    ``x`` has the batch axis (B) right before ``time_axis`` (T): (B, T, ...) by default, or
    (M, B, T, D) with ``time_axis=2`` for stacked ensemble members.
    """
    t = x.shape[time_axis]
    idx = np.arange(t)[None, :]
    rev = lengths[:, None] - 1 - idx
    rev = np.where(rev >= 0, rev, idx)  # (B, T)
    shape = (1,) * (time_axis - 1) + rev.shape + (1,) * (x.ndim - time_axis - 1)
    return np.take_along_axis(x, rev.reshape(shape), axis=time_axis)


def bilstm_emissions(x: np.ndarray, lengths: np.ndarray, w: dict[str, np.ndarray], layers: int) -> np.ndarray:
    """Tag scores (..., B, T, K) of the BiLSTM + linear layer for padded features (..., B, T, D).

    With a leading member axis on ``x`` the weights carry the same axis (stacked members).
    """
    mask = np.arange(x.shape[-2])[None, :] < lengths[:, None]
    t_axis = x.ndim - 2
    h = x
    for layer in range(layers):
        fwd = lstm_forward(h, mask, w[f"l{layer}_ih"], w[f"l{layer}_hh"], w[f"l{layer}_b"])
        rev_in = reverse_padded(h, lengths, t_axis)
        bwd = lstm_forward(rev_in, mask, w[f"l{layer}_ih_r"], w[f"l{layer}_hh_r"], w[f"l{layer}_b_r"])
        h = np.concatenate([fwd, reverse_padded(bwd, lengths, t_axis)], axis=-1)
    return h @ np.swapaxes(w["out_w"], -1, -2)[..., None, :, :] + w["out_b"][..., None, None, :]


def char_cnn(chars: np.ndarray, emb: np.ndarray, conv_w: np.ndarray, conv_b: np.ndarray) -> np.ndarray:
    """Character CNN: embed (N, L) ids, 1-d convolution with 'same' padding, max over positions.

    ``conv_w`` has the PyTorch Conv1d layout (out, emb_dim, width). Returns (N, out).
    """
    n, length = chars.shape
    out_dim, e_dim, width = conv_w.shape
    x = emb[chars]  # (N, L, E)
    pad = width // 2
    xp = np.zeros((n, length + 2 * pad, e_dim), dtype=x.dtype)
    xp[:, pad : pad + length] = x
    windows = np.stack([xp[:, k : k + length] for k in range(width)], axis=2)  # (N, L, W, E)
    kernel = conv_w.transpose(2, 1, 0).reshape(width * e_dim, out_dim)  # (W*E, out)
    y = windows.reshape(n, length, width * e_dim) @ kernel + conv_b
    return y.max(axis=1)


def viterbi(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best tag path for one sentence: ``emissions`` (T, K), ``trans[i, j]`` scores tag i -> j."""
    t_len = emissions.shape[0]
    if t_len == 0:
        return []
    score = start + emissions[0]
    back = np.zeros((t_len, emissions.shape[1]), dtype=np.int64)
    for t in range(1, t_len):
        total = score[:, None] + trans  # (K_prev, K_next)
        back[t] = total.argmax(axis=0)
        score = total.max(axis=0) + emissions[t]
    score = score + end
    best = [int(score.argmax())]
    for t in range(t_len - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


Emit = Callable[[list[Sequence[str]]], tuple[np.ndarray, np.ndarray]]


def decode(
    sentences: Sequence[Sequence[str]],
    emit: Emit,
    crf: tuple[np.ndarray, np.ndarray, np.ndarray],
    tags: Sequence[str],
    batch_size: int = 64,
) -> list[list[str]]:
    """BIOES tags for tokenised sentences: ``emit`` scores batches of similar length, Viterbi decodes.

    ``crf`` is (transitions, start, end); ``emit`` returns emissions (B, T, K) and lengths (B,).
    """
    result: list[list[str]] = [[] for _ in sentences]
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    for k in range(0, len(order), batch_size):
        idx = [i for i in order[k : k + batch_size] if sentences[i]]
        if not idx:
            continue
        em, lengths = emit([sentences[i] for i in idx])
        for row, i in enumerate(idx):
            path = viterbi(em[row, : lengths[row]], *crf)
            result[i] = [tags[p] for p in path]
    return result
