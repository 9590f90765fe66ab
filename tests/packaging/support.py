"""Helpers of the packaging tests: a clean copy of the sources, a fresh venv, running the app outside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tools.bench_startup import private_env, window_ready

__all__ = ["window_ready"]

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
    return private_env(home, **extra)


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
