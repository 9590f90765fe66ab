"""Article ▸ Versions…: an article's versions, what changed between them, where its notes stand.

The upper table lists the versions (the last is the current text); choosing an earlier one shows
a word diff against the current text (removed words struck through, added ones underlined). The
lower table lists every annotation with its anchor state: fuzzy ones to check, orphaned ones
with their old quote (re-attach them from the Annotations list's context menu).
"""

from __future__ import annotations

import html
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import message_of
from desktop.core.textdiff import text_diff
from desktop.services.version_history import AnchorRow, ArticleVersions, VersionRow, article_versions
from desktop.ui.context import AppContext
from desktop.ui.i18n import LabelList, Labels, format_datetime, format_number, plural, translate

AnyIndex = QModelIndex | QPersistentModelIndex
STATE_TEXT = Labels(
    "VersionsDialog",
    {
        "exact": QT_TRANSLATE_NOOP("VersionsDialog", "Exact"),
        "moved": QT_TRANSLATE_NOOP("VersionsDialog", "Moved"),
        "fuzzy": QT_TRANSLATE_NOOP("VersionsDialog", "Check: changed"),
        "orphaned": QT_TRANSLATE_NOOP("VersionsDialog", "Orphaned"),
    },
)
#: How many annotations are in each state, for the summary line.
STATE_COUNTS = Labels(
    "VersionsDialog",
    {
        "exact": QT_TRANSLATE_NOOP("VersionsDialog", "{n} exact"),
        "moved": QT_TRANSLATE_NOOP("VersionsDialog", "{n} moved"),
        "fuzzy": QT_TRANSLATE_NOOP("VersionsDialog", "{n} fuzzy"),
        "orphaned": QT_TRANSLATE_NOOP("VersionsDialog", "{n} orphaned"),
    },
)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class VersionsModel(QAbstractTableModel):
    """One row per version: number, import time, length; the current one says so."""

    HEADERS = LabelList(
        "VersionsDialog",
        (
            QT_TRANSLATE_NOOP("VersionsDialog", "Version"),
            QT_TRANSLATE_NOOP("VersionsDialog", "Imported"),
            QT_TRANSLATE_NOOP("VersionsDialog", "Characters"),
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[VersionRow] = []

    def set_versions(self, rows: tuple[VersionRow, ...] | list[VersionRow]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def version(self, row: int) -> VersionRow | None:
        """The version shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.version(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return (
                translate("VersionsDialog", "{n} (current)").format(n=row.number)
                if row.current
                else str(row.number)
            )
        if index.column() == 1:
            return format_datetime(row.imported_at)
        if index.column() == 2:
            return format_number(row.length)
        return None


class AnchorStatesModel(QAbstractTableModel):
    """One row per annotation: its anchor state, its quote, and what it quoted before."""

    HEADERS = LabelList(
        "VersionsDialog",
        (
            QT_TRANSLATE_NOOP("VersionsDialog", "State"),
            QT_TRANSLATE_NOOP("VersionsDialog", "Passage"),
            QT_TRANSLATE_NOOP("VersionsDialog", "Before"),
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AnchorRow] = []

    def set_anchors(self, rows: tuple[AnchorRow, ...] | list[AnchorRow]) -> None:
        """Replace the rows: those needing a check first."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda a: (not a.needs_check, a.start, a.id))
        self.endResetModel()

    def anchor(self, row: int) -> AnchorRow | None:
        """The annotation shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.anchor(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                state = STATE_TEXT.get(row.state, row.state)
                return f"{state} ({row.score:.0%})" if row.score is not None else state
            if column == 1:
                return _short(row.quote)
            if column == 2:
                return _short(row.previous_quote or "")
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return row.quote if column == 1 else row.previous_quote
        return None


def diff_html(old: str, new: str) -> str:
    """The word diff of two versions as HTML (removed struck through in red, added underlined in green)."""
    parts = []
    for kind, text in text_diff(old, new):
        escaped = html.escape(text).replace("\n", "<br>")
        if kind == "removed":
            parts.append(f'<s style="color:#b3261e">{escaped}</s>')
        elif kind == "added":
            parts.append(f'<u style="color:#1b7a3a">{escaped}</u>')
        else:
            parts.append(escaped)
    return "<div>" + "".join(parts) + "</div>"


class VersionsDialog(QDialog):
    """The versions of one article, a diff against the current text, and the anchors."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._article_id = ctx, article_id
        self._data: ArticleVersions | None = None
        self.setWindowTitle(translate("VersionsDialog", "Article Versions"))
        self.summary = QLabel(translate("VersionsDialog", "Loading…"), self)
        self.summary.setWordWrap(True)
        self.versions_model = VersionsModel(self)
        self.versions_view = QTableView(self)
        self.versions_view.setModel(self.versions_model)
        self.versions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.versions_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.show_diff(cur.row())
        )
        self.diff_view = QTextBrowser(self)
        self.diff_view.setOpenLinks(False)
        self.anchors_model = AnchorStatesModel(self)
        self.anchors_view = QTableView(self)
        self.anchors_view.setModel(self.anchors_model)
        self.anchors_view.setWordWrap(True)
        header = self.anchors_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (self.versions_view, self.diff_view, self.anchors_view):
            splitter.addWidget(widget)
        splitter.setSizes([120, 320, 160])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self._load()

    def _load(self) -> None:
        library, article_id = self._ctx.library, self._article_id
        self._ctx.tasks.run(
            lambda _control: article_versions(library, article_id, with_text=True), self._show, self._failed
        )

    def _show(self, data: ArticleVersions) -> None:
        self._data = data
        self.versions_model.set_versions(data.versions)
        self.anchors_model.set_anchors(data.annotations)
        counts = data.as_json()["anchors"]
        checks = counts["fuzzy"] + counts["orphaned"]
        self.summary.setText(
            data.title
            + " – "
            + plural(
                len(data.versions),
                translate("VersionsDialog", "1 version"),
                translate("VersionsDialog", "{n} versions"),
            )
            + "; "
            + ", ".join(
                STATE_COUNTS[state].format(n=n) if state in STATE_COUNTS else f"{n} {state}"
                for state, n in counts.items()
            )
            + (". " + translate("VersionsDialog", "{n} to check.").format(n=checks) if checks else ".")
        )
        if len(data.versions) > 1:
            self.versions_view.selectRow(len(data.versions) - 2)  # the one before the current text
        else:
            self.diff_view.setPlainText(translate("VersionsDialog", "This article has only one version."))
        self.loaded.emit()

    def show_diff(self, row: int) -> None:
        """Show what changed from version ``row`` to the current text."""
        if self._data is None or not (0 <= row < len(self._data.versions)):
            return
        chosen, current = self._data.versions[row], self._data.versions[-1]
        if chosen.current:
            self.diff_view.setPlainText(current.text)
            return
        self.diff_view.setHtml(diff_html(chosen.text, current.text))

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(
            translate("VersionsDialog", "The versions could not be loaded: {error}").format(
                error=message_of(error)
            )
        )
        self.loaded.emit()


class VersionsHost(Protocol):
    """What Article ▸ Versions… needs of the window."""

    ctx: AppContext

    def current_article_id(self) -> int | None: ...

    def show_status(self, text: str) -> None: ...


def open_versions(window: VersionsHost, parent: QWidget) -> VersionsDialog | None:
    """Article ▸ Versions…: the dialog for the article being read (None when none is open)."""
    article_id = window.current_article_id()
    if article_id is None:
        window.show_status(translate("VersionsDialog", "Open an article to see its versions."))
        return None
    dialog = VersionsDialog(window.ctx, article_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
