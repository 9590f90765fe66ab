"""Who said what in one article: the quotes grouped by speaker (unnamed sources last)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.services.dto import QuoteRow
from desktop.ui.i18n import plural, translate

QuoteIdRole = Qt.ItemDataRole.UserRole + 1
SpeakerIdRole = Qt.ItemDataRole.UserRole + 2
IsGroupRole = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex
UNNAMED = QT_TRANSLATE_NOOP("QuotesModel", "Unnamed sources")
SHOWN_CHARS = 220  # a statement in the list; the tooltip has more
_GROUP = 0  # internal id of group rows; quote rows carry their group's row + 1


@dataclass
class SpeakerGroup:
    """One speaker (None: nobody named) and what they said, in text order."""

    speaker_id: int | None
    name: str
    quotes: list[QuoteRow] = field(default_factory=list)


def group_quotes(quotes: list[QuoteRow]) -> list[SpeakerGroup]:
    """Speakers with most statements first (then by first statement); unnamed sources last."""
    groups: dict[int | None, SpeakerGroup] = {}
    for quote in sorted(quotes, key=lambda q: (q.start, q.end, q.id)):
        key = quote.speaker_id
        if key not in groups:
            name = (
                translate("QuotesModel", UNNAMED)
                if key is None
                else (quote.speaker_name or translate("QuotesModel", "Actor {id}").format(id=key))
            )
            groups[key] = SpeakerGroup(key, name)
        groups[key].quotes.append(quote)
    named = sorted(
        (g for g in groups.values() if g.speaker_id is not None),
        key=lambda g: (-len(g.quotes), g.quotes[0].start),
    )
    return named + ([groups[None]] if None in groups else [])


def shown_text(quote: QuoteRow, limit: int = SHOWN_CHARS) -> str:
    """The statement on one line, shortened, direct speech in quotation marks."""
    text = " ".join(quote.text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”" if quote.kind == "direct" else text


def quote_headline(quote: QuoteRow) -> str:
    """A statement's kind and who made it (or which unnamed source), on one line: the reading
    pane's tooltip and the first line of the list's."""
    kind = (
        translate("QuotesModel", "Direct quote")
        if quote.kind == "direct"
        else translate("QuotesModel", "Reported speech")
    )
    if quote.speaker_name:
        who = quote.speaker_name
    elif quote.source:
        who = translate("QuotesModel", "unnamed source ({source})").format(source=quote.source)
    else:
        who = translate("QuotesModel", "no speaker named")
    return f"{kind}: {who}"


def quote_details(quote: QuoteRow) -> str:
    """Tooltip of a statement: kind, who (or which unnamed source), the cue, the whole text."""
    lines = [quote_headline(quote)]
    if quote.cue_text:
        lines.append(translate("QuotesModel", "Cue: {cue}").format(cue=" ".join(quote.cue_text.split())))
    if quote.origin == "user":
        lines.append(translate("QuotesModel", "Corrected by you"))
    lines.append(shown_text(quote, 800))
    return "\n".join(lines)


class QuoteTreeModel(QAbstractItemModel):
    """Two levels: speakers (with their number of statements), then the statements."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[SpeakerGroup] = []

    # --- content -------------------------------------------------------------------------------
    def set_quotes(self, quotes: list[QuoteRow]) -> None:
        """Replace the statements shown."""
        self.beginResetModel()
        self._groups = group_quotes(quotes)
        self.endResetModel()

    def groups(self) -> list[SpeakerGroup]:
        """The speaker groups in display order."""
        return list(self._groups)

    def quote_count(self) -> int:
        """How many statements are listed."""
        return sum(len(g.quotes) for g in self._groups)

    def quote(self, index: Index) -> QuoteRow | None:
        """The statement at ``index`` (None for group rows and invalid indexes)."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        group = self._groups[index.internalId() - 1]
        return group.quotes[index.row()] if 0 <= index.row() < len(group.quotes) else None

    def group(self, index: Index) -> SpeakerGroup | None:
        """The speaker group at ``index`` or of the statement at ``index``."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _GROUP else index.internalId() - 1
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def index_of_quote(self, quote_id: int) -> QModelIndex:
        """The index of a statement (invalid when it is not listed)."""
        for g_row, group in enumerate(self._groups):
            for q_row, quote in enumerate(group.quotes):
                if quote.id == quote_id:
                    return self.createIndex(q_row, 0, g_row + 1)
        return QModelIndex()

    def index_of_speaker(self, speaker_id: int | None) -> QModelIndex:
        """The group row of a speaker (None: unnamed sources)."""
        for row, group in enumerate(self._groups):
            if group.speaker_id == speaker_id:
                return self.createIndex(row, 0, _GROUP)
        return QModelIndex()

    # --- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _GROUP or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].quotes):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _GROUP or parent.row() >= len(self._groups):
            return 0
        return len(self._groups[parent.row()].quotes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return translate("QuotesModel", "Speaker and statement")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.group(index)
        if group is None:
            return None
        quote = self.quote(index)
        if quote is None:
            if index.internalId() != _GROUP:
                return None
            return self._group_data(group, role)
        if role == Qt.ItemDataRole.DisplayRole:
            text = shown_text(quote)
            return f"{quote.source}: {text}" if quote.speaker_id is None and quote.source else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return quote_details(quote)
        if role == QuoteIdRole:
            return quote.id
        if role == SpeakerIdRole:
            return quote.speaker_id
        if role == IsGroupRole:
            return False
        return None

    @staticmethod
    def _group_data(group: SpeakerGroup, role: int) -> Any:
        count = len(group.quotes)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{group.name} ({count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            said = plural(
                count, translate("QuotesModel", "1 statement"), translate("QuotesModel", "{n} statements")
            )
            if group.speaker_id is None:
                return translate(
                    "QuotesModel", "{statements} without a named speaker (anonymous sources, or nobody found)"
                ).format(statements=said)
            return translate("QuotesModel", "{name}: {statements}. Double-click for the dossier.").format(
                name=group.name, statements=said
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            font.setItalic(group.speaker_id is None)
            return font
        if role == SpeakerIdRole:
            return group.speaker_id
        if role == IsGroupRole:
            return True
        return None
