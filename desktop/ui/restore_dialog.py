"""The start-up check of the library: a damaged file offers a restore from the newest backup."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import message_of
from desktop.services.maintenance import LibraryCare, care_at_start, restore_backup
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate


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
            translate(
                "RestoreDialog",
                "The library file is damaged; changes to it are refused until it is repaired.",
            )
            + "\n\n"
            + translate("RestoreDialog", "The check reported: {problem}").format(problem=problem)
        )
        if backup is None:
            QMessageBox.warning(
                parent,
                translate("RestoreDialog", "Library damaged"),
                text + "\n\n" + translate("RestoreDialog", "There is no backup to restore."),
            )
            return False
        answer = QMessageBox.question(
            parent,
            translate("RestoreDialog", "Library damaged"),
            text
            + "\n\n"
            + translate(
                "RestoreDialog",
                "Restore the newest backup ({name})? The damaged file is kept in the backups folder.",
            ).format(name=backup.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


def check_library_at_start(window: CareWindow, ctx: AppContext, parent: QWidget | None = None) -> None:
    """Quick-check the library and make the daily backup in the background; offer a restore if damaged."""

    def done(care: LibraryCare) -> None:
        if care.backup_error:
            window.show_status(
                translate("RestoreDialog", "The daily backup could not be made: {backup_error}").format(
                    backup_error=care.backup_error
                )
            )
        if not care.problem:
            return
        if RestoreDialog.ask(parent, care.problem, care.newest_backup) and care.newest_backup is not None:
            backup = care.newest_backup

            def restored(_safety: Path | None) -> None:
                window.library_pane.refresh()
                window.show_status(
                    translate("RestoreDialog", "Restored the library from {name}").format(name=backup.name)
                )

            ctx.tasks.run(
                lambda _control: restore_backup(ctx.library, backup),
                restored,
                lambda error: window.show_status(
                    translate("RestoreDialog", "The restore failed: {error}").format(error=message_of(error))
                ),
            )

    ctx.tasks.run(
        lambda _control: care_at_start(ctx.library),
        done,
        lambda error: window.show_status(
            translate("RestoreDialog", "The library could not be checked: {error}").format(
                error=message_of(error)
            )
        ),
        background=True,  # never in the way of an article or a page of the list
    )
