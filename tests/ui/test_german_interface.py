"""The German interface: with the shipped translation the main window, its panes and its main dialogs
show no English label; View ▸ Language stores the choice; numbers and dates follow the locale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from desktop.services.article_meta import ArticleMeta
from desktop.services.dto import ActorRow, ImportResult
from desktop.services.merge_candidates import MergeCandidate
from desktop.ui.actor_dialogs import MergeDialog, NameDialog
from desktop.ui.article_meta_dialog import ArticleMetaDialog
from desktop.ui.context import AppContext
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.i18n import (
    LANGUAGE_KEY,
    Translations,
    catalog_path,
    effective_language,
    format_date,
    format_number,
    install_translations,
    store_language,
    stored_language,
    translate,
)
from desktop.ui.import_report import ImportReport
from desktop.ui.main_window import MainWindow
from desktop.ui.shortcuts_dialog import ShortcutsDialog, collect_shortcuts
from desktop.ui.speaker_dialog import SpeakerDialog
from desktop.ui.versions_dialog import VersionsDialog
from tests.ui.quote_support import SECOND, import_quoted
from tests.ui.reader_support import TIMEOUT, open_article
from tools.i18n import read_ts, ts_path

SOURCE = ActorRow(91, "Anna Berg", "person", 7, 2)
TARGET = ActorRow(92, "Nordhafen Bank", "organization", 4, 1)

#: Words no German label contains; a visible text with one of them was missed by the translation.
ENGLISH_ONLY = {
    "the", "and", "of", "with", "this", "your", "from", "by", "show", "open", "select", "choose",
    "search", "delete", "edit", "view", "help", "file", "notes", "note", "actor", "actors", "article",
    "articles", "highlight", "highlights", "quotes", "library", "rename", "merge", "previous", "next",
    "mentions", "sentences", "statement", "statements", "untitled", "loading",
}  # fmt: skip


def _plain(text: str) -> str:
    """A label as the user reads it: no mnemonic ampersands, no markup, one line."""
    text = re.sub(r"&(?=\S)", "", text.replace("&&", "&"))
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split())


def _pattern(source: str) -> re.Pattern[str]:
    parts = re.split(r"\{[^}]*\}", _plain(source))
    return re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL)


def _english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every English source text whose German translation differs, as a pattern of the shown text."""
    found = []
    for message in read_ts(ts_path("de")):
        literal = re.sub(r"\{[^}]*\}", "", message.source)
        if _plain(message.translation) == _plain(message.source) or len(re.findall(r"[A-Za-z]", literal)) < 3:
            continue
        found.append((message.source, _pattern(message.source)))
    return found


