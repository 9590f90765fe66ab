"""Scale benchmark: libraries of thousands of real news articles, every figure of issue 13 in one JSON.

    python -m tools.bench_scale [--sizes 2000,10000,100000] [--workdir DIR] [--data DIR]
                                [--seeds N] [--import-limit N] [--runs N] [--no-import] [--no-window]

Builds (or reuses from ``--workdir``) one library per size with :mod:`tools.scale_build` (real
articles recognised once, the rest recombined from them in bulk), then measures and prints one
JSON document:

- ``import``: articles per second importing 10kGNAD test with and without recognition
  (:mod:`tools.bench_import`'s measurement);
- per size: the library's size on disk and row counts; start-up to a window showing the article
  list in a separate process, cold (the library file's pages dropped from the OS page cache with
  ``posix_fadvise``; Python, Qt and the model files stay cached; the app's bytecode is written
  first, as installing does) and warm; opening a typical (median
  length) and the longest article through the service and in the window; search p50/p95 in process
  through ``search_articles`` (the window's service; a first page of 50) for a rare, a mid-frequency
  and a common word, two words, a prefix and a phrase (words chosen from the library's own index by
  document frequency); the library-wide actor list (the sidebar's totals and first pages, also with
  a name filter, and every actor as ``actors --json`` lists them), the actor filter (the filter bar's choices,
  every actor as the notes view lists them, and the articles of the most mentioned actor), the
  article list's first page as the window pages it (newest first, by title, by date), a dossier
  (``--dossier-rank``: whole, and what the dossier window loads first) and what the window loads first
  of the most mentioned actor's; command-line calls end to end (``--help``, ``search``,
  ``articles --json``, ``actors --json``) with the CPU time each used; the window's RSS with the
  German and English recognition models loaded.

All times are milliseconds of wall-clock time (``*_cpu_ms``: CPU time); the machine's cores and
load are in ``machine``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy import text as sql

from desktop.storage.db import Library, open_library
from desktop.storage.models import Actor, ActorAlias, Annotation, Article, Mention, Quote
from tools.scale_build import build_library
from tools.scale_processes import _ms, compile_app, measure_cli, measure_window
from tools.scale_processes import app_env as app_env  # re-exported: the start-up test imports it from here

REPO = Path(__file__).resolve().parents[1]
SEARCH_PAGE = 50
ARTICLE_PAGE = 100  # the window's page of the article list


def default_data_dir() -> Path:
    """``BRIEFING_DATA``, else ``../shared/data`` beside the checkout (or beside its parent folder)."""
    if os.environ.get("BRIEFING_DATA"):
        return Path(os.environ["BRIEFING_DATA"])
    near = REPO.parent / "shared" / "data"
    return near if near.is_dir() else REPO.parent.parent / "shared" / "data"


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    """Wall-clock milliseconds of ``runs`` calls of ``fn`` (after one untimed warm-up call)."""
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(_ms(time.perf_counter() - started))
    return times


def summary(times: list[float]) -> dict[str, float]:
    """p50, p95 and the fastest of a list of milliseconds (on a loaded machine the fastest run is
    the closest to the cost on an idle one)."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1), "min_ms": ordered[0]}


# --------------------------------------------------------------------------- the library's figures


def disk_mb(path: Path) -> float:
    """The library file with its WAL, in MB."""
    files = [path, Path(f"{path}-wal")]
    return round(sum(p.stat().st_size for p in files if p.exists()) / 1e6, 1)


def counts(library: Library) -> dict[str, int]:
    """Rows per table."""
    with library.read_session() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in (
                ("articles", Article),
                ("mentions", Mention),
                ("actors", Actor),
                ("aliases", ActorAlias),
                ("quotes", Quote),
                ("annotations", Annotation),
            )
        }


