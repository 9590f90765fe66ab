"""The ensemble's forward pass with both directions of every member in one loop over the time steps.

:class:`ProjectionCache` keeps the first layer's input projections (features times input weights,
plus bias) of the tokens an ensemble has seen: a token's projection depends on its text alone, so
frequent words ("der", ",", "Regierung") are projected once per process instead of once per
occurrence, and their features (floret look-up, character CNN) are not computed again either.

:func:`fused_scores` then runs the recurrence of all members in both directions at once: the
stacks are (member 1 forwards, …, member M forwards, member 1 backwards, …), each step gathers
the running rows' projections straight from the cache (no padded copy of the whole batch), and
the gates' sigmoid and tanh come from one ``exp`` of weights scaled by -2 (see
:meth:`FusedWeights.of`), so the scores equal the step-by-step pass's
(:func:`~desktop.core.entities.bilstm_ops.lstm_recurrence`) within float rounding.

Projections, cached rows and the recurrence's buffers are laid out token first ((tokens, stacks,
4H)): a token's rows, a step's running rows, are one contiguous block each, so the gathers copy
whole blocks and the element-wise steps run over one contiguous array (the matrix products read
and write the stacks' strided views, which gives the same numbers).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from desktop.core.entities.bilstm_ops import Layout, floret_vectors

if TYPE_CHECKING:
    from spacy.vectors import Vectors


CACHE_TOKENS = 256
"""Tokens a new :class:`ProjectionCache` holds (12.8 KB each for two members): about 3.3 MB per
language in the window's process, whose memory has a ceiling; an import's worker processes, which
tag thousands of articles, keep more (a bigger cache saves little: 4x more saved about 1.3 ms an article)."""

FEATURE_TOKENS = 2048
"""Tokens whose input features (1.7 KB each for two members) a new :class:`ProjectionCache` keeps
besides the projections: 3.4 MB per language in the window's process; import workers keep more."""


class FeatureMember(Protocol):
    """What the cache needs of one member (:class:`~desktop.core.entities.bilstm.BiLSTMModel`)."""

    def word_features(self, tokens: Sequence[str], floret: np.ndarray | None = None) -> np.ndarray: ...


@dataclass(frozen=True)
class FusedWeights:
    """The prepared weights of the first ``count`` members, laid out for the fused pass.

    Per layer the input weights (2M, D, 4H), biases (2M, 4H) and recurrent weights (2M, H, 4H) of
    the stacks (member 1 forwards, …, member M forwards, member 1 backwards, …); then the output
    layer.
    """

    ih: list[np.ndarray]
    bias: list[np.ndarray]
    hh: list[np.ndarray]
    out_w: np.ndarray
    out_b: np.ndarray

    @classmethod
    def of(cls, prepared: dict[str, np.ndarray], layers: int, count: int) -> FusedWeights:
        """From weights made by :func:`~desktop.core.entities.bilstm_ops.prepare` (member axis first).

        The LSTM's weights and biases are multiplied by -2 (exactly: a power of two), so a step's
        gate sums come out as -x for the input, forget and output gates (which ``prepare`` halved)
        and -2x for the cell candidate: one ``exp`` of them gives both sigmoid(x) = 1 / (1 + exp(-x))
        and tanh(x) = 2 / (1 + exp(-2x)) - 1 (see :func:`_recurrence`).
        """
        ih, bias, hh = [], [], []
        for layer in range(layers):
            key = f"l{layer}"
            for name, into in (("ih", ih), ("b", bias), ("hh", hh)):
                both = [prepared[f"{key}_{name}"][:count], prepared[f"{key}_r_{name}"][:count]]
                into.append(np.ascontiguousarray(np.concatenate(both) * np.float32(-2.0)))
        return cls(ih, bias, hh, prepared["out_w"][:count], prepared["out_b"][:count])

    @property
    def members(self) -> int:
        return int(self.out_w.shape[0])

    def project(self, x: np.ndarray, layer: int, out: np.ndarray | None = None) -> np.ndarray:
        """Input projections (N, 2M, 4H), token first, of features (M, N, D) for ``layer``'s stacks.

        ``x`` may be a strided view (the features of a token first table); ``out`` (N, 2M, 4H)
        receives the result when given.
        """
        w = self.ih[layer]
        m = x.shape[0]
        if out is None:
            out = np.empty((x.shape[1], 2 * m, w.shape[-1]), dtype=np.result_type(x, w))
        stacks = out.transpose(1, 0, 2)  # (2M, N, 4H) views of the same memory
        np.matmul(x, w[:m], out=stacks[:m])  # forwards
        np.matmul(x, w[m:], out=stacks[m:])  # backwards
        out += self.bias[layer]
        return out


