"""All highlights and notes of the library as a list model, handed to the view in batches.

The rows come from ``services.notes_query`` in the background; the model shows the first
BATCH and fetches more as the view scrolls (``canFetchMore``/``fetchMore``), so ten thousand
notes cost the view no more than two hundred.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.article_labels import local_date
from desktop.services.dto import NoteRow
from desktop.ui.i18n import format_date, translate
from desktop.ui.palette import ColorPalette, annotation_color

NoteRole = Qt.ItemDataRole.UserRole + 31  # the NoteRow
AnnotationIdRole = Qt.ItemDataRole.UserRole + 32
ArticleIdRole = Qt.ItemDataRole.UserRole + 33
ColorRole = Qt.ItemDataRole.UserRole + 34  # the colour's name
MeaningRole = Qt.ItemDataRole.UserRole + 35  # what the colour means to the user
AuthorRole = Qt.ItemDataRole.UserRole + 36  # who made the note ("" when not recorded)
BATCH = 200

AnyIndex = QModelIndex | QPersistentModelIndex


def one_line(text: str) -> str:
    """Text with every run of white space (line breaks too) as one space."""
    return " ".join(text.split())


class NotesListModel(QAbstractListModel):
    """One row per highlight: its passage, note, tags, colour and article (newest first)."""

    def __init__(self, palette: ColorPalette | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._palette = palette
        self._rows: list[NoteRow] = []
        self._shown = 0
        self._busy = False
        if palette is not None:
            palette.changed.connect(self._meanings_changed)

    # ------------------------------------------------------------------ content

    def set_notes(self, rows: list[NoteRow]) -> bool:
        """Show ``rows`` (the first BATCH at once, the rest as the view scrolls); True when the list was
        reset, False when only rows changed in place (the same notes in the same order: an edited note)."""
        if [r.id for r in rows] == [r.id for r in self._rows] and rows:
            changed = [i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new]
            self._rows = list(rows)
            for i in changed:
                if i < self._shown:
                    self.dataChanged.emit(self.index(i), self.index(i))
            return False
        self._busy = True  # views asking for more while the reset is announced get nothing yet
        try:
            self.beginResetModel()
            self._rows = list(rows)
            self._shown = min(len(self._rows), BATCH)
            self.endResetModel()
        finally:
            self._busy = False
        return True

    def show_at_least(self, count: int) -> None:
        """Hand the view at least ``count`` rows (to keep its place after a reload)."""
        while self._shown < min(count, len(self._rows)) and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def notes(self) -> list[NoteRow]:
        """Every note loaded, shown or not yet."""
        return list(self._rows)

    def total(self) -> int:
        """How many notes passed the filter (rowCount() grows towards it)."""
        return len(self._rows)

    def note(self, index: AnyIndex) -> NoteRow | None:
        """The note at ``index``."""
        if index.isValid() and not index.parent().isValid() and 0 <= index.row() < self._shown:
            return self._rows[index.row()]
        return None

    def row_of(self, annotation_id: int) -> int:
        """The row of an annotation (fetching up to it), or -1."""
        for row, note in enumerate(self._rows):
            if note.id == annotation_id:
                while self._shown <= row:
                    self.fetchMore(QModelIndex())
                return row
        return -1

    def _meanings_changed(self) -> None:
        if self._shown:
            self.dataChanged.emit(
                self.index(0), self.index(self._shown - 1), [MeaningRole, Qt.ItemDataRole.ToolTipRole]
            )

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._busy and self._shown < len(self._rows)

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        end = min(len(self._rows), self._shown + BATCH)
        self._busy = True  # a view asking again while the rows are announced waits for the next call
        try:
            self.beginInsertRows(QModelIndex(), self._shown, end - 1)
            self._shown = end
            self.endInsertRows()
        finally:
            self._busy = False

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self.note(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            row = self.note(index)
            return None if row is None else self._data(row, role)
        except Exception:  # a view must never see an exception from data()
            return None

    def _meaning(self, color: str) -> str:
        return self._palette.meaning(color) if self._palette is not None else color.capitalize()

    def _data(self, row: NoteRow, role: int) -> Any:
        note = row.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(note.quote)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [
                self._meaning(note.color),
                one_line(note.quote),
                one_line(note.note),
                row.article_title,
                note.author,
            ]
            return ". ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole:
            return annotation_color(note.color)
        if role == NoteRole:
            return row
        if role == AnnotationIdRole:
            return note.id
        if role == ArticleIdRole:
            return note.article_id
        if role == ColorRole:
            return note.color
        if role == MeaningRole:
            return self._meaning(note.color)
        if role == AuthorRole:
            return note.author
        return None

    def _tooltip(self, row: NoteRow) -> str:
        note = row.annotation
        lines = [f"{self._meaning(note.color)} · {row.article_title}"]
        made = local_date(row.created_at)
        if made:
            lines.append(translate("NotesModel", "Noted {date}").format(date=format_date(made)))
        if note.author:
            lines.append(translate("NotesModel", "By {name}").format(name=note.author))
        if note.edited_by and note.edited_by != note.author:
            lines.append(translate("NotesModel", "Last changed by {name}").format(name=note.edited_by))
        if note.orphaned:
            lines.append(translate("NotesModel", "The passage is no longer found in the article's text."))
        return "\n".join(lines)
