"""Who the window's user is: asked once on the first start, kept in the settings, changeable later.

The name is recorded with every note, correction and import of the window (see
:mod:`desktop.services.authors`), so that a team sharing one library can tell whose is whose.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services.authors import (
    SETTINGS_KEY,
    SETTINGS_SECTION,
    UserNameError,
    checked_user_name,
    current_author,
    default_user_name,
    explicit_user_name,
    set_user,
)
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate

USER_NAME_KEY = f"{SETTINGS_SECTION}/{SETTINGS_KEY}"


def name_in_settings(settings: QSettings) -> str:
    """The name kept in the settings ("" when none was chosen yet or it is unusable)."""
    value = settings.value(USER_NAME_KEY, "")
    try:
        return checked_user_name(str(value or ""))
    except UserNameError:
        return ""


def use_user_name(ctx: AppContext, name: str) -> str:
    """Keep ``name`` in the settings and record the window's changes under it; returns it cleaned."""
    cleaned = set_user(ctx.library, name)
    ctx.settings.setValue(USER_NAME_KEY, cleaned)
    ctx.settings.sync()
    return cleaned


class UserNameDialog(QDialog):
    """One field with the name; OK only while it holds a visible character."""

    def __init__(self, name: str, parent: QWidget | None = None, *, first_start: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("UserNameDialog", "Your Name")
            if first_start
            else translate("UserNameDialog", "User Name")
        )
        intro = QLabel(
            translate(
                "UserNameDialog",
                "Your name is recorded with your notes, corrections and imports, so that people "
                "sharing this library can tell whose is whose.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(name, self)
        self.field.setAccessibleName(translate("UserNameDialog", "User name"))
        self.field.setPlaceholderText(translate("UserNameDialog", "e.g. your first name or initials"))
        self.field.selectAll()
        self.problem = QLabel("", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        self._check()

    def name(self) -> str:
        """The name typed, cleaned ("" when unusable)."""
        try:
            return checked_user_name(self.field.text())
        except UserNameError:
            return ""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        """The name chosen ("" when cancelled). Tests replace this."""
        dialog = cls(name, parent)
        try:
            return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else ""
        finally:
            dialog.deleteLater()

    def _check(self) -> None:
        usable = bool(self.name())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(usable)
        self.problem.setText(
            "" if usable else translate("UserNameDialog", "A name needs at least one visible character.")
        )


def ask_at_first_start(
    parent: QWidget, ctx: AppContext, *, done: Callable[[str], None] | None = None
) -> UserNameDialog | None:
    """Use the name given for this run or the stored one, or (first start) open the dialog without
    blocking the window.

    Closing the dialog keeps the offered name, so it is asked only once. Returns the open dialog.
    """
    stored = explicit_user_name() or name_in_settings(ctx.settings)
    if stored:
        set_user(ctx.library, stored)
        if done is not None:
            done(stored)
        return None
    offered = default_user_name()
    dialog = UserNameDialog(offered, parent, first_start=True)

    def finished(result: int) -> None:
        chosen = dialog.name() if result == QDialog.DialogCode.Accepted else ""
        name = use_user_name(ctx, chosen or offered)
        dialog.deleteLater()
        if done is not None:
            done(name)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


def change_user_name(parent: QWidget, ctx: AppContext) -> str | None:
    """Edit ▸ User Name…: ask for a new name (modal); returns the name kept, None when cancelled."""
    name = UserNameDialog.ask(parent, current_author(ctx.library))
    return use_user_name(ctx, name) if name else None
