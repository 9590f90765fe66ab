"""German one-word "people" the article uses as the first part of a compound noun (invented words)."""

from __future__ import annotations

from desktop.core.entities.compound_words import drop_compound_people
from tests.core.test_span_rules import pairs, span

NOUNS = frozenset({"Antrag", "Konsum", "Nacht"})


def dropped(
    text: str, names: list[tuple[str, str]], given: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    spans = [span(text, name, kind) for name, kind in names]
    return pairs(drop_compound_people(text, spans, given.__contains__, NOUNS))


def test_a_name_glued_to_a_listed_noun_elsewhere_is_no_person() -> None:
    text = "Quarzel sei knapp, und die Quarzelanträge und der Quarzelskonsums stiegen, sagte Ida Brenk."
    names = [("Quarzel", "person"), ("Ida Brenk", "person")]
    assert dropped(text, names) == [("Ida Brenk", "person")]


def test_a_hyphen_an_unlisted_rest_a_full_name_or_a_given_name_keeps_the_person() -> None:
    text = "Welzau lobte die Welzau-Nacht. Ostrow sagte nichts, Ostrowallerdings schon."
    assert dropped(text, [("Welzau", "person"), ("Ostrow", "person")]) == [
        ("Welzau", "person"),
        ("Ostrow", "person"),
    ]
    text = "Jan Brenk kam. Brenk lobte die Brenknacht, Mara auch die Maranacht."
    names = [("Jan Brenk", "person"), ("Brenk", "person"), ("Mara", "person")]
    assert dropped(text, names, frozenset({"Mara"})) == names
