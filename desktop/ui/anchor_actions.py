"""The Annotations list's context menu for anchors a new version moved: confirm, re-attach.

A fuzzy annotation (its passage changed in the new version) is confirmed where it is now; an
orphaned one (its passage is gone) or a fuzzy one is re-attached to the text selected in the
reading pane. Deleting stays with the note editor (undoable). Writes go through the write queue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QListView, QMenu

from desktop.core.errors import message_of
from desktop.services import version_history
from desktop.services.dto import AnnotationRow
from desktop.ui.annotations_model import AnnotationListModel
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate


class SelectionSource(Protocol):
    """What the anchor actions need of the reading pane."""

    def selected_range(self) -> tuple[int, int] | None: ...

    def reload(self) -> None: ...


class AnchorActions(QObject):
    """Adds "Confirm Place" and "Re-attach to Selected Text" to the annotation list."""

    changed = Signal(int)  # the annotation whose anchor was confirmed or moved
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        view: QListView,
        model: AnnotationListModel,
        proxy: QSortFilterProxyModel,
        reader: SelectionSource,
    ) -> None:
        super().__init__(view)
        self._ctx, self._view, self._model, self._proxy, self._reader = ctx, view, model, proxy, reader
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)

    def actions_for(self, row: AnnotationRow) -> list[tuple[str, Callable[[], None]]]:
        """The menu entries for one annotation (none when its anchor is settled)."""
        entries: list[tuple[str, Callable[[], None]]] = []
        if row.state == "fuzzy" and not row.orphaned:
            entries.append((translate("AnchorActions", "Confirm Place"), lambda: self.confirm(row.id)))
        if row.needs_check:
            entries.append(
                (translate("AnchorActions", "Re-attach to Selected Text"), lambda: self.reattach(row.id))
            )
        return entries

    def _menu(self, pos: QPoint) -> None:
        index = self._view.indexAt(pos)
        row = self._model.annotation(self._proxy.mapToSource(index)) if index.isValid() else None
        entries = self.actions_for(row) if row is not None else []
        if not entries:
            return
        menu = QMenu(self._view)
        for text, slot in entries:
            menu.addAction(text).triggered.connect(lambda _c=False, s=slot: s())
        menu.popup(self._view.viewport().mapToGlobal(pos))

    def confirm(self, annotation_id: int) -> None:
        """The fuzzy anchor is right: mark it exact."""
        library = self._ctx.library
        self._write(lambda: version_history.confirm_anchor(library, annotation_id), annotation_id)

    def reattach(self, annotation_id: int) -> None:
        """Attach the annotation to the text selected in the reading pane."""
        selected = self._reader.selected_range()
        if selected is None:
            self.failed.emit(
                translate(
                    "AnchorActions",
                    "Select the passage in the text first, then re-attach the annotation to it.",
                )
            )
            return
        library, (start, end) = self._ctx.library, selected
        self._write(lambda: version_history.reattach(library, annotation_id, start, end), annotation_id)

    def _write(self, job: Callable[[], None], annotation_id: int) -> None:
        def done(_result: object) -> None:
            self._reader.reload()
            self.changed.emit(annotation_id)

        self._ctx.write_queue().submit(job, done, lambda error: self.failed.emit(message_of(error)))
