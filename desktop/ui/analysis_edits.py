"""Undoable corrections of quotes and of an article's title, date and source, written in the background.

The same pattern as the annotation and actor edits (desktop/ui/undo.py): each change runs on the
window's write queue, then lands on the window's undo stack as a command whose first redo
is a no-op; undo and redo restore the exact state before and after (the services return both).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.core.errors import message_of
from desktop.services import article_meta
from desktop.services.article_meta import ArticleMeta, ArticleMetaChange
from desktop.services.dto import ChangeSummary
from desktop.ui.i18n import translate
from desktop.ui.undo import QueuedCommand

if TYPE_CHECKING:
    from desktop.services.quote_corrections import QuoteChange
    from desktop.ui.context import AppContext


def _quote_corrections() -> ModuleType:
    """The quote corrections service, imported at the first quote edit (not on the window's start)."""
    from desktop.services import quote_corrections

    return quote_corrections


class QuoteCommand(QueuedCommand):
    """A quote correction: undo restores the article's quotes before it, redo those after it."""

    def __init__(self, controller: AnalysisEdits, text: str, change: QuoteChange) -> None:
        super().__init__(controller, text)
        self.edits = controller
        self.change = change

    def do_undo(self) -> Any:
        return _quote_corrections().restore_quotes(self.edits.ctx.library, self.change.before)

    def do_redo(self) -> Any:
        return _quote_corrections().restore_quotes(self.edits.ctx.library, self.change.after)

    def after(self, result: Any) -> None:
        self.edits.quotes_changed.emit(result)


class ArticleMetaCommand(QueuedCommand):
    """An edit of title, publication date and source: undo writes the values before it back."""

    def __init__(self, controller: AnalysisEdits, change: ArticleMetaChange) -> None:
        super().__init__(controller, translate("AnalysisEdits", "Edit article details"))
        self.edits = controller
        self.change = change

    def _write(self, meta: ArticleMeta) -> ChangeSummary:
        library = self.edits.ctx.library
        return article_meta.edit_article(
            library, self.change.article_id, title=meta.title, published=meta.published, outlet=meta.outlet
        ).summary

    def do_undo(self) -> Any:
        return self._write(self.change.before)

    def do_redo(self) -> Any:
        return self._write(self.change.after)

    def after(self, result: Any) -> None:
        self.edits.article_changed.emit(result)


class AnalysisEdits(QObject):
    """Reassign a quote's speaker, "not a quote", a selection as a quote, and article details."""

    quotes_changed = Signal(object)  # ChangeSummary (articles, speakers, quotes touched)
    article_changed = Signal(object)  # ChangeSummary (the article whose details changed)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.queue = ctx.write_queue()  # the window's one queue: after every edit submitted before

    def _error(self, prefix: str) -> Callable[[BaseException], None]:
        return lambda error: self.failed.emit(f"{prefix}: {message_of(error)}")

    def _quote_edit(self, text: str, operation: Callable[[], QuoteChange]) -> None:
        def done(change: QuoteChange) -> None:
            self.ctx.undo_stack.push(QuoteCommand(self, text, change))
            self.quotes_changed.emit(change.summary)

        self.queue.submit(
            operation, done, self._error(translate("AnalysisEdits", "{action} failed").format(action=text))
        )

    def reassign_speaker(self, quote_id: int, actor_id: int | None) -> None:
        """Another speaker for a quote (None: no speaker named)."""
        library = self.ctx.library
        self._quote_edit(
            translate("AnalysisEdits", "Change speaker"),
            lambda: _quote_corrections().reassign_speaker(library, quote_id, actor_id),
        )

    def reject_quote(self, quote_id: int) -> None:
        """ "Not a quote"."""
        library = self.ctx.library
        self._quote_edit(
            translate("AnalysisEdits", "Not a quote"),
            lambda: _quote_corrections().reject_quote(library, quote_id),
        )

    def mark_quote(
        self, article_id: int, start: int, end: int, actor_id: int | None, kind: str = "direct"
    ) -> None:
        """Mark [start, end) of an article as a statement by ``actor_id`` (None: nobody named)."""
        library = self.ctx.library
        self._quote_edit(
            translate("AnalysisEdits", "Mark as quote"),
            lambda: _quote_corrections().mark_quote(library, article_id, start, end, actor_id, kind=kind),
        )

    def edit_article(self, article_id: int, title: str, published: str | None, outlet: str | None) -> None:
        """Set an article's title, publication date (YYYY-MM-DD or None) and outlet."""
        library = self.ctx.library

        def done(change: ArticleMetaChange) -> None:
            if change.before != change.after:
                self.ctx.undo_stack.push(ArticleMetaCommand(self, change))
            self.article_changed.emit(change.summary)

        self.queue.submit(
            lambda: article_meta.edit_article(
                library, article_id, title=title, published=published or "", outlet=outlet or ""
            ),
            done,
            self._error(translate("AnalysisEdits", "Could not change the article's details")),
        )
