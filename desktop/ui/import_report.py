"""Importing from the window: background runs with progress and Cancel, and the import report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import message_of
from desktop.services.dto import ImportResult
from desktop.ui.context import AppContext
from desktop.ui.i18n import LabelList, Labels, format_number, translate
from desktop.ui.tasks import TaskControl, TaskHandle

AnyIndex = QModelIndex | QPersistentModelIndex
Job = Callable[[TaskControl], list[ImportResult]]
STATUS_TEXT = Labels(
    "ImportReport",
    {
        "imported": QT_TRANSLATE_NOOP("ImportReport", "Imported"),
        "updated": QT_TRANSLATE_NOOP("ImportReport", "New version"),
        "duplicate": QT_TRANSLATE_NOOP("ImportReport", "Already in library"),
        "error": QT_TRANSLATE_NOOP("ImportReport", "Failed"),
    },
)
REPORT_HEADERS = LabelList(
    "ImportReport",
    (
        QT_TRANSLATE_NOOP("ImportReport", "Result"),
        QT_TRANSLATE_NOOP("ImportReport", "File"),
        QT_TRANSLATE_NOOP("ImportReport", "Details"),
    ),
)


class ImportResultModel(QAbstractTableModel):
    """Import results as a table: result, file, title or reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[ImportResult] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(REPORT_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return REPORT_HEADERS[section] if 0 <= section < len(REPORT_HEADERS) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not (0 <= index.row() < len(self._results)):
                return None
            result, column = self._results[index.row()], index.column()
            if role == Qt.ItemDataRole.DisplayRole:
                if column == 0:
                    return STATUS_TEXT.get(result.status, result.status)
                if column == 1:
                    return Path(result.path).name or result.path
                if column == 2:
                    if result.status in ("error", "updated"):
                        return result.message
                    return result.title or result.message
            elif role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
                return result.path if column == 1 else (result.message or result.title or "")
            elif role == Qt.ItemDataRole.DecorationRole and column == 0:
                icon = {
                    "imported": QStyle.StandardPixmap.SP_DialogApplyButton,
                    "updated": QStyle.StandardPixmap.SP_BrowserReload,
                    "duplicate": QStyle.StandardPixmap.SP_MessageBoxInformation,
                    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                }.get(result.status)
                return QApplication.style().standardIcon(icon) if icon is not None else None
            elif role == Qt.ItemDataRole.UserRole:
                return result
        except Exception:
            return None
        return None

    def results(self) -> list[ImportResult]:
        """All rows."""
        return list(self._results)

    def add_results(self, results: list[ImportResult]) -> None:
        """Append rows."""
        if not results:
            return
        first = len(self._results)
        self.beginInsertRows(QModelIndex(), first, first + len(results) - 1)
        self._results.extend(results)
        self.endInsertRows()

    def clear(self) -> None:
        """Remove all rows."""
        self.beginResetModel()
        self._results = []
        self.endResetModel()


def summarize(results: list[ImportResult]) -> str:
    """One line: how many were imported, already there, failed."""
    counts = {s: sum(1 for r in results if r.status == s) for s in STATUS_TEXT}
    parts = [translate("ImportReport", "{n} imported").format(n=format_number(counts["imported"]))]
    if counts["updated"]:
        parts.append(
            translate("ImportReport", "{n} updated to a new version").format(
                n=format_number(counts["updated"])
            )
        )
    if counts["duplicate"]:
        parts.append(
            translate("ImportReport", "{n} already in the library").format(
                n=format_number(counts["duplicate"])
            )
        )
    if counts["error"]:
        parts.append(translate("ImportReport", "{n} failed").format(n=format_number(counts["error"])))
    return ", ".join(parts) + "."


class ImportReport(QDialog):
    """A non-modal list of what an import did, shown when something failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportReport", "Import report"))
        self.setModal(False)
        self.model = ImportResultModel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 180)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(translate("ImportReport", "Copy"), self)
        copy.setToolTip(translate("ImportReport", "Copy the report as text"))
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 340)

    def show_results(self, results: list[ImportResult]) -> None:
        """Add results (replacing the old ones when the report was closed) and show the dialog."""
        if not self.isVisible():
            self.model.clear()
        self.model.add_results(results)
        self.summary.setText(summarize(self.model.results()))
        self.show()
        self.raise_()

    def as_text(self) -> str:
        """The report as plain text, one line per file."""
        lines = [self.summary.text()]
        for r in self.model.results():
            detail = r.message if r.status == "error" else (r.title or r.message)
            lines.append(f"{STATUS_TEXT.get(r.status, r.status)}\t{r.path}\t{detail}")
        return "\n".join(lines) + "\n"

    def copy_to_clipboard(self) -> None:
        """Copy :meth:`as_text` to the clipboard."""
        QApplication.clipboard().setText(self.as_text())


class ImportController(QObject):
    """Runs imports one after another in the background; progress and Cancel in the status bar."""

    finished = Signal(list)  # list[ImportResult] of one import
    message = Signal(str)

    def __init__(self, ctx: AppContext, status_bar: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._queue: list[tuple[str, Job, list[str]]] = []
        self._handle: TaskHandle | None = None
        self._report: ImportReport | None = None
        self.progress = QProgressBar(status_bar)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(translate("ImportReport", "Cancel"), status_bar)
        self.cancel_button.setToolTip(translate("ImportReport", "Stop importing after the current file"))
        self.cancel_button.clicked.connect(self.cancel)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    @property
    def report(self) -> ImportReport:
        """The report dialog (created on first use)."""
        if self._report is None:
            self._report = ImportReport(self._parent)
        return self._report

    def close_report(self) -> None:
        """Close the report dialog if it is open."""
        if self._report is not None:
            self._report.close()

    def is_busy(self) -> bool:
        """True while an import runs or waits."""
        return self._handle is not None or bool(self._queue)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders (recursively)."""
        paths = [Path(p) for p in paths]
        if not paths:
            return
        ctx = self._ctx

        def job(control: TaskControl) -> list[ImportResult]:
            missing = [
                ImportResult(str(p), "error", message=translate("ImportReport", "No such file or folder."))
                for p in paths
                if not p.exists()
            ]
            present = [p for p in paths if p.exists()]
            if not present:
                return missing
            results = ctx.importer().import_paths(
                present, progress=control.progress, cancelled=control.cancelled
            )
            if not results and not control.cancelled():
                results = [
                    ImportResult(
                        str(p),
                        "error",
                        message=translate("ImportReport", "The folder holds no importable files."),
                    )
                    for p in present
                ]
            return missing + results

        label = (
            paths[0].name if len(paths) == 1 else translate("ImportReport", "{n} items").format(n=len(paths))
        )
        self._enqueue(
            translate("ImportReport", "Importing {name}…").format(name=label), job, [str(p) for p in paths]
        )

    def import_text(self, text: str) -> None:
        """Import pasted text as a new article."""
        ctx = self._ctx
        pasted = translate("ImportReport", "(pasted text)")
        self._enqueue(
            translate("ImportReport", "Importing the pasted text…"),
            lambda _c: [ctx.importer().import_text(text, label=pasted)],
            [pasted],
        )

    def cancel(self) -> None:
        """Stop the running import after its current file and drop waiting ones."""
        self._queue.clear()
        if self._handle is not None:
            self._handle.cancel()
            self.message.emit(translate("ImportReport", "Cancelling the import…"))

    def _enqueue(self, label: str, job: Job, inputs: list[str]) -> None:
        self._queue.append((label, job, inputs))
        if self._handle is None:
            self._start_next()

    def _start_next(self) -> None:
        if not self._queue:
            self.progress.hide()
            self.cancel_button.hide()
            return
        label, job, inputs = self._queue.pop(0)
        self.message.emit(label)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()

        def failed(error: BaseException) -> None:
            self._failed(inputs, error)

        handle = self._ctx.tasks.run(job, None, failed, on_progress=self._on_progress)
        handle.finished.connect(self._done)
        self._handle = handle

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if name:
            self.message.emit(
                translate("ImportReport", "Importing {name} ({done} of {total})…").format(
                    name=name, done=done + 1, total=total
                )
            )

    def _failed(self, inputs: list[str], error: BaseException) -> None:
        text = translate("ImportReport", "The import stopped: {error}").format(error=message_of(error))
        self._done([ImportResult(i, "error", message=text) for i in inputs])

    def _done(self, results: object) -> None:
        rows = [r for r in results if isinstance(r, ImportResult)] if isinstance(results, list) else []
        cancelled = self._handle is not None and self._handle.control.cancelled()
        self._handle = None
        if any(r.status == "error" for r in rows):
            self.report.show_results(rows)
            self.message.emit(summarize(rows))
        else:
            self.message.emit(
                translate("ImportReport", "Import cancelled: {summary}").format(summary=summarize(rows))
                if cancelled
                else summarize(rows)
            )
        self.finished.emit(rows)
        self._start_next()
