"""The reading pane: an article with its entities, annotations, search hits and find bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from desktop.core.errors import message_of
from desktop.core.types import ENTITY_TYPES
from desktop.services.dto import ActorRow, ArticleDetail
from desktop.services.window_reads import article_with_actors
from desktop.ui.context import AppContext
from desktop.ui.find_bar import FindBar
from desktop.ui.i18n import translate
from desktop.ui.palette import SHORTCUT_COLORS
from desktop.ui.reader_editing import SelectionEditing
from desktop.ui.reader_layers import ScrollMemory, TransientLayers, as_number
from desktop.ui.reader_quotes import QuoteMarks
from desktop.ui.reader_toolbar import MessageBanner, ReaderToolbar
from desktop.ui.reader_zoom import ZOOM_KEY, ZOOM_STEP, ZoomAndScroll
from desktop.ui.reading_browser import ReadingBrowser
from desktop.ui.reading_doc import DocLayout, build_document, measure_width, reading_font
from desktop.ui.reading_marks import (
    SpanIndex,
    annotation_spans,
    annotation_underlines,
    apply_highlights,
    mention_spans,
)

CHOOSE_ARTICLE = QT_TRANSLATE_NOOP("ReaderView", "Choose an article in the library to read it here.")
HIDDEN_TYPES_KEY = "reader/hidden_types"


class ReaderPane(SelectionEditing, ZoomAndScroll, QWidget):
    """Shows one article; highlights, notes and actor corrections go through ``self.edits``."""

    article_opened = Signal(int)
    actor_selected = Signal(int)
    annotations_changed = Signal(int)
    actors_changed = Signal()
    rendered = Signal(int)  # after every (re)render of the current article
    annotation_clicked = Signal(int)
    annotation_revealed = Signal(int)  # show_annotation(): the passage is selected and in view
    actor_activated = Signal(int)  # an entity double-clicked in the text: open the actor's dossier
    # ``mention_changed(current, total)`` is ``self.layers.mention_changed``

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.palette_colors = ctx.color_palette()
        self.edits = ctx.edits()  # the window's: annotations and actors
        self.analysis_edits = ctx.analysis_edits()  # the window's: quotes, article details
        hidden = ctx.settings.value(HIDDEN_TYPES_KEY, []) or []
        self._visible: set[str] = {
            t for t in ENTITY_TYPES if t not in (hidden if isinstance(hidden, list) else [hidden])
        }
        self._zoom = int(as_number(ctx.settings.value(ZOOM_KEY, 100), 100))
        self._detail: ArticleDetail | None = None
        self._actors: dict[int, ActorRow] = {}
        self._layout: DocLayout | None = None
        self._entities = SpanIndex([])
        self._annotations = SpanIndex([])
        self.scroll_memory = ScrollMemory(ctx.settings)
        self._requested: int | None = None
        self._opening = False  # an open_article() load is on its way
        self._loading = False  # a load of the article is on its way
        self._query: str | None = None
        self._reveal: int | None = None  # annotation to select once its article is shown
        self._flush_hooks: list[Callable[[], None]] = []
        self._menu_hooks: list[Callable[[QMenu, int | None], None]] = []
        self.quote_marks = QuoteMarks(ctx.settings, self)
        # A theme switch reaches the widgets one by one: repaint once every palette has arrived.
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(0)
        self._restyle_timer.timeout.connect(self._restyle)

        self.toolbar = ReaderToolbar(
            self.palette_colors, self._visible, self, quotes=self.quote_marks.is_visible()
        )
        self.banner = MessageBanner(self)
        self.browser = ReadingBrowser(self)
        self.browser.tooltip_provider = self._tooltip
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.find_bar = FindBar(self)
        self.layers = TransientLayers(
            self.browser, self.find_bar, self._scroll_to_index, self._top_index, self
        )
        self.mention_changed = self.layers.mention_changed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.toolbar, self.banner, self.browser, self.find_bar):
            layout.addWidget(widget, 1 if widget is self.browser else 0)
        self.highlight_actions: dict[str, QAction] = {}
        self._add_action("default", "Ctrl+H", None)
        for n, color in enumerate(SHORTCUT_COLORS, start=1):
            self._add_action(color, f"Ctrl+{n}", color)

        self.palette_colors.changed.connect(self._name_actions)
        self.toolbar.type_toggled.connect(self._set_type_visible)
        self.toolbar.quotes_toggled.connect(self.set_quotes_visible)
        self.browser.double_clicked.connect(self._double_clicked)
        self.toolbar.highlight_requested.connect(self.highlight_selection)
        self.browser.clicked.connect(self._clicked)
        self.browser.zoom_requested.connect(lambda step: self.set_zoom(self._zoom + step * ZOOM_STEP))
        self.browser.customContextMenuRequested.connect(self._context_menu)
        self.edits.annotations_changed.connect(self._annotations_written)
        self.edits.annotation_created.connect(self._annotation_created)
        self.edits.annotation_updated.connect(self._annotation_updated)
        self.edits.annotation_deleted.connect(self._annotation_deleted)
        self.edits.actors_changed.connect(self._actors_written)
        self.edits.failed.connect(self.show_message)
        self.analysis_edits.quotes_changed.connect(self._article_written)
        self.analysis_edits.article_changed.connect(self._article_written)
        self.analysis_edits.failed.connect(self.show_message)
        self._placeholder(translate("ReaderView", CHOOSE_ARTICLE))

    def _add_action(self, name: str, keys: str, color: str | None) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.highlight_selection(color))
        self.addAction(action)
        self.highlight_actions[name] = action
        self._name_action(name)

    def _name_actions(self) -> None:
        for name in self.highlight_actions:
            self._name_action(name)

    def _name_action(self, name: str) -> None:
        """Name a highlight action by the colour's meaning ("Highlight: Important (yellow)")."""
        colors = self.palette_colors
        label = colors.label(colors.default_color() if name == "default" else name)
        self.highlight_actions[name].setText(
            translate("ReaderView", "Highlight in the default colour: {label}").format(label=label)
            if name == "default"
            else translate("ReaderView", "Highlight: {label}").format(label=label)
        )

    # --- public API ---------------------------------------------------------------------------------
    def current_article_id(self) -> int | None:
        """The article shown (None before the first one is loaded)."""
        return self._detail.id if self._detail else None

    def detail(self) -> ArticleDetail | None:
        """The article as last loaded."""
        return self._detail

    def article_actors(self) -> list[ActorRow]:
        """The actors of the article shown, most mentioned first."""
        return list(self._actors.values())

    def add_menu_hook(self, hook: Callable[[QMenu, int | None], None]) -> None:
        """Let ``hook(menu, body offset or None)`` add entries to the text's context menu."""
        self._menu_hooks.append(hook)

    def set_quotes_visible(self, on: bool) -> None:
        """Mark quoted messages in the text (True) or not (remembered)."""
        if self.quote_marks.set_visible(on):
            self.toolbar.quotes_box.setChecked(bool(on))
            self._apply_highlights()

    def add_flush_hook(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` before switching articles and in save_state (e.g. to save a note being typed)."""
        self._flush_hooks.append(hook)

    def open_article(self, article_id: int, highlight_query: str | None = None) -> None:
        """Load an article in the background, render it, then emit article_opened."""
        self._leave_article()
        self._reveal = None
        self._query = highlight_query.strip() if highlight_query and highlight_query.strip() else None
        self._load(article_id, opening=True)

    def show_annotation(self, article_id: int, annotation_id: int) -> None:
        """Show an annotation's passage, selected and in view (opening its article unless shown)."""
        if self._detail is not None and self._detail.id == article_id and not self._opening:
            self._reveal = annotation_id
            self._reveal_pending()
        else:
            self.open_article(article_id)
            self._reveal = annotation_id

    def _reveal_pending(self) -> None:
        annotation_id, self._reveal = self._reveal, None
        if annotation_id is None:
            return
        span = next((s for s in self._annotations.spans if s.ref == annotation_id), None)
        if span is None:
            self.show_message(
                translate("ReaderView", "The passage of this note is no longer found in the text.")
            )
            return
        self.select_range(span.start, span.end)
        self._scroll_to_index(span.start)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        self.annotation_revealed.emit(annotation_id)

    def close_article(self, text: str = "") -> None:
        """Show no article (the one shown was deleted)."""
        self._leave_article()
        self._detail, self._layout, self._requested, self._opening = None, None, None, False
        self._entities, self._annotations = SpanIndex([]), SpanIndex([])
        self.browser.set_underlines([])
        self._placeholder(text or translate("ReaderView", CHOOSE_ARTICLE))

    def flush_edits(self) -> None:
        """Queue what is being typed (a note) before the article changes under it."""
        for hook in list(self._flush_hooks):
            hook()

    def reload(self) -> None:
        """Load the current article again (after an edit), keeping the reading position."""
        if self._opening:  # an article is being opened: open it again, with fresh data
            self._load(self._requested, opening=True)  # type: ignore[arg-type]
        elif self._detail is not None:
            self._load(self._detail.id, opening=False)

    def save_state(self) -> None:
        """Save notes being typed, finish pending writes and remember the reading position."""
        self._leave_article()
        self.edits.drain()

    def show_find_bar(self) -> None:
        """Open the find bar (Ctrl+F in the main window)."""
        self.find_bar.open_bar()

    def show_message(self, text: str) -> None:
        """A one-line notice above the text (errors of background edits)."""
        self.banner.show_message(text)

    # --- loading and rendering ---------------------------------------------------------------------
    def _leave_article(self) -> None:
        self.flush_edits()
        self._remember_scroll()

    def _load(self, article_id: int, *, opening: bool) -> None:
        library = self.ctx.library
        self._requested = article_id
        self._opening = opening
        self._loading = True

        def work(_control: object) -> tuple[ArticleDetail, list[ActorRow]]:
            return article_with_actors(library, article_id)

        self.ctx.tasks.run(
            work,
            lambda result: self._loaded(result, opening),
            self._load_failed,
            key=f"reader-load-{id(self)}",
        )

    def is_loading(self) -> bool:
        """True while the article is being (re)loaded: a change arriving now is in the new data or not."""
        return self._loading

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self._opening = False
        if self._detail is None or self._requested != self._detail.id:
            self._detail = None
            self._layout = None
            self._placeholder(message_of(error))
        else:
            self.show_message(message_of(error))

    def _loaded(self, result: tuple[ArticleDetail, list[ActorRow]], opening: bool) -> None:
        detail, actors = result
        self._loading = False
        self._opening = False
        same = self._detail is not None and self._detail.id == detail.id
        by_id = {a.id: a for a in actors}
        if same and not opening and detail == self._detail and by_id == self._actors:
            self.rendered.emit(detail.id)  # nothing of it changed (another article did): keep the page
            return
        top = self._top_index() if same and not opening else None
        self._detail = detail
        self._actors = by_id
        self._render(new_article=opening)
        if top is not None:
            self._scroll_to_index(top, top=True)
        elif opening and self._query:
            hits = self.layers.set_query(self._query)
            self._scroll_to_index(hits[0][0] if hits else 0, top=not hits)
        elif opening:
            self._scroll_to_index(self.scroll_memory.recall(detail.id), top=True)
        if opening:
            self.article_opened.emit(detail.id)
        self.rendered.emit(detail.id)
        if opening and self._reveal is not None:
            self._reveal_pending()

    def _render(self, *, new_article: bool = False) -> None:
        detail = self._detail
        if detail is None:
            return
        font = reading_font(self.point_size())
        self.browser.setFont(font)  # the document's default font follows the widget's
        palette = self.browser.palette()
        self._layout = build_document(self.browser.document(), detail, font, palette, self._mark)
        self.browser.set_measure(measure_width(font))
        self.layers.update(detail, self._layout, self._actors, new_article=new_article)

    def _mark(self, layout: DocLayout) -> None:
        """Highlights on a body just built, before Qt lays it out (see ``build_document``)."""
        self._layout = layout
        self._apply_highlights(fresh=True)

    def _apply_highlights(self, *, fresh: bool = False) -> None:
        """Mark entities, notes and quotes (``fresh``: on a body just built, see ``apply_highlights``)."""
        if self._detail is None or self._layout is None:
            return
        entities = [s for s in mention_spans(self._detail.mentions) if s.key in self._visible]
        notes = annotation_spans(self._detail.annotations)
        self._entities = SpanIndex(entities)
        self._annotations = SpanIndex(notes)
        self.quote_marks.set_quotes(self._detail.quotes)
        palette = self.browser.palette()
        quotes = self.quote_marks.spans()
        apply_highlights(self.browser.document(), self._layout, entities, notes, palette, quotes, fresh=fresh)
        self.browser.set_underlines(annotation_underlines(self._layout, notes))
        self.browser.set_bars(self.quote_marks.bars(self._layout, palette))

    def _placeholder(self, text: str) -> None:
        doc = self.browser.document()
        frame = doc.rootFrame().frameFormat()
        doc.clear()
        doc.rootFrame().setFrameFormat(frame)  # the page margins stay: the next article is laid out once
        doc.setDefaultFont(reading_font(self.point_size()))
        QTextCursor(doc).insertText(text)
        self.layers.clear()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._restyle_timer.start()

    def _restyle(self) -> None:
        """Paint the article again in the current palette (text, tints, highlights, transient layers)."""
        if self._detail is None:
            return
        top = self._top_index()
        self._render()
        self._scroll_to_index(top, top=True)
        self.rendered.emit(self._detail.id)

    def _set_type_visible(self, kind: str, visible: bool) -> None:
        self._visible = (self._visible | {kind}) if visible else (self._visible - {kind})
        self.ctx.settings.setValue(HIDDEN_TYPES_KEY, [t for t in ENTITY_TYPES if t not in self._visible])
        self._apply_highlights()

    def highlight_actor(self, actor_id: int | None) -> None:
        """Mark every mention of an actor strongly (None: none)."""
        self.layers.highlight_actor(actor_id)

    def step_mention(self, step: int) -> None:
        """Scroll to the next (1) or previous (-1) mention of the highlighted actor."""
        self.layers.step_mention(step)

    def layout_info(self) -> DocLayout | None:
        """Where the body starts in the document."""
        return self._layout
