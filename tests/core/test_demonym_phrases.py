"""English groups of people by origin, region or faith listed as actors (demonym_phrases); invented names."""

from __future__ import annotations

from desktop.core.entities.demonym_phrases import group_phrase
from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.word_actors import word_non_actors
from tests.core.test_span_rules import pairs, span

GAZ = Gazetteer(
    {
        "Valdoria": Place("T:VD", "country", 5_000_000, True),
        "Ostmark": Place("G:1", "city", 900_000, True),
        "Ostmark Bay": Place("G:2", "city", 40_000, False),
        "Eastern Corvia": Place("G:3", "admin1", 400_000, True),
    },
    {"brandt": "Q1"},
    {"Jan": 900, "Christian": 700},
    {"Valdorian Airways": True},
    frozenset({("en", "Valdorian"), ("en", "Valdorians"), ("en", "American")}),
)


def test_a_region_word_after_a_qualifier_is_a_group() -> None:
    assert group_phrase("Native American", "organization", GAZ)
    assert group_phrase("North American", "location", GAZ)
    assert group_phrase("Middle Eastern", "location", GAZ)
    assert group_phrase("Central European", "location", GAZ)
    assert not group_phrase("Eastern", "location", GAZ)  # a region's word alone
    assert not group_phrase("Eastern Mediterranean", "location", GAZ)  # qualifiers only: a place
    assert not group_phrase("Eastern Corvia", "location", GAZ)  # a known place
    assert not group_phrase("North American", "location", GAZ, " region.")  # the region named
    assert group_phrase("North American", "organization", GAZ, " region.")


def test_faith_words_alone_or_after_a_nationality_are_groups() -> None:
    assert group_phrase("Catholic", "organization", GAZ)
    assert group_phrase("Roman Catholic", "organization", GAZ)
    assert group_phrase("Valdorian Roman Catholic", "organization", GAZ)
    assert group_phrase("Neo-Nazi", "organization", GAZ)
    assert not group_phrase("Catholic Church", "organization", GAZ)  # a name with its own head
    assert not group_phrase("Christian", "person", GAZ)  # a given name too


def test_a_group_word_before_lower_case_words_is_a_description() -> None:
    assert group_phrase("Valdorian national", "organization", GAZ)
    assert group_phrase("Roman Catholic cathedral", "location", GAZ)
    assert not group_phrase("Valdorian peninsula", "location", GAZ)  # a place
    assert not group_phrase("Bank of Valdoria", "organization", GAZ)  # capitalised again after "of"
    assert not group_phrase("Valdorian Airways", "organization", GAZ)  # a name's head


def test_inhabitant_words_in_er_of_known_places() -> None:
    assert group_phrase("Ostmarker", "person", GAZ)
    assert group_phrase("Ostmarkers", "organization", GAZ)
    assert group_phrase("Ostmark Bayers", "location", GAZ)
    assert not group_phrase("Ostmarker", "organization", GAZ)  # one word typed an outlet ("New Yorker")
    assert not group_phrase("Ostmarker Zeitung", "organization", GAZ)


def test_word_non_actors_drops_english_groups_only() -> None:
    text = "Jan Brandt, a Native American, met Roman Catholic priests and Ostmarkers."
    spans = [
        span(text, "Jan Brandt", "person"),
        span(text, "Native American", "organization"),
        span(text, "Roman Catholic", "organization"),
        span(text, "Ostmarkers", "location"),
    ]
    kept = word_non_actors(spans, "en", GAZ, lambda word, kind: False)
    assert pairs(kept) == [("Jan Brandt", "person")]
    german = word_non_actors(spans, "de", GAZ, lambda word, kind: False)
    assert ("Roman Catholic", "organization") in pairs(german)


def test_word_non_actors_keeps_a_region_named_by_its_adjective() -> None:
    text = "Trade across the North American region grew."
    spans = [span(text, "North American", "location")]
    assert pairs(word_non_actors(spans, "en", GAZ, lambda word, kind: False, text=text)) == [
        ("North American", "location")
    ]
