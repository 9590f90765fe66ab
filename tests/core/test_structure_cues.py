"""Types read from the structure of a name or of the words around it (structure_cues); invented names."""

from __future__ import annotations

from desktop.core.entities.structure_cues import (
    institutions_as_organizations,
    lower_case_adjectives,
    parties_of_cases,
    structure_cues,
)
from tests.core.test_span_rules import pairs, span


def test_names_headed_by_an_institution_kind_are_organisations() -> None:
    text = (
        "Vell (Donau-Uni Tarnheim) spoke; the Brenzer Philharmoniker played at Old Mill Cinema. "
        "Die Musikuniversität Ostrava lud ein. Die Universität schloss. Tarn University Park is green. "
        "Kellby College is a town."
    )
    spans = [
        span(text, "Donau-Uni Tarnheim", "location"),
        span(text, "Brenzer Philharmoniker", "location"),
        span(text, "Old Mill Cinema", "location"),
        span(text, "Musikuniversität Ostrava", "location"),
        span(text, "Universität", "location"),
        span(text, "Tarn University Park", "location"),
        span(text, "Kellby College", "location"),
    ]
    got = institutions_as_organizations(spans, lambda name: name == "Kellby College")
    assert pairs(got) == [
        ("Donau-Uni Tarnheim", "organization"),
        ("Brenzer Philharmoniker", "organization"),
        ("Old Mill Cinema", "organization"),
        ("Musikuniversität Ostrava", "organization"),
        ("Universität", "location"),  # one bare common noun
        ("Tarn University Park", "location"),  # the head is "Park"
        ("Kellby College", "location"),  # a known place
    ]


def test_uni_counts_only_as_a_whole_part() -> None:
    text = "Im Juni Vellberg kam. Tarn - Vellberg."
    spans = [span(text, "Juni Vellberg", "person"), span(text, "Tarn - Vellberg", "location")]
    assert institutions_as_organizations(spans, lambda name: False) == spans  # a dash alone is no part


def test_the_parties_of_a_court_case_are_no_people() -> None:
    text = "The ruling in Dorr v. Quade stands, said Mara Dorr. Liverpool vs. Quade was a game."
    spans = [
        span(text, "Dorr", "person"),
        span(text, "Quade", "person"),
        span(text, "Mara Dorr", "person"),
        span(text, "Quade", "person", 1),
    ]
    assert pairs(parties_of_cases(text, spans)) == [("Mara Dorr", "person"), ("Quade", "person")]
    assert pairs(structure_cues(text, spans, lambda name: False)) == [
        ("Mara Dorr", "person"),
        ("Quade", "person"),
    ]


def test_a_known_name_with_its_adjective_in_lower_case_is_the_organisation() -> None:
    text = "Ein Riss geht durch die europäische Tarnunion, sagte Union-Chef Vell; sagte Tarnunion."
    spans = [span(text, "Tarnunion", "organization"), span(text, "Tarnunion", "location", 1)]
    got = lower_case_adjectives(text, spans, lambda name: name == "Europäische Tarnunion")
    assert pairs(got) == [("europäische Tarnunion", "organization"), ("Tarnunion", "location")]
    assert got[0].start == text.index("europäische")
    english = "the new Tarn Party won"  # no adjective of a place
    spans = [span(english, "Tarn Party", "organization")]
    assert lower_case_adjectives(english, spans, lambda name: name == "New Tarn Party") == spans
