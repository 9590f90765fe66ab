"""Ensembles of BiLSTM-CRF models: stacked maths, loading, and putting one together."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop.core.entities import bilstm as rt
from desktop.core.entities.bilstm_ensemble import BiLSTMEnsemble
from tools import assemble_ensemble

TinyModel = Callable[..., None]  # the tiny_bilstm fixture (conftest.py)
SENTENCES = [["Anna", "Berg", "wohnt", "in", "Köln", "."], ["Der", "Rat"], ["Ja"]]


def test_stacked_emissions_equal_each_members_own(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    for seed in (3, 4):
        tiny_bilstm(tmp_path / f"m{seed}", seed=seed)
    a = rt.load_model(tmp_path / "m3")
    b = rt.load_model(tmp_path / "m4", shared=a)  # members share the first one's vectors
    ens = BiLSTMEnsemble([a, b])
    got, lengths = ens.emissions(SENTENCES)
    xa, la = a.features(SENTENCES)
    xb, _ = b.features(SENTENCES)
    expected = (a.emissions(xa, la) + b.emissions(xb, la)) / 2
    mask = np.arange(got.shape[1])[None, :] < lengths[:, None]
    np.testing.assert_allclose(got[mask], expected[mask], rtol=1e-5, atol=1e-5)
    assert np.all(got[~mask] == 0.0)
    trans, start, end = ens.crf()
    np.testing.assert_allclose(trans, (a.weights["crf_trans"] + b.weights["crf_trans"]) / 2)
    assert start.shape == end.shape == (len(a.tags),)


def test_ensemble_of_copies_tags_like_the_single_model(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "m")
    single = rt.load_model(tmp_path / "m")
    alone = BiLSTMEnsemble([single]).tag(SENTENCES)
    twice = BiLSTMEnsemble([single, rt.load_model(tmp_path / "m", shared=single)])
    assert twice.tag(SENTENCES) == alone
    assert any(t != "O" for tags in alone for t in tags)


def test_a_plain_model_directory_tags_as_an_ensemble_of_one(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "m")
    tagger = rt.load_tagger(tmp_path / "m")
    assert isinstance(tagger, BiLSTMEnsemble) and len(tagger.members) == 1
    x, lengths = tagger.members[0].features(SENTENCES)
    got, _ = tagger.emissions(SENTENCES)
    np.testing.assert_allclose(got, tagger.members[0].emissions(x, lengths), rtol=1e-5, atol=1e-5)


def _assembled(tmp_path: Path, tiny_bilstm: TinyModel) -> Path:
    for seed in (3, 4, 5):
        tiny_bilstm(tmp_path / f"m{seed}", seed=seed)
        # members trained on the same vectors: the test models share the first one's table
        if seed != 3:
            (tmp_path / f"m{seed}" / "vectors.npy").write_bytes(
                (tmp_path / "m3" / "vectors.npy").read_bytes()
            )
    out = tmp_path / "models" / "de-bilstm"
    argv = [str(tmp_path / f"m{s}") for s in (3, 4, 5)] + ["--out", str(out)]
    assert assemble_ensemble.main(argv) == 0
    return out


def test_assembled_directory_loads_as_an_ensemble(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    out = _assembled(tmp_path, tiny_bilstm)
    assert json.loads((out / "ensemble.json").read_text(encoding="utf-8")) == {
        "members": ["member-2", "member-3"]
    }
    assert not (out / "member-2" / "vectors.npy").exists()
    rec = rt.BiLSTMRecognizer(out.parent)
    model = rec.load("de")
    assert isinstance(model, BiLSTMEnsemble) and len(model.members) == 3
    assert model.members[1].vectors is model.members[0].vectors
    text = "Anna Berg wohnt in Köln.\nDer Rat tagte."
    for s in rec.recognize(text, "de"):
        assert text[s.start : s.end] == s.text


def test_broken_ensemble_listing_gives_typed_error(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    out = _assembled(tmp_path, tiny_bilstm)
    (out / "ensemble.json").write_text('{"members": ["member-9"]}', encoding="utf-8")
    with pytest.raises(rt.BiLSTMModelError):
        rt.load_tagger(out)
    (out / "ensemble.json").write_text("not json", encoding="utf-8")
    with pytest.raises(rt.BiLSTMModelError):
        rt.load_tagger(out)


def test_member_with_other_tags_is_refused(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    out = _assembled(tmp_path, tiny_bilstm)
    cfg = out / "member-2" / "config.json"
    config = json.loads(cfg.read_text(encoding="utf-8"))
    config["tags"] = list(reversed(config["tags"]))
    cfg.write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(rt.BiLSTMModelError, match="differs"):
        rt.load_tagger(out)


def test_assemble_refuses_bad_input_with_a_message(
    tmp_path: Path, tiny_bilstm: TinyModel, capsys: pytest.CaptureFixture[str]
) -> None:
    tiny_bilstm(tmp_path / "a", seed=3)
    tiny_bilstm(tmp_path / "b", seed=4)  # its own random vectors
    out = tmp_path / "out"
    assert assemble_ensemble.main([str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out)]) == 2
    assert "other vectors" in capsys.readouterr().err
    assert assemble_ensemble.main([str(tmp_path / "a"), str(tmp_path / "nope"), "--out", str(out)]) == 2
    assert "not a BiLSTM model directory" in capsys.readouterr().err
    assert assemble_ensemble.main([str(tmp_path / "a"), "--out", str(tmp_path / "a")]) == 2
    assert not out.exists()
    assert (tmp_path / "a" / "weights.npz").is_file()


def test_batched_viterbi_finds_each_sentences_own_best_path() -> None:
    from desktop.core.entities.bilstm_ops import viterbi, viterbi_batch

    rng = np.random.default_rng(7)
    for _ in range(50):
        b, t, k = (int(x) for x in rng.integers(1, 9, size=3))
        emissions = rng.normal(size=(b, t, k + 1)).astype(np.float32)
        lengths = rng.integers(1, t + 1, size=b)
        shapes = ((k + 1, k + 1), (k + 1,), (k + 1,))
        trans, start, end = (rng.normal(size=s).astype(np.float32) for s in shapes)
        expected = [viterbi(emissions[i, : lengths[i]], trans, start, end) for i in range(b)]
        assert viterbi_batch(emissions, lengths, trans, start, end) == expected


def _two_member_ensemble(tmp_path: Path, tiny_bilstm: TinyModel) -> tuple[Any, BiLSTMEnsemble, Any]:
    """Two tiny members sharing the first one's vectors, the ensemble and its fused weights."""
    from desktop.core.entities.bilstm_fused import FusedWeights

    for seed in (3, 4):
        tiny_bilstm(tmp_path / f"m{seed}", seed=seed)
    a = rt.load_model(tmp_path / "m3")
    ens = BiLSTMEnsemble([a, rt.load_model(tmp_path / "m4", shared=a)])
    return a, ens, FusedWeights.of(ens.prepared, ens.layers, 2)


