"""One reading of a name in one article: parts of organisations' names, places after "in"."""

from __future__ import annotations

from desktop.core.entities.consistency import (
    organization_parts_typed_as_people,
    places_after_in,
    places_named_by_their_first_word,
)
from desktop.core.types import EntitySpan, EntityType


def _span(text: str, name: str, kind: EntityType, nth: int = 0) -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntitySpan(start, start + len(name), name, kind)


def _given(word: str) -> bool:
    return word in {"Melinda", "Anna"}


def test_a_part_of_an_organisations_name_is_no_person() -> None:
    text = (
        "Nordwerk Motor Holdings paid. Nordwerk Motor said so; the Melinda Ost Fund and Melinda Ost agreed."
    )
    spans = [
        _span(text, "Nordwerk Motor Holdings", "organization"),
        _span(text, "Nordwerk Motor", "person", 1),
        _span(text, "Melinda Ost Fund", "organization"),
        _span(text, "Melinda Ost", "person", 1),
    ]
    found = organization_parts_typed_as_people(spans, _given)
    assert [(s.text, s.type) for s in found] == [
        ("Nordwerk Motor Holdings", "organization"),
        ("Nordwerk Motor", "organization"),
        ("Melinda Ost Fund", "organization"),
        ("Melinda Ost", "person"),  # begins with a given name: a person
    ]
    people_only = [_span(text, "Nordwerk Motor", "person", 1)]
    assert organization_parts_typed_as_people(people_only, _given) == people_only


def test_a_one_word_person_written_after_in_is_a_place_everywhere() -> None:
    text = "Die Polizei in Kirkstadt meldete: Kirkstadt zählt 133. Anna Berg in Bergs Büro und in Anna."
    spans = [
        _span(text, "Kirkstadt", "location"),
        _span(text, "Kirkstadt", "person", 1),
        _span(text, "Anna Berg", "person"),
        _span(text, "Bergs", "person"),  # the owner: "in Bergs Büro"
        _span(text, "Anna", "person", 1),  # a given name
    ]
    found = places_after_in(text, spans, _given)
    assert [(s.text, s.type) for s in found] == [
        ("Kirkstadt", "location"),
        ("Kirkstadt", "location"),
        ("Anna Berg", "person"),
        ("Bergs", "person"),
        ("Anna", "person"),
    ]
    alone = [_span("Berg sagte das.", "Berg", "person")]
    assert places_after_in("Berg sagte das.", alone, _given) == alone


def test_a_known_small_town_after_of_or_near_is_a_place() -> None:
    text = "They welcomed the liberation of Qarvin; Qarvin was held. Tom Halder spoke of Halder's plan."
    spans = [
        _span(text, "Qarvin", "person"),
        _span(text, "Qarvin", "person", 1),
        _span(text, "Tom Halder", "person"),
        _span(text, "Halder", "person", 1),
    ]
    found = places_after_in(text, spans, _given, lambda name: name in ("Qarvin", "Halder"))
    assert [(s.text, s.type) for s in found] == [
        ("Qarvin", "location"),
        ("Qarvin", "location"),
        ("Tom Halder", "person"),
        ("Halder", "person"),  # a surname of a full name in the text
    ]
    unknown = places_after_in(text, spans, _given)
    assert {s.type for s in unknown} == {"person"}
    prayer = "A gift from God."
    god = [_span(prayer, "God", "person")]
    assert places_after_in(prayer, god, _given, lambda name: True) == god  # a town is called so, too


def test_a_sea_named_later_by_its_first_word_is_that_place() -> None:
    text = "They crossed the Valdor Sea. Many drown in the Valdor daily. Ostwerk Bay Ltd and Ostwerk."
    spans = [
        _span(text, "Valdor Sea", "location"),
        _span(text, "Valdor", "organization", 1),
        _span(text, "Ostwerk", "organization", 1),
    ]
    got = [(s.text, s.type) for s in places_named_by_their_first_word(spans)]
    assert got == [("Valdor Sea", "location"), ("Valdor", "location"), ("Ostwerk", "organization")]
