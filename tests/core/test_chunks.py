"""A long text recognised in overlapping chunks gives the spans of the whole text."""

from __future__ import annotations

import random
import re
from functools import partial
from itertools import pairwise
from pathlib import Path

import pytest

from desktop.core.cancel import OperationCancelled, cancel_scope
from desktop.core.entities import bilstm as rt
from desktop.core.entities.chunks import (
    Chunk,
    ChunkedRecognizer,
    document_length,
    merge_chunk_spans,
    plan_chunks,
    recognising_chunk_of,
)
from desktop.core.entities.knowledge import KnowledgeRecognizer
from desktop.core.entities.router import shipped_engines
from desktop.core.sentences import sentence_spans
from desktop.core.types import EntitySpan

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SAMPLES = sorted(SEEDS.glob("*.txt"))
_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?: [A-ZÄÖÜ][a-zäöüß]+)*")


class CapitalRuns:
    """A stand-in model: every run of capitalised words is a name (spans cross sentence ends too)."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        self.calls.append(len(text))
        return [EntitySpan(m.start(), m.end(), m.group(), "person") for m in _NAME.finditer(text)]


def _text(sentences: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    words = ["Anna Berg", "sagte", "der", "Rat", "in", "Wien", "tagte", "Karl", "heute", "und", "Graz"]
    parts = []
    for _ in range(sentences):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randrange(3, 14)))
        parts.append(sentence[:1].upper() + sentence[1:] + rng.choice([".", "!", "?"]))
    return " ".join(parts)


def test_chunks_own_the_whole_text_in_order_and_cut_at_sentence_starts() -> None:
    text = _text(400)
    starts = {s for s, _e in sentence_spans(text)}
    chunks = plan_chunks(text, size=1_000, overlap=150)
    assert len(chunks) > 5
    assert chunks[0].own_start == 0 and chunks[-1].own_end == len(text)
    for before, after in pairwise(chunks):
        assert before.own_end == after.own_start
        assert after.own_start in starts and after.start in starts
        assert before.end >= before.own_end + 150 or before.end == len(text)
        assert after.start <= after.own_start - 150
    for chunk in chunks:
        assert chunk.start <= chunk.own_start < chunk.own_end <= chunk.end


def test_a_short_text_is_one_chunk_and_a_text_without_sentence_ends_too() -> None:
    assert plan_chunks("Kurz.", size=100) == [Chunk(0, 5, 0, 5)]
    endless = "wort " * 1_000
    assert plan_chunks(endless, size=100) == [Chunk(0, len(endless), 0, len(endless))]


def test_merged_chunk_spans_are_the_whole_texts_neither_lost_nor_doubled_at_borders() -> None:
    text = _text(600)
    model = CapitalRuns()
    whole = model.recognize(text, "de")
    for size, overlap in ((500, 0), (700, 60), (2_000, 300)):
        chunks = plan_chunks(text, size=size, overlap=overlap)
        found = [model.recognize(text[c.start : c.end], "de") for c in chunks]
        merged = merge_chunk_spans(text, chunks, found)
        assert merged == whole, (size, overlap)


def test_the_runner_recognises_a_long_text_chunk_by_chunk_with_the_whole_texts_spans() -> None:
    text = _text(600)
    model = CapitalRuns()
    whole = model.recognize(text, "de")
    chunked = ChunkedRecognizer(model, size=800, overlap=100, workers=1)
    model.calls.clear()
    assert chunked.recognize(text, "de") == whole
    assert len(model.calls) > 3 and max(model.calls) < len(text)
    model.calls.clear()
    assert chunked.recognize("Anna Berg tagte.", "de") == model.recognize("Anna Berg tagte.", "de")
    assert model.calls[0] == len("Anna Berg tagte.")  # a short text goes to the model whole


def test_cancel_stops_a_long_text_between_chunks() -> None:
    model = CapitalRuns()
    chunked = ChunkedRecognizer(model, size=500, overlap=50, workers=1)
    with cancel_scope(lambda: len(model.calls) >= 2), pytest.raises(OperationCancelled):
        chunked.recognize(_text(600), "de")
    assert len(model.calls) == 2


def test_a_chunk_knows_the_length_of_its_document() -> None:
    assert document_length("abc") == 3
    with recognising_chunk_of(500_000):
        assert document_length("abc") == 500_000
    assert document_length("abc") == 3


def _moderate_text() -> str:
    """About 40,000 characters in one line: the sample article's sentences in shuffled order."""
    article = " ".join(SAMPLES[0].read_text(encoding="utf-8").split())
    sentences = [article[s:e] for s, e in sentence_spans(article)]
    rng = random.Random(11)
    parts: list[str] = []
    while sum(map(len, parts)) < 40_000:
        parts.extend(rng.sample(sentences, len(sentences)))
    return " ".join(parts)


