"""Screenshots of the real window on a library: reader, notes, focus mode, quotes, dossier, relations.

Run it under a display (``xvfb-run -a python -m tools.screenshots ...`` on a headless machine) with a
library that holds the sample and whatever else should be seen::

    python -m tools.screenshots --db LIBRARY --out resources/screenshots --mode light --size 1600x1000 \
        --scenes reader,notes,focus,quotes --article 1 --dossier "Donald Trump" [--lang de]

The team scenes: ``author-notes`` and ``author-library`` filter by ``--author NAME``; ``conflict``
edits ``--annotation ID`` while another session (``--other-user``) saves it, and shows the dialog.

Each scene is saved as ``<scene>-<mode>-<W>x<H>.png`` in ``--out``. The window is the one the app
opens (``MainWindow`` with its panes); nothing is mocked. A developer tool: not shipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import make_application
from desktop.services.annotations import update_annotation
from desktop.services.dossier import load_dossier
from desktop.services.dto import AnnotationRow
from desktop.services.queries import annotation_rows
from desktop.storage.db import open_library, resolve_database_url
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations, catalog_path
from desktop.ui.main_window import MainWindow
from desktop.ui.paths import open_settings
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import ThemeController
from desktop.ui.versions_dialog import VersionsDialog

SCENES = (
    "reader",
    "notes",
    "focus",
    "quotes",
    "annotations",
    "versions",
    "dossier",
    "network",
    "author-notes",
    "author-library",
    "conflict",
)


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def _save(widget: QWidget, out: Path, name: str) -> None:
    path = out / name
    widget.grab().save(str(path))
    print(path)


def _filter_by_author(window: MainWindow, scene: str, author: str, settle: int) -> None:
    """The notes view or the library list restricted to one author's work."""
    if scene == "author-notes":
        window.show_notes(True)
        _wait(settle)
        window.notes_pane.filters.set_author(author)
        return
    combo = window.library_pane.filters.author_combo
    combo.setCurrentIndex(max(combo.findData(author), 0))


def _conflict(window: MainWindow, ctx: AppContext, args: argparse.Namespace, name: str) -> None:
    """Edit a note that another session saved meanwhile: the dialog of the real save path, over the window."""
    rows = [r for r in annotation_rows_of(ctx, args.article) if r.id == args.annotation]
    if not rows:
        raise SystemExit(f"article {args.article} has no annotation {args.annotation}")
    window.sidebar.tabs.setCurrentIndex(1)
    window.sidebar.editor.set_annotation(rows[0])
    _wait(args.settle)
    other = open_library(resolve_database_url(args.db, {}), user=args.other_user)
    try:
        update_annotation(other, args.annotation, note=rows[0].note + " Quelle bestätigt.")
    finally:
        other.close()

    def shoot() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(200, shoot)
            return
        screen = window.screen()
        area = window.frameGeometry()
        screen.grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(str(args.out / name))
        print(args.out / name)
        dialog.reject()  # closing keeps a copy: nothing is lost

    QTimer.singleShot(args.settle, shoot)
    window.sidebar.editor.note.setPlainText(rows[0].note + " Eher zwei Szenarien.")
    window.sidebar.editor.flush()
    _wait(3 * args.settle)
    window.sidebar.tabs.setCurrentIndex(0)


