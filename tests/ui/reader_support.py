"""Helpers shared by the reading pane, sidebar and annotation tests (plain functions, no fixtures)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QTextCursor
from sqlalchemy import select

from desktop.services.importer import Importer
from desktop.services.queries import annotation_rows, list_actors
from desktop.storage.db import Library
from desktop.storage.models import Article
from desktop.ui.context import AppContext
from desktop.ui.reader_view import ReaderPane

#: A small German text with the fake recogniser's invented names, and characters outside the BMP
#: before some of them (so code-point and UTF-16 offsets differ).
GERMAN_TEXT = (
    "Treffen in Weissfeld\n"
    "Anna Berg traf am Montag 😀 Tomas Lindqvist in Weissfeld.\n"
    "Die Nordhafen Bank 🇩🇪 bestätigte das Treffen; Anna Berg sprach von einem Erfolg.\n"
    "\n"
    "Lindqvist schwieg, die Nordhafen Bank auch. 🎉 Später reiste Anna Berg über Straßen nach Weissfeld."
)
OTHER_TEXT = (
    "Zweiter Bericht\nTomas Lindqvist sprach in Weissfeld über die Nordhafen Bank und die Zukunft der Stadt."
)
TIMEOUT = 10000


def import_article(ctx: AppContext, text: str = GERMAN_TEXT) -> int:
    """Import ``text`` with the context's fake recogniser; returns the new article id."""
    assert ctx.model is not None
    result = Importer(ctx.library, ctx.model).import_text(text)
    assert result.status == "imported", result.message
    assert result.id is not None
    return result.id


def stored_text(library: Library, article_id: int) -> str:
    """The article text as stored (offsets refer to it)."""
    with library.read_session() as session:
        return str(session.scalar(select(Article.text).where(Article.id == article_id)))


def stored_annotations(library: Library, article_id: int) -> list[Any]:
    """The article's annotations as stored."""
    with library.read_session() as session:
        return annotation_rows(session, article_id)


def stored_actors(library: Library, article_id: int | None = None) -> dict[str, Any]:
    """Actors (of an article, or all) by name."""
    with library.read_session() as session:
        return {a.name: a for a in list_actors(session, article_id)}


def make_reader(qtbot: Any, ctx: AppContext, *, show: bool = True) -> ReaderPane:
    """A visible reading pane of a fixed size."""
    reader = ReaderPane(ctx)
    qtbot.addWidget(reader)
    reader.resize(900, 640)
    if show:
        reader.show()
        qtbot.waitExposed(reader)
    return reader


def open_article(qtbot: Any, reader: ReaderPane, article_id: int, query: str | None = None) -> None:
    """Open an article and wait until it is rendered."""
    with qtbot.waitSignal(reader.article_opened, timeout=TIMEOUT) as blocker:
        reader.open_article(article_id, highlight_query=query)
    assert blocker.args == [article_id]


def span_of(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Code-point span of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def viewport_rect(reader: ReaderPane, start: int, end: int) -> QRect:
    """Viewport rectangle covering body [start, end) on one line (code points)."""
    layout = reader.layout_info()
    assert layout is not None
    cursor = QTextCursor(reader.browser.document())
    cursor.setPosition(layout.qt_pos(start))
    left = reader.browser.cursorRect(cursor)
    cursor.setPosition(layout.qt_pos(end))
    right = reader.browser.cursorRect(cursor)
    assert left.top() == right.top(), "the span must be on one line"
    return QRect(QPoint(left.right() + 1, left.top()), QPoint(right.left() - 1, left.bottom()))


def dominant_color(image: QImage, rect: QRect) -> QColor:
    """The most frequent pixel colour inside ``rect`` of ``image``."""
    counts: Counter[int] = Counter()
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            counts[image.pixel(x, y)] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0])


def close(color: QColor, other: QColor, tolerance: int = 3) -> bool:
    """Colours equal within ``tolerance`` per channel."""
    return all(abs(a - b) <= tolerance for a, b in zip(color.getRgb()[:3], other.getRgb()[:3], strict=True))
