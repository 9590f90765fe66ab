"""English kinds named without their names are no actors (headless_words); invented names."""

from __future__ import annotations

from desktop.core.entities.headless_words import drop_headless_words
from tests.core.test_span_rules import pairs, span


def test_kinds_demonstratives_and_offices_are_dropped() -> None:
    text = "The Centre was full. This Court has ruled. Orvalo Brann, MP for Korvin, spoke."
    spans = [
        span(text, "Centre", "organization"),
        span(text, "This Court", "organization"),
        span(text, "Orvalo Brann", "person"),
        span(text, "MP", "organization"),
        span(text, "Korvin", "location"),
    ]
    assert pairs(drop_headless_words(spans)) == [("Orvalo Brann", "person"), ("Korvin", "location")]


def test_a_kind_that_ends_a_name_of_the_text_stays() -> None:
    text = "Velor Cathedral burned. The Cathedral was old; Thatcher Brann and Museum said so."
    spans = [
        span(text, "Velor Cathedral", "location"),
        span(text, "Cathedral", "location", 1),
        span(text, "Thatcher Brann", "person"),
        span(text, "Museum", "organization"),
    ]
    assert pairs(drop_headless_words(spans)) == [
        ("Velor Cathedral", "location"),
        ("Cathedral", "location"),
        ("Thatcher Brann", "person"),
    ]
