"""Anchoring: selecting passages by quote and finding them again after the text changed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.core.anchoring import (
    AmbiguousQuoteError,
    Anchor,
    AnchorError,
    QuoteNotFoundError,
    TextQuote,
    find_quote,
    make_quote,
    reanchor,
)
from desktop.core.textcanon import find_all

SEED = next((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
WORDS = [
    "der",
    "die",
    "das",
    "und",
    "mit",
    "von",
    "plan",
    "bund",
    "land",
    "zeit",
    "frage",
    "antwort",
    "gruppe",
    "kreis",
    "rat",
    "tag",
    "weg",
    "ziel",
]


def filler(n_chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < n_chars:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:n_chars]


# --- make_quote ---------------------------------------------------------------------------------


def test_make_quote_takes_context() -> None:
    text = "Hallo schöne Welt"
    assert make_quote(text, 6, 12) == TextQuote("schöne", "Hallo ", " Welt")
    assert make_quote(text, 6, 12, context=2) == TextQuote("schöne", "o ", " W")
    assert make_quote(text, 0, len(text)) == TextQuote(text, "", "")


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (3, 100), (4, 2)])
def test_make_quote_rejects_bad_ranges(start: int, end: int) -> None:
    with pytest.raises(AnchorError, match="not a non-empty range inside the text"):
        make_quote("Hallo schöne Welt", start, end)


# --- find_quote ---------------------------------------------------------------------------------


def test_find_quote_tolerates_whitespace_differences() -> None:
    text = "Die Gruppe\nder  Staaten\tplant etwas."
    start, end = find_quote(text, "Gruppe der Staaten plant")
    assert text[start:end] == "Gruppe\nder  Staaten\tplant"
    start, end = find_quote(text, "  Gruppe\n\nder Staaten  ")
    assert text[start:end] == "Gruppe\nder  Staaten"


@pytest.mark.parametrize(
    ("text", "quote", "found"),
    [
        ("Er nannte es „gut“ und ging.", 'es "gut" und', "es „gut“ und"),
        ('Er nannte es "gut" und ging.', "es „gut“ und", 'es "gut" und'),
        ("Es ist Peters Haus.", "Peter’s", None),
        ("Das ist’s gewesen.", "ist's", "ist’s"),
        ("Nord–Süd-Achse — sagt er", "Nord-Süd-Achse - sagt", "Nord–Süd-Achse — sagt"),
        ("Ein ‚kleines‘ Wort", "'kleines'", "‚kleines‘"),
        ("Sicher\u00adheits\u00adgarantie heute", "Sicherheitsgarantie", "Sicher\u00adheits\u00adgarantie"),
    ],
)
def test_find_quote_treats_quote_and_dash_variants_as_equal(text: str, quote: str, found: str | None) -> None:
    if found is None:
        with pytest.raises(QuoteNotFoundError):
            find_quote(text, quote)
        return
    start, end = find_quote(text, quote)
    assert text[start:end] == found


def test_find_quote_prefers_exact_case() -> None:
    text = "Die Bank steht. die bank sitzt."
    assert find_quote(text, "Die Bank") == (0, 8)
    assert find_quote(text, "die bank") == (16, 24)
    assert find_quote("Hallo Welt", "hallo WELT") == (0, 10)
    with pytest.raises(AmbiguousQuoteError) as info:
        find_quote(text, "DIE BANK")
    assert info.value.count == 2


def test_find_quote_reports_ambiguity() -> None:
    with pytest.raises(AmbiguousQuoteError) as info:
        find_quote("ja ja ja", "ja")
    assert info.value.count == 3
    assert str(info.value) == (
        "The quoted passage occurs 3 times in the article; quote a longer passage so that it is unique."
    )


def test_find_quote_not_found_and_empty_messages() -> None:
    with pytest.raises(QuoteNotFoundError) as info:
        find_quote("Hallo Welt", "Tschüss", where="article 7")
    assert str(info.value) == "The quoted passage was not found in article 7."
    assert isinstance(info.value, AnchorError)
    for empty in ("", "   ", "\n\t", "\u00ad"):
        with pytest.raises(AnchorError, match="quote is empty"):
            find_quote("Hallo Welt", empty)


def test_find_quote_on_seed_article_with_reflowed_whitespace() -> None:
    text = SEED.read_text(encoding="utf-8")
    passage = text[len(text) // 2 : len(text) // 2 + 80].strip()
    assert len(find_all(text, passage)) == 1
    start, end = find_quote(text, "\n".join(passage.split(" ")))
    assert text[start:end] == passage


def test_find_quote_on_a_large_text() -> None:
    text = filler(60_000) + " Ein einzigartiger  Satz\nsteht hier. " + filler(60_000, seed=2)
    start, end = find_quote(text, "einzigartiger Satz steht")
    assert text[start:end] == "einzigartiger  Satz\nsteht"
    with pytest.raises(AmbiguousQuoteError) as info:
        find_quote("a" * 100_000, "a" * 50)
    assert info.value.count == 100_000 - 49


# --- reanchor -----------------------------------------------------------------------------------

ARTICLE = (
    "Am Montag trafen sich die Minister in der Hauptstadt. "
    "Die Regierung hat den Plan gestern beschlosen, sagte ein Sprecher. "
    "Kritiker bemängeln die hohen Kosten. Die Opposition kündigte Widerstand an. "
    "Die Entscheidung fiel knapp. Im Herbst folgt die nächste Runde. Die Entscheidung fiel knapp."
)


def annotate(text: str, passage: str, occurrence: int = 0) -> tuple[TextQuote, int, int]:
    start = find_all(text, passage)[occurrence]
    return make_quote(text, start, start + len(passage)), start, start + len(passage)


def test_reanchor_exact() -> None:
    quote, start, end = annotate(ARTICLE, "die hohen Kosten")
    assert reanchor(ARTICLE, quote, start, end) == Anchor(start, end, "exact", 1.0)


def test_reanchor_moved_after_insertion() -> None:
    quote, start, end = annotate(ARTICLE, "die hohen Kosten")
    changed = "Vorspann: neue Zeile.\n" + ARTICLE
    shift = len("Vorspann: neue Zeile.\n")
    assert reanchor(changed, quote, start, end) == Anchor(start + shift, end + shift, "moved", 1.0)


def test_reanchor_moved_picks_the_occurrence_with_matching_context() -> None:
    quote, start, end = annotate(ARTICLE, "Die Entscheidung fiel knapp.", occurrence=1)
    changed = ARTICLE.replace("Am Montag", "Am späten Montagabend")
    shift = len(changed) - len(ARTICLE)
    anchor = reanchor(changed, quote, start, end)
    assert (anchor.start, anchor.end, anchor.status) == (start + shift, end + shift, "moved")
    quote0, start0, end0 = annotate(ARTICLE, "Die Entscheidung fiel knapp.", occurrence=0)
    assert reanchor(changed, quote0, start0, end0).start == start0 + shift


def test_reanchor_fuzzy_after_small_edit() -> None:
    quote, start, end = annotate(ARTICLE, "Die Regierung hat den Plan gestern beschlosen")
    changed = ARTICLE.replace("beschlosen", "beschlossen")
    anchor = reanchor(changed, quote, start, end)
    assert anchor.status == "fuzzy"
    assert changed[anchor.start : anchor.end] == "Die Regierung hat den Plan gestern beschlossen"
    assert 0.85 <= anchor.score < 1.0


def test_reanchor_fuzzy_far_away() -> None:
    passage = "Die Regierung hat den Plan gestern beschlosen, sagte ein Sprecher."
    quote, start, end = annotate(ARTICLE, passage)
    edited = passage.replace("beschlosen", "beschlossen")
    changed = ARTICLE.replace(passage, "") + " " + filler(3000) + " " + edited + " " + filler(500, seed=3)
    anchor = reanchor(changed, quote, start, end)
    assert anchor.status == "fuzzy"
    assert changed[anchor.start : anchor.end] == edited


def test_reanchor_orphaned_when_passage_is_gone() -> None:
    quote, start, end = annotate(ARTICLE, "Kritiker bemängeln die hohen Kosten.")
    changed = ARTICLE.replace("Kritiker bemängeln die hohen Kosten. ", "")
    anchor = reanchor(changed, quote, start, end)
    assert anchor.status == "orphaned"
    assert anchor.score == 0.0
    assert (anchor.start, anchor.end) == (start, end)
    short = ARTICLE[:50]
    assert reanchor(short, quote, start, end) == Anchor(50, 50, "orphaned", 0.0)


def test_reanchor_prefers_orphaned_over_a_weak_match() -> None:
    # A short passage whose surroundings were rewritten: another "die" is no evidence.
    quote, start, end = annotate(ARTICLE, "die", occurrence=2)
    rewritten = "Völlig neuer Text über die Lage, ganz anders formuliert als zuvor."
    assert reanchor(rewritten, quote, start, end).status == "orphaned"
    # A different sentence of the same shape is not a fuzzy match either.
    quote, start, end = annotate(ARTICLE, "Kritiker bemängeln die hohen Kosten.")
    changed = ARTICLE.replace("Kritiker bemängeln die hohen Kosten.", "Die Presse lobt den schnellen Ablauf.")
    assert reanchor(changed, quote, start, end).status == "orphaned"


def test_reanchor_short_passage_follows_its_context() -> None:
    quote, start, end = annotate(ARTICLE, "Plan")
    changed = ARTICLE.replace("Am Montag trafen", "Am Dienstag und Mittwoch trafen")
    anchor = reanchor(changed, quote, start, end)
    assert anchor.status == "moved"
    assert changed[anchor.start : anchor.end] == "Plan"
    assert changed[anchor.start - 4 : anchor.start] == "den "


def test_reanchor_on_a_large_text() -> None:
    text = filler(50_000) + " " + ARTICLE + " " + filler(50_000, seed=2)
    quote, start, end = annotate(text, "Die Regierung hat den Plan gestern beschlosen")
    changed = text.replace("beschlosen", "beschlossen").replace("Am Montag", "Montags")
    anchor = reanchor(changed, quote, start, end)
    assert anchor.status == "fuzzy"
    assert changed[anchor.start : anchor.end] == "Die Regierung hat den Plan gestern beschlossen"


@st.composite
def text_and_span(draw: st.DrawFn, alphabet: st.SearchStrategy[str] | None = None) -> tuple[str, int, int]:
    text = draw(st.text(min_size=1) if alphabet is None else st.text(alphabet=alphabet, min_size=1))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@settings(max_examples=300, deadline=None)
@given(text_and_span(), st.integers(0, 40))
def test_reanchor_unchanged_text_is_exact(case: tuple[str, int, int], context: int) -> None:
    text, start, end = case
    quote = make_quote(text, start, end, context=context)
    assert reanchor(text, quote, start, end) == Anchor(start, end, "exact", 1.0)


NOT_HASH = st.characters(exclude_characters="#")


@settings(max_examples=300, deadline=None)
@given(text_and_span(NOT_HASH), st.data())
def test_reanchor_after_insertion_before_the_span(case: tuple[str, int, int], data: st.DataObject) -> None:
    text, start, end = case
    quote = make_quote(text, start, end)
    assume(len(find_all(text, quote.exact)) == 1)
    where = data.draw(st.integers(0, start))
    inserted = "#" * data.draw(st.integers(1, 50))
    changed = text[:where] + inserted + text[where:]
    anchor = reanchor(changed, quote, start, end)
    assert anchor.status in ("moved", "exact")
    assert (anchor.start, anchor.end) == (start + len(inserted), end + len(inserted))


@settings(max_examples=300, deadline=None)
@given(text_and_span(st.sampled_from("ab c.")), st.data())
def test_reanchor_never_claims_an_exact_match_that_is_not(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    quote = make_quote(text, start, end)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    changed = text[:a] + data.draw(st.text(alphabet="ab c.x", max_size=20)) + text[b:]
    anchor = reanchor(changed, quote, start, end)
    assert 0 <= anchor.start <= anchor.end <= len(changed)
    if anchor.status in ("exact", "moved"):
        assert changed[anchor.start : anchor.end] == quote.exact
    if anchor.status == "fuzzy":
        assert anchor.score >= 0.85 and anchor.end > anchor.start