def sample_articles(library: Library) -> tuple[int, int]:
    """A typical article (median length of a sample) and the longest one."""
    with library.read_session() as session:
        lengths = (
            session.execute(
                select(Article.id, func.length(Article.text)).where(Article.id % 97 == 0).order_by(Article.id)
            ).all()
            or session.execute(select(Article.id, func.length(Article.text))).all()
        )
        typical = sorted(lengths, key=lambda r: (r[1], r[0]))[len(lengths) // 2][0]
        longest = session.scalar(select(Article.id).order_by(func.length(Article.text).desc()).limit(1))
    return int(typical), int(longest or typical)


def ranked_actor(library: Library, rank: int = 0) -> int:
    """The actor at ``rank`` by mentions (0: the most mentioned), counted on a sample of mentions."""
    with library.read_session() as session:
        ranked = list(
            session.scalars(
                select(Mention.actor_id)
                .where(Mention.id < 200_000)
                .group_by(Mention.actor_id)
                .order_by(func.count().desc(), Mention.actor_id)
                .limit(rank + 1)
            )
        )
    return int(ranked[-1]) if ranked else 0


_WORD = re.compile(r"^[a-z]{5,}$")


def search_queries(library: Library, typical: int) -> dict[str, list[str]]:
    """Queries by kind, with words chosen from the index by the share of articles holding them."""
    with library.read_session() as session:
        total = int(session.scalar(select(func.count(Article.id))) or 1)
        session.execute(
            sql(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, articles_fts, col)"
            )
        )
        vocab = [
            (str(t), int(d))
            for t, d in session.execute(sql("SELECT term, doc FROM temp.bench_vocab WHERE col = 'body'"))
            if _WORD.match(str(t))
        ]
        text = session.scalar(select(Article.text).where(Article.id == typical)) or ""

    def near(share: float, minimum: int = 1) -> list[str]:
        target = max(minimum, share * total)
        ranked = sorted(
            vocab, key=lambda v: (round(abs(v[1] - target) / target, 1), zlib.crc32(v[0].encode()))
        )
        return [t for t, _d in ranked[:3]]

    rare, mid, common = near(0.0, 2), near(0.01), near(0.4)
    pairs = re.findall(r"(?<!\S)([^\W\d_]{4,}) ([^\W\d_]{4,})(?!\S)", text)  # two words in one sentence
    phrase = '"{} {}"'.format(*pairs[len(pairs) // 2]) if pairs else f'"{mid[0]}"'
    spread = pairs[len(pairs) // 4 :: max(1, len(pairs) // 4)][:3]  # two words of the typical article (AND)
    return {
        "rare": rare,
        "mid": mid,
        "common": common,
        "two_words": [f"{a} {b}" for a, b in spread] or mid[:1],
        "prefix": [m[:4] + "*" for m in mid],
        "phrase": [phrase],
    }


def measure_search(library: Library, queries: dict[str, list[str]], runs: int) -> dict[str, Any]:
    """p50/p95 of each query kind (all its queries, ``runs`` times each)."""
    from desktop.storage.search import search_articles

    out: dict[str, Any] = {}
    with library.read_session() as session:
        for kind, texts in queries.items():
            times: list[float] = []
            hits = []
            for query in texts:
                times += timed(lambda q=query: search_articles(session, q, limit=SEARCH_PAGE), runs)  # type: ignore[misc]
                hits.append(len(search_articles(session, query, limit=SEARCH_PAGE)))
            out[kind] = {**summary(times), "queries": texts, "hits": hits}
    everything = [t for kind in out.values() for t in [kind["p50_ms"], kind["p95_ms"]]]
    out["mix"] = {"p50_ms": round(statistics.median(everything), 1), "max_p95_ms": max(everything)}
    return out


def measure_services(
    library: Library, typical: int, longest: int, runs: int, dossier_rank: int = 0
) -> dict[str, Any]:
    """The services behind the window's views, in process."""
    from desktop.services.actor_pages import first_pages
    from desktop.services.article_pages import ArticleQuery, article_page, count_articles
    from desktop.services.dossier import load_dossier
    from desktop.services.library_filters import (
        LibraryFilter,
        actor_choices,
        actor_suggestions,
        filter_article_ids,
    )
    from desktop.services.queries import article_detail, list_actors
    from desktop.ui.dossier_view import LISTED  # the rows of each list a dossier window loads first

    by_actor = LibraryFilter(actor_id=ranked_actor(library))
    dossier_actor = ranked_actor(library, dossier_rank)
    most_mentioned = ranked_actor(library)

    def read(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def call() -> Any:
            with library.read_session() as session:
                return fn(session)

        return call

    def opened(article_id: int) -> Callable[[], Any]:  # what the reading pane loads
        return read(lambda s: (article_detail(s, article_id), list_actors(s, article_id)))

    slow_runs = max(1, runs // 3)
    return {
        "open_article_typical": summary(timed(opened(typical), runs)),
        "open_article_long": summary(timed(opened(longest), runs)),
        # the sidebar's "whole library": totals per type and a first page of each, then a name filter
        "actor_list": summary(timed(read(first_pages), runs)),
        "actor_list_filtered": summary(timed(read(lambda s: first_pages(s, "ber")), runs)),
        "actor_list_all": summary(timed(read(lambda s: list_actors(s, None)), slow_runs)),  # actors --json
        "actor_filter_choices": summary(timed(read(actor_suggestions), runs)),  # the filter bar's list
        "actor_choices_all": summary(timed(read(actor_choices), slow_runs)),  # every actor (notes view)
        # the list filtered by the most mentioned actor: its first page (what the window shows), the
        # count shown after it, and every id (next/previous article in the filtered list)
        "actor_filter_articles": summary(
            timed(read(lambda s: article_page(s, ArticleQuery(filter=by_actor), 0, ARTICLE_PAGE)), runs)
        ),
        "actor_filter_count": summary(
            timed(read(lambda s: count_articles(s, ArticleQuery(filter=by_actor))), runs)
        ),
        "actor_filter_all_ids": summary(timed(read(lambda s: filter_article_ids(s, by_actor)), slow_runs)),
        "article_list_first_page": summary(
            timed(read(lambda s: article_page(s, ArticleQuery(), 0, ARTICLE_PAGE)), runs)
        ),
        "article_list_by_title": summary(
            timed(
                read(
                    lambda s: article_page(s, ArticleQuery(sort="title", descending=False), 0, ARTICLE_PAGE)
                ),
                runs,
            )
        ),
        "article_list_by_date": summary(
            timed(read(lambda s: article_page(s, ArticleQuery(sort="date"), 0, ARTICLE_PAGE)), runs)
        ),
        "dossier": summary(timed(lambda: load_dossier(library, dossier_actor), slow_runs)),
        # what the dossier window loads first (the newest rows of each list, the totals, the timeline),
        # for the chosen actor and for the most mentioned one
        "dossier_window": summary(timed(lambda: load_dossier(library, dossier_actor, LISTED), runs)),
        "dossier_window_most_mentioned": summary(
            timed(lambda: load_dossier(library, most_mentioned, LISTED), runs)
        ),
        "dossier_actor": {"rank": dossier_rank, "mentions": _mentions_of(library, dossier_actor)},
    }


def _mentions_of(library: Library, actor: int) -> int:
    with library.read_session() as session:
        return int(session.scalar(select(func.count(Mention.id)).where(Mention.actor_id == actor)) or 0)


# --------------------------------------------------------------------------- putting it together


def measure_size(path: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Every figure for one built library."""
    started = time.perf_counter()
    library = open_library(f"sqlite:///{path}", backups=False)
    figures: dict[str, Any] = {"open_library_ms": _ms(time.perf_counter() - started)}
    try:
        figures["disk_mb"] = disk_mb(path)
        figures["rows"] = counts(library)
        typical, longest = sample_articles(library)
        figures["articles_opened"] = {"typical": typical, "long": longest}
        queries = search_queries(library, typical)
        figures["search"] = measure_search(library, queries, args.runs)
        figures["services"] = measure_services(library, typical, longest, args.runs, args.dossier_rank)
    finally:
        library.close()
    figures["cli"] = measure_cli(path, queries["mid"][0], max(1, args.runs // 3))
    if not args.no_window:
        figures["window"] = measure_window(path, typical, longest, args.runs)
    return figures


def machine() -> dict[str, Any]:
    """Where the figures come from."""
    return {
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def measure_import(data: Path, limit: int | None) -> dict[str, Any]:
    """10kGNAD test imported into a fresh library with and without recognition."""
    from desktop.services.import_pipeline import pool_workers
    from tools.bench_import import run

    keep = (
        "articles",
        "imported",
        "workers",
        "articles_per_second",
        "total_seconds",
        "recognition_seconds",
        "store_seconds",
        "cpu_seconds_main",
        "cpu_seconds_workers",
        "articles_per_second_unloaded_estimate",
    )
    out = {}
    for name, recognition in (("with_recognition", True), ("without_recognition", False)):
        figures = run(data, limit, recognition, pool_workers())  # as a large import in the app
        out[name] = {k: figures[k] for k in keep}
    return out


def parse_sizes(text: str) -> list[int]:
    """``2000,10000`` -> [2000, 10000] (ascending, positive)."""
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes takes numbers separated by commas, not {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("--sizes takes positive numbers")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build what is missing, measure, print the JSON."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[2000, 10000, 100000])
    parser.add_argument("--workdir", type=Path, default=Path("bench-scale"), help="cache of built libraries")
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument(
        "--seeds", type=int, default=1000, help="real articles recognised once (default 1000)"
    )
    parser.add_argument("--import-limit", type=int, default=None, help="import only N 10kGNAD articles")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per figure (default 9)")
    parser.add_argument("--dossier-rank", type=int, default=0, help="dossier of the Nth most mentioned actor")
    parser.add_argument("--no-import", action="store_true", help="skip the import throughput")
    parser.add_argument("--no-window", action="store_true", help="skip the window process")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    if args.seeds < 2 or args.seeds > args.sizes[0]:
        parser.error("--seeds must be between 2 and the smallest size")

    def say(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    result: dict[str, Any] = {"machine": machine(), "libraries": {}}
    compile_app()
    for size in args.sizes:
        say(f"building the library of {size} articles (cached in {args.workdir})")
        built = build_library(args.workdir, args.data, size, args.seeds, say)
        say(f"measuring the library of {size} articles")
        path = args.workdir / f"library-{size}-s{args.seeds}.sqlite3"
        result["libraries"][str(size)] = {"build": built, **measure_size(path, args)}
    if not args.no_import:
        say("measuring import throughput on 10kGNAD test")
        result["import"] = measure_import(args.data, args.import_limit)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
