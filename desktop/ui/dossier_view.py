"""An actor's dossier in a window of its own: names, roles, timeline, statements, related actors, notes.

One window shows one actor at a time, with a history (Back) for following related actors. It loads
in the background (``services.dossier.load_dossier``) and loads again when the library changes
while it is open. It loads the newest :data:`LISTED` rows of each list first, with the totals and the
whole timeline (the most named actor of a big library is in tens of thousands of articles); Show all
loads every row. Clicking a statement, an article or a note opens that place in the reading pane.
Export writes the whole Markdown dossier (the same as ``briefing-reader dossier NAME --all``) to a file.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import message_of
from desktop.core.timeline import UNITS, Unit
from desktop.services.dossier import load_dossier
from desktop.services.dto import AnnotationRow, Dossier, DossierArticle, QuoteRow, RelatedActor
from desktop.ui.context import AppContext
from desktop.ui.dossier_export import DossierExport
from desktop.ui.dossier_models import (
    RoleSpan,
    RowTableModel,
    article_columns,
    articles_by_id,
    dossier_table,
    note_columns,
    quote_columns,
    related_columns,
    role_columns,
    role_spans,
)
from desktop.ui.i18n import Labels, plural, translate
from desktop.ui.palette import ENTITY_SINGULAR, entity_color
from desktop.ui.paths import action_icon
from desktop.ui.timeline_chart import TimelineChart

GEOMETRY_KEY = "dossier/geometry"
UNIT_KEY = "dossier/timeline_unit"
MAX_ALIASES = 12
LISTED = 500
"""Rows of each list (articles, statements, roles, related actors) a dossier loads first: the newest, or
the most related. The most mentioned actor of 100,000 articles has 35,000; all of them take half a
second or more to load, the newest 500 a tenth of that."""
UNIT_LABELS = Labels(
    "DossierView",
    {
        "week": QT_TRANSLATE_NOOP("DossierView", "per week"),
        "month": QT_TRANSLATE_NOOP("DossierView", "per month"),
    },
)


def is_cut(dossier: Dossier) -> bool:
    """Whether a list of ``dossier`` leaves rows out (it was loaded with a limit, and they were more)."""
    if dossier.totals is None:
        return False
    counts = dossier.counts()
    return (
        len(dossier.quotes) < counts.quotes
        or len(dossier.articles) < counts.articles
        or len(dossier.roles) < counts.roles
        or len(dossier.related) >= LISTED
    )


class DossierWindow(DossierExport, QWidget):
    """Everything the library knows about one actor; double-click a related actor to go there."""

    place_requested = Signal(int, int, int)  # article id, start, end: show that passage
    article_requested = Signal(int)  # open this article
    loaded = Signal(int)  # actor id, after every (re)load
    exported = Signal(str)  # the file written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle(translate("DossierView", "Dossier"))
        self.setWindowIcon(action_icon("dossier"))
        self._actor_id: int | None = None
        self._dossier: Dossier | None = None
        self._history: list[int] = []
        self._complete: int | None = None  # the actor whose every row was asked for (Show all)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(150)
        self._reload.timeout.connect(self._load)
        self._build()
        geometry = ctx.settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(980, 640)
        QShortcut(QKeySequence.StandardKey.Back, self, self.go_back)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)

    # --- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.back_button = QPushButton(translate("DossierView", "◀ Back"), self)
        self.back_button.setToolTip(translate("DossierView", "The dossier shown before this one (Alt+Left)"))
        self.back_button.clicked.connect(self.go_back)
        self.name_label = QLabel("", self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.facts_label = QLabel("", self)
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.aliases_label = QLabel("", self)
        self.aliases_label.setTextFormat(Qt.TextFormat.PlainText)
        self.aliases_label.setWordWrap(True)
        self.all_button = QPushButton(translate("DossierView", "Show all"), self)
        self.all_button.setToolTip(
            translate("DossierView", "Load every article, statement and role (the lists show the newest)")
        )
        self.all_button.clicked.connect(self.show_all)
        self.all_button.hide()
        self.export_button = QPushButton(translate("DossierView", "Export to Markdown…"), self)
        self.export_button.clicked.connect(self.export_markdown)
        self.status_label = QLabel("", self)
        self.status_label.setForegroundRole(self.status_label.foregroundRole().PlaceholderText)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.all_button)
        top.addWidget(self.export_button)

        self.unit_combo = QComboBox(self)
        for unit in UNITS:
            self.unit_combo.addItem(UNIT_LABELS.get(unit, unit), unit)
        stored = str(self.ctx.settings.value(UNIT_KEY, "month"))
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(stored)))
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self.timeline = TimelineChart(self)
        self.timeline_note = QLabel("", self)
        self.timeline_note.setWordWrap(True)
        timeline_head = QHBoxLayout()
        timeline_head.addWidget(QLabel(translate("DossierView", "<b>Articles over time</b>"), self), 1)
        timeline_head.addWidget(self.unit_combo)

        self.related_model: RowTableModel[RelatedActor] = RowTableModel(related_columns(), self)
        self.roles_model: RowTableModel[RoleSpan] = RowTableModel(role_columns(), self)
        self.quotes_model: RowTableModel[QuoteRow] = RowTableModel(quote_columns({}), self)
        self.articles_model: RowTableModel[DossierArticle] = RowTableModel(article_columns(), self)
        self.notes_model: RowTableModel[AnnotationRow] = RowTableModel(note_columns({}), self)
        self.related_view = dossier_table(self, self.related_model, 0)
        self.related_view.doubleClicked.connect(self._related_activated)
        self.related_view.activated.connect(self._related_activated)
        self.roles_view = dossier_table(self, self.roles_model, 0)
        self.quotes_view = dossier_table(self, self.quotes_model, 1, wrap=True, widths={2: 170})
        self.quotes_view.clicked.connect(self._quote_clicked)
        self.articles_view = dossier_table(self, self.articles_model, 1, widths={2: 120})
        self.articles_view.clicked.connect(self._article_clicked)
        self.notes_view = dossier_table(self, self.notes_model, 2, wrap=True, widths={0: 160, 1: 220})
        self.notes_view.clicked.connect(self._note_clicked)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(timeline_head)
        left_layout.addWidget(self.timeline)
        left_layout.addWidget(self.timeline_note)
        self.side_tabs = QTabWidget(left)
        self.side_tabs.addTab(self.related_view, translate("DossierView", "Related actors"))
        self.side_tabs.addTab(self.roles_view, translate("DossierView", "Roles"))
        left_layout.addWidget(self.side_tabs, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.quotes_view, translate("DossierView", "What they said"))
        self.tabs.addTab(self.articles_view, translate("DossierView", "Articles"))
        self.tabs.addTab(self.notes_view, translate("DossierView", "Your notes"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 640])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.aliases_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------------
    def actor_id(self) -> int | None:
        """The actor shown (or being loaded)."""
        return self._actor_id

    def dossier(self) -> Dossier | None:
        """The dossier as last loaded."""
        return self._dossier

    def show_actor(self, actor_id: int, *, remember: bool = True) -> None:
        """Show the dossier of ``actor_id`` (the one shown before goes to the history)."""
        if remember and self._actor_id is not None and self._actor_id != actor_id:
            self._history.append(self._actor_id)
        self._actor_id = actor_id
        self._update_buttons()
        self._load()

    def leaves_rows_out(self) -> bool:
        """Whether the dossier shown lists only the newest part of its rows."""
        return self._dossier is not None and is_cut(self._dossier)

    def show_all(self) -> None:
        """Load every row of the dossier shown, not only the newest :data:`LISTED` of each list."""
        if self._actor_id is not None:
            self._complete = self._actor_id
            self._load()

    def go_back(self) -> None:
        """The dossier shown before."""
        if self._history:
            self.show_actor(self._history.pop(), remember=False)

    def refresh(self) -> None:
        """The library changed: load the dossier again (soon, once for a burst of changes)."""
        if self._actor_id is not None and self.isVisible():
            self._reload.start()

    def _load(self) -> None:
        actor_id, library = self._actor_id, self.ctx.library
        if actor_id is None:
            return
        limit = None if self._complete == actor_id else LISTED
        self.status_label.setText(translate("DossierView", "Loading…"))
        self.ctx.tasks.run(
            lambda _control: load_dossier(library, actor_id, limit),
            lambda dossier: self._loaded(actor_id, dossier),
            lambda error: self._failed(actor_id, error),
            key=f"dossier-{id(self)}",
        )

    def _failed(self, actor_id: int, error: BaseException) -> None:
        if actor_id != self._actor_id:
            return
        self._dossier = None
        self.status_label.setText(
            translate(
                "DossierView", "{error} (the actor may have been merged into another or removed)."
            ).format(error=message_of(error))
        )
        self._update_buttons()

    def _loaded(self, actor_id: int, dossier: Dossier) -> None:
        if actor_id != self._actor_id:
            return
        self._dossier = dossier
        actor = dossier.actor
        self.setWindowTitle(translate("DossierView", "Dossier: {name}").format(name=actor.name))
        self.name_label.setText(actor.name)
        self.name_label.setStyleSheet(f"color: {entity_color(actor.type).name()};")
        kind = ENTITY_SINGULAR.get(actor.type, actor.type)
        counts = dossier.counts()
        facts = [
            kind,
            plural(
                counts.articles,
                translate("DossierView", "1 article"),
                translate("DossierView", "{n} articles"),
            ),
            plural(
                actor.mentions,
                translate("DossierView", "1 mention"),
                translate("DossierView", "{n} mentions"),
            ),
            plural(
                counts.quotes,
                translate("DossierView", "1 statement"),
                translate("DossierView", "{n} statements"),
            ),
        ]
        if actor.roles:
            facts.append(translate("DossierView", "roles: {roles}").format(roles="; ".join(actor.roles[:4])))
        self.facts_label.setText("  ·  ".join(facts))
        aliases = list(actor.aliases)
        shown = "; ".join(aliases[:MAX_ALIASES])
        if len(aliases) > MAX_ALIASES:
            shown += " " + translate("DossierView", "and {n} more").format(n=len(aliases) - MAX_ALIASES)
        self.aliases_label.setText(
            translate("DossierView", "Also named: {shown}").format(shown=shown)
            if aliases
            else translate("DossierView", "No other names in the library.")
        )
        by_id = articles_by_id(dossier)
        self.quotes_model.set_rows(dossier.quotes, quote_columns(by_id))
        self.articles_model.set_rows(dossier.articles)
        self.notes_model.set_rows(dossier.annotations, note_columns(by_id))
        self.related_model.set_rows(dossier.related)
        self.roles_model.set_rows(role_spans(dossier.roles))
        spans = role_spans(dossier.roles)
        for view, index, title, shown, total in (
            (self.tabs, 0, translate("DossierView", "What they said"), len(dossier.quotes), counts.quotes),
            (self.tabs, 1, translate("DossierView", "Articles"), len(dossier.articles), counts.articles),
            (self.tabs, 2, translate("DossierView", "Your notes"), len(dossier.annotations), 0),
            (self.side_tabs, 0, translate("DossierView", "Related actors"), len(dossier.related), 0),
            (self.side_tabs, 1, translate("DossierView", "Roles"), len(spans), 0),
        ):
            label = f"{title} ({shown})"
            if shown < total:
                label = translate("DossierView", "{title} ({shown} of {total})").format(
                    title=title, shown=shown, total=total
                )
            view.setTabText(index, label)
        self._show_timeline()
        cut = is_cut(dossier)
        self.all_button.setVisible(cut)
        self.status_label.setText(
            translate("DossierView", "The lists show the newest {n} of each kind.").format(n=LISTED)
            if cut
            else ""
        )
        self._update_buttons()
        self.loaded.emit(actor_id)

    def _unit(self) -> Unit:
        unit = self.unit_combo.currentData()
        return unit if unit in UNITS else "month"  # type: ignore[no-any-return]

    def _unit_changed(self) -> None:
        self.ctx.settings.setValue(UNIT_KEY, self._unit())
        self._show_timeline()

    def _show_timeline(self) -> None:
        dossier = self._dossier
        if dossier is None:
            self.timeline.set_buckets([])
            self.timeline_note.setText("")
            return
        buckets = dossier.timeline(self._unit())
        self.timeline.set_buckets(buckets, entity_color(dossier.actor.type))
        by_import = sum(b.by_import_date for b in buckets)
        note = self.timeline.summary(with_import=False)
        if by_import:
            note += " " + plural(
                by_import,
                translate(
                    "DossierView",
                    "Hatched: 1 article without a publication date, counted at the day imported.",
                ),
                translate(
                    "DossierView",
                    "Hatched: {n} articles without a publication date, counted at the day imported.",
                ),
            )
        self.timeline_note.setText(note)

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(bool(self._history))
        self.export_button.setEnabled(self._dossier is not None and self._dossier.actor.id == self._actor_id)

    # --- interaction -----------------------------------------------------------------------------
    def _quote_clicked(self, index: QModelIndex) -> None:
        quote = self.quotes_model.row_object(index)
        if quote is not None:
            self.place_requested.emit(quote.article_id, quote.start, quote.end)

    def _article_clicked(self, index: QModelIndex) -> None:
        article = self.articles_model.row_object(index)
        if article is not None:
            self.article_requested.emit(article.id)

    def _note_clicked(self, index: QModelIndex) -> None:
        note = self.notes_model.row_object(index)
        if note is not None and not note.orphaned:
            self.place_requested.emit(note.article_id, note.start, note.end)
        elif note is not None:
            self.article_requested.emit(note.article_id)

    def _related_activated(self, index: QModelIndex) -> None:
        related = self.related_model.row_object(index)
        if related is not None:
            self.show_actor(related.actor_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
