"""Named-entity recognition with a BiLSTM-CRF whose forward pass is pure numpy.

A model directory (``resources/models/<lang>-bilstm/``) holds ``weights.npz`` (float32 layers),
``config.json`` (tags, character and word vocabularies, hyper-parameters) and
``vectors.npy`` + the floret settings in ``config.json`` (frozen subword word vectors, served
through spaCy's :class:`~spacy.vectors.Vectors` so unknown words get vectors too).

Per token the network reads the floret vector, a character CNN, a casing/shape embedding and a
trainable embedding of frequent lowercase words; a BiLSTM and a linear layer give BIOES tag
scores that a Viterbi decoder turns into spans. Training lives in ``tools/train_bilstm.py``.

A directory with an ``ensemble.json`` holds further members that tag together with it; the app
always tags through :class:`~desktop.core.entities.bilstm_ensemble.BiLSTMEnsemble` (of one model
when there are no further members), which :func:`load_tagger` returns.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop.core import locations
from desktop.core.entities.bilstm_ensemble import ENSEMBLE_FILE, BiLSTMEnsemble
from desktop.core.entities.bilstm_marginals import bioes_spans
from desktop.core.entities.bilstm_ops import Layout, bilstm_emissions, char_cnn, floret_vectors, pad_rows
from desktop.core.entities.bilstm_tokens import gold_style, spacy_tokenizer, spacy_tokens, split_sentences
from desktop.core.entities.chunks import document_length
from desktop.core.entities.recognizer import ModelCache, ModelUnavailableError
from desktop.core.types import EntitySpan, EntityType

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.vectors import Vectors

LABEL_TYPES: dict[str, EntityType] = {
    "PER": "person",
    "ORG": "organization",
    "LOC": "location",
    "MISC": "other",
}
SHAPES = ("pad", "lower", "title", "upper", "mixed", "digit", "alnum", "punct", "other")
PAD, UNK = 0, 1  # reserved ids in the character and word vocabularies
# Beyond this many characters (of the whole document, when a chunk of it is tagged) the first
# ensemble member tags alone: about half the time of two members, at a cost of about 0.01 F1
# (GermEval dev, app pipeline: 0.819 with both, see README).
LONG_TEXT_CHARS = 200_000
_PARAGRAPH = re.compile(r"[^\n]+")


class BiLSTMModelError(ModelUnavailableError):
    """A BiLSTM model directory exists but is incomplete or unreadable."""


def default_models_dir() -> Path:
    """The shipped ``resources/models`` (see :mod:`desktop.core.locations`)."""
    return locations.models_dir()


# ---------------------------------------------------------------- features (shared with training)


def word_shape(token: str) -> int:
    """Index into :data:`SHAPES` describing the casing / character class of ``token``."""
    if token.isalpha():
        if token.islower():
            return 1
        if token.isupper():
            return 3 if len(token) > 1 else 2
        if token[0].isupper() and token[1:].islower():
            return 2
        return 4
    if any(c.isdigit() for c in token):
        return 5 if all(c.isdigit() or c in ".,:/-" for c in token) else 6
    if token.isalnum() or any(c.isalpha() for c in token):
        return 6
    if all(not c.isalnum() for c in token):
        return 7
    return 8


def char_matrix(tokens: Sequence[str], char_index: dict[str, int], max_chars: int) -> np.ndarray:
    """Character ids (n_tokens, max_chars), long tokens keep their first and last characters."""
    position: dict[str, int] = {}
    rows = [position.setdefault(tok, len(position)) for tok in tokens]  # each distinct token once
    out = np.zeros((len(position), max_chars), dtype=np.int64)
    half = max_chars // 2
    for tok, i in position.items():
        chars = tok if len(tok) <= max_chars else tok[:half] + tok[len(tok) - (max_chars - half) :]
        out[i, : len(chars)] = [char_index.get(c, UNK) for c in chars]
    return out[np.array(rows, dtype=np.int64)] if rows else out


def word_ids(tokens: Sequence[str], word_index: dict[str, int]) -> np.ndarray:
    """Ids of the lowercased tokens in the trainable word vocabulary (UNK when absent)."""
    return np.array([word_index.get(t.lower(), UNK) for t in tokens], dtype=np.int64)


@dataclass
class BiLSTMModel:
    """Loaded weights, vocabularies and vectors of one language."""

    config: dict[str, Any]
    weights: dict[str, np.ndarray]
    vectors: Vectors
    tokenizer: Tokenizer
    char_index: dict[str, int]
    word_index: dict[str, int]
    tags: list[str]
    dot_split: frozenset[str] = frozenset()
    join_hyphens: bool = True

    def token_features(
        self, sentences: Sequence[Sequence[str]], floret: np.ndarray | None = None
    ) -> np.ndarray:
        """Input features (N, D) of all tokens, sentence after sentence.

        ``floret`` may pass the tokens' floret vectors when they are already computed (the
        members of an ensemble share them).
        """
        return self.word_features([tok for s in sentences for tok in s], floret)

    def word_features(self, tokens: Sequence[str], floret: np.ndarray | None = None) -> np.ndarray:
        """Input features (N, D) of a flat list of tokens (``floret``: their vectors, when known)."""
        w = self.weights
        parts = [floret_vectors(self.vectors, tokens) if floret is None else floret]
        chars = char_matrix(tokens, self.char_index, int(self.config["max_chars"]))
        parts.append(char_cnn(chars, w["char_emb"], w["char_conv_w"], w["char_conv_b"]))
        shape_ids = [word_shape(t) for t in tokens]
        parts.append(w["shape_emb"][np.array(shape_ids, dtype=np.int64)])
        parts.append(w["word_emb"][word_ids(tokens, self.word_index)])
        return np.concatenate(parts, axis=1).astype(np.float32, copy=False)

    def features(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Padded input features (B, T, D) and lengths for tokenised sentences."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        return pad_rows(self.token_features(sentences), Layout.of(lengths).padded), lengths

    def emissions(self, x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Tag scores (B, T, K) for padded features."""
        return bilstm_emissions(x, lengths, self.weights, int(self.config["layers"]))


