"""Window benchmark at scale (offscreen): the library list, search box and actor filter over a big library.

``python -m tools.bench_window [--articles N] [--library FILE] [--data DIR] [--shot PNG]``

Builds (or reuses, with ``--library``) a library of N articles made from the 10kGNAD texts, each
varied so that de-duplication keeps it, with 8 actor mentions per article, written by bulk inserts
(full-text index rows included; no recognition). Then, in a real ``MainWindow``, it measures and prints
as JSON:

- ``window_built_ms`` and ``first_page_ms``: the window created and shown, and the first page of the
  list on screen (both from the start);
- ``search``: typing a word into the search box key by key, and clearing it again: the longest stall of
  the GUI thread's event loop (the largest gap of a 5 ms heartbeat timer) while typing and until the
  results (and the restored list) are shown; results after the last key (the 250 ms typing pause included);
- ``sort_title_ms`` and its stall: a click on the Title header until the first sorted page is shown;
- ``scroll_page_ms``: scrolling to the end of the list until the next page is shown;
- ``actor_filter``: typing a name part until the suggestions arrive, and choosing an actor until the
  first filtered page is shown and until the articles are counted;
- ``sidebar_actors``: the sidebar's "Whole library" actor list until its first rows are shown, and
  typing a name part into its filter until only matching actors are listed (with the stalls);
- ``refresh_after_import``: another program adds articles; the list refreshed in place (rows inserted,
  no reset, selection kept);
- ``rss_mb``: resident memory of the process with the window open (no recognition models loaded).

``--shot`` saves a picture of the window (QWidget.grab) to check how the list looks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QItemSelectionModel, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, insert, select

from desktop.storage.db import Library, open_library
from desktop.storage.models import Article
from tools.bench_ui import _context, _quiet_offscreen, default_data_dir, read_10kgnad, wait_for
from tools.bench_window_build import MENTIONS_PER_ARTICLE as MENTIONS_PER_ARTICLE  # re-exported for the tests
from tools.bench_window_build import build_library

SEARCH_WORD = "Regierung"
ACTOR_TEXT = "ber"


# --------------------------------------------------------------------------- measuring


class Heartbeat:
    """A 5 ms timer on the GUI thread; the largest gap between its ticks is the longest stall.

    On a shared machine a gap is partly other programs' time: ``cpu_ms`` is the GUI thread's own CPU
    time within the longest gap (what this program spent there).
    """

    def __init__(self, interval_ms: int = 5) -> None:
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = self._last_cpu = 0.0
        self.longest = self.longest_cpu = 0.0

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if now - self._last > self.longest:
            self.longest, self.longest_cpu = now - self._last, cpu - self._last_cpu
        self._last, self._last_cpu = now, cpu

    def start(self) -> None:
        self.longest = self.longest_cpu = 0.0
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> float:
        """Stop; the longest gap in ms (the time since the last tick included)."""
        self._tick()
        self._timer.stop()
        return round(self.longest * 1000, 1)

    def cpu_ms(self) -> float:
        """The GUI thread's CPU time within the longest gap (ms)."""
        return round(self.longest_cpu * 1000, 1)


