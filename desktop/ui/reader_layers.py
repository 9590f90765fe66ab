"""Transient highlights of the reading pane: search hits, the selected actor's mentions, find matches.

They are extra selections drawn over the text, so switching them never touches the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QPalette, QTextCursor

from desktop.core.query import Matcher, parse_query
from desktop.services.dto import ActorRow, ArticleDetail
from desktop.ui.find_bar import FindBar, find_all
from desktop.ui.palette import entity_background, entity_color, find_colors, text_on
from desktop.ui.reading_browser import BOX_LAYERS, LAYERS, ReadingBrowser
from desktop.ui.reading_doc import DocLayout
from desktop.ui.reading_marks import extra_selections, qt_ranges


class TransientLayers(QObject):
    """Keeps the query, actor and find layers of one ``ReadingBrowser`` in step with the article."""

    mention_changed = Signal(int, int)  # current mention (0-based, -1: none), mentions of the actor

    def __init__(
        self,
        browser: ReadingBrowser,
        find_bar: FindBar,
        scroll_to: Callable[[int], None],
        top_index: Callable[[], int],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._browser = browser
        self._find_bar = find_bar
        self._scroll_to = scroll_to
        self._top_index = top_index
        self._detail: ArticleDetail | None = None
        self._layout: DocLayout | None = None
        self._actors: dict[int, ActorRow] = {}
        self.query_spans: list[tuple[int, int]] = []
        self.actor_id: int | None = None
        self.mentions: list[tuple[int, int]] = []
        self.mention_index = -1
        self.find_spans: list[tuple[int, int]] = []
        self.find_index: int | None = None
        find_bar.search_changed.connect(self.find)
        find_bar.next_requested.connect(lambda: self.step_find(1))
        find_bar.previous_requested.connect(lambda: self.step_find(-1))
        find_bar.closed.connect(self._find_closed)

    def clear(self) -> None:
        """Forget the article (placeholder shown)."""
        self._detail, self._layout, self._actors = None, None, {}
        for layer in LAYERS:
            self._browser.set_layer(layer, [])
        for layer in BOX_LAYERS:
            self._browser.set_boxes(layer, [], QColor())

    def update(
        self, detail: ArticleDetail, layout: DocLayout, actors: dict[int, ActorRow], *, new_article: bool
    ) -> None:
        """After a render: redraw every layer for the (possibly reloaded) article."""
        self._detail, self._layout, self._actors = detail, layout, actors
        if new_article:
            self.query_spans = []
            self.actor_id = None
            self.mention_index = -1
        self._show_query()
        self._show_actor()
        if self._find_bar.isVisible():
            self.find(self._find_bar.query(), keep_index=not new_article)

    def _palette(self) -> QPalette:
        return self._browser.palette()

    def _outline(self, name: str, spans: list[tuple[int, int]]) -> None:
        """Frame ``spans`` (search words or find matches) in the find colour."""
        ranges = qt_ranges(self._layout, spans) if self._layout is not None else []
        self._browser.set_boxes(name, ranges, find_colors(self._palette())[2])

    # --- search hits -------------------------------------------------------------------------------
    def set_query(self, query: str | None) -> list[tuple[int, int]]:
        """Mark what a library search found (other word forms, phrases, ae/oe/ue); returns the hits.

        The same matcher as the search itself, in the article's language, so what was found is
        what is marked; excluded words are not marked.
        """
        detail = self._detail
        if detail is None or not query:
            self.query_spans = []
        else:
            self.query_spans = Matcher(parse_query(query), [detail.language]).spans(detail.text)
        self._show_query()
        return self.query_spans

    def _show_query(self) -> None:
        self._outline("query", self.query_spans)

    # --- the selected actor ------------------------------------------------------------------------
    def highlight_actor(self, actor_id: int | None) -> None:
        """Mark every mention of an actor strongly (None: none)."""
        self.actor_id = actor_id
        self.mention_index = -1
        self._show_actor()

    def _show_actor(self) -> None:
        detail, layout = self._detail, self._layout
        actor = self._actors.get(self.actor_id) if self.actor_id is not None else None
        if detail is None or layout is None or actor is None:
            self.mentions = []
            self._browser.set_layer("actor", [])
            self._browser.set_layer("actor_current", [])
            self.mention_changed.emit(-1, 0)
            return
        self.mentions = [(m.start, m.end) for m in detail.mentions if m.actor_id == actor.id]
        self.mention_index = min(self.mention_index, len(self.mentions) - 1)
        doc, palette = self._browser.document(), self._palette()
        strong = entity_background(actor.type, palette, strong=True)
        self._browser.set_layer("actor", extra_selections(doc, layout, self.mentions, strong))
        current = [self.mentions[self.mention_index]] if self.mention_index >= 0 else []
        solid = entity_color(actor.type)
        self._browser.set_layer(
            "actor_current", extra_selections(doc, layout, current, solid, foreground=text_on(solid))
        )
        self.mention_changed.emit(self.mention_index, len(self.mentions))

    def step_mention(self, step: int) -> None:
        """Go to the next (1) or previous (-1) mention of the highlighted actor."""
        if not self.mentions:
            return
        if self.mention_index < 0:
            self.mention_index = 0 if step > 0 else len(self.mentions) - 1
        else:
            self.mention_index = (self.mention_index + step) % len(self.mentions)
        self._show_actor()
        self._scroll_to(self.mentions[self.mention_index][0])

    # --- find bar ----------------------------------------------------------------------------------
    def find(self, query: str, keep_index: bool = False) -> None:
        """Find ``query`` (phrase, case/accent-insensitive); the current match is the first one in view."""
        text = self._detail.text if self._detail else ""
        self.find_spans = find_all(text, query)
        if not self.find_spans:
            self.find_index = None
        elif not keep_index or self.find_index is None or self.find_index >= len(self.find_spans):
            top = self._top_index()
            self.find_index = next((i for i, s in enumerate(self.find_spans) if s[0] >= top), 0)
        self._show_find(scroll=not keep_index)

    def step_find(self, step: int) -> None:
        """Next (1) or previous (-1) match."""
        if self.find_spans:
            self.find_index = ((self.find_index or 0) + step) % len(self.find_spans)
            self._show_find()

    def _show_find(self, scroll: bool = True) -> None:
        spans = self.find_spans
        self._outline("find", [s for i, s in enumerate(spans) if i != self.find_index])
        current = [spans[self.find_index]] if self.find_index is not None and self._layout is not None else []
        fill, text, _outline = find_colors(self._palette())
        doc, layout = self._browser.document(), self._layout
        selections = (
            extra_selections(doc, layout, current, fill, foreground=text) if layout is not None else []
        )
        self._browser.set_layer("find_current", selections)
        self._find_bar.set_result(self.find_index, len(spans))
        if scroll and self.find_index is not None:
            self._scroll_to(spans[self.find_index][0])

    def _find_closed(self) -> None:
        """Drop the match highlights; the current match stays selected (Ctrl+H highlights it at once)."""
        current = (
            self.find_spans[self.find_index] if self.find_index is not None and self.find_spans else None
        )
        self.find_spans, self.find_index = [], None
        self._outline("find", [])
        self._browser.set_layer("find_current", [])
        if current is not None and self._layout is not None:
            cursor = QTextCursor(self._browser.document())
            cursor.setPosition(self._layout.qt_pos(current[0]))
            cursor.setPosition(self._layout.qt_pos(current[1]), QTextCursor.MoveMode.KeepAnchor)
            self._browser.setTextCursor(cursor)
        self._browser.setFocus()


class ScrollMemory:
    """The reading position (body offset of the first visible line) per article, kept across sessions."""

    KEY = "reader/scroll/{}"

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self._positions: dict[int, int] = {}

    def remember(self, article_id: int, index: int) -> None:
        """Store the position of an article."""
        self._positions[article_id] = index
        self._settings.setValue(self.KEY.format(article_id), index)

    def recall(self, article_id: int) -> int:
        """The stored position (0 when unknown)."""
        if article_id in self._positions:
            return self._positions[article_id]
        return max(0, int(as_number(self._settings.value(self.KEY.format(article_id), 0), 0)))


def as_number(value: Any, default: float) -> float:
    """A settings value as a number (``default`` when it is not one)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return default
