"""Overlap checks are one sorted sweep (linear after sorting), with the pairwise semantics."""

from __future__ import annotations

import random

from desktop.core.entities.recognizer import merge_spans, without_overlaps
from desktop.core.types import EntitySpan


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
