"""The figures of ``tools.bench_scale`` that other processes give: command-line calls and window starts.

The app's own processes run with its bytecode written first (as installing does): command-line
calls end to end with the CPU time each used, and the window (``tools.scale_window``) started cold,
with the library file's pages dropped from the OS page cache, and warm.
"""

from __future__ import annotations

import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def app_env(**extra: str) -> dict[str, str]:
    """The environment for the app's own processes: with its bytecode cached, as when installed.

    Installing compiles a package's modules; a checkout started with PYTHONDONTWRITEBYTECODE set
    compiles every module of the app again at each start (about 0.3 s of CPU here), which no
    user's start pays. :func:`compile_app` writes the bytecode before the first timed start.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def compile_app() -> None:
    """Write the bytecode of the app and its tools (what installing does), quietly."""
    for package in ("desktop", "tools"):
        compileall.compile_dir(REPO / package, quiet=1)


def measure_cli(db: Path, word: str, runs: int) -> dict[str, Any]:
    """Command-line calls end to end (process start to exit), median of ``runs``; with the CPU
    milliseconds (user + system) the median call used, which a loaded machine does not inflate."""
    calls = {
        "help": ["--help"],
        "search": ["--db", str(db), "search", word],
        "articles_json": ["--db", str(db), "articles", "--json"],
        "actors_json": ["--db", str(db), "actors", "--json"],
    }
    out: dict[str, Any] = {}
    for name, args in calls.items():
        times, cpu = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "desktop", *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=app_env(),
            )
            times.append(_ms(time.perf_counter() - started))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(_ms(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
            if done.returncode != 0:
                raise RuntimeError(f"briefing-reader {' '.join(args)} failed: {done.stderr.decode()[-300:]}")
        out[f"{name}_ms"] = round(statistics.median(times), 1)
        out[f"{name}_cpu_ms"] = round(statistics.median(cpu), 1)
    return out


def drop_from_page_cache(db: Path) -> None:
    """Ask the OS to forget the library file's cached pages (no root needed; Linux)."""
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if path.exists() and hasattr(os, "posix_fadvise"):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def window_run(db: Path, typical: int, longest: int, models: bool) -> dict[str, Any]:
    """One start of the window in its own process: start-up to READY, then its figures."""
    env = app_env(QT_QPA_PLATFORM="offscreen")
    args = [sys.executable, "-m", "tools.scale_window", str(db), str(typical), str(longest)]
    started = time.perf_counter()
    with subprocess.Popen(
        args + (["--models"] if models else []),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline().strip()
        ready = _ms(time.perf_counter() - started)
        rest = proc.stdout.read()
        errors = proc.stderr.read()
        proc.wait()
    if first != "READY" or proc.returncode != 0:
        raise RuntimeError(f"the window did not start: {first!r} {errors[-500:]}")
    return {"startup_ms": ready, **json.loads(rest.strip().splitlines()[-1])}


def measure_window(db: Path, typical: int, longest: int, runs: int) -> dict[str, Any]:
    """Cold and warm start-up, article opening in the window and RSS with both models."""
    drop_from_page_cache(db)
    cold = window_run(db, typical, longest, models=True)
    warm = [window_run(db, typical, longest, models=False) for _ in range(max(1, runs // 3))]
    return {
        "startup_cold_ms": cold["startup_ms"],
        "startup_warm_ms": round(statistics.median(w["startup_ms"] for w in warm), 1),
        "startup_cold_cpu_ms": cold.get("startup_cpu_ms"),
        "startup_warm_cpu_ms": round(statistics.median(w.get("startup_cpu_ms", 0.0) for w in warm), 1),
        "open_article_typical_ms": round(statistics.median(w["open_typical_ms"] for w in warm), 1),
        "open_article_long_ms": round(statistics.median(w["open_long_ms"] for w in warm), 1),
        **{
            f"open_article_{kind}{part}": round(statistics.median(w[f"open_{kind}{part}"] for w in warm), 1)
            for kind in ("typical", "long")
            for part in ("_cpu_ms", "_shown_ms", "_shown_cpu_ms")
        },
        "rss_after_start_mb": cold["rss_after_start_mb"],
        "rss_with_models_mb": cold["rss_with_models_mb"],
        "gc_full_collection_with_models_ms": cold.get("gc_full_collection_ms"),
    }
