"""Opening a place in an article: the reading pane shows the article, the passage selected and in view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from desktop.ui.reader_view import ReaderPane


class PlaceOpener(QObject):
    """Shows [start, end) of an article in the reading pane, opening the article first if needed."""

    revealed = Signal(int, int, int)  # article id, start, end: the passage is selected and in view

    def __init__(
        self,
        reader: ReaderPane,
        open_article: Callable[[int], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._open = open_article or (lambda article_id: reader.open_article(article_id))
        self._pending: tuple[int, int, int] | None = None
        reader.rendered.connect(self._on_rendered)

    def show(self, article_id: int, start: int, end: int) -> None:
        """Select and scroll to [start, end) (code points) of ``article_id``."""
        if self._reader.current_article_id() == article_id and self._reader.layout_info() is not None:
            self._pending = None
            self._reveal(article_id, start, end)
            return
        self._pending = (article_id, start, end)
        self._open(article_id)

    def _on_rendered(self, article_id: int) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == article_id:
            self._reveal(*pending)
        elif pending is not None:
            self._pending = pending  # another article was rendered first: keep waiting

    def _reveal(self, article_id: int, start: int, end: int) -> None:
        reader = self._reader
        layout = reader.layout_info()
        if layout is None:
            return
        reader.select_range(start, end)
        reader.browser.scroll_to_position(layout.qt_pos(start))
        reader.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        self.revealed.emit(article_id, start, end)