def annotation_rows_of(ctx: AppContext, article_id: int) -> list[AnnotationRow]:
    """The annotations of an article as the reader shows them."""
    with ctx.library.read_session() as session:
        return annotation_rows(session, article_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="the library (SQLite file or database URL)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--mode", choices=("light", "dark"), default="light")
    parser.add_argument("--size", type=_size, default=(1600, 1000), help="window size, e.g. 1024x700")
    scene_help = "comma-separated: " + ", ".join(SCENES)
    parser.add_argument("--scenes", default="reader,notes,focus", help=scene_help)
    parser.add_argument("--article", type=int, default=1, help="the article to open")
    parser.add_argument("--annotation", type=int, default=None, help="an annotation to select in the reader")
    parser.add_argument("--dossier", default=None, help="the actor whose dossier to show")
    parser.add_argument("--author", default=None, help="the author the author-* scenes filter by")
    parser.add_argument(
        "--other-user",
        default="colleague",
        help="conflict scene: who saves the note meanwhile",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "de"),
        default="en",
        help="interface language (numbers and dates follow it); files of other languages than English "
        "end in -<lang>",
    )
    parser.add_argument("--settle", type=int, default=1500, help="milliseconds to let each scene settle")
    args = parser.parse_args(argv)
    scenes = [s for s in args.scenes.split(",") if s]
    unknown = [s for s in scenes if s not in SCENES]
    if unknown:
        parser.error(f"unknown scene {unknown[0]!r} (choose from {', '.join(SCENES)})")
    args.out.mkdir(parents=True, exist_ok=True)

    app = make_application()
    settings = open_settings()
    theme = ThemeController(app, settings)
    theme.set_mode(args.mode)
    if not Translations(app).apply(args.lang):
        parser.error(f"no translation for {args.lang!r} in {catalog_path(args.lang).parent}")
    library = open_library(resolve_database_url(args.db, {}))
    ctx = AppContext(library=library, settings=settings, tasks=TaskRunner(app), undo_stack=QUndoStack(app))
    window = MainWindow(ctx, theme=theme)
    width, height = args.size
    window.resize(width, height)
    window.show()
    window.start()
    _wait(2 * args.settle)
    window.open_article(args.article)
    _wait(args.settle)
    tag = f"{args.mode}-{width}x{height}" + ("" if args.lang == "en" else f"-{args.lang}")
    for scene in scenes:
        window.show_notes(scene == "notes")
        if scene == "reader" and args.annotation is not None:
            window.reader.show_annotation(args.article, args.annotation)
        elif scene == "notes" and args.annotation is not None:
            _wait(args.settle)
            window.notes_pane.select_note(args.annotation)
        elif scene == "focus":
            window.panes.set_focus(True)
        elif scene == "quotes":
            window.sidebar.tabs.setCurrentWidget(window.sidebar.quotes)
        elif scene == "annotations":  # anchor states after a new version
            window.sidebar.tabs.setCurrentIndex(1)
        elif scene == "versions":
            dialog = VersionsDialog(ctx, args.article, window)
            dialog.resize(min(width, 900), min(height, 700))
            dialog.show()
            _wait(2 * args.settle)
            _save(dialog, args.out, f"{scene}-{tag}.png")
            dialog.close()
            continue
        elif scene in ("author-notes", "author-library"):
            if args.author is None:
                parser.error(f"the {scene} scene needs --author NAME")
            _filter_by_author(window, scene, args.author, args.settle)
        elif scene == "conflict":
            if args.annotation is None:
                parser.error("the conflict scene needs --annotation ID")
            _conflict(window, ctx, args, f"{scene}-{tag}.png")
            continue
        elif scene in ("dossier", "network"):
            views = window.analysis
            if scene == "dossier":
                if args.dossier is None:
                    parser.error("the dossier scene needs --dossier NAME")
                views.open_dossier(load_dossier(library, args.dossier).actor.id)
                shown: QWidget = views.dossier_window()
            else:
                views.open_network()
                shown = views.network_window()
            shown.resize(width, height)
            _wait(2 * args.settle)
            _save(shown, args.out, f"{scene}-{tag}.png")
            shown.close()
            continue
        _wait(args.settle)
        _save(window, args.out, f"{scene}-{tag}.png")
        if scene == "focus":
            window.panes.set_focus(False)
        if scene in ("quotes", "annotations"):
            window.sidebar.tabs.setCurrentIndex(0)
        if scene == "author-library":
            window.library_pane.filters.author_combo.setCurrentIndex(0)
    window.close()
    ctx.tasks.wait(5000)
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
