"""Parties named by the plural of their members (party_cues); invented names."""

from __future__ import annotations

from desktop.core.entities.party_cues import parties_named_by_members
from tests.core.test_span_rules import pairs, span


def test_a_plural_after_a_party_noun_names_the_party() -> None:
    text = (
        "Brandt war Präsidentschaftsbewerber der Florianer. Die Vorwahlen der Talisten laufen, "
        "der Parteitag der Nordaner auch. Der Kandidat der Wahren Lotsen und der Kandidat der "
        "Valdorer sprachen, die Vorwahlen der US-Florianer auch. Die Kandidaten der Nordparteien."
    )
    spans = [span(text, "Talisten", "location"), span(text, "Nordaner", "person")]
    got = parties_named_by_members(text, "de", spans, lambda word: word == "Valdorer")
    assert pairs(got) == [
        ("Florianer", "organization"),
        ("Talisten", "organization"),  # the model's place is replaced
        ("Nordaner", "person"),  # a model's person is kept
    ]  # "Wahren Lotsen" goes on; "Valdorer" is a nationality; "US-Florianer" a compound;
    # "Nordparteien" the plural of a kind of group


def test_no_party_in_english_or_after_other_nouns() -> None:
    text = "Die Mehrheit der Florianer stimmte zu. The candidate der Talisten."
    assert parties_named_by_members(text, "de", []) == []
    assert parties_named_by_members("Kandidat der Florianer", "en", []) == []


def test_a_wing_a_parliamentary_group_and_members_of_parliament_name_the_party_too() -> None:
    text = "Der Flügel der Florianer murrte, die Fraktion der Talisten und Abgeordnete der Nordaner auch."
    assert pairs(parties_named_by_members(text, "de", [])) == [
        ("Florianer", "organization"),
        ("Talisten", "organization"),
        ("Nordaner", "organization"),
    ]
