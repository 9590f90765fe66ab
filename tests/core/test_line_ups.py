"""Lists of names and the people of a line-up (invented names)."""

from __future__ import annotations

from desktop.core.entities.line_ups import name_lists, people_in_line_ups
from desktop.core.types import EntitySpan, EntityType


def spans_in(text: str, named: dict[str, EntityType]) -> list[EntitySpan]:
    return [EntitySpan(text.index(n), text.index(n) + len(n), n, t) for n, t in named.items()]


def test_runs_of_names_with_list_separators_only():
    text = "Holler – Kessin, Brandl (71. Vondra) und Rieder. Dann sprach Novak mit Wels."
    spans = spans_in(
        text, dict.fromkeys(["Holler", "Kessin", "Brandl", "Vondra", "Rieder", "Novak", "Wels"], "person")
    )
    runs = name_lists(text, spans)
    assert [[s.text for s in run] for run in runs] == [["Holler", "Kessin", "Brandl", "Vondra", "Rieder"]]


def test_a_line_up_makes_its_unknown_one_word_names_people():
    text = "Austria: Holler – Kessin, Brandl, Vondra – Rieder, Novak, Graz"
    named: dict[str, EntityType] = {
        "Holler": "person", "Kessin": "location", "Brandl": "person", "Vondra": "organization",
        "Rieder": "person", "Novak": "person", "Graz": "location",
    }  # fmt: skip
    got = people_in_line_ups(text, spans_in(text, named), lambda name: name == "Graz")
    assert [(s.text, s.type) for s in got] == [
        ("Holler", "person"), ("Kessin", "person"), ("Brandl", "person"), ("Vondra", "person"),
        ("Rieder", "person"), ("Novak", "person"), ("Graz", "location"),
    ]  # fmt: skip


def test_a_list_of_places_or_a_short_list_keeps_its_types():
    text = "Wels, Steyr, Linz – Enns"
    named: dict[str, EntityType] = {
        "Wels": "location",
        "Steyr": "location",
        "Linz": "location",
        "Enns": "person",
    }
    got = people_in_line_ups(text, spans_in(text, named), lambda name: False)
    assert [s.type for s in got] == ["location", "location", "location", "person"]
    text = "Holler, Kessin und Wels"
    named = {"Holler": "person", "Kessin": "person", "Wels": "location"}
    got = people_in_line_ups(text, spans_in(text, named), lambda name: False)
    assert got[2].type == "location"
