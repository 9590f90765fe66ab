"""Search benchmarks: stemmed index build, the one-off migration, article search and notes search.

``python -m tools.bench_search [--data DIR] [--notes N] [--json]``

Articles: the 1,028 German 10kGNAD test articles and the English Wikinews 2019/2020 articles,
stored without recognition. Figures: (a) ``index``: building the full-text index with stems
(``rebuild_index``) against fold-only rows; (b) ``migration``: a library at revision 0002 with
these articles brought to the newest schema (the index rebuilt in batches); (c) ``search``:
median query time over typical queries; (d) ``notes``: N annotations (10,000 by default) on
these articles, median time of ``query_notes`` with a text search and with filters only.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
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

from alembic import command
from sqlalchemy import insert, text

from desktop.core.textfold import fold
from desktop.services.notes_query import make_filter, query_notes
from desktop.storage.db import Library, create_engine_for, open_library
from desktop.storage.migrate import alembic_config
from desktop.storage.models import Annotation, Article
from desktop.storage.search import rebuild_index, search_articles

REPO = Path(__file__).resolve().parents[1]
QUERIES = [
    "Flüchtling",
    "fluechtlinge",
    "strasse",
    "Regierung",
    "regier*",
    '"in Wien"',
    "Wien -Graz",
    "Koalition OR Regierung",
    "negotiate",
    "election",
    "president Trump",
]
NOTE_WORDS = [
    "prüfen",
    "wichtig",
    "Quelle?",
    "siehe oben",
    "widerspricht",
    "check",
    "Flüchtlinge",
    "follow up",
]


def default_data_dir() -> Path:
    """``BRIEFING_DATA`` or the shared data folder beside the repository."""
    return Path(os.environ.get("BRIEFING_DATA") or REPO.parent / "shared" / "data")


def _rows(data: Path) -> list[dict[str, Any]]:
    csv.field_size_limit(10**9)
    rows: list[dict[str, Any]] = []
    gnad = data / "10kgnad" / "test.csv"
    if not gnad.is_file():
        raise SystemExit(f"bench_search: {gnad} not found (use --data DIR)")
    with gnad.open(encoding="utf-8", newline="") as handle:
        for n, record in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            body = record[1] if len(record) > 1 else ""
            rows.append(
                {"title": body[:80], "text": body, "language": "de", "format": "txt", "content_hash": f"g{n}"}
            )
    for year in (2019, 2020):
        path = data / "wikinews-en" / f"wikinews_{year}.csv"
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                for n, record in enumerate(csv.DictReader(handle)):
                    rows.append(
                        {
                            "title": record["title"],
                            "text": record["text"],
                            "language": "en",
                            "format": "html",
                            "published": record["date"][:10],
                            "content_hash": f"w{year}-{n}",
                        }
                    )
    return rows


def _timed(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _fts_bytes(library: Library) -> int:
    with library.engine.begin() as conn:
        conn.execute(text("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')"))
        return int(conn.execute(text("SELECT sum(length(block)) FROM articles_fts_data")).scalar() or 0)


def bench_index(library: Library, count: int) -> dict[str, Any]:
    with library.session() as session:
        start = time.perf_counter()
        rebuild_index(session)
        stemmed = time.perf_counter() - start
    stemmed_bytes = _fts_bytes(library)
    with library.session() as session:
        session.execute(text("DELETE FROM articles_fts"))
        start = time.perf_counter()
        for article_id, title, body in session.execute(text("SELECT id, title, text FROM articles")):
            session.execute(
                text(
                    "INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) "
                    "VALUES (:i, :t, :b, '', '')"
                ),
                {"i": article_id, "t": fold(title), "b": fold(body)},
            )
        folded = time.perf_counter() - start
    folded_bytes = _fts_bytes(library)
    with library.session() as session:
        rebuild_index(session)
    return {
        "articles": count,
        "stemmed_s": round(stemmed, 2),
        "fold_only_s": round(folded, 2),
        "ms_per_article_stemmed": round(1000 * stemmed / count, 2),
        "index_mb_stemmed": round(stemmed_bytes / 1e6, 1),
        "index_mb_fold_only": round(folded_bytes / 1e6, 1),
    }


def bench_migration(folder: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    url = f"sqlite:///{folder / 'old.sqlite3'}"
    engine = create_engine_for(url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002_quotes")
            now = dt.datetime.now(dt.UTC)
            columns = ("title", "text", "language", "format", "content_hash", "imported_at")
            conn.execute(
                text(
                    f"INSERT INTO articles ({', '.join(columns)}) "
                    f"VALUES ({', '.join(':' + c for c in columns)})"
                ),
                [{**{c: r.get(c) for c in columns}, "imported_at": now} for r in rows],
            )
            conn.execute(
                text(
                    "INSERT INTO articles_fts (rowid, title, body) "
                    "SELECT id, lower(title), lower(text) FROM articles"
                )
            )
    finally:
        engine.dispose()
    start = time.perf_counter()
    open_library(url).close()
    return {"articles": len(rows), "upgrade_s": round(time.perf_counter() - start, 2)}


def bench_search(library: Library) -> dict[str, Any]:
    per_query = {}
    for query in QUERIES:
        with library.read_session() as session:
            hits = search_articles(session, query)
            per_query[query] = {
                "ms": round(1000 * _timed(lambda q=query, s=session: search_articles(s, q)), 1),
                "hits": len(hits),
            }
    return {"median_ms": statistics.median(v["ms"] for v in per_query.values()), "queries": per_query}


def bench_notes(library: Library, rows: list[dict[str, Any]], count: int) -> dict[str, Any]:
    rng = random.Random(7)
    with library.read_session() as session:
        articles = session.execute(text("SELECT id, text FROM articles")).all()
    now = dt.datetime.now(dt.UTC)
    notes = []
    for n in range(count):
        article_id, body = articles[rng.randrange(len(articles))]
        start = rng.randrange(max(1, len(body) - 200))
        end = min(len(body), start + rng.randrange(40, 200))
        note = " ".join(rng.choice(NOTE_WORDS) for _ in range(rng.randrange(0, 12)))
        created = now - dt.timedelta(days=rng.randrange(365))
        notes.append(
            {
                "article_id": article_id,
                "start": start,
                "end": end,
                "exact": body[start:end],
                "note": note,
                "color": rng.choice(["yellow", "green", "blue", "red"]),
                "uid": f"bench-{n}",
                "created_at": created,
                "updated_at": created,
            }
        )
    with library.session() as session:
        session.execute(insert(Annotation), notes)
    searches = {q: make_filter(search=q) for q in ("fluechtling", "Regierung prüfen", '"follow up"', "wien*")}
    result: dict[str, Any] = {"annotations": count}
    for label, flt in searches.items():
        result[f"search {label} ms"] = round(1000 * _timed(lambda f=flt: query_notes(library, f), runs=3), 1)
        result[f"search {label} hits"] = len(query_notes(library, flt))
    only = make_filter(colors=["blue"], since=(now - dt.timedelta(days=90)).date())
    result["filters only ms"] = round(1000 * _timed(lambda: query_notes(library, only), runs=3), 1)
    result["all notes ms"] = round(1000 * _timed(lambda: query_notes(library), runs=3), 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="one JSON object instead of indented output")
    args = parser.parse_args(argv)
    rows = _rows(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library = open_library(f"sqlite:///{folder / 'bench.sqlite3'}")
        now = dt.datetime.now(dt.UTC)
        with library.session() as session:
            session.execute(insert(Article), [{**r, "imported_at": now} for r in rows])
        figures = {
            "index": bench_index(library, len(rows)),
            "search": bench_search(library),
            "notes": bench_notes(library, rows, args.notes),
            "migration": bench_migration(folder, rows),
        }
        library.close()
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=None if args.json else 2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
