"""What the reading pane does with the text under the mouse and the selection: tooltips, clicks,
highlighting the selection and marking it as an actor (a part of ``ReaderPane``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from desktop.core.record import replace
from desktop.services import corrections
from desktop.services.dto import ActorRow, AnnotationRow, ArticleDetail, ChangeSummary
from desktop.ui.actors_model import actor_tooltip
from desktop.ui.i18n import translate
from desktop.ui.palette import ColorPalette
from desktop.ui.reader_quotes import QuoteMarks
from desktop.ui.reader_toolbar import add_selection_actions
from desktop.ui.reading_browser import ReadingBrowser
from desktop.ui.reading_doc import DocLayout
from desktop.ui.reading_marks import SpanIndex, tooltip_html
from desktop.ui.undo import EditController


class SelectionEditing:
    """Mixed into ReaderPane: the selection as offsets, and the edits started from the text."""

    browser: ReadingBrowser
    edits: EditController
    palette_colors: ColorPalette
    _layout: DocLayout | None
    _detail: ArticleDetail | None
    _actors: dict[int, ActorRow]
    _entities: SpanIndex
    _annotations: SpanIndex
    _menu_hooks: list[Callable[[QMenu, int | None], None]]
    quote_marks: QuoteMarks
    actor_selected: Any
    actor_activated: Any
    annotation_clicked: Any
    annotations_changed: Any
    actors_changed: Any
    rendered: Any

    def show_message(self, text: str) -> None:  # provided by ReaderPane
        raise NotImplementedError

    def reload(self) -> None:  # provided by ReaderPane
        raise NotImplementedError

    def is_loading(self) -> bool:  # provided by ReaderPane
        raise NotImplementedError

    def _apply_highlights(self) -> None:  # provided by ReaderPane
        raise NotImplementedError

    def highlight_actor(self, actor_id: int | None) -> None:  # provided by ReaderPane
        raise NotImplementedError

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as code-point offsets into the article text (None without a body selection)."""
        cursor = self.browser.textCursor()
        if self._layout is None or not cursor.hasSelection():
            return None
        start = self._layout.index(max(cursor.selectionStart(), self._layout.body_start))
        end = self._layout.index(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def select_range(self, start: int, end: int) -> None:
        """Select [start, end) of the body (code points), e.g. from tests or search results."""
        if self._layout is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._layout.qt_pos(start))
        cursor.setPosition(self._layout.qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)

    def _spans_at(self, position: int) -> tuple[int | None, int | None]:
        index = self._layout.index(position) if self._layout else None
        if index is None:
            return None, None
        entities, notes = self._entities.at(index), self._annotations.at(index)
        return (entities[0].ref if entities else None), (notes[0].ref if notes else None)

    def _tooltip(self, position: int) -> str | None:
        actor_id, note_id = self._spans_at(position)
        actor = self._actors.get(actor_id) if actor_id is not None else None
        note = next((a for a in self._detail.annotations if a.id == note_id), None) if self._detail else None
        meaning = self.palette_colors.meaning(note.color) if note else ""
        said = self.quote_marks.tooltip(self._layout.index(position) if self._layout else None)
        return tooltip_html(
            actor_tooltip(actor) if actor else None, meaning, note.note if note else None, said
        )

    def _clicked(self, position: int) -> None:
        actor_id, note_id = self._spans_at(position)
        if actor_id is not None:
            self.highlight_actor(actor_id)
            self.actor_selected.emit(actor_id)
        elif note_id is not None:
            self.annotation_clicked.emit(note_id)

    def _context_menu(self, point: QPoint) -> None:
        menu = self.browser.createStandardContextMenu(point)
        if self.selected_range() is not None:
            add_selection_actions(
                menu, self.palette_colors, self.highlight_selection, self.mark_selection_as_actor
            )
        position = self.browser.char_at(point)
        index = self._layout.index(position) if self._layout and position is not None else None
        for hook in self._menu_hooks:
            hook(menu, index)
        menu.exec(self.browser.viewport().mapToGlobal(point))

    def actor_at(self, index: int) -> int | None:
        """The actor of the (visible) entity at body offset ``index``."""
        hits = self._entities.at(index)
        return hits[0].ref if hits else None

    def _double_clicked(self, position: int) -> None:
        actor_id, _note_id = self._spans_at(position)
        if actor_id is not None:
            self.actor_activated.emit(actor_id)

    def highlight_selection(self, color: str | None = None) -> None:
        """Annotate the selected text with ``color`` (default colour for None)."""
        selected = self.selected_range()
        if self._detail is None or selected is None:
            self.show_message(translate("ReaderEditing", "Select the words to highlight first."))
            return
        self.edits.create_annotation(self._detail.id, *selected, color or self.palette_colors.default_color())
        cursor = self.browser.textCursor()
        cursor.clearSelection()
        self.browser.setTextCursor(cursor)

    def mark_selection_as_actor(self, kind: str, actor_id: int | None = None) -> None:
        """Make the selected words a mention of a new actor of ``kind`` (or of ``actor_id``)."""
        selected = self.selected_range()
        if self._detail is None or selected is None:
            self.show_message(translate("ReaderEditing", "Select the words to mark as an actor first."))
            return
        article_id = self._detail.id
        start, end = selected
        self.edits.correct_actors(
            translate("ReaderEditing", "Mark as actor"),
            [actor_id] if actor_id is not None else [],
            lambda lib: corrections.mark_as_actor(lib, article_id, start, end, kind, actor_id=actor_id),
        )

    def _annotations_written(self, article_id: int) -> None:
        """An undo or redo changed an article's annotations: show the article again if it is this one."""
        if self._detail is not None and article_id == self._detail.id:
            self.reload()
        self.annotations_changed.emit(article_id)

    def _annotation_created(self, row: AnnotationRow) -> None:
        self._apply_annotations(row.article_id, lambda rows: [*rows, row])

    def _annotation_updated(self, row: AnnotationRow) -> None:
        self._apply_annotations(row.article_id, lambda rows: [row if r.id == row.id else r for r in rows])

    def _annotation_deleted(self, article_id: int, annotation_id: int) -> None:
        self._apply_annotations(article_id, lambda rows: [r for r in rows if r.id != annotation_id])

    def _apply_annotations(
        self, article_id: int, change: Callable[[list[AnnotationRow]], list[AnnotationRow]]
    ) -> None:
        """Apply one annotation change to the article shown: new highlights, same document."""
        detail = self._detail
        if detail is not None and detail.id == article_id:
            if self.is_loading():  # the article is on its way: load it again, with the change
                self.reload()
            else:
                rows = sorted(change(list(detail.annotations)), key=lambda r: (r.start, r.id))
                self._detail = replace(detail, annotations=tuple(rows))
                self._apply_highlights()
                self.rendered.emit(article_id)
        self.annotations_changed.emit(article_id)

    def _actors_written(self, summary: ChangeSummary) -> None:
        if self._detail is not None and self._detail.id in summary.articles:
            self.reload()
        self.actors_changed.emit()

    def _article_written(self, summary: ChangeSummary) -> None:
        """A quote correction or new article details: show the article again if it is this one."""
        if self._detail is not None and self._detail.id in summary.articles:
            self.reload()
