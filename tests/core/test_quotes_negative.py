"""What is not a statement: headlines, scare quotes, names and titles; and input the finder must survive."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.entities.role_words import GERMAN_ROLE_NOUNS
from desktop.core.entities.roles import german_role_base
from desktop.core.quotes import find_quotes
from desktop.core.quotes.lexicon import lexicon, role_base
from desktop.core.types import EntitySpan, LinkedActor
from tests.quote_helpers import actor, statements


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Merkel: „Wir schaffen das, ganz sicher“\n\nDie Kanzlerin sprach in Berlin.", "de"),
        ('Welsh AMs worried about "looking like muppets"\n\nThe members met on Monday.', "en"),
        ("Trump sagte, die Lage sei ernst.\n\nDer Kongress tagte am Montag.", "de"),
    ],
    ids=["german", "english", "headline-with-cue"],
)
def test_the_headline_line_is_no_statement(text: str, language: str) -> None:
    assert statements(text, language, [actor(text, "Merkel"), actor(text, "Trump")]) == []


@pytest.mark.parametrize(
    "text",
    [
        'Die Verbündeten in der sogenannten "Koalition der Willigen" haben drei Garantien geplant.',
        "Die Verbündeten der „Koalition der Willigen“ trafen sich in Paris.",
        'Aus Kreisen der Armee heißt es, dass "Kriegsspiele" geplant sind.',
        "Er nannte das „völlig absurd“ und ging.",
        "Der Film „Das Leben der anderen“ gewann einen Oscar.",
        'Sie sangen den Song "Wir sind die Sieger von morgen".',
    ],
    ids=["so-called", "name-like", "one-word", "two-words", "film-title", "song-title"],
)
def test_german_scare_quotes_and_titles_are_not_statements(text: str) -> None:
    found = statements(text, "de", [])
    assert all(s.cue is not None for s in found)
    assert not any(s.message in ("Koalition der Willigen", "Kriegsspiele", "völlig absurd") for s in found)
    assert not any("Leben der anderen" in s.message or "Sieger" in s.message for s in found)


@pytest.mark.parametrize(
    "text",
    [
        'The parliament voted to pass the "Reproductive Health Care Reform Bill 2019" yesterday.',
        'Hungary launched a program dubbed "Zrínyi 2026" in 2017.',
        'He watched the film "The Return of the King" twice.',
        'The law marked a "sad day" for the state.',
    ],
    ids=["bill-name", "dubbed", "film-title", "scare"],
)
def test_english_scare_quotes_and_titles_are_not_statements(text: str) -> None:
    assert statements(text, "en", []) == []


def test_sentences_without_cue_report_nothing() -> None:
    text = "Die Regierung tagt am Montag in Berlin. Danach fährt der Minister nach Hause. Es regnet."
    assert statements(text, "de", [actor(text, "Berlin", "location")]) == []


def test_other_languages_and_empty_text_find_nothing() -> None:
    assert find_quotes("« Nous allons gagner », a dit Macron.", "fr", []) == []
    assert find_quotes("", "de", []) == []
    assert find_quotes("   \n  ", "en", []) == []


def test_cancelled_stops_between_sentences() -> None:
    text = "Anna Müller sagte, es sei gut. " * 50
    assert find_quotes(text, "de", [], cancelled=lambda: True) == []
    calls = []

    def after_three() -> bool:
        calls.append(1)
        return len(calls) > 3

    assert 0 < len(find_quotes(text, "de", [], cancelled=after_three)) < 50


def test_a_long_article_is_handled_sentence_by_sentence() -> None:
    sentence = "„Wir werden das genau prüfen“, sagte Anna Müller. Die Regierung habe versagt. Es regnet. "
    text = sentence * 2000
    found = find_quotes(text, "de", [actor(text, "Anna Müller")])
    assert len(found) == 4000


def test_role_lookup_matches_the_linking_vocabulary() -> None:
    words = [w.capitalize() + e for w in GERMAN_ROLE_NOUNS for e in ("", "en", "n", "s", "in", "innen")]
    words += [
        "US-Präsidenten",
        "Bundeskanzlerin",
        "Haus",
        "Wasserspringer",
        "Österreich-Chef",
        "Abgeordneten",
    ]
    assert [role_base(w) for w in words] == [german_role_base(w) for w in words]


def test_word_lists_keep_yaml_booleans_as_words() -> None:
    english = lexicon("en")
    assert english is not None and {"on", "no"} <= english.prepositions | english.determiners | {"no"}
    assert "on" in english.prepositions
    assert lexicon("fr") is None


_PIECES = st.sampled_from(
    [
        "Anna",
        "Müller",
        "sagte",
        "so",
        "laut",
        "er",
        "sie",
        ",",
        ".",
        ":",
        " ",
        "\n",
        "„",
        "“",
        '"',
        "'",
        "»",
        "«",
        "‚",
        "‘",
        "dass",
        "sei",
        "said",
        "according",
        "to",
        "he",
        "the",
        "Quellen",
        "zufolge",
        "wie",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.sampled_from(["de", "en"]))
def test_any_text_gives_well_formed_statements(pieces: list[str], language: str) -> None:
    text = " ".join(pieces)
    spans = tuple(
        EntitySpan(i, i + 4, "Anna", "person") for i in range(len(text)) if text.startswith("Anna", i)
    )
    actors = [LinkedActor("anna", "Anna", "person", ("Anna",), (), spans)] if spans else []
    found = find_quotes(text, language, actors)
    assert found == sorted(found, key=lambda q: (q.start, q.end))
    for quote in found:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.speaker is None or 0 <= quote.speaker < len(actors)
        assert quote.kind in ("direct", "indirect")
        if quote.cue_start is not None:
            assert quote.cue_end is not None and 0 <= quote.cue_start < quote.cue_end <= len(text)
