"""The numpy building blocks of the BiLSTM-CRF forward pass: LSTM, character CNN, Viterbi.

:func:`bilstm_tokens` also runs several equally shaped networks at once (a leading member axis on
the inputs and the :func:`prepare`-d weights); the ensemble's own pass, which also runs both
directions in one loop and caches input projections, is in :mod:`~desktop.core.entities.bilstm_fused`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop.core.cancel import raise_if_cancelled
from desktop.core.entities.bilstm_marginals import span_confidences

if TYPE_CHECKING:
    from spacy.vectors import Vectors


def floret_vectors(vectors: Vectors, tokens: Sequence[str]) -> np.ndarray:
    """Frozen floret vectors (n_tokens, dim) as float32."""
    if not tokens:
        return np.zeros((0, vectors.shape[1]), dtype=np.float32)
    return np.asarray(vectors.get_batch(list(tokens)), dtype=np.float32)


@dataclass(frozen=True)
class Layout:
    """Where the tokens of a batch of sentences sit.

    Token features come flat: sentence after sentence, N tokens in all. The LSTM runs on padded
    rows, longest sentence first, so each time step computes only the rows still running. The
    index arrays map between the two; index N stands for padding (a zero row appended to the flat
    array).
    """

    lengths: np.ndarray  # (B,) in the batch's own order
    fwd: np.ndarray  # (B, T) flat index of step t of sorted row r, reading forwards
    bwd: np.ndarray  # (B, T) the same, reading each sentence backwards
    running: np.ndarray  # (T,) rows still running at step t
    rows: np.ndarray  # (N,) sorted row of each flat token
    steps: np.ndarray  # (N,) forward step of each flat token
    back_steps: np.ndarray  # (N,) backward step of each flat token
    padded: np.ndarray  # (B, T) flat index of token t of sentence b, in the batch's own order

    @classmethod
    def of(cls, lengths: np.ndarray) -> Layout:
        lengths = np.asarray(lengths, dtype=np.int64)
        n, t = int(lengths.sum()), int(lengths.max(initial=0))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        order = np.argsort(-lengths, kind="stable")
        pos = np.arange(t)[None, :]
        live = pos < lengths[order][:, None]
        fwd = np.where(live, starts[order][:, None] + pos, n)
        bwd = np.where(live, starts[order][:, None] + lengths[order][:, None] - 1 - pos, n)
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        rows = np.repeat(rank, lengths)
        steps = np.arange(n) - np.repeat(starts, lengths)
        own = np.where(pos < lengths[:, None], starts[:, None] + pos, n)
        return cls(
            lengths=lengths,
            fwd=fwd,
            bwd=bwd,
            running=live.sum(axis=0),
            rows=rows,
            steps=steps,
            back_steps=np.repeat(lengths, lengths) - 1 - steps,
            padded=own,
        )


def pad_rows(flat: np.ndarray, index: np.ndarray) -> np.ndarray:
    """Gather ``flat`` (..., N, F) into ``index``'s shape (..., B, T, F); index N gives zeros."""
    zero = np.zeros((*flat.shape[:-2], 1, flat.shape[-1]), dtype=flat.dtype)
    return np.take(np.concatenate([flat, zero], axis=-2), index, axis=-2)


def _ifog(a: np.ndarray, axis: int) -> np.ndarray:
    """Reorder PyTorch's gate blocks i, f, g, o along ``axis`` to i, f, o, g.

    The i, f and o blocks are halved: the recurrence then takes one tanh of all gates, since
    sigmoid(x) = (tanh(x / 2) + 1) / 2.
    """
    i, f, g, o = np.split(a, 4, axis=axis)
    return np.concatenate([0.5 * i, 0.5 * f, 0.5 * o, g], axis=axis)


def prepare(w: dict[str, np.ndarray], layers: int) -> dict[str, np.ndarray]:
    """Weights in the layout the forward pass wants, computed once per model.

    Input and recurrent matrices are transposed to (..., D, 4H) and (..., H, 4H) and their gates
    reordered to i, f, o, g (see :func:`_ifog`); works with a leading member axis.
    """
    out: dict[str, np.ndarray] = {}
    for layer in range(layers):
        for suffix in ("", "_r"):
            key = f"l{layer}{suffix}"
            out[f"{key}_ih"] = np.ascontiguousarray(_ifog(np.swapaxes(w[f"l{layer}_ih{suffix}"], -1, -2), -1))
            out[f"{key}_hh"] = np.ascontiguousarray(_ifog(np.swapaxes(w[f"l{layer}_hh{suffix}"], -1, -2), -1))
            out[f"{key}_b"] = _ifog(w[f"l{layer}_b{suffix}"], -1)
    out["out_w"] = np.ascontiguousarray(np.swapaxes(w["out_w"], -1, -2))
    out["out_b"] = w["out_b"]
    return out


