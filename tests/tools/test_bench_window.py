"""The window benchmark's library builder: varied articles that search and de-duplication keep apart."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.services.article_pages import ArticleQuery, search_page
from desktop.storage.db import open_library
from desktop.storage.models import Article, Mention
from tools.bench_window import MENTIONS_PER_ARTICLE, build_library

TEXTS = [
    "Hafen wächst\n\nDer Hafen meldet mehr Umschlag als im Vorjahr. Die Werften stellen ein.",
    "Neue Brücke\n\nDie Stadt plant eine Brücke über den Fluss. Die Kosten steigen weiter.",
]


def test_build_library_makes_distinct_searchable_articles(tmp_path: Path) -> None:
    library = open_library(f"sqlite:///{tmp_path / 'bench.sqlite3'}")
    try:
        built = build_library(library, TEXTS, 25)
        assert built["articles"] == 25
        with library.read_session() as session:
            assert session.scalar(select(func.count(func.distinct(Article.content_hash)))) == 25
            assert session.scalar(select(func.count(Mention.id))) == 25 * MENTIONS_PER_ARTICLE
            page = search_page(session, ArticleQuery(state="all", search="brücke"), 100)
            bridges = {row.id for row in page.rows if row.title.startswith("Neue Brücke")}
            assert len(bridges) == 12  # every variant of the text about the bridge (and others that say it)
    finally:
        library.close()
