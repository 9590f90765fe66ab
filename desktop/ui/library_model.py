"""The library list: a table model of ArticleRow DTOs (display, roles, fine-grained updates)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QIcon, QPalette

from desktop.core.article_labels import date_label, is_import_date, local_date, source_label
from desktop.core.record import replace
from desktop.services.dto import ArticleRow, ReadingState, SearchHit
from desktop.ui.i18n import LabelList, Labels, format_date, translate
from desktop.ui.paths import action_icon

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
RankRole = Qt.ItemDataRole.UserRole + 4
RowRole = Qt.ItemDataRole.UserRole + 5
SnippetHitsRole = Qt.ItemDataRole.UserRole + 6  # ((start, end), ...) of the search hits in the snippet

TITLE, SOURCE, DATE, LANGUAGE, NOTES = range(5)
HEADERS = LabelList(
    "LibraryModel",
    (
        QT_TRANSLATE_NOOP("LibraryModel", "Title"),
        QT_TRANSLATE_NOOP("LibraryModel", "Source"),
        QT_TRANSLATE_NOOP("LibraryModel", "Date"),
        QT_TRANSLATE_NOOP("LibraryModel", "Language"),
        QT_TRANSLATE_NOOP("LibraryModel", "Notes"),
    ),
)
HEADER_TIPS = Labels(
    "LibraryModel",
    {
        SOURCE: QT_TRANSLATE_NOOP("LibraryModel", "The outlet or website the article comes from"),
        DATE: QT_TRANSLATE_NOOP(
            "LibraryModel", "Publication date; where an article has none, its import date in grey italics"
        ),
    },
)

AnyIndex = QModelIndex | QPersistentModelIndex

# Roles as plain ints: data() runs for every painted cell and role, so it answers others at once.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ID, _SNIPPET, _SORT, _RANK, _ROW, _HITS = (
    int(r) for r in (ArticleIdRole, SnippetRole, SortRole, RankRole, RowRole, SnippetHitsRole)
)
_ANSWERED = frozenset(
    (_DISPLAY, _TOOLTIP, _ALIGN, _FONT, _DECORATION, _FOREGROUND, _ID, _SNIPPET, _SORT, _RANK, _ROW, _HITS)
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_COLUMNS = len(HEADERS)


def date_tip(item: ArticleRow) -> str:
    """Which date the Date column shows."""
    if item.published:
        return translate("LibraryModel", "Published {date}").format(date=format_date(item.published))
    if item.imported_at:
        return translate("LibraryModel", "Imported {date} (no publication date known)").format(
            date=format_date(local_date(item.imported_at))
        )
    return ""


class ArticleListModel(QAbstractTableModel):
    """Articles of the library (Title, Source, Date, Language, Notes), plus search snippets."""

    loaded = Signal()  # rows were (re)loaded
    load_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleRow] = []
        self._row_of: dict[int, int] = {}
        self._snippets: dict[int, str] = {}
        self._hits: dict[int, tuple[tuple[int, int], ...]] = {}
        self._ranks: dict[int, int] = {}
        self._icons: dict[str, QIcon] = {}
        self._texts: dict[int, tuple[ArticleRow, tuple[str, ...]]] = {}  # row id -> (row, column texts)

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        return None

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # One call from the view instead of the base class's rowCount and columnCount: every call into
        # Python has to take the interpreter lock, which a busy worker thread holds most of the time.
        if 0 <= row < len(self._rows) and 0 <= column < _COLUMNS and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    # flags(): QAbstractTableModel's own answer (enabled, selectable, no children) is the wanted one

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            role = int(role)
            if role not in _ANSWERED or not index.isValid():
                return None
            row, column = index.row(), index.column()
            if not (0 <= row < len(self._rows)) or not (0 <= column < _COLUMNS):
                return None
            return self._data(self._rows[row], column, role)
        except Exception:  # a view must never see an exception from data()
            return None

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan) -> None:
        """All roles of a cell in one call (what Qt 6's views and delegates ask for when painting)."""
        try:
            row, column = index.row(), index.column()
            if not index.isValid() or not (0 <= row < len(self._rows)) or not (0 <= column < _COLUMNS):
                for role_data in roleDataSpan:
                    role_data.clearData()
                return
            item = self._rows[row]
            for role_data in roleDataSpan:  # the caller reuses the span: every role is set or cleared
                role = role_data.role()
                value = self._data(item, column, role) if role in _ANSWERED else None
                if value is None:
                    role_data.clearData()
                else:
                    role_data.setData(value)
        except Exception:  # a view must never see an exception from the model
            return

    def _data(self, item: ArticleRow, column: int, role: int) -> Any:
        if role == _DISPLAY:
            cached = self._texts.get(item.id)
            if cached is None or cached[0] is not item:  # formatted once per row, not per paint
                cached = (item, tuple(self._display(item, c) for c in range(_COLUMNS)))
                self._texts[item.id] = cached
            return cached[1][column]
        if role == _ID:
            return item.id
        if role == _SNIPPET:
            return self._snippets.get(item.id, "")
        if role == _HITS:
            return self._hits.get(item.id, ())
        if role == _SORT:
            return self._sort_key(item, column)
        if role == _RANK:
            return self._ranks.get(item.id, len(self._ranks))
        if role == _ROW:
            return item
        if role == _TOOLTIP:
            return self._tooltip(item, column)
        if role == _ALIGN:
            return _RIGHT if column == NOTES else None
        if column == TITLE and role in (_FONT, _DECORATION):
            return self._title_look(item, role)
        if role == _FOREGROUND and item.archived and not is_import_date(item):
            return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if column == DATE and is_import_date(item):  # an import date looks unlike a publication date
            if role == _FONT:
                font = QFont()
                font.setItalic(True)
                return font
            if role == _FOREGROUND:
                return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        return None

    def _title_look(self, item: ArticleRow, role: int) -> Any:
        """Unread titles in bold; a star for starred articles, a box for archived ones."""
        if role == _FONT:
            if item.read_at is not None:
                return None
            font = QFont()
            font.setBold(True)
            return font
        name = "star" if item.starred else "archive" if item.archived else ""
        if not name:
            return None
        if name not in self._icons:
            self._icons[name] = action_icon(name)
        return self._icons[name]

    @staticmethod
    def _display(item: ArticleRow, column: int) -> str:
        if column == TITLE:
            return item.title
        if column == SOURCE:
            return source_label(item)
        if column == DATE:
            return format_date(date_label(item))
        if column == LANGUAGE:
            return item.language
        return str(item.annotations) if item.annotations else ""

    @staticmethod
    def _sort_key(item: ArticleRow, column: int) -> Any:
        if column == TITLE:
            return item.title.casefold()
        if column == SOURCE:
            return source_label(item).casefold()
        if column == DATE:
            return f"{date_label(item)} {item.id:012d}"
        if column == LANGUAGE:
            return item.language
        return item.annotations

    def _tooltip(self, item: ArticleRow, column: int) -> str:
        if column == SOURCE:
            return item.source if item.source and "://" in item.source else ""
        if column == DATE:
            return date_tip(item)
        if column != TITLE:
            return ""
        snippet = self._snippets.get(item.id)
        state = " · ".join(
            word
            for word, on in (
                (translate("LibraryModel", "Unread"), item.read_at is None),
                (translate("LibraryModel", "Starred"), item.starred),
                (translate("LibraryModel", "Archived"), item.archived),
            )
            if on
        )
        title = f"{item.title}\n{state}" if state else item.title
        return f"{title}\n\n{snippet}" if snippet else title

    # ------------------------------------------------------------------ content

    def rows(self) -> list[ArticleRow]:
        """The rows in model order (newest import first)."""
        return list(self._rows)

    def hit_ids(self) -> list[int]:
        """The articles the search found, best first (empty when not searching)."""
        return sorted(self._ranks, key=self._ranks.__getitem__)

    def row_of(self, article_id: int) -> int:
        """The model row of an article, or -1."""
        return self._row_of.get(article_id, -1)

    def index_of(self, article_id: int, column: int = TITLE) -> QModelIndex:
        """The index of an article's cell (invalid when the article is not listed)."""
        row = self.row_of(article_id)
        return self.index(row, column) if row >= 0 else QModelIndex()

    def row_for(self, article_id: int) -> ArticleRow | None:
        """The listed row of an article (None when it is not listed)."""
        row = self._row_of.get(article_id, -1)
        return self._rows[row] if row >= 0 else None

    def set_states(self, states: Iterable[ReadingState]) -> None:
        """Show new reading states at once (after marking read, starring, archiving)."""
        for state in states:
            row = self._row_of.get(state.article_id, -1)
            if row < 0:
                continue
            item = self._rows[row]
            new = replace(item, read_at=state.read_at, starred=state.starred, archived=state.archived)
            if new != item:
                self._rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def set_rows(self, rows: list[ArticleRow]) -> None:
        """Replace the content with ``rows``, using fine-grained signals when the order allows."""
        if not self._apply_incrementally(rows):
            self.beginResetModel()
            self._rows = list(rows)
            self._reindex()
            self.endResetModel()
        self.loaded.emit()

    def _reindex(self) -> None:
        self._row_of = {row.id: i for i, row in enumerate(self._rows)}
        if len(self._texts) > 2 * len(self._rows) + 1000:  # forget rows no longer listed
            self._texts = {k: v for k, v in self._texts.items() if k in self._row_of}

    def _apply_incrementally(self, rows: list[ArticleRow]) -> bool:
        new_ids = [r.id for r in rows]
        if not self._rows or not rows or len(set(new_ids)) != len(new_ids):
            return False  # first load or everything gone: a reset is the honest signal
        wanted = set(new_ids)
        kept_old = [r.id for r in self._rows if r.id in wanted]
        kept_new = [i for i in new_ids if i in self._row_of]
        if kept_old != kept_new:
            return False  # reordered: a reset is simpler and just as correct
        end = len(self._rows) - 1
        while end >= 0:  # remove from the end, one contiguous block at a time
            if self._rows[end].id in wanted:
                end -= 1
                continue
            start = end
            while start > 0 and self._rows[start - 1].id not in wanted:
                start -= 1
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start : end + 1]
            self.endRemoveRows()
            end = start - 1
        self._reindex()
        position = 0
        while position < len(rows):  # insert each run of new articles as one block
            if rows[position].id in self._row_of:
                position += 1
                continue
            stop = position
            while stop + 1 < len(rows) and rows[stop + 1].id not in self._row_of:
                stop += 1
            self.beginInsertRows(QModelIndex(), position, stop)
            self._rows[position:position] = rows[position : stop + 1]
            self.endInsertRows()
            self._reindex()
            position = stop + 1
        for position, item in enumerate(rows):
            if self._rows[position] != item:
                self._rows[position] = item
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(HEADERS) - 1))
        return True

    def set_search_results(self, hits: list[SearchHit] | None) -> None:
        """Show search snippets and ranks (None clears them)."""
        self._snippets = {h.id: h.snippet for h in hits} if hits else {}
        self._hits = {h.id: h.hits for h in hits} if hits else {}
        self._ranks = {h.id: i for i, h in enumerate(hits)} if hits else {}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(HEADERS) - 1),
                [
                    SnippetRole,
                    SnippetHitsRole,
                    RankRole,
                    Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.SizeHintRole,
                ],
            )
