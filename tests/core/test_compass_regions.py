"""German regions named by an adjective and a compass point (compass_regions); invented text."""

from __future__ import annotations

from desktop.core.entities.compass_regions import compass_regions
from tests.core.test_span_rules import pairs, span


def test_a_capitalised_adjective_and_a_compass_point_name_a_region() -> None:
    text = (
        "Sie kamen aus dem Nahen Osten und dem Fernen Westen, nicht aus dem östlichen Norden. "
        "Im Osten des Landes regnet es. Hohen Süden nennt es keiner, Brandt im Wilden Norden schon."
    )
    spans = [span(text, "Westen", "location"), span(text, "Brandt im Wilden", "person")]
    assert pairs(compass_regions(text, "de", spans)) == [
        ("Nahen Osten", "location"),
        ("Fernen Westen", "location"),  # replaces the model's shorter place
        ("Brandt im Wilden", "person"),  # a span reaching beyond the region is kept
    ]  # a lower-case adjective, a bare compass point and a sentence's first word name none


def test_only_german() -> None:
    assert compass_regions("from the Nahen Osten", "en", []) == []
