"""The Article menu: next/previous article, read/unread, starred, archived, and deleting (undoable).

An article opened counts as read after READ_DWELL_MS on it (so stepping through the list with
J/K leaves the ones only glanced at unread); M toggles it back. Every change goes through the
window's write queue and comes back as ``states_changed`` for the list to show at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.core.errors import message_of
from desktop.services.article_removal import ArticleSnapshot, remove_article, restore_article
from desktop.services.dto import ArticleRow, ChangeSummary, ReadingState
from desktop.services.reading_state import mark_read, reading_states, set_archived, set_starred, step_in
from desktop.ui.context import AppContext
from desktop.ui.crash import Messages
from desktop.ui.i18n import translate
from desktop.ui.paths import action_icon
from desktop.ui.undo import QueuedCommand

READ_DWELL_MS = 1500  # an article opened this long counts as read


class DeleteArticleCommand(QueuedCommand):
    """Deleting an article: undo puts it back with its notes (services/article_removal.py)."""

    def __init__(self, owner: ArticleActions, snapshot: ArticleSnapshot) -> None:
        super().__init__(owner, translate("ArticleActions", "Delete “{title}”").format(title=snapshot.title))
        self.snapshot = snapshot
        self.article_id = snapshot.article_id

    def do_undo(self) -> Any:
        return restore_article(self._controller.ctx.library, self.snapshot)

    def do_redo(self) -> Any:
        self.snapshot = remove_article(self._controller.ctx.library, self.article_id)
        return self.snapshot

    def after(self, result: Any) -> None:
        if isinstance(result, ChangeSummary) and result.articles:
            self.article_id = result.articles[0]  # restored, perhaps under a new id
            self._controller.article_restored.emit(self.article_id)
        elif isinstance(result, ArticleSnapshot):
            self._controller.article_removed.emit(result.article_id, None)


class ArticleActions(QObject):
    """Actions on the article being read; ``bind`` attaches their keys to the reading pane and the list."""

    states_changed = Signal(list)  # list[ReadingState]
    article_removed = Signal(int, object)  # deleted id, the article to open instead (int or None)
    article_restored = Signal(int)  # id of the article an undo brought back
    message = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        *,
        current: Callable[[], int | None],
        listed: Callable[[], list[int]],
        row_of: Callable[[int], ArticleRow | None],
        open_article: Callable[[int], None],
        flush: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.queue = ctx.write_queue()
        self._current = current
        self._listed = listed
        self._row_of = row_of
        self._open = open_article
        self._flush = flush
        self._state: ReadingState | None = None
        self.dwell_ms = READ_DWELL_MS
        self._dwell = QTimer(self)
        self._dwell.setSingleShot(True)
        self._dwell.timeout.connect(self._dwelt)
        self._dwell_target: int | None = None
        make = self._make
        self.next_action = make(
            translate("ArticleActions", "&Next Article"), ["Alt+Down", "J"], lambda: self.step(1)
        )
        self.previous_action = make(
            translate("ArticleActions", "&Previous Article"), ["Alt+Up", "K"], lambda: self.step(-1)
        )
        self.read_action = make(translate("ArticleActions", "Mark as &Read"), ["M"], None, checkable=True)
        self.read_action.toggled.connect(self._on_read_toggled)
        self.star_action = make(
            translate("ArticleActions", "&Star"), ["S"], None, checkable=True, icon="star"
        )
        self.star_action.toggled.connect(self._on_star_toggled)
        self.archive_action = make(
            translate("ArticleActions", "&Archive"), ["E"], None, checkable=True, icon="archive"
        )
        self.archive_action.toggled.connect(self._on_archive_toggled)
        self.delete_action = make(
            translate("ArticleActions", "&Delete Article…"), ["Del"], self.delete_current
        )
        self.next_action.setToolTip(
            translate("ArticleActions", "Next article in the list (Alt+Down or J in the reading pane)")
        )
        self.previous_action.setToolTip(
            translate("ArticleActions", "Previous article in the list (Alt+Up or K in the reading pane)")
        )
        self._syncing = False
        self._set_enabled(False)

    def _make(
        self,
        text: str,
        keys: list[str],
        slot: Callable[[], Any] | None,
        *,
        checkable: bool = False,
        icon: str = "",
    ) -> QAction:
        action = QAction(text, self.parent())
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        if icon:
            action.setIcon(action_icon(icon))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        """The Article menu's entries, in order (None-free; the menu adds separators)."""
        return [
            self.next_action,
            self.previous_action,
            self.read_action,
            self.star_action,
            self.archive_action,
            self.delete_action,
        ]

    def bind(self, reader: QWidget, article_list: QWidget) -> None:
        """The keys work while the reading pane or the list (not a text field in them) has the focus;
        Delete only in the list, where it cannot be hit while reading."""
        reader.addActions([a for a in self.actions() if a is not self.delete_action])
        article_list.addActions(self.actions())

    def _set_enabled(self, on: bool) -> None:
        """The actions on the article being read (moving through the list always works)."""
        for action in (self.read_action, self.star_action, self.archive_action, self.delete_action):
            action.setEnabled(on)

    # ------------------------------------------------------------------ the article being read

    def article_opened(self, article_id: int) -> None:
        """The reading pane shows ``article_id``: show its state; count it read after the dwell."""
        self._set_enabled(True)
        row = self._row_of(article_id)
        if row is not None:
            self._show_state(ReadingState(row.id, row.read_at, row.starred, row.archived))
        else:
            self._state = None
            library = self.ctx.library
            self.ctx.tasks.run(
                lambda _c: reading_states(library, [article_id]),
                self._show_states_of_current,
                lambda _e: None,
                key=f"reading-state-{id(self)}",
            )
        self._dwell_target = article_id
        if row is None or row.read_at is None:
            self._dwell.start(self.dwell_ms)

    def article_closed(self) -> None:
        """Nothing is being read (the article was deleted, the library is empty)."""
        self._dwell.stop()
        self._state = None
        self._set_enabled(False)

    def _show_states_of_current(self, states: list[ReadingState]) -> None:
        for state in states:
            if state.article_id == self._current():
                self._show_state(state)
                if state.read:
                    self._dwell.stop()

    def _show_state(self, state: ReadingState) -> None:
        self._state = state
        self._syncing = True
        try:
            self.read_action.setChecked(state.read)
            self.star_action.setChecked(state.starred)
            self.archive_action.setChecked(state.archived)
        finally:
            self._syncing = False

    def state(self) -> ReadingState | None:
        """The reading state of the article being read, as last known."""
        return self._state

    def _dwelt(self) -> None:
        target = self._dwell_target
        if target is not None and target == self._current() and not (self._state and self._state.read):
            self._write([target], lambda lib, ids: mark_read(lib, ids, True))

    # ------------------------------------------------------------------ changes

    def _target(self) -> int | None:
        return self._current()

    def _on_read_toggled(self, on: bool) -> None:
        if not self._syncing and (target := self._target()) is not None:
            self._dwell.stop()  # the reader decided: the dwell must not overrule "unread"
            self._write([target], lambda lib, ids: mark_read(lib, ids, on))

    def _on_star_toggled(self, on: bool) -> None:
        if not self._syncing and (target := self._target()) is not None:
            self._write([target], lambda lib, ids: set_starred(lib, ids, on))

    def _on_archive_toggled(self, on: bool) -> None:
        if not self._syncing and (target := self._target()) is not None:
            self._write([target], lambda lib, ids: set_archived(lib, ids, on))
            self.message.emit(
                translate("ArticleActions", "Archived: listed again under “Archived”.")
                if on
                else translate("ArticleActions", "Back in the list.")
            )

    def set_states(
        self, article_ids: list[int], change: Callable[[Any, list[int]], list[ReadingState]]
    ) -> None:
        """Change the reading state of several articles (``change(library, ids)``), e.g. from the list."""
        self._write(article_ids, change)

    def _write(self, ids: list[int], change: Callable[[Any, list[int]], list[ReadingState]]) -> None:
        library = self.ctx.library
        self.queue.submit(
            lambda: change(library, ids),
            self._written,
            lambda e: self.failed.emit(
                translate("ArticleActions", "The reading state could not be saved: {error}").format(
                    error=message_of(e)
                )
            ),
        )

    def _written(self, states: list[ReadingState]) -> None:
        for state in states:
            if state.article_id == self._current():
                self._show_state(state)
        self.states_changed.emit(states)

    # ------------------------------------------------------------------ moving and deleting

    def step(self, step: int) -> None:
        """Open the next (1) or previous (-1) article of the list as it is shown."""
        current = self._current()
        listed = self._listed()
        target = step_in(listed, current, step) if current is not None else (listed[0] if listed else None)
        if target is None:
            self.message.emit(
                translate("ArticleActions", "This is the last article in the list.")
                if step > 0
                else translate("ArticleActions", "This is the first.")
            )
            return
        self._open(target)

    def delete_current(self) -> None:
        """Delete the article being read (asking first when it has notes); Edit ▸ Undo restores it."""
        article_id = self._target()
        if article_id is None:
            return
        row = self._row_of(article_id)
        notes = row.annotations if row is not None else -1
        title = (
            row.title
            if row is not None
            else translate("ArticleActions", "article {id}").format(id=article_id)
        )
        if notes != 0:
            if notes < 0:
                question = translate("ArticleActions", "“{title}” has notes. Delete the article with them?")
            elif notes == 1:
                question = translate("ArticleActions", "“{title}” has 1 note. Delete the article with it?")
            else:
                question = translate(
                    "ArticleActions", "“{title}” has {count} notes. Delete the article with them?"
                )
            question = question.format(title=title, count=notes)
            question += " " + translate("ArticleActions", "(Edit ▸ Undo brings it back.)")
            if not self.ask(self.parent(), translate("ArticleActions", "Delete Article"), question):  # type: ignore[arg-type]
                return
        listed = self._listed()
        after = step_in(listed, article_id, 1) or step_in(listed, article_id, -1)
        library = self.ctx.library
        self._flush()  # a note being typed is saved before its article goes

        def done(snapshot: ArticleSnapshot) -> None:
            self.ctx.undo_stack.push(DeleteArticleCommand(self, snapshot))
            count = snapshot.annotations
            if count == 0:
                deleted = translate("ArticleActions", "Deleted “{title}”. Edit ▸ Undo brings it back.")
            elif count == 1:
                deleted = translate(
                    "ArticleActions", "Deleted “{title}” with 1 note. Edit ▸ Undo brings it back."
                )
            else:
                deleted = translate(
                    "ArticleActions", "Deleted “{title}” with {count} notes. Edit ▸ Undo brings it back."
                )
            self.message.emit(deleted.format(title=snapshot.title, count=count))
            self.article_removed.emit(snapshot.article_id, after if after != article_id else None)

        self.queue.submit(
            lambda: remove_article(library, article_id),
            done,
            lambda e: self.failed.emit(
                translate("ArticleActions", "The article could not be deleted: {error}").format(
                    error=message_of(e)
                )
            ),
        )

    @classmethod
    def ask(cls, parent: QWidget, title: str, question: str) -> bool:
        """The confirmation question (replaced in tests)."""
        return Messages.ask(parent, title, question)
