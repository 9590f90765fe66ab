"""The find bar of the reading pane: incremental, case- and accent-insensitive, with a match count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.core.textfold import fold, fold_with_offsets
from desktop.ui.i18n import translate


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Spans (code points) of every occurrence of ``query`` as a phrase, ignoring case and accents."""
    needle = fold(" ".join(query.split()))
    if not needle or not text:
        return []
    folded, offsets = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    start = folded.find(needle)
    while start != -1:
        span = (offsets[start], offsets[start + len(needle) - 1] + 1)
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
        start = folded.find(needle, start + 1)
    return spans


class _FindEdit(QLineEdit):
    """Enter: next match; Shift+Enter: previous; Esc: close."""

    next_requested = Signal()
    previous_requested = Signal()
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """A slim bar under the text: query field, "3 of 12", previous/next, close."""

    search_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = _FindEdit(self)
        self.edit.setPlaceholderText(translate("FindBar", "Find in article"))
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel("", self)
        self.count_label.setMinimumWidth(80)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(translate("FindBar", "Previous match (Shift+Enter)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(translate("FindBar", "Next match (Enter)"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("FindBar", "Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel(translate("FindBar", "Find:"), self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.edit.textChanged.connect(self.search_changed)
        self.edit.next_requested.connect(self.next_requested)
        self.edit.previous_requested.connect(self.previous_requested)
        self.edit.escape_pressed.connect(self.close_bar)
        self.next_button.clicked.connect(self.next_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.close_bar)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.setWhatsThis(translate("FindBar", "Close the find bar"))  # listed in Help ▸ Keyboard Shortcuts
        escape.activated.connect(self.close_bar)
        self.hide()

    def query(self) -> str:
        """The current search text."""
        return self.edit.text()

    def open_bar(self) -> None:
        """Show the bar, select its text and focus it (searching again for the current text)."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text():
            self.search_changed.emit(self.edit.text())

    def close_bar(self) -> None:
        """Hide the bar and tell the reader to drop the match highlights."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def set_result(self, current: int | None, total: int) -> None:
        """Show "current of total" (current is 0-based), or "No matches"."""
        if not self.edit.text().strip():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText(translate("FindBar", "No matches"))
        else:
            self.count_label.setText(
                translate("FindBar", "{number} of {total}").format(number=(current or 0) + 1, total=total)
            )
        self.previous_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)
