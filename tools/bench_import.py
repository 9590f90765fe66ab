"""Import throughput benchmark: real German news articles, with recognition, into a fresh library.

    python -m tools.bench_import [--data DIR] [--limit N] [--no-recognition] [--workers N] [--json]
                                 [--checksum]

Reads 10kGNAD's test split (one article per row after the topic label), imports every
article into a temporary SQLite library through the same ``Importer`` the app uses (analysis
in N worker processes, one per core by default, started and warmed before the clock runs),
and prints articles per second, the time spent in recognition, quote finding and storing,
and the library size. ``--checksum`` adds the rows of every table (and the full-text index)
counted and hashed, times left out: a change meant only to make importing faster must keep them.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.core import language
from desktop.core.entities.gazetteer import default_gazetteer
from desktop.core.entities.recognizer import NullRecognizer, Recognizer
from desktop.core.ingest import load_text
from desktop.core.quotes import find_quotes
from desktop.core.types import Document, EntitySpan
from desktop.services.import_pipeline import AnalysisPool, pool_workers
from desktop.services.importer import Importer
from desktop.services.recognition import model_recognizer
from desktop.storage.db import open_library, resolve_database_url

REPO = Path(__file__).resolve().parents[1]


def _never() -> bool:
    return False


def default_data_dir() -> Path:
    """``BRIEFING_DATA`` or the shared data folder beside the repository."""
    return Path(os.environ.get("BRIEFING_DATA") or REPO.parent / "shared" / "data")


def gnad_articles(path: Path, limit: int | None = None) -> Iterator[str]:
    """Texts of 10kGNAD rows (``label;'text'`` with ' as the quote character)."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        for index, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if limit is not None and index >= limit:
                return
            if len(row) >= 2 and row[1].strip():
                yield row[1]


def gnad_document(text: str) -> Document:
    """A document whose title is the teaser sentence (10kGNAD has no titles)."""
    teaser = text.split(". ", 1)[0][:160]
    return load_text(teaser + "\n\n" + text, fmt="paste")


class TimedRecognizer:
    """Wraps a recogniser and adds up the time spent in it."""

    def __init__(self, inner: Recognizer) -> None:
        self.inner = inner
        self.seconds = 0.0

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Delegate and time."""
        started = time.perf_counter()
        try:
            return self.inner.recognize(text, language)
        finally:
            self.seconds += time.perf_counter() - started


def library_checksum(db_path: Path) -> dict[str, object]:
    """Rows per table and one hash over all rows in key order; times (``*_at``) left out.

    A table keyed by its rowid is hashed with it; a table with a composite key (``actor_pairs``)
    by its columns in key order, as the order its rows were written in may differ between runs.

    The full-text index counts by its entries (rowid and columns), not by its internal segments,
    which depend on how the rows were batched.
    """
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not name.startswith(("sqlite_", "articles_fts_", "alembic"))
        ]
        digest = hashlib.sha256()
        counts: dict[str, int] = {}
        for table in tables:
            info = list(connection.execute(f'PRAGMA table_info("{table}")'))
            columns = [row[1] for row in info]
            key = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5] > 0]
            values = [c for c in columns if not c.endswith("_at")]
            if len(key) == 1 and str(info[columns.index(key[0])][2]).upper() == "INTEGER":
                kept, order = ["rowid", *values], "rowid"  # the key is the rowid: ids are compared too
            else:  # a composite key ("actor_pairs"): rows come in the order they were written, not by key
                kept, order = values, ", ".join(f'"{c}"' for c in (key or values))
            listed = ", ".join(f'"{c}"' if c != "rowid" else c for c in kept)
            count = 0
            for row in connection.execute(f'SELECT {listed} FROM "{table}" ORDER BY {order}'):
                digest.update(repr((table, row)).encode("utf-8"))
                count += 1
            counts[table] = count
    finally:
        connection.close()
    return {"rows": counts, "sha256": digest.hexdigest()}


def run(
    data: Path, limit: int | None, recognition: bool, workers: int, checksum: bool = False
) -> dict[str, object]:
    """Import the articles and measure; returns the figures."""
    csv_path = data / "10kgnad" / "test.csv"
    if not csv_path.is_file():
        raise SystemExit(f"bench_import: {csv_path} not found (use --data DIR)")
    texts = list(gnad_articles(csv_path, limit))
    factory: Callable[[], Recognizer] = model_recognizer if recognition else NullRecognizer
    load_started = time.perf_counter()
    gazetteer = default_gazetteer()
    gazetteer.place("Wien")  # the writer's actor index uses it: load outside the timed loop
    language.warm()  # reading detects languages here; the model is needed for a few mixed texts only
    pool: AnalysisPool | None = None
    model: Recognizer = NullRecognizer()
    if workers > 0:
        pool = AnalysisPool(factory, find_quotes, workers=workers)
        pool.warm()  # start the workers and load their models outside the timed loop
    elif recognition:
        model = factory()  # what the app uses: shipped models + knowledge layer
        model.recognize("Warmlaufen in Wien.", "de")
    load_seconds = time.perf_counter() - load_started
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "bench.sqlite3"
            library = open_library(resolve_database_url(str(db_path), {}))
            importer = Importer(library, model, gazetteer=gazetteer, pool=pool)
            workers_before = pool.cpu_seconds() if pool is not None else {}
            started, cpu = time.perf_counter(), time.process_time()
            documents = [(f"row {i}", gnad_document(t)) for i, t in enumerate(texts)]
            read_seconds = time.perf_counter() - started
            results = importer.import_documents(documents)
            total = time.perf_counter() - started
            main_cpu = time.process_time() - cpu
            workers_after = pool.cpu_seconds() if pool is not None else {}
            workers_cpu = sum(workers_after[p] - workers_before.get(p, 0.0) for p in workers_after)
            library.engine.dispose()
            rows = library_checksum(db_path) if checksum else None
            size_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
    finally:
        if pool is not None:
            pool.close()
    cores = min(os.cpu_count() or 1, workers + 1) if workers else 1
    spent = importer.seconds
    busy = main_cpu + workers_cpu
    imported = sum(r.status == "imported" for r in results)
    words = sum(len(t.split()) for t in texts)
    figures: dict[str, object] = {
        "articles": len(texts),
        "imported": imported,
        "duplicates": sum(r.status == "duplicate" for r in results),
        "errors": sum(r.status == "error" for r in results),
        "words": words,
        "recognition": recognition,
        "workers": workers,
        "cpus": os.cpu_count(),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "model_load_seconds": round(load_seconds, 3),
        "total_seconds": round(total, 2),
        "articles_per_second": round(len(texts) / total, 1),
        "words_per_second": round(words / total),
        "read_seconds": round(read_seconds, 2),
        # summed over the workers (with 2 workers they may add up to twice the wall time)
        "recognition_seconds": round(spent["recognition"], 2),
        "linking_seconds": round(spent["linking"], 2),
        "quote_seconds": round(spent["quotes"], 2),
        "store_seconds": round(spent["store"], 2),  # the single writer, wall time
        "library_mb": round(size_mb, 1),
        # CPU time, which the load of other programs does not inflate: this process (reading, and the
        # analysis too without workers), and the workers' analysis; the estimate is the rate if the
        # machine's cores were ours alone and kept busy (a bound the pipeline approaches, not a measurement)
        "cpu_seconds_main": round(main_cpu, 2),
        "cpu_seconds_workers": round(workers_cpu, 2),
        "articles_per_second_unloaded_estimate": round(len(texts) / max(busy / cores, 1e-9), 1),
    }
    if rows is not None:
        figures["checksum"] = rows
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_import", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-recognition", action="store_true")
    parser.add_argument(
        "--workers",
        type=int,
        default=pool_workers(),
        help="analysis worker processes (0: analyse in the importing thread, as a small import does)",
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON figures")
    parser.add_argument("--checksum", action="store_true", help="count and hash the stored rows too")
    args = parser.parse_args(argv)
    figures = run(args.data, args.limit, not args.no_recognition, args.workers, args.checksum)
    print(json.dumps(figures, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
