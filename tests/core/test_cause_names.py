"""German organisations named by a "gegen"/"für" phrase after a kind noun, or by a capitalised "Für"."""

from __future__ import annotations

from desktop.core.entities.cause_names import cause_names
from desktop.core.types import EntitySpan


def _names(text: str, spans: list[EntitySpan] | None = None) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in cause_names(text, spans or [])]


def test_a_cause_phrase_after_a_kind_noun_is_an_organisation() -> None:
    assert _names("Die Kundgebung des Bündnisses Nordstadt gegen rechts beginnt.") == [
        ("Nordstadt gegen rechts", "organization")
    ]
    assert _names("Er führt die Bewegung Schild gegen den Zoll an.") == [
        ("Schild gegen den Zoll", "organization")
    ]


def test_the_phrase_replaces_a_person_inside_it() -> None:
    text = "Der Verein Gemeinsam für Anna van der Berg zahlt."
    person = EntitySpan(text.index("Anna"), text.index(" zahlt"), "Anna van der Berg", "person", 0.9)
    assert _names(text, [person]) == [("Gemeinsam für Anna van der Berg", "organization")]


def test_a_capital_fuer_inside_a_sentence_starts_a_name() -> None:
    assert _names("Die Partei regiert mit Für Nordstadt und den Grünen.") == [
        ("Für Nordstadt", "organization")
    ]
    assert _names("Für Nordstadt ist das gut.") == []  # a sentence's first word


def test_no_kind_noun_no_phrase_and_a_span_reaching_out_is_kept() -> None:
    assert _names("Die Stadt Nordstadt gegen rechts.") == []
    assert _names("Das Bündnis Nordstadt gegen hohe Mieten tagt.") == []
    text = "Das Bündnis Nordstadt gegen rechts Tage."
    wide = EntitySpan(text.index("rechts"), len(text) - 1, "rechts Tage", "organization", 0.9)
    assert _names(text, [wide]) == [("rechts Tage", "organization")]
