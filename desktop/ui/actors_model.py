"""The actors of an article (or of the library) as a tree grouped by type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.core.textfold import fold
from desktop.core.types import ENTITY_TYPES
from desktop.services.actor_pages import ActorGroup
from desktop.services.dto import ActorRow
from desktop.ui.i18n import LabelList, translate
from desktop.ui.palette import ENTITY_LABELS, ENTITY_SINGULAR, entity_color

ActorIdRole = Qt.ItemDataRole.UserRole + 1
ActorTypeRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
# Roles and flags made once: data() and flags() run for every painted cell (enum arithmetic per call
# cost a fifth of opening an article's actor tree)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ID, _TYPE = int(ActorIdRole), int(ActorTypeRole)
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _ALIGN, _FONT, _DECORATION, _ID, _TYPE))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ACTOR_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_GROUP = 0  # internal id of group rows; actor rows carry their group's row + 1
COLUMNS = LabelList(
    "ActorsModel",
    (
        QT_TRANSLATE_NOOP("ActorsModel", "Name"),
        QT_TRANSLATE_NOOP("ActorsModel", "Mentions"),
        QT_TRANSLATE_NOOP("ActorsModel", "Roles"),
    ),
)


def actor_tooltip(actor: ActorRow) -> str:
    """Plain-text description: name, type, counts, roles, other names."""
    kind = ENTITY_SINGULAR.get(actor.type, actor.type)
    if actor.articles > 1:
        counts = translate("ActorsModel", "{kind} · mentioned {mentions}× in {articles} articles")
    else:
        counts = translate("ActorsModel", "{kind} · mentioned {mentions}×")
    lines = [actor.name, counts.format(kind=kind, mentions=actor.mentions, articles=actor.articles)]
    if actor.roles:
        lines.append(translate("ActorsModel", "Roles: {roles}").format(roles="; ".join(actor.roles)))
    if actor.aliases:
        lines.append(translate("ActorsModel", "Also: {names}").format(names="; ".join(actor.aliases[:8])))
    return "\n".join(lines)


class ActorTreeModel(QAbstractItemModel):
    """Two levels: People / Organisations / Places / Other, then their actors (most mentioned first).

    Two ways to fill it: :meth:`set_actors` with every actor (one article's; filtered here), or
    :meth:`set_library_page` with the library's totals per type and a first page of each type
    (ranked and filtered by the library), after which scrolling asks for more through
    ``more_wanted`` and :meth:`add_actors` appends them. A tree view fetches every expanded
    group to its end on its own, so a group offers more only while its end is in view
    (:meth:`set_ends_shown`, kept by the view's owner).
    """

    more_wanted = Signal(str, int, int)  # type, offset, generation: the next page of a paged group

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ActorRow] = []
        self._filter = ""
        self._groups: list[tuple[str, list[ActorRow]]] = []
        self._totals: dict[str, ActorGroup] = {}  # paged: the library's totals per type
        self._pending: set[str] = set()  # paged: types whose next page was asked for
        self._ends_shown: set[str] = set()  # paged: types whose last row read is in view
        self._generation = 0

    # --- content -------------------------------------------------------------------------------
    def set_actors(self, actors: list[ActorRow]) -> None:
        """Replace the actors shown (all of them: the model filters them itself)."""
        self.beginResetModel()
        self._all = list(actors)
        self._totals = {}
        self._new_generation()
        self._regroup()
        self.endResetModel()

    def set_library_page(self, groups: list[ActorGroup], pages: dict[str, list[ActorRow]]) -> None:
        """Show the library's groups (already filtered) with the first page of each; more on scroll."""
        self.beginResetModel()
        self._totals = {g.type: g for g in groups}
        self._new_generation()
        self._groups = [(t, list(pages.get(t, []))) for t in ENTITY_TYPES if t in self._totals]
        self._all = [a for _t, rows in self._groups for a in rows]
        self.endResetModel()

    def paged(self) -> bool:
        """True while the library's actors are shown a page at a time."""
        return bool(self._totals)

    def generation(self) -> int:
        """Changes whenever the content is replaced (pages asked for earlier no longer fit)."""
        return self._generation

    def add_actors(self, kind: str, offset: int, generation: int, actors: list[ActorRow]) -> None:
        """Append a page of type ``kind`` asked for by ``more_wanted`` (ignored when stale)."""
        self._pending.discard(kind)
        row = next((r for r, (t, _rows) in enumerate(self._groups) if t == kind), -1)
        if generation != self._generation or row < 0 or offset != len(self._groups[row][1]) or not actors:
            return
        rows = self._groups[row][1]
        known = {a.id for a in rows}
        fresh = [a for a in actors if a.id not in known]
        if not fresh:
            return
        self.beginInsertRows(self.index(row, 0), len(rows), len(rows) + len(fresh) - 1)
        rows.extend(fresh)
        self._all.extend(fresh)
        self.endInsertRows()

    def _new_generation(self) -> None:
        self._generation += 1
        self._pending.clear()
        self._ends_shown.clear()

    def set_ends_shown(self, kinds: set[str]) -> None:
        """The groups whose last row read is in view: only they offer more (see the class)."""
        self._ends_shown = set(kinds)

    def set_filter(self, text: str) -> None:
        """Show only actors whose name or other names contain ``text`` (case/accent-insensitive).

        While paged, the library filters (the text comes back through :meth:`set_library_page`).
        """
        folded = fold(text.strip())
        if folded == self._filter:
            return
        self._filter = folded
        if self.paged():
            return
        self.beginResetModel()
        self._regroup()
        self.endResetModel()

    def _regroup(self) -> None:
        def shown(actor: ActorRow) -> bool:
            if not self._filter:
                return True
            return any(self._filter in fold(n) for n in (actor.name, *actor.aliases))

        by_type: dict[str, list[ActorRow]] = {t: [] for t in ENTITY_TYPES}
        for actor in self._all:
            if shown(actor):
                by_type.setdefault(actor.type if actor.type in by_type else "other", []).append(actor)
        self._groups = [(t, rows) for t, rows in by_type.items() if rows]

    def actors(self) -> list[ActorRow]:
        """Every actor given (also those hidden by the filter; while paged, the pages read so far)."""
        return list(self._all)

    def actor(self, index: Index) -> ActorRow | None:
        """The actor at ``index`` (None for group rows)."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        group = int(index.internalId()) - 1
        if 0 <= group < len(self._groups) and 0 <= index.row() < len(self._groups[group][1]):
            return self._groups[group][1][index.row()]
        return None

    def index_of_actor(self, actor_id: int, column: int = 0) -> QModelIndex:
        """Where an actor is shown (invalid if not shown)."""
        for group_row, (_kind, rows) in enumerate(self._groups):
            for row, actor in enumerate(rows):
                if actor.id == actor_id:
                    return self.createIndex(row, column, group_row + 1)
        return QModelIndex()

    # --- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # the bounds checked here, not by hasIndex: that calls rowCount and columnCount back through
        # Python, a third of the tree's cost while it paints
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if row < len(self._groups) else QModelIndex()
        group = parent.row()
        if parent.internalId() != _GROUP or parent.column() != 0 or not 0 <= group < len(self._groups):
            return QModelIndex()  # actors have no rows below them
        if row >= len(self._groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0 and 0 <= parent.row() < len(self._groups):
            return len(self._groups[parent.row()][1])
        return 0

    def canFetchMore(self, parent: Index) -> bool:
        kind = self._paged_kind(parent)
        if kind is None or kind in self._pending or kind not in self._ends_shown:
            return False
        return len(self._groups[parent.row()][1]) < self._totals[kind].actors

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            kind = self._groups[parent.row()][0]
            self._pending.add(kind)
            self.more_wanted.emit(kind, len(self._groups[parent.row()][1]), self._generation)

    def _paged_kind(self, parent: Index) -> str | None:
        """The type of a group row of a paged model (None for anything else)."""
        if not self._totals or not parent.isValid() or parent.internalId() != _GROUP or parent.column() != 0:
            return None
        if not 0 <= parent.row() < len(self._groups):
            return None
        kind = self._groups[parent.row()][0]
        return kind if kind in self._totals else None

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == _GROUP else _ACTOR_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS)
        return COLUMNS[section] if horizontal and role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        column = index.column()
        if index.internalId() == _GROUP:
            if not 0 <= index.row() < len(self._groups):
                return None
            kind, rows = self._groups[index.row()]
            if role == _DISPLAY:
                total = self._totals.get(kind)
                if column == 0:
                    return f"{ENTITY_LABELS.get(kind, kind)} ({total.actors if total else len(rows)})"
                if column == 1:
                    return str(total.mentions if total else sum(a.mentions for a in rows))
                return None
            if role == _DECORATION and column == 0:
                return entity_color(kind)
            if role == _FONT:
                font = QFont()
                font.setBold(True)
                return font
            if role == _TYPE:
                return kind
            return None
        actor = self.actor(index)
        if actor is None:
            return None
        if role == _DISPLAY:
            return (actor.name, str(actor.mentions), "; ".join(actor.roles))[column] if column < 3 else None
        if role == _TOOLTIP:
            return actor_tooltip(actor)
        if role == _ALIGN and column == 1:
            return _RIGHT
        if role == _ID:
            return actor.id
        if role == _TYPE:
            return actor.type
        return None
