"""Helpers of the packaging tests: a clean copy of the sources, a fresh venv, running the app outside."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: What a wheel or a bundle is built from (everything else in the checkout is left behind).
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "desktop", "resources", "seeds")
GERMAN = (
    "Bundeskanzler Friedrich Merz traf am Montag in Paris den französischen Präsidenten "
    "Emmanuel Macron und die Ministerin Okwuosa Brandtner.\n"
)


def clean_sources(target: Path) -> Path:
    """The files a build needs, copied without caches or earlier build output."""
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def venv_bin(venv: Path, name: str) -> Path:
    """An executable of ``venv`` (``bin/`` on POSIX, ``Scripts/`` on Windows)."""
    folder = venv / ("Scripts" if os.name == "nt" else "bin")
    return folder / (name + (".exe" if os.name == "nt" else ""))


def outside_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment for the installed app: no PYTHONPATH into the checkout, a private home."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BRIEFING_READER_DB", "VIRTUAL_ENV")
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
    )
    env.update(extra)
    return env


def run(
    args: list[str | Path], *, cwd: Path, env: dict[str, str], stdin: str | None = None, timeout: float = 300
):
    """Run a command, failing with its output when it fails."""
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def pip(*args: str | Path, timeout: float = 900) -> None:
    """This interpreter's pip (its cache reused), e.g. to build a wheel or fill another venv."""
    run([sys.executable, "-m", "pip", *args], cwd=ROOT, env=dict(os.environ), timeout=timeout)


def window_ready(command: list[str | Path], *, cwd: Path, env: dict[str, str], timeout: float = 180) -> dict:
    """Start the window, wait until it shows its first article, close it; the probe's line plus seconds."""
    ready = cwd / f"ready-{time.monotonic_ns()}.json"
    env = {**env, "BRIEFING_READER_READY_FILE": str(ready), "BRIEFING_READER_QUIT_WHEN_READY": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(c) for c in command], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    seen: float | None = None
    try:
        while time.perf_counter() - started < timeout and process.poll() is None:
            if seen is None and ready.is_file() and ready.read_text(encoding="utf-8").endswith("\n"):
                seen = time.perf_counter() - started
            time.sleep(0.02)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert ready.is_file(), f"the window showed no article (exit {process.returncode}):\n{out}\n{err}"
    line = json.loads(ready.read_text(encoding="utf-8"))
    line["seconds"] = seen if seen is not None else time.perf_counter() - started
    line["returncode"] = process.returncode
    line["stderr"] = err
    return line