class RowTable:
    """Rows (capacity, S, F) of per-token arrays for at most ``limit`` tokens, the least used replaced first.

    When full, new tokens take the rows of the tokens used by the fewest batches (a word seen once
    makes room before "der"). The table is allocated at its full size on the first store (its
    pages are only touched as rows are written), so it is never copied to grow (growing by
    doubling cost an import worker about 0.4 s of CPU on its first thousand articles). Not locked:
    its owner holds the lock.
    """

    def __init__(self, limit: int) -> None:
        self.limit = max(0, limit)
        self._index: dict[str, int] = {}
        self._table: np.ndarray | None = None  # (limit, S, F); the first len(_owner) rows used
        self._hits = np.zeros(0, dtype=np.int64)
        self._owner: list[str] = []  # the token of each used row

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, token: str) -> bool:
        return token in self._index

    @property
    def index(self) -> dict[str, int]:
        """The row of each held token (read only)."""
        return self._index

    @property
    def width(self) -> tuple[int, int]:
        """(S, F), the shape of a row ((0, 0) before the first is stored)."""
        return (0, 0) if self._table is None else (int(self._table.shape[1]), int(self._table.shape[2]))

    def take(self, tokens: Sequence[str], out: np.ndarray | None = None) -> np.ndarray:
        """The rows (len(tokens), S, F) of ``tokens`` (all held; into ``out``), counted as used once more."""
        assert self._table is not None
        rows = np.array([self._index[t] for t in tokens], dtype=np.int64)
        self._hits[rows] += 1
        return np.take(self._table, rows, axis=0, out=out, mode="clip")  # rows are in range

    def store(self, tokens: list[str], values: np.ndarray) -> None:
        """Keep the new tokens' rows ``values`` (len(tokens), S, F); when full, in the least used rows."""
        tokens, values = tokens[: self.limit], values[: self.limit]
        if not tokens:
            return
        used = len(self._owner)
        if self._table is None:
            self._table = np.empty((self.limit, *values.shape[1:]), values.dtype)
            self._hits = np.zeros(self.limit, dtype=np.int64)
        fresh = min(len(tokens), self.limit - used)
        slots = list(range(used, used + fresh))
        self._owner.extend(tokens[:fresh])
        evict = len(tokens) - fresh
        if evict:
            victims = (
                np.argpartition(self._hits[:used], evict - 1)[:evict] if evict < used else np.arange(used)
            )
            for row in victims.tolist():
                del self._index[self._owner[row]]
                self._owner[row] = tokens[len(slots)]
                slots.append(row)
        if fresh == len(tokens):  # consecutive rows: one block
            self._table[used : used + fresh] = values
            self._hits[used : used + fresh] = 1
        else:
            rows = np.array(slots, dtype=np.int64)
            self._table[rows] = values
            self._hits[rows] = 1
        for token, row in zip(tokens, slots, strict=True):
            self._index[token] = row


