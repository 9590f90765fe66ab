"""The window half of ``tools.bench_scale``, run in its own process (offscreen).

``python -m tools.scale_window DB TYPICAL_ID LONG_ID [--models]``

Starts the window the way ``briefing-reader`` does (library opened, main window shown, the
start-up check scheduled; the daily backup is left out so that a copy of a big library does not
run beside the figures), prints ``READY`` once the article list shows rows, lets the start-up
housekeeping finish (the check and the recogniser's warm-up), then prints one JSON line: opening
the two articles in the reading pane (``open_*``: until the whole text is laid out and the window
painted again; ``open_*_shown``: until the reading pane has painted the article, the rest of a
long text being laid out after it), with the CPU milliseconds of the process (all threads) beside
each, and the RSS with both recognition models loaded (``--models``, with the pause of one full
garbage collection then).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    """This process's resident set size in MB (Linux; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _wait(app: Any, condition: Callable[[], bool], timeout_s: float = 120.0) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents()
        time.sleep(0.002)
    return True


def _rows_shown(window: Any) -> bool:
    model = window.library_pane.view.model()
    return model is not None and model.rowCount() > 0


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.scale_window",
        description="Open a library in the window (offscreen), print READY, then one JSON line of "
        "figures: opening two articles, CPU and RSS. Run by tools.bench_scale.",
    )
    parser.add_argument("db", type=Path, help="the library's SQLite file (a copy: opening it may write)")
    parser.add_argument("typical_id", type=int, help="id of a typical article")
    parser.add_argument("long_id", type=int, help="id of the longest article")
    parser.add_argument("--models", action="store_true", help="also load both recognition models (RSS)")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"{args.db} is not a library file")
    return args


def main(argv: list[str]) -> int:
    """Run the window, print READY and the figures."""
    args = parse_args(argv)
    from desktop.before_qt import import_window_services

    import_window_services()  # as ``briefing-reader`` does, before Qt
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QTextEdit

    import desktop.services.maintenance as maintenance
    from desktop.storage.db import open_library
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.restore_dialog import check_library_at_start
    from desktop.ui.startup_queue import IDLE_MS
    from desktop.ui.tasks import TaskRunner

    db, typical, long_id = args.db, args.typical_id, args.long_id
    maintenance.daily_backup = lambda _engine: None  # type: ignore[assignment]
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="bench-scale-ui-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        library = open_library(f"sqlite:///{db}")
        ctx = AppContext(
            library=library, settings=settings, tasks=TaskRunner(app), undo_stack=QUndoStack(app)
        )
        window = MainWindow(ctx)
        window.show()
        window.start([])
        window.when_idle(lambda: check_library_at_start(window, ctx, window))
        if not _wait(app, lambda: _rows_shown(window)):
            print("the article list did not fill", file=sys.stderr)
            return 1
        window.repaint()
        cpu_ms = round(time.process_time() * 1000, 1)  # this process's CPU to READY (all threads)
        print("READY", flush=True)
        figures: dict[str, Any] = {"rss_after_start_mb": rss_mb(), "startup_cpu_ms": cpu_ms}
        # The start-up housekeeping (the start-up check and the recogniser's warm-up, once the window
        # has been idle for IDLE_MS) is let finish first: it would otherwise load the models beside
        # whichever opening it happens to meet.
        # (twice the idle wait: each piece of housekeeping waits for it after a step of its own)
        settled = time.perf_counter() + 2 * IDLE_MS / 1000 + 1.0
        _wait(app, lambda: time.perf_counter() > settled and ctx.tasks.active_count() == 0)
        app.processEvents()
        for name, article_id in (("typical", typical), ("long", long_id), ("typical_again", typical)):
            for whole in (True, False):
                times, cpu = [], []
                for _run in range(3):
                    window.reader.close_article()
                    # as between a reader's clicks: what the last opening left to paint (the
                    # sidebar's lists) is painted before the next one is timed
                    pause = time.perf_counter() + 0.2
                    _wait(app, lambda p=pause: time.perf_counter() > p)  # type: ignore[misc]
                    started, cpu_started = time.perf_counter(), time.process_time()
                    window.open_article(article_id)
                    if not _wait(app, lambda a=article_id: window.current_article_id() == a):  # type: ignore[misc]
                        print(f"article {article_id} did not open", file=sys.stderr)
                        return 1
                    if whole:  # all of the text laid out and the whole window painted again
                        for edit in window.reader.findChildren(QTextEdit):
                            edit.document().documentLayout().documentSize()
                        window.repaint()
                    else:  # the article on screen: the reading pane painted, the rest laid out later
                        window.reader.browser.viewport().repaint()
                    times.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - cpu_started) * 1000)  # all threads: load and GUI
                key = f"open_{name}" if whole else f"open_{name}_shown"
                figures[f"{key}_ms"] = round(statistics.median(times), 1)
                figures[f"{key}_cpu_ms"] = round(statistics.median(cpu), 1)
        for key in [k for k in figures if k.startswith("open_typical_again")]:
            figures.pop(key)  # opened once before the long one: warm caches on both
        if args.models:
            recognizer = ctx.recognizer()
            recognizer.recognize("Angela Merkel sprach in Berlin mit Vertretern der NATO.", "de")
            recognizer.recognize("Joe Biden met NATO officials in Brussels on Monday.", "en")
            figures["rss_with_models_mb"] = rss_mb()
            # what one full collection of the cyclic garbage collector stops every thread for now
            # (the objects start-up and the models made are settled, see desktop.core.heap)
            started = time.perf_counter()
            gc.collect()
            figures["gc_full_collection_ms"] = round((time.perf_counter() - started) * 1000, 2)
        figures["rss_mb"] = rss_mb()
        print(json.dumps(figures), flush=True)
        window.close()
        ctx.tasks.wait(20000)
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
