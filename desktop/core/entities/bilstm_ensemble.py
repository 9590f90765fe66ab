"""One or more BiLSTM-CRF models of one language that tag together.

A single model tags as an ensemble of one. The members' emission scores and CRF potentials
are averaged, so Viterbi finds the tag path with the best mean score of all members (a product
of experts). The members share the floret
vectors and the tokenizer, and their equally shaped LSTMs run stacked: one Python loop over the
time steps serves every member in both directions (:mod:`~desktop.core.entities.bilstm_fused`).

A model directory becomes an ensemble with an ``ensemble.json`` beside its own weights::

    {"members": ["member-2", "member-3"]}

listing sub-directories that hold each further member's ``config.json`` and ``weights.npz``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from desktop.core.entities.bilstm_fused import FusedWeights, ProjectionCache, fused_scores
from desktop.core.entities.bilstm_ops import Layout, decode, pad_rows, prepare
from desktop.core.entities.bilstm_slots import slot_scores
from desktop.core.entities.bilstm_tokens import MAX_SENT_TOKENS

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.vectors import Vectors

ENSEMBLE_FILE = "ensemble.json"
_STACKED = ("_ih", "_hh", "_b", "_ih_r", "_hh_r", "_b_r")


class Member(Protocol):
    """What the ensemble needs of one model (:class:`~desktop.core.entities.bilstm.BiLSTMModel`)."""

    config: dict
    weights: dict[str, np.ndarray]
    vectors: Vectors
    tokenizer: Tokenizer
    tags: list[str]
    dot_split: frozenset[str]
    join_hyphens: bool

    def token_features(
        self, sentences: Sequence[Sequence[str]], floret: np.ndarray | None = None
    ) -> np.ndarray: ...

    def word_features(self, tokens: Sequence[str], floret: np.ndarray | None = None) -> np.ndarray: ...


class BiLSTMEnsemble:
    """The members (one or more) of one language that tag as one model."""

    def __init__(self, members: Sequence[Member]) -> None:
        if not members:
            raise ValueError("An ensemble needs at least one member.")
        first = members[0]
        self.members = list(members)
        self.layers = int(first.config["layers"])
        for m in self.members[1:]:
            if m.tags != first.tags or int(m.config["layers"]) != self.layers:
                raise ValueError("Ensemble members must have the same tags and layers.")
            if any(m.weights[k].shape != first.weights[k].shape for k in self._stacked_names()):
                raise ValueError("Ensemble members must have equally shaped LSTMs.")
        self.tokenizer = first.tokenizer
        self.tags = first.tags
        self.dot_split = first.dot_split
        self.join_hyphens = first.join_hyphens
        self.vectors = first.vectors
        stacked = {k: np.stack([m.weights[k] for m in self.members]) for k in self._stacked_names()}
        self.prepared = prepare(stacked, self.layers)
        n = len(self.members)
        self._crf = tuple(
            sum(m.weights[k] for m in self.members) / n for k in ("crf_trans", "crf_start", "crf_end")
        )
        self._lock = threading.Lock()
        self._caches: dict[int, ProjectionCache] = {}

    def _stacked_names(self) -> list[str]:
        names = [f"l{layer}{suffix}" for layer in range(self.layers) for suffix in _STACKED]
        return [*names, "out_w", "out_b"]

    def crf(self, members: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Mean CRF transition, start and end scores (of the first ``members`` only, when given)."""
        if members is None or members >= len(self.members):
            trans, start, end = self._crf
            return trans, start, end
        chosen = self.members[:members]
        trans, start, end = (
            sum(m.weights[k] for m in chosen) / len(chosen) for k in ("crf_trans", "crf_start", "crf_end")
        )
        return trans, start, end

    def cache(self, members: int | None = None) -> ProjectionCache:
        """The projection cache of the first ``members`` (all by default), made on first use."""
        count = len(self.members) if members is None else max(1, min(members, len(self.members)))
        with self._lock:
            if count not in self._caches:
                weights = FusedWeights.of(self.prepared, self.layers, count)
                self._caches[count] = ProjectionCache(self.members[:count], self.vectors, weights)
            return self._caches[count]

    def emissions(
        self, sentences: Sequence[Sequence[str]], cache: ProjectionCache | None = None, slots: int = 64
    ) -> tuple[np.ndarray, np.ndarray]:
        """Mean tag scores (B, T, K) of the members and the sentence lengths.

        The first layer's input projections come from ``cache`` (by default the one of all
        members), which computes features and projections once per distinct token and keeps
        those of frequent tokens across texts; ``cache`` may serve fewer members. More sentences
        than ``slots`` run ``slots`` rows at a time (see :mod:`~desktop.core.entities.bilstm_slots`:
        the same scores).
        """
        cache = self.cache() if cache is None else cache
        lay = Layout.of(np.array([len(s) for s in sentences], dtype=np.int64))
        proj, inverse = cache.projections([t for s in sentences for t in s])
        if len(sentences) > slots and len(cache.weights.hh) == 1:
            scores = slot_scores(proj, inverse, lay.lengths, cache.weights, slots)
        else:
            scores = fused_scores(proj, inverse, lay, cache.weights)
        return pad_rows(scores, lay.padded), lay.lengths

    def tag(
        self,
        sentences: Sequence[Sequence[str]],
        batch_size: int = 64,
        members: int | None = None,
        probabilities: list[list[float]] | None = None,
    ) -> list[list[str]]:
        """BIOES tags for tokenised sentences (by the first ``members`` only, when given).

        ``batch_size`` rows run at a time; the sentences go to the network in groups of at most as
        many tokens as ``batch_size`` sentences of the longest kind have (the memory a batch may take).
        A ``probabilities`` list receives each sentence's span probabilities (see
        :func:`~desktop.core.entities.bilstm_ops.decode`).
        """
        cache = self.cache(members)
        return decode(
            sentences,
            lambda batch: self.emissions(batch, cache, batch_size),
            self.crf(members),
            self.tags,
            batch_size,
            max_tokens=batch_size * MAX_SENT_TOKENS,
            probabilities=probabilities,
        )