def load_model(path: Path, shared: BiLSTMModel | None = None) -> BiLSTMModel:
    """Read a model directory (config.json, weights.npz, vectors.npy).

    With ``shared`` (another member of the same ensemble) the vectors and the tokenizer are
    taken from it; the directory then needs no ``vectors.npy``, but its floret settings, its
    tokenizer language, hyphen rule and tags must be the same.
    """
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        with np.load(path / "weights.npz") as npz:
            weights = {k: np.asarray(npz[k], dtype=np.float32) for k in npz.files}
        if shared is not None:
            return _member_model(path, config, weights, shared)
        table = np.load(path / "vectors.npy").astype(np.float32)
    except (OSError, ValueError, KeyError) as exc:
        raise BiLSTMModelError(f"Could not read the BiLSTM model in {path}: {exc}") from exc
    return _model(config, weights, _floret_table(table, config), spacy_tokenizer(config))


def load_tagger(path: Path) -> BiLSTMEnsemble:
    """The tagger of ``path``: its model, with the further members its ``ensemble.json`` lists."""
    first = load_model(path)
    listing = path / ENSEMBLE_FILE
    if not listing.is_file():
        return BiLSTMEnsemble([first])
    try:
        names = json.loads(listing.read_text(encoding="utf-8"))["members"]
        members = [first, *(load_model(path / str(name), shared=first) for name in names)]
        return BiLSTMEnsemble(members)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BiLSTMModelError(f"Could not read the ensemble in {path}: {exc}") from exc


def _floret_table(table: np.ndarray, config: dict[str, Any]) -> Vectors:
    from spacy.vectors import Vectors

    fl = config["floret"]
    return Vectors(
        data=table,
        mode="floret",
        minn=fl["minn"],
        maxn=fl["maxn"],
        hash_count=fl["hash_count"],
        hash_seed=fl["hash_seed"],
        bow=fl["bow"],
        eow=fl["eow"],
    )


def _model(
    config: dict[str, Any], weights: dict[str, np.ndarray], vectors: Vectors, tokenizer: Tokenizer
) -> BiLSTMModel:
    return BiLSTMModel(
        config=config,
        weights=weights,
        vectors=vectors,
        tokenizer=tokenizer,
        char_index={c: i + 2 for i, c in enumerate(config["chars"])},
        word_index={wd: i + 2 for i, wd in enumerate(config["words"])},
        tags=list(config["tags"]),
        dot_split=frozenset(config.get("dot_split", ())),
        join_hyphens=bool(config.get("join_hyphens", True)),
    )


def _member_model(
    path: Path, config: dict[str, Any], weights: dict[str, np.ndarray], shared: BiLSTMModel
) -> BiLSTMModel:
    model = _model(config, weights, shared.vectors, shared.tokenizer)
    # The text is split into tokens once, by the first member's rules (its dot_split list of
    # abbreviations, learnt from its training data, may differ slightly from a member's).
    same = (
        config["floret"] == shared.config["floret"]
        and config.get("spacy_lang", "de") == shared.config.get("spacy_lang", "de")
        and model.tags == shared.tags
        and model.join_hyphens == shared.join_hyphens
    )
    if not same:
        raise BiLSTMModelError(
            f"The ensemble member {path} differs from the first member in its vectors, "
            "tokenizer language, hyphen rule or tags."
        )
    return model


