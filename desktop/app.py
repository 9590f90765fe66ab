"""Starting the window: arguments, application set-up, single instance, library, first run."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.storage.db import open_library, resolve_database_url
from desktop.storage.errors import LibraryLockedError, StorageError
from desktop.ui import startup_probe
from desktop.ui.crash import CrashHandler, Messages
from desktop.ui.i18n import install_translations, translate
from desktop.ui.paths import (
    APP_ID,
    APPLICATION,
    ORGANIZATION,
    app_icon,
    crash_log_path,
    instance_key,
    lock_file_path,
    open_settings,
)
from desktop.ui.single_instance import SingleInstance
from desktop.ui.theme import ThemeController

TITLE = "Briefing Reader"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit status 2
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """``briefing-reader [--db URL] [FILE...]``."""
    parser = _Parser(prog="briefing-reader", description="Open the Briefing Reader window.")
    parser.add_argument("--db", metavar="URL", help="library: a SQLite file path or a database URL")
    parser.add_argument("files", nargs="*", metavar="FILE", help="files or folders to import and open")
    return parser


def make_application() -> QApplication:
    """The QApplication (reused when one exists), named and with its icon."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "briefing-reader"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(TITLE)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def main(argv: Sequence[str], *, settings: QSettings | None = None) -> int:
    """Run the window; returns the exit status (0 ok, 1 library problem, 2 bad arguments)."""
    try:
        args = build_parser().parse_args(list(argv))
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    files = [str(Path(f).absolute()) for f in args.files]
    app = make_application()
    settings = settings if settings is not None else open_settings()
    theme = ThemeController(app, settings)
    install_translations(app, settings)
    try:
        url = resolve_database_url(args.db, os.environ)
    except StorageError as error:
        Messages.show_error(None, TITLE, str(error))
        return 1

    instance = SingleInstance(instance_key(url), lock_path=lock_file_path(url))
    if instance.send(files):
        return 0
    if not instance.try_lock():
        Messages.show_error(
            None,
            TITLE,
            translate(
                "App",
                "This library is already open in another Briefing Reader window that does not respond "
                "(or on another computer). Close that window, or start with another library (--db).",
            ),
        )
        return 1
    try:
        library = _open_library_showing_upgrade(url)
    except LibraryLockedError:
        instance.close()
        Messages.show_error(
            None, TITLE, translate("App", "This library is open in another program; close it and try again.")
        )
        return 1
    except StorageError as error:
        instance.close()
        Messages.show_error(None, TITLE, str(error))
        return 1
    return _run(app, library, settings, theme, instance, files, crash_log_path(url))


def _open_library_showing_upgrade(url: str) -> Any:
    """:func:`open_library` on a thread of its own; while an existing library's format is updated
    (once after an update, minutes for a large library) a window says so instead of nothing."""
    upgrading = threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["library"] = open_library(url, on_upgrade=upgrading.set)
        except BaseException as error:  # raised again on the GUI thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="open-library", daemon=True)
    worker.start()
    notice: QProgressDialog | None = None
    while worker.is_alive():
        worker.join(0.05)
        if notice is None and upgrading.is_set():
            notice = QProgressDialog(
                translate(
                    "App",
                    "Updating the library to this version's format. This happens once; a large library "
                    "takes a few minutes.",
                ),
                "",
                0,
                0,
            )
            notice.setCancelButton(None)
            notice.setWindowTitle(TITLE)
            notice.setMinimumDuration(0)
            notice.show()
        QApplication.processEvents()
    if notice is not None:
        notice.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["library"]


def _quit_on_interrupt(app: QApplication, window: QWidget) -> None:
    """Ctrl+C in the terminal closes the window properly (Python handles signals between timer ticks)."""
    signal.signal(signal.SIGINT, lambda *_args: window.close())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(300)


def _run(
    app: QApplication,
    library: Any,
    settings: QSettings,
    theme: ThemeController,
    instance: SingleInstance,
    files: list[str],
    log_path: Path,
) -> int:
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.restore_dialog import check_library_at_start
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.user_name_dialog import ask_at_first_start

    crash = CrashHandler(log_path)
    crash.install()
    tasks = TaskRunner(app)
    ctx = AppContext(library=library, settings=settings, tasks=tasks, undo_stack=QUndoStack(app))
    try:
        window = MainWindow(ctx, theme=theme)
        startup_probe.install(window, window.reader)
        instance.message_received.connect(window.handle_message)
        instance.listen()
        window.show()
        ask_at_first_start(window, ctx)  # the name recorded with notes; asked once, without blocking
        window.start(files)
        window.when_idle(lambda: check_library_at_start(window, ctx, window))
        _quit_on_interrupt(app, window)
        status = app.exec()
        tasks.wait(5000)
        return int(status)
    finally:
        instance.close()
        crash.uninstall()
        settings.sync()
        library.close()
