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

    def crf(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Mean CRF transition, start and end scores."""
        trans, start, end = self._crf
        return trans, start, end

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Mean tag scores (B, T, K) of all members and the sentence lengths."""
        lay = Layout.of(np.array([len(s) for s in sentences], dtype=np.int64))
        floret = floret_vectors(self.vectors, [tok for s in sentences for tok in s])
        x = np.stack([m.token_features(sentences, floret) for m in self.members])  # (M, N, D)
        scores = bilstm_tokens(x, lay, self.prepared, self.layers).mean(axis=0)
        return pad_rows(scores, lay.padded), lay.lengths

    def tag(self, sentences: Sequence[Sequence[str]], batch_size: int = 64) -> list[list[str]]:
        """BIOES tags for tokenised sentences."""
        return decode(sentences, self.emissions, self.crf(), self.tags, batch_size)
