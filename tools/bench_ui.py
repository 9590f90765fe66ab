"""Window benchmarks (offscreen): opening a long annotated article, and start-up with 1,000 articles.

``python -m tools.bench_ui [--data DIR] [--json] [--runs N]``

(a) ``open_article``: an article of 5,000 words with 400 entity mentions and 50 annotations,
written straight into a temporary library; the time from ``ReaderPane.open_article`` until
the document is laid out (median of N opens of fresh copies).
(b) ``startup``: 1,000 articles of 10kGNAD (``10kgnad/test.csv``) bulk-inserted without
recognition; the time for ``MainWindow`` creation, the library list loaded and a first paint.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer, QtMsgType, SignalInstance, qInstallMessageHandler
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget
from sqlalchemy import insert

from desktop.core.entities.recognizer import NullRecognizer
from desktop.core.ingest import IngestError, load_text
from desktop.storage.db import Library, open_library
from desktop.storage.models import Actor, Annotation, Article, Mention
from desktop.storage.search import index_article
from desktop.ui.context import AppContext
from desktop.ui.tasks import TaskRunner

REPO_ROOT = Path(__file__).resolve().parents[1]
WORDS = 5000
MENTIONS = 400
ANNOTATIONS = 50
STARTUP_ARTICLES = 1000
_VOCAB = [
    "der",
    "die",
    "das",
    "und",
    "in",
    "zu",
    "den",
    "von",
    "mit",
    "sich",
    "des",
    "auf",
    "für",
    "ist",
    "im",
    "dem",
    "nicht",
    "ein",
    "eine",
    "als",
    "auch",
    "es",
    "an",
    "werden",
    "aus",
    "er",
    "hat",
    "dass",
    "sie",
    "nach",
    "wird",
    "bei",
    "einer",
    "um",
    "am",
    "sind",
    "noch",
    "wie",
    "einem",
    "über",
    "einen",
    "so",
    "zum",
    "Regierung",
    "Bericht",
    "Lage",
    "Woche",
    "Gespräch",
    "Frage",
    "Plan",
    "Vertrag",
    "Grenze",
    "Hilfe",
    "Jahr",
    "Sitzung",
    "Ergebnis",
    "sagte",
    "erklärte",
    "forderte",
    "betonte",
    "plant",
    "prüft",
    "wies",
    "hin",
    "darauf",
    "wieder",
    "weiter",
    "zuvor",
    "bereits",
]
_SYLLABLES = ("ka", "lo", "mer", "tin", "ber", "sa", "vik", "dor", "el", "ran", "mo", "lis", "ta", "gun")


def default_data_dir() -> Path:
    """``$BRIEFING_DATA``, else ``../shared/data`` next to the repository."""
    env = os.environ.get("BRIEFING_DATA")
    return Path(env) if env else (REPO_ROOT / ".." / "shared" / "data").resolve()


def wait_for(
    signal: SignalInstance, timeout_ms: int = 60000, condition: Callable[[], bool] | None = None
) -> bool:
    """Run the event loop until ``signal`` fires (and ``condition`` holds) or the timeout passes."""
    if condition is not None and condition():
        return True
    loop = QEventLoop()
    fired: list[bool] = []

    def on_signal(*_args: Any) -> None:
        if condition is None or condition():
            fired.append(True)
            loop.quit()

    signal.connect(on_signal)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(on_signal)
    return bool(fired)


def _quiet_offscreen(mode: QtMsgType, _context: Any, message: str) -> None:
    """Drop the offscreen plugin's "does not support" notes; print everything else."""
    if "This plugin does not support" not in message:
        sys.stderr.write(message + "\n")


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def build_long_article(library: Library, seed: int) -> int:
    """Insert one synthetic article (5,000 words, 400 mentions, 50 annotations); returns its id."""
    rng = random.Random(seed)
    actors = [(_name(rng), rng.choice(("person", "organization", "location"))) for _ in range(40)]
    mention_at = set(rng.sample(range(10, WORDS - 10), MENTIONS))
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []  # start, end, actor index
    pos = 0
    for i in range(WORDS):
        if i in mention_at:
            actor = rng.randrange(len(actors))
            token = actors[actor][0].split()[rng.randrange(2)]
            spans.append((pos, pos + len(token), actor))
        else:
            token = rng.choice(_VOCAB)
        token += "." if i % 17 == 16 else ""
        parts.append(token)
        pos += len(token) + (2 if i % 120 == 119 else 1)
        parts.append("\n\n" if i % 120 == 119 else " ")
    text = "".join(parts).strip()
    title = f"Synthetic briefing {seed}"
    with library.session() as session:
        article_id = int(
            session.execute(
                insert(Article)
                .values(title=title, text=text, language="de", format="txt", content_hash=f"{seed:064x}")
                .returning(Article.id)
            ).scalar_one()
        )
        index_article(session, article_id, title, text)
        actor_ids = [
            int(session.execute(insert(Actor).values(name=n, type=t).returning(Actor.id)).scalar_one())
            for n, t in actors
        ]
        session.execute(
            insert(Mention),
            [
                {
                    "article_id": article_id,
                    "actor_id": actor_ids[a],
                    "start": s,
                    "end": e,
                    "text": text[s:e],
                    "type": actors[a][1],
                }
                for s, e, a in spans
            ],
        )
        step = len(text) // ANNOTATIONS
        notes = []
        for k in range(ANNOTATIONS):
            start = k * step + rng.randrange(step // 2)
            end = min(start + rng.randint(20, 120), len(text))
            notes.append(
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "exact": text[start:end],
                    "prefix": text[max(0, start - 32) : start],
                    "suffix": text[end : end + 32],
                    "note": f"Note {k}",
                    "color": rng.choice(("yellow", "green", "blue", "red")),
                }
            )
        session.execute(insert(Annotation), notes)
    return article_id


