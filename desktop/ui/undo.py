"""Undoable edits of annotations and actors, written in the background one after another.

``EditController`` is the one place the reader and the sidebar change the library. Each
edit runs on the window's one ``WriteQueue`` (``ctx.write_queue()``: serial, off the GUI
thread, so undo steps can never overtake each other), then lands on the window's
``QUndoStack`` as a command whose first ``redo`` is a no-op. Undo and redo restore exact
snapshots (see services/snapshots.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from desktop.core.errors import message_of
from desktop.services import annotations as annotation_service
from desktop.services.dto import AnnotationRow, ChangeSummary
from desktop.services.library import Library
from desktop.services.snapshots import (
    ActorChange,
    AnnotationSnapshot,
    record_actor_change,
    remove_annotation,
    restore_actors,
    restore_annotation,
)
from desktop.ui.edit_conflicts import ConflictGuard, copy_changes, keep_on_clipboard
from desktop.ui.i18n import translate
from desktop.ui.write_queue import WriteQueue

if TYPE_CHECKING:
    from desktop.ui.context import AppContext

NOTE_EDIT_ID = 7301  # QUndoCommand.id() of note edits: consecutive edits of one note merge


class QueuedCommand(QUndoCommand):
    """A command already applied when pushed; later undo/redo run on the write queue."""

    def __init__(self, controller: Any, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the push itself: the edit is already in the library
            return
        self._controller.queue.submit(self.do_redo, self.after, self._failed)

    def undo(self) -> None:
        self._controller.queue.submit(self.do_undo, self.after, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._controller.failed.emit(
            translate("Undo", "Could not undo or redo “{action}”: {error}").format(
                action=self.text(), error=message_of(error)
            )
        )

    def do_redo(self) -> Any:
        """Apply again (worker thread)."""
        raise NotImplementedError

    def do_undo(self) -> Any:
        """Revert (worker thread)."""
        raise NotImplementedError

    def after(self, _result: Any) -> None:
        """Tell the views (GUI thread)."""
        raise NotImplementedError


class AnnotationPresenceCommand(QueuedCommand):
    """Creating (``exists_after``) or deleting an annotation; re-created with the same id and tags."""

    def __init__(
        self,
        controller: EditController,
        text: str,
        article_id: int,
        annotation_id: int,
        *,
        exists_after: bool,
        snapshot: AnnotationSnapshot | None = None,
    ) -> None:
        super().__init__(controller, text)
        self.annotation_id = annotation_id
        self.article_id = article_id
        self.exists_after = exists_after
        self._snapshot = snapshot

    def _remove(self) -> None:
        self._snapshot = remove_annotation(self._controller.library, self.annotation_id)

    def _restore(self) -> None:
        if self._snapshot is not None:
            restore_annotation(self._controller.library, self._snapshot)

    def do_undo(self) -> Any:
        return self._remove() if self.exists_after else self._restore()

    def do_redo(self) -> Any:
        return self._restore() if self.exists_after else self._remove()

    def after(self, _result: Any) -> None:
        self._controller.annotations_changed.emit(self.article_id)


class EditAnnotationCommand(QueuedCommand):
    """A change of note, tags or colour; consecutive note edits of one annotation merge."""

    def __init__(
        self, controller: EditController, row: AnnotationRow, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        super().__init__(
            controller,
            translate("Undo", "Edit note") if set(after) == {"note"} else translate("Undo", "Edit highlight"),
        )
        self.annotation_id = row.id
        self.article_id = row.article_id
        self.before = before
        self.after_values = after

    def id(self) -> int:
        return NOTE_EDIT_ID if set(self.after_values) == {"note"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditAnnotationCommand) or other.annotation_id != self.annotation_id:
            return False
        self.after_values = dict(other.after_values)
        return True

    def _apply(self, values: dict[str, Any]) -> Any:
        """Save ``values`` unless someone else saved the note since this window did (then it fails)."""
        conflicts = self._controller.conflicts
        row = annotation_service.update_annotation(
            self._controller.library,
            self.annotation_id,
            expected_version=conflicts.last_written(self.annotation_id),
            **values,
        )
        conflicts.wrote(row)
        return row

    def do_undo(self) -> Any:
        return self._apply(self.before)

    def do_redo(self) -> Any:
        return self._apply(self.after_values)

    def after(self, _result: Any) -> None:
        self._controller.annotations_changed.emit(self.article_id)


class ActorCommand(QueuedCommand):
    """An actor correction: undo restores the snapshot before it, redo the one after it."""

    def __init__(self, controller: EditController, text: str, change: ActorChange) -> None:
        super().__init__(controller, text)
        self.change = change

    def _restore(self, before: bool) -> ChangeSummary:
        summary = restore_actors(
            self._controller.library, self.change.before if before else self.change.after
        )
        self._controller.ctx.refresh_corrections()
        return summary

    def do_undo(self) -> Any:
        return self._restore(True)

    def do_redo(self) -> Any:
        return self._restore(False)

    def after(self, result: Any) -> None:
        self._controller.actors_changed.emit(result)


class EditController(QObject):
    """Creates, edits and deletes annotations and corrects actors, undoably and off the GUI thread.

    One per window (``AppContext.edits()``); its signals carry each change to every view.
    """

    annotation_created = Signal(object)  # AnnotationRow
    annotation_updated = Signal(object)  # AnnotationRow
    annotation_deleted = Signal(int, int)  # article id, annotation id
    annotations_changed = Signal(int)  # article id: an undo or redo changed its annotations
    actors_changed = Signal(object)  # ChangeSummary
    conflict_resolved = Signal(object, object)  # the stored AnnotationRow, the copy kept (or None)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.queue: WriteQueue = ctx.write_queue()
        self.conflicts = ConflictGuard()

    @property
    def library(self) -> Library:
        """The open library."""
        return self.ctx.library

    def _error(self, prefix: str) -> Callable[[BaseException], None]:
        return lambda error: self.failed.emit(f"{prefix}: {message_of(error)}")

    def create_annotation(self, article_id: int, start: int, end: int, color: str) -> None:
        """Highlight [start, end) of an article."""

        def done(row: AnnotationRow) -> None:
            self.ctx.undo_stack.push(
                AnnotationPresenceCommand(
                    self, translate("Undo", "Highlight"), article_id, row.id, exists_after=True
                )
            )
            self.annotation_created.emit(row)

        self.queue.submit(
            lambda: annotation_service.create_annotation(
                self.library, article_id, start=start, end=end, color=color
            ),
            done,
            self._error(translate("Undo", "Could not highlight")),
        )

    def edit_annotation(self, row: AnnotationRow, **changes: Any) -> None:
        """Change ``note``, ``tags`` or ``color`` of an annotation whose stored state is ``row``."""
        current = {"note": row.note, "tags": list(row.tags), "color": row.color}
        after: dict[str, Any] = {
            k: (list(v) if k == "tags" else v) for k, v in changes.items() if current.get(k) != v
        }
        if not after:
            return
        before = {k: current[k] for k in after}
        ticket = self.conflicts.submitted(row.id, after)

        def work() -> AnnotationRow | None:
            expected = self.conflicts.expected(row, ticket)
            if expected is None:
                return None  # the user settled a conflict over this edit (reload or copy)
            updated = annotation_service.update_annotation(
                self.library, row.id, expected_version=expected, **after
            )
            self.conflicts.wrote(updated)
            return updated

        def done(updated: AnnotationRow | None) -> None:
            if updated is None:
                return
            self.ctx.undo_stack.push(EditAnnotationCommand(self, row, before, after))
            self.annotation_updated.emit(updated)

        def failed(error: BaseException) -> None:
            if isinstance(error, annotation_service.EditConflictError):
                self._settle_conflict(row, error.current)
            else:
                self._error(translate("Undo", "Could not save the annotation"))(error)

        self.queue.submit(work, done, failed)

    def _settle_conflict(self, base: AnnotationRow, theirs: AnnotationRow) -> None:
        """Someone saved the note since ``base``: ask, then reload theirs or keep ours as a copy."""
        if self.conflicts.is_asking(base.id):
            return  # the open dialog covers this save too
        # The controller belongs to the window's context, not to a widget: ask over the active window.
        choice, mine = self.conflicts.resolve(QApplication.activeWindow(), base, theirs)
        if choice == "reload":
            self.annotations_changed.emit(theirs.article_id)
            self.conflict_resolved.emit(theirs, None)
            return
        values = copy_changes(mine)

        def done(copy: AnnotationRow) -> None:
            self.ctx.undo_stack.push(
                AnnotationPresenceCommand(
                    self, translate("Undo", "Keep a copy"), copy.article_id, copy.id, exists_after=True
                )
            )
            self.annotations_changed.emit(copy.article_id)
            self.conflict_resolved.emit(theirs, copy)

        def copy_failed(error: BaseException) -> None:
            keep_on_clipboard(mine.note)
            self.failed.emit(
                translate(
                    "Undo", "Could not keep a copy of your note (it is on the clipboard): {error}"
                ).format(error=message_of(error))
            )

        self.queue.submit(
            lambda: annotation_service.create_annotation(self.library, base.article_id, **values),
            done,
            copy_failed,
        )

    def delete_annotation(self, annotation_id: int) -> None:
        """Delete an annotation (undo re-creates it with its tags)."""

        def done(snapshot: AnnotationSnapshot) -> None:
            self.ctx.undo_stack.push(
                AnnotationPresenceCommand(
                    self,
                    translate("Undo", "Delete highlight"),
                    snapshot.article_id,
                    snapshot.id,
                    exists_after=False,
                    snapshot=snapshot,
                )
            )
            self.annotation_deleted.emit(snapshot.article_id, snapshot.id)

        self.queue.submit(
            lambda: remove_annotation(self.library, annotation_id),
            done,
            self._error(translate("Undo", "Could not delete")),
        )

    def correct_actors(
        self, text: str, actor_ids: list[int], operation: Callable[[Library], ChangeSummary]
    ) -> None:
        """Run an actor correction (from services.corrections) undoably; ``text`` names it in Edit > Undo."""

        def work() -> ActorChange:
            change = record_actor_change(self.library, actor_ids, lambda: operation(self.library))
            self.ctx.refresh_corrections()
            return change

        def done(change: ActorChange) -> None:
            self.ctx.undo_stack.push(ActorCommand(self, text, change))
            self.actors_changed.emit(change.summary)

        self.queue.submit(work, done, self._error(translate("Undo", "{action} failed").format(action=text)))

    def is_idle(self) -> bool:
        """True when no write is queued or running."""
        return self.queue.is_idle()

    def drain(self, timeout: float = 10.0) -> bool:
        """Finish every pending write now (called on quit via ReaderPane.save_state)."""
        return self.queue.drain(timeout)