def test_projections_cached_across_batches_and_one_member_for_long_texts(
    tmp_path: Path, tiny_bilstm: TinyModel
) -> None:
    from desktop.core.entities.bilstm_fused import ProjectionCache

    a, ens, weights = _two_member_ensemble(tmp_path, tiny_bilstm)
    cache = ProjectionCache(ens.members, ens.vectors, weights, limit=8)  # full on the way
    for _ in range(3):
        for sentence in SENTENCES:
            got, _ = ens.emissions([sentence], cache)
            fresh = ProjectionCache(ens.members, ens.vectors, weights)
            expected, _ = ens.emissions([sentence], fresh)
            np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)
            assert len(cache) <= 8
    assert ens.tag(SENTENCES, members=1) == BiLSTMEnsemble([a]).tag(SENTENCES)
    np.testing.assert_allclose(ens.crf(1)[0], a.weights["crf_trans"])


def test_features_kept_apart_serve_tokens_whose_projections_made_room(
    tmp_path: Path, tiny_bilstm: TinyModel
) -> None:
    from desktop.core.entities.bilstm_fused import ProjectionCache

    _a, ens, weights = _two_member_ensemble(tmp_path, tiny_bilstm)
    cache = ProjectionCache(ens.members, ens.vectors, weights, limit=2, features=64)
    computed: list[str] = []
    original = cache._word_features

    def counted(tokens: list[str]) -> np.ndarray:
        computed.extend(tokens)
        return original(tokens)

    cache._word_features = counted  # type: ignore[method-assign]
    for _ in range(3):
        for sentence in SENTENCES:
            got, _ = ens.emissions([sentence], cache)
            fresh = ProjectionCache(ens.members, ens.vectors, weights, features=0)
            expected, _ = ens.emissions([sentence], fresh)
            np.testing.assert_array_equal(got, expected)
            assert len(cache) <= 2
    distinct = {t for s in SENTENCES for t in s}
    assert sorted(computed) == sorted(distinct)  # each token's features computed once


def test_row_table_holds_token_rows_in_one_table_and_replaces_the_least_used() -> None:
    from desktop.core.entities.bilstm_fused import RowTable

    rows = np.arange(5 * 2 * 3, dtype=np.float32).reshape(5, 2, 3)  # five tokens' rows (S=2, F=3)
    table = RowTable(4)
    table.store(["a", "b"], rows[:2])
    allocated = table._table
    assert allocated is not None and allocated.shape == (4, 2, 3)  # its full size at once
    np.testing.assert_array_equal(table.take(["b", "a"]), rows[[1, 0]])
    table.store(["c", "d"], rows[2:4])
    table.take(["c"])
    table.store(["e"], rows[4:])  # full: "d", used by no batch since it was stored, makes room
    assert sorted(table.index) == ["a", "b", "c", "e"] and table._table is allocated
    out = np.empty((2, 2, 3), dtype=np.float32)
    table.take(["e", "c"], out=out)
    np.testing.assert_array_equal(out, rows[[4, 2]])


