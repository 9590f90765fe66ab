"""Article search at library scale on both engines: SQLite (FTS5) and PostgreSQL (tsvector + GIN).

``python -m tools.bench_search_engines --postgres URL [--articles 10000] [--data DIR] [--runs 9]``

The library is bulk-built from real articles (the 10kGNAD test split in German and the English
Wikinews articles, as ``tools.bench_search`` reads them), repeated with distinct content hashes up
to ``--articles``, inserted without recognition and indexed with ``rebuild_index``. ``URL`` names an
empty PostgreSQL database the benchmark may fill (it is left filled). Prints JSON: build seconds
and, per query, the median of ``--runs`` calls of ``search_articles`` (50 hits with snippets).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from desktop.storage.bulk import insert_rows
from desktop.storage.db import Library, open_library
from desktop.storage.models import Article
from desktop.storage.search import rebuild_index, search_articles
from tools.bench_search import _rows, default_data_dir

#: Content words (German and English), a stem, a prefix, a phrase, OR, exclusion.
QUERIES = [
    "Regierung",
    "Flüchtlinge",
    "strasse",
    "election",
    "regier*",
    '"in Wien"',
    "Wien -Graz",
    "Koalition OR Regierung",
    "president Trump",
]
BATCH = 1000


def build(library: Library, rows: list[dict[str, Any]], count: int) -> float:
    """Fill ``library`` with ``count`` articles cycled from ``rows``; returns seconds (insert + index)."""
    start = time.perf_counter()
    for first in range(0, count, BATCH):
        batch = []
        for n in range(first, min(count, first + BATCH)):
            row = {"published": None, **rows[n % len(rows)]}
            row["content_hash"] = f"{n:064x}"
            batch.append(row)
        with library.session() as session:
            insert_rows(session, Article, batch)
    with library.session() as session:
        rebuild_index(session)
    return time.perf_counter() - start


def timings(library: Library, runs: int) -> dict[str, dict[str, float]]:
    """Median milliseconds and hit count per query."""
    result = {}
    for query in QUERIES:
        times, hits = [], 0
        for _ in range(runs):
            with library.read_session() as session:
                start = time.perf_counter()
                hits = len(search_articles(session, query))
                times.append(time.perf_counter() - start)
        result[query] = {"median_ms": round(statistics.median(times) * 1000, 1), "hits": hits}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_search_engines", description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to fill")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    rows = _rows(args.data)
    report: dict[str, Any] = {"articles": args.articles, "source_articles": len(rows)}
    with tempfile.TemporaryDirectory() as folder:
        engines = {"sqlite": f"sqlite:///{Path(folder) / 'library.sqlite3'}"}
        if args.postgres:
            engines["postgresql"] = args.postgres
        for name, url in engines.items():
            library = open_library(url, backups=False)
            try:
                report[name] = {"build_s": round(build(library, rows, args.articles), 1)}
                report[name]["queries"] = timings(library, args.runs)
            finally:
                library.close()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
