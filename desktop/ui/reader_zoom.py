"""The reading pane's text size and scroll position (a part of ``ReaderPane``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.ui.reading_doc import DEFAULT_POINT_SIZE

if TYPE_CHECKING:
    from desktop.ui.context import AppContext
    from desktop.ui.reader_layers import ScrollMemory
    from desktop.ui.reading_browser import ReadingBrowser
    from desktop.ui.reading_doc import DocLayout

ZOOM_KEY = "view/zoom"  # percent, shared with the main window's View menu
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


def clamp_zoom(percent: object) -> int:
    """A zoom in percent within the allowed range (100 for anything that is no number)."""
    try:
        value = int(str(percent))
    except ValueError:
        return 100
    return max(ZOOM_MIN, min(ZOOM_MAX, value))


class ZoomAndScroll:
    """Mixed into ReaderPane: zoom in percent (remembered) and the reading position as a text index."""

    ctx: AppContext
    browser: ReadingBrowser
    scroll_memory: ScrollMemory
    _zoom: int
    _detail: Any
    _layout: DocLayout | None
    _annotations: Any
    _render: Callable[[], None]  # ReaderPane's

    def zoom_in(self) -> None:
        """Larger text."""
        self.set_zoom(self._zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        """Smaller text."""
        self.set_zoom(self._zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        """The default text size."""
        self.set_zoom(100)

    def zoom(self) -> int:
        """The text size in percent of the default."""
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Set the text size in percent (remembered), keeping the reading position."""
        percent = clamp_zoom(percent)
        self.ctx.settings.setValue(ZOOM_KEY, percent)
        if percent == self._zoom:
            return
        top = self._top_index()
        self._zoom = percent
        if self._detail is not None:
            self._render()
            self._scroll_to_index(top, top=True)

    def point_size(self) -> float:
        """The current body text size in points."""
        return DEFAULT_POINT_SIZE * self._zoom / 100

    def _top_index(self) -> int:
        if self._layout is None or self.browser.verticalScrollBar().value() == 0:
            return 0
        return self._layout.index(self.browser.top_position()) or 0

    def _scroll_to_index(self, index: int, *, top: bool = False) -> None:
        if self._layout is None:
            return
        if index <= 0 and top:
            self.browser.verticalScrollBar().setValue(0)
        else:
            self.browser.scroll_to_position(self._layout.qt_pos(index), top=top)

    def _remember_scroll(self) -> None:
        if self._detail is not None and self._layout is not None:
            self.scroll_memory.remember(self._detail.id, self._top_index())

    def scroll_to_annotation(self, annotation_id: int) -> None:
        """Bring an annotation into view."""
        for span in self._annotations.spans:
            if span.ref == annotation_id:
                self._scroll_to_index(span.start)
                return
