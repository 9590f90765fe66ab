"""Cue words at the start of a sentence: a capitalised German reporting verb is a cue, a noun is not."""

from __future__ import annotations

import pytest

from desktop.core.quotes.lexicon import lexicon
from tests.quote_helpers import actor, only, statements

LEAD = "Die Regierung tagte am Montag in Wien. "


@pytest.mark.parametrize(
    ("sentence", "message", "cue"),
    [
        ("Sagte der Minister Peter Huber danach, die Lage sei ernst.", "die Lage sei ernst", "Sagte"),
        ("Erklärte Peter Huber danach, die Lage sei ernst?", "die Lage sei ernst?", "Erklärte"),
        ("Betont wird von Peter Huber aber: Die Lage sei ernst.", "Die Lage sei ernst", "Betont"),
        (
            "Hervorgehoben hat Peter Huber im Gespräch, dass die Lage ernst sei.",
            "die Lage ernst sei",
            "Hervorgehoben",
        ),
        ("Laut Peter Huber ist die Lage ernst.", "ist die Lage ernst", "Laut"),
    ],
    ids=["sagte", "erklaerte", "betont-wird", "hervorgehoben-hat", "laut"],
)
def test_a_german_sentence_may_open_with_its_cue(sentence: str, message: str, cue: str) -> None:
    text = LEAD + sentence
    found = only(text, "de", [actor(text, "Peter Huber")])
    assert (found.message, found.cue) == (message, cue)
    if cue != "Betont":
        assert found.speaker == "Peter Huber"


def test_a_capitalised_verb_needs_no_quotation_to_be_seen() -> None:
    """The same sentence with and without a quotation: the quick test of a unit must not skip it."""
    plain = LEAD + "Sagte Peter Huber danach, die Lage sei ernst."
    quoted = LEAD + "Sagte Peter Huber danach: „Die Lage ist ernst.“"
    assert only(plain, "de", [actor(plain, "Peter Huber")]).cue == "Sagte"
    assert only(quoted, "de", [actor(quoted, "Peter Huber")]).cue == "Sagte"


@pytest.mark.parametrize(
    "sentence",
    [
        "Sage und schreibe 20 Prozent seien betroffen.",
        "Antworten gab es keine, die Lage sei ernst.",
        "Schreiben des Ministers zeigen, die Lage sei ernst.",
        "Erzählen besteht immer aus einer Stimme und einem Ohr, das sei alt.",
        "Versicherten bleibe der Schutz erhalten, die Lage sei ernst.",
        "Die Sage ist alt, der Drache sei längst tot.",
    ],
)
def test_a_capitalised_noun_is_no_cue(sentence: str) -> None:
    """German nouns that are verb forms in lower case ("Die Sage" vs "sage") start no statement."""
    assert statements(LEAD + sentence, "de") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Reported cases also appeared in Thailand, South Korea and Japan.",
        "Reports indicate this vehicle may have struck victims lying on the roadway.",
        "Called the Ineos Challenge, it featured 42 pacemakers.",
    ],
)
def test_an_english_sentence_opening_with_a_verb_form_reports_nothing(sentence: str) -> None:
    """English: such a first word is an adjective, a noun or a participle (measured on Wikinews)."""
    assert statements("The government met on Monday. " + sentence, "en") == []


def test_the_word_lists_say_where_a_sentence_may_open_with_its_verb() -> None:
    german, english = lexicon("de"), lexicon("en")
    assert german is not None and english is not None
    assert german.verb_first and not english.verb_first
    assert {"sage", "sagen", "schreiben", "antworten"} <= german.noun_forms
    assert not {"sagte", "erklärte", "betont", "hervorgehoben"} & german.noun_forms
    assert english.noun_forms == frozenset()
