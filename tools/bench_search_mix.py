"""Search over the issue-13 query mix on libraries that already exist, in process.

``python -m tools.bench_search_mix LIBRARY [LIBRARY ...] [--runs 15] [--profile KIND]``

For each library file (opened read-only in spirit: only searches run, but work on a copy of a
library you care about) the queries of :func:`tools.bench_scale.search_queries` (a rare, a mid and a
common word, two words, a prefix and a phrase, chosen from the library's own index) are run through
``search_articles`` (a first page of 50 hits with snippets) ``--runs`` times each. Prints JSON: per
kind p50/p95/fastest wall-clock milliseconds and the CPU milliseconds per call, the hit counts, and
the machine's load. ``--profile KIND`` prints the top of a cProfile of that kind's queries to stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

from desktop.storage.db import open_library
from tools.bench_scale import SEARCH_PAGE, sample_articles, search_queries, summary


def measure(path: Path, runs: int, profile: str | None) -> dict[str, Any]:
    """The mix's figures on one library."""
    from desktop.storage.search import search_articles

    library = open_library(f"sqlite:///{path}", backups=False)
    try:
        typical, _longest = sample_articles(library)
        queries = search_queries(library, typical)
        out: dict[str, Any] = {}
        with library.read_session() as session:
            for kind, texts in queries.items():
                times: list[float] = []
                cpu = 0.0
                hits = []
                for query in texts:
                    hits.append(len(search_articles(session, query, limit=SEARCH_PAGE)))  # warm-up
                    for _ in range(runs):
                        wall, used = time.perf_counter(), time.process_time()
                        search_articles(session, query, limit=SEARCH_PAGE)
                        cpu += time.process_time() - used
                        times.append((time.perf_counter() - wall) * 1000)
                out[kind] = {
                    **summary(times),
                    "cpu_ms": round(cpu * 1000 / len(times), 1),
                    "queries": texts,
                    "hits": hits,
                }
                if kind == profile:
                    profiler = cProfile.Profile()
                    profiler.enable()
                    for query in texts:
                        for _ in range(runs):
                            search_articles(session, query, limit=SEARCH_PAGE)
                    profiler.disable()
                    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
        p50s = sorted(kind["p50_ms"] for kind in out.values())
        out["mix"] = {
            "max_p50_ms": p50s[-1],
            "max_p95_ms": max(kind["p95_ms"] for kind in out.values()),
        }
        return out
    finally:
        library.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_search_mix", description=__doc__.splitlines()[0])
    parser.add_argument("libraries", type=Path, nargs="+", help="library files (.sqlite3)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per query (default 15)")
    parser.add_argument("--profile", metavar="KIND", help="cProfile one kind's queries (stderr)")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()}}
    for path in args.libraries:
        if not path.is_file():
            parser.error(f"no library file at {path}")
        report[path.name] = measure(path, max(1, args.runs), args.profile)
    report["machine"]["load_after"] = os.getloadavg()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