def scatter_rows(flat: np.ndarray, rows: np.ndarray, steps: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Flat token rows (..., N, F) placed at (row, step) of a zero array (..., B, T, F)."""
    out = np.zeros((*flat.shape[:-2], *shape, flat.shape[-1]), dtype=flat.dtype)
    out[..., rows, steps, :] = flat
    return out


def lstm_recurrence(proj: np.ndarray, running: np.ndarray, w_hh: np.ndarray) -> np.ndarray:
    """LSTM states (..., B, T, H) from input projections (..., B, T, 4H).

    Gates come in the order i, f, o, g with i, f, o halved, and ``w_hh`` is (..., H, 4H), as
    :func:`prepare` makes them. Rows are sorted longest first: at step t only the first
    ``running[t]`` rows are computed; the others output zeros. An optional leading axis stacks
    ensemble members. The step works in place on its gate array (fewer temporaries).
    """
    *lead, b, t, _ = proj.shape
    h_dim = w_hh.shape[-2]
    h = np.zeros((*lead, b, h_dim), dtype=proj.dtype)
    c = np.zeros((*lead, b, h_dim), dtype=proj.dtype)
    out = np.zeros((*lead, b, t, h_dim), dtype=proj.dtype)
    for step in range(t):
        n = int(running[step])
        if n == 0:
            break
        gates = h[..., :n, :] @ w_hh
        gates += proj[..., :n, step, :]
        np.tanh(gates, out=gates)
        ifo = gates[..., : 3 * h_dim]
        ifo += 1.0
        ifo *= 0.5  # sigmoid of the input, forget and output gates
        cell = c[..., :n, :]
        cell *= ifo[..., h_dim : 2 * h_dim]
        cell += ifo[..., :h_dim] * gates[..., 3 * h_dim :]
        state = np.tanh(cell)
        state *= ifo[..., 2 * h_dim :]
        h[..., :n, :] = state
        out[..., :n, step, :] = state
    return out


def lstm_forward(
    x: np.ndarray, mask: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    """One LSTM direction over padded, left-aligned ``x`` (B, T, D); ``mask`` (B, T) marks real steps.

    Weights in PyTorch's layout: (4H, D), (4H, H) and (4H,); padded steps output zeros.
    """
    lengths = mask.sum(axis=1)
    lay = Layout.of(lengths)
    flat = x[mask]  # (N, D), sentence after sentence
    proj = pad_rows(flat @ _ifog(w_ih.T, -1) + _ifog(bias, -1), lay.fwd)
    out = lstm_recurrence(proj, lay.running, _ifog(w_hh.T, -1))
    result = np.zeros((*x.shape[:2], w_hh.shape[-1]), dtype=out.dtype)
    result[mask] = out[lay.rows, lay.steps]
    return result


def bilstm_tokens(x: np.ndarray, lay: Layout, pw: dict[str, np.ndarray], layers: int) -> np.ndarray:
    """Tag scores (..., N, K) of the BiLSTM + linear layer for flat token features (..., N, D).

    ``pw`` are weights made by :func:`prepare`. With a leading member axis on ``x`` the weights
    carry the same axis (stacked members).
    """
    h = x
    shape = lay.fwd.shape
    for layer in range(layers):
        states = []
        for suffix, steps in (("", lay.steps), ("_r", lay.back_steps)):
            key = f"l{layer}{suffix}"
            proj = h @ pw[f"{key}_ih"]  # real tokens only
            proj += pw[f"{key}_b"][..., None, :]
            out = lstm_recurrence(scatter_rows(proj, lay.rows, steps, shape), lay.running, pw[f"{key}_hh"])
            states.append(out[..., lay.rows, steps, :])
        h = np.concatenate(states, axis=-1)
    return h @ pw["out_w"] + pw["out_b"][..., None, :]


def bilstm_emissions(x: np.ndarray, lengths: np.ndarray, w: dict[str, np.ndarray], layers: int) -> np.ndarray:
    """Tag scores (B, T, K) for padded, left-aligned features (B, T, D) of one model (PyTorch layout)."""
    lay = Layout.of(lengths)
    mask = np.arange(x.shape[1])[None, :] < lengths[:, None]
    return pad_rows(bilstm_tokens(x[mask], lay, prepare(w, layers), layers), lay.padded)


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


def viterbi_batch(
    emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[list[int]]:
    """Best tag paths of a batch: ``emissions`` (B, T, K) of sentences of ``lengths`` (B,), all > 0.

    The same paths as :func:`viterbi` per sentence (the same sums, maxima and first-best ties);
    one loop over the time steps serves the batch. Rows are taken longest first, so a step
    computes only the sentences still running (a prefix); a sentence that has ended points back
    to the same tag.
    """
    b, t_len, k = emissions.shape
    lengths = np.asarray(lengths, dtype=np.int64)
    order = np.argsort(-lengths, kind="stable")
    em = emissions[order]
    running = (np.arange(t_len)[:, None] < lengths[order][None, :]).sum(axis=1).tolist()
    into = np.ascontiguousarray(trans.T)  # (K_next, K_prev): the maximum runs over the last axis
    score = start + em[:, 0]
    back = np.empty((b, t_len, k), dtype=np.int64)
    back[:] = np.arange(k)
    for t in range(1, t_len):
        live = running[t]
        if live == 0:
            break
        total = score[:live, None, :] + into  # (B, K_next, K_prev)
        best = total.argmax(axis=2)
        new = np.take_along_axis(total, best[:, :, None], axis=2)[:, :, 0]  # the maximum
        new += em[:live, t]
        score[:live] = new
        back[:live, t] = best
    last = (score + end).argmax(axis=1)
    paths = np.empty((b, t_len), dtype=np.int64)
    paths[:, t_len - 1] = last
    rows = np.arange(b)
    for t in range(t_len - 1, 0, -1):
        last = back[rows, t, last]
        paths[:, t - 1] = last
    result: list[list[int]] = [[] for _ in range(b)]
    for row, i in enumerate(order.tolist()):
        result[i] = paths[row, : lengths[i]].tolist()
    return result


_blas: dict[str, Any] = {}
_blas_lock = threading.Lock()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with a single BLAS thread.

    The recurrence multiplies small matrices step after step; BLAS threads that wait for one
    another there cost far more than they share, above all on a busy machine (measured: a
    0.3 MB text took 27 s of CPU with two OpenBLAS threads under load, 4.3 s with one).
    """
    with _blas_lock:
        if "controller" not in _blas:
            try:
                from threadpoolctl import ThreadpoolController

                _blas["controller"] = ThreadpoolController()
            except Exception:  # no control over BLAS threads: run as configured
                _blas["controller"] = None
    controller = _blas["controller"]
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


Emit = Callable[[list[Sequence[str]]], tuple[np.ndarray, np.ndarray]]


def decode(
    sentences: Sequence[Sequence[str]],
    emit: Emit,
    crf: tuple[np.ndarray, np.ndarray, np.ndarray],
    tags: Sequence[str],
    batch_size: int = 64,
    *,
    max_tokens: int | None = None,
    probabilities: list[list[float]] | None = None,
) -> list[list[str]]:
    """BIOES tags for tokenised sentences: ``emit`` scores batches of similar length, Viterbi decodes.

    ``crf`` is (transitions, start, end); ``emit`` returns emissions (B, T, K) and lengths (B,).
    Batches hold ``batch_size`` sentences, or with ``max_tokens`` as many as have that many tokens
    in all (at least one). A ``probabilities`` list receives, per sentence, the confidence of each
    span of its tags (in :func:`~desktop.core.entities.bilstm_marginals.bioes_spans` order; see
    :mod:`~desktop.core.entities.bilstm_marginals`).
    """
    result: list[list[str]] = [[] for _ in sentences]
    if probabilities is not None:
        probabilities[:] = [[] for _ in sentences]
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    with one_blas_thread():
        _decode_batches(sentences, order, emit, crf, tags, batch_size, result, max_tokens, probabilities)
    return result


def _batches(
    sentences: Sequence[Sequence[str]], order: list[int], size: int, tokens: int | None
) -> Iterator[list[int]]:
    """``order`` cut into batches of ``size`` sentences, or of at most ``tokens`` tokens (at least one)."""
    if tokens is None:
        for k in range(0, len(order), size):
            yield order[k : k + size]
        return
    batch: list[int] = []
    held = 0
    for i in order:
        if batch and held + len(sentences[i]) > tokens:
            yield batch
            batch, held = [], 0
        batch.append(i)
        held += len(sentences[i])
    if batch:
        yield batch


def _decode_batches(
    sentences: Sequence[Sequence[str]],
    order: list[int],
    emit: Emit,
    crf: tuple[np.ndarray, np.ndarray, np.ndarray],
    tags: Sequence[str],
    batch_size: int,
    result: list[list[str]],
    max_tokens: int | None = None,
    probabilities: list[list[float]] | None = None,
) -> None:
    for batch in _batches(sentences, order, batch_size, max_tokens):
        raise_if_cancelled()  # a long document: Cancel is honoured between batches
        idx = [i for i in batch if sentences[i]]
        if not idx:
            continue
        em, lengths = emit([sentences[i] for i in idx])
        paths = viterbi_batch(em, lengths, *crf)
        for i, path in zip(idx, paths, strict=True):
            result[i] = [tags[p] for p in path]
        if probabilities is not None:
            for i, probs in zip(idx, span_confidences(em, lengths, crf, paths, tags), strict=True):
                probabilities[i] = probs
