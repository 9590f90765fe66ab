"""The library list's columns: the title keeps its room, the others shrink first; a menu hides some."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeView

from desktop.ui.library_model import DATE, HEADERS, LANGUAGE, NOTES, SOURCE, TITLE

TITLE_MIN_WIDTH = 130  # titles keep at least this much room; the other columns give way first
#: Preferred and smallest widths of the other columns (pixels).
COLUMN_WIDTHS = {SOURCE: (110, 56), DATE: (88, 76), LANGUAGE: (44, 32), NOTES: (52, 30)}


class ColumnFitter(QObject):
    """Sizes the columns of the article list whenever the list or a column changes width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)  # goes with the view: never filters events of a view being deleted
        self._view = view
        self._viewport = view.viewport()
        self._wanted: dict[int, int] = {}
        self._fitting = False
        header = view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(30)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)  # sized by _fit_columns
        for column, (width, _least) in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionHidden(SOURCE, True)
        header.setSectionHidden(LANGUAGE, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    def start(self) -> None:
        """Begin fitting (after the header's saved state was restored: those widths are the user's)."""
        header = self._view.header()
        self._wanted = {c: header.sectionSize(c) for c in COLUMN_WIDTHS}
        header.sectionResized.connect(self._on_section_resized)
        self._view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in COLUMN_WIDTHS:
            self._wanted[column] = new
            self._fit_columns()

    def _fit_columns(self) -> None:
        """The title takes the room the other columns leave, at least TITLE_MIN_WIDTH: they shrink first,
        and when even that is not enough the list scrolls sideways rather than squeeze the titles."""
        header = self._view.header()
        shown = [c for c in COLUMN_WIDTHS if not header.isSectionHidden(c)]
        available = self._view.viewport().width()
        room = available - TITLE_MIN_WIDTH
        wanted = {c: self._wanted.get(c, COLUMN_WIDTHS[c][0]) for c in shown}
        least = {c: min(COLUMN_WIDTHS[c][1], wanted[c]) for c in shown}
        excess = sum(wanted.values()) - max(room, sum(least.values()))
        slack = sum(wanted[c] - least[c] for c in shown)
        self._fitting = True
        try:
            widths = {}
            for c in shown:
                cut = round((wanted[c] - least[c]) * excess / slack) if excess > 0 and slack else 0
                widths[c] = wanted[c] - cut
            widths[TITLE] = max(TITLE_MIN_WIDTH, available - sum(widths.values()))
            for c, width in widths.items():
                if header.sectionSize(c) != width:
                    header.resizeSection(c, width)
        finally:
            self._fitting = False

    def _header_menu(self, pos: QPoint) -> None:
        header = self._view.header()
        menu = QMenu(self._view)
        for column in (SOURCE, DATE, LANGUAGE, NOTES):
            action = QAction(HEADERS[column], menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def _show_column(self, column: int, on: bool) -> None:
        self._view.header().setSectionHidden(column, not on)
        self._fit_columns()
