"""Every runnable tool answers ``--help`` with its usage, and a wrong call with one usage line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUNNABLE = sorted(
    p.stem
    for p in (REPO / "tools").glob("*.py")
    if 'if __name__ == "__main__":' in p.read_text(encoding="utf-8")
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_tools_are_found() -> None:
    assert {"scale_window", "bench_scale", "compare_quotes", "compare_recognition"} <= set(RUNNABLE)


@pytest.mark.parametrize("module", RUNNABLE)
def test_help_prints_usage(module: str) -> None:
    result = _run(f"tools.{module}", "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.lower().startswith("usage:") and "Traceback" not in result.stderr


def test_scale_window_without_a_library_says_so(tmp_path: Path) -> None:
    missing = _run("tools.scale_window")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "required: db, typical_id, long_id" in missing.stderr
    absent = _run("tools.scale_window", str(tmp_path / "none.sqlite3"), "1", "2")
    assert absent.returncode == 2 and "is not a library file" in absent.stderr
    assert not (tmp_path / "none.sqlite3").exists()  # never creates a library
