"""Quotes in the reading pane and the sidebar's Quotes tab: grouping, finding a statement in the
text, and the undoable corrections (another speaker, not a quote, a selection as a quote)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QMenu

from desktop.services.quotes import load_quotes
from desktop.ui.context import AppContext
from desktop.ui.palette import QUOTE_INK, STRONG_TINTS, TINTS, quote_color
from desktop.ui.quotes_model import UNNAMED, QuoteTreeModel
from desktop.ui.sidebar_view import QUOTES_TAB, Sidebar
from desktop.ui.speaker_dialog import SpeakerChoice, SpeakerDialog
from desktop.ui.theme import dark_palette, light_palette
from tests.ui.colour_math import ciede2000, contrast, lab
from tests.ui.quote_support import TEXT, UNQUOTED, import_quoted
from tests.ui.reader_support import TIMEOUT, make_reader, open_article, span_of


@pytest.fixture
def side(qtbot: Any, ctx: AppContext) -> Sidebar:
    """A sidebar over a reading pane showing the scripted article, on its Quotes tab."""
    article_id = import_quoted(ctx)
    reader = make_reader(qtbot, ctx)
    reader.resize(700, 300)  # short: most statements start out of view
    sidebar = Sidebar(ctx, reader)
    qtbot.addWidget(sidebar)
    sidebar.resize(380, 600)
    sidebar.show()
    open_article(qtbot, reader, article_id)
    sidebar.tabs.setCurrentIndex(QUOTES_TAB)
    return sidebar


def _stored(ctx: AppContext, article_id: int) -> dict[str, tuple[str | None, str]]:
    """Stored statements of an article: text → (speaker's name, kind)."""
    return {q.text: (q.speaker_name, q.kind) for q in load_quotes(ctx.library, article_id=article_id)}


def _rgb(color: QColor) -> tuple[float, float, float]:
    return color.redF(), color.greenF(), color.blueF()


def test_statements_are_grouped_by_speaker_with_unnamed_sources_last(
    side: Sidebar, qtmodeltester: Any
) -> None:
    model = side.quotes.model
    qtmodeltester.check(model)
    groups = [(g.name, [q.text for q in g.quotes]) for g in model.groups()]
    assert groups == [
        (
            "Tomas Lindqvist",
            ["die Nordhafen Bank werde das Projekt unterstützen", "Das ist ein guter Tag für die Region"],
        ),
        ("Anna Berg", ["Wir werden die Brücke bis zum Sommer fertigstellen"]),
        (UNNAMED, ["man sei mit dem Ergebnis zufrieden"]),
    ]
    first = model.index(0, 0)
    assert first.data() == "Tomas Lindqvist (2)"
    direct = model.index(1, 0, first)
    assert direct.data() == "“Das ist ein guter Tag für die Region”"
    anonymous = model.index(0, 0, model.index(2, 0))
    assert "Aus Regierungskreisen" in anonymous.data()
    assert "Aus Regierungskreisen" in str(anonymous.data(Qt.ItemDataRole.ToolTipRole))
    assert "4 statements by 2 named speakers" in side.quotes.summary.text()


def test_empty_model_and_a_changing_model_pass_the_modeltester(qtmodeltester: Any) -> None:
    model = QuoteTreeModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.quote_count() == 0


def test_a_click_selects_the_statement_in_the_text_and_scrolls_to_it(side: Sidebar, qtbot: Any) -> None:
    reader = side.reader
    start, end = span_of(TEXT, "man sei mit dem Ergebnis zufrieden")
    layout = reader.layout_info()
    assert layout is not None
    cursor = QTextCursor(reader.browser.document())
    cursor.setPosition(layout.qt_pos(start))
    assert not reader.browser.viewport().rect().contains(reader.browser.cursorRect(cursor))
    model = side.quotes.model
    index = model.index(0, 0, model.index_of_speaker(None))
    rect = side.quotes.tree.visualRect(index)
    qtbot.mouseClick(side.quotes.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert reader.selected_range() == (start, end)
    assert reader.browser.viewport().rect().contains(reader.browser.cursorRect(cursor))


def _speaker_action(side: Sidebar, name: str) -> Any:
    side.quotes._fill_speaker_menu()
    return next(a for a in side.quotes.speaker_menu.actions() if a.text() == name)


def test_another_speaker_is_undoable(side: Sidebar, qtbot: Any, ctx: AppContext) -> None:
    article_id = side.reader.current_article_id()
    assert article_id is not None
    message = "Wir werden die Brücke bis zum Sommer fertigstellen"
    anna = next(g for g in side.quotes.model.groups() if g.name == "Anna Berg").quotes[0]
    assert side.quotes.select_quote(anna.id)
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        _speaker_action(side, "Tomas Lindqvist").trigger()
    assert _stored(ctx, article_id)[message] == ("Tomas Lindqvist", "direct")
    names = [g.name for g in side.quotes.model.groups()]
    assert "Anna Berg" not in names
    current = side.quotes.current_quote()
    assert current is not None and current.text == message  # the corrected statement stays selected
    assert ctx.undo_stack.undoText() == "Change speaker"
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        ctx.undo_stack.undo()
    assert _stored(ctx, article_id)[message] == ("Anna Berg", "direct")
    assert "Anna Berg" in [g.name for g in side.quotes.model.groups()]
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        ctx.undo_stack.redo()
    assert _stored(ctx, article_id)[message] == ("Tomas Lindqvist", "direct")


def test_no_speaker_moves_a_statement_to_the_unnamed_sources(
    side: Sidebar, qtbot: Any, ctx: AppContext
) -> None:
    article_id = side.reader.current_article_id()
    assert article_id is not None
    message = "Das ist ein guter Tag für die Region"
    quote = next(q for q in side.quotes.quotes() if q.text == message)
    side.quotes.select_quote(quote.id)
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        _speaker_action(side, "No speaker named (an unnamed source)").trigger()
    assert _stored(ctx, article_id)[message] == (None, "direct")
    unnamed = next(g for g in side.quotes.model.groups() if g.speaker_id is None)
    assert message in [q.text for q in unnamed.quotes]


def test_not_a_quote_and_undo(side: Sidebar, qtbot: Any, ctx: AppContext) -> None:
    article_id = side.reader.current_article_id()
    assert article_id is not None
    message = "die Nordhafen Bank werde das Projekt unterstützen"
    quote = next(q for q in side.quotes.quotes() if q.text == message)
    side.quotes.select_quote(quote.id)
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        side.quotes.reject_button.click()
    assert message not in _stored(ctx, article_id)
    assert message not in [q.text for q in side.quotes.quotes()]
    assert len(side.reader.quote_marks.quotes()) == 3
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        ctx.undo_stack.undo()
    assert _stored(ctx, article_id)[message] == ("Tomas Lindqvist", "indirect")


def test_a_selection_becomes_a_quote_of_the_chosen_speaker(
    side: Sidebar, qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = side.reader.current_article_id()
    assert article_id is not None
    bank = next(a for a in side.reader.article_actors() if a.name == "Nordhafen Bank")
    asked: list[str] = []

    def ask(parent: Any, actors: list[Any], excerpt: str, current: int | None = None) -> SpeakerChoice:
        asked.append(excerpt)
        assert bank.id in [a.id for a in actors]
        return SpeakerChoice(bank.id, "indirect")

    monkeypatch.setattr(SpeakerDialog, "ask", classmethod(lambda cls, *a, **k: ask(*a, **k)))
    start, end = span_of(TEXT, UNQUOTED)
    side.reader.select_range(start - 1, end)  # the space before it is not part of the statement
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        side.quotes.mark_button.click()
    assert asked and UNQUOTED in asked[0]
    assert _stored(ctx, article_id)[UNQUOTED] == ("Nordhafen Bank", "indirect")
    group = next(g for g in side.quotes.model.groups() if g.name == "Nordhafen Bank")
    assert [q.text for q in group.quotes] == [UNQUOTED]
    current = side.quotes.current_quote()
    assert current is not None and current.text == UNQUOTED
    with qtbot.waitSignal(side.reader.rendered, timeout=TIMEOUT):
        ctx.undo_stack.undo()
    assert UNQUOTED not in _stored(ctx, article_id)


def test_mark_without_a_selection_says_what_to_do(side: Sidebar, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SpeakerDialog, "ask", classmethod(lambda cls, *a, **k: pytest.fail("asked")))
    side.quotes.mark_selection()
    assert "Select the words" in side.reader.banner.text()


def test_statements_are_marked_in_the_text_and_can_be_hidden(side: Sidebar, qtbot: Any) -> None:
    reader = side.reader
    layout = reader.layout_info()
    assert layout is not None
    doc = reader.browser.document()
    ink = quote_color(reader.browser.palette())

    def foreground(index: int) -> QColor:
        cursor = QTextCursor(doc)
        cursor.setPosition(layout.qt_pos(index) + 1)
        return cursor.charFormat().foreground().color()

    inside = span_of(TEXT, "guter Tag")[0]
    outside = span_of(TEXT, "traf am Montag")[0]
    assert foreground(inside) == ink
    assert foreground(outside) != ink
    assert len(reader.browser.bars()) == 4
    tip = reader._tooltip(layout.qt_pos(inside))
    assert tip is not None and "Direct quote: Tomas Lindqvist" in tip
    reader.set_quotes_visible(False)
    assert not reader.toolbar.quotes_box.isChecked()
    assert foreground(inside) != ink
    assert reader.browser.bars() == []
    assert "Tomas Lindqvist" not in (reader._tooltip(layout.qt_pos(inside)) or "")
    reader.toolbar.quotes_box.setChecked(True)  # the legend switches them back on
    assert foreground(inside) == ink and reader.quote_marks.is_visible()


def test_the_text_menu_offers_the_corrections_of_the_statement_under_the_mouse(side: Sidebar) -> None:
    reader = side.reader
    menu = QMenu()
    inside = span_of(TEXT, "guter Tag")[0]
    for hook in reader._menu_hooks:
        hook(menu, inside)
    titles = [a.text() for a in menu.actions()]
    assert "Statement (Tomas Lindqvist)" in titles
    statement = next(a for a in menu.actions() if a.text() == "Statement (Tomas Lindqvist)").menu()
    assert [a.text() for a in statement.actions()][:2] == ["Change speaker", "Not a quote"]
    menu.clear()
    reader.select_range(*span_of(TEXT, UNQUOTED))
    for hook in reader._menu_hooks:
        hook(menu, span_of(TEXT, UNQUOTED)[0])
    assert "Mark as quote…" in [a.text() for a in menu.actions()]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_quote_ink_is_readable_on_every_tint_and_apart_from_the_text(theme: str) -> None:
    palette = light_palette() if theme == "light" else dark_palette()
    ink = QColor(QUOTE_INK[theme])
    backgrounds = [*TINTS[theme].values(), *STRONG_TINTS[theme].values()]
    backgrounds.append(palette.color(QPalette.ColorRole.Base).name())
    low = [b for b in backgrounds if contrast(_rgb(ink), _rgb(QColor(b))) < 4.5]
    assert low == []
    text = palette.color(QPalette.ColorRole.Text)
    assert ciede2000(lab(_rgb(ink)), lab(_rgb(text))) >= 15


def test_the_speaker_dialog_lists_people_first_and_filters(qtbot: Any) -> None:
    from desktop.services.dto import ActorRow

    actors = [
        ActorRow(1, "Weissfeld", "location", 5, 1),
        ActorRow(2, "Nordhafen Bank", "organization", 2, 1),
        ActorRow(3, "Anna Berg", "person", 3, 1),
    ]
    dialog = SpeakerDialog(actors, "Wir werden  die Brücke\nbauen")
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert rows[0].startswith("No speaker named")
    assert [r.split(" — ")[0] for r in rows[1:]] == ["Anna Berg", "Nordhafen Bank", "Weissfeld"]
    assert dialog.choice() == SpeakerChoice(3, "direct")  # the most likely speaker is preselected
    dialog.filter.setText("nordhafen")
    assert dialog.choice() == SpeakerChoice(2, "direct")
    assert not dialog.list.item(0).isHidden()  # "nobody named" stays choosable
    dialog.indirect.setChecked(True)
    dialog.list.setCurrentRow(0)
    assert dialog.choice() == SpeakerChoice(None, "indirect")
