"""The reading pane marks what the library search found: other word forms, ae/oe/ue, phrases."""

from __future__ import annotations

from typing import Any

from desktop.storage.search import search_articles
from desktop.ui.context import AppContext
from tests.ui.reader_support import import_article, make_reader, open_article, span_of, stored_text

GERMAN = (
    "Flüchtlinge an der Grenze\n"
    "Die Zahl der Flüchtlinge an der Grenze steigt seit Wochen. Ein Flüchtling erzählte, die Straße "
    "nach Weissfeld sei gesperrt gewesen; auch die alte Strasse am Fluss war nicht passierbar. Die "
    "Behörden wollen die Lage in den kommenden Tagen neu bewerten und Unterkünfte bereitstellen."
)
ENGLISH = (
    "Talks resume in Weissfeld\n"
    "The negotiations resumed on Monday after a long pause. Both sides said they would negotiate "
    "until a settlement is reached, and the mediators expect the next round to begin within weeks."
)


def _marked(qtbot: Any, ctx: AppContext, article_id: int, query: str) -> list[str]:
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id, query=query)
    text = stored_text(ctx.library, article_id)
    assert len(reader.browser.boxes("query")) == len(reader.layers.query_spans)
    return [text[a:b] for a, b in reader.layers.query_spans]


def _found(ctx: AppContext, query: str) -> set[int]:
    with ctx.library.read_session() as session:
        return {hit.id for hit in search_articles(session, query)}


def test_word_forms_are_marked_as_the_search_finds_them(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx, GERMAN)
    assert article_id in _found(ctx, "Flüchtling")
    assert _marked(qtbot, ctx, article_id, "Flüchtling") == ["Flüchtlinge", "Flüchtlinge", "Flüchtling"]
    assert article_id in _found(ctx, "fluechtlinge")
    assert _marked(qtbot, ctx, article_id, "fluechtlinge") == ["Flüchtlinge", "Flüchtlinge", "Flüchtling"]
    assert _marked(qtbot, ctx, article_id, "strasse") == ["Straße", "Strasse"]


def test_english_stems_phrases_and_exclusions(qtbot: Any, ctx: AppContext) -> None:
    article_id = import_article(ctx, ENGLISH)
    text = stored_text(ctx.library, article_id)
    assert article_id in _found(ctx, "negotiate")
    assert _marked(qtbot, ctx, article_id, "negotiate") == ["negotiations", "negotiate"]
    reader = make_reader(qtbot, ctx)
    open_article(qtbot, reader, article_id, query='"both sides" -pause')
    assert reader.layers.query_spans == [span_of(text, "Both sides")]  # the excluded word is not marked
