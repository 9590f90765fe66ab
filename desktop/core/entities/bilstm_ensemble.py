"""One or more BiLSTM-CRF models of one language that tag together.

A single model tags as an ensemble of one. The members' emission scores and CRF potentials
are averaged, so Viterbi finds the tag path with the best mean score of all members (a product
of experts). The members share the floret
vectors and the tokenizer, and their equally shaped LSTMs run stacked: one Python loop over the
time steps serves every member.

A model directory becomes an ensemble with an ``ensemble.json`` beside its own weights::

    {"members": ["member-2", "member-3"]}

listing sub-directories that hold each further member's ``config.json`` and ``weights.npz``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from desktop.core.entities.bilstm_ops import Layout, bilstm_tokens, decode, floret_vectors, pad_rows, prepare

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

    def emissions(
        self, sentences: Sequence[Sequence[str]], features: FeatureCache | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Mean tag scores (B, T, K) of the members and the sentence lengths.

        Features are computed once per distinct token (a text repeats its words: fewer floret
        look-ups and character convolutions) and then spread to the tokens; ``features`` keeps
        them across the batches of one text and may name fewer members.
        """
        features = features or FeatureCache(self)
        lay = Layout.of(np.array([len(s) for s in sentences], dtype=np.int64))
        x = features.rows([t for s in sentences for t in s])  # (M, N, D)
        scores = bilstm_tokens(x, lay, features.weights, self.layers).mean(axis=0)
        return pad_rows(scores, lay.padded), lay.lengths

    def tag(
        self, sentences: Sequence[Sequence[str]], batch_size: int = 64, members: int | None = None
    ) -> list[list[str]]:
        """BIOES tags for tokenised sentences (by the first ``members`` only, when given)."""
        features = FeatureCache(self, members)
        return decode(
            sentences, lambda batch: self.emissions(batch, features), self.crf(members), self.tags, batch_size
        )


class FeatureCache:
    """Input features of the distinct tokens of one text, for the members that tag it.

    Holds at most ``limit`` tokens; when full it starts afresh (memory stays bounded on a
    long text, whose frequent words come back soon anyway).
    """

    def __init__(self, ensemble: BiLSTMEnsemble, members: int | None = None, limit: int = 20_000) -> None:
        count = len(ensemble.members) if members is None else max(1, min(members, len(ensemble.members)))
        self._ensemble = ensemble
        self.members = ensemble.members[:count]
        self.weights = (
            ensemble.prepared
            if count == len(ensemble.members)
            else {k: v[:count] for k, v in ensemble.prepared.items()}
        )
        self._limit = limit
        self._index: dict[str, int] = {}
        self._table: np.ndarray | None = None  # (M, capacity, D); the first len(_index) rows are used

    def rows(self, tokens: Sequence[str]) -> np.ndarray:
        """Features (M, N, D) of ``tokens``, computing those of tokens not seen before."""
        new = list(dict.fromkeys(t for t in tokens if t not in self._index))
        if len(self._index) + len(new) > self._limit:
            self._index, self._table = {}, None
            new = list(dict.fromkeys(tokens))
        if new:
            floret = floret_vectors(self._ensemble.vectors, new)
            block = np.stack([m.word_features(new, floret) for m in self.members])
            used = len(self._index)
            if self._table is None or used + len(new) > self._table.shape[1]:
                size = max(min(2 * (used + len(new)), self._limit), used + len(new), 1024)
                grown = np.empty((block.shape[0], size, block.shape[2]), block.dtype)
                if self._table is not None:
                    grown[:, :used] = self._table[:, :used]
                self._table = grown
            self._table[:, used : used + len(new)] = block
            for token in new:
                self._index[token] = len(self._index)
        assert self._table is not None
        index = self._index
        return self._table[:, np.array([index[t] for t in tokens], dtype=np.int64)]
