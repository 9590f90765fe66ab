"""Quotes in the reading pane: which messages are marked, who said the one under the mouse.

The reading pane keeps the article's quotes (``ArticleDetail.quotes``) here; it asks for the spans
to colour and the margin bars when it paints, and for the speaker when it shows a tooltip. The
marks can be switched off (View ▸ Show Quotes and the legend); the choice is remembered.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QPalette

from desktop.services.dto import QuoteRow
from desktop.ui.quotes_model import quote_headline
from desktop.ui.reading_doc import DocLayout
from desktop.ui.reading_marks import Span, SpanIndex, quote_bars, quote_spans

SHOW_QUOTES_KEY = "reader/show_quotes"


class QuoteMarks(QObject):
    """The quotes of the article shown and whether they are marked."""

    visibility_changed = Signal(bool)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        value = settings.value(SHOW_QUOTES_KEY, True)
        self._visible = value not in (False, "false", "0", 0)
        self._quotes: dict[int, QuoteRow] = {}
        self._index = SpanIndex([])

    def is_visible(self) -> bool:
        """True while quoted messages are marked."""
        return self._visible

    def set_visible(self, on: bool) -> bool:
        """Mark quotes (True) or not; returns True when this changed anything."""
        on = bool(on)
        if on == self._visible:
            return False
        self._visible = on
        self._settings.setValue(SHOW_QUOTES_KEY, on)
        self.visibility_changed.emit(on)
        return True

    def set_quotes(self, quotes: Sequence[QuoteRow]) -> None:
        """The quotes of the article shown (text order)."""
        self._quotes = {q.id: q for q in quotes}
        self._index = SpanIndex(quote_spans(quotes))

    def quotes(self) -> list[QuoteRow]:
        """Every quote of the article shown, in text order."""
        return [self._quotes[s.ref] for s in self._index.spans]

    def spans(self) -> list[Span]:
        """The spans to mark (none while hidden)."""
        return list(self._index.spans) if self._visible else []

    def bars(self, layout: DocLayout, palette: QPalette) -> list[tuple[int, int, QColor]]:
        """The margin bars of the marked quotes."""
        return quote_bars(layout, self.spans(), palette)

    def quote_at(self, index: int | None) -> QuoteRow | None:
        """The innermost quote containing body offset ``index`` (also while the marks are hidden)."""
        if index is None:
            return None
        hits = self._index.at(index)
        return self._quotes.get(hits[0].ref) if hits else None

    def tooltip(self, index: int | None) -> str | None:
        """Who said the message at ``index`` (None outside quotes or while hidden)."""
        quote = self.quote_at(index) if self._visible else None
        return quote_headline(quote) if quote is not None else None
