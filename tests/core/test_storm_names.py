"""Storms named like people are no actors (storm_names); invented names."""

from __future__ import annotations

from desktop.core.entities.storm_names import drop_storm_names, storm_names
from tests.core.test_span_rules import pairs, span


def test_a_name_after_a_storms_kind_is_the_storm() -> None:
    text = "Hurricane Orvalo hit Korvin. The National Hurricane Center said Tropical Storm Bexa was weaker."
    assert storm_names(text) == {"Orvalo", "Center", "Bexa"}


def test_storms_alone_or_with_their_kind_are_dropped() -> None:
    text = "Hurricane Orvalo hit Korvin. Orvalo's winds, the National Hurricane Center said; Orvalo Smith"
    spans = [
        span(text, "Hurricane Orvalo", "person"),
        span(text, "Korvin", "location"),
        span(text, "Orvalo's", "person"),
        span(text, "National Hurricane Center", "organization"),
        span(text, "Orvalo Smith", "person"),
    ]
    assert pairs(drop_storm_names(text, spans)) == [
        ("Korvin", "location"),
        ("National Hurricane Center", "organization"),
        ("Orvalo Smith", "person"),
    ]


def test_no_storm_no_change() -> None:
    text = "Orvalo met the Storm Area crowd."
    spans = [span(text, "Orvalo", "person"), span(text, "Area", "location")]
    assert drop_storm_names(text, spans) == spans


def test_german_storms_are_dropped_too() -> None:
    text = "Hurrikan Orvalo traf Korvin, dann kam Sturmtief Bexa. Orvalo zog weiter."
    spans = [
        span(text, "Hurrikan Orvalo", "person"),
        span(text, "Korvin", "location"),
        span(text, "Bexa", "person"),
    ]
    assert pairs(drop_storm_names(text, spans)) == [("Korvin", "location")]