class ProjectionCache:
    """First-layer input projections of the tokens seen so far, for one ensemble and member count.

    Holds the projections of at most ``limit`` tokens (:data:`CACHE_TOKENS` by default) and the
    members' input features of at most ``features`` tokens (:data:`FEATURE_TOKENS`), about an
    eighth of a projection's size each: a token whose projection made room is then projected
    again, without computing its floret vector and character CNN anew. Safe to share between
    threads (one lock around the tables).
    """

    def __init__(
        self,
        members: Sequence[FeatureMember],
        vectors: Vectors,
        weights: FusedWeights,
        *,
        limit: int | None = None,
        features: int | None = None,
    ) -> None:
        self.members = list(members)
        self.weights = weights
        self._vectors = vectors
        self._lock = threading.Lock()
        self._projections = RowTable(max(1, CACHE_TOKENS if limit is None else limit))
        self._features = RowTable(FEATURE_TOKENS if features is None else features)

    def __len__(self) -> int:
        return len(self._projections)

    def projections(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Projections (U, 2M, 4H) of the U distinct ``tokens`` and each token's row (N,)."""
        distinct = dict.fromkeys(tokens)
        stacks, g = 2 * self.weights.members, self.weights.hh[0].shape[-1]
        out = np.empty((len(distinct), stacks, g), dtype=np.float32)
        table = self._projections
        with self._lock:  # the known tokens' rows first, then the new ones'
            held = table.index
            known = [t for t in distinct if t in held]
            new = [t for t in distinct if t not in held]
            if known:
                table.take(known, out=out[: len(known)])
            if new:
                computed = self._compute(new, out[len(known) :])
                table.store(new, computed)
        column = {t: i for i, t in enumerate(known + new)}
        return out, np.array([column[t] for t in tokens], dtype=np.int64)

    def _compute(self, tokens: list[str], out: np.ndarray) -> np.ndarray:
        """Projections of ``tokens`` into ``out``; their features from the feature table where it has them."""
        kept = self._features
        held = [t for t in tokens if t in kept.index]
        if not held:
            x = self._word_features(tokens)
            kept.store(tokens, x)
            return self.weights.project(x.transpose(1, 0, 2), 0, out)
        missing = [t for t in tokens if t not in kept.index]
        x = np.empty((len(tokens), *kept.width), dtype=np.float32)
        position = {t: i for i, t in enumerate(tokens)}
        x[[position[t] for t in held]] = kept.take(held)
        if missing:
            computed = self._word_features(missing)
            x[[position[t] for t in missing]] = computed
            kept.store(missing, computed)
        return self.weights.project(x.transpose(1, 0, 2), 0, out)

    def _word_features(self, tokens: list[str]) -> np.ndarray:
        """Features (N, M, D) of ``tokens``, token first."""
        floret = floret_vectors(self._vectors, tokens)
        return np.stack([m.word_features(tokens, floret) for m in self.members], axis=1)


def fused_scores(proj: np.ndarray, inverse: np.ndarray, lay: Layout, weights: FusedWeights) -> np.ndarray:
    """Mean tag scores (N, K) of the members for a batch laid out by ``lay``.

    ``proj`` (U, 2M, 4H) and ``inverse`` (N,) are the first layer's projections as
    :meth:`ProjectionCache.projections` gives them; further layers project the states below.
    """
    m = weights.members
    states = _recurrence(proj, inverse, lay, weights.hh[0])
    for layer in range(1, len(weights.hh)):
        below = weights.project(states, layer)
        states = _recurrence(below, np.arange(below.shape[0], dtype=np.int64), lay, weights.hh[layer])
    scores = states @ weights.out_w + weights.out_b[:, None, :]
    assert scores.shape[0] == m
    return scores.mean(axis=0)


def _recurrence(proj: np.ndarray, inverse: np.ndarray, lay: Layout, w_hh: np.ndarray) -> np.ndarray:
    """States (M, N, 2H) (forwards, backwards) of every token from projections (U, 2M, 4H), token first.

    Projections and ``w_hh`` are those of :class:`FusedWeights` (times -2). Each step reads the
    previous step's states where it wrote them (rows sorted longest first, so the running rows
    are a prefix) and works in buffers made once per batch, laid out row first (B, 2M, …): the
    running rows' gates, states and cells are one contiguous block, and a row's forward stacks
    (its token's projections) are one block, its backward stacks another. s = 1 / (1 + exp(gates))
    is the sigmoid of the input, forget and output gates and (2s - 1) the tanh of the cell candidate.
    """
    columns, stacks, g = proj.shape
    m, h_dim = stacks // 2, g // 4
    b, t_len = lay.fwd.shape
    if len(inverse) == 0:
        return np.zeros((m, 0, 2 * h_dim), dtype=proj.dtype)
    rows = np.append(inverse, 0) * 2  # padding (index N) reads token 0; its rows are never computed
    index = np.empty((t_len, b, 2), dtype=np.int64)  # (step, row, direction) into ``halves``
    index[..., 0] = rows[lay.fwd.T]
    index[..., 1] = rows[lay.bwd.T] + 1
    halves = proj.reshape(columns * 2, m * g)  # each token's forward stacks, then its backward ones
    c = np.zeros((b, stacks, h_dim), dtype=proj.dtype)
    out = np.zeros((t_len, b, stacks, h_dim), dtype=proj.dtype)  # rows past the running ones are read
    gate_buffer = np.empty((b, stacks, g), dtype=proj.dtype)
    by_stack = gate_buffer.transpose(1, 0, 2)  # (2M, B, 4H): what each stack's product writes
    input_buffer = np.empty((b, 2, m * g), dtype=proj.dtype)
    product_buffer = np.empty((b, stacks, h_dim), dtype=proj.dtype)
    with np.errstate(over="ignore"):  # exp overflows to inf for gates far below zero: sigmoid 0
        for step, n in enumerate(lay.running.tolist()):
            if n == 0:
                break
            gates = gate_buffer[:n]
            if step:
                rounded = _product_rows(n, b)
                np.matmul(out[step - 1, :rounded].transpose(1, 0, 2), w_hh, out=by_stack[:, :rounded])
                inputs = input_buffer[:n]
                np.take(halves, index[step, :n], axis=0, out=inputs, mode="clip")
                gates += inputs.reshape(n, stacks, g)
            else:  # the state before the first step is zero
                np.take(halves, index[0, :n], axis=0, out=gates.reshape(n, 2, m * g), mode="clip")
            lstm_cell(gates, c[:n], product_buffer[:n], out[step, :n], h_dim)
    return _token_states(out, lay, m)


def lstm_cell(
    gates: np.ndarray, cell: np.ndarray, product: np.ndarray, state: np.ndarray, h_dim: int
) -> None:
    """One step of the cells, in place, with the gates as the fused weights lay them out (input, forget,
    output, candidate; see :class:`FusedWeights`): ``gates`` become the gates' values, ``cell`` the new
    cell, ``state`` the new output state; ``product`` is scratch space of the cell's shape."""
    np.exp(gates, out=gates)
    gates += 1.0
    np.divide(1.0, gates, out=gates)  # the same as np.reciprocal, in about half its time
    candidate = gates[..., 3 * h_dim :]
    candidate *= 2.0
    candidate -= 1.0  # tanh of the cell candidate
    cell *= gates[..., h_dim : 2 * h_dim]
    np.multiply(gates[..., :h_dim], candidate, out=product)
    cell += product
    np.tanh(cell, out=state)
    state *= gates[..., 2 * h_dim : 3 * h_dim]


def _product_rows(n: int, b: int) -> int:
    """Rows to multiply for ``n`` running rows of ``b``: a multiple of four from two on.

    The BLAS multiplies four, eight or twelve rows faster than three, seven or eleven (measured:
    (2..3, 200) @ (200, 800) took longer than (4, 200) @ (200, 800)); the extra rows' results
    are not used.
    """
    return n if n == 1 else min(b, -(-n // 4) * 4)


def _token_states(out: np.ndarray, lay: Layout, m: int) -> np.ndarray:
    """Each token's states (M, N, 2H), forwards then backwards, from the step buffer (T, B, 2M, H)."""
    t_len, b, stacks, h_dim = out.shape
    flat = out.reshape(t_len * b * stacks, h_dim)
    member = np.arange(m, dtype=np.int64)[:, None]
    index = np.empty((m, len(lay.rows), 2), dtype=np.int64)  # (member, token, direction) rows of ``flat``
    index[..., 0] = (lay.steps * b + lay.rows)[None, :] * stacks + member
    index[..., 1] = (lay.back_steps * b + lay.rows)[None, :] * stacks + member + m
    return flat.take(index, axis=0).reshape(m, len(lay.rows), 2 * h_dim)
