"""Import time of one long single-line text (recognition, linking, storing) by size.

    python -m tools.bench_long_text [--data DIR] [--sizes 0.2,0.5,1,2] [--workers N] [--json]

Joins 10kGNAD articles (one line each, no paragraph breaks) with spaces into one German text
of each size in MB and imports it into a fresh temporary library through the app's
``Importer`` and recogniser; prints wall and CPU seconds per size (of this process and of the
recognition worker processes a long text is spread over), the time spent in recognition and
the load average (the machine may be shared: CPU seconds are what load does not inflate).
Recognition and linking must stay linear in the text length.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

from desktop.core.ingest import load_text
from desktop.services.importer import Importer
from desktop.storage.db import open_library, resolve_database_url
from tools.bench_import import TimedRecognizer, default_data_dir, gnad_articles


def long_text(data: Path, megabytes: float) -> str:
    """One line of about ``megabytes`` MB (UTF-8) of German news text."""
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        for article in gnad_articles(data / "10kgnad" / "test.csv"):
            parts.append(" ".join(article.split()))
            size += len(parts[-1].encode("utf-8")) + 1
            if size >= target:
                break
    return " ".join(parts)[:target]


def workers_cpu() -> dict[int, float]:
    """CPU seconds so far of each live worker process of this one (Linux ``/proc``; empty elsewhere)."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    seconds = {}
    for child in multiprocessing.active_children():
        try:
            fields = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()
            seconds[child.pid or 0] = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        except (OSError, ValueError, IndexError):
            continue
    return seconds


def run(data: Path, sizes: list[float], workers: int | None = None) -> list[dict[str, object]]:
    """Import one text per size; the figures per size."""
    from desktop.services.recognition import model_recognizer

    model = model_recognizer(workers=workers)
    model.recognize("Warmlaufen in Wien.", "de")  # load outside the timed part
    rows: list[dict[str, object]] = []
    for megabytes in sizes:
        text = long_text(data, megabytes)
        timed = TimedRecognizer(model)
        with tempfile.TemporaryDirectory() as tmp:
            library = open_library(resolve_database_url(str(Path(tmp) / "bench.sqlite3"), {}))
            load_before, workers_before = os.getloadavg()[0], workers_cpu()
            started, cpu_started = time.perf_counter(), time.process_time()
            result = Importer(library, timed).import_document(load_text(text, fmt="paste"))
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            workers_after = workers_cpu()
            worker_cpu = sum(t - workers_before.get(pid, 0.0) for pid, t in workers_after.items())
            library.engine.dispose()
        rows.append(
            {
                "megabytes": megabytes,
                "characters": len(text),
                "status": result.status,
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),  # this process only: what a busy machine does not inflate
                "worker_cpu_seconds": round(worker_cpu, 2),  # the first long text includes their start
                "recognition_seconds": round(timed.seconds, 2),
                "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],  # 1 min, before/after
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_long_text", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--sizes", default="0.2,0.5,1,2", help="sizes in MB, comma-separated")
    parser.add_argument("--workers", type=int, default=None, help="recognition processes (default: per core)")
    parser.add_argument("--json", action="store_true", help="print only the JSON figures")
    args = parser.parse_args(argv)
    if not (args.data / "10kgnad" / "test.csv").is_file():
        raise SystemExit(f"bench_long_text: {args.data / '10kgnad' / 'test.csv'} not found (use --data DIR)")
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    print(json.dumps(run(args.data, sizes, args.workers), indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
