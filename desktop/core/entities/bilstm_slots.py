"""The fused recurrence over many sentences in a fixed number of row slots.

:func:`~desktop.core.entities.bilstm_fused.fused_scores` runs a batch of sentences sorted longest
first: its running rows shrink as sentences end, so the last steps of a batch multiply a few rows
(each product still reads all of the recurrent weights), and a batch takes as many steps as its
longest sentence. Here a sentence that ends hands its slot to the next one waiting (its state and
cell start from zero again): every step multiplies about ``slots`` rows until the last sentences
run out. The sentences are placed longest first on the slot that frees first, so the slots end
close together.

Cancel is honoured between steps (a group may hold the sentences of many batches). Each row of a
step is computed as in :func:`~desktop.core.entities.bilstm_fused._recurrence`, and a row's
products do not depend on the other rows, so the scores are the same but where the BLAS takes
another kernel for a product of very few rows (a sorted batch's last steps): in their last bits
(99 of the 23,183 sentences of 10kGNAD test, none of their tags).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np

from desktop.core.cancel import raise_if_cancelled
from desktop.core.entities.bilstm_fused import FusedWeights, _product_rows, lstm_cell

SLOTS = 64
"""Rows per step (the batch of the sorted pass): more cost more per row (buffers out of the cache)."""


@dataclass(frozen=True)
class Schedule:
    """Where each token of sentences laid out flat (sentence after sentence) is computed.

    Step ``s``, slot ``r`` reads forwards token ``fwd[s, r]`` and backwards token ``bwd[s, r]``
    (-1 where the slot is idle); ``fresh[s]`` lists the slots starting a sentence at step ``s``;
    ``rows[s]`` is one past the last busy slot.
    """

    fwd: np.ndarray  # (steps, slots) flat token index or -1
    bwd: np.ndarray  # (steps, slots)
    fresh: list[np.ndarray]  # per step: slots that start a sentence
    rows: list[int]  # per step: slots to compute (a prefix)
    step: np.ndarray  # (N,) the step reading each token forwards
    back_step: np.ndarray  # (N,) the step reading it backwards
    slot: np.ndarray  # (N,) the slot of its sentence

    @classmethod
    def of(cls, lengths: np.ndarray, slots: int) -> Schedule:
        lengths = np.asarray(lengths, dtype=np.int64)
        slots = max(1, min(slots, len(lengths)))
        free = [(0, r) for r in range(slots)]  # (the step it frees, slot)
        start = np.zeros(len(lengths), dtype=np.int64)
        slot_of = np.zeros(len(lengths), dtype=np.int64)
        for s in np.argsort(-lengths, kind="stable").tolist():  # longest first, on the slot free first
            at, r = heapq.heappop(free)
            start[s], slot_of[s] = at, r
            heapq.heappush(free, (at + int(lengths[s]), r))
        steps = int((start + lengths).max(initial=0))
        n = int(lengths.sum())
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        position = np.arange(n, dtype=np.int64) - np.repeat(offsets, lengths)
        begins, slot = np.repeat(start, lengths), np.repeat(slot_of, lengths)
        step = begins + position
        back_step = begins + np.repeat(lengths, lengths) - 1 - position
        fwd = np.full((steps, slots), -1, dtype=np.int64)
        bwd = np.full((steps, slots), -1, dtype=np.int64)
        fwd[step, slot] = np.arange(n, dtype=np.int64)
        bwd[back_step, slot] = np.arange(n, dtype=np.int64)
        busy = fwd >= 0
        last = np.where(busy.any(axis=1), slots - np.argmax(busy[:, ::-1], axis=1), 0)
        fresh: list[list[int]] = [[] for _ in range(steps)]
        for s in np.nonzero(lengths)[0].tolist():
            fresh[int(start[s])].append(int(slot_of[s]))
        return cls(
            fwd=fwd,
            bwd=bwd,
            fresh=[np.array(sorted(f), dtype=np.int64) for f in fresh],
            rows=last.tolist(),
            step=step,
            back_step=back_step,
            slot=slot,
        )


def slot_scores(
    proj: np.ndarray, inverse: np.ndarray, lengths: np.ndarray, weights: FusedWeights, slots: int = SLOTS
) -> np.ndarray:
    """Mean tag scores (N, K) of the members, the first layer's projections (U, 2M, 4H) given.

    A one-layer network only (the shipped models); see :func:`fused_scores` for deeper ones.
    """
    assert len(weights.hh) == 1, "slots serve one-layer networks"
    states = _slot_recurrence(proj, inverse, Schedule.of(lengths, slots), weights.hh[0])
    scores = states @ weights.out_w + weights.out_b[:, None, :]
    return scores.mean(axis=0)


def _slot_recurrence(proj: np.ndarray, inverse: np.ndarray, plan: Schedule, w_hh: np.ndarray) -> np.ndarray:
    """States (M, N, 2H) of every token, the steps as :func:`~bilstm_fused._recurrence` computes them."""
    columns, stacks, g = proj.shape
    m, h_dim = stacks // 2, g // 4
    steps, b = plan.fwd.shape
    if len(inverse) == 0:
        return np.zeros((m, 0, 2 * h_dim), dtype=proj.dtype)
    rows = np.append(inverse, 0) * 2  # an idle slot (index -1) reads token 0; its rows are never used
    index = np.empty((steps, b, 2), dtype=np.int64)  # (step, slot, direction) into ``halves``
    index[..., 0] = rows[plan.fwd]
    index[..., 1] = rows[plan.bwd] + 1
    halves = proj.reshape(columns * 2, m * g)
    c = np.zeros((b, stacks, h_dim), dtype=proj.dtype)
    out = np.zeros((steps, b, stacks, h_dim), dtype=proj.dtype)
    gate_buffer = np.empty((b, stacks, g), dtype=proj.dtype)
    by_stack = gate_buffer.transpose(1, 0, 2)
    input_buffer = np.empty((b, 2, m * g), dtype=proj.dtype)
    product_buffer = np.empty((b, stacks, h_dim), dtype=proj.dtype)
    with np.errstate(over="ignore", invalid="ignore"):  # idle slots compute what nobody reads
        for step, n in enumerate(plan.rows):
            raise_if_cancelled()  # a group takes up to a few tenths of a second: Cancel between steps
            if n == 0:
                continue
            gates = gate_buffer[:n]
            fresh = plan.fresh[step]
            if step:
                rounded = _product_rows(n, b)
                np.matmul(out[step - 1, :rounded].transpose(1, 0, 2), w_hh, out=by_stack[:, :rounded])
                inputs = input_buffer[:n]
                np.take(halves, index[step, :n], axis=0, out=inputs, mode="clip")
                flat_inputs = inputs.reshape(n, stacks, g)
                gates += flat_inputs
                if len(fresh):  # a sentence starts: no state before it (as at a batch's first step)
                    gates[fresh] = flat_inputs[fresh]
                    c[fresh] = 0.0
            else:
                np.take(halves, index[0, :n], axis=0, out=gates.reshape(n, 2, m * g), mode="clip")
            lstm_cell(gates, c[:n], product_buffer[:n], out[step, :n], h_dim)
    flat = out.reshape(steps * b * stacks, h_dim)
    member = np.arange(m, dtype=np.int64)[:, None]
    at = np.empty((m, len(plan.step), 2), dtype=np.int64)  # (member, token, direction) rows of ``flat``
    at[..., 0] = (plan.step * b + plan.slot)[None, :] * stacks + member
    at[..., 1] = (plan.back_step * b + plan.slot)[None, :] * stacks + member + m
    return flat.take(at, axis=0).reshape(m, len(plan.step), 2 * h_dim)