def _model_headers(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model that keeps columnCount private: no header
        return []
    texts = []
    for section in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                texts.append(value)
    return texts


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every label, button, tab, menu, action, placeholder, item and tooltip of ``root``."""
    texts: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = type(widget).__name__
        texts.append((f"{name} tooltip", widget.toolTip()))
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText
        ):
            texts.append((f"{name} text", widget.text()))
        elif isinstance(widget, QLineEdit):
            texts.append((f"{name} placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [(f"{name} tab", widget.tabText(i)), (f"{name} tab tooltip", widget.tabToolTip(i))]
        elif isinstance(widget, QDockWidget):
            texts.append((f"{name} title", widget.windowTitle()))
        elif isinstance(widget, QMenu):
            texts.append((f"{name} title", widget.title()))
        elif isinstance(widget, QAbstractItemView):
            texts += [(f"{name} header", t) for t in _model_headers(widget.model())]
    for action in root.findChildren(QAction):
        texts += [("action text", action.text()), ("action tooltip", action.toolTip())]
        texts.append(("action status tip", action.statusTip()))
    return [(where, _plain(text)) for where, text in texts if text and text.strip()]


def english_left(root: QWidget, data: set[str]) -> list[str]:
    """The texts of ``root`` still in English (``data``: texts from the library, never translated)."""
    patterns = _english_patterns()
    left = []
    for where, text in visible_texts(root):
        if text in data:
            continue
        matched = next((source for source, pattern in patterns if pattern.fullmatch(text)), None)
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)} & ENGLISH_ONLY
        if matched is not None or words:
            left.append(f"{where}: {text!r}" + (f" (source {matched!r})" if matched else f" {sorted(words)}"))
    return sorted(set(left))


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    """The application in German (the shipped catalogue), back to the untranslated C locale afterwards."""
    translations = Translations(qapp)
    assert translations.apply("de", QLocale("de_DE")), "the German catalogue did not load"
    try:
        yield translations
    finally:
        translations.apply("en")
        QLocale.setDefault(QLocale.c())


@pytest.fixture
def window(qtbot: Any, ctx: AppContext, german: Translations) -> Iterator[MainWindow]:
    first = import_quoted(ctx)
    import_quoted(ctx, SECOND)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    open_article(qtbot, win.reader, first)
    yield win
    win.close()
    ctx.tasks.wait(TIMEOUT)


def _data_texts(window: MainWindow) -> set[str]:
    """Article titles and actor names: the library's own words, shown as they are."""
    model = window.library_pane.model
    titles = {model.index(r, 0).data() for r in range(model.rowCount())}
    return {_plain(t) for t in titles if isinstance(t, str)}


def test_the_german_catalogue_ships_beside_the_other_resources() -> None:
    assert catalog_path("de").is_file() and catalog_path("de").stat().st_size > 10_000


def test_main_window_menus_panes_and_tooltips_are_german(window: MainWindow) -> None:
    bar = [_plain(a.text()) for a in window.menuBar().actions()]
    assert bar[:3] == ["Datei", "Bearbeiten", "Ansicht"] and "Hilfe" in bar and "Akteure" in bar
    assert english_left(window, _data_texts(window)) == []


def test_main_dialogs_are_german(qtbot: Any, window: MainWindow, ctx: AppContext) -> None:
    article_id = window.current_article_id()
    assert article_id is not None
    dialogs: list[QWidget] = [
        ShortcutsDialog(collect_shortcuts(window), window),
        ExportDialog(ctx, article_id, "Lagebericht", window),
        ArticleMetaDialog(ArticleMeta("Lagebericht", None, None), window, imported="2026-12-06"),
        VersionsDialog(ctx, article_id, window),
        MergeDialog(SOURCE, [MergeCandidate(TARGET, 90.0)], window),
        NameDialog("Akteur umbenennen", "Neuer Name:", "Anna Berg", window),
        SpeakerDialog([SOURCE, TARGET], "die Lage sei ruhig", window),
    ]
    report = ImportReport(window)
    report.show_results([ImportResult("a.txt", "imported", 1, "Lagebericht"), ImportResult("b.pdf", "error")])
    dialogs.append(report)
    merge = dialogs[4]
    assert isinstance(merge, MergeDialog)
    merge.list.setCurrentIndex(merge.list.model().index(0, 0))
    assert "Nennungen von „Anna Berg“ in 2 Artikeln werden zu Nennungen" in merge.summary.text()
    window.analysis.open_dossier(next(iter(_actor_ids(ctx))))
    dossier = window.analysis.dossier_window()
    qtbot.waitUntil(lambda: dossier.dossier() is not None, timeout=TIMEOUT)
    window.analysis.open_network()
    dialogs += [dossier, window.analysis.network_window()]
    data = _data_texts(window) | {_plain(dossier.name_label.text()), "Lagebericht", "a.txt", "b.pdf"}
    data |= {SOURCE.name, TARGET.name}
    for dialog in dialogs:
        qtbot.addWidget(dialog) if dialog.parent() is None else None
        assert english_left(dialog, data) == [], type(dialog).__name__
    assert dossier.tabs.tabText(0).startswith("Aussagen")
    for dialog in dialogs:
        dialog.close()


def _actor_ids(ctx: AppContext) -> list[int]:
    from desktop.services.queries import list_actors

    with ctx.library.read_session() as session:
        return [a.id for a in list_actors(session) if a.name == "Anna Berg"]


def test_every_english_label_of_the_window_would_be_caught(qtbot: Any, ctx: AppContext) -> None:
    """The check itself: the same window without the translation is full of English."""
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    left = english_left(win, set())
    assert any("'Datei'" in t for t in left) is False
    assert len(left) > 50 and any("File" in t for t in left)


def test_language_menu_stores_the_choice(window: MainWindow, settings: QSettings) -> None:
    assert set(window.language_actions) == {"system", "en", "de"}
    assert window.language_actions["de"].text() == "Deutsch"
    window.language_actions["de"].trigger()
    assert stored_language(settings) == "de" and settings.value(LANGUAGE_KEY) == "de"
    window.language_actions["system"].trigger()
    assert stored_language(settings) == "system"


def test_the_system_locale_chooses_the_language_unless_the_user_did() -> None:
    assert effective_language("system", QLocale("de_AT")) == "de"
    assert effective_language("system", QLocale("fr_FR")) == "en"
    assert effective_language("en", QLocale("de_DE")) == "en"
    assert effective_language("de", QLocale("en_GB")) == "de"


def test_numbers_and_dates_follow_the_locale(german: Translations) -> None:
    assert format_number(12345) == "12.345" and format_number(2.5, 1) == "2,5"
    assert format_date("2026-12-06") == "06.12.2026"
    assert format_date("2024") == "2024"  # a year alone stays as it is
    QLocale.setDefault(QLocale("en_US"))
    assert format_number(12345) == "12,345" and format_date("2026-12-06") == "12/6/2026"


def test_start_up_applies_the_stored_language(qapp: QApplication, settings: QSettings) -> None:
    store_language(settings, "de")
    translations = install_translations(qapp, settings)
    try:
        assert translations.language == "de"
        assert translate("WindowMenus", "&File") == "&Datei"
        assert QLocale().language() == QLocale.Language.German
    finally:
        translations.apply("en")
        QLocale.setDefault(QLocale.c())
    assert translate("WindowMenus", "&File") == "&File"
