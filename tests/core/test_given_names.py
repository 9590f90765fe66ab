"""A frequent given name right before a word the text names a person by (given_names); invented names."""

from __future__ import annotations

from desktop.core.entities.given_names import given_names_before_surnames
from tests.core.test_span_rules import pairs, span

GIVEN = frozenset({"Cory", "Anna"})


def test_a_given_name_before_a_surname_joins_it() -> None:
    text = "The seat of Republican Cory Vardner is open. Polls put Vardner ahead. Then Vardner won."
    spans = [span(text, "Vardner", "person", 1), span(text, "Vardner", "location", 2)]
    got = given_names_before_surnames(text, spans, GIVEN.__contains__)
    assert pairs(got) == [("Cory Vardner", "person"), ("Vardner", "person"), ("Vardner", "location")]
    assert got[0].start == text.index("Cory")


def test_a_surname_span_grows_and_other_words_or_spans_stop_it() -> None:
    text = "Anna Brix spoke. Then Brix left. Anna. Brix came. Tarn Anna Brix sang."
    spans = [
        span(text, "Brix", "person"),  # "Anna Brix": the span grows
        span(text, "Brix", "person", 1),  # "Then" is no given name
        span(text, "Brix", "person", 2),  # a full stop between
        span(text, "Tarn Anna", "organization"),
        span(text, "Brix", "person", 3),  # the given name is inside another span
    ]
    got = given_names_before_surnames(text, spans, GIVEN.__contains__)
    assert pairs(got) == [
        ("Anna Brix", "person"),
        ("Brix", "person"),
        ("Brix", "person"),
        ("Tarn Anna", "organization"),
        ("Brix", "person"),
    ]
    assert given_names_before_surnames(
        text, [span(text, "Tarn Anna", "organization")], GIVEN.__contains__
    ) == [span(text, "Tarn Anna", "organization")]  # no person named by one word: nothing to do
