"""The torch side of the BiLSTM-CRF (training only): network, CRF loss, export and TRAINING.md.

The runtime twin, in pure numpy, is :mod:`desktop.core.entities.bilstm`; :func:`export` writes
weights under the names that module reads.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from desktop.core.entities import bilstm as rt


class Net(nn.Module):
    """Floret vectors + char CNN + shape + word embeddings -> BiLSTM -> linear -> CRF."""

    def __init__(
        self,
        hp: dict[str, Any],
        n_chars: int,
        n_words: int,
        vec_dim: int,
        tags: list[str],
        masks: tuple[np.ndarray, np.ndarray, np.ndarray],
    ) -> None:
        super().__init__()
        k = len(tags)
        self.char_emb = nn.Embedding(n_chars, hp["char_dim"], padding_idx=0)
        self.char_conv = nn.Conv1d(
            hp["char_dim"], hp["char_filters"], hp["char_width"], padding=hp["char_width"] // 2
        )
        self.shape_emb = nn.Embedding(len(rt.SHAPES), hp["shape_dim"])
        self.word_emb = nn.Embedding(n_words, hp["word_dim"], padding_idx=0)
        in_dim = vec_dim + hp["char_filters"] + hp["shape_dim"] + hp["word_dim"]
        self.lstm = nn.LSTM(
            in_dim,
            hp["hidden"],
            num_layers=hp["layers"],
            bidirectional=True,
            batch_first=True,
            dropout=hp["dropout"] if hp["layers"] > 1 else 0.0,
        )
        self.drop = nn.Dropout(hp["dropout"])
        self.out = nn.Linear(2 * hp["hidden"], k)
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))
        self.register_buffer("m_trans", torch.from_numpy(masks[0]))
        self.register_buffer("m_start", torch.from_numpy(masks[1]))
        self.register_buffer("m_end", torch.from_numpy(masks[2]))
        self.layers = hp["layers"]
        self.vec = torch.zeros(1, vec_dim)

    def set_table(self, table: np.ndarray) -> None:
        """Use ``table`` (frozen floret vectors of the current data's word types)."""
        self.vec = torch.from_numpy(table)

    def crf_params(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Transition, start and end scores with the BIOES constraints applied."""
        return self.trans + self.m_trans, self.start + self.m_start, self.end + self.m_end

    def features(self, batch: dict[str, Any], word_dropout: float = 0.0) -> torch.Tensor:
        """Concatenated token features (B, T, D)."""
        b, t, length = batch["chars"].shape
        ce = self.char_emb(batch["chars"].view(b * t, length)).transpose(1, 2)
        chars = self.char_conv(ce).max(dim=2).values.view(b, t, -1)
        words = batch["word"]
        if word_dropout > 0:
            drop = (torch.rand(words.shape) < word_dropout) & (words > rt.UNK)
            words = torch.where(drop, torch.full_like(words, rt.UNK), words)
        parts = [self.vec[batch["vec"]], chars, self.shape_emb(batch["shape"]), self.word_emb(words)]
        return torch.cat(parts, dim=-1)

    def emissions(self, batch: dict[str, Any], word_dropout: float = 0.0) -> torch.Tensor:
        """Tag scores (B, T, K)."""
        x = self.drop(self.features(batch, word_dropout))
        t = x.shape[1]
        packed = nn.utils.rnn.pack_padded_sequence(
            x, batch["lengths"], batch_first=True, enforce_sorted=False
        )
        out, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=t)
        return self.out(self.drop(h))

    def nll(self, batch: dict[str, Any], word_dropout: float = 0.0) -> torch.Tensor:
        """Mean CRF negative log-likelihood of the gold tags."""
        em = self.emissions(batch, word_dropout)
        trans, start, end = self.crf_params()
        tags, mask = batch["tag"], batch["mask"]
        maskf = mask.float()
        gold = (em.gather(2, tags[..., None]).squeeze(-1) * maskf).sum(1)
        gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * maskf[:, 1:]).sum(1)
        last = tags.gather(1, (batch["lengths"] - 1)[:, None]).squeeze(1)
        gold = gold + start[tags[:, 0]] + end[last]
        alpha = start + em[:, 0]
        for step in range(1, em.shape[1]):
            nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + em[:, step]
            alpha = torch.where(mask[:, step, None], nxt, alpha)
        log_z = torch.logsumexp(alpha + end, dim=1)
        return (log_z - gold).mean()


def _np(t: torch.Tensor) -> np.ndarray:
    return t.detach().cpu().numpy().astype(np.float32)


def export(
    net: Net,
    out: Path,
    chars: list[str],
    words: list[str],
    tags: list[str],
    vectors: Any,
    hp: dict[str, Any],
    info: dict[str, Any],
    lang: str = "de",
) -> None:
    """Write weights.npz, config.json and vectors.npy (float16 floret table) to ``out``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    trans, start, end = net.crf_params()
    w = {
        "char_emb": _np(net.char_emb.weight),
        "char_conv_w": _np(net.char_conv.weight),
        "char_conv_b": _np(net.char_conv.bias),
        "shape_emb": _np(net.shape_emb.weight),
        "word_emb": _np(net.word_emb.weight),
        "out_w": _np(net.out.weight),
        "out_b": _np(net.out.bias),
        "crf_trans": _np(trans),
        "crf_start": _np(start),
        "crf_end": _np(end),
    }
    for k in range(net.layers):
        for sfx, name in (("", ""), ("_reverse", "_r")):
            lstm = net.lstm
            w[f"l{k}_ih{name}"] = _np(getattr(lstm, f"weight_ih_l{k}{sfx}"))
            w[f"l{k}_hh{name}"] = _np(getattr(lstm, f"weight_hh_l{k}{sfx}"))
            w[f"l{k}_b{name}"] = _np(
                getattr(lstm, f"bias_ih_l{k}{sfx}") + getattr(lstm, f"bias_hh_l{k}{sfx}")
            )
    np.savez(out / "weights.npz", **w)
    np.save(out / "vectors.npy", np.asarray(vectors.data, dtype=np.float16))
    floret = {key: getattr(vectors, key) for key in ("minn", "maxn", "hash_count", "hash_seed", "bow", "eow")}
    config = {
        "spacy_lang": lang,
        "tags": tags,
        "chars": chars,
        "words": words,
        "max_chars": hp["max_chars"],
        "layers": hp["layers"],
        "hidden": hp["hidden"],
        "floret": floret,
        "training": info,
    }
    (out / "config.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")


def _stages(info: dict[str, Any]) -> str:
    """A sentence on the earlier stage when the model was trained in two steps (``--init``)."""
    prev = info.get("continued_from")
    if not prev:
        return ""
    hp = prev.get("hyper_parameters", {})
    return (
        f"\nThis was a second stage (`--init <stage-1 model> --lr {info['hyper_parameters']['lr']}`)"
        f" continuing a first run (lr {hp.get('lr')}, best epoch {prev.get('best_epoch')} of"
        f" {len(prev.get('history', []))}, {prev.get('train_minutes')} min)."
    )


LANG_NAMES = {"de": "German", "en": "English"}
SET_ORDER = {
    "de": ("germeval-dev", "germeval-test", "uner-de-pud"),
    "en": ("uner-en-ewt-dev", "uner-en-pud", "wikigold"),
}
DATA_TEXT = {
    "de": """- GermEval 2014 NER train, outer level (CC BY 4.0): OTH -> MISC, *deriv and *part -> O.
  {n} sentences.
- Early stopping on GermEval 2014 dev (micro F1, PER/ORG/LOC exact token spans).
- Frozen floret subword vectors (`vectors.npy`, float16) trained on German Wikipedia text of
  the Klexikon article corpus (CC BY-SA), built by `tools/train_ner.py`.""",
    "en": """- The corpora of the English recipe in `tools/train_ner.py` ({n} sentences):
  UNER English EWT train (CC BY-SA 4.0; OTH -> O), GUM permissive genres train (CC BY 4.0 /
  CC BY 2.5 / CC BY-SA 3.0), CrossNER politics train (MIT), Re-DocRED dev (MIT).
- Early stopping on UNER English EWT dev (micro F1, PER/ORG/LOC exact token spans).
- Frozen floret subword vectors (`vectors.npy`, float16) trained on English Wikinews 2019-2020
  (CC BY 2.5), NTREX-128 English news (CC BY-SA 4.0) and the training sentences, built by
  `tools/train_ner.py`.""",
}


SILVER_TEXT = {
    "de": "German Wikipedia sentences of the Klexikon article corpus (CC BY-SA)",
    "en": "English Wikinews 2019-2020 (CC BY 2.5) and NTREX-128 English news (CC BY-SA 4.0)",
}


def _silver(info: dict[str, Any], lang: str) -> str:
    """A list item on the silver sentences, when some were used."""
    n = info.get("silver_sentences") or 0
    if not n:
        return ""
    return (
        f"\n- {n} silver sentences (`tools/silver_ner.py`):\n  {SILVER_TEXT[lang]},"
        "\n  tagged by an earlier BiLSTM-CRF and the spaCy CNN and kept only where both agree exactly;"
        "\n  sentences of the evaluation sets are excluded."
    )


def write_training_md(out: Path, result: dict[str, Any]) -> None:
    """Describe data, settings and figures of the exported model in ``out/TRAINING.md``."""
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    info = config.get("training", {})
    lang = config.get("spacy_lang", "de")
    rows = []
    for name in SET_ORDER[lang]:
        if name in result:
            for lab in ("PER", "ORG", "LOC", "micro"):
                s = result[name][lab]
                rows.append(f"| {name} | {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |")
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file()) / 1e6
    gold = info.get("train_sentences", 0) - (info.get("silver_sentences") or 0)
    text = f"""# {LANG_NAMES[lang]} BiLSTM-CRF named-entity recogniser

Trained by `python -m tools.train_bilstm` (torch at training time only); the app runs it
with the pure-numpy forward pass in `desktop/core/entities/bilstm.py`.

## Data

{DATA_TEXT[lang].format(n=gold)}{_silver(info, lang)}

## Model

Per token: floret vector (100) + character CNN + casing/shape embedding + embedding of the
most frequent lowercase training words -> 1-layer BiLSTM -> linear -> CRF over BIOES tags for
{"/".join(sorted({t[2:] for t in config["tags"] if t != "O"}, key="PER ORG LOC MISC".find))}
(invalid BIOES transitions forbidden).
Hyper-parameters: `{json.dumps(info.get("hyper_parameters", {}))}`.
Best epoch {info.get("best_epoch")} of {len(info.get("history", []))}, training wall time
{info.get("train_minutes")} min on 2 shared CPU cores.{_stages(info)}

## Figures (exact character spans on raw text, PER/ORG/LOC)

Test sets are for reporting only; no choice was made on them.

| set | type | P | R | F1 |
|---|---|---|---|---|
{chr(10).join(rows)}

Model directory size: {size:.1f} MB. Load time {result.get("load_seconds")} s (spaCy already imported);
{result.get("sample_ms")} ms for the {result.get("sample_words")}-word sample article.
"""
    (out / "TRAINING.md").write_text(text, encoding="utf-8")


def load_exported(net: Net, model_dir: Path) -> None:
    """Set ``net``'s weights from an exported model (to continue training it)."""
    with np.load(model_dir / "weights.npz") as npz:
        w = {k: torch.from_numpy(np.asarray(npz[k])) for k in npz.files}
    state = {
        "char_emb.weight": w["char_emb"],
        "char_conv.weight": w["char_conv_w"],
        "char_conv.bias": w["char_conv_b"],
        "shape_emb.weight": w["shape_emb"],
        "word_emb.weight": w["word_emb"],
        "out.weight": w["out_w"],
        "out.bias": w["out_b"],
        "trans": w["crf_trans"] - net.m_trans,
        "start": w["crf_start"] - net.m_start,
        "end": w["crf_end"] - net.m_end,
    }
    for k in range(net.layers):
        for sfx, name in (("", ""), ("_reverse", "_r")):
            state[f"lstm.weight_ih_l{k}{sfx}"] = w[f"l{k}_ih{name}"]
            state[f"lstm.weight_hh_l{k}{sfx}"] = w[f"l{k}_hh{name}"]
            state[f"lstm.bias_ih_l{k}{sfx}"] = w[f"l{k}_b{name}"]
            state[f"lstm.bias_hh_l{k}{sfx}"] = torch.zeros_like(w[f"l{k}_b{name}"])
    net.load_state_dict(state, strict=False)
