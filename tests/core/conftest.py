"""Fixtures of the core tests: a tiny random BiLSTM-CRF model directory."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from desktop.core.entities import bilstm as rt

TinyBilstm = Callable[..., None]


def _tiny_model(path: Path, seed: int = 3) -> None:
    """A random model with every part the runtime reads (2 dims of floret vectors)."""
    rng = np.random.default_rng(seed)
    tags = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "S-LOC"]
    k, h, vec, cf, sd, wd = len(tags), 3, 2, 2, 2, 2
    d = vec + cf + sd + wd
    w = {
        "char_emb": rng.normal(size=(5, 2)),
        "char_conv_w": rng.normal(size=(cf, 2, 3)),
        "char_conv_b": rng.normal(size=cf),
        "shape_emb": rng.normal(size=(len(rt.SHAPES), sd)),
        "word_emb": rng.normal(size=(4, wd)),
        "l0_ih": rng.normal(size=(4 * h, d)),
        "l0_hh": rng.normal(size=(4 * h, h)),
        "l0_b": rng.normal(size=4 * h),
        "l0_ih_r": rng.normal(size=(4 * h, d)),
        "l0_hh_r": rng.normal(size=(4 * h, h)),
        "l0_b_r": rng.normal(size=4 * h),
        "out_w": rng.normal(size=(k, 2 * h)) * 5,
        "out_b": np.array([0.0, 0, 0, 0, 2, 2]),
        "crf_trans": np.zeros((k, k)),
        "crf_start": np.zeros(k),
        "crf_end": np.zeros(k),
    }
    path.mkdir(parents=True)
    np.savez(path / "weights.npz", **{n: a.astype(np.float32) for n, a in w.items()})
    np.save(path / "vectors.npy", rng.normal(size=(20, vec)).astype(np.float16))
    floret = {"minn": 3, "maxn": 4, "hash_count": 2, "hash_seed": 7, "bow": "<", "eow": ">"}
    config = {"tags": tags, "chars": ["a", "b", "c"], "words": ["der", "die"], "max_chars": 8, "layers": 1}
    config["floret"] = floret
    (path / "config.json").write_text(json.dumps(config), encoding="utf-8")


@pytest.fixture
def tiny_bilstm() -> TinyBilstm:
    """``tiny_bilstm(path, seed=3)`` writes a random model with every part the runtime reads."""
    return _tiny_model
