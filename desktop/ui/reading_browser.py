"""The text surface of the reading pane and the bar above it (entity legend, highlight colours)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any, cast

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextCursor,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QWidget,
)

from desktop.core.types import ENTITY_TYPES
from desktop.ui.palette import (
    ENTITY_LABELS,
    ENTITY_SINGULAR,
    SHORTCUT_COLORS,
    ColorPalette,
    annotation_color,
    entity_color,
)

#: Transient highlight layers, drawn in this order (later ones on top).
LAYERS = ("actor", "actor_current", "find_current")
#: Outlined ranges (search words, find matches): a frame around the words, never a fill.
BOX_LAYERS = ("query", "find")
MIN_SIDE_MARGIN = 28.0


class ReadingBrowser(QTextBrowser):
    """A read-only text view: no links, no resources, a centred column of comfortable width."""

    clicked = Signal(int)  # Qt position of the character under a plain click (no drag, no selection)
    zoom_requested = Signal(int)  # +1 / -1 from Ctrl+wheel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setUndoRedoEnabled(False)
        self.tooltip_provider: Callable[[int], str | None] | None = None
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._measure = 640.0
        self._press: QPoint | None = None
        self._underlines: list[tuple[int, int, QColor]] = []
        self._boxes: dict[str, tuple[list[tuple[int, int]], QColor]] = {}

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

    def set_boxes(self, name: str, ranges: Iterable[tuple[int, int]], color: QColor) -> None:
        """Outline ranges [start, end) in Qt positions (one of BOX_LAYERS): search words, find matches."""
        self._boxes[name] = (sorted(ranges), QColor(color))
        self.viewport().update()

    def boxes(self, name: str) -> list[tuple[int, int]]:
        """The outlined ranges of one box layer."""
        return list(self._boxes.get(name, ([], QColor()))[0])

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        boxes = [
            (a, b, color)
            for name in BOX_LAYERS
            for ranges, color in [self._boxes.get(name, ([], QColor()))]
            for a, b in ranges
        ]
        if not self._underlines and not boxes:
            return
        painter = QPainter(self.viewport())
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        visible = event.rect().translated(dx, dy)
        thickness = max(2.0, QFontMetricsF(self.document().defaultFont()).height() / 8)
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
        """Document rectangles of each laid-out line piece of the ranges that reach into ``visible``."""
        doc = self.document()
        for start, end, color in ranges:
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                layout = block.layout()
                origin = layout.position()
                for n in range(layout.lineCount()):
                    line = layout.lineAt(n)
                    a = max(start - block.position(), line.textStart())
                    b = min(end - block.position(), line.textStart() + line.textLength())
                    if a >= b:
                        continue
                    top = origin.y() + line.y()
                    if visible.top() - 8 <= top + line.height() and top <= visible.bottom() + 8:
                        x1, x2 = _line_x(line, a), _line_x(line, b)
                        yield QRectF(origin.x() + x1, top, x2 - x1, line.ascent() + line.descent()), color
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


def chip_icon(color: QColor, size: int = 12) -> QIcon:
    """A small rounded colour square."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(color.darker(130))
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class ReaderToolbar(QWidget):
    """Entity legend with a show/hide checkbox per type, then one button per highlight colour."""

    type_toggled = Signal(str, bool)
    highlight_requested = Signal(str)

    def __init__(self, palette: ColorPalette, visible: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette = palette
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.setSpacing(4)
        self.type_boxes: dict[str, QCheckBox] = {}
        for kind in ENTITY_TYPES:
            box = QCheckBox(ENTITY_LABELS[kind], self)
            box.setIcon(chip_icon(entity_color(kind)))
            box.setChecked(kind in visible)
            box.setToolTip(f"Show or hide the highlights of {ENTITY_LABELS[kind].lower()}")
            box.toggled.connect(lambda on, k=kind: self.type_toggled.emit(k, on))
            self.type_boxes[kind] = box
            layout.addWidget(box)
        layout.addStretch(1)
        layout.addWidget(QLabel("Highlight:", self))
        self.color_buttons: dict[str, QToolButton] = {}
        for color in SHORTCUT_COLORS:
            button = QToolButton(self)
            button.setAutoRaise(True)
            button.setFixedSize(20, 20)
            button.setStyleSheet(
                f"QToolButton {{ background: {annotation_color(color).name()}; border-radius: 9px;"
                " border: 1px solid palette(mid); }"
            )
            button.clicked.connect(lambda _checked=False, c=color: self.highlight_requested.emit(c))
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(lambda _pos, c=color: self._color_menu(c))
            self.color_buttons[color] = button
            layout.addWidget(button)
        self.more_button = QToolButton(self)
        self.more_button.setText("⋯")
        self.more_button.setAutoRaise(True)
        self.more_button.setToolTip("All highlight colours; rename what a colour means")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.more_menu = QMenu(self)
        self.more_menu.aboutToShow.connect(self._fill_more_menu)
        self.more_button.setMenu(self.more_menu)
        layout.addWidget(self.more_button)
        palette.changed.connect(self.update_tooltips)
        self.update_tooltips()

    def _fill_more_menu(self) -> None:
        self.more_menu.clear()
        for color in self._palette.colors():
            action = self.more_menu.addAction(chip_icon(annotation_color(color)), self._palette.label(color))
            action.triggered.connect(lambda _checked=False, c=color: self.highlight_requested.emit(c))
        rename = self.more_menu.addMenu("Rename colour meaning")
        for color in self._palette.colors():
            action = rename.addAction(chip_icon(annotation_color(color)), self._palette.label(color) + "…")
            action.triggered.connect(lambda _checked=False, c=color: self.rename_meaning(c))

    def update_tooltips(self) -> None:
        """Show each colour's current meaning and shortcut."""
        for color, button in self.color_buttons.items():
            shortcut = self._palette.shortcut(color)
            if color == self._palette.default_color():
                shortcut = f"Ctrl+H or {shortcut}" if shortcut else "Ctrl+H"
            hint = f" — {shortcut}" if shortcut else ""
            button.setToolTip(
                f"Highlight: {self._palette.label(color)}{hint}\nRight-click to rename the meaning"
            )

    def _color_menu(self, color: str) -> None:
        menu = QMenu(self)
        menu.addAction("Rename colour meaning…", lambda: self.rename_meaning(color))
        menu.exec(self.color_buttons[color].mapToGlobal(QPoint(0, self.color_buttons[color].height())))

    def rename_meaning(self, color: str) -> None:
        """Ask for a new meaning of ``color`` (empty restores the default)."""
        text, ok = QInputDialog.getText(
            self, "Rename colour meaning", f"What do you use {color} for?", text=self._palette.meaning(color)
        )
        if ok:
            self._palette.set_meaning(color, text)


class MessageBanner(QLabel):
    """A notice strip above the text that hides itself after a few seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: palette(tooltip-base); color: palette(tooltip-text); padding: 4px 8px;"
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(8000)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` for eight seconds."""
        self.setText(text)
        self.show()
        self._timer.start()


def add_selection_actions(
    menu: QMenu, palette: ColorPalette, highlight: Callable[[str], None], mark: Callable[[str], None]
) -> None:
    """Add "Highlight ▸ colours" and "Mark as actor ▸ types" to a context menu of selected text."""
    menu.addSeparator()
    colours = menu.addMenu("Highlight")
    for color in palette.colors():
        colours.addAction(
            chip_icon(annotation_color(color)), palette.label(color), lambda c=color: highlight(c)
        )
    kinds = menu.addMenu("Mark as actor")
    for kind in ENTITY_TYPES:
        kinds.addAction(ENTITY_SINGULAR[kind], partial(mark, kind))


def _line_x(line: QTextLine, position: int) -> float:
    """x of a cursor position within a laid-out line."""
    value = cast(Any, line.cursorToX(position))
    return float(value[0] if isinstance(value, tuple) else value)
