"""The Actors tab of the sidebar: actors by type, mention navigation and corrections (all undoable)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import message_of
from desktop.core.types import ENTITY_TYPES
from desktop.services import corrections
from desktop.services.actor_pages import FIRST_PAGE, ActorGroup
from desktop.services.dto import ActorRow
from desktop.services.merge_candidates import MergeCandidate
from desktop.services.window_reads import library_actors_first, library_actors_more, merge_choices
from desktop.ui.actor_columns import ActorColumns
from desktop.ui.actor_dialogs import MergeDialog, NameDialog
from desktop.ui.actors_model import ActorTreeModel, ActorTypeRole
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.palette import ENTITY_SINGULAR
from desktop.ui.reader_view import ReaderPane
from desktop.ui.tree_groups import expand_groups

#: How long the library-wide list waits for more typing before it asks the library.
FILTER_DELAY_MS = 150
Pages = tuple[list[ActorGroup], dict[str, list[ActorRow]]]  # totals per type, first pages


class ActorsPanel(QWidget):
    """The actors of the article shown (or of the whole library) in a tree, with correction buttons."""

    actor_selected = Signal(int)
    actor_activated = Signal(int)  # double-click or Enter on an actor: open the dossier
    library_changed = Signal()

    def __init__(self, ctx: AppContext, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reader = reader
        self.edits = reader.edits
        self._library_scope = False
        self._paged_text = ""  # the filter the library's pages shown were read with
        self._build()
        reader.mention_changed.connect(self._mention_changed)
        reader.actors_changed.connect(self._actors_changed)
        self._update_buttons()

    def library_scope(self) -> bool:
        """True when the whole library's actors are listed."""
        return self._library_scope

    def set_scope_library(self, on: bool) -> None:
        """List the actors of the whole library (True) or of the article shown (False)."""
        self._library_scope = bool(on)
        if self.scope_box.isChecked() != self._library_scope:
            self.scope_box.setChecked(self._library_scope)
        if self._library_scope:
            self._load_library_actors()
        else:
            self.set_actors(self.reader.article_actors() if self.reader.detail() is not None else [])

    def show_article_actors(self, actors: list[ActorRow]) -> None:
        """The actors of the article shown (ignored while the library scope is on)."""
        if not self._library_scope:
            self.set_actors(actors)
        self._update_buttons()

    def _load_failed(self, error: BaseException) -> None:
        self.reader.show_message(message_of(error))

    def _build(self) -> None:
        page = self
        self.scope_box = QCheckBox(translate("ActorsPanel", "Whole library"), page)
        self.scope_box.setToolTip(
            translate("ActorsPanel", "Show the actors of every article instead of this one")
        )
        self.scope_box.toggled.connect(self.set_scope_library)
        self.actor_filter = QLineEdit(page)
        self.actor_filter.setPlaceholderText(translate("ActorsPanel", "Filter actors"))
        self.actor_filter.setClearButtonEnabled(True)
        self.actors_model = ActorTreeModel(page)
        self.actors_model.more_wanted.connect(self._load_more_library_actors)
        self.actors_model.rowsInserted.connect(lambda *_a: self._fetch_shown_groups())
        self.actor_filter.textChanged.connect(self._filter_actors)
        self._typing = QTimer(page)  # the library-wide list is filtered by the library
        self._typing.setSingleShot(True)
        self._typing.setInterval(FILTER_DELAY_MS)
        self._typing.timeout.connect(self._load_library_actors)
        self._ends_check = QTimer(page)
        self._ends_check.setSingleShot(True)
        self._ends_check.setInterval(0)
        self._ends_check.timeout.connect(self._fetch_at_shown_ends)
        self.tree = QTreeView(page)
        self.tree.setModel(self.actors_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.columns = ActorColumns(self.tree)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._actor_menu)
        self.tree.selectionModel().currentChanged.connect(self._actor_current_changed)
        self.tree.activated.connect(self._actor_activated)
        self.tree.verticalScrollBar().valueChanged.connect(lambda _v: self._fetch_shown_groups())
        self.tree.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self._fetch_shown_groups())
        self.tree.expanded.connect(lambda _i: self._fetch_shown_groups())
        self.previous_mention = QToolButton(page)
        self.previous_mention.setText("◀")
        self.previous_mention.setToolTip(translate("ActorsPanel", "Previous mention in the text"))
        self.previous_mention.clicked.connect(lambda: self.reader.step_mention(-1))
        self.next_mention = QToolButton(page)
        self.next_mention.setText("▶")
        self.next_mention.setToolTip(translate("ActorsPanel", "Next mention in the text"))
        self.next_mention.clicked.connect(lambda: self.reader.step_mention(1))
        self.mention_label = QLabel("", page)
        self.rename_button = QPushButton(translate("ActorsPanel", "Rename…"), page)
        self.rename_button.clicked.connect(self._ask_rename)
        self.type_button = QPushButton(translate("ActorsPanel", "Type"), page)
        self.type_button.setMenu(self._type_menu(page))
        self.merge_button = QPushButton(translate("ActorsPanel", "Merge into…"), page)
        self.merge_button.clicked.connect(self._ask_merge)
        self.reject_button = QPushButton(translate("ActorsPanel", "Not an entity"), page)
        self.reject_button.setToolTip(
            translate("ActorsPanel", "Remove this actor; its names are not recognised again")
        )
        self.reject_button.clicked.connect(lambda: self._with_actor(self.reject_actor))
        self.mark_button = QPushButton(translate("ActorsPanel", "Mark selection as actor"), page)
        self.mark_button.setToolTip(translate("ActorsPanel", "Make the words selected in the text an actor"))
        self.mark_button.setMenu(self._mark_menu(page))
        top = QHBoxLayout()
        top.addWidget(self.actor_filter, 1)
        top.addWidget(self.scope_box)
        navigation = QHBoxLayout()
        navigation.addWidget(QLabel(translate("ActorsPanel", "Mentions:"), page))
        navigation.addWidget(self.previous_mention)
        navigation.addWidget(self.mention_label)
        navigation.addWidget(self.next_mention)
        navigation.addStretch(1)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for button in (self.rename_button, self.type_button, self.merge_button):
            row1.addWidget(button)
        row2.addWidget(self.reject_button)
        row2.addWidget(self.mark_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        for row in (navigation, row1, row2):
            layout.addLayout(row)

    def _type_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for kind in ENTITY_TYPES:
            menu.addAction(ENTITY_SINGULAR[kind], partial(self._with_actor, self.change_actor_type, kind))
        return menu

    def _mark_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for kind in ENTITY_TYPES:
            menu.addAction(ENTITY_SINGULAR[kind], partial(self.reader.mark_selection_as_actor, kind))
        return menu

    def _load_library_actors(self) -> None:
        """The library's totals by type and the first page of each (the filter applied by the library)."""
        library = self.ctx.library
        text = self.actor_filter.text().strip()
        model = self.actors_model
        # a reload after an edit keeps as many rows as were read (the place and the selection stay)
        read = max((model.rowCount(model.index(r, 0)) for r in range(model.rowCount())), default=0)
        limit = max(FIRST_PAGE, read) if model.paged() and self._paged_text == text else FIRST_PAGE

        def work(_control: object) -> Pages:
            return library_actors_first(library, text, limit)

        def done(result: Pages) -> None:
            if self._library_scope and self.actor_filter.text().strip() == text:
                self._paged_text = text
                self._keeping_selection(lambda: self.actors_model.set_library_page(*result))
                self._fetch_shown_groups()

        self.ctx.tasks.run(work, done, self._load_failed, key=f"sidebar-library-{id(self)}")

    def _load_more_library_actors(self, kind: str, offset: int, generation: int) -> None:
        """The next page of one type, asked for by the tree when it scrolls to the end of a group."""
        library = self.ctx.library
        text = self.actor_filter.text().strip()

        def work(_control: object) -> list[ActorRow]:
            return library_actors_more(library, kind, offset, text)

        def done(actors: list[ActorRow]) -> None:
            self.actors_model.add_actors(kind, offset, generation, actors)

        def failed(error: BaseException) -> None:
            self.actors_model.add_actors(kind, offset, generation, [])  # may ask again
            self._load_failed(error)

        self.ctx.tasks.run(work, done, failed, key=f"sidebar-more-{kind}-{id(self)}")

    def _fetch_shown_groups(self) -> None:
        """Let the groups whose last row read is in view fetch their next page (soon after a
        scroll, a page or a reset: the tree lays itself out first)."""
        if self.actors_model.paged():
            self._ends_check.start()

    def _fetch_at_shown_ends(self) -> None:
        model = self.actors_model
        if not model.paged():
            return
        bottom = self.tree.viewport().rect().bottom()
        shown: dict[str, QModelIndex] = {}
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            count = model.rowCount(group)
            if count and self.tree.isExpanded(group):
                last = self.tree.visualRect(model.index(count - 1, 0, group))
                if last.isValid() and last.top() <= bottom and last.bottom() >= 0:
                    shown[str(group.data(ActorTypeRole))] = group
        model.set_ends_shown(set(shown))
        for group in shown.values():
            if model.canFetchMore(group):
                model.fetchMore(group)

    def _keeping_selection(self, change: Callable[[], None]) -> None:
        selected = self.selected_actor_id()
        change()
        expand_groups(self.tree)
        if selected is not None:
            self.select_actor(selected)
        self._update_buttons()

    def set_actors(self, actors: list[ActorRow]) -> None:
        """Replace the actors listed, keeping the selection."""
        self._keeping_selection(lambda: self.actors_model.set_actors(actors))

    def _filter_actors(self, text: str) -> None:
        if self.actors_model.paged():
            self.actors_model.set_filter(text)
            self._typing.start()  # the library filters; asked once typing pauses
        else:
            self._keeping_selection(lambda: self.actors_model.set_filter(text))

    def _actors_changed(self) -> None:
        if self._library_scope:
            self._load_library_actors()
        self.library_changed.emit()

    # --- actors ----------------------------------------------------------------------------------
    def selected_actor_id(self) -> int | None:
        """The actor selected in the tree."""
        actor = self.actors_model.actor(self.tree.currentIndex())
        return actor.id if actor else None

    def select_actor(self, actor_id: int) -> bool:
        """Select an actor in the tree (False if it is not listed)."""
        index = self.actors_model.index_of_actor(actor_id)
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)
        return True

    def _actor_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        actor = self.actors_model.actor(current)
        self.reader.highlight_actor(actor.id if actor else None)
        self._update_buttons()
        if actor is not None:
            self.actor_selected.emit(actor.id)

    def _actor_activated(self, index: QModelIndex) -> None:
        actor = self.actors_model.actor(index)
        if actor is not None:
            self.actor_activated.emit(actor.id)

    def _mention_changed(self, current: int, total: int) -> None:
        self.mention_label.setText(
            translate("ActorsPanel", "{number} of {total}").format(number=current + 1, total=total)
            if current >= 0
            else (str(total) if total else "–")
        )
        self.previous_mention.setEnabled(total > 0)
        self.next_mention.setEnabled(total > 0)

    def _update_buttons(self) -> None:
        has_actor = self.selected_actor_id() is not None
        for button in (self.rename_button, self.type_button, self.merge_button, self.reject_button):
            button.setEnabled(has_actor)
        self.mark_button.setEnabled(self.reader.detail() is not None)

    def _with_actor(self, action: object, *args: object) -> None:
        actor_id = self.selected_actor_id()
        if actor_id is not None and callable(action):
            action(actor_id, *args)

    def _actor_menu(self, point: QPoint) -> None:
        actor = self.actors_model.actor(self.tree.indexAt(point))
        if actor is None:
            return
        self.select_actor(actor.id)
        menu = QMenu(self)
        menu.addAction(translate("ActorsPanel", "Open Dossier"), lambda: self.actor_activated.emit(actor.id))
        menu.addSeparator()
        menu.addAction(translate("ActorsPanel", "Rename…"), self._ask_rename)
        types = menu.addMenu(translate("ActorsPanel", "Change type"))
        for kind in ENTITY_TYPES:
            action = types.addAction(ENTITY_SINGULAR[kind], partial(self.change_actor_type, actor.id, kind))
            action.setEnabled(kind != actor.type)
        menu.addAction(translate("ActorsPanel", "Merge into…"), self._ask_merge)
        menu.addAction(translate("ActorsPanel", "Not an entity"), lambda: self.reject_actor(actor.id))
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def _ask_rename(self) -> None:
        actor = self.actors_model.actor(self.tree.currentIndex())
        if actor is None:
            return
        name = NameDialog.ask(
            self,
            translate("ActorsPanel", "Rename actor"),
            translate("ActorsPanel", "New name of “{name}”:").format(name=actor.name),
            actor.name,
        )
        if name is not None and name.strip() and name.strip() != actor.name:
            self.rename_actor(actor.id, name)

    def _ask_merge(self) -> None:
        actor = self.actors_model.actor(self.tree.currentIndex())
        if actor is None:
            return
        library, actor_id = self.ctx.library, actor.id

        def work(_control: object) -> tuple[ActorRow, list[MergeCandidate]]:
            return merge_choices(library, actor_id)

        def choose(result: tuple[ActorRow, list[MergeCandidate]]) -> None:
            source, candidates = result
            if not candidates:
                self.reader.show_message(translate("ActorsPanel", "There is no other actor to merge with."))
                return
            target = MergeDialog.ask(self, source, candidates)
            if target is not None:
                self.merge_actor(source.id, target)

        self.ctx.tasks.run(work, choose, self._load_failed, key=f"merge-candidates-{id(self)}")

    def rename_actor(self, actor_id: int, name: str) -> None:
        """Rename an actor (undoable)."""
        self.edits.correct_actors(
            translate("ActorsPanel", "Rename actor"),
            [actor_id],
            lambda lib: corrections.rename_actor(lib, actor_id, name),
        )

    def change_actor_type(self, actor_id: int, kind: str) -> None:
        """Change an actor's type (undoable)."""
        self.edits.correct_actors(
            translate("ActorsPanel", "Change type"),
            [actor_id],
            lambda lib: corrections.change_type(lib, actor_id, kind),
        )

    def merge_actor(self, source_id: int, target_id: int) -> None:
        """Merge ``source`` into ``target`` (undoable)."""
        self.edits.correct_actors(
            translate("ActorsPanel", "Merge actors"),
            [source_id, target_id],
            lambda lib: corrections.merge_actors(lib, source_id, target_id),
        )

    def reject_actor(self, actor_id: int) -> None:
        """ "Not an entity" (undoable)."""
        self.edits.correct_actors(
            translate("ActorsPanel", "Not an entity"),
            [actor_id],
            lambda lib: corrections.reject_actor(lib, actor_id),
        )
