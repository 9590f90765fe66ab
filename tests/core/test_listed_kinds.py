"""Organisations listed after the plural of their kind (listed_kinds); invented names."""

from __future__ import annotations

from desktop.core.entities.kind_cues import organizations_after_kind_words
from desktop.core.entities.listed_kinds import organizations_listed_after_kinds
from tests.core.test_span_rules import pairs, span

NOTHING = lambda name: False  # noqa: E731


def test_german_names_listed_after_a_plural_kind_are_organisations() -> None:
    text = (
        "Anhänger der rechtsextremen Parteien Vorlan und Roter Keil. "
        "Betroffen sind Modelle der Marken Tarvo, Kell und Brix, teilte der Konzern mit. "
        "Die Boulevardzeitungen La Voce Nera und Het Vrije Blad berichteten."
    )
    spans = [
        span(text, "Vorlan", "location"),
        span(text, "Kell", "person"),
        span(text, "La Voce Nera", "person"),
    ]
    got = organizations_listed_after_kinds(text, "de", spans, NOTHING)
    assert pairs(got) == [
        ("Vorlan", "organization"),
        ("Roter Keil", "organization"),  # the last name runs to the sentence's end
        ("Tarvo", "organization"),
        ("Kell", "organization"),  # the model's person becomes the organisation
        ("Brix", "organization"),
        ("La Voce Nera", "organization"),  # the model's span says where the name ends
        ("Het Vrije Blad", "organization"),
    ]


def test_no_enumeration_no_organisations_and_places_are_left_out() -> None:
    text = (
        "Die Unternehmen Mitte Mai verhandelten. Die Parteien Vorlan sagten ab. "
        "Die Banken Tarnheim und Vorlan wuchsen. Bedrohungen für Organisationen Bestechung und Untreue."
    )
    spans = [span(text, "Vorlan", "person"), span(text, "Tarnheim", "location")]
    got = organizations_listed_after_kinds(text, "de", spans, lambda name: name == "Tarnheim")
    assert pairs(got) == [
        ("Vorlan", "person"),  # one name alone is no list
        ("Tarnheim", "location"),  # a place is left out
        ("Vorlan", "organization"),
    ]  # "Bestechung und Untreue": the model saw no name in the list


def test_english_lists_and_the_kind_cue_entry_point() -> None:
    text = "The parties Vorlan, Tarnish Union and Brix agreed. The brands Kell and Dorr sold well."
    spans = [span(text, "Brix", "person"), span(text, "Dorr", "person")]
    got = organizations_after_kind_words(text, "en", spans)
    assert pairs(got) == [
        ("Vorlan", "organization"),
        ("Tarnish Union", "organization"),
        ("Brix", "organization"),
        ("Kell", "organization"),
        ("Dorr", "organization"),
    ]


def test_names_listed_after_a_plural_kind_with_wie_or_such_as() -> None:
    german = "Konservative Websites wie Torvo Daily und Kelsblatt meldeten es. Firmen wie Brix sind allein."
    spans = [span(german, "Torvo Daily", "person")]
    assert pairs(organizations_listed_after_kinds(german, "de", spans, NOTHING)) == [
        ("Torvo Daily", "organization"),
        ("Kelsblatt", "organization"),
    ]  # one name after "wie" lists nothing
    english = "Conservative blogs such as Varn Post and Kellwire reported it."
    spans = [span(english, "Varn Post", "person")]
    assert pairs(organizations_listed_after_kinds(english, "en", spans, NOTHING)) == [
        ("Varn Post", "organization"),
        ("Kellwire", "organization"),
    ]
