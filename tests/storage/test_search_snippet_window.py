"""Snippets fold and match a window around the first hit only, and equal those made from the whole text."""

from __future__ import annotations

import random

import pytest

import desktop.storage.search_sqlite as search
from desktop.core.query import Matcher, parse_query
from desktop.storage.search import SNIPPET_WORDS, Snippet, make_snippet

WORDS = ["Regierung", "und", "Flüchtlinge", "in", "Wien", "Straße", "der", "Koalition", "sagte", "am"]


def whole_text_snippet(original: str, query: str) -> Snippet:
    """The snippet as made before: every match of the whole text, cut around the first one."""
    matcher = Matcher(parse_query(query))
    spans = matcher.spans(original)
    return search._cut(original, spans, spans[0][0] if spans else 0, SNIPPET_WORDS)


def article(rng: random.Random, words: int, hit_at: int | None, hit: str = "Seeminenräumung") -> str:
    tokens = [rng.choice(WORDS) + ("." if rng.random() < 0.1 else "") for _ in range(words)]
    if hit_at is not None:
        tokens[hit_at] = hit
    gaps = [rng.choice([" ", " ", "\n\n", "   "]) for _ in tokens]
    return "".join(t + g for t, g in zip(tokens, gaps, strict=True)).strip()


@pytest.mark.parametrize("words", [5, 25, 3000])
@pytest.mark.parametrize("where", ["start", "early", "middle", "late", "last", "none"])
def test_window_snippet_equals_whole_text_snippet(words: int, where: str) -> None:
    rng = random.Random(f"{words}-{where}")
    positions = {
        "start": 0,
        "early": 3,
        "middle": words // 2,
        "late": words - 4,
        "last": words - 1,
        "none": None,
    }
    at = positions[where]
    text = article(rng, words, at if at is None else max(0, at))
    for query in ("seeminenraumung", "seemin*", "wien", '"und fluchtlinge"', "Regierung OR Koalition"):
        assert make_snippet(text, query) == whole_text_snippet(text, query), (where, words, query)


def test_a_hit_deep_in_a_long_text_and_long_spaces() -> None:
    rng = random.Random(7)
    text = article(rng, 20000, 15000) + " " * 5000 + "Ende"
    for query in ("seeminenraumung", "ende", "koalition"):
        assert make_snippet(text, query) == whole_text_snippet(text, query)


def test_a_common_word_folds_only_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    text = article(random.Random(3), 50000, None)  # "Regierung" everywhere
    matched: list[int] = []
    original = search._match_spans

    def spy(chunk: str, matcher: Matcher) -> list[tuple[int, int]]:
        matched.append(len(chunk))
        return original(chunk, matcher)

    monkeypatch.setattr(search, "_match_spans", spy)
    snippet = make_snippet(text, "regierung")
    assert snippet.hits and sum(matched) < len(text) / 20


def test_long_runs_without_spaces_end() -> None:
    text = "a" * 9000 + " b " + "c" * 9000 + " Seeminenräumung " + "d" * 5000
    for query in ("seeminenraumung", "b", "nothing"):
        assert make_snippet(text, query) == whole_text_snippet(text, query)