_SHIPPED = pytest.mark.skipif(
    not (rt.default_models_dir() / "de-bilstm" / "config.json").is_file() or not SAMPLES,
    reason="the trained German BiLSTM model (resources/models/de-bilstm) or the sample article is absent",
)


@pytest.mark.slow
@_SHIPPED
def test_chunked_recognition_gives_the_entities_of_unchunked_recognition() -> None:
    text = _moderate_text()
    engines = shipped_engines()
    whole = engines.recognize(text, "de")
    chunked = ChunkedRecognizer(engines, size=4_000, overlap=400, workers=1)
    assert len(plan_chunks(text, 4_000, 400)) >= 8
    assert chunked.recognize(text, "de") == whole
    assert len(whole) > 100
    # and through the knowledge layer, which sees the text whole either way
    languages = engines.available_languages
    plain = KnowledgeRecognizer(engines, model_languages=languages).recognize(text, "de")
    assert KnowledgeRecognizer(chunked, model_languages=languages).recognize(text, "de") == plain


@pytest.mark.slow
@_SHIPPED
def test_chunks_recognised_in_worker_processes_give_the_same_entities() -> None:
    text = _moderate_text()
    engines = shipped_engines()
    pooled = ChunkedRecognizer(
        engines, factory=partial(shipped_engines, None), workers=2, size=8_000, overlap=400, parallel_from=0
    )
    try:
        assert pooled.recognize(text, "de") == engines.recognize(text, "de")
    finally:
        pooled.close()


def _broken_model() -> CapitalRuns:
    raise RuntimeError("the model cannot be loaded in the worker")


def test_workers_that_cannot_start_leave_the_work_to_this_process() -> None:
    text = _text(600)
    model = CapitalRuns()
    whole = model.recognize(text, "de")
    model.calls.clear()
    chunked = ChunkedRecognizer(model, factory=_broken_model, workers=2, size=800, parallel_from=0)
    try:
        assert chunked.recognize(text, "de") == whole
    finally:
        chunked.close()
    assert len(model.calls) > 3  # recognised here, chunk by chunk


def test_a_worker_process_starts_no_pool_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
    model = CapitalRuns()
    chunked = ChunkedRecognizer(model, factory=CapitalRuns, workers=2, size=800, parallel_from=0)
    text = _text(600)
    assert chunked.recognize(text, "de") == CapitalRuns().recognize(text, "de")
    assert len(model.calls) > 3


def test_pooled_chunks_give_the_whole_texts_spans_and_idle_workers_stop() -> None:
    import multiprocessing
    import time

    text = _text(600)
    model = CapitalRuns()
    pooled = ChunkedRecognizer(
        model, factory=CapitalRuns, workers=2, size=800, parallel_from=0, idle_seconds=0
    )
    try:
        assert pooled.recognize(text, "de") == CapitalRuns().recognize(text, "de")
        assert model.calls == []  # the workers recognised every chunk
        deadline = time.monotonic() + 60
        while multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert multiprocessing.active_children() == []
    finally:
        pooled.close()
