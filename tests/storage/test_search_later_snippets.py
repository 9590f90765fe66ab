"""A search page may leave its lower hits without snippets; they are made later, the same as at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.services.article_pages import ArticleQuery, search_page, search_snippets
from desktop.storage.db import Library
from desktop.storage.models import Article
from desktop.storage.search import Snippet, hit_snippets, index_article, search_articles

ArticleFactory = Callable[..., Article]


@pytest.fixture
def hafen(library: Library, make_article: ArticleFactory) -> Library:
    with library.session() as session:
        articles = [
            make_article(
                n, title=f"Meldung {n}", text=f"Vorne {'Text ' * n} im Hafen von Kiel liegen {n} Schiffe."
            )
            for n in range(12)
        ]
        session.add_all(articles)
        session.flush()
        for article in articles:
            index_article(session, article.id, article.title, article.text)
    return library


def test_only_the_best_hits_get_snippets_and_the_others_match_later(hafen: Library) -> None:
    with hafen.read_session() as session:
        full = search_articles(session, "Häfen", limit=10)
        partial = search_articles(session, "Häfen", limit=10, snippets=3)
        assert [(h.id, h.title, h.score, h.exact) for h in partial] == [
            (h.id, h.title, h.score, h.exact) for h in full
        ]
        assert all(h.snippet and h.hits for h in partial[:3]) and all(h.snippet for h in full)
        assert all(h.snippet == "" and h.hits == () for h in partial[3:])
        later = hit_snippets(session, "Häfen", [h.id for h in partial[3:]] + [10_000])
        assert later == {h.id: Snippet(h.snippet, h.hits) for h in full[3:]}  # a gone article is left out
        assert hit_snippets(session, "", [full[0].id]) == {}


def test_the_service_passes_the_snippet_count_through(hafen: Library) -> None:
    with hafen.read_session() as session:
        page = search_page(session, ArticleQuery(search="hafen"), 10, snippets=0)
        assert len(page.hits) == 10 and not any(h.snippet for h in page.hits)
        again = search_snippets(session, "hafen", [h.id for h in page.hits])
        assert all("Hafen" in again[h.id].text for h in page.hits)
        assert search_page(session, ArticleQuery(search="hafen"), 10).hits[0].snippet  # old call: all
