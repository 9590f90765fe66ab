"""Changes another program makes to the library show up in a running window, where the reader was."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.services.annotations import create_annotation
from desktop.services.importer import Importer
from desktop.storage.db import Library, open_library
from desktop.ui.context import AppContext
from desktop.ui.library_model import NOTES
from desktop.ui.main_window import MainWindow
from tests.ui.reader_support import TIMEOUT, import_article, open_article, span_of, stored_text
from tests.ui.window_support import FakeRecognizer

LONG = "Langer Bericht\n" + "\n".join(
    f"Absatz {n}: Anna Berg berichtete ausführlich über die Lage im Hafen und die Werften."
    for n in range(120)
)
NEWS = "Neue Meldung\nTomas Lindqvist sprach mit der Nordhafen Bank über Kredite."


@pytest.fixture
def other(db_url: str) -> Iterator[Library]:
    """The same library opened by someone else (as the command line or a script would)."""
    lib = open_library(db_url)
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ctx.tasks.wait(TIMEOUT)


def test_outside_import_and_note_appear_without_losing_place(
    qtbot: Any, ctx: AppContext, window: MainWindow, other: Library
) -> None:
    first = import_article(ctx, LONG)
    text = stored_text(ctx.library, first)
    with qtbot.waitSignal(window.library_pane.model.loaded, timeout=TIMEOUT):
        window.library_pane.refresh()
    open_article(qtbot, window.reader, first)  # type: ignore[arg-type]
    reader = window.reader
    reader.browser.scroll_to_position(reader.layout_info().qt_pos(text.index("Absatz 60:")), top=True)  # type: ignore[attr-defined,union-attr]
    top = reader._top_index()  # type: ignore[attr-defined]
    window.sidebar.set_scope_library(True)  # type: ignore[attr-defined]
    assert window.library_pane.selected_article_id() == first

    news = Importer(other, FakeRecognizer()).import_text(NEWS)
    start, end = span_of(text, "Absatz 60")
    create_annotation(other, first, start=start, end=end, note="von außen")

    with qtbot.waitSignal(window.watcher.changed, timeout=TIMEOUT):
        pass  # the next poll notices
    model = window.library_pane.model
    qtbot.waitUntil(lambda: model.row_of(news.id) >= 0, timeout=TIMEOUT)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: model.index_of(first, NOTES).data() == "1", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(reader.detail().annotations) == 1, timeout=TIMEOUT)  # type: ignore[attr-defined,union-attr]
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: len(sidebar.annotations_model.annotations()) == 1, timeout=TIMEOUT)  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: any(a.name == "Tomas Lindqvist" for a in sidebar.actors.actors_model.actors()),  # type: ignore[attr-defined]
        timeout=TIMEOUT,
    )
    assert window.library_pane.selected_article_id() == first
    assert reader.current_article_id() == first  # type: ignore[attr-defined]
    assert abs(reader._top_index() - top) < 40  # type: ignore[attr-defined]


def test_the_windows_own_edits_cause_no_refresh(qtbot: Any, ctx: AppContext, window: MainWindow) -> None:
    article_id = import_article(ctx)
    window.watcher.check()  # the import above came through the window's own library
    open_article(qtbot, window.reader, article_id)  # type: ignore[arg-type]
    reader = window.reader
    reader.select_range(*span_of(stored_text(ctx.library, article_id), "Anna Berg"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(reader.annotations_changed, timeout=TIMEOUT):  # type: ignore[attr-defined]
        reader.highlight_selection("green")  # type: ignore[attr-defined]
    ctx.tasks.wait(TIMEOUT)
    heard: list[bool] = []
    window.watcher.changed.connect(lambda: heard.append(True))
    assert window.watcher.check() is False and heard == []
