"""The analyst's views of the main window: actor dossiers, the relations network, article details,
the quote marks' menu entry and the background analysis of older articles.

Kept out of main_window.py: this object adds its menu entries and connects the panes' signals
(an actor double-clicked anywhere opens its dossier; a click in a dossier or the network shows
the place or the actor in the window) and tells every open view when the library changed (an
import, a correction, an undo, another program, the background analysis).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from desktop.core.errors import message_of
from desktop.services.article_meta import ArticleMeta, article_meta
from desktop.ui.article_meta_dialog import ArticleMetaDialog
from desktop.ui.i18n import translate
from desktop.ui.paths import action_icon
from desktop.ui.place_opener import PlaceOpener
from desktop.ui.reader_view import ReaderPane
from desktop.ui.reanalysis_runner import ReanalysisRunner
from desktop.ui.sidebar_view import Sidebar

if TYPE_CHECKING:  # the dossier and relations windows (and numpy) are imported on first use
    from desktop.ui.dossier_view import DossierWindow
    from desktop.ui.main_window import MainWindow
    from desktop.ui.network_view import NetworkWindow


def _menu(window: MainWindow, title: str) -> QMenu | None:
    """The menu bar's menu called ``title`` (with its mnemonic)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title() == title:
            return menu
    return None


class AnalysisViews(QObject):
    """Dossiers, the network, article details and the background analysis of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.reader = window.reader if isinstance(window.reader, ReaderPane) else None
        self.sidebar = window.sidebar if isinstance(window.sidebar, Sidebar) else None
        self._dossier: DossierWindow | None = None
        self._network: NetworkWindow | None = None
        self._actor_id: int | None = None
        self.places = PlaceOpener(self.reader, self._open_article, self) if self.reader else None
        self.reanalysis = ReanalysisRunner(self.ctx, window.statusBar(), self)
        self.reanalysis.message.connect(window.show_status)
        self.reanalysis.finished.connect(self._reanalysed)
        self._add_actions()
        self._connect()
        window.installEventFilter(self)

    # --- construction ------------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _add_actions(self) -> None:
        window = self.window
        self.dossier_action = self._action(
            translate("AnalysisViews", "Actor &Dossier"),
            self.open_selected_dossier,
            "Ctrl+Shift+D",
            translate("AnalysisViews", "Everything about the selected actor"),
        )
        self.dossier_action.setIcon(action_icon("dossier"))
        self.network_action = self._action(
            translate("AnalysisViews", "&Relations"),
            self.open_network,
            "Ctrl+Shift+R",
            translate("AnalysisViews", "Who is named with whom: the actors' network"),
        )
        self.network_action.setIcon(action_icon("relations"))
        self.details_action = self._action(
            translate("AnalysisViews", "Edit Article &Details…"),
            self.edit_current_article,
            "F2",
            translate("AnalysisViews", "Title, publication date and source"),
        )
        self.quotes_action = QAction(translate("AnalysisViews", "Show &Quotes"), window, checkable=True)
        self.quotes_action.setToolTip(translate("AnalysisViews", "Mark who said what in the text"))
        if self.reader is not None:
            self.quotes_action.setChecked(self.reader.quote_marks.is_visible())
            self.quotes_action.toggled.connect(self.reader.set_quotes_visible)
            self.reader.quote_marks.visibility_changed.connect(self.quotes_action.setChecked)
        view_menu = _menu(window, translate("WindowMenus", "&View"))
        article_menu = _menu(window, translate("WindowMenus", "&Article")) or _menu(
            window, translate("WindowMenus", "&Edit")
        )
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.quotes_action)
        if article_menu is not None:
            article_menu.addSeparator()
            article_menu.addAction(self.details_action)
        actors_menu = QMenu(translate("AnalysisViews", "A&ctors"), window)
        actors_menu.addActions([self.dossier_action, self.network_action])
        help_menu = _menu(window, translate("WindowMenus", "&Help"))
        bar = window.menuBar()
        bar.insertMenu(help_menu.menuAction(), actors_menu) if help_menu is not None else bar.addMenu(
            actors_menu
        )
        self.actors_menu = actors_menu
        # The library list: article details from its context menu.
        library_view = window.library_pane.view
        library_details = self._action(
            translate("AnalysisViews", "Edit Title, Date and Source…"), self.edit_selected_article
        )
        library_view.addAction(library_details)
        library_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # The library's actor filter: a button in the field opens the chosen actor's dossier.
        combo = window.library_pane.actor_combo
        self.filter_dossier_action = QAction(
            action_icon("dossier"), translate("AnalysisViews", "Open the dossier of this actor"), combo
        )
        self.filter_dossier_action.setToolTip(
            translate("AnalysisViews", "Open the dossier of the actor chosen here")
        )
        self.filter_dossier_action.triggered.connect(self._filter_dossier)
        field = combo.lineEdit()
        if field is not None:
            field.addAction(self.filter_dossier_action, QLineEdit.ActionPosition.TrailingPosition)
        combo.currentIndexChanged.connect(lambda _i: self._update_filter_button())
        self._update_filter_button()

    def _connect(self) -> None:
        window = self.window
        window.import_finished.connect(lambda _results: self.library_changed())
        window.watcher.changed.connect(self.library_changed)
        if self.reader is not None:
            reader = self.reader
            reader.actor_activated.connect(self.open_dossier)
            reader.actor_selected.connect(self._actor_selected)
            reader.actors_changed.connect(self.library_changed)
            reader.annotations_changed.connect(lambda _id: self.library_changed())
            reader.analysis_edits.quotes_changed.connect(self._quotes_changed)
            reader.analysis_edits.article_changed.connect(self._article_details_changed)
            reader.article_opened.connect(lambda _id: self._update_context())
            reader.add_menu_hook(self._extend_text_menu)
        if self.sidebar is not None:
            self.sidebar.actor_activated.connect(self.open_dossier)
            self.sidebar.actor_selected.connect(self._actor_selected)
        window.startup_done.connect(self.reanalysis.start)

    # --- the views ---------------------------------------------------------------------------------
    def dossier_window(self) -> DossierWindow:
        """The dossier window (created on first use)."""
        if self._dossier is None:
            from desktop.ui.dossier_view import DossierWindow

            self._dossier = DossierWindow(self.ctx, self.window)
            self._dossier.place_requested.connect(self.show_place)
            self._dossier.article_requested.connect(self._show_article)
        return self._dossier

    def network_window(self) -> NetworkWindow:
        """The relations window (created on first use)."""
        if self._network is None:
            from desktop.ui.network_view import NetworkWindow

            self._network = NetworkWindow(self.ctx, self.window)
            self._network.actor_selected.connect(self._network_selected)
            self._network.actor_activated.connect(self.open_dossier)
            self._update_context()
        return self._network

    def open_dossier(self, actor_id: int) -> None:
        """Show an actor's dossier (raising its window)."""
        dossier = self.dossier_window()
        dossier.show_actor(actor_id)
        dossier.show()
        dossier.raise_()
        dossier.activateWindow()

    def open_selected_dossier(self) -> None:
        """Actors ▸ Actor Dossier: the actor selected in the window."""
        if self._actor_id is None:
            self.window.show_status(
                translate(
                    "AnalysisViews", "Select an actor first: in the sidebar, in the text or in the relations."
                )
            )
            return
        self.open_dossier(self._actor_id)

    def open_network(self) -> None:
        """Actors ▸ Relations."""
        network = self.network_window()
        self._update_context()
        network.show()
        network.raise_()
        network.activateWindow()
        network.request()

    def show_place(self, article_id: int, start: int, end: int) -> None:
        """Open an article at a passage (from a dossier) and bring the main window forward."""
        if self.places is not None:
            self.places.show(article_id, start, end)
        else:
            self._open_article(article_id)
        self.window.raise_()
        self.window.activateWindow()

    def _show_article(self, article_id: int) -> None:
        self._open_article(article_id)
        self.window.raise_()
        self.window.activateWindow()

    def _open_article(self, article_id: int) -> None:
        self.window.open_article(article_id, None)

    # --- selection and changes ---------------------------------------------------------------------
    def _actor_selected(self, actor_id: int) -> None:
        self._actor_id = actor_id
        if self._network is not None:
            self._network.select_actor(actor_id)

    def _network_selected(self, actor_id: int) -> None:
        self._actor_id = actor_id
        if self.reader is not None:
            self.reader.highlight_actor(actor_id)
        if self.sidebar is not None:
            self.sidebar.actors.select_actor(actor_id)

    def _update_context(self) -> None:
        if self._network is not None:
            self._network.set_context(self.window.current_article_id(), self._actor_id)

    def library_changed(self) -> None:
        """Something in the library changed: the open dossier and network load again."""
        if self._dossier is not None:
            self._dossier.refresh()
        if self._network is not None:
            self._network.refresh()

    def _quotes_changed(self, _summary: object) -> None:
        """A quote correction (a method, not a lambda: the window's edit controller outlives this view)."""
        self.library_changed()

    def _article_details_changed(self, _summary: object) -> None:
        self.window.library_pane.refresh(keep_view=True)
        self.library_changed()

    def _reanalysed(self, results: list[object]) -> None:
        if not results:
            return
        if self.reader is not None:
            self.reader.reload()
        self.library_changed()

    # --- article details ---------------------------------------------------------------------------
    def edit_current_article(self) -> None:
        """Article ▸ Edit Article Details: the article in the reading pane."""
        article_id = self.window.current_article_id()
        if article_id is None:
            self.window.show_status(translate("AnalysisViews", "Open an article first."))
            return
        self.edit_article(article_id)

    def edit_selected_article(self) -> None:
        """The library list's context menu: the article selected there."""
        article_id = self.window.library_pane.selected_article_id()
        if article_id is not None:
            self.edit_article(article_id)

    def edit_article(self, article_id: int) -> None:
        """Ask for an article's title, date and source, then change them (undoably)."""
        library = self.ctx.library
        self.ctx.tasks.run(
            lambda _control: article_meta(library, article_id),
            lambda meta: self._ask_details(article_id, meta),
            lambda error: self.window.show_status(message_of(error)),
        )

    def _ask_details(self, article_id: int, meta: ArticleMeta) -> None:
        detail = self.reader.detail() if self.reader is not None else None
        imported = detail.imported_at[:10] if detail is not None and detail.id == article_id else ""
        values = ArticleMetaDialog.ask(self.window, meta, imported)
        if values is None or self.reader is None:
            return
        if (values.title, values.published, values.outlet) == (meta.title, meta.published, meta.outlet):
            return
        self.reader.analysis_edits.edit_article(article_id, values.title, values.published, values.outlet)

    # --- small pieces ------------------------------------------------------------------------------
    def _extend_text_menu(self, menu: QMenu, index: int | None) -> None:
        reader = self.reader
        if reader is None or reader.detail() is None:
            return
        menu.addSeparator()
        actor_id = reader.actor_at(index) if index is not None else None
        if actor_id is not None:
            menu.addAction(translate("AnalysisViews", "Open Dossier"), lambda: self.open_dossier(actor_id))
        menu.addAction(self.details_action)

    def _filter_dossier(self) -> None:
        actor_id = self.window.library_pane.actor_combo.currentData()
        if isinstance(actor_id, int):
            self.open_dossier(actor_id)

    def _update_filter_button(self) -> None:
        self.filter_dossier_action.setVisible(
            isinstance(self.window.library_pane.actor_combo.currentData(), int)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.reanalysis.cancel()
            for view in (self._dossier, self._network):
                if isinstance(view, QWidget):
                    view.close()
        return False
