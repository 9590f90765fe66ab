"""Bringing older articles up to date in the background when the window starts.

Articles imported before quote finding (``analysis_version`` behind) get their quotes and sentence
indices from their stored mentions (``Reanalyzer(entities=False)``: no recogniser needed). Progress
and Cancel sit in the status bar; every finished article is its own transaction, so Cancel (or
quitting) keeps the finished ones, and the next start goes on with the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from desktop.core.errors import message_of
from desktop.services.analysis import outdated_article_ids
from desktop.ui.context import AppContext
from desktop.ui.i18n import format_number, plural, translate
from desktop.ui.tasks import TaskControl, TaskHandle

if TYPE_CHECKING:
    from desktop.services.reanalysis import ReanalysisResult


class ReanalysisRunner(QObject):
    """Finds the quotes of articles analysed before quote finding, off the GUI thread."""

    finished = Signal(list)  # list[ReanalysisResult] (also after Cancel: the articles finished)
    message = Signal(str)

    def __init__(self, ctx: AppContext, status_bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._handle: TaskHandle | None = None
        self.label = QLabel("", status_bar)
        self.progress = QProgressBar(status_bar)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(translate("ReanalysisRunner", "Cancel"), status_bar)
        self.cancel_button.setToolTip(
            translate("ReanalysisRunner", "Stop after the current article (the finished ones are kept)")
        )
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.label, self.progress, self.cancel_button):
            status_bar.addPermanentWidget(widget)
            widget.hide()

    def is_running(self) -> bool:
        """True while older articles are being analysed."""
        return self._handle is not None

    def start(self) -> None:
        """Look for older articles and analyse them (nothing shows when there are none)."""
        if self._handle is not None:
            return
        library = self._ctx.library

        def work(control: TaskControl) -> list[ReanalysisResult]:
            ids = outdated_article_ids(library)  # usually none: the analysis code is then never loaded
            if not ids:
                return []
            from desktop.services.reanalysis import Reanalyzer  # imported in the worker thread

            control.progress(0, len(ids), "")
            return Reanalyzer(library).run(
                ids, entities=False, progress=control.progress, cancelled=control.cancelled
            )

        self._handle = self._ctx.tasks.run(
            work,
            self._done,
            self._failed,
            key=f"reanalysis-{id(self)}",
            on_progress=self._progress,
            background=True,
        )
        self._handle.finished.connect(self._cancelled_done)

    def _progress(self, done: int, total: int, _label: str) -> None:
        if total <= 0:
            return
        self.label.setText(
            translate("ReanalysisRunner", "Finding quotes in older articles: {done} of {total}").format(
                done=done, total=total
            )
        )
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        for widget in (self.label, self.progress, self.cancel_button):
            widget.show()

    def cancel(self) -> None:
        """Stop after the current article."""
        if self._handle is not None:
            self._handle.cancel()
            self.label.setText(translate("ReanalysisRunner", "Stopping after the current article…"))
            self.cancel_button.setEnabled(False)

    def _hide(self) -> None:
        self._handle = None
        self.cancel_button.setEnabled(True)
        for widget in (self.label, self.progress, self.cancel_button):
            widget.hide()

    def _done(self, results: list[ReanalysisResult]) -> None:
        self._hide()
        if results:
            quotes = sum(r.quotes for r in results)
            self.message.emit(
                plural(
                    len(results),
                    translate("ReanalysisRunner", "Quotes found in 1 older article ({quotes} in all)."),
                    translate("ReanalysisRunner", "Quotes found in {n} older articles ({quotes} in all)."),
                    quotes=format_number(quotes),
                )
            )
        self.finished.emit(results)

    def _cancelled_done(self, results: object) -> None:
        """A cancelled task's result is not delivered to ``_done``: still say what was kept."""
        if self._handle is not None and self._handle.control.cancelled():
            self._hide()
            kept = results if isinstance(results, list) else []
            self.message.emit(
                translate(
                    "ReanalysisRunner",
                    "Stopped; {n} older articles brought up to date, the rest at the next start.",
                ).format(n=format_number(len(kept)))
            )
            self.finished.emit(kept)

    def _failed(self, error: BaseException) -> None:
        self._hide()
        self.message.emit(
            translate("ReanalysisRunner", "Older articles could not be analysed: {error}").format(
                error=message_of(error)
            )
        )
