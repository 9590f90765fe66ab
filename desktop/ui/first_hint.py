"""A short hint on what to do, shown above the panes on the first start only.

It names the keys as the window's actions define them (so it never shows a stale shortcut),
and once dismissed, or once a window that showed it closes, it is not shown again.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.i18n import translate

SEEN_KEY = "hints/first_start_seen"


def first_start(settings: QSettings) -> bool:
    """True until the hint was seen."""
    value = settings.value(SEEN_KEY, False)
    return not (value is True or str(value).lower() in ("true", "1"))


def key_of(action: QAction | None) -> str:
    """The first shortcut of ``action`` as the user's platform writes it ("" without one)."""
    if action is None or action.shortcut().isEmpty():
        return ""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def hint_text(keys: Mapping[str, QAction | None]) -> str:
    """The hint, with the keys of the actions ``highlight``, ``next``, ``notes`` and ``shortcuts``."""

    def key(name: str, fallback: str) -> str:
        found = key_of(keys.get(name))
        return f"<b>{found}</b>" if found else fallback

    nxt = keys.get("next")
    step = " / ".join(
        f"<b>{s.toString(QKeySequence.SequenceFormat.NativeText)}</b>"
        for s in (nxt.shortcuts() if nxt else [])
    )
    parts = [
        translate("FirstHint", "<b>New here?</b> Choose an article on the left to read it."),
        translate("FirstHint", "Select words and press {key} to highlight them;").format(
            key=key("highlight", translate("FirstHint", "a colour"))
        ),
        translate("FirstHint", "click a highlight to add a note."),
    ]
    if step:
        parts.append(translate("FirstHint", "{keys} go to the next article.").format(keys=step))
    notes = key("notes", translate("FirstHint", "View ▸ All Notes"))
    parts.append(translate("FirstHint", "{key} lists every note;").format(key=notes))
    shortcuts = key("shortcuts", translate("FirstHint", "Help ▸ Keyboard Shortcuts"))
    parts.append(translate("FirstHint", "{key} shows all keys.").format(key=shortcuts))
    return " ".join(parts)


class FirstStartHint(QFrame):
    """The hint strip with a "Got it" button."""

    dismissed = Signal()

    def __init__(self, settings: QSettings, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("firstStartHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#firstStartHint { background: palette(tooltip-base); border: none;"
            " border-bottom: 1px solid palette(mid); }"
            "#firstStartHint QLabel { color: palette(tooltip-text); }"
        )
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(translate("FirstHint", "Got it"), self)
        self.button.setAccessibleName(translate("FirstHint", "Dismiss the hint"))
        self.button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def dismiss(self) -> None:
        """Hide the hint for good."""
        self.remember()
        self.hide()
        self.dismissed.emit()

    def remember(self) -> None:
        """Record that the hint was seen (it is not shown on later starts)."""
        self._settings.setValue(SEEN_KEY, True)
