"""One German compound an acronym in brackets defines (compound_acronyms); invented names."""

from __future__ import annotations

from desktop.core.entities.acronyms import acronym_spans
from desktop.core.entities.compound_acronyms import compounds_defined_by_acronyms
from tests.core.test_span_rules import pairs, span


def test_a_compound_with_an_institution_head_and_its_acronym_are_one_organisation() -> None:
    text = "Das Landesfischereigericht (LFG) wies die Klage ab. Das LFG begründete das nicht."
    assert pairs(acronym_spans(text, [])) == [
        ("Landesfischereigericht", "organization"),
        ("LFG", "organization"),
        ("LFG", "organization"),
    ]


def test_a_compound_without_a_head_needs_its_acronym_found_as_an_organisation() -> None:
    text = "Laut Wegebauservice (WBS) sinkt die Zahl. Der WBS rechnet mit mehr."
    assert pairs(compounds_defined_by_acronyms(text, [])) == []
    found = [span(text, "WBS", "organization")]
    assert pairs(compounds_defined_by_acronyms(text, found)) == [
        ("Wegebauservice", "organization"),
        ("WBS", "organization"),
    ]


def test_nouns_descriptors_and_short_words_define_no_organisation() -> None:
    noun = "Das Bruttoinlandsprodukt (BIP) wuchs um zwei Prozent."  # no institution, no organisation
    assert pairs(compounds_defined_by_acronyms(noun, [])) == []
    descriptor = "Die Terrororganisation (KLP) bekannte sich."  # the acronym does not spell the word
    klp = [span(descriptor, "KLP", "organization")]
    assert pairs(compounds_defined_by_acronyms(descriptor, klp)) == [("KLP", "organization")]
    one_capital = "Das Verkehrsgericht (Vg) tagte."  # no acronym
    assert pairs(compounds_defined_by_acronyms(one_capital, [])) == []
    short = "Das Amtsrat (AR) tagte."  # under eight letters
    assert pairs(compounds_defined_by_acronyms(short, [])) == []


def test_a_word_inside_a_span_is_left_to_the_span() -> None:
    text = "Die Europäische Zentralbank (EZB) senkte den Zins."
    spans = [span(text, "Europäische Zentralbank", "organization")]
    assert pairs(compounds_defined_by_acronyms(text, spans)) == [("Europäische Zentralbank", "organization")]


def test_an_organisation_keeps_the_acronym_of_its_own_language() -> None:
    from desktop.core.entities.acronyms import defines

    assert defines("PRW", "Partei der Roten Wälder", "organization")  # letters that do not fit
    assert defines("KTV", "Arbeiterpartei", "organization")  # one word ending with a head noun
    assert not defines("KTV", "Arbeiterwohl", "organization")  # one word of no institution
    assert not defines("CZE", "HC Varlo", "organization", {"CZE"})  # a country's code
    assert not defines("Lentos", "Neue Galerie Nordstadt", "organization")  # a name, one capital
    assert not defines("KLM", "Paul Roth Wendel", "person")  # unfitting: only for organisations
