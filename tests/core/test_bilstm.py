"""Tests of the numpy BiLSTM-CRF runtime: its pieces against naive references, and the recogniser."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from desktop.core.entities import bilstm as rt
from desktop.core.entities import bilstm_ops as ops
from desktop.core.entities import bilstm_tokens as bt

TinyModel = Callable[..., None]  # the tiny_bilstm fixture (conftest.py)
REPO = Path(__file__).resolve().parent.parent.parent
SAMPLE = sorted((REPO / "seeds").glob("*.txt"))


def _sig(x: float) -> float:
    return 1.0 / (1.0 + np.exp(-x))


def test_word_shape_classes() -> None:
    assert rt.SHAPES[rt.word_shape("haus")] == "lower"
    assert rt.SHAPES[rt.word_shape("Haus")] == "title"
    assert rt.SHAPES[rt.word_shape("EU")] == "upper"
    assert rt.SHAPES[rt.word_shape("iPhone")] == "mixed"
    assert rt.SHAPES[rt.word_shape("2024")] == "digit"
    assert rt.SHAPES[rt.word_shape("G7")] == "alnum"
    assert rt.SHAPES[rt.word_shape(",")] == "punct"


def test_char_matrix_keeps_both_ends_of_long_tokens() -> None:
    index = {c: i + 2 for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")}
    m = rt.char_matrix(["ab", "abcdefghij", "ä"], index, 6)
    assert m[0].tolist() == [2, 3, 0, 0, 0, 0]
    assert m[1].tolist() == [2, 3, 4, 9, 10, 11]  # abc + hij
    assert m[2].tolist() == [rt.UNK, 0, 0, 0, 0, 0]


def test_bioes_spans() -> None:
    tags = ["S-PER", "O", "B-ORG", "I-ORG", "E-ORG", "B-LOC", "E-LOC", "I-PER"]
    assert rt.bioes_spans(tags) == [(0, 1, "PER"), (2, 5, "ORG"), (5, 7, "LOC"), (7, 8, "PER")]
    assert rt.bioes_spans([]) == []


def test_lstm_forward_matches_scalar_reference_with_padding() -> None:
    rng = np.random.default_rng(0)
    d, h, b, t = 3, 2, 2, 4
    w_ih = rng.normal(size=(4 * h, d)).astype(np.float64)
    w_hh = rng.normal(size=(4 * h, h)).astype(np.float64)
    bias = rng.normal(size=4 * h)
    x = rng.normal(size=(b, t, d))
    lengths = np.array([4, 2])
    mask = np.arange(t)[None, :] < lengths[:, None]
    out = ops.lstm_forward(x, mask, w_ih, w_hh, bias)
    for row in range(b):
        hs, cs = np.zeros(h), np.zeros(h)
        for step in range(lengths[row]):
            g = w_ih @ x[row, step] + w_hh @ hs + bias
            i, f = [_sig(v) for v in g[:h]], [_sig(v) for v in g[h : 2 * h]]
            cand, o = np.tanh(g[2 * h : 3 * h]), [_sig(v) for v in g[3 * h :]]
            cs = np.array(f) * cs + np.array(i) * cand
            hs = np.array(o) * np.tanh(cs)
            np.testing.assert_allclose(out[row, step], hs, rtol=1e-10)
        assert np.all(out[row, lengths[row] :] == 0.0)


def test_layout_maps_flat_tokens_to_sorted_rows_both_ways() -> None:
    lay = ops.Layout.of(np.array([2, 4, 1]))  # flat tokens 0-1 | 2-5 | 6
    n = 7
    assert lay.fwd.tolist() == [[2, 3, 4, 5], [0, 1, n, n], [6, n, n, n]]  # longest row first
    assert lay.bwd.tolist() == [[5, 4, 3, 2], [1, 0, n, n], [6, n, n, n]]
    assert lay.running.tolist() == [3, 2, 1, 1]
    assert lay.padded.tolist() == [[0, 1, n, n], [2, 3, 4, 5], [6, n, n, n]]
    for i in range(n):  # each flat token sits where fwd and bwd say
        assert lay.fwd[lay.rows[i], lay.steps[i]] == i
        assert lay.bwd[lay.rows[i], lay.back_steps[i]] == i
    flat = np.arange(n, dtype=np.float32)[:, None]
    assert ops.pad_rows(flat, lay.padded)[1, :, 0].tolist() == [2, 3, 4, 5]
    assert ops.pad_rows(flat, lay.padded)[0, 2:, 0].tolist() == [0, 0]


def test_char_cnn_matches_naive_convolution() -> None:
    rng = np.random.default_rng(1)
    emb = rng.normal(size=(6, 3))
    emb[0] = 0.0
    conv_w = rng.normal(size=(4, 3, 3))  # (out, emb, width)
    conv_b = rng.normal(size=4)
    chars = np.array([[2, 3, 4, 0], [5, 1, 0, 0]])
    got = ops.char_cnn(chars, emb, conv_w, conv_b)
    for n in range(chars.shape[0]):
        x = np.vstack([np.zeros(3), emb[chars[n]], np.zeros(3)])  # 'same' padding
        vals = [
            [conv_b[o] + sum(conv_w[o, :, k] @ x[p + k] for k in range(3)) for p in range(4)]
            for o in range(4)
        ]
        np.testing.assert_allclose(got[n], np.max(vals, axis=1), rtol=1e-10)


def _path_score(path: tuple[int, ...], em: np.ndarray, trans: np.ndarray, ends: np.ndarray) -> float:
    """Score of one tag path; ``ends`` stacks the start and end scores."""
    s = ends[0, path[0]] + ends[1, path[-1]] + sum(em[i, p] for i, p in enumerate(path))
    return float(s + sum(trans[a, b] for a, b in itertools.pairwise(path)))


def test_viterbi_matches_brute_force() -> None:
    rng = np.random.default_rng(2)
    k = 3
    trans = rng.normal(size=(k, k))
    for _ in range(5):
        em, trans = rng.normal(size=(4, k)), rng.normal(size=(k, k))
        ends = rng.normal(size=(2, k))
        paths = list(itertools.product(range(k), repeat=4))
        best = max(paths, key=lambda p: _path_score(p, em, trans, ends))
        assert tuple(ops.viterbi(em, trans, ends[0], ends[1])) == best
    assert ops.viterbi(np.zeros((0, k)), trans, np.zeros(k), np.zeros(k)) == []


def test_split_sentences() -> None:
    words = ["Er", "kam", ".", "Dann", "ging", "sie", ".", "und", "blieb", '"', ".", '"', "Ende"]
    toks = [(w, i) for i, w in enumerate(words)]
    sents = [[w for w, _ in s] for s in bt.split_sentences(toks)]
    assert sents == [
        ["Er", "kam", "."],
        ["Dann", "ging", "sie", ".", "und", "blieb", '"', ".", '"'],
        ["Ende"],
    ]


def test_recognizer_offsets_withtiny_bilstm(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "de-bilstm")
    rec = rt.BiLSTMRecognizer(tmp_path)
    assert rec.available_languages() == {"de"}
    text = "  Anna Berg wohnt in Köln.\n\nDer  Rat tagte, sagte sie.  "
    spans = rec.recognize(text, "de")
    assert spans, "the biased random model should tag something"
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.type in ("person", "location")
    assert rec.recognize("   ", "de") == []
    assert rec.recognize(text, "xx") == []
    assert rec.load("de") is rec.load("de")


def test_broken_model_gives_typed_error(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "de-bilstm")
    (tmp_path / "de-bilstm" / "weights.npz").write_bytes(b"not a zip")
    with pytest.raises(rt.BiLSTMModelError):
        rt.BiLSTMRecognizer(tmp_path).load("de")


@pytest.mark.skipif(
    not (rt.default_models_dir() / "de-bilstm" / "config.json").is_file() or not SAMPLE,
    reason="the trained German BiLSTM model (resources/models/de-bilstm) or the sample article is absent",
)
def test_shipped_model_on_sample_article() -> None:
    rec = rt.BiLSTMRecognizer()
    assert "de" in rec.available_languages()
    text = SAMPLE[0].read_text(encoding="utf-8")
    spans = rec.recognize(text, "de")
    assert len(spans) >= 10
    assert {s.type for s in spans} >= {"person", "location"}
    for s in spans:
        assert text[s.start : s.end] == s.text
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_gold_style_retokenisation_keeps_offsets() -> None:
    text = "Dr. Anna Berg fuhr von Köln/Bonn am 3. Mai ab Nr."
    toks = [("Dr.", 0), ("Anna", 4), ("Berg", 9), ("fuhr", 14), ("von", 19), ("Köln", 23), ("/", 27)]
    toks += [("Bonn", 28), ("am", 33), ("3.", 36), ("Mai", 39), ("ab", 43), ("Nr.", 46)]
    out = bt.gold_style(toks, frozenset({"Dr"}))
    expected = "Dr . Anna Berg fuhr von Köln/Bonn am 3. Mai ab Nr ."
    assert [t for t, _ in out] == expected.split()
    for t, off in out:
        assert text[off : off + len(t)] == t


def test_gold_style_english_keeps_hyphens_and_slashes_split() -> None:
    text = "The well-known firm in Dallas/Fort Worth hired Mr. Lee"
    toks = [("The", 0), ("well", 4), ("-", 8), ("known", 9), ("firm", 15), ("in", 20), ("Dallas", 23)]
    toks += [("/", 29), ("Fort", 30), ("Worth", 35), ("hired", 41), ("Mr.", 47), ("Lee", 51)]
    out = bt.gold_style(toks, frozenset(), join_hyphens=False)
    assert [t for t, _ in out] == [t for t, _ in toks]  # English UD splits them; "Mr." stays one token
    joined = bt.gold_style(toks, frozenset())
    assert "well-known" in [t for t, _ in joined] and "Dallas/Fort" in [t for t, _ in joined]
    for t, off in out + joined:
        assert text[off : off + len(t)] == t


def test_english_model_config_switches_hyphen_joining(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "en-bilstm")
    path = tmp_path / "en-bilstm" / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config.update(spacy_lang="en", join_hyphens=False)
    path.write_text(json.dumps(config), encoding="utf-8")
    rec = rt.BiLSTMRecognizer(tmp_path)
    model = rec.load("en")
    assert model is not None and model.join_hyphens is False
    assert [t.text for t in model.tokenizer("Obama's well-known")] == ["Obama", "'s", "well", "-", "known"]
    text = "Anna Berg met the well-known mayor of Dallas.\nShe said so."
    for s in rec.recognize(text, "en"):
        assert text[s.start : s.end] == s.text


def test_german_model_joins_hyphens_by_default(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "de-bilstm")
    model = rt.BiLSTMRecognizer(tmp_path).load("de")
    assert model is not None and model.join_hyphens is True


@pytest.mark.skipif(
    not (rt.default_models_dir() / "en-bilstm" / "config.json").is_file(),
    reason="the trained English BiLSTM model (resources/models/en-bilstm) is absent",
)
def test_shipped_english_model_finds_names() -> None:
    rec = rt.BiLSTMRecognizer()
    text = (
        "Barack Obama met Angela Merkel in Berlin on Tuesday.\n"
        "The United Nations said Microsoft would open an office in London."
    )
    spans = rec.recognize(text, "en")
    assert {s.type for s in spans} >= {"person", "location"}
    for s in spans:
        assert text[s.start : s.end] == s.text


def _lstm_reference(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """One sentence (T, D), one direction, one step at a time."""
    h_dim = w_hh.shape[1]
    hs, cs, out = np.zeros(h_dim), np.zeros(h_dim), []
    for row in x:
        g = w_ih @ row + w_hh @ hs + bias
        i, f, o = _sig(g[:h_dim]), _sig(g[h_dim : 2 * h_dim]), _sig(g[3 * h_dim :])
        cs = f * cs + i * np.tanh(g[2 * h_dim : 3 * h_dim])
        hs = o * np.tanh(cs)
        out.append(hs)
    return np.array(out)


def test_batched_emissions_match_a_sentence_by_sentence_reference(
    tmp_path: Path, tiny_bilstm: TinyModel
) -> None:
    tiny_bilstm(tmp_path / "m")
    model = rt.load_model(tmp_path / "m")
    w = {k: v.astype(np.float64) for k, v in model.weights.items()}
    sentences = [["Anna", "Berg", "wohnt", "in", "Köln", "."], ["Ja"], ["Der", "Rat", "tagte"]]
    x, lengths = model.features(sentences)
    got = model.emissions(x, lengths)
    for b, n in enumerate(lengths):
        xs = x[b, :n].astype(np.float64)
        fwd = _lstm_reference(xs, w["l0_ih"], w["l0_hh"], w["l0_b"])
        bwd = _lstm_reference(xs[::-1], w["l0_ih_r"], w["l0_hh_r"], w["l0_b_r"])[::-1]
        expected = np.concatenate([fwd, bwd], axis=1) @ w["out_w"].T + w["out_b"]
        np.testing.assert_allclose(got[b, :n], expected, rtol=1e-4, atol=1e-4)
        assert np.all(got[b, n:] == 0.0)


def test_prepared_texts_give_the_spans_recognised_one_by_one(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "de-bilstm")
    texts = [
        "Anna Berg wohnt in Köln. Der Rat tagte.",
        "Der  Rat tagte, sagte sie.\n\nEin langer Satz mit vielen Wörtern folgt hier nun, sagte Berg.",
        "Kurz.",
        "Anna Berg wohnt in Köln. Der Rat tagte.",  # twice: prepared once
    ]
    expected = [rt.BiLSTMRecognizer(tmp_path).recognize(t, "de") for t in texts]
    assert any(expected), "the biased random model should tag something"
    rec = rt.BiLSTMRecognizer(tmp_path)
    rec.prepare([(t, "de") for t in texts] + [("Kein Modell.", "xx"), ("   ", "de")])
    assert set(rec._prepared) == {(t, "de") for t in texts}
    assert [rec.recognize(t, "de") for t in texts] == expected
    assert rec._prepared == {}  # each prepared text is answered once, then forgotten
    rec.prepare([(texts[0], "de"), (texts[2], "de")])
    rec.prepare([(texts[1], "de"), (texts[2], "de")])  # what the first call prepared is dropped
    assert set(rec._prepared) == {(texts[1], "de"), (texts[2], "de")}
    assert rec.recognize(texts[0], "de") == expected[0]
