"""Edits of a note someone else saved meanwhile: the user is told and chooses; nothing is lost.

Every save names the version the editor started from (``expected_version``); the service refuses
a save on top of a newer one. :class:`ConflictGuard` keeps the versions this window wrote itself
(so that its own queued saves never collide with each other) and, on a refused save, asks with
:class:`EditConflictDialog`: *Reload* shows the other version (the refused note goes to the
clipboard), *Keep a copy* saves the refused note, tags and colour as a new highlight of the
same passage beside the other version.
"""

from __future__ import annotations

import threading
from typing import Any, Literal

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.record import replace
from desktop.services.dto import AnnotationRow
from desktop.ui.i18n import translate

Choice = Literal["reload", "copy"]


class EditConflictDialog(QDialog):
    """Shows both versions of the note side by side; Reload or Keep a copy (the default)."""

    def __init__(self, mine: AnnotationRow, theirs: AnnotationRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: Choice = "copy"
        who = theirs.edited_by or theirs.author or translate("EditConflicts", "someone")
        self.setWindowTitle(translate("EditConflicts", "Note changed by someone else"))
        intro = QLabel(
            translate(
                "EditConflicts",
                "{who} saved this note while you were editing it, so your change was not saved over "
                "theirs. Reload their version, or keep yours as a copy beside it.",
            ).format(who=who),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, (title, row) in enumerate(
            (
                (translate("EditConflicts", "Theirs ({who})").format(who=who), theirs),
                (translate("EditConflicts", "Yours"), mine),
            )
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, column)
            text = QPlainTextEdit(self)
            text.setReadOnly(True)
            text.setPlainText(_describe(row))
            text.setAccessibleName(title)
            grid.addWidget(text, 1, column)
        self.buttons = QDialogButtonBox(self)
        self.reload_button = self.buttons.addButton(
            translate("EditConflicts", "Reload Theirs"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.reload_button.setToolTip(
            translate("EditConflicts", "Show their version; your text is put on the clipboard")
        )
        self.copy_button = self.buttons.addButton(
            translate("EditConflicts", "Keep a Copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.copy_button.setToolTip(
            translate("EditConflicts", "Save your text as a new note on the same passage")
        )
        self.copy_button.setDefault(True)
        self.reload_button.clicked.connect(lambda: self._choose("reload"))
        self.copy_button.clicked.connect(lambda: self._choose("copy"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 320)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted)

    @classmethod
    def ask(cls, parent: QWidget | None, mine: AnnotationRow, theirs: AnnotationRow) -> Choice:
        """The user's choice; closing the dialog keeps a copy (nothing is lost). Tests replace this."""
        dialog = cls(mine, theirs, parent)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()


def _describe(row: AnnotationRow) -> str:
    tags = " ".join(f"#{t}" for t in row.tags)
    return "\n\n".join(part for part in (row.note, tags) if part) or translate("EditConflicts", "(no note)")


class ConflictGuard:
    """The window's view of note versions: which one each save expects, and refused saves' fate.

    ``expected`` and ``wrote`` run on the write queue's thread, ``submitted``/``resolve`` on the
    GUI thread; a lock keeps the small tables consistent.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._written: dict[int, int] = {}  # annotation id -> version this window saved last
        # id -> (version a conflict was settled on, last ticket it covers): older queued saves drop
        self._settled: dict[int, tuple[int, float]] = {}
        self._tickets = 0  # saves handed to the queue so far
        self._intent: dict[int, dict[str, Any]] = {}  # id -> the latest values this window asked for
        self._asking: set[int] = set()  # ids whose conflict dialog is open

    def submitted(self, annotation_id: int, changes: dict[str, Any]) -> int:
        """Remember what the user last asked the note to be (GUI thread); returns the save's ticket."""
        self._intent.setdefault(annotation_id, {}).update(changes)
        with self._lock:
            self._tickets += 1
            return self._tickets

    def expected(self, row: AnnotationRow, ticket: int) -> int | None:
        """The version a save based on ``row`` expects; None when a settled conflict took it over
        (queued before the user chose, its values are in the refused state)."""
        with self._lock:
            version, last = self._settled.get(row.id, (0, 0))
            if row.version < version and ticket <= last:
                return None
            return max(row.version, self._written.get(row.id, 0))

    def wrote(self, row: AnnotationRow) -> None:
        """This window saved ``row`` (its new version)."""
        with self._lock:
            self._written[row.id] = max(row.version, self._written.get(row.id, 0))

    def last_written(self, annotation_id: int) -> int | None:
        """The version this window saved last (None when it saved none): what undo and redo expect."""
        with self._lock:
            return self._written.get(annotation_id)

    def mine(self, base: AnnotationRow) -> AnnotationRow:
        """``base`` with every change this window asked for (the text a refused save would have stored)."""
        intent = self._intent.get(base.id, {})
        values = {k: (tuple(v) if k == "tags" else v) for k, v in intent.items()}
        return replace(base, **values)

    def is_asking(self, annotation_id: int) -> bool:
        """True while the conflict dialog of this note is open (later refusals join it)."""
        return annotation_id in self._asking

    def resolve(
        self, parent: QWidget | None, base: AnnotationRow, theirs: AnnotationRow
    ) -> tuple[Choice, AnnotationRow]:
        """Ask what to do; returns the choice and the refused state. Saves based on versions before
        ``theirs`` are dropped from now on (their text is in the refused state)."""
        self._asking.add(base.id)
        try:
            with self._lock:
                self._settled[base.id] = (theirs.version, float("inf"))  # while asking: all queued
            choice = EditConflictDialog.ask(parent, self.mine(base), theirs)
            mine = self.mine(base)  # saves typed while the dialog was open count too
        finally:
            self._asking.discard(base.id)
            with self._lock:
                self._settled[base.id] = (theirs.version, self._tickets)
        self._intent.pop(base.id, None)
        if choice == "reload" and mine.note != theirs.note:
            keep_on_clipboard(mine.note)
        return choice, mine


def keep_on_clipboard(text: str) -> None:
    """Put a note that could not be saved on the clipboard (nothing when empty)."""
    clipboard = QApplication.clipboard()
    if text and clipboard is not None:
        clipboard.setText(text)


def copy_changes(mine: AnnotationRow) -> dict[str, Any]:
    """The arguments of ``create_annotation`` that keep ``mine`` as a new note on its passage."""
    return {
        "start": mine.start,
        "end": mine.end,
        "note": mine.note,
        "tags": list(mine.tags),
        "color": mine.color,
    }
