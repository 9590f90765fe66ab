"""The note editor of the selected annotation: saves as you type, tags with completion, colour, delete.

Notes are saved 400 ms after the last keystroke and at once when the editor loses focus,
shows another annotation, or the window saves its state, so no note is lost. Writes go
through the ``EditController`` (background, undoable).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.record import replace
from desktop.core.tags import TagError, normalize_tag
from desktop.services.annotations import list_tags
from desktop.services.dto import AnnotationRow
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.palette import ColorPalette, annotation_color
from desktop.ui.undo import EditController

SAVE_DELAY_MS = 400


def split_tags(text: str) -> list[str]:
    """The comma- or space-separated tags typed in the tags field, in normal form, without repeats.

    Raises TagError for an invalid tag.
    """
    out: list[str] = []
    for raw in text.replace(",", " ").split():
        tag = normalize_tag(raw)
        if tag not in out:
            out.append(tag)
    return out


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma or space, matching anywhere in the tag."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.tags_model = QStringListModel()
        super().__init__(self.tags_model, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [path.replace(",", " ").split(" ")[-1].lstrip("#")]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        head = typed.replace(",", " ").rsplit(" ", 1)[0] + " " if " " in typed.replace(",", " ") else ""
        return head + str(self.model().data(index, Qt.ItemDataRole.DisplayRole)) + " "


class AnnotationEditor(QWidget):
    """Edits the annotation set with ``set_annotation``; empty and disabled when there is none."""

    def __init__(
        self, ctx: AppContext, edits: EditController, palette: ColorPalette, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._edits = edits
        self._palette = palette
        self._row: AnnotationRow | None = None
        self._loading = False
        self.header = QLabel(self)
        self.quote = QLabel(self)
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(translate("AnnotationEditor", "Write a note… (saved as you type)"))
        self.note.setTabChangesFocus(True)
        self.note.installEventFilter(self)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(
            translate("AnnotationEditor", "Tags, e.g. politik/wahl quelle (Enter saves)")
        )
        self.completer = TagCompleter(self.tags)
        self.tags.setCompleter(self.completer)
        self.tag_error = QLabel(self)
        self.tag_error.setWordWrap(True)
        self.tag_error.setStyleSheet("color: #c0392b;")
        self.tag_error.hide()
        self.status = QLabel("", self)
        self.color_buttons: dict[str, QToolButton] = {}
        colours = QHBoxLayout()
        colours.setSpacing(2)
        for color in palette.colors():
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFixedSize(22, 22)
            button.setStyleSheet(
                f"QToolButton {{ background: {annotation_color(color).name()}; border-radius: 10px;"
                " border: 2px solid transparent; } QToolButton:checked { border: 2px solid palette(text); }"
            )
            button.clicked.connect(lambda _checked=False, c=color: self.set_color(c))
            self.color_buttons[color] = button
            colours.addWidget(button)
        colours.addStretch(1)
        self.delete_button = QPushButton(translate("AnnotationEditor", "Delete"), self)
        self.delete_button.setToolTip(
            translate("AnnotationEditor", "Delete this highlight and its note (undoable)")
        )
        self.delete_button.clicked.connect(self.delete_current)
        colours.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.quote)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.tags)
        layout.addWidget(self.tag_error)
        layout.addLayout(colours)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.note.textChanged.connect(self._note_typed)
        self.tags.editingFinished.connect(self.commit_tags)
        self.completer.activated.connect(lambda _text: QTimer.singleShot(0, self.commit_tags))
        palette.changed.connect(self._show_header)
        edits.annotation_updated.connect(self._saved)
        edits.conflict_resolved.connect(self._conflict_resolved)
        self.set_annotation(None)

    # --- state -----------------------------------------------------------------------------------
    def annotation_id(self) -> int | None:
        """The annotation being edited."""
        return self._row.id if self._row else None

    def is_dirty(self) -> bool:
        """True while typed text is not yet handed to the writer."""
        return self._row is not None and (
            self.note.toPlainText() != self._row.note or self._typed_tags() != list(self._row.tags)
        )

    def _typed_tags(self) -> list[str] | None:
        try:
            return split_tags(self.tags.text())
        except TagError:
            return None

    def set_annotation(self, row: AnnotationRow | None) -> None:
        """Show ``row``; a newer stored state of the same annotation only replaces text not being edited."""
        if row is not None and self._row is not None and row.id == self._row.id:
            if self.is_dirty() or not self._edits.is_idle():
                self._row = replace(self._row, color=row.color, quote=row.quote)
                self._show_header()
                return
        elif self._row is not None:
            self.flush()
        self._row = row
        self._loading = True
        try:
            note = row.note if row else ""
            if self.note.toPlainText() != note:
                self.note.setPlainText(note)
            tags = list(row.tags) if row else []
            if self._typed_tags() != tags:
                self.tags.setText(" ".join(tags))
        finally:
            self._loading = False
        self.quote.setText(
            _excerpt(row.quote)
            if row
            else translate("AnnotationEditor", "Select a highlight to write a note.")
        )
        self.tag_error.hide()
        for widget in (self.note, self.tags, self.delete_button, *self.color_buttons.values()):
            widget.setEnabled(row is not None)
        self._show_header()
        if row is not None:
            self._load_tags()

    def _show_header(self) -> None:
        row = self._row
        for color, button in self.color_buttons.items():
            button.setChecked(row is not None and row.color == color)
            shortcut = self._palette.shortcut(color)
            button.setToolTip(self._palette.label(color) + (f" — {shortcut}" if shortcut else ""))
        if row is None:
            self.header.setText(translate("AnnotationEditor", "No highlight selected"))
            self.header.setToolTip("")
            return
        self.header.setText(
            translate("AnnotationEditor", "{meaning} highlight").format(
                meaning=self._palette.meaning(row.color)
            )
        )
        self.header.setToolTip(self._made_by(row))

    def _made_by(self, row: AnnotationRow) -> str:
        """Who made the note and who saved it last ("" when not recorded)."""
        lines = [translate("AnnotationEditor", "By {name}").format(name=row.author)] if row.author else []
        if row.edited_by and row.edited_by != row.author:
            lines.append(translate("AnnotationEditor", "Last changed by {name}").format(name=row.edited_by))
        return "\n".join(lines)

    def _load_tags(self) -> None:
        library = self._ctx.library
        self._ctx.tasks.run(
            lambda _c: list_tags(library),
            self.completer.tags_model.setStringList,
            lambda _e: None,
            key="annotation-editor-tags",
        )

    # --- saving ----------------------------------------------------------------------------------
    def _note_typed(self) -> None:
        if not self._loading and self._row is not None:
            self.status.setText(translate("AnnotationEditor", "Editing…"))
            self._timer.start()

    def flush(self) -> None:
        """Hand every unsaved change (note and tags) to the writer now."""
        self._timer.stop()
        row = self._row
        if row is None:
            return
        text = self.note.toPlainText()
        if text != row.note:
            self._edits.edit_annotation(row, note=text)
            self._row = row = replace(row, note=text)
            self.status.setText(translate("AnnotationEditor", "Saving…"))
        self.commit_tags()

    def commit_tags(self) -> None:
        """Save the tags field if it changed and every tag is valid."""
        row = self._row
        if row is None:
            return
        try:
            tags = split_tags(self.tags.text())
        except TagError as error:
            self.tag_error.setText(str(error))
            self.tag_error.show()
            return
        self.tag_error.hide()
        if tags != list(row.tags):
            self._edits.edit_annotation(row, tags=tags)
            self._row = replace(row, tags=tuple(tags))
            self.status.setText(translate("AnnotationEditor", "Saving…"))

    def set_color(self, color: str) -> None:
        """Recolour the annotation."""
        row = self._row
        if row is None:
            return
        if row.color != color:
            self._edits.edit_annotation(row, color=color)
            self._row = replace(row, color=color)
        self._show_header()

    def delete_current(self) -> None:
        """Delete the annotation (after saving its note, so undo brings the note back)."""
        row = self._row
        if row is None:
            return
        self.flush()
        self._edits.delete_annotation(row.id)
        self._row = None
        self.set_annotation(None)

    def _saved(self, row: Any) -> None:
        if isinstance(row, AnnotationRow) and self._row is not None and row.id == self._row.id:
            if self._edits.is_idle():
                self.status.setText(translate("AnnotationEditor", "Saved"))
            if set(row.tags) - set(self.completer.tags_model.stringList()):
                self._load_tags()

    def _conflict_resolved(self, theirs: Any, copy: Any) -> None:
        """After an edit conflict: show their version (Reload) or the copy of ours (Keep a copy)."""
        if self._row is None or not isinstance(theirs, AnnotationRow) or theirs.id != self._row.id:
            return
        self._timer.stop()
        self._row = None  # what was typed is settled: in the copy, or on the clipboard
        self.set_annotation(copy if isinstance(copy, AnnotationRow) else theirs)
        self.status.setText(
            translate("AnnotationEditor", "Kept your text as a new note")
            if copy is not None
            else translate("AnnotationEditor", "Reloaded their version")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)


def _excerpt(text: str, limit: int = 280) -> str:
    flat = " ".join(text.split())
    return f"“{flat}”" if len(flat) <= limit else f"“{flat[: limit - 1].rstrip()}…”"
