"""English journals and papers typed as places or people are organisations (outlet_kinds)."""

from __future__ import annotations

from desktop.core.entities.outlet_kinds import outlets_by_kind
from tests.core.test_span_rules import pairs, span

PLACES = {"Korvin"}
GIVEN = {"Anna"}


def retype(text: str, spans):  # type: ignore[no-untyped-def]
    return pairs(outlets_by_kind(text, spans, PLACES.__contains__, GIVEN.__contains__))


def test_a_title_after_its_kind_or_where_a_study_was_published() -> None:
    text = (
        "The model was published Monday in Velorix Letters. The daily newspaper Quorvane Hirlap "
        "wrote it; Quorvane Hirlap said so. It was published in Korvin, by Tessaly Brann."
    )
    spans = [
        span(text, "Velorix Letters", "location"),
        span(text, "Quorvane Hirlap", "organization"),
        span(text, "Quorvane Hirlap", "person", 1),
        span(text, "Korvin", "location"),
        span(text, "Tessaly Brann", "person"),
    ]
    assert retype(text, spans) == [
        ("Velorix Letters", "organization"),
        ("Quorvane Hirlap", "organization"),
        ("Quorvane Hirlap", "organization"),
        ("Korvin", "location"),
        ("Tessaly Brann", "person"),
    ]


def test_a_papers_title_noun_ends_the_name() -> None:
    text = "According to Korvin Bulletin, Anna Herald and the Bulletin said; magazine\nOrvalo Brann"
    spans = [
        span(text, "Korvin Bulletin", "person"),
        span(text, "Anna Herald", "person"),
        span(text, "Bulletin", "person"),
        span(text, "Orvalo Brann", "person"),
    ]
    assert retype(text, spans) == [
        ("Korvin Bulletin", "organization"),
        ("Anna Herald", "person"),
        ("Bulletin", "organization"),
        ("Orvalo Brann", "person"),
    ]
