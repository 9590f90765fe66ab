"""Full-text search: folding, prefixes, hostile queries, ranking and snippets."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desktop.storage import search
from desktop.storage.db import Library
from desktop.storage.models import Article
from desktop.storage.search import (
    SearchHit,
    Snippet,
    fts_match_expression,
    index_article,
    make_snippet,
    rebuild_index,
    search_articles,
    unindex_article,
)

ArticleFactory = Callable[..., Article]

FILLER = " ".join(f"wort{i}" for i in range(40))
MINES = f"{FILLER} Die Seeminenräumung im Hafen beginnt bald. {FILLER}"
STREET = "An der Straße standen viele Leute und warteten geduldig auf den Bus."
PLAIN = "Nothing special happens in this short English text about weather."


@pytest.fixture
def populated(library: Library, make_article: ArticleFactory) -> Library:
    with library.session() as session:
        articles = [
            make_article(1, title="Hafen", text=MINES),
            make_article(2, title="Verkehr", text=STREET),
            make_article(3, title="Weather", text=PLAIN),
        ]
        session.add_all(articles)
        session.flush()
        for article in articles:
            index_article(session, article.id, article.title, article.text)
    return library


def _ids(library: Library, query: str) -> list[int]:
    with library.read_session() as session:
        return [hit.id for hit in search_articles(session, query)]


@pytest.mark.parametrize("query", ["seeminenraumung", "Seeminenräumung", "SEEMINENRÄUMUNG", "seemin*"])
def test_folded_and_prefix_queries_find_article(populated: Library, query: str) -> None:
    assert _ids(populated, query) == [1]


@pytest.mark.parametrize("query", ["strasse", "Straße", "STRASSE", "stras*"])
def test_sharp_s_is_folded(populated: Library, query: str) -> None:
    assert _ids(populated, query) == [2]


def test_prefix_needs_star(populated: Library) -> None:
    assert _ids(populated, "seemin") == []


def test_all_words_must_match(populated: Library) -> None:
    assert _ids(populated, "hafen seeminenraumung") == [1]
    assert _ids(populated, "hafen weather") == []


HOSTILE = ['"', "*", "NEAR(", "AND", "-x", "", "   ", "OR NOT", '"unbalanced', "a:b", "^x", "(((", "''", "--"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_do_not_raise(populated: Library, query: str) -> None:
    with populated.read_session() as session:
        hits = search_articles(session, query)
    assert isinstance(hits, list)
    assert all(isinstance(hit, SearchHit) for hit in hits)


def test_operator_words_are_searched_literally(populated: Library) -> None:
    assert _ids(populated, "AND") == []
    assert _ids(populated, "NEAR(") == []
    assert _ids(populated, "-bus") == []  # exclusions alone find nothing
    assert _ids(populated, "leute -bus") == []
    assert _ids(populated, "leute -hafen") == [2]


def test_match_expression_quotes_every_word() -> None:
    assert fts_match_expression('Straße seemin* NEAR( "x') == (
        '{title body} : ("strasse") AND {title body} : ("seemin" *) AND {title body} : ("near") '
        'AND {title body} : ("x")'
    )
    assert fts_match_expression("foo-bar") == '{title body} : ("foo bar")'
    assert fts_match_expression('" * -') == ""
    assert fts_match_expression('a"b OR c:d') == '({title body} : ("a b") OR {title body} : ("c d"))'


def test_match_expression_with_stems_umlauts_phrases_and_exclusions() -> None:
    assert fts_match_expression("Flüchtling", ["de"]) == (
        '({title body} : ("fluchtling" OR "fluechtling") OR {title_stem body_stem} : ("fluchtling"))'
    )
    assert fts_match_expression('"Koalition der Willigen" -nato', ["de"]) == (
        '({title body} : ("koalition der willigen")) NOT {title body} : ("nato")'
    )


def test_title_weighs_more_than_body(library: Library, make_article: ArticleFactory) -> None:
    with library.session() as session:
        in_body = make_article(1, title="Something", text="Ein Bericht über Brücken und anderes.")
        in_title = make_article(2, title="Brücken", text="Ein Bericht über Straßen und anderes.")
        session.add_all([in_body, in_title])
        session.flush()
        for article in (in_body, in_title):
            index_article(session, article.id, article.title, article.text)
    with library.read_session() as session:
        hits = search_articles(session, "brucken")
    assert [hit.id for hit in hits] == [2, 1]
    assert hits[0].score > hits[1].score


def test_limit(populated: Library) -> None:
    with populated.read_session() as session:
        assert len(search_articles(session, "wort1*", limit=1)) == 1
        assert search_articles(session, "wort1*", limit=0) == []


def _marked(snippet: Snippet) -> str:
    """The snippet with its hits wrapped in [ ] (for readable assertions)."""
    out, pos = [], 0
    for start, end in snippet.hits:
        out += [snippet.text[pos:start], "[", snippet.text[start:end], "]"]
        pos = end
    return "".join([*out, snippet.text[pos:]])


def test_snippet_shows_original_spelling(populated: Library) -> None:
    with populated.read_session() as session:
        (hit,) = search_articles(session, "seeminenraumung")
        assert [hit.snippet[a:b] for a, b in hit.hits] == ["Seeminenräumung"]
        assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
        assert 15 <= len(hit.snippet.split()) <= 25
        (street,) = search_articles(session, "strasse")
        assert [street.snippet[a:b] for a, b in street.hits] == ["Straße"]
        assert "strasse" not in street.snippet.lower()
        (prefixed,) = search_articles(session, "seemin*")
        assert [prefixed.snippet[a:b] for a, b in prefixed.hits] == ["Seeminenräumung"]


def test_snippet_of_short_text_has_no_ellipsis() -> None:
    snippet = make_snippet(STREET, "strasse")
    assert snippet.text == STREET
    assert _marked(snippet) == STREET.replace("Straße", "[Straße]")


def test_snippet_without_body_match_starts_at_beginning() -> None:
    snippet = make_snippet(MINES, "nomatch")
    assert snippet.text.startswith("wort0 ")
    assert snippet.hits == ()


def test_snippet_collapses_whitespace() -> None:
    snippet = make_snippet("Erste Zeile\n\nzweite   Zeile", "zweite")
    assert snippet.text == "Erste Zeile zweite Zeile"
    assert _marked(snippet) == "Erste Zeile [zweite] Zeile"


def test_guillemets_in_the_text_stay_text_and_are_no_hits() -> None:
    quoted = f"{FILLER} Der Minister sagte: «Die  Räumung beginnt», und »Kyjiw« nickte. {FILLER}"
    snippet = make_snippet(quoted, "raumung kyjiw")
    assert "«Die Räumung beginnt»" in snippet.text and "»Kyjiw«" in snippet.text
    assert [snippet.text[a:b] for a, b in snippet.hits] == ["Räumung", "Kyjiw"]
    assert _marked(snippet).count("[") == 2


def test_search_hits_carry_positions_not_marks(library: Library, make_article: ArticleFactory) -> None:
    text = "«Gipfel» in Brüssel: »Gipfeltreffen« vertagt, sagt die «Gipfel»-Runde."
    with library.session() as session:
        article = make_article(7, title="Brüssel", text=text)
        session.add(article)
        session.flush()
        index_article(session, article.id, article.title, article.text)
    with library.read_session() as session:
        (hit,) = search_articles(session, "gipfel")
    assert hit.snippet == text
    assert [hit.snippet[a:b] for a, b in hit.hits] == ["Gipfel", "Gipfel"]
    assert all(0 <= a < b <= len(hit.snippet) for a, b in hit.hits)


@given(st.text(alphabet="ab «»\n…", max_size=60), st.sampled_from(["a", "ab", "b*"]))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_snippet_hits_lie_inside_the_text_in_order(body: str, query: str) -> None:
    snippet = make_snippet(body, query)
    last = 0
    for start, end in snippet.hits:
        assert last <= start < end <= len(snippet.text)
        assert set(snippet.text[start:end]) <= set("ab")  # a word of the query, never a mark
        last = end
    core = snippet.text.removeprefix("… ").removesuffix(" …")
    assert core in " ".join(body.split())


def test_unindex_and_reindex(populated: Library) -> None:
    with populated.session() as session:
        unindex_article(session, 1)
    assert _ids(populated, "seeminenraumung") == []
    with populated.session() as session:
        index_article(session.connection(), 1, "Hafen", "Jetzt geht es um Brücken.")
    assert _ids(populated, "seeminenraumung") == []
    assert _ids(populated, "brucken") == [1]


def test_rebuild_index(populated: Library) -> None:
    with populated.session() as session:
        session.execute(text("DELETE FROM articles_fts"))
    assert _ids(populated, "strasse") == []
    with populated.session() as session:
        assert rebuild_index(session) == 3
    assert _ids(populated, "strasse") == [2]


def test_scan_fallback_for_other_databases(populated: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "_dialect_name", lambda _s: "mysql")
    with populated.session() as session:
        index_article(session, 3, "ignored", "ignored")  # no-op without a full-text index
        hits = search_articles(session, "SEEMINENRÄUMUNG")
        assert [hit.id for hit in hits] == [1]
        assert [hits[0].snippet[a:b] for a, b in hits[0].hits] == ["Seeminenräumung"]
        assert [hit.id for hit in search_articles(session, "strasse")] == [2]
        assert [hit.id for hit in search_articles(session, "seemin*")] == [1]
        assert search_articles(session, "seemin") == []
        assert search_articles(session, 'NEAR( "') == []
        assert rebuild_index(session) == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_arbitrary_queries_never_raise(populated: Library, query: str) -> None:
    with populated.read_session() as session:
        assert isinstance(search_articles(session, query), list)
