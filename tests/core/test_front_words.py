"""Stray English words before a name are cut off (front_words); invented names."""

from __future__ import annotations

from desktop.core.entities.front_words import cut_front_words
from tests.core.test_span_rules import pairs, span


def test_participle_compounds_weekdays_and_saying_verbs_are_cut() -> None:
    text = (
        "The Velorian-led Korvin Liberation Front met Brannock-based Tessaly Corporation on "
        "Friday Quorvane Motor Company said. Remarked Orvalo Institute staff: no."
    )
    spans = [
        span(text, "Velorian-led Korvin Liberation Front", "organization"),
        span(text, "Brannock-based Tessaly Corporation", "organization"),
        span(text, "Friday Quorvane Motor Company", "organization"),
        span(text, "Remarked Orvalo Institute", "organization"),
    ]
    out = cut_front_words(text, spans)
    assert pairs(out) == [
        ("Korvin Liberation Front", "organization"),
        ("Tessaly Corporation", "organization"),
        ("Quorvane Motor Company", "organization"),
        ("Orvalo Institute", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in out)


def test_names_that_begin_so_stay() -> None:
    text = "She told the Sunday Korvinian. Anglo-Saxon Velor met state-owned corp and Friday alone."
    spans = [
        span(text, "Sunday Korvinian", "organization"),
        span(text, "Anglo-Saxon Velor", "person"),
        span(text, "Friday", "person"),
    ]
    assert pairs(cut_front_words(text, spans)) == [
        ("Sunday Korvinian", "organization"),
        ("Anglo-Saxon Velor", "person"),
        ("Friday", "person"),
    ]


def test_an_article_or_former_before_an_office_is_cut() -> None:
    text = "A Korvin House official and Former Velor Intelligence Agency staff met."
    spans = [
        span(text, "A Korvin House", "organization"),
        span(text, "Former Velor Intelligence Agency", "organization"),
    ]
    assert pairs(cut_front_words(text, spans)) == [
        ("Korvin House", "organization"),
        ("Velor Intelligence Agency", "organization"),
    ]
