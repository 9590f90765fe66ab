"""Search as German and English readers type: ae/oe/ue and ss, word stems, phrases, OR, exclusion."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from desktop.storage.db import Library, create_engine_for, open_library
from desktop.storage.migrate import alembic_config, upgrade_to_head
from desktop.storage.models import Article
from desktop.storage.search import index_article, library_languages, rebuild_index, search_articles
from tests.postgres import sqlite_only

ArticleFactory = Callable[..., Article]

GERMAN = [
    (1, "Flüchtlinge an der Grenze", "Viele Flüchtlinge warten an der Straße nach Wien. Die Lage ist ernst."),
    (2, "Ein Flüchtling erzählt", "Der Flüchtling berichtet über seine Flucht über das Meer."),
    (3, "Schweizer Schreibweise", "Die Fluechtlinge stehen an der Strasse; die Behörden zählen sie."),
    (4, "Koalition der Willigen", "Die Koalition der Willigen berät über Garantien für Kyjiw."),
    (5, "Willige Koalition", "Eine Koalition, willig und bereit, aber ohne die genannten Partner."),
]
ENGLISH = [
    (6, "Talks resume", "The negotiations between both sides resumed on Monday after a pause."),
    (7, "Ready to negotiate", "Both governments said they would negotiate a new treaty."),
]


@pytest.fixture
def corpus(library: Library) -> Library:
    with library.session() as session:
        for n, title, body in GERMAN + ENGLISH:
            language = "de" if n <= 5 else "en"
            session.add(
                Article(
                    id=n, title=title, text=body, language=language, format="txt", content_hash=f"{n:064x}"
                )
            )
        session.flush()
        for n, title, body in GERMAN + ENGLISH:
            index_article(session, n, title, body)  # language looked up from the row
    return library


def ids(library: Library, query: str) -> list[int]:
    with library.read_session() as session:
        return [hit.id for hit in search_articles(session, query)]


def test_languages_with_stemmers(corpus: Library) -> None:
    with corpus.read_session() as session:
        assert library_languages(session) == ["de", "en"]


@pytest.mark.parametrize("query", ["fluechtlinge", "Flüchtlinge", "FLUCHTLINGE", "Fluechtlinge"])
def test_umlaut_transliterations_both_ways(corpus: Library, query: str) -> None:
    found = ids(corpus, query)
    assert {1, 3} <= set(found)


@pytest.mark.parametrize("query", ["strasse", "Straße", "STRASSE"])
def test_sharp_s_both_ways(corpus: Library, query: str) -> None:
    assert set(ids(corpus, query)) == {1, 3}


def test_stem_finds_other_forms_and_exact_forms_rank_first(corpus: Library) -> None:
    with corpus.read_session() as session:
        hits = search_articles(session, "Flüchtling")
    assert {h.id for h in hits} == {1, 2, 3}
    assert hits[0].id == 2 and hits[0].exact
    assert all(not h.exact for h in hits[1:])
    with corpus.read_session() as session:
        plural = search_articles(session, "Flüchtlinge")
    assert [h.exact for h in plural] == [True, True, False]  # 1 and 3 as typed, then 2 by stem
    assert {h.id for h in plural[:2]} == {1, 3}


def test_english_stems(corpus: Library) -> None:
    assert set(ids(corpus, "negotiate")) == {6, 7}
    assert ids(corpus, "negotiate")[0] == 7
    assert set(ids(corpus, "negotiations")) == {6, 7}


def test_phrase_in_quotes_is_exact_and_ordered(corpus: Library) -> None:
    assert ids(corpus, '"Koalition der Willigen"') == [4]
    assert set(ids(corpus, "Koalition willigen")) == {4, 5}
    assert ids(corpus, "„koalition der willigen“") == [4]
    assert ids(corpus, '"der willigen koalition"') == []


def test_prefix_or_and_exclusion(corpus: Library) -> None:
    assert set(ids(corpus, "negoti*")) == {6, 7}
    assert set(ids(corpus, "treaty OR monday")) == {6, 7}
    assert set(ids(corpus, "koalition -kyjiw")) == {5}
    assert ids(corpus, 'koalition -"der willigen"') == [5]
    assert ids(corpus, "fl*  -meer -wien") == [3]


def test_snippet_marks_other_forms(corpus: Library) -> None:
    with corpus.read_session() as session:
        (hit,) = [h for h in search_articles(session, "fluechtling") if h.id == 1]
    assert "Flüchtlinge" in [hit.snippet[a:b] for a, b in hit.hits]


def test_rebuild_in_batches(corpus: Library) -> None:
    seen: list[int] = []
    with corpus.session() as session:
        assert rebuild_index(session, batch=3, progress=seen.append) == 7
    assert seen == [3, 6, 7]
    assert set(ids(corpus, "negotiate")) == {6, 7}


@pytest.fixture
def old_library(db_path: Path, db_url: str) -> Iterator[str]:
    """A library at revision 0002 (FTS without stems) holding two articles."""
    engine = create_engine_for(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002_quotes")
            for n, title, body, lang in [(1, *GERMAN[0][1:], "de"), (2, *ENGLISH[0][1:], "en")]:
                conn.execute(
                    text(
                        "INSERT INTO articles (id, title, text, language, format, content_hash, imported_at) "
                        "VALUES (:id, :t, :b, :l, 'txt', :h, '2025-01-01 00:00:00')"
                    ),
                    {"id": n, "t": title, "b": body, "l": lang, "h": f"{n:064x}"},
                )
                conn.execute(
                    text("INSERT INTO articles_fts (rowid, title, body) VALUES (:id, :t, :b)"),
                    {"id": n, "t": title.lower(), "b": body.lower()},
                )
    finally:
        engine.dispose()
    yield db_url


@sqlite_only
def test_migration_rebuilds_the_index_with_stems(old_library: str) -> None:
    library = open_library(old_library)
    try:
        assert ids(library, "Flüchtling") == [1]
        assert ids(library, "negotiate") == [2]
        with library.read_session() as session:
            row = session.execute(text("SELECT read_at, starred, archived FROM articles WHERE id = 1")).one()
        assert tuple(row) == (None, False, False)
    finally:
        library.close()


@sqlite_only
def test_downgrade_keeps_a_searchable_index(old_library: str) -> None:
    library = open_library(old_library)
    try:
        with library.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0002_quotes")
        with library.engine.connect() as conn:
            rows = conn.execute(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'fluchtlinge'"))
            assert [r[0] for r in rows] == [1]
        upgrade_to_head(library.engine)
        assert ids(library, "Flüchtling") == [1]
    finally:
        library.close()
