"""A company's short name typed as a person is the organisation (company_heads); invented names."""

from __future__ import annotations

from desktop.core.entities.company_heads import company_short_names
from tests.core.test_span_rules import pairs, span


def test_the_first_word_of_an_organisation_is_that_organisation() -> None:
    text = "Velorix Motor Company said Velorix's tests failed; Korvin Holdings and Korvin agreed."
    spans = [
        span(text, "Velorix Motor Company", "organization"),
        span(text, "Velorix's", "person"),
        span(text, "Korvin Holdings", "organization"),
        span(text, "Korvin", "person", 1),
    ]
    assert pairs(company_short_names(spans)) == [
        ("Velorix Motor Company", "organization"),
        ("Velorix's", "organization"),
        ("Korvin Holdings", "organization"),
        ("Korvin", "organization"),
    ]


def test_people_and_firms_named_after_people_stay() -> None:
    text = "Brann & Orvalo hired Brann. Tessa Quill runs Quill Media; Quill said so."
    spans = [
        span(text, "Brann & Orvalo", "organization"),
        span(text, "Brann", "person", 1),
        span(text, "Tessa Quill", "person"),
        span(text, "Quill Media", "organization"),
        span(text, "Quill", "person", 2),
    ]
    assert pairs(company_short_names(spans)) == [
        ("Brann & Orvalo", "organization"),
        ("Brann", "person"),
        ("Tessa Quill", "person"),
        ("Quill Media", "organization"),
        ("Quill", "person"),
    ]
