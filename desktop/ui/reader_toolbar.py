"""The bar above the text (entity legend, highlight colours), the notice strip, and selection menus.

In a narrow pane the legend folds to its colour swatches (the names move to the tooltips).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop.core.types import ENTITY_TYPES
from desktop.ui.i18n import translate
from desktop.ui.palette import (
    ENTITY_LABELS,
    ENTITY_SINGULAR,
    SHORTCUT_COLORS,
    ColorPalette,
    annotation_color,
    entity_color,
    quote_color,
)


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
    quotes_toggled = Signal(bool)
    highlight_requested = Signal(str)

    def __init__(
        self, palette: ColorPalette, visible: set[str], parent: QWidget | None = None, *, quotes: bool = True
    ) -> None:
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
            box.setAccessibleName(ENTITY_LABELS[kind])
            box.toggled.connect(lambda on, k=kind: self.type_toggled.emit(k, on))
            self.type_boxes[kind] = box
            layout.addWidget(box)
        self.quotes_box = QCheckBox(translate("ReaderToolbar", "Quotes"), self)
        self.quotes_box.setIcon(chip_icon(quote_color(self.palette())))
        self.quotes_box.setChecked(quotes)
        self.quotes_box.setAccessibleName(translate("ReaderToolbar", "Quotes"))
        self.quotes_box.toggled.connect(self.quotes_toggled)
        layout.addWidget(self.quotes_box)
        layout.addStretch(1)
        self.highlight_label = QLabel(translate("ReaderToolbar", "Highlight:"), self)
        layout.addWidget(self.highlight_label)
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
        self.more_button.setToolTip(
            translate("ReaderToolbar", "All highlight colours; rename what a colour means")
        )
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.more_menu = QMenu(self)
        self.more_menu.aboutToShow.connect(self._fill_more_menu)
        self.more_button.setMenu(self.more_menu)
        layout.addWidget(self.more_button)
        palette.changed.connect(self.update_tooltips)
        self.update_tooltips()
        self._compact = False
        self._full_width = self._measure_full_width()
        self._apply_compact(False)
        # The window may be narrower than the full legend: the bar folds instead of forcing its width.
        self.setMinimumWidth(0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _measure_full_width(self) -> int:
        """Width the bar needs with every label shown."""
        compact = self._compact
        self._apply_compact(False)
        layout = self.layout()
        width = layout.sizeHint().width() if layout is not None else self.sizeHint().width()
        self._apply_compact(compact)
        return width

    def _apply_compact(self, compact: bool) -> None:
        self._compact = compact
        for kind, box in self.type_boxes.items():
            label = ENTITY_LABELS[kind]
            box.setText("" if compact else label)
            box.setToolTip(
                translate("ReaderToolbar", "{label}: show or hide their highlights").format(label=label)
            )
        self.quotes_box.setText("" if compact else translate("ReaderToolbar", "Quotes"))
        self.quotes_box.setToolTip(
            translate("ReaderToolbar", "Quotes: show or hide the marks of who said what")
            if compact
            else translate("ReaderToolbar", "Show or hide the marks of quoted and reported statements")
        )
        self.highlight_label.setVisible(not compact)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._full_width, hint.height()) if hasattr(self, "_full_width") else hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = event.size().width() < self._full_width
        if compact != self._compact:
            self._apply_compact(compact)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "quotes_box"):
            self.quotes_box.setIcon(chip_icon(quote_color(self.palette())))
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_full_width"):
            self._full_width = self._measure_full_width()
            self._apply_compact(self.width() < self._full_width)

    def _fill_more_menu(self) -> None:
        self.more_menu.clear()
        for color in self._palette.colors():
            action = self.more_menu.addAction(chip_icon(annotation_color(color)), self._palette.label(color))
            action.triggered.connect(lambda _checked=False, c=color: self.highlight_requested.emit(c))
        rename = self.more_menu.addMenu(translate("ReaderToolbar", "Rename colour meaning"))
        for color in self._palette.colors():
            action = rename.addAction(chip_icon(annotation_color(color)), self._palette.label(color) + "…")
            action.triggered.connect(lambda _checked=False, c=color: self.rename_meaning(c))

    def update_tooltips(self) -> None:
        """Show each colour's current meaning and shortcut."""
        for color, button in self.color_buttons.items():
            shortcut = self._palette.shortcut(color)
            if color == self._palette.default_color():
                shortcut = (
                    translate("ReaderToolbar", "Ctrl+H or {key}").format(key=shortcut)
                    if shortcut
                    else "Ctrl+H"
                )
            hint = f" — {shortcut}" if shortcut else ""
            button.setToolTip(
                translate(
                    "ReaderToolbar", "Highlight: {meaning}{hint}\nRight-click to rename the meaning"
                ).format(meaning=self._palette.label(color), hint=hint)
            )

    def _color_menu(self, color: str) -> None:
        menu = QMenu(self)
        menu.addAction(
            translate("ReaderToolbar", "Rename colour meaning…"), lambda: self.rename_meaning(color)
        )
        menu.exec(self.color_buttons[color].mapToGlobal(QPoint(0, self.color_buttons[color].height())))

    def rename_meaning(self, color: str) -> None:
        """Ask for a new meaning of ``color`` (empty restores the default)."""
        text, ok = QInputDialog.getText(
            self,
            translate("ReaderToolbar", "Rename colour meaning"),
            translate("ReaderToolbar", "What do you use {color} for?").format(color=color),
            text=self._palette.meaning(color),
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
    colours = menu.addMenu(translate("ReaderToolbar", "Highlight"))
    for color in palette.colors():
        colours.addAction(
            chip_icon(annotation_color(color)), palette.label(color), lambda c=color: highlight(c)
        )
    kinds = menu.addMenu(translate("ReaderToolbar", "Mark as actor"))
    for kind in ENTITY_TYPES:
        kinds.addAction(ENTITY_SINGULAR[kind], partial(mark, kind))
