"""The start-up check of the library: a damaged file offers a restore from the newest backup."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.maintenance import LibraryCare, care_at_start, restore_backup
from desktop.ui.context import AppContext
from desktop.ui.crash import message_of


class _Refreshable(Protocol):
    def refresh(self) -> None:
        """Reload the list from the library."""


class CareWindow(Protocol):
    """What the check needs of the main window."""

    @property
    def library_pane(self) -> _Refreshable:
        """The article list, reloaded after a restore."""

    def show_status(self, text: str) -> None:
        """A transient status message."""


class RestoreDialog:
    """Asks whether to restore a damaged library (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, problem: str, backup: Path | None) -> bool:
        """True when the user wants ``backup`` restored."""
        text = (
            "The library file is damaged; changes to it are refused until it is repaired.\n\n"
            f"The check reported: {problem}"
        )
        if backup is None:
            QMessageBox.warning(parent, "Library damaged", text + "\n\nThere is no backup to restore.")
            return False
        answer = QMessageBox.question(
            parent,
            "Library damaged",
            f"{text}\n\nRestore the newest backup ({backup.name})? The damaged file is kept in the "
            "backups folder.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


def check_library_at_start(window: CareWindow, ctx: AppContext, parent: QWidget | None = None) -> None:
    """Quick-check the library and make the daily backup in the background; offer a restore if damaged."""

    def done(care: LibraryCare) -> None:
        if care.backup_error:
            window.show_status(f"The daily backup could not be made: {care.backup_error}")
        if not care.problem:
            return
        if RestoreDialog.ask(parent, care.problem, care.newest_backup) and care.newest_backup is not None:
            backup = care.newest_backup

            def restored(_safety: Path | None) -> None:
                window.library_pane.refresh()
                window.show_status(f"Restored the library from {backup.name}")

            ctx.tasks.run(
                lambda _control: restore_backup(ctx.library, backup),
                restored,
                lambda error: window.show_status(f"The restore failed: {message_of(error)}"),
            )

    ctx.tasks.run(
        lambda _control: care_at_start(ctx.library),
        done,
        lambda error: window.show_status(f"The library could not be checked: {message_of(error)}"),
    )
