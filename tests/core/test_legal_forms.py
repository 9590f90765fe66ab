"""Companies named with and without their legal form (no model needed)."""

from __future__ import annotations

import re

from desktop.core.entities.legal_forms import short_company_pairs, short_company_spans
from desktop.core.entities.linking import link_mentions
from desktop.core.types import EntitySpan, EntityType


def span(text: str, name: str, kind: EntityType, nth: int = 0) -> EntitySpan:
    match = list(re.finditer(re.escape(name), text))[nth]
    return EntitySpan(match.start(), match.end(), name, kind)


def test_the_name_without_its_legal_form_is_the_company_wherever_the_text_writes_it() -> None:
    text = (
        "Die Strom Waldviertel AG baut. Strom Waldviertel investiert in Waldviertel, "
        "sagt die Strom Waldviertel."
    )
    spans = [
        span(text, "Strom Waldviertel AG", "organization"),
        span(text, "Waldviertel", "location", 1),  # inside "Strom Waldviertel investiert"
        span(text, "Waldviertel", "location", 2),  # "in Waldviertel"
    ]
    got = short_company_spans(text, spans, lambda name: name == "Waldviertel")
    assert [(s.text, s.type) for s in got] == [
        ("Strom Waldviertel AG", "organization"),
        ("Strom Waldviertel", "organization"),  # the place inside it gave way
        ("Waldviertel", "location"),  # the region alone stays a place
        ("Strom Waldviertel", "organization"),
    ]


def test_a_short_form_that_is_a_place_or_a_single_word_is_not_searched() -> None:
    text = "Die Salzburg AG baut in Salzburg. Die Kelag AG prüft, die Kelag wartet."
    spans = [span(text, "Salzburg AG", "organization"), span(text, "Kelag AG", "organization")]
    got = short_company_spans(text, spans, lambda name: name == "Salzburg")
    assert got == sorted(spans, key=lambda s: s.start)


def test_short_forms_pair_with_the_one_company_they_name() -> None:
    types = {
        "verbund ag": "organization",
        "verbund": "organization",
        "kelag karntn elektrizitats-ag": "organization",
        "kelag": "organization",  # a first word alone is not the company ("ORF Mediaservice GmbH")
        "acme inc": "organization",
        "acme": "location",  # not an organisation: left alone
    }
    pairs = short_company_pairs(types, lambda key: types[key] == "organization")
    assert sorted(pairs) == [("verbund ag", "verbund")]
    shared = {"nord gmbh": "organization", "nord ag": "organization", "nord": "organization"}
    assert short_company_pairs(shared, lambda key: True) == []
    words = {
        "zorbel motor company": "",
        "zorbel": "",
        "quarz holdings": "",
        "quarz": "",
        "brix studio": "",
        "brix": "",
    }
    assert sorted(short_company_pairs(words, lambda key: True)) == [
        ("quarz holdings", "quarz"),
        ("zorbel motor company", "zorbel"),
    ]  # "studio" is no company word


def test_linking_lists_a_company_once() -> None:
    text = "Die Verbund AG plant Anlagen. Der Verbund werde investieren, sagte er. Verbund AG-Aktien."
    spans = [span(text, "Verbund AG", "organization"), span(text, "Verbund", "organization", 1)]
    actors = link_mentions(text, "de", spans)
    assert [(a.name, a.aliases) for a in actors] == [("Verbund AG", ("Verbund AG", "Verbund"))]
