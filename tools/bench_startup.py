"""Start-up: seconds from launching the app to the window showing an article, as JSON.

    python -m tools.bench_startup [--runs 5] [--xvfb] [--keep DIR] [COMMAND ...]

COMMAND defaults to this checkout's ``python -m desktop``; give a bundle's executable
(``dist/bundle/briefing-reader/briefing-reader``) or an installed ``briefing-reader`` to time that.
Each run starts in a folder of its own with a private home (XDG folders), so the first start
imports the sample into a new default library ("first"); the next runs reopen it ("again"), as a
double-click does. The window reports through ``BRIEFING_READER_READY_FILE`` and closes itself.
``--xvfb`` shows the window on a virtual X server started once for all runs (as on a desktop
that is already running), else Qt's offscreen platform.
Reports wall-clock seconds and the CPU seconds the app used (steadier on a busy machine).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def private_env(home: Path, **extra: str) -> dict[str, str]:
    """The current environment with a private home and XDG folders, and nothing pointing into a checkout."""
    env = {
        k: v
        for k, v in os.environ.items()
        # without PYTHONDONTWRITEBYTECODE: the first start caches the bytecode, as installing does
        if k not in ("PYTHONPATH", "BRIEFING_READER_DB", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


@contextlib.contextmanager
def virtual_display() -> Iterator[str]:
    """A private Xvfb server for the duration (its DISPLAY value), like a desktop already running."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _kill_group(process: subprocess.Popen[str]) -> None:
    """End ``process`` and everything it started (POSIX: its process group)."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()


def window_ready(
    command: list[str | Path], *, cwd: Path, env: dict[str, str], timeout: float = 180
) -> dict[str, Any]:
    """Start the window, wait until it shows its first article and closes; its report plus wall seconds."""
    ready = cwd / f"ready-{time.monotonic_ns()}.json"
    env = {**env, "BRIEFING_READER_READY_FILE": str(ready), "BRIEFING_READER_QUIT_WHEN_READY": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: a wrapper (xvfb-run) and its children end together
    )
    seen: float | None = None
    try:
        while time.perf_counter() - started < timeout and process.poll() is None:
            if seen is None and ready.is_file() and ready.read_text(encoding="utf-8").endswith("\n"):
                seen = time.perf_counter() - started
            time.sleep(0.01)
    finally:
        if process.poll() is None:
            _kill_group(process)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            out, err = process.communicate()
    if not ready.is_file():
        raise RuntimeError(f"the window showed no article (exit {process.returncode}):\n{out}\n{err}")
    report: dict[str, Any] = json.loads(ready.read_text(encoding="utf-8"))
    report["seconds"] = round(seen if seen is not None else time.perf_counter() - started, 3)
    report["returncode"] = process.returncode
    report["stderr"] = err
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench_startup", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--runs", type=int, default=5, help="starts of the same library after the first")
    parser.add_argument(
        "--xvfb", action="store_true", help="show the window on an Xvfb server, not offscreen"
    )
    parser.add_argument("--keep", type=Path, help="work in DIR (kept) instead of a temporary folder")
    parser.add_argument("command", nargs="*", help="the app to start (default: python -m desktop)")
    args = parser.parse_args(argv)
    command: list[str | Path] = list(args.command) or [sys.executable, "-m", "desktop"]
    if args.xvfb and not shutil.which("Xvfb"):
        parser.error("Xvfb is not installed")
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temporary, contextlib.ExitStack() as stack:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        env = private_env(folder)
        if args.xvfb:
            env["DISPLAY"] = stack.enter_context(virtual_display())
            env.pop("QT_QPA_PLATFORM", None)
        first = window_ready(command, cwd=folder, env=env)
        again = [window_ready(command, cwd=folder, env=env) for _ in range(args.runs)]
    result = {
        "command": [str(c) for c in command],
        "first_start": {"seconds": first["seconds"], "cpu_seconds": first.get("cpu_seconds")},
        "again": {
            "runs": len(again),
            "median_seconds": statistics.median(r["seconds"] for r in again),
            "median_cpu_seconds": statistics.median(r.get("cpu_seconds", 0.0) for r in again),
            "seconds": [r["seconds"] for r in again],
        },
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
