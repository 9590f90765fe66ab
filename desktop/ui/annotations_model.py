"""An article's annotations in document order, filterable by colour and tag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.services.dto import AnnotationRow
from desktop.ui.i18n import translate
from desktop.ui.palette import ColorPalette, annotation_color

AnnotationIdRole = Qt.ItemDataRole.UserRole + 11
ColorRole = Qt.ItemDataRole.UserRole + 12
TagsRole = Qt.ItemDataRole.UserRole + 13
AnchorStateRole = Qt.ItemDataRole.UserRole + 14
Index = QModelIndex | QPersistentModelIndex
QUOTE_CHARS = 90


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class AnnotationListModel(QAbstractListModel):
    """One row per annotation: the quote, the start of the note, the colour as decoration."""

    def __init__(self, palette: ColorPalette | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnotationRow] = []
        self._palette = palette

    def set_annotations(self, rows: list[AnnotationRow] | tuple[AnnotationRow, ...]) -> None:
        """Replace the rows (kept in document order)."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (r.orphaned, r.start, r.id))
        self.endResetModel()

    def annotations(self) -> list[AnnotationRow]:
        """The rows shown, in document order."""
        return list(self._rows)

    def annotation(self, index: Index) -> AnnotationRow | None:
        """The annotation at ``index``."""
        if index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()]
        return None

    def row_of(self, annotation_id: int) -> int:
        """Row of an annotation, -1 if absent."""
        return next((i for i, r in enumerate(self._rows) if r.id == annotation_id), -1)

    def tags(self) -> list[str]:
        """Every tag used by these annotations, sorted."""
        return sorted({t for r in self._rows for t in r.tags})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.annotation(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            quote = f"“{_short(row.quote, QUOTE_CHARS)}”"
            if row.orphaned or row.state == "orphaned":
                quote = translate("AnnotationsModel", "⚠ Orphaned – not in the new version: {quote}").format(
                    quote=quote
                )
            elif row.state == "fuzzy":
                if row.score is not None:
                    check = translate(
                        "AnnotationsModel", "⚠ Check ({score} similar): the passage changed – {quote}"
                    )
                else:
                    check = translate("AnnotationsModel", "⚠ Check: the passage changed – {quote}")
                quote = check.format(score=f"{row.score:.0%}" if row.score is not None else "", quote=quote)
            note = _short(row.note, QUOTE_CHARS)
            tags = " ".join(f"#{t}" for t in row.tags)
            return "\n".join(p for p in (quote, note, tags) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            meaning = self._palette.meaning(row.color) if self._palette else row.color
            parts = [f"{meaning} ({row.color})", row.quote]
            if row.note:
                parts.append(translate("AnnotationsModel", "Note: {note}").format(note=row.note))
            if row.author:
                parts.append(translate("AnnotationsModel", "By {name}").format(name=row.author))
            if row.state == "fuzzy" and row.previous_quote:
                parts.append(
                    translate("AnnotationsModel", "Before the new version: {quote}").format(
                        quote=row.previous_quote
                    )
                )
            if row.needs_check:
                parts.append(
                    translate(
                        "AnnotationsModel",
                        "Right-click to confirm the place, re-attach it to the selected text, or delete it.",
                    )
                )
            return "\n".join(parts)
        if role == Qt.ItemDataRole.DecorationRole:
            return annotation_color(row.color)
        if role == AnnotationIdRole:
            return row.id
        if role == ColorRole:
            return row.color
        if role == TagsRole:
            return list(row.tags)
        if role == AnchorStateRole:
            return "orphaned" if row.orphaned else row.state
        return None


def tag_matches(tag: str, wanted: str) -> bool:
    """True when ``tag`` is ``wanted`` or nested below it ("politik/wahl" is under "politik")."""
    return tag == wanted or tag.startswith(wanted + "/")


class AnnotationFilterProxy(QSortFilterProxyModel):
    """Shows only annotations of one colour and/or carrying a tag (or a tag nested below it)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._color: str | None = None
        self._tag: str | None = None

    def set_color(self, color: str | None) -> None:
        """Filter by colour (None: every colour)."""
        self.beginFilterChange()
        self._color = color or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tag(self, tag: str | None) -> None:
        """Filter by tag (None: any tag or none)."""
        self.beginFilterChange()
        self._tag = tag or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._color is not None and model.data(index, ColorRole) != self._color:
            return False
        if self._tag is not None:
            return any(tag_matches(t, self._tag) for t in (model.data(index, TagsRole) or []))
        return True
