"""The start-up probe harness: it reads the window's report and never hangs on a window that stays."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tools.bench_scale import app_env
from tools.bench_startup import private_env, window_ready

REPORTS = (
    "import json, os, sys; "
    "open(os.environ['BRIEFING_READER_READY_FILE'], 'w').write(json.dumps({'article': 7}) + '\\n'); "
    "sys.exit(0 if os.environ['BRIEFING_READER_QUIT_WHEN_READY'] == '1' else 3)"
)
STAYS = (
    "import subprocess, sys, time; "
    "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)']); "
    "open(sys.argv[1], 'w').write(str(child.pid)); time.sleep(120)"
)


def test_report_is_read_with_the_seconds_it_took(tmp_path: Path) -> None:
    report = window_ready([sys.executable, "-c", REPORTS], cwd=tmp_path, env=private_env(tmp_path))
    assert report["article"] == 7 and report["returncode"] == 0 and report["seconds"] > 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_window_that_never_shows_an_article_is_ended_with_its_children(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    with pytest.raises(RuntimeError, match="showed no article"):
        window_ready(
            [sys.executable, "-c", STAYS, pid_file], cwd=tmp_path, env=private_env(tmp_path), timeout=3
        )
    status = Path(f"/proc/{pid_file.read_text()}/status")
    # SIGKILL is delivered asynchronously: on a busy machine the child may still be scheduled a moment
    deadline = time.monotonic() + 10
    while status.exists() and "State:\tZ" not in _read(status) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not status.exists() or "State:\tZ" in _read(status)


def _read(status: Path) -> str:
    try:
        return status.read_text()
    except OSError:  # the process went while it was read
        return "State:\tZ"


def test_private_env_points_every_user_folder_into_the_given_home(tmp_path: Path) -> None:
    env = private_env(tmp_path, EXTRA="1")
    assert env["HOME"] == str(tmp_path) and env["XDG_DATA_HOME"].startswith(str(tmp_path))
    assert "PYTHONPATH" not in env and "BRIEFING_READER_DB" not in env and env["EXTRA"] == "1"


def test_the_app_started_by_a_benchmark_may_cache_its_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # as an installed app: compiled once, not per start
    assert "PYTHONDONTWRITEBYTECODE" not in private_env(tmp_path)
    env = app_env(QT_QPA_PLATFORM="offscreen")
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["QT_QPA_PLATFORM"] == "offscreen"