def test_projections_of_strided_features_are_those_of_contiguous_ones(
    tmp_path: Path, tiny_bilstm: TinyModel
) -> None:
    _a, _ens, weights = _two_member_ensemble(tmp_path, tiny_bilstm)
    rng = np.random.default_rng(7)
    d = weights.ih[0].shape[1]
    token_first = rng.normal(size=(9, 2, d)).astype(np.float32)  # how the feature table holds them
    strided = weights.project(token_first.transpose(1, 0, 2), 0)
    contiguous = weights.project(np.ascontiguousarray(token_first.transpose(1, 0, 2)), 0)
    assert strided.shape == (9, 4, weights.hh[0].shape[-1])
    np.testing.assert_array_equal(strided, contiguous)
    for stack in range(4):  # each stack's rows: the features times its weights, plus its bias
        expected = token_first[:, stack % 2] @ weights.ih[0][stack] + weights.bias[0][stack]
        np.testing.assert_allclose(strided[:, stack], expected, rtol=1e-5)


def test_the_fused_pass_gives_the_scores_of_the_members_run_apart(
    tmp_path: Path, tiny_bilstm: TinyModel
) -> None:
    for seed in (3, 4):
        tiny_bilstm(tmp_path / f"m{seed}", seed=seed)
    a = rt.load_model(tmp_path / "m3")
    b = rt.load_model(tmp_path / "m4", shared=a)
    ens = BiLSTMEnsemble([a, b])
    sentences = [*SENTENCES, ["Wien"], SENTENCES[0] * 3]  # lengths 1 to three sentences in one batch
    got, lengths = ens.emissions(sentences)
    xa, la = a.features(sentences)
    xb, _ = b.features(sentences)
    expected = (a.emissions(xa, la) + b.emissions(xb, la)) / 2  # the step-by-step pass of each model
    np.testing.assert_array_equal(lengths, la)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    again, _ = ens.emissions(sentences)  # now from the cache
    np.testing.assert_allclose(again, got, rtol=1e-6, atol=1e-6)


def test_recognition_runs_with_one_blas_thread() -> None:
    from threadpoolctl import threadpool_info

    from desktop.core.entities.bilstm_ops import one_blas_thread

    with one_blas_thread():
        inside = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert all(n == 1 for n in inside)


