"""The filters of the Annotations view: text search, colour meaning, tag, actor, article, author, period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.notes_query import NotesFilter, make_filter
from desktop.ui.i18n import day_format, translate
from desktop.ui.palette import ColorPalette, annotation_color
from desktop.ui.paths import action_icon
from desktop.ui.reader_toolbar import chip_icon

SEARCH_DELAY_MS = 250
#: Period choices: label and the number of days back (0: today only; None: any time; -1: custom).
PERIODS: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("NotesFilterBar", "Any time"), None),
    (QT_TRANSLATE_NOOP("NotesFilterBar", "Today"), 0),
    (QT_TRANSLATE_NOOP("NotesFilterBar", "Past 7 days"), 6),
    (QT_TRANSLATE_NOOP("NotesFilterBar", "Past 30 days"), 29),
    (QT_TRANSLATE_NOOP("NotesFilterBar", "Past 12 months"), 365),
    (QT_TRANSLATE_NOOP("NotesFilterBar", "Between…"), -1),
)


@dataclass(frozen=True)
class NoteChoices:
    """What the filter lists offer: tags in use, actors and articles with notes (id, name), authors."""

    tags: tuple[str, ...] = ()
    actors: tuple[tuple[int, str], ...] = ()
    articles: tuple[tuple[int, str], ...] = ()
    authors: tuple[str, ...] = ()


def _combo(parent: QWidget, name: str, first: str, *, editable: bool = False) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    combo.addItem(first, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    if editable:
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
    return combo


class NotesFilterBar(QWidget):
    """Emits ``filter_changed(NotesFilter)`` whenever a filter changes (text search after a pause)."""

    filter_changed = Signal(object)  # NotesFilter

    def __init__(self, palette: ColorPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette = palette
        self._filter = NotesFilter()
        self._loading = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("NotesFilterBar", "Search notes and passages…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(action_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(translate("NotesFilterBar", "Search notes and passages"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._changed)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._changed)
        self.color_combo = _combo(
            self,
            translate("NotesFilterBar", "Filter by colour meaning"),
            translate("NotesFilterBar", "All colours"),
        )
        for color in palette.colors():
            self.color_combo.addItem(chip_icon(annotation_color(color)), palette.meaning(color), color)
        palette.changed.connect(self._rename_colors)
        self.tag_combo = _combo(
            self,
            translate("NotesFilterBar", "Filter by tag (sub-tags included)"),
            translate("NotesFilterBar", "All tags"),
        )
        self.actor_combo = _combo(
            self,
            translate("NotesFilterBar", "Filter by actor named in the passage"),
            translate("NotesFilterBar", "All actors"),
            editable=True,
        )
        self.article_combo = _combo(
            self,
            translate("NotesFilterBar", "Filter by article"),
            translate("NotesFilterBar", "All articles"),
            editable=True,
        )
        self.author_combo = _combo(
            self,
            translate("NotesFilterBar", "Filter by who made the note"),
            translate("NotesFilterBar", "All authors"),
        )
        self.period_combo = _combo(
            self,
            translate("NotesFilterBar", "Filter by the day the note was made"),
            translate("NotesFilterBar", PERIODS[0][0]),
        )
        for label, days in PERIODS[1:]:
            self.period_combo.addItem(translate("NotesFilterBar", label), days)
        today = QDate.currentDate()
        self.since_edit, self.until_edit = QDateEdit(today.addDays(-30), self), QDateEdit(today, self)
        for edit, name in (
            (self.since_edit, translate("NotesFilterBar", "First day")),
            (self.until_edit, translate("NotesFilterBar", "Last day")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(day_format())
            edit.setAccessibleName(name)
            edit.dateChanged.connect(lambda _d: self._changed())
        for combo in (
            self.color_combo,
            self.tag_combo,
            self.actor_combo,
            self.article_combo,
            self.author_combo,
        ):
            combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
        for combo in (self.actor_combo, self.article_combo):
            edit = combo.lineEdit()
            if edit is not None:
                edit.editingFinished.connect(lambda c=combo: self._text_done(c))
        self._build()
        self._period_changed()

    def _build(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.addWidget(self.color_combo, 0, 0)
        grid.addWidget(self.tag_combo, 0, 1)
        grid.addWidget(self.actor_combo, 1, 0)
        grid.addWidget(self.article_combo, 1, 1)
        when = QHBoxLayout()  # the author list shows once a second person made notes
        when.setSpacing(6)
        when.addWidget(self.author_combo, 1)
        when.addWidget(self.period_combo, 1)
        grid.addLayout(when, 2, 0, 1, 2)
        self.author_combo.hide()
        self.range_row = QWidget(self)
        dates = QHBoxLayout(self.range_row)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.since_edit, 1)
        dates.addWidget(QLabel("–", self.range_row))
        dates.addWidget(self.until_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(grid)
        layout.addWidget(self.range_row)

    # ------------------------------------------------------------------ choices

    def set_choices(self, choices: NoteChoices) -> None:
        """Fill the tag, actor and article lists, keeping what is chosen."""
        self._loading = True
        try:
            for combo, items in (
                (self.tag_combo, [(t, f"#{t}") for t in choices.tags]),
                (self.actor_combo, list(choices.actors)),
                (self.article_combo, list(choices.articles)),
                (self.author_combo, [(a, a) for a in choices.authors]),
            ):
                current = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for value, label in items:
                    combo.addItem(label, value)
                    combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
                combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            authors = self.author_combo
            authors.setVisible(authors.count() > 2 or authors.currentIndex() > 0)  # two people, or one chosen
        finally:
            self._loading = False
        self._changed()

    def _rename_colors(self) -> None:
        for index in range(1, self.color_combo.count()):
            self.color_combo.setItemText(index, self._palette.meaning(str(self.color_combo.itemData(index))))

    # ------------------------------------------------------------------ the filter

    def current_filter(self) -> NotesFilter:
        """The filter the widgets show."""
        return self._filter

    def set_article(self, article_id: int | None) -> None:
        """Show only the notes of one article (None: of every article)."""
        index = self.article_combo.findData(article_id) if article_id is not None else 0
        self.article_combo.setCurrentIndex(max(index, 0))

    def set_author(self, author: str | None) -> None:
        """Show only the notes of one author (None or "": of everybody)."""
        index = self.author_combo.findData(author) if author else 0
        self.author_combo.setCurrentIndex(max(index, 0))

    def _text_done(self, combo: QComboBox) -> None:
        if not combo.currentText().strip() and combo.currentIndex() != 0:
            combo.setCurrentIndex(0)

    def _period_changed(self) -> None:
        self.range_row.setVisible(self.period_combo.currentData() == -1)
        self._changed()

    def _period(self) -> tuple[dt.date | None, dt.date | None]:
        days = self.period_combo.currentData()
        if days is None:
            return None, None
        if days == -1:
            since, until = self.since_edit.date().toPython(), self.until_edit.date().toPython()
            return (since, until) if since <= until else (until, since)  # type: ignore[return-value]
        today = dt.date.today()
        return today - dt.timedelta(days=int(days)), None

    def _changed(self) -> None:
        if self._loading:
            return
        self._timer.stop()
        color = self.color_combo.currentData()
        since, until = self._period()
        flt = make_filter(
            article_id=self.article_combo.currentData(),
            tag=self.tag_combo.currentData(),
            actor_id=self.actor_combo.currentData(),
            colors=(color,) if color else (),
            since=since,
            until=until,
            search=self.search.text().strip(),
            author=self.author_combo.currentData() or "",
        )
        if flt != self._filter:
            self._filter = flt
            self.filter_changed.emit(flt)
