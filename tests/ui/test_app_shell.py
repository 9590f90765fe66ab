"""The window shell: panes, imports, report, search, filters, state, single instance, start-up."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop import app as app_module
from desktop.services.annotations import create_annotation
from desktop.services.library_filters import LibraryFilter
from desktop.ui.context import AppContext
from desktop.ui.crash import CrashHandler, Messages
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.library_model import TITLE, ArticleIdRole, SnippetHitsRole, SnippetRole
from desktop.ui.single_instance import SingleInstance
from desktop.ui.window_importing import LAST_ARTICLE_KEY
from tests.ui.window_support import SEED_FILES, real_panes_available

BRIEF = (
    "Lagebericht aus Weissfeld\n\n"
    "Anna Berg, Sprecherin der Nordhafen Bank, sagte am Montag in Weissfeld, die Lage sei ruhig. "
    "Tomas Lindqvist widersprach und forderte mehr Transparenz bei den Krediten.\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def import_and_wait(qtbot: Any, window: Any, paths: list[Path]) -> list[Any]:
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.import_paths(paths, open_first=True)
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() >= 1, timeout=10000)
    return list(blocker.args[0])


def test_window_has_three_panes(make_window: Any) -> None:
    window = make_window()
    assert window.windowTitle() == "Briefing Reader"
    assert window.splitter.count() == 3
    assert window.splitter.widget(0) is window.browse
    assert window.browse.widget(0) is window.library_pane
    assert window.browse.widget(1) is window.notes_pane
    assert window.splitter.widget(1) is window.reader
    assert window.splitter.widget(2) is window.sidebar
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Article", "A&ctors", "&Help"]


def test_import_runs_in_background_and_lists_the_article(
    make_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    window.show()
    path = write(tmp_path, "brief.txt", BRIEF)
    window.choose_files = lambda *_a: [str(path)]  # the menu's own path, dialog replaced
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.choose_and_import_files()
    (result,) = blocker.args[0]
    assert result.status == "imported"
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 1, timeout=10000)
    assert window.library_pane.model.index(0, TITLE).data() == "Lagebericht aus Weissfeld"
    assert window.reader.opened[-1] == (result.id, None)
    assert window.sidebar.article == result.id
    qtbot.waitUntil(lambda: window.library_pane.selected_article_id() == result.id, timeout=10000)
    assert not window.imports.is_busy()


def test_broken_files_go_to_the_report_not_a_crash(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_window()
    good = write(tmp_path, "good.txt", BRIEF)
    empty = write(tmp_path, "empty.txt", "")
    fake_pdf = tmp_path / "fake.pdf"
    fake_pdf.write_bytes(b"this is no pdf at all")
    missing = tmp_path / "missing.txt"
    results = import_and_wait(qtbot, window, [good, empty, fake_pdf, missing])
    statuses = {Path(r.path).name: r.status for r in results}
    assert statuses == {
        "good.txt": "imported",
        "empty.txt": "error",
        "fake.pdf": "error",
        "missing.txt": "error",
    }
    report = window.imports.report
    assert report.isVisible() and not report.isModal()
    assert report.model.rowCount() == 4
    assert "3 failed" in report.summary.text()
    assert all(r.message for r in results if r.status == "error")
    assert window.isEnabled()


def test_import_of_a_duplicate_opens_the_existing_article(
    make_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    first = import_and_wait(qtbot, window, [write(tmp_path, "a.txt", BRIEF)])
    again = import_and_wait(qtbot, window, [write(tmp_path, "b.txt", BRIEF)])
    assert again[0].status == "duplicate"
    assert window.reader.opened[-1][0] == first[0].id
    assert not window.imports.report.isVisible()


def test_search_shows_snippets_and_passes_the_query(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_window()
    import_and_wait(
        qtbot,
        window,
        [write(tmp_path, "brief.txt", BRIEF), write(tmp_path, "other.txt", "Ganz anders.\n\nNichts.")],
    )
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 2, timeout=10000)
    pane = window.library_pane
    with qtbot.waitSignal(pane.search_finished, timeout=10000) as blocker:
        pane.set_search_text("transparenz")
    assert blocker.args == ["transparenz", 1]
    assert pane.model.rowCount() == 1
    index = pane.model.index(0, TITLE)
    snippet, hits = index.data(SnippetRole), index.data(SnippetHitsRole)
    assert [snippet[a:b] for a, b in hits] == ["Transparenz"] and "«" not in snippet
    window.show()
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.visualRect(index).center()
    )
    assert window.reader.opened[-1] == (index.data(ArticleIdRole), "transparenz")
    opened = list(window.reader.opened)
    with qtbot.waitSignal(pane.search_finished, timeout=10000):
        pane.set_search_text("anders")  # hides the article being read: nothing else opens by itself
    assert pane.model.rowCount() == 1 and window.reader.opened == opened
    assert pane.selected_article_id() is None
    with qtbot.waitSignal(pane.search_finished, timeout=10000):
        pane.set_search_text("")
    assert pane.model.rowCount() == 2
    assert pane.selected_article_id() == opened[-1][0]
    assert pane.model.index(0, TITLE).data(SnippetRole) == ""


def test_search_is_debounced_and_only_the_last_query_counts(
    make_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    import_and_wait(qtbot, window, [write(tmp_path, "brief.txt", BRIEF)])
    pane = window.library_pane
    with qtbot.waitSignal(pane.search_finished, timeout=10000) as blocker:
        for text in ("K", "Kr", "Kre", "Kredi*"):
            pane.search.setText(text)  # typing: one search after the pause
    assert blocker.args == ["Kredi*", 1]


def test_filters_by_tag_actor_and_notes(
    make_window: Any, qtbot: Any, tmp_path: Path, ctx: AppContext
) -> None:
    window = make_window()
    results = import_and_wait(
        qtbot,
        window,
        [
            write(tmp_path, "brief.txt", BRIEF),
            write(tmp_path, "other.txt", "Nur Weissfeld.\n\nSonst nichts."),
        ],
    )
    brief_id, other_id = (r.id for r in results)
    create_annotation(ctx.library, brief_id, quote="mehr Transparenz", tags=["finance/banks"])
    pane = window.library_pane
    with qtbot.waitSignal(pane.choices_loaded, timeout=10000):
        pane.refresh()
    assert pane.tag_combo.findData("finance/banks") > 0
    names = [pane.actor_combo.itemText(i) for i in range(pane.actor_combo.count())]
    assert "Anna Berg" in names and "Weissfeld" in names

    with qtbot.waitSignal(pane.filter_finished, timeout=10000):
        pane.set_filter(LibraryFilter(tag="finance"))
    assert [pane.model.index(r, TITLE).data(ArticleIdRole) for r in range(pane.model.rowCount())] == [
        brief_id
    ]

    weissfeld = pane.actor_combo.itemData(names.index("Weissfeld"))
    with qtbot.waitSignal(pane.filter_finished, timeout=10000):
        pane.set_filter(LibraryFilter(actor_id=weissfeld))
    assert pane.model.rowCount() == 2
    with qtbot.waitSignal(pane.filter_finished, timeout=10000):
        pane.notes_check.setChecked(True)
    assert pane.model.rowCount() == 1
    assert pane.count_label.text() == "1 of 2 articles"
    with qtbot.waitSignal(pane.filter_finished, timeout=10000):
        pane.set_filter(LibraryFilter())
    assert pane.model.rowCount() == 2
    assert other_id in {pane.model.index(r, TITLE).data(ArticleIdRole) for r in range(2)}


def test_geometry_splitter_zoom_and_theme_are_remembered(make_window: Any, qtbot: Any) -> None:
    first = make_window()
    first.show()
    first.resize(720, 480)  # fits the offscreen screen (800 x 600)
    first.splitter.setSizes([230, 490, 0])  # narrow: the sidebar gives way to the reading column
    first.splitter.splitterMoved.emit(230, 1)  # as a drag of the handle reports it
    sizes = first.splitter.sizes()
    first.zoom_by(20)
    first.set_theme("dark")
    first.close()
    assert first.reader.saved == 1
    second = make_window()
    second.show()
    try:
        assert (second.width(), second.height()) == (720, 480)
        library, _reader, sidebar = second.splitter.sizes()
        assert (library, sidebar) == (sizes[0], sizes[2])  # the reading pane takes the rest
        assert second.zoom() == 120 and second.reader.zoom == 120
        assert second.theme_actions["dark"].isChecked()
    finally:
        second.set_theme("light")


def test_first_run_imports_the_seeds_and_opens_the_newest(make_window: Any, qtbot: Any) -> None:
    if not SEED_FILES:
        pytest.skip("no seed files in this checkout")
    window = make_window()
    with qtbot.waitSignal(window.startup_done, timeout=60000):
        window.start([])
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == len(SEED_FILES), timeout=10000)
    newest = max(
        window.library_pane.model.index(r, TITLE).data(ArticleIdRole) for r in range(len(SEED_FILES))
    )
    assert window.reader.opened[-1] == (newest, None)
    again = make_window()
    with qtbot.waitSignal(again.startup_done, timeout=10000):
        again.start([])  # not empty any more: reopens the last article, imports nothing
    assert again.reader.opened[-1] == (newest, None)


def test_start_up_work_waits_for_the_list_and_keeps_a_chosen_article(
    make_window: Any, qtbot: Any, ctx: AppContext
) -> None:
    importer = ctx.importer()
    first, second = (
        importer.import_text(f"Bericht {n}\n\nDer Hafen meldet heute Neues, Folge {n}.").id for n in (1, 2)
    )
    window = make_window()
    window.ctx.settings.setValue(LAST_ARTICLE_KEY, first)
    window.start([])
    assert not window.after_first_page.is_open()  # nothing beside the list's first page
    window.open_article(second)  # chosen before the last article was looked up
    with qtbot.waitSignal(window.startup_done, timeout=10000):
        pass
    assert window.library_pane.model.rowCount() == 2
    assert window.reader.opened == [(second, None)]  # the choice stands
    again = make_window()
    again.ctx.settings.setValue(LAST_ARTICLE_KEY, first)
    with qtbot.waitSignal(again.startup_done, timeout=10000):
        again.start([])
    assert again.reader.opened == [(first, None)]  # nothing chosen: the last article reopens


def test_paste_and_drop_import(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_window()
    QApplication.clipboard().setText(BRIEF)
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.paste_as_article()
    assert blocker.args[0][0].status == "imported"
    path = write(tmp_path, "dropped.txt", "Ein anderer Text aus Weissfeld.\n\nMit Inhalt.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.dropEvent(event)
    assert blocker.args[0][0].status == "imported"


def send_from_process(key: str, paths: list[str]) -> subprocess.Popen[str]:
    """Send as a second start does, from another process (the answer needs this event loop)."""
    code = (
        "import sys; from desktop.ui.single_instance import SingleInstance; "
        "sys.exit(0 if SingleInstance(sys.argv[1]).send(sys.argv[2:], 10000) else 3)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-c", code, key, *paths], env=env, text=True)


def test_second_start_hands_over_paths(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    key = f"briefingreader-test-{uuid.uuid4().hex[:12]}"
    first = SingleInstance(key, lock_path=tmp_path / "lib.lock")
    second = SingleInstance(key, lock_path=tmp_path / "lib.lock")
    assert first.try_lock() and first.listen()
    assert not second.try_lock()  # the library is taken
    window = make_window()
    first.message_received.connect(window.handle_message)
    path = write(tmp_path, "handed.txt", BRIEF)
    with (
        qtbot.waitSignal(window.import_finished, timeout=30000),
        qtbot.waitSignal(first.message_received, timeout=30000) as blocker,
    ):
        process = send_from_process(key, [str(path)])
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30000)
    assert process.returncode == 0
    assert blocker.args[0] == [str(path.absolute())]
    assert not second.send([], timeout_ms=300)  # nobody answers while this thread is busy: absent
    first.close()
    assert not second.send([])  # nobody listens any more
    assert second.try_lock()
    second.close()


def test_export_dialog_writes_markdown_and_asks_before_overwriting(
    make_window: Any, qtbot: Any, tmp_path: Path, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    (result,) = import_and_wait(qtbot, window, [write(tmp_path, "brief.txt", BRIEF)])
    create_annotation(ctx.library, result.id, quote="mehr Transparenz", note="Nachfragen.", tags=["finance"])
    dialog = ExportDialog(ctx, result.id, result.title, window)
    qtbot.addWidget(dialog)
    target = tmp_path / "out" / "notes.md"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10000) as blocker:
        dialog.start_export()
    assert blocker.args == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert "mehr Transparenz" in text and "Nachfragen." in text
    questions: list[str] = []
    monkeypatch.setattr(Messages, "ask", classmethod(lambda cls, _p, _t, q: questions.append(q) or False))
    target.write_text("keep me", encoding="utf-8")
    again = ExportDialog(ctx, result.id, result.title, window)
    qtbot.addWidget(again)
    again.path_edit.setText(str(target))
    again.start_export()
    assert questions and "already exists" in questions[0]
    assert target.read_text(encoding="utf-8") == "keep me"


def test_main_with_a_non_database_file_returns_1(
    qapp: QApplication, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        Messages, "show_error", classmethod(lambda cls, _p, _t, text, details="": errors.append(text))
    )
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not a database, just some text " * 100)
    assert app_module.main(["--db", str(bogus)], settings=settings) == 1
    assert len(errors) == 1 and "not a Briefing Reader library" in errors[0]
    assert not (tmp_path / "notes.db.lock").exists()


def test_main_with_bad_arguments_returns_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert app_module.main(["--no-such-option"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unrecognized arguments" in err[0]


def test_crash_handler_logs_and_shows_the_error(qapp: QApplication, tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path / "crash.log")
    shown: list[str] = []
    handler.show_dialog = lambda text, details: shown.append(text)  # type: ignore[method-assign]
    try:
        raise ValueError("boom")
    except ValueError:
        handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert "ValueError: boom" in (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert shown and "boom" in shown[0] and "crash.log" in shown[0]


@pytest.mark.skipif(not real_panes_available(), reason="reading pane or sidebar not built yet")
def test_window_with_the_real_panes(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.splitter.count() == 3
    with qtbot.waitSignal(window.reader.article_opened, timeout=30000):
        window.import_paths([write(tmp_path, "brief.txt", BRIEF)], open_first=True)
    window.close()
    ctx.tasks.wait(10000)


def test_start_up_and_imports_keep_long_lived_objects_out_of_collections(
    make_window: Any, qtbot: Any, ctx: AppContext
) -> None:
    ctx.importer().import_text("Bericht\n\nDer Hafen meldet heute Neues.")
    gc.unfreeze()
    window = make_window()
    try:
        with qtbot.waitSignal(window.startup_done, timeout=10000):
            window.start([])
        assert gc.get_freeze_count() > 10000  # modules, classes, the window: walked by no collection
        gc.unfreeze()
        with qtbot.waitSignal(window.import_finished, timeout=30000):
            window.import_text("Ein zweiter Bericht\n\nAus dem Hafen, mit Inhalt.")
        assert gc.get_freeze_count() > 10000  # what an import loaded is settled too
    finally:
        gc.unfreeze()
