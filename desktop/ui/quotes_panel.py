"""The Quotes tab of the sidebar: who said what in the article shown, and the corrections of quotes.

Statements are grouped by speaker; a click selects the message in the text. Change the speaker,
"Not a quote" and "Mark selection as quote" go through the undo stack (``reader.analysis_edits``);
the same corrections are offered in the text's context menu.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dto import ChangeSummary, QuoteRow
from desktop.ui.context import AppContext
from desktop.ui.i18n import plural, translate
from desktop.ui.place_opener import PlaceOpener
from desktop.ui.quotes_model import QuoteTreeModel
from desktop.ui.reader_view import ReaderPane
from desktop.ui.speaker_dialog import NO_SPEAKER, SpeakerDialog, speaker_order
from desktop.ui.tree_groups import expand_groups

MENU_SPEAKERS = 24  # speakers offered in a menu; the dialog lists them all


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the tree's current width (QTreeView does not say it)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        margin = self._tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._tree) + 1
        width = self._tree.viewport().width() - self._tree.indentation() * (depth + 1) - 2 * margin
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if width <= 40 or not text:
            return hint
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        metrics = self._tree.fontMetrics() if font is None else QFontMetrics(font)
        rect = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, max(hint.height(), rect.height() + 6))


class QuotesPanel(QWidget):
    """The article's statements by speaker, with speaker, "not a quote" and "mark as quote" corrections."""

    actor_activated = Signal(int)  # a speaker double-clicked: open the dossier
    quote_selected = Signal(int)

    def __init__(self, ctx: AppContext, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reader = reader
        self.edits = reader.analysis_edits
        self.opener = PlaceOpener(reader, parent=self)
        self._article: int | None = None
        self._wanted: tuple[int, ...] = ()  # quotes to select once the article is shown again
        self.model = QuoteTreeModel(self)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.viewport().installEventFilter(self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated.connect(self._on_activated)
        self.tree.selectionModel().currentChanged.connect(lambda _c, _p: self._update_buttons())
        self.speaker_button = QPushButton(translate("QuotesPanel", "Speaker"), self)
        self.speaker_button.setToolTip(translate("QuotesPanel", "Say who made the selected statement"))
        self.speaker_menu = QMenu(self)
        self.speaker_menu.aboutToShow.connect(self._fill_speaker_menu)
        self.speaker_button.setMenu(self.speaker_menu)
        self.reject_button = QPushButton(translate("QuotesPanel", "Not a quote"), self)
        self.reject_button.setToolTip(
            translate("QuotesPanel", "Remove the selected statement; it is not found again")
        )
        self.reject_button.clicked.connect(self._reject_current)
        self.mark_button = QPushButton(translate("QuotesPanel", "Mark selection as quote…"), self)
        self.mark_button.setToolTip(
            translate("QuotesPanel", "Make the words selected in the text a statement and say who made it")
        )
        self.mark_button.clicked.connect(self.mark_selection)
        row = QHBoxLayout()
        row.addWidget(self.speaker_button)
        row.addWidget(self.reject_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(self.mark_button)
        reader.rendered.connect(self._from_reader)
        reader.add_menu_hook(self._extend_text_menu)
        self.edits.quotes_changed.connect(self._quotes_written)
        self._show([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.tree.scheduleDelayedItemsLayout()  # rows wrap to the new width
        return super().eventFilter(watched, event)

    # --- data ------------------------------------------------------------------------------------
    def _from_reader(self, article_id: int) -> None:
        detail = self.reader.detail()
        if detail is None or detail.id != article_id:
            return
        if article_id != self._article:
            self._wanted = ()
        self._article = article_id
        self._show(list(detail.quotes))

    def _show(self, quotes: list[QuoteRow]) -> None:
        current = self.current_quote()
        keep = self._wanted or ((current.id,) if current is not None else ())
        self.model.set_quotes(quotes)
        expand_groups(self.tree)
        self._wanted = ()
        for quote_id in keep:
            index = self.model.index_of_quote(quote_id)
            if index.isValid():
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.tree.scrollTo(index)
                break
        count, speakers = len(quotes), sum(1 for g in self.model.groups() if g.speaker_id is not None)
        if self.reader.detail() is None:
            self.summary.setText(translate("QuotesPanel", "Open an article to see who said what in it."))
        elif count == 0:
            self.summary.setText(
                translate(
                    "QuotesPanel",
                    "No statements were found in this article. Select words in the text to mark one.",
                )
            )
        else:
            self.summary.setText(
                plural(
                    count,
                    translate("QuotesPanel", "1 statement"),
                    translate("QuotesPanel", "{n} statements"),
                )
                + " "
                + plural(
                    speakers,
                    translate("QuotesPanel", "by 1 named speaker."),
                    translate("QuotesPanel", "by {n} named speakers."),
                )
                + " "
                + translate("QuotesPanel", "Click one to find it in the text.")
            )
        self._update_buttons()

    def quotes(self) -> list[QuoteRow]:
        """The statements listed, in list order."""
        return [q for g in self.model.groups() for q in g.quotes]

    def current_quote(self) -> QuoteRow | None:
        """The statement selected in the list."""
        return self.model.quote(self.tree.currentIndex())

    def select_quote(self, quote_id: int) -> bool:
        """Select a statement in the list and show it in the text (False when it is not listed)."""
        index = self.model.index_of_quote(quote_id)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)
        self._on_clicked(index)
        return True

    def _update_buttons(self) -> None:
        has_quote = self.current_quote() is not None
        self.speaker_button.setEnabled(has_quote)
        self.reject_button.setEnabled(has_quote)
        self.mark_button.setEnabled(self.reader.detail() is not None)

    def _quotes_written(self, summary: ChangeSummary) -> None:
        if self._article in summary.articles:
            self._wanted = tuple(summary.quotes)

    # --- interaction -----------------------------------------------------------------------------
    def _on_clicked(self, index: QModelIndex) -> None:
        quote = self.model.quote(index)
        if quote is not None:
            self.opener.show(quote.article_id, quote.start, quote.end)
            self.quote_selected.emit(quote.id)

    def _on_activated(self, index: QModelIndex) -> None:
        group = self.model.group(index)
        if self.model.quote(index) is None and group is not None and group.speaker_id is not None:
            self.actor_activated.emit(group.speaker_id)

    def _speaker_actions(self, menu: QMenu, quote: QuoteRow) -> None:
        actors = speaker_order(self.reader.article_actors())
        none = menu.addAction(
            translate("SpeakerDialog", NO_SPEAKER), lambda: self.edits.reassign_speaker(quote.id, None)
        )
        none.setCheckable(True)
        none.setChecked(quote.speaker_id is None)
        menu.addSeparator()
        for actor in actors[:MENU_SPEAKERS]:
            action = menu.addAction(actor.name, partial(self.edits.reassign_speaker, quote.id, actor.id))
            action.setCheckable(True)
            action.setChecked(actor.id == quote.speaker_id)
        if len(actors) > MENU_SPEAKERS:
            menu.addAction(translate("QuotesPanel", "Other…"), lambda: self._ask_speaker(quote))

    def _fill_speaker_menu(self) -> None:
        self.speaker_menu.clear()
        quote = self.current_quote()
        if quote is not None:
            self._speaker_actions(self.speaker_menu, quote)

    def _ask_speaker(self, quote: QuoteRow) -> None:
        choice = SpeakerDialog.ask(self, self.reader.article_actors(), quote.text, quote.speaker_id)
        if choice is not None and choice.actor_id != quote.speaker_id:
            self.edits.reassign_speaker(quote.id, choice.actor_id)

    def _reject_current(self) -> None:
        quote = self.current_quote()
        if quote is not None:
            self.edits.reject_quote(quote.id)

    def mark_selection(self) -> None:
        """Ask who said the words selected in the text, then mark them as their statement."""
        detail, selected = self.reader.detail(), self.reader.selected_range()
        if detail is None or selected is None:
            self.reader.show_message(
                translate("QuotesPanel", "Select the words of the statement in the text first.")
            )
            return
        start, end = selected
        choice = SpeakerDialog.ask(self, self.reader.article_actors(), detail.text[start:end])
        if choice is not None:
            self.edits.mark_quote(detail.id, start, end, choice.actor_id, choice.kind)

    def _quote_menu(self, menu: QMenu, quote: QuoteRow) -> None:
        speakers = menu.addMenu(translate("QuotesPanel", "Change speaker"))
        self._speaker_actions(speakers, quote)
        menu.addAction(translate("QuotesPanel", "Not a quote"), lambda: self.edits.reject_quote(quote.id))
        if quote.speaker_id is not None:
            speaker = quote.speaker_id
            menu.addAction(
                translate("QuotesPanel", "Dossier of {name}").format(name=quote.speaker_name)
                if quote.speaker_name
                else translate("QuotesPanel", "Dossier of the speaker"),
                lambda: self.actor_activated.emit(speaker),
            )

    def _tree_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        quote, group = self.model.quote(index), self.model.group(index)
        menu = QMenu(self)
        if quote is not None:
            self._quote_menu(menu, quote)
        elif group is not None and group.speaker_id is not None:
            speaker = group.speaker_id
            menu.addAction(
                translate("QuotesPanel", "Dossier of {name}").format(name=group.name),
                lambda: self.actor_activated.emit(speaker),
            )
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(point))

    def _extend_text_menu(self, menu: QMenu, index: int | None) -> None:
        """The text's context menu: corrections of the statement under the mouse, or mark the selection."""
        quote = self.reader.quote_marks.quote_at(index)
        if quote is None and self.reader.selected_range() is None:
            return
        menu.addSeparator()
        if quote is not None:
            who = quote.speaker_name or translate("QuotesPanel", "no speaker named")
            self._quote_menu(
                menu.addMenu(translate("QuotesPanel", "Statement ({who})").format(who=who)), quote
            )
        if self.reader.selected_range() is not None:
            menu.addAction(translate("QuotesPanel", "Mark as quote…"), self.mark_selection)
