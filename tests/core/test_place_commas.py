"""A known place written before ", <region or country>" is a place (place_commas); invented names."""

from __future__ import annotations

from desktop.core.entities.place_commas import places_before_regions
from tests.core.test_span_rules import pairs, span

KINDS = {"Velor Springs": "city", "Korvinia": "region", "Brannock": "city", "Tessaly": "country"}


def test_a_town_before_its_region_is_a_place_in_every_span() -> None:
    text = "He was born in Velor Springs, Korvinia. Velor Springs's mayor, Orvalo Brann, said so."
    spans = [
        span(text, "Velor Springs", "location"),
        span(text, "Korvinia", "location"),
        span(text, "Velor Springs", "person", 1),
        span(text, "Orvalo Brann", "person"),
    ]
    assert pairs(places_before_regions(text, spans, KINDS.get)) == [
        ("Velor Springs", "location"),
        ("Korvinia", "location"),
        ("Velor Springs", "location"),
        ("Orvalo Brann", "person"),
    ]


def test_unknown_places_and_possessives_keep_their_type() -> None:
    text = "Brannock Court, Tessaly heard Brannock, Korvinia's first senator. Brannock said no."
    spans = [
        span(text, "Brannock Court", "organization"),
        span(text, "Brannock", "person", 1),
        span(text, "Brannock", "person", 2),
    ]
    assert pairs(places_before_regions(text, spans, KINDS.get)) == [
        ("Brannock Court", "organization"),
        ("Brannock", "person"),
        ("Brannock", "person"),
    ]
