"""One actor for an organisation and its acronym without brackets (acronym_joins); invented names."""

from __future__ import annotations

from desktop.core.entities.acronym_joins import spells
from desktop.core.entities.linking import link_mentions
from tests.core.test_span_rules import span


def test_an_acronym_spells_a_name_word_by_word() -> None:
    assert spells("NZB", "Nordische Zentralbank")  # a capital from inside the last word
    assert spells("NoGH", "Nordischer Gerichtshof")  # a small letter from inside any word
    assert spells("BfV", "Bund für Valdorien")  # a link word gives its initial
    assert spells("BV", "Bund für Valdorien")  # or nothing
    assert not spells("NU", "Nordische Zentralbank")  # no word gives the "U"
    assert not spells("ARV", "Alternative für Valdorien")  # a capital from inside a first word
    assert not spells("NZ", "Nordzentrale")  # one word
    assert not spells("LG", "LG Vario")  # the acronym is a word of the name


def test_the_long_name_and_its_acronym_are_one_organisation() -> None:
    text = "Die Nordische Zentralbank senkte den Zins. Die NZB tagte, der NU auch. Die HC Varlo spielte."
    spans = [
        span(text, "Nordische Zentralbank", "organization"),
        span(text, "NZB", "organization"),
        span(text, "NU", "organization"),
        span(text, "HC Varlo", "organization"),
    ]
    actors = link_mentions(text, "de", spans)
    assert sorted((a.name, a.aliases) for a in actors) == [
        ("HC Varlo", ("HC Varlo",)),
        ("NU", ("NU",)),
        ("Nordische Zentralbank", ("Nordische Zentralbank", "NZB")),
    ]
