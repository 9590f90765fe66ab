"""A word in more articles than the bound is ranked among its newest matches; rarer ones as before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.storage import search
from desktop.storage.db import Library
from desktop.storage.models import Article
from desktop.storage.search import index_article, search_articles

ArticleFactory = Callable[..., Article]
CAP = 8


@pytest.fixture
def crowded(library: Library, make_article: ArticleFactory) -> Library:
    with library.session() as session:
        articles = []
        for n in range(30):
            common = " ".join(["Regierung"] * (1 + n % 4))
            rare = " Seeminenräumung im Hafen" if n in (2, 17) else ""
            exact = " Regierungen" if n % 5 == 0 else ""
            body = f"Heute {common} und mehr.{rare}{exact}"
            articles.append(make_article(n, title=f"Bericht {n}", text=body))
        articles.append(make_article(99, title="Regierung", text="Die Regierung tagt."))  # newest: title hit
        session.add_all(articles)
        session.flush()
        for article in articles:
            index_article(session, article.id, article.title, article.text)
    return library


def _search(library: Library, query: str, limit: int = 5) -> list[tuple[int, bool]]:
    with library.read_session() as session:
        return [(hit.id, hit.exact) for hit in search_articles(session, query, limit=limit)]


def test_a_common_word_is_ranked_among_its_newest_matches(
    crowded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    unbounded = _search(crowded, "regierung", limit=40)
    monkeypatch.setattr(search, "RANK_CANDIDATES", CAP)
    bounded = _search(crowded, "regierung", limit=5)
    newest = sorted((i for i, _exact in unbounded), reverse=True)[:CAP]
    assert len(bounded) == 5 and {i for i, _exact in bounded} <= set(newest)
    expected = [hit for hit in unbounded if hit[0] in newest][:5]  # the same order, restricted
    assert bounded == expected


def test_a_page_larger_than_the_bound_is_still_full(
    crowded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "RANK_CANDIDATES", CAP)
    assert len(_search(crowded, "regierung", limit=20)) == 20


@pytest.mark.parametrize("query", ["seeminenraumung", "seemin*", '"im hafen"', "hafen -seeminenraumung"])
def test_rarer_queries_are_unchanged(crowded: Library, monkeypatch: pytest.MonkeyPatch, query: str) -> None:
    before = _search(crowded, query, limit=5)
    monkeypatch.setattr(search, "RANK_CANDIDATES", CAP)
    assert _search(crowded, query, limit=5) == before
    assert before or query.startswith("hafen -")


def _ids_by_title(library: Library) -> dict[str, int]:
    with library.read_session() as session:
        return {title: article_id for article_id, title in session.query(Article.id, Article.title)}


def test_under_the_bound_a_title_hit_and_exact_forms_come_first(
    crowded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _ids_by_title(crowded)
    monkeypatch.setattr(search, "RANK_CANDIDATES", CAP)
    assert _search(crowded, "regierung", limit=3)[0] == (ids["Regierung"], True)
    hits = _search(crowded, "Regierungen", limit=CAP)  # the newest CAP matches, by stem
    assert {i for i, _exact in hits} == set(sorted(ids.values())[-CAP:])
    assert hits[0] == (ids["Bericht 25"], True)  # the only one with the word as typed among them
    assert not any(exact for _i, exact in hits[1:])


@pytest.mark.parametrize(
    "query", ["SEEMINENRÄUMUNG", "Seeminenraeumung", "seeminenräumung", '"IM Hafen"', "seem*"]
)
def test_under_the_bound_older_rare_matches_are_found_whatever_the_case_and_accents(
    crowded: Library, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    ids = _ids_by_title(crowded)
    monkeypatch.setattr(search, "RANK_CANDIDATES", CAP)
    assert {i for i, _exact in _search(crowded, query)} == {ids["Bericht 2"], ids["Bericht 17"]}