def _pump(ms: int) -> None:
    """Run the event loop for ``ms`` (a pause between keys)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _type(field: Any, text: str, key_ms: int = 60) -> None:
    for i in range(1, len(text) + 1):
        field.setText(text[:i])
        field.textEdited.emit(text[:i])
        _pump(key_ms)


def _timed(action: Callable[[], object], signal: Any, condition: Callable[[], bool] | None = None) -> float:
    start = time.perf_counter()
    action()
    if not wait_for(signal, 120000, condition):
        raise RuntimeError("timed out")
    return round((time.perf_counter() - start) * 1000, 1)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return -1.0


def _measure_sidebar_actors(window: Any, beat: Heartbeat) -> dict[str, Any]:
    """The sidebar's "Whole library" actor list: until its first rows are shown, and typing a name
    part into its filter until only matching actors are listed."""
    from desktop.core.textfold import fold

    panel = window.sidebar.actors
    model = panel.actors_model
    figures: dict[str, Any] = {}
    beat.start()
    figures["library_list_ms"] = _timed(
        lambda: panel.scope_box.setChecked(True), model.modelReset, lambda: bool(model.actors())
    )
    figures["library_list_stall_ms"] = beat.stop()
    figures["library_list_stall_gui_cpu_ms"] = beat.cpu_ms()
    figures["actors_read"] = len(model.actors())

    def matching() -> bool:
        groups = [model.index(g, 0) for g in range(model.rowCount())]
        shown = [model.actor(model.index(r, 0, g)) for g in groups for r in range(model.rowCount(g))]
        names = [(a.name, *a.aliases) if a else () for a in shown]
        return bool(shown) and all(any(ACTOR_TEXT in fold(n) for n in both) for both in names)

    beat.start()
    _type(panel.actor_filter, ACTOR_TEXT, key_ms=40)
    typed = time.perf_counter()
    wait_for(model.modelReset, 120000, matching)
    figures["filter_after_last_key_ms"] = round((time.perf_counter() - typed) * 1000, 1)
    figures["filter_stall_ms"] = beat.stop()
    figures["filter_stall_gui_cpu_ms"] = beat.cpu_ms()
    panel.actor_filter.clear()
    panel.scope_box.setChecked(False)
    return figures


def measure(app: QApplication, library: Library, folder: Path, shot: Path | None) -> dict[str, Any]:
    from desktop.ui.main_window import MainWindow

    ctx = _context(library, folder, app)
    result: dict[str, Any] = {}
    start = time.perf_counter()
    window = MainWindow(ctx)
    window.resize(1400, 900)
    window.show()
    result["window_built_ms"] = round((time.perf_counter() - start) * 1000, 1)
    pane = window.library_pane
    model = pane.model
    choices: list[float] = []
    pane.choices_loaded.connect(lambda: choices.append(time.perf_counter()))
    if not wait_for(model.page_loaded, 120000, lambda: model.rowCount() > 0):
        raise RuntimeError("the library list did not load")
    window.repaint()
    result["first_page_ms"] = round((time.perf_counter() - start) * 1000, 1)
    result["listed_rows_after_first_page"] = model.rowCount()
    wait_for(pane.choices_loaded, 120000, lambda: bool(choices))
    result["filter_choices_loaded_ms"] = round((choices[0] - start) * 1000, 1)
    beat = Heartbeat()
    beat.start()
    _pump(1000)
    result["idle_stall_floor_ms"] = beat.stop()  # the machine's own noise: an idle second

    # typing a word and clearing the search box
    beat.start()
    _type(pane.search, SEARCH_WORD)
    typed = time.perf_counter()
    wait_for(pane.search_finished, 120000, lambda: pane.search_query() == SEARCH_WORD)
    window.repaint()
    search: dict[str, Any] = {"word": SEARCH_WORD, "hits_first_page": model.rowCount()}
    search["results_after_last_key_ms"] = round((time.perf_counter() - typed) * 1000, 1)
    search["longest_stall_typing_ms"] = beat.stop()
    search["longest_stall_typing_gui_cpu_ms"] = beat.cpu_ms()
    beat.start()
    cleared = time.perf_counter()
    finished: list[str] = []
    pane.search_finished.connect(lambda query, _n: finished.append(query))
    pane.search.clear()  # the clear button does this
    wait_for(pane.search_finished, 120000, lambda: "" in finished)
    window.repaint()
    search["list_back_after_clear_ms"] = round((time.perf_counter() - cleared) * 1000, 1)
    search["longest_stall_clearing_ms"] = beat.stop()
    search["longest_stall_clearing_gui_cpu_ms"] = beat.cpu_ms()
    result["search"] = search

    # sorting by title (in SQL)
    beat.start()
    header = pane.view.header()
    result["sort_title_ms"] = _timed(
        lambda: header.setSortIndicator(0, header.sortIndicatorOrder()), model.page_loaded
    )
    result["sort_title_stall_ms"] = beat.stop()
    result["sort_title_stall_gui_cpu_ms"] = beat.cpu_ms()
    header.setSortIndicator(-1, header.sortIndicatorOrder())
    wait_for(model.page_loaded, 120000)

    # scrolling to the end of the fetched rows
    before = model.rowCount()
    beat.start()
    result["scroll_page_ms"] = _timed(
        pane.view.scrollToBottom, model.rowsInserted, lambda: model.rowCount() > before
    )
    result["scroll_stall_ms"] = beat.stop()
    result["scroll_stall_gui_cpu_ms"] = beat.cpu_ms()

    # the actor filter
    actor: dict[str, Any] = {}
    bar = pane.filters
    beat.start()
    field = pane.actor_combo.lineEdit()
    suggested: list[str] = []
    bar.actors_suggested.connect(lambda: suggested.append(pane.actor_combo.currentText()))
    _type(field, ACTOR_TEXT, key_ms=40)
    typed = time.perf_counter()
    wait_for(bar.actors_suggested, 120000, lambda: ACTOR_TEXT in suggested)
    actor["suggestions_after_last_key_ms"] = round((time.perf_counter() - typed) * 1000, 1)
    actor["suggestions"] = bar.actor_matches.rowCount()
    choice = bar.actor_matches.index(0, 0)
    counted: list[float] = []
    pane.filter_finished.connect(lambda _n: counted.append(time.perf_counter()))
    started = time.perf_counter()
    actor["filter_first_page_ms"] = _timed(lambda: bar._actor_completed(choice), model.page_loaded)
    wait_for(pane.filter_finished, 120000, lambda: bool(counted))
    actor["filter_counted_ms"] = round((counted[0] - started) * 1000, 1)
    actor["articles"] = model.total()
    actor["longest_stall_ms"] = beat.stop()
    actor["longest_stall_gui_cpu_ms"] = beat.cpu_ms()
    result["actor_filter"] = actor
    pane.set_filter(type(pane.current_filter())())
    wait_for(pane.filter_finished, 120000)

    result["sidebar_actors"] = _measure_sidebar_actors(window, beat)

    # another program imports: the list refreshes in place
    target = model.index(3, 0)
    pane.view.selectionModel().setCurrentIndex(
        target, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    selected = pane.selected_article_id()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    with library.session() as session:
        row = session.execute(select(Article.text, Article.language).limit(1)).one()
        session.execute(
            insert(Article),
            [
                {
                    "title": f"Neu {n}",
                    "text": f"{row[0]} neu {n}",
                    "language": row[1],
                    "format": "txt",
                    "content_hash": hashlib.sha256(f"new {n} {time.time()}".encode()).hexdigest(),
                }
                for n in range(3)
            ],
        )
    beat.start()
    refresh_ms = _timed(lambda: window._on_library_changed_elsewhere(), model.page_loaded)
    result["refresh_after_import"] = {
        "ms": refresh_ms,
        "longest_stall_ms": beat.stop(),
        "longest_stall_gui_cpu_ms": beat.cpu_ms(),
        "model_resets": len(resets),
        "selection_kept": pane.selected_article_id() == selected,
    }
    with library.read_session() as session:
        result["library_articles"] = int(session.scalar(select(func.count(Article.id))) or 0)
    result["rss_mb"] = _rss_mb()
    if shot is not None:
        window.grab().save(str(shot))
        result["screenshot"] = shot.name
    window.close()
    ctx.tasks.wait(30000)
    return result


def main(argv: list[str] | None = None) -> int:
    """Build or reuse a big library, measure the window over it and print JSON."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_window", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000, help="articles to build (default 10000)")
    parser.add_argument("--library", type=Path, default=None, help="library file to build once and reuse")
    parser.add_argument("--data", type=Path, default=None, help="data sets folder (default: ../shared/data)")
    parser.add_argument("--shot", type=Path, default=None, help="save a screenshot of the window (PNG)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="bench-window-") as tmp:
        folder = Path(tmp)
        path = args.library or folder / "library.sqlite3"
        fresh = not path.exists()
        library = open_library(f"sqlite:///{path}")
        try:
            built: dict[str, Any] = {"reused": str(path.name)}
            if fresh:
                csv_path = (args.data or default_data_dir()) / "10kgnad" / "test.csv"
                if not csv_path.is_file():
                    print(f"{csv_path} not found (use --data)", file=sys.stderr)
                    return 1
                built = build_library(library, read_10kgnad(csv_path, 100000), args.articles)
            result = {
                "platform": app.platformName(),
                "build": built,
                **measure(app, library, folder, args.shot),
            }
        finally:
            library.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
