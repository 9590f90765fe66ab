"""Overlap checks are one sorted sweep, and a cancel check can stop a long recognition."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.entities import bilstm as rt
from desktop.core.entities.recognizer import (
    DictionaryRecognizer,
    LayeredRecognizer,
    RecognitionCancelled,
    cancellable,
    merge_spans,
    without_overlaps,
)
from desktop.core.types import EntitySpan

TinyModel = Callable[..., None]  # the tiny_bilstm fixture (conftest.py)


def _naive_merge(primary: list[EntitySpan], secondary: list[EntitySpan]) -> list[EntitySpan]:
    """The quadratic reference the sweep replaced."""
    chosen = sorted(primary, key=lambda s: (s.start, -s.end))
    taken = [(s.start, s.end) for s in chosen]
    for span in sorted(secondary, key=lambda s: (s.start, -s.end)):
        if all(span.end <= a or span.start >= b for a, b in taken):
            chosen.append(span)
            taken.append((span.start, span.end))
    return sorted(chosen, key=lambda s: (s.start, -s.end))


def _random_spans(rng: random.Random, count: int) -> list[EntitySpan]:
    spans = []
    for _ in range(count):
        start = rng.randrange(0, 200)
        end = start + rng.randrange(1, 12)
        spans.append(EntitySpan(start, end, "x" * (end - start), rng.choice(["person", "location"])))
    return spans


def test_merge_spans_matches_the_pairwise_reference() -> None:
    rng = random.Random(7)
    for _ in range(300):
        primary = _random_spans(rng, rng.randrange(0, 15))
        secondary = _random_spans(rng, rng.randrange(0, 15))
        assert merge_spans(primary, secondary) == _naive_merge(primary, secondary)


def test_without_overlaps_keeps_the_first_of_overlapping_candidates() -> None:
    taken = [EntitySpan(10, 20, "a", "person"), EntitySpan(15, 30, "b", "person")]
    candidates = [
        EntitySpan(0, 5, "c", "person"),
        EntitySpan(3, 8, "d", "person"),  # overlaps the kept (0, 5)
        EntitySpan(28, 35, "e", "person"),  # reaches into the merged stretch (10, 30)
        EntitySpan(30, 33, "f", "person"),  # touches it only
    ]
    assert [s.text for s in without_overlaps(candidates, taken)] == ["c", "f"]


def test_cancel_check_stops_a_long_recognition(tmp_path: Path, tiny_bilstm: TinyModel) -> None:
    tiny_bilstm(tmp_path / "de-bilstm")
    recognizer = LayeredRecognizer(rt.BiLSTMRecognizer(tmp_path))
    text = "Anna Berg wohnt in Köln. " * 3000  # one line, 3,000 sentences
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # let the first piece through, then stop

    with pytest.raises(RecognitionCancelled):
        recognizer.recognize(text, "de", cancelled=cancelled)
    assert len(asked) == 2
    with cancellable(lambda: True), pytest.raises(RecognitionCancelled):
        rt.BiLSTMRecognizer(tmp_path).recognize(text, "de")
    assert recognizer.recognize("Anna Berg wohnt in Köln.", "de", cancelled=lambda: False) is not None


def test_dictionary_recognizer_ignores_the_cancel_check() -> None:
    with cancellable(lambda: True):
        found = DictionaryRecognizer({"Köln": "location"}).recognize("In Köln.", "de")
    assert [s.text for s in found] == ["Köln"]
