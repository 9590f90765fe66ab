"""The tables of an actor's dossier: what it said, its articles, roles, related actors and notes.

One small table model serves them all: a list of plain rows (DTOs) and a column spec per table
(header, text, tooltip). Rows come ordered by the service (by publication date); the row object
itself is under ``RowRole`` for the view to act on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.core.article_labels import local_date
from desktop.services.dto import AnnotationRow, Dossier, DossierArticle, DossierRole, QuoteRow, RelatedActor
from desktop.ui.i18n import format_date, translate
from desktop.ui.palette import ENTITY_SINGULAR
from desktop.ui.quotes_model import quote_details, shown_text

T = TypeVar("T")
RowRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
UNDATED = QT_TRANSLATE_NOOP("DossierModels", "undated")


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, the text of a row, and optionally a tooltip and right alignment."""

    header: str
    text: Callable[[T], str]
    tooltip: Callable[[T], str] | None = None
    numeric: bool = False
    italic: Callable[[T], bool] | None = None


class RowTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table of plain rows described by ``columns``."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T], columns: Sequence[Column[T]] | None = None) -> None:
        """Replace every row (and the columns, when given)."""
        self.beginResetModel()
        self._rows = list(rows)
        if columns is not None:
            self._columns = list(columns)
        self.endResetModel()

    def rows(self) -> list[T]:
        """The rows in display order."""
        return list(self._rows)

    def row_object(self, index: Index) -> T | None:
        """The row at ``index`` (None for an invalid index)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_object(index)
        if row is None or index.parent().isValid() or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column.italic is not None and column.italic(row):
            font = QFont()
            font.setItalic(True)
            return font
        if role == RowRole:
            return row
        return None


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def article_date(article: DossierArticle) -> str:
    """The publication date, else the import day marked as such."""
    if article.published:
        return format_date(article.published)
    if article.imported_at:
        return translate("DossierModels", "imported {date}").format(
            date=format_date(local_date(article.imported_at))
        )
    return translate("DossierModels", UNDATED)


def quote_columns(articles: dict[int, DossierArticle]) -> list[Column[QuoteRow]]:
    """Date (the article's; an import date flagged), statement, article."""

    def date(quote: QuoteRow) -> str:
        article = articles.get(quote.article_id)
        if quote.published:
            return format_date(quote.published)
        return article_date(article) if article is not None else translate("DossierModels", UNDATED)

    return [
        Column(translate("DossierModels", "Date"), date, italic=lambda q: q.published is None),
        Column(translate("DossierModels", "Statement"), shown_text, quote_details),
        Column(
            translate("DossierModels", "Article"),
            lambda q: _one_line(q.article_title, 60),
            lambda q: q.article_title,
        ),
    ]


def article_columns() -> list[Column[DossierArticle]]:
    """Date (imported dates flagged), title, source, mentions."""
    return [
        Column(
            translate("DossierModels", "Date"),
            article_date,
            lambda a: (
                format_date(a.published)
                or translate("DossierModels", "No publication date known: the import date is used")
            ),
            italic=lambda a: a.published is None,
        ),
        Column(translate("DossierModels", "Title"), lambda a: _one_line(a.title, 120), lambda a: a.title),
        Column(translate("DossierModels", "Source"), lambda a: a.outlet or ""),
        Column(translate("DossierModels", "Mentions"), lambda a: str(a.mentions), numeric=True),
    ]


@dataclass(frozen=True)
class RoleSpan:
    """A role with the first and last date it is named and in how many articles."""

    role: str
    first: str
    last: str
    articles: int


def role_spans(roles: Sequence[DossierRole]) -> list[RoleSpan]:
    """Each role once, with its date range (roles arrive in date order)."""
    spans: dict[str, list[DossierRole]] = {}
    for role in roles:
        spans.setdefault(role.role, []).append(role)
    out = []
    for name, items in spans.items():
        dates = sorted(r.published for r in items if r.published)
        out.append(
            RoleSpan(
                name,
                dates[0] if dates else UNDATED,
                dates[-1] if dates else UNDATED,
                len({r.article_id for r in items}),
            )
        )
    return out


def _day(value: str) -> str:
    return translate("DossierModels", UNDATED) if value == UNDATED else format_date(value)


def role_columns() -> list[Column[RoleSpan]]:
    """Role, first and last date, articles."""
    return [
        Column(translate("DossierModels", "Role"), lambda r: r.role),
        Column(translate("DossierModels", "From"), lambda r: _day(r.first)),
        Column(translate("DossierModels", "Until"), lambda r: _day(r.last)),
        Column(translate("DossierModels", "Articles"), lambda r: str(r.articles), numeric=True),
    ]


def related_columns() -> list[Column[RelatedActor]]:
    """Name, type, shared sentences, articles."""
    return [
        Column(
            translate("DossierModels", "Actor"),
            lambda r: r.name,
            lambda r: translate("DossierModels", "{name}: double-click for the dossier").format(name=r.name),
        ),
        Column(translate("DossierModels", "Type"), lambda r: ENTITY_SINGULAR.get(r.type, r.type)),
        Column(
            translate("DossierModels", "Sentences"),
            lambda r: str(r.sentences),
            lambda r: translate("DossierModels", "Sentences naming both"),
            numeric=True,
        ),
        Column(translate("DossierModels", "Articles"), lambda r: str(r.articles), numeric=True),
    ]


def note_columns(articles: dict[int, DossierArticle]) -> list[Column[AnnotationRow]]:
    """Article, passage, note."""

    def title(note: AnnotationRow) -> str:
        article = articles.get(note.article_id)
        return (
            article.title
            if article is not None
            else translate("DossierModels", "Article {id}").format(id=note.article_id)
        )

    return [
        Column(translate("DossierModels", "Article"), lambda a: _one_line(title(a), 60), title),
        Column(
            translate("DossierModels", "Passage"), lambda a: _one_line(a.quote, 120), lambda a: a.quote[:800]
        ),
        Column(translate("DossierModels", "Note"), lambda a: _one_line(a.note, 120), lambda a: a.note[:800]),
    ]


def articles_by_id(dossier: Dossier) -> dict[int, DossierArticle]:
    """The dossier's articles by id."""
    return {a.id: a for a in dossier.articles}


def dossier_table(
    parent: QWidget,
    model: RowTableModel,
    stretch: int,
    *,
    wrap: bool = False,
    widths: dict[int, int] | None = None,
) -> QTableView:
    """A read-only table: one stretching column (wrapped when ``wrap``), others fitted or of ``widths``."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
