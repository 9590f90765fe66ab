"""The text surface of the reading pane: a read-only, centred column with underlines and outlines."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLayout,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QWidget,
)

#: Transient highlight layers, drawn in this order (later ones on top).
LAYERS = ("actor", "actor_current", "find_current")
#: Outlined ranges (search words, find matches): a frame around the words, never a fill.
BOX_LAYERS = ("query", "find")
MIN_SIDE_MARGIN = 28.0
#: The bar beside quoted lines: its width and its distance from the text column (pixels).
BAR_WIDTH, BAR_GAP = 3.0, 10.0


class ReadingBrowser(QTextBrowser):
    """A read-only text view: no links, no resources, a centred column of comfortable width."""

    clicked = Signal(int)  # Qt position of the character under a plain click (no drag, no selection)
    zoom_requested = Signal(int)  # +1 / -1 from Ctrl+wheel
    double_clicked = Signal(int)  # Qt position of the character under a double click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        # the scroll bar's room is always kept: when it came and went with an article's length, the
        # viewport changed width and the whole article was laid out a second time
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.document().setUndoRedoEnabled(False)
        self.tooltip_provider: Callable[[int], str | None] | None = None
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._measure = 640.0
        self._press: QPoint | None = None
        self._underlines: list[tuple[int, int, QColor]] = []
        self._boxes: dict[str, tuple[list[tuple[int, int]], QColor]] = {}
        self._bars: list[tuple[int, int, QColor]] = []

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Refuse every resource: the reader never loads images, files or anything remote."""
        return None

    # --- geometry ---------------------------------------------------------------------------------
    def set_measure(self, width: float) -> None:
        """The preferred text column width in pixels (about 70 characters)."""
        self._measure = width
        self.update_margins()

    def update_margins(self) -> None:
        """Centre the text column in the viewport."""
        available = float(self.viewport().width())
        text_width = min(self._measure, max(160.0, available - 2 * MIN_SIDE_MARGIN))
        side = max(MIN_SIDE_MARGIN if available > 320 else 8.0, (available - text_width) / 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) < 0.5 and fmt.topMargin() == 24:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(64)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        top = self.top_position() if self.verticalScrollBar().value() > 0 else None
        super().resizeEvent(event)
        self.update_margins()
        if top is not None:
            self.scroll_to_position(top, top=True)

    def ensure_layout(self) -> None:
        """Lay out the whole document now, so positions and the scroll range are final."""
        doc = self.document()
        doc.documentLayout().blockBoundingRect(doc.lastBlock())

    def top_position(self) -> int:
        """Qt position of the first visible line."""
        return self.cursorForPosition(QPoint(self.viewport().width() // 2, 2)).position()

    def scroll_to_position(self, position: int, *, top: bool = False) -> None:
        """Scroll so that ``position`` is at the top (``top``) or a third down the viewport."""
        self.ensure_layout()
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        offset = 0 if top else self.viewport().height() // 3
        bar.setValue(bar.value() + rect.top() - offset)

    def char_at(self, point: QPoint) -> int | None:
        """Qt position of the character under a viewport point (None off the text)."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        hit = self.document().documentLayout().hitTest(point + offset, Qt.HitTestAccuracy.ExactHit)
        if hit < 0:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(hit)
        if point.x() < self.cursorRect(cursor).x() and hit > 0:
            hit -= 1
        return hit

    # --- annotation underlines -----------------------------------------------------------------------
    def set_underlines(self, underlines: Iterable[tuple[int, int, QColor]]) -> None:
        """Thick underlines [start, end) in Qt positions, painted under the text (annotations)."""
        self._underlines = sorted(underlines, key=lambda u: u[0])
        self.viewport().update()

    def set_bars(self, bars: Iterable[tuple[int, int, QColor]]) -> None:
        """Bars in the left margin beside the lines of [start, end) in Qt positions (quoted messages)."""
        self._bars = sorted(bars, key=lambda b: b[0])
        self.viewport().update()

    def bars(self) -> list[tuple[int, int]]:
        """The ranges that have a margin bar."""
        return [(a, b) for a, b, _color in self._bars]

    def set_boxes(self, name: str, ranges: Iterable[tuple[int, int]], color: QColor) -> None:
        """Outline ranges [start, end) in Qt positions (one of BOX_LAYERS): search words, find matches."""
        self._boxes[name] = (sorted(ranges), QColor(color))
        self.viewport().update()

    def boxes(self, name: str) -> list[tuple[int, int]]:
        """The outlined ranges of one box layer."""
        return list(self._boxes.get(name, ([], QColor()))[0])

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        boxes = sorted(  # one order for every layer: _line_rects stops at the first range below the view
            (
                (a, b, color)
                for name in BOX_LAYERS
                for ranges, color in [self._boxes.get(name, ([], QColor()))]
                for a, b in ranges
            ),
            key=lambda box: box[0],
        )
        if not self._underlines and not boxes and not self._bars:
            return
        painter = QPainter(self.viewport())
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        visible = event.rect().translated(dx, dy)
        thickness = max(2.0, QFontMetricsF(self.document().defaultFont()).height() / 8)
        bar_x = self.document().rootFrame().frameFormat().leftMargin() - BAR_GAP - BAR_WIDTH - dx
        for rect, color in self._line_rects(self._bars, visible):
            painter.fillRect(QRectF(bar_x, rect.top() - dy, BAR_WIDTH, rect.height()), color)
        for rect, color in self._line_rects(self._underlines, visible):
            painter.fillRect(
                QRectF(rect.left() - dx, rect.bottom() - thickness / 2 - dy, rect.width(), thickness), color
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect, color in self._line_rects(boxes, visible):
            pen = QPen(color, max(1.5, thickness * 0.75))
            painter.setPen(pen)
            painter.drawRoundedRect(rect.translated(-dx, -dy).adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
        painter.end()

    def _line_rects(
        self, ranges: Iterable[tuple[int, int, QColor]], visible: QRect
    ) -> Iterator[tuple[QRectF, QColor]]:
        """Document rectangles of each laid-out line piece of the ranges that reach into ``visible``.

        ``ranges`` are sorted by start: blocks above the visible part are passed over without
        looking at their lines, and the first range that begins below it ends the search.
        """
        doc = self.document()
        low, high = visible.top() - 8, visible.bottom() + 8
        for start, end, color in ranges:
            block = doc.findBlock(start)
            first = True
            while block.isValid() and block.position() < end:
                layout = block.layout()
                origin = layout.position()
                box = layout.boundingRect()
                if origin.y() + box.top() > high and layout.lineCount():
                    if first:
                        return  # this range and every later one begin below the visible part
                    break
                first = False
                if origin.y() + box.bottom() >= low:
                    yield from _block_rects(block, layout, origin, start, end, color, low, high)
                block = block.next()

    # --- transient highlights ---------------------------------------------------------------------
    def set_layer(self, name: str, selections: Iterable[QTextEdit.ExtraSelection]) -> None:
        """Replace one layer of extra selections (see LAYERS)."""
        self._layers[name] = list(selections)
        combined: list[QTextEdit.ExtraSelection] = []
        for layer in LAYERS:
            combined.extend(self._layers.get(layer, []))
        self.setExtraSelections(combined)

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        """The selections of one layer."""
        return list(self._layers.get(name, []))

    # --- mouse ------------------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.char_at(event.pos())
            text = self.tooltip_provider(position) if position is not None and self.tooltip_provider else None
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = event.angleDelta().y()
            if step:
                self.zoom_requested.emit(1 if step > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)  # selects the word, as everywhere
        if event.button() == Qt.MouseButton.LeftButton:
            position = self.char_at(event.position().toPoint())
            if position is not None:
                self.double_clicked.emit(position)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if (
            self._press is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (point - self._press).manhattanLength() < 4
            and not self.textCursor().hasSelection()
        ):
            position = self.char_at(point)
            if position is not None:
                self.clicked.emit(position)
        self._press = None


def _block_rects(
    block: QTextBlock,
    layout: QTextLayout,
    origin: QPointF,
    start: int,
    end: int,
    color: QColor,
    low: float,
    high: float,
) -> Iterator[tuple[QRectF, QColor]]:
    """The rectangles of [start, end) on the lines of one block between ``low`` and ``high``.

    Only the lines that hold the range and reach into [low, high] are looked at: the first one is
    found by text position and by height (a long paragraph has dozens of lines, and a paint asks
    for every range that touches the view).
    """
    base = block.position()
    count = layout.lineCount()
    first = layout.lineForTextPosition(max(0, start - base)).lineNumber()
    n = max(0, first, _first_line_below(layout, count, low - origin.y()))
    while n < count:
        line = layout.lineAt(n)
        n += 1
        line_start = line.textStart()
        if line_start >= end - base:
            return
        top = origin.y() + line.y()
        if top > high:
            return
        a = max(start - base, line_start)
        b = min(end - base, line_start + line.textLength())
        if a < b and low <= top + line.height():
            x1, x2 = _line_x(line, a), _line_x(line, b)
            yield QRectF(origin.x() + x1, top, x2 - x1, line.ascent() + line.descent()), color


def _first_line_below(layout: QTextLayout, count: int, low: float) -> int:
    """The number of the first line whose bottom reaches ``low`` (block coordinates; lines go down)."""
    lo, hi = 0, count
    while lo < hi:
        mid = (lo + hi) // 2
        line = layout.lineAt(mid)
        if line.y() + line.height() < low:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _line_x(line: QTextLine, position: int) -> float:
    """x of a cursor position within a laid-out line."""
    value = cast(Any, line.cursorToX(position))
    return float(value[0] if isinstance(value, tuple) else value)