def test_one_blas_thread_gives_the_same_scores_and_tags(
    tmp_path: Path, tiny_bilstm: TinyModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import nullcontext

    from desktop.core.entities import bilstm_ops
    from desktop.core.entities.bilstm_ops import one_blas_thread

    for seed in (3, 4):
        tiny_bilstm(tmp_path / f"m{seed}", seed=seed)
    a = rt.load_model(tmp_path / "m3")
    ens = BiLSTMEnsemble([a, rt.load_model(tmp_path / "m4", shared=a)])
    sentences = SENTENCES * 40  # several batches
    with one_blas_thread():
        limited, _ = ens.emissions(sentences)
    free, _ = ens.emissions(sentences)
    np.testing.assert_allclose(limited, free, rtol=1e-5, atol=1e-5)
    tags = ens.tag(sentences, batch_size=16)
    monkeypatch.setattr(bilstm_ops, "one_blas_thread", nullcontext)
    assert ens.tag(sentences, batch_size=16) == tags
    assert any(t != "O" for row in tags for t in row)


def test_a_long_text_gives_the_spans_of_its_paragraphs_tagged_apart(
    tmp_path: Path, tiny_bilstm: TinyModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny_bilstm(tmp_path / "de-bilstm")
    recognizer = rt.BiLSTMRecognizer(tmp_path)
    paragraphs = ["Anna Berg wohnt in Köln.", "Der Rat tagte in Köln, sagte Anna Berg.", "Ja."] * 30
    text = "\n".join(paragraphs)
    monkeypatch.setattr(rt, "LONG_TEXT_CHARS", 10)  # every paragraph counts as long: one member each way
    whole = recognizer.recognize(text, "de")
    chunked = []
    offset = 0
    for paragraph in paragraphs:
        chunked += [
            (s.start + offset, s.end + offset, s.text, s.type) for s in recognizer.recognize(paragraph, "de")
        ]
        offset += len(paragraph) + 1
    assert [(s.start, s.end, s.text, s.type) for s in whole] == chunked
    assert chunked


def test_batched_viterbi_breaks_ties_like_the_single_sentence_viterbi() -> None:
    from desktop.core.entities.bilstm_ops import viterbi, viterbi_batch

    rng = np.random.default_rng(11)
    for _ in range(50):
        b, t, k = (int(x) for x in rng.integers(1, 7, size=3))
        # small whole numbers: many paths score the same, and the first best one must win
        emissions = rng.integers(-1, 2, size=(b, t, k + 1)).astype(np.float32)
        lengths = rng.integers(1, t + 1, size=b)  # in no particular order
        shapes = ((k + 1, k + 1), (k + 1,), (k + 1,))
        trans, start, end = (rng.integers(-1, 2, size=s).astype(np.float32) for s in shapes)
        expected = [viterbi(emissions[i, : lengths[i]], trans, start, end) for i in range(b)]
        assert viterbi_batch(emissions, lengths, trans, start, end) == expected


def test_the_fused_gates_saturate_without_warnings_and_match_the_step_by_step_pass() -> None:
    import warnings

    from desktop.core.entities.bilstm_fused import FusedWeights, _product_rows, fused_scores
    from desktop.core.entities.bilstm_ops import Layout, bilstm_tokens, prepare

    rng = np.random.default_rng(5)
    m, d, h, k = 2, 6, 5, 3
    raw = {
        "l0_ih": rng.normal(scale=40.0, size=(m, 4 * h, d)),  # gate sums far beyond exp's range
        "l0_hh": rng.normal(size=(m, 4 * h, h)),
        "l0_b": rng.normal(size=(m, 4 * h)),
        "out_w": rng.normal(size=(m, k, 2 * h)),
        "out_b": rng.normal(size=(m, k)),
    }
    for name in ("ih", "hh", "b"):
        raw[f"l0_{name}_r"] = raw[f"l0_{name}"][::-1].copy()
    w = {key: value.astype(np.float32) for key, value in raw.items()}
    lengths = np.array([3, 7, 1, 7, 2, 5], dtype=np.int64)
    lay = Layout.of(lengths)
    x = rng.normal(size=(m, int(lengths.sum()), d)).astype(np.float32)
    weights = FusedWeights.of(prepare(w, 1), 1, m)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow in exp must stay silent (it means a gate of 0)
        got = fused_scores(weights.project(x, 0), np.arange(x.shape[1]), lay, weights)
    expected = bilstm_tokens(x, lay, prepare(w, 1), 1).mean(axis=0)
    assert np.isfinite(got).all()
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    assert [_product_rows(n, 64) for n in (1, 2, 3, 4, 5, 9, 63, 64)] == [1, 4, 4, 4, 8, 12, 64, 64]
    assert _product_rows(7, 6) == 6  # never more rows than the batch has


def test_sentences_in_slots_get_the_scores_of_sorted_batches() -> None:
    from desktop.core.entities.bilstm_fused import FusedWeights, fused_scores
    from desktop.core.entities.bilstm_ops import Layout, prepare
    from desktop.core.entities.bilstm_slots import Schedule, slot_scores

    rng = np.random.default_rng(11)
    m, d, h, k = 2, 6, 5, 3
    raw = {
        "l0_ih": rng.normal(size=(m, 4 * h, d)),
        "l0_hh": rng.normal(size=(m, 4 * h, h)),
        "l0_b": rng.normal(size=(m, 4 * h)),
        "out_w": rng.normal(size=(m, k, 2 * h)),
        "out_b": rng.normal(size=(m, k)),
    }
    for name in ("ih", "hh", "b"):
        raw[f"l0_{name}_r"] = rng.normal(size=raw[f"l0_{name}"].shape)
    weights = FusedWeights.of(prepare({key: v.astype(np.float32) for key, v in raw.items()}, 1), 1, m)
    lengths = np.array([3, 9, 1, 7, 2, 5, 1, 8, 4, 6, 2, 3, 7], dtype=np.int64)
    x = rng.normal(size=(m, int(lengths.sum()), d)).astype(np.float32)
    proj = weights.project(x, 0)
    inverse = np.arange(x.shape[1], dtype=np.int64)
    expected = fused_scores(proj, inverse, Layout.of(lengths), weights)
    for slots in (1, 3, 4, 13, 40):
        got = slot_scores(proj, inverse, lengths, weights, slots)
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    plan = Schedule.of(lengths, 4)
    assert sorted(plan.fwd[plan.fwd >= 0].tolist()) == list(range(int(lengths.sum())))  # each token once
    assert sorted(plan.bwd[plan.bwd >= 0].tolist()) == list(range(int(lengths.sum())))
    assert sum(len(f) for f in plan.fresh) == len(lengths)  # each sentence starts once, on a free slot
    assert plan.fwd.shape[0] < int(lengths.sum())  # fewer steps than one row at a time
    assert plan.fwd.shape[0] == max(int(lengths.max()), -(-int(lengths.sum()) // 4))  # none idles early
