"""The filter rows of the library pane: tag, actor (with completion), author, reading state and "has notes".

The actor field never holds every actor: it offers the most mentioned ones, and typing asks the
library (in the background, with a limit) for the actors whose names contain the text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QHBoxLayout, QVBoxLayout, QWidget

from desktop.core.errors import message_of
from desktop.services.library_filters import (
    STATE_VIEWS,
    ActorChoice,
    LibraryFilter,
)
from desktop.services.window_reads import filter_choices, matching_actors
from desktop.ui.context import AppContext
from desktop.ui.i18n import Labels, plural, translate
from desktop.ui.palette import ENTITY_SINGULAR
from desktop.ui.tasks import TaskControl

Choices = tuple[list[str], list[ActorChoice], list[str]]  # tags, actors, authors
ActorIdRole = Qt.ItemDataRole.UserRole
TYPING_DELAY_MS = 150


STATE_VIEW_KEY = "library/state_view"


#: The reading-state views as the window names them (keys of STATE_VIEWS).
STATE_LABELS = Labels(
    "LibraryFilterBar",
    {
        "inbox": QT_TRANSLATE_NOOP("LibraryFilterBar", "Not archived"),
        "unread": QT_TRANSLATE_NOOP("LibraryFilterBar", "Unread"),
        "starred": QT_TRANSLATE_NOOP("LibraryFilterBar", "Starred"),
        "archived": QT_TRANSLATE_NOOP("LibraryFilterBar", "Archived"),
        "all": QT_TRANSLATE_NOOP("LibraryFilterBar", "All articles"),
    },
)


class FilterBar(QWidget):
    """Combos for tag, actor and reading state and a "Has notes" box; emits the resulting LibraryFilter."""

    filter_changed = Signal(object)  # LibraryFilter
    state_view_changed = Signal(str)  # a key of STATE_VIEWS
    choices_loaded = Signal()
    actors_suggested = Signal()  # the actor completion list was refilled
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = LibraryFilter()
        self._pending_actor: int | None = None
        self.tag_combo = QComboBox(self)
        self.tag_combo.setAccessibleName(translate("LibraryFilterBar", "Filter by tag"))
        self.tag_combo.addItem(translate("LibraryFilterBar", "All tags"), None)
        self.actor_combo = QComboBox(self)
        self.actor_combo.setAccessibleName(translate("LibraryFilterBar", "Filter by actor"))
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.actor_combo.addItem(translate("LibraryFilterBar", "All actors"), None)
        self.actor_matches = QStandardItemModel(self)  # actors whose names contain the typed text
        self.actor_completer = QCompleter(self.actor_matches, self)
        self.actor_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.actor_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.actor_completer.activated[QModelIndex].connect(self._actor_completed)
        self.actor_combo.setCompleter(None)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._typing.timeout.connect(self._suggest_actors)
        line_edit = self.actor_combo.lineEdit()
        if line_edit is not None:
            line_edit.setCompleter(self.actor_completer)
            line_edit.editingFinished.connect(self._actor_text_done)
            line_edit.textEdited.connect(lambda _t: self._typing.start())
        for combo in (self.tag_combo, self.actor_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.notes_check = QCheckBox(translate("LibraryFilterBar", "Has notes"), self)
        self.notes_check.toggled.connect(lambda _b: self._changed())
        self.author_combo = QComboBox(self)
        self.author_combo.setAccessibleName(translate("LibraryFilterBar", "Filter by author"))
        self.author_combo.setToolTip(
            translate("LibraryFilterBar", "Articles this person imported or annotated")
        )
        self.author_combo.addItem(translate("LibraryFilterBar", "All authors"), None)
        self.author_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.author_combo.setMinimumContentsLength(6)
        self.author_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.state_combo = QComboBox(self)
        self.state_combo.setAccessibleName(translate("LibraryFilterBar", "Show articles by reading state"))
        self.state_combo.setToolTip(
            translate(
                "LibraryFilterBar", "Which articles to list: archived ones are hidden unless chosen here"
            )
        )
        for key, label in STATE_VIEWS.items():
            self.state_combo.addItem(STATE_LABELS.get(key, label), key)
        stored = ctx.settings.value(STATE_VIEW_KEY, "inbox")
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(stored), 0))
        self.state_combo.currentIndexChanged.connect(self._state_changed)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.tag_combo, 1)
        row.addWidget(self.actor_combo, 1)
        row.addWidget(self.author_combo, 1)
        self.author_combo.hide()  # shown once a second person imported or annotated
        self.footer = QHBoxLayout()
        self.footer.setSpacing(6)
        self.footer.addWidget(self.state_combo)
        self.footer.addWidget(self.notes_check)
        self.footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addLayout(self.footer)

    def state_view(self) -> str:
        """The reading-state view chosen (a key of STATE_VIEWS)."""
        return str(self.state_combo.currentData())

    def set_state_view(self, view: str) -> None:
        """Choose a reading-state view (emits state_view_changed when it changes)."""
        index = self.state_combo.findData(view)
        if index < 0:
            raise ValueError(f"Unknown view {view!r}.")
        self.state_combo.setCurrentIndex(index)

    def _state_changed(self, _index: int) -> None:
        self._ctx.settings.setValue(STATE_VIEW_KEY, self.state_view())
        self.state_view_changed.emit(self.state_view())

    def current_filter(self) -> LibraryFilter:
        """The filter shown by the widgets."""
        return self._filter

    def set_filter(self, flt: LibraryFilter) -> None:
        """Show ``flt`` in the widgets and emit it."""
        widgets = (self.tag_combo, self.actor_combo, self.notes_check, self.author_combo)
        for widget in widgets:
            widget.blockSignals(True)
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(flt.tag), 0) if flt.tag else 0)
        index = self.actor_combo.findData(flt.actor_id) if flt.actor_id is not None else 0
        self._pending_actor = flt.actor_id if index < 0 else None  # choices not loaded yet
        self.actor_combo.setCurrentIndex(max(index, 0))
        self.notes_check.setChecked(flt.has_annotations)
        self.author_combo.setCurrentIndex(self._author_index(flt.author))
        self._show_author_combo()
        for widget in widgets:
            widget.blockSignals(False)
        self._filter = flt
        self.filter_changed.emit(flt)
        if self._pending_actor is not None:
            self.load_choices()  # the chosen actor is fetched with the choices

    def load_choices(self) -> None:
        """Reload the tags in use and the most mentioned actors in the background."""
        library = self._ctx.library
        chosen = self._pending_actor if self._pending_actor is not None else self.actor_combo.currentData()
        include = chosen if isinstance(chosen, int) else None

        def load(control: TaskControl) -> Choices:
            return filter_choices(library, include)

        self._ctx.tasks.run(load, self._fill, self._on_error, key=f"library-choices-{id(self)}")

    def cancel_choices(self) -> None:
        """Drop a reading of the choices under way (the library changed since it started)."""
        self._ctx.tasks.cancel(f"library-choices-{id(self)}")

    def _on_error(self, error: BaseException) -> None:
        self.failed.emit(
            translate("LibraryFilterBar", "Loading the filters failed: {error}").format(
                error=message_of(error)
            )
        )

    def _fill(self, result: Choices) -> None:
        tags, actors, authors = result
        tag = self.tag_combo.currentData()
        author = self.author_combo.currentData()
        actor = self._pending_actor if self._pending_actor is not None else self.actor_combo.currentData()
        self._pending_actor = None
        for combo in (self.tag_combo, self.actor_combo, self.author_combo):
            combo.blockSignals(True)
        try:
            while self.author_combo.count() > 1:
                self.author_combo.removeItem(1)
            for name in authors:
                self.author_combo.addItem(name, name)
            self.author_combo.setCurrentIndex(self._author_index(author))
            self._show_author_combo()
            while self.tag_combo.count() > 1:
                self.tag_combo.removeItem(1)
            for name in tags:
                self.tag_combo.addItem(f"#{name}", name)
            while self.actor_combo.count() > 1:
                self.actor_combo.removeItem(1)
            for choice in actors:
                self._add_actor(choice)
            self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(tag), 0))
            self.actor_combo.setCurrentIndex(max(self.actor_combo.findData(actor), 0))
        finally:
            for combo in (self.tag_combo, self.actor_combo, self.author_combo):
                combo.blockSignals(False)
        self._fill_matches(actors)
        self._changed()
        self.choices_loaded.emit()

    def _show_author_combo(self) -> None:
        """The author list only where two or more people work (or one is chosen)."""
        self.author_combo.setVisible(self.author_combo.count() > 2 or self.author_combo.currentIndex() > 0)

    def _author_index(self, author: str | None) -> int:
        """The combo's index of ``author``, added when not listed yet (0: all authors)."""
        if not author:
            return 0
        index = self.author_combo.findData(author)
        if index < 0:
            self.author_combo.addItem(author, author)
            index = self.author_combo.count() - 1
        return index

    def _add_actor(self, choice: ActorChoice) -> int:
        """The combo's index of an actor, added when missing."""
        index = self.actor_combo.findData(choice.id)
        if index >= 0:
            return index
        self.actor_combo.addItem(choice.name, choice.id)
        index = self.actor_combo.count() - 1
        self.actor_combo.setItemData(index, _actor_tip(choice), Qt.ItemDataRole.ToolTipRole)
        return index

    # ------------------------------------------------------------------ actor completion

    def _suggest_actors(self) -> None:
        """Ask the library for actors whose names contain the typed text (in the background)."""
        text = self.actor_combo.currentText().strip()
        library = self._ctx.library

        def load(control: TaskControl) -> list[ActorChoice]:
            return matching_actors(library, text)

        def done(actors: list[ActorChoice]) -> None:
            if self.actor_combo.currentText().strip() == text:
                self._fill_matches(actors)
                if text and self.actor_combo.hasFocus():
                    self.actor_completer.complete()

        self._ctx.tasks.run(load, done, self._on_error, key=f"library-actors-{id(self)}")

    def _fill_matches(self, actors: list[ActorChoice]) -> None:
        self.actor_matches.clear()
        for choice in actors:
            item = QStandardItem(choice.name)
            item.setData(choice.id, ActorIdRole)
            item.setData(choice, ActorIdRole + 1)
            item.setToolTip(_actor_tip(choice))
            item.setEditable(False)
            self.actor_matches.appendRow(item)
        self.actors_suggested.emit()

    def _actor_completed(self, index: QModelIndex) -> None:
        choice = index.data(ActorIdRole + 1)
        if isinstance(choice, ActorChoice):
            self.actor_combo.setCurrentIndex(self._add_actor(choice))

    def _actor_text_done(self) -> None:
        if not self.actor_combo.currentText().strip() and self.actor_combo.currentIndex() != 0:
            self.actor_combo.setCurrentIndex(0)

    def _changed(self) -> None:
        actor = self.actor_combo.currentData() if self._pending_actor is None else self._pending_actor
        flt = LibraryFilter(
            self.tag_combo.currentData(),
            actor,
            self.notes_check.isChecked(),
            author=self.author_combo.currentData() or "",
        )
        if flt != self._filter:
            self._filter = flt
            self.filter_changed.emit(flt)


def _actor_tip(choice: ActorChoice) -> str:
    kind = ENTITY_SINGULAR.get(choice.type, choice.type)
    return plural(
        choice.articles,
        translate("LibraryFilterBar", "{name} ({kind}, 1 article)"),
        translate("LibraryFilterBar", "{name} ({kind}, {n} articles)"),
        name=choice.name,
        kind=kind,
    )
