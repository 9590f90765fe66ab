"""The nominative of German names whose head is a neuter compound (names.german_nominative)."""

from __future__ import annotations

from desktop.core.entities.names import german_nominative, noun_gender


def test_neuter_heads_of_names_take_the_neuter_adjective() -> None:
    assert german_nominative("Vereinigten Königreich", "im") == "Vereinigtes Königreich"
    assert german_nominative("Vereinigten Königreichs", "des") == "Vereinigtes Königreich"
    assert german_nominative("Weißen Haus", "im") == "Weißes Haus"
    assert german_nominative("Heiligen Land", "im") == "Heiliges Land"
    assert german_nominative("Neuen Theater", "im") == "Neues Theater"


def test_other_heads_keep_their_gender() -> None:
    assert noun_gender("Kaiserreich") == "n" and noun_gender("Bundesland") == "n"
    assert noun_gender("Kommission") == "f" and noun_gender("Rat") == "m"
    assert german_nominative("Europäischen Rates", "des") == "Europäischer Rat"
    assert german_nominative("Wiener Burgtheater", "im") == "Wiener Burgtheater"  # a place's adjective


def test_a_sea_is_neuter() -> None:
    assert noun_gender("Nordmeer") == "n"
    assert german_nominative("Westländischen Meer", "im") == "Westländisches Meer"
    assert german_nominative("Kalten Meeres", "des") == "Kaltes Meer"
