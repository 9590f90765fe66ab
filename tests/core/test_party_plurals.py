"""Parties named by their members in the plural (party_plurals)."""

from __future__ import annotations

from desktop.core.entities.linking import link_mentions
from desktop.core.entities.party_plurals import party_plurals, plural_party_pairs
from tests.core.test_span_rules import span


def test_a_plural_after_a_plural_article_is_the_party_and_a_member_is_not() -> None:
    text = (
        "Die Republikaner verfehlten die Mehrheit der Tories nicht. Bei den Demokraten jubelt man. "
        "Sagte der Republikaner Ada Brook. Der US-Republikaner spricht. Ein Demokraten-Treffen."
    )
    assert [(s.text, s.start) for s in party_plurals(text)] == [
        ("Republikaner", 4),
        ("Tories", text.index("Tories")),
        ("Demokraten", text.index("Demokraten")),
    ]
    assert all(s.type == "organization" for s in party_plurals(text))


def test_the_plural_and_the_party_the_text_names_are_one_actor() -> None:
    keys = ["republikanisch partei", "die republikan", "demokrat", "gop"]
    # two names of the Republicans: the plural is left alone; one of the Democrats' plural joins nothing
    assert plural_party_pairs(keys, lambda key: True) == []
    keys = ["republikanisch partei", "die republikan", "demokrat"]
    assert plural_party_pairs(keys, lambda key: True) == [("republikanisch partei", "die republikan")]
    text = "Die Demokratische Partei tagt. Die Demokraten streiten."
    spans = [span(text, "Demokratische Partei", "organization"), span(text, "Demokraten", "organization")]
    actors = link_mentions(text, "de", spans)
    assert [(a.name, a.type) for a in actors] == [("Demokratische Partei", "organization")]
