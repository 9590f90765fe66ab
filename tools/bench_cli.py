"""Every query command of the command line timed end to end (process start to exit) at one library.

    python -m tools.bench_cli LIBRARY [--runs N] [--word WORD] [--skip-top-network] [--only A,B]

The library is only read: its ids are chosen from it (an article in the middle, the most
mentioned actor and the 300th, an annotated article and a tag when there are some), then each
call runs ``--runs`` times as a separate ``python -m desktop`` process with its output thrown
away. Prints one JSON document: per call the median wall-clock milliseconds, the median CPU
milliseconds (user + system, which a loaded machine inflates less), the bytes written and the exit status; the
machine's cores and load average beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _one(connection: sqlite3.Connection, sql: str, default: Any = None) -> Any:
    try:
        row = connection.execute(sql).fetchone()
    except sqlite3.Error:
        return default
    return default if row is None or row[0] is None else row[0]


def pick_ids(db: Path) -> dict[str, Any]:
    """The ids the calls use, read from the library (opened read-only)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        top = _one(connection, "SELECT max(id) FROM articles", 1)
        article = _one(connection, f"SELECT min(id) FROM articles WHERE id >= {int(top) // 2}", 1)
        actor = _one(connection, "SELECT actor_id FROM actor_counts ORDER BY mentions DESC LIMIT 1")
        if actor is None:
            actor = _one(
                connection, "SELECT actor_id FROM mentions GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1"
            )
        ranked = _one(
            connection,
            f"SELECT actor_id FROM actor_counts ORDER BY mentions DESC, actor_id LIMIT 1 OFFSET {RANK - 1}",
        )
        annotated = _one(connection, "SELECT article_id FROM annotations ORDER BY id DESC LIMIT 1", article)
        tag = _one(connection, "SELECT name FROM tags ORDER BY id LIMIT 1")
    finally:
        connection.close()
    return {
        "article": int(article),
        "actor": actor,
        "ranked": ranked,
        "annotated": int(annotated),
        "tag": tag,
    }


def calls(db: Path, word: str, ids: dict[str, Any], skip_top_network: bool = False) -> dict[str, list[str]]:
    """Name -> arguments of every call measured (``skip_top_network``: not the most mentioned actor's
    network, whose neighbourhood is most of the library)."""
    lib = ["--db", str(db)]
    article, annotated = str(ids["article"]), str(ids["annotated"])
    found: dict[str, list[str]] = {
        "help": ["--help"],
        "articles": [*lib, "articles"],
        "articles_json": [*lib, "articles", "--json"],
        "articles_unread_json": [*lib, "articles", "--unread", "--json"],
        "show_json": [*lib, "show", article, "--json"],
        "search_json": [*lib, "search", word, "--json"],
        "search": [*lib, "search", word],
        "actors_json": [*lib, "actors", "--json"],
        "actors_article_json": [*lib, "actors", "--article", article, "--json"],
        "quotes_article_json": [*lib, "quotes", "--article", article, "--json"],
        "annotations_json": [*lib, "annotations", "--json"],
        "versions_json": [*lib, "versions", annotated, "--json"],
        "annotations_color_json": [*lib, "annotations", "--color", "green", "--json"],
        "annotations_since_search": [*lib, "annotations", "--since", "2000-01-01", "--search", word],
        "network_article": [*lib, "network", "--article", article],
        "export_article": [*lib, "export", "--article", annotated],
        "export_all": [*lib, "export", "--all"],
        "export_w3c_article": [*lib, "export", "--format", "w3c", "--article", annotated],
    }
    if ids["tag"] is not None:
        found["annotations_tag_json"] = [*lib, "annotations", "--tag", ids["tag"], "--json"]
        found["export_tag"] = [*lib, "export", "--tag", ids["tag"]]
    if ids["ranked"] is not None:
        ranked = f"#{ids['ranked']}"
        found[f"dossier_rank{RANK}_json"] = [*lib, "dossier", ranked, "--json"]
        found[f"dossier_rank{RANK}"] = [*lib, "dossier", ranked]
        found[f"network_actor_rank{RANK}"] = [*lib, "network", "--actor", ranked]
        found[f"annotations_actor_rank{RANK}"] = [*lib, "annotations", "--actor", ranked]
    if ids["actor"] is not None:
        actor = f"#{ids['actor']}"
        found["quotes_actor_json"] = [*lib, "quotes", "--actor", actor, "--json"]
        found["dossier_json"] = [*lib, "dossier", actor, "--json"]
        found["dossier"] = [*lib, "dossier", actor]
        found["export_actor"] = [*lib, "export", "--actor", actor]
        if not skip_top_network:
            found["network_actor"] = [*lib, "network", "--actor", actor]
    return found


RANK = 300
"""The rank (by mentions) of the much-mentioned actor measured beside the most mentioned one."""

FLOORS = {
    "python": "pass",
    "import_sqlalchemy_orm": "import sqlalchemy.orm",
    "import_models": "import desktop.storage.models",
}
"""What every call pays before any command runs: Python itself, SQLAlchemy, the library's models."""


def measure(args: list[str], runs: int) -> dict[str, Any]:
    """Median wall and CPU milliseconds of ``runs`` calls, the output's size and the exit status.

    ``args`` are the command line's arguments; ``["-c", CODE]`` runs Python code instead."""
    times, cpu = [], []
    size, status, error = 0, 0, [""]
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        command = [sys.executable, *args] if args[:1] == ["-c"] else [sys.executable, "-m", "desktop", *args]
        done = subprocess.run(command, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
        size, status = len(done.stdout), done.returncode
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if status else [""]
    figures: dict[str, Any] = {
        "ms": round(statistics.median(times), 1),
        "cpu_ms": round(statistics.median(cpu), 1),
        "bytes": size,
    }
    if status:
        figures.update(status=status, error=error)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Measure and print the JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("library", type=Path, help="a SQLite library (only read)")
    parser.add_argument("--runs", type=int, default=5, help="calls per command (the median is shown)")
    parser.add_argument("--word", default="Regierung", help="the word searched for")
    parser.add_argument(
        "--skip-top-network", action="store_true", help="leave out the most mentioned actor's network"
    )
    parser.add_argument("--only", metavar="NAMES", help="only these calls (comma-separated names)")
    args = parser.parse_args(argv)
    if not args.library.is_file():
        parser.error(f"no library file {args.library}")
    ids = pick_ids(args.library)
    figures: dict[str, Any] = {
        "machine": {"cores": os.cpu_count(), "load_before": [round(x, 2) for x in os.getloadavg()]},
        "library": {"file": args.library.name, "bytes": args.library.stat().st_size, **ids},
        "runs": args.runs,
    }
    figures["floor"] = {name: measure(["-c", code], args.runs) for name, code in FLOORS.items()}
    chosen = calls(args.library, args.word, ids, args.skip_top_network)
    if args.only:
        wanted = set(args.only.split(","))
        chosen = {name: call for name, call in chosen.items() if name in wanted}
    figures["calls"] = {name: measure(call, args.runs) for name, call in chosen.items()}
    figures["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    worst = max(figures["calls"].items(), key=lambda item: item[1]["ms"])
    figures["slowest"] = {"call": worst[0], "ms": worst[1]["ms"]}
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