class BiLSTMRecognizer:
    """Recognise PER/ORG/LOC/MISC names with the numpy BiLSTM-CRF of each language."""

    def __init__(self, models_dir: Path | None = None) -> None:
        self.models_dir = Path(models_dir) if models_dir is not None else default_models_dir()
        self._models: ModelCache[BiLSTMEnsemble] = ModelCache()
        self._lock = threading.Lock()
        self._prepared: dict[tuple[str, str], list[EntitySpan]] = {}  # see prepare()

    def model_path(self, language: str) -> Path:
        """Directory of the model for ``language`` (it may not exist)."""
        return self.models_dir / f"{language}-bilstm"

    def available_languages(self) -> set[str]:
        """Languages with a BiLSTM model directory (containing ``config.json`` and ``weights.npz``)."""
        if not self.models_dir.is_dir():
            return set()
        return {
            p.name.removesuffix("-bilstm")
            for p in self.models_dir.glob("*-bilstm")
            if (p / "config.json").is_file() and (p / "weights.npz").is_file()
        }

    def load(self, language: str) -> BiLSTMEnsemble | None:
        """Load (once, thread-safely) and return the model for ``language``; None when there is none."""
        path = self.model_path(language)
        return self._models.get(
            language, lambda: load_tagger(path) if (path / "config.json").is_file() else None
        )

    def prepare(self, texts: Sequence[tuple[str, str]]) -> None:
        """Recognise ``texts`` ((text, language) pairs) together; :meth:`recognize` then answers from that.

        The sentences of all the texts are tagged in one pass (sorted by length, 64 at a time):
        fewer time steps per text (a batch's are its longest sentence's), each a larger matrix
        product. Tags are computed per sentence, so the spans are those :meth:`recognize` finds
        on its own (the float sums may differ in their last bits). What a previous call prepared
        and nobody asked for is dropped.
        """
        by_language: dict[str, list[str]] = {}
        for text, language in texts:
            if text.strip() and len(text) <= LONG_TEXT_CHARS:
                by_language.setdefault(language, []).append(text)
        found: dict[tuple[str, str], list[EntitySpan]] = {}
        for language, group in by_language.items():
            distinct = list(dict.fromkeys(group))
            model = self.load(language) if len(distinct) > 1 else None
            if model is None:
                continue
            spans = _recognize_texts(model, distinct, None)
            found.update({(text, language): s for text, s in zip(distinct, spans, strict=True)})
        with self._lock:
            self._prepared = found

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Entity spans in ``text`` (offsets into ``text``); [] when there is no model for ``language``."""
        if not text or not text.strip():
            return []
        members = 1 if document_length(text) > LONG_TEXT_CHARS else None
        if members is None:
            with self._lock:
                prepared = self._prepared.pop((text, language), None)
            if prepared is not None:
                return prepared
        model = self.load(language)
        if model is None:
            return []
        return _recognize_texts(model, [text], members)[0]


def _recognize_texts(
    model: BiLSTMEnsemble, texts: Sequence[str], members: int | None
) -> list[list[EntitySpan]]:
    """Spans of each text, their sentences tagged together (by the first ``members`` only, when given)."""
    sentences: list[list[tuple[str, int]]] = []
    ends: list[int] = []
    for text in texts:
        for para in _PARAGRAPH.finditer(text):
            toks = spacy_tokens(model.tokenizer, para.group(), para.start())
            sentences.extend(
                gold_style(sent, model.dot_split, model.join_hyphens) for sent in split_sentences(toks)
            )
        ends.append(len(sentences))
    probabilities: list[list[float]] = []
    tagged = model.tag([[t for t, _ in s] for s in sentences], members=members, probabilities=probabilities)
    result: list[list[EntitySpan]] = []
    start = 0
    for text, end in zip(texts, ends, strict=True):
        spans: list[EntitySpan] = []
        for sent, tags, probs in zip(
            sentences[start:end], tagged[start:end], probabilities[start:end], strict=True
        ):
            for (s, e, label), p in zip(bioes_spans(tags), probs, strict=True):
                etype = LABEL_TYPES.get(label)
                if etype is None:
                    continue
                a = sent[s][1]
                b = sent[e - 1][1] + len(sent[e - 1][0])
                spans.append(EntitySpan(start=a, end=b, text=text[a:b], type=etype, score=round(p, 4)))
        result.append(spans)
        start = end
    return result
