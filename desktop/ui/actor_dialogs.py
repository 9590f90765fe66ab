"""Dialogs of actor corrections: "Merge into…" (ranked candidates, nothing preselected) and renaming."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.textfold import fold
from desktop.services.dto import ActorRow
from desktop.services.merge_candidates import MergeCandidate
from desktop.ui.actors_model import actor_tooltip
from desktop.ui.i18n import LabelList, Labels, plural, translate
from desktop.ui.palette import ENTITY_SINGULAR

AnyIndex = QModelIndex | QPersistentModelIndex
ActorIdRole = Qt.ItemDataRole.UserRole + 1
SearchTextRole = Qt.ItemDataRole.UserRole + 2
COLUMNS = LabelList(
    "ActorDialogs",
    (
        QT_TRANSLATE_NOOP("ActorDialogs", "Actor"),
        QT_TRANSLATE_NOOP("ActorDialogs", "Type"),
        QT_TRANSLATE_NOOP("ActorDialogs", "Mentions"),
    ),
)

#: "…become mentions of X, an organisation": the type an actor takes on when merged into another.
TYPE_WORDS = Labels(
    "ActorDialogs",
    {
        "person": QT_TRANSLATE_NOOP("ActorDialogs", "a person"),
        "organization": QT_TRANSLATE_NOOP("ActorDialogs", "an organisation"),
        "location": QT_TRANSLATE_NOOP("ActorDialogs", "a place"),
        "other": QT_TRANSLATE_NOOP("ActorDialogs", "other"),
    },
)


def merge_text(source: ActorRow, target: ActorRow) -> str:
    """What merging ``source`` into ``target`` does, in one sentence for the confirmation."""
    articles = plural(
        source.articles,
        translate("ActorDialogs", "in 1 article"),
        translate("ActorDialogs", "in {n} articles"),
    )
    kind = "" if source.type == target.type else ", " + TYPE_WORDS.get(target.type, target.type)
    return plural(
        source.mentions,
        translate(
            "ActorDialogs",
            "1 mention of “{source}” {articles} becomes a mention of “{target}”{kind}; "
            "“{source}” stays one of its names.",
        ),
        translate(
            "ActorDialogs",
            "{n} mentions of “{source}” {articles} become mentions of “{target}”{kind}; "
            "“{source}” stays one of its names.",
        ),
        source=source.name,
        target=target.name,
        articles=articles,
        kind=kind,
    )


def _screen_width(widget: QWidget | None) -> int:
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry().width() if screen is not None else 1024


class MergeCandidateModel(QAbstractTableModel):
    """Candidates in the order the service ranked them: name, type, mentions."""

    def __init__(self, candidates: list[MergeCandidate], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(candidates)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        actor = self._rows[index.row()].actor
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (actor.name, ENTITY_SINGULAR.get(actor.type, actor.type), str(actor.mentions))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return actor_tooltip(actor)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ActorIdRole:
            return actor.id
        if role == SearchTextRole:
            return fold(" ".join((actor.name, *actor.aliases)))
        return None

    def candidate(self, row: int) -> MergeCandidate | None:
        """The candidate of a model row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None


class _NameFilter(QSortFilterProxyModel):
    """Keeps candidates whose name or other names contain the typed words (case and accents ignored)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        haystack = str(model.index(source_row, 0, source_parent).data(SearchTextRole) or "") if model else ""
        return all(word in haystack for word in self._words)


class MergeDialog(QDialog):
    """Choose the actor that another one is the same as; says what the merge will do before it is done."""

    def __init__(
        self, source: ActorRow, candidates: list[MergeCandidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ActorDialogs", "Merge actor"))
        self._source = source
        intro = QLabel(
            translate(
                "ActorDialogs", "Which actor is “{name}” the same as? Similar names come first."
            ).format(name=source.name),
            self,
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(translate("ActorDialogs", "Filter by name"))
        self.filter.setClearButtonEnabled(True)
        self.model = MergeCandidateModel(candidates, self)
        self.proxy = _NameFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QTreeView(self)
        self.list.setModel(self.proxy)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ActorDialogs", "Merge"))
        self.buttons.accepted.connect(self._accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.filter, self.list, self.summary, self.buttons):
            layout.addWidget(widget, 1 if widget is self.list else 0)
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.list.doubleClicked.connect(lambda _index: self._accept_if_chosen())
        self._fit_width(candidates)
        self._on_selection(QItemSelection(), QItemSelection())
        self.filter.setFocus()

    @staticmethod
    def ask(parent: QWidget | None, source: ActorRow, candidates: list[MergeCandidate]) -> int | None:
        """The id of the actor chosen to merge ``source`` into (None: cancelled). Replaced in tests."""
        dialog = MergeDialog(source, candidates, parent)
        return dialog.chosen_id() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def chosen_id(self) -> int | None:
        """The selected candidate (None until the user picks one)."""
        rows = self.list.selectionModel().selectedRows(0)
        value = rows[0].data(ActorIdRole) if rows else None
        return int(value) if value is not None else None

    def _fit_width(self, candidates: list[MergeCandidate]) -> None:
        """Wide enough for the longest name (within the screen), so names are not cut."""
        metrics = QFontMetrics(self.list.font())
        longest = max((metrics.horizontalAdvance(c.actor.name) for c in candidates[:200]), default=200)
        others = (
            metrics.horizontalAdvance(ENTITY_SINGULAR["organization"])
            + metrics.horizontalAdvance(COLUMNS[2])
            + 80
        )
        width = min(longest + others + 60, int(_screen_width(self) * 0.9))
        self.resize(max(width, 420), 440)

    def _refilter(self, text: str) -> None:
        self.list.selectionModel().clear()  # a filter never chooses an actor
        self.proxy.set_text(text)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = self.chosen_id()
        row = next((c.actor for c in self._candidates() if c.actor.id == chosen), None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(row is not None)
        self.summary.setText(
            merge_text(self._source, row)
            if row is not None
            else translate("ActorDialogs", "Choose the actor to merge into.")
        )

    def _candidates(self) -> list[MergeCandidate]:
        return [c for r in range(self.model.rowCount()) if (c := self.model.candidate(r)) is not None]

    def _accept_if_chosen(self) -> None:
        if self.chosen_id() is not None:
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        down = (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        )
        if (
            watched is self.filter and down and self.proxy.rowCount() > 0
        ):  # Down: from the filter into the list
            self.list.setFocus()
            self.list.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)


class NameDialog(QDialog):
    """Asks for a name in a field wide enough to show all of the current one."""

    def __init__(self, title: str, label: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.edit = QLineEdit(text, self)
        metrics = QFontMetrics(self.edit.font())
        wanted = metrics.horizontalAdvance(text) + metrics.averageCharWidth() * 6 + 24
        self.edit.setMinimumWidth(min(max(wanted, 320), int(_screen_width(self) * 0.8)))
        self.edit.selectAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, self))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    @staticmethod
    def ask(parent: QWidget | None, title: str, label: str, text: str) -> str | None:
        """The name typed (None: cancelled). Replaced in tests."""
        dialog = NameDialog(title, label, text, parent)
        return dialog.edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
