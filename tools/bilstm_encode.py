"""Sentences as the BiLSTM-CRF reads them in training: BIOES tags, vocabularies, batches, Viterbi tags.

The tag set and its transition constraints, the character and word vocabularies, the abbreviations
the corpus splits off their dot, the numeric features of a sentence list and its padded torch
batches, span F1 and the numpy Viterbi decoding of a net's emissions. The hyper-parameters live
here because the features read ``max_chars``; :mod:`tools.train_bilstm` trains with them.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core.entities import bilstm as rt
from desktop.core.entities import bilstm_ops as ops
from tools import ner_data as nd

LABELS = ("PER", "ORG", "LOC", "MISC")
# Whether the training corpus keeps "Köln/Bonn", "13-15" as one token (GermEval) or splits them
# (UD English EWT: 230 joined hyphen tokens against 1153 "x-y" in its sentence texts).
JOIN_HYPHENS = {"de": True, "en": False}
HP: dict[str, Any] = {
    "max_chars": 20,
    "char_dim": 30,
    "char_filters": 50,
    "char_width": 3,
    "shape_dim": 10,
    "word_dim": 50,
    "max_words": 20000,
    "hidden": 200,
    "layers": 1,
    "dropout": 0.5,
    "word_dropout": 0.05,
    "lr": 1.5e-3,
    "batch": 64,
    "clip": 5.0,
    "patience": 5,
}


def to_bioes(tags: list[str]) -> list[str]:
    """BIOES tags from BIO tags."""
    out = ["O"] * len(tags)
    for s, e, lab in nd.bio_to_spans(tags):
        if e - s == 1:
            out[s] = f"S-{lab}"
            continue
        out[s] = f"B-{lab}"
        for k in range(s + 1, e - 1):
            out[k] = f"I-{lab}"
        out[e - 1] = f"E-{lab}"
    return out


def tag_list(labels: tuple[str, ...] = LABELS) -> list[str]:
    """All BIOES tags of ``labels``, O first."""
    return ["O"] + [f"{p}-{lab}" for lab in labels for p in "BIES"]


def allowed(prev: str, nxt: str) -> bool:
    """Whether BIOES allows ``prev`` -> ``nxt``."""
    p, _, plab = prev.partition("-")
    n, _, nlab = nxt.partition("-")
    if p in ("B", "I"):
        return n in ("I", "E") and nlab == plab
    return n in ("O", "B", "S")


def constraint_masks(tags: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Additive -1e4 masks for forbidden transitions, start and end tags."""
    trans = np.array([[0.0 if allowed(a, b) else -1e4 for b in tags] for a in tags], dtype=np.float32)
    start = np.array([0.0 if t[0] in "OBS" else -1e4 for t in tags], dtype=np.float32)
    end = np.array([0.0 if t[0] in "OES" else -1e4 for t in tags], dtype=np.float32)
    return trans, start, end


def build_vocab(sents: list[nd.Sentence], max_words: int) -> tuple[list[str], list[str]]:
    """Characters seen at least twice and the most frequent lowercase words (count >= 2)."""
    chars = Counter(c for s in sents for t in s.tokens for c in t)
    words = Counter(t.lower() for s in sents for t in s.tokens)
    char_list = sorted(c for c, n in chars.items() if n >= 2)
    word_list = [w for w, n in words.most_common(max_words) if n >= 2]
    return char_list, word_list


def dot_split_forms(sents: list[nd.Sentence]) -> list[str]:
    """Abbreviations the corpus writes as "X" "." (mid-sentence) more often than as one token "X."."""
    joined: Counter[str] = Counter()
    split: Counter[str] = Counter()
    for s in sents:
        for i, tok in enumerate(s.tokens[:-1]):
            if len(tok) > 1 and tok.endswith(".") and tok[-2] != ".":
                joined[tok[:-1]] += 1
            if tok == "." and i > 0 and s.tokens[i - 1][-1:].isalnum():
                split[s.tokens[i - 1]] += 1
    return sorted(w for w, n in split.items() if n >= 2 and n > joined[w] and not w.isdigit())


