"""The search syntax: words, phrases, prefixes, OR, exclusions, umlaut spellings and stems."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import stemming
from desktop.core.query import MAX_SPELLINGS, Matcher, parse_query, term_stems
from desktop.core.stemming import has_stemmer, stem_text, stems_of


def test_parse_words_phrases_prefix_or_and_exclusions() -> None:
    q = parse_query('„Koalition der Willigen“ nato* Kyjiw OR Kiew -Moskau NOT "rote Linie" AND')
    assert [[t.tokens for t in g] for g in q.groups] == [
        [("koalition", "der", "willigen")],
        [("nato",)],
        [("kyjiw",), ("kiew",)],
    ]
    assert q.groups[0][0].phrase and q.groups[1][0].prefix
    assert [t.tokens for t in q.excluded] == [("moskau",), ("rote", "linie")]
    assert parse_query("-nur -ausschluss").empty
    assert parse_query("* - OR").empty
    assert parse_query('"unclosed phrase').groups[0][0].tokens == ("unclosed", "phrase")


def test_typed_umlauts_also_match_their_transliteration() -> None:
    (term,) = parse_query("Flüchtlinge").terms()
    assert term.spellings() == (("fluchtlinge",), ("fluechtlinge",))
    (many,) = parse_query("Ääääää").terms()
    assert len(many.spellings()) <= MAX_SPELLINGS


def test_stems_by_language() -> None:
    assert has_stemmer("de") and has_stemmer("en") and not has_stemmer("und") and not has_stemmer(None)
    assert stems_of("Flüchtlinge", ["de"]) == stems_of("fluechtling", ["de"]) == ("fluchtling",)
    assert stems_of("negotiations", ["en"]) == stems_of("negotiate", ["en"])
    assert stem_text("Die Häuser", "de") == "die haus"
    assert stem_text("Die Häuser", "und") == ""
    (phrase,) = parse_query('"Flüchtling"').terms()
    assert term_stems(phrase, ["de"]) == ()


def test_stem_text_remembers_stems_and_gives_what_the_stemmer_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Die Häuser der Flüchtlinge, die Häuser der Städte: Fluechtlinge, Straßen und 1990er Jahre."
    stem_words = stemming.stemmer("de")
    assert stem_words is not None
    expected = stemming.fold(" ".join(stem_words(stemming.WORD_RE.findall(text.lower()))))
    monkeypatch.setattr(stemming, "_stems", {})
    assert stem_text(text, "de") == expected  # every word new
    assert stem_text(text, "de") == expected  # every word remembered
    monkeypatch.setattr(stemming, "STEM_CACHE_WORDS", 3)
    assert stem_text(text + " Zusätzliche Wörter", "de").startswith(expected)  # the full memory starts over
    assert len(stemming._stems[stem_words]) <= 20


def test_matcher_finds_forms_and_marks_them() -> None:
    text = "Die Flüchtlinge kamen. Ein Fluechtling blieb. Die Straße war voll; negotiations began."
    matcher = Matcher(parse_query("flüchtling strasse"), ["de", "en"])
    assert matcher.matches(text)
    assert [text[s:e] for s, e in matcher.spans(text)] == ["Flüchtlinge", "Fluechtling", "Straße"]
    assert Matcher(parse_query("negotiate"), ["en"]).matches(text)
    assert not Matcher(parse_query("negotiate"), []).matches(text)
    assert not Matcher(parse_query("flüchtling -straße"), ["de"]).matches(text)
    assert Matcher(parse_query("hafen OR straße"), ["de"]).matches(text)
    assert Matcher(parse_query('"Die Straße war"'), []).matches(text)
    assert not Matcher(parse_query('"Straße die"'), []).matches(text)
    assert Matcher(parse_query("negot*"), []).matches(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=200))
def test_any_query_on_any_text_never_fails(query: str, text: str) -> None:
    matcher = Matcher(parse_query(query), ["de", "en"])
    spans = matcher.spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert isinstance(matcher.matches(text), bool)


def test_a_match_inside_a_word_does_not_hide_one_starting_within_it() -> None:
    matcher = Matcher(parse_query('"ab ab"'))
    assert matcher.spans("xab ab ab") == [(4, 9)]
    assert matcher.matches("xab ab ab") and not matcher.matches("xab ab")


def test_matches_begin_and_end_at_word_edges_only() -> None:
    matcher = Matcher(parse_query("hafen ents*"), ["de"])
    assert matcher.spans("Stadthafen, Hafen_ und Entscheidung; rentsch") == [(12, 17), (23, 35)]
    assert Matcher(parse_query("hafen")).spans("Häfen HAFEN hafen2 _hafen") == [(0, 5), (6, 11), (20, 25)]