def read_10kgnad(path: Path, limit: int) -> list[str]:
    """Article texts of 10kGNAD's CSV (``label;'text'``; the label is dropped)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            row[1]
            for row, _ in zip(csv.reader(handle, delimiter=";", quotechar="'"), range(limit), strict=False)
        ]


def fill_library(library: Library, texts: list[str]) -> int:
    """Bulk-insert texts as articles (no recognition); returns how many went in."""
    rows = []
    seen: set[str] = set()
    for text in texts:
        try:
            doc = load_text(text, fmt="paste")
        except IngestError:
            continue
        if doc.content_hash in seen:
            continue
        seen.add(doc.content_hash)
        rows.append(
            {
                "title": doc.title[:500],
                "text": doc.text,
                "language": doc.language,
                "format": "txt",
                "content_hash": doc.content_hash,
            }
        )
    with library.session() as session:
        ids = session.execute(insert(Article).returning(Article.id, Article.title, Article.text), rows).all()
        for article_id, title, body in ids:
            index_article(session, article_id, title, body)
    return len(rows)


def _context(library: Library, folder: Path, app: QApplication) -> AppContext:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(library, settings, TaskRunner(app), QUndoStack(app), model=NullRecognizer())


def bench_open_article(app: QApplication, folder: Path, runs: int) -> dict[str, Any]:
    """Median time to open and lay out the long annotated article in the reading pane."""
    from desktop.ui.reader_view import ReaderPane

    library = open_library(f"sqlite:///{folder / 'long.sqlite3'}")
    ids = [build_long_article(library, seed) for seed in range(runs + 1)]
    ctx = _context(library, folder, app)
    host = QWidget()
    reader = ReaderPane(ctx, host)
    host.resize(900, 900)
    reader.resize(900, 900)
    host.show()
    times: list[float] = []
    for i, article_id in enumerate(ids):
        start = time.perf_counter()
        reader.open_article(article_id)

        def shown(wanted: int = article_id) -> bool:
            return reader.current_article_id() == wanted

        if not wait_for(reader.article_opened, condition=shown):
            raise RuntimeError(f"article {article_id} did not open")
        for edit in reader.findChildren(QTextEdit):
            edit.document().documentLayout().documentSize()  # finish the layout of the whole text
        reader.repaint()
        if i:  # the first open warms caches (fonts, SQL statement cache)
            times.append((time.perf_counter() - start) * 1000)
    host.close()
    ctx.tasks.wait(10000)
    library.close()
    return {
        "words": WORDS,
        "mentions": MENTIONS,
        "annotations": ANNOTATIONS,
        "runs": len(times),
        "median_ms": round(statistics.median(times), 1),
        "all_ms": [round(t, 1) for t in times],
    }


def bench_startup(app: QApplication, folder: Path, data_dir: Path, runs: int) -> dict[str, Any]:
    """Median time to a usable window over a library of 1,000 articles."""
    from desktop.ui.main_window import MainWindow

    csv_path = data_dir / "10kgnad" / "test.csv"
    if not csv_path.is_file():
        return {"skipped": f"{csv_path} not found"}
    library = open_library(f"sqlite:///{folder / 'startup.sqlite3'}")
    count = fill_library(library, read_10kgnad(csv_path, STARTUP_ARTICLES))
    times: list[float] = []
    for i in range(runs + 1):
        ctx = _context(library, folder, app)
        start = time.perf_counter()
        window = MainWindow(ctx)
        window.show()
        model = window.library_pane.model
        if not wait_for(model.loaded, condition=lambda: model.rowCount() > 0):  # noqa: B023
            raise RuntimeError("the library list did not load")
        window.repaint()
        if i:
            times.append((time.perf_counter() - start) * 1000)
        window.close()
        ctx.tasks.wait(10000)
        window.deleteLater()
        app.processEvents()
    library.close()
    return {
        "articles": count,
        "runs": len(times),
        "median_ms": round(statistics.median(times), 1),
        "all_ms": [round(t, 1) for t in times],
    }


def main(argv: list[str] | None = None) -> int:
    """Run both benchmarks and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_ui", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="data sets folder (default: ../shared/data)")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per benchmark (default 5)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    data_dir = args.data or default_data_dir()
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        folder = Path(tmp)
        result: dict[str, Any] = {
            "platform": app.platformName(),
            "open_article": bench_open_article(app, folder, args.runs),
            "startup": bench_startup(app, folder, data_dir, args.runs),
        }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        a, s = result["open_article"], result["startup"]
        print(
            f"open article ({a['words']} words, {a['mentions']} mentions, {a['annotations']} notes): "
            f"median {a['median_ms']} ms over {a['runs']} runs"
        )
        if "skipped" in s:
            print(f"start-up: skipped ({s['skipped']})")
        else:
            print(f"start-up with {s['articles']} articles: median {s['median_ms']} ms over {s['runs']} runs")
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
