"""Outlets a text names as the source of a report (reporting_outlets); invented names."""

from __future__ import annotations

from desktop.core.entities.reporting_outlets import outlets_named_by_reports
from tests.core.test_span_rules import pairs, span

GIVEN = {"Jonas"}


def found(text: str, language: str, *people: str) -> list[tuple[str, str]]:
    spans = [span(text, name, "person") for name in people]
    return pairs(outlets_named_by_reports(text, spans, language, GIVEN.__contains__))


def test_a_one_word_name_that_reports_is_an_outlet() -> None:
    assert found("Das Update kommt bald, berichtet Technolux.", "de", "Technolux") == [
        ("Technolux", "organization")
    ]
    assert found("Wie Technolux berichtet, kommt es.", "de", "Technolux") == [("Technolux", "organization")]
    assert found("Laut Newspost kam es so.", "de", "Newspost") == [("Newspost", "organization")]
    assert found("Varlo News aside, Rapplex reported three malls.", "en", "Rapplex") == [
        ("Rapplex", "organization")
    ]
    assert found("It grew, according to Rapplex.", "en", "Rapplex") == [("Rapplex", "organization")]


def test_a_person_named_in_full_or_by_a_given_name_stays_a_person() -> None:
    text = "Anna Holler sprach. Das berichtete Holler am Montag."
    assert found(text, "de", "Anna Holler", "Holler") == [("Anna Holler", "person"), ("Holler", "person")]
    assert found("Das berichtete Jonas.", "de", "Jonas") == [("Jonas", "person")]
    assert found("Holler sagte das.", "de", "Holler") == [("Holler", "person")]  # no report
    assert found("Holler told them.", "en", "Holler") == [("Holler", "person")]