def add_dot_split(
    model_dir: Path, sents: list[nd.Sentence], lang: str = "de", keep: list[str] | None = None
) -> None:
    """Store :func:`dot_split_forms` (or ``keep``) and the hyphen rule of ``lang`` in config.json."""
    path = model_dir / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config["dot_split"] = dot_split_forms(sents) if keep is None else keep
    config["join_hyphens"] = JOIN_HYPHENS[lang]
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")


class Encoded:
    """Numeric features of a list of sentences (per-sentence arrays) with a shared vector table."""

    def __init__(self, sents: list[nd.Sentence], model: Any, vectors: Any, tags: list[str]) -> None:
        types = sorted({t for s in sents for t in s.tokens})
        type_id = {t: i for i, t in enumerate(types)}
        self.table = rt.floret_vectors(vectors, types)
        self.items: list[dict[str, np.ndarray]] = []
        tag_id = {t: i for i, t in enumerate(tags)}
        for s in sents:
            self.items.append(
                {
                    "vec": np.array([type_id[t] for t in s.tokens], dtype=np.int64),
                    "chars": rt.char_matrix(s.tokens, model["char_index"], HP["max_chars"]),
                    "shape": np.array([rt.word_shape(t) for t in s.tokens], dtype=np.int64),
                    "word": rt.word_ids(s.tokens, model["word_index"]),
                    "tag": np.array([tag_id[t] for t in to_bioes(s.tags)], dtype=np.int64),
                }
            )


def make_batch(items: list[dict[str, np.ndarray]]) -> dict[str, Any]:
    """Pad a list of encoded sentences into torch tensors."""
    import torch

    lengths = [len(it["vec"]) for it in items]
    t_max = max(lengths)
    out: dict[str, Any] = {"lengths": torch.tensor(lengths)}
    for key in ("vec", "shape", "word", "tag"):
        arr = np.zeros((len(items), t_max), dtype=np.int64)
        for i, it in enumerate(items):
            arr[i, : len(it[key])] = it[key]
        out[key] = torch.from_numpy(arr)
    chars = np.zeros((len(items), t_max, HP["max_chars"]), dtype=np.int64)
    for i, it in enumerate(items):
        chars[i, : len(it["chars"])] = it["chars"]
    out["chars"] = torch.from_numpy(chars)
    out["mask"] = torch.arange(t_max)[None, :] < out["lengths"][:, None]
    return out


def batches(enc: Encoded, size: int, shuffle: bool) -> list[list[int]]:
    """Index batches of similar-length sentences."""
    order = sorted(range(len(enc.items)), key=lambda i: (len(enc.items[i]["vec"]), random.random()))
    chunks = [order[k : k + size] for k in range(0, len(order), size)]
    if shuffle:
        random.shuffle(chunks)
    return chunks


def span_f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    """Micro F1 over exact PER/ORG/LOC token spans."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        gs = {s for s in rt.bioes_spans(g) if s[2] in nd.CORE_LABELS}
        ps = {s for s in rt.bioes_spans(p) if s[2] in nd.CORE_LABELS}
        tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def predict_tags(net: Any, enc: Encoded, tags: list[str]) -> list[list[str]]:
    """Viterbi tags (numpy decoder) for every encoded sentence."""
    import torch

    net.eval()
    out: list[list[str]] = [[] for _ in enc.items]
    trans, start, end = (a.detach().numpy() for a in net.crf_params())
    with torch.no_grad():
        for idx in batches(enc, 128, shuffle=False):
            batch = make_batch([enc.items[i] for i in idx])
            em = net.emissions(batch).numpy()
            for row, i in enumerate(idx):
                n = int(batch["lengths"][row])
                out[i] = [tags[k] for k in ops.viterbi(em[row, :n], trans, start, end)]
    return out
