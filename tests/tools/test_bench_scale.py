"""The scale benchmark end to end on a small library: every figure present and sane (no time limits)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.bench_scale import default_data_dir, parse_sizes

REPO = Path(__file__).resolve().parents[2]
DATA = default_data_dir()
SIZE = 2000

needs_data = pytest.mark.skipif(
    not (DATA / "10kgnad" / "test.csv").is_file() or not (DATA / "wikinews-en").is_dir(),
    reason="the shared news data (10kgnad, wikinews-en) is not available",
)


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and value > 0


def _percentiles(figure: dict[str, float]) -> None:
    assert _positive(figure["p50_ms"]) and figure["p95_ms"] >= figure["p50_ms"], figure


@pytest.mark.slow
@pytest.mark.timeout(1500)  # a model load, recognition and two window starts on a busy machine
@needs_data
def test_small_run_prints_every_figure(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = ["--sizes", str(SIZE), "--seeds", "40", "--runs", "3", "--import-limit", "5"]
    done = subprocess.run(
        [sys.executable, "-m", "tools.bench_scale", *args, "--workdir", str(tmp_path), "--quiet"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1400,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["machine"]["cpus"] >= 1

    figures = result["libraries"][str(SIZE)]
    rows = figures["rows"]
    assert rows["articles"] == SIZE
    assert rows["mentions"] > 10 * SIZE and rows["actors"] > 100 and rows["aliases"] >= rows["actors"]
    assert rows["quotes"] > 0 and rows["annotations"] > 0
    assert figures["build"]["derived_added"] == SIZE - 40
    assert 1 < figures["disk_mb"] < 500

    search = figures["search"]
    for kind in ("rare", "mid", "common", "two_words", "prefix", "phrase"):
        _percentiles(search[kind])
        assert all(hits > 0 for hits in search[kind]["hits"]), (kind, search[kind])
    assert search["common"]["hits"] == [50, 50, 50]  # a common word fills the first page
    services = figures["services"]
    for name in (
        "open_article_typical",
        "open_article_long",
        "actor_list",
        "actor_filter_choices",
        "actor_choices_all",
        "actor_filter_articles",
        "actor_filter_count",
        "actor_filter_all_ids",
        "article_list_first_page",
        "article_list_by_title",
        "article_list_by_date",
        "dossier",
    ):
        _percentiles(services[name])
    assert services["dossier_actor"]["mentions"] > 0
    for call in ("help", "search", "articles_json", "actors_json"):
        assert _positive(figures["cli"][f"{call}_ms"]) and _positive(figures["cli"][f"{call}_cpu_ms"])

    window = figures["window"]
    assert all(
        _positive(window[k]) for k in ("startup_cold_ms", "startup_warm_ms", "open_article_typical_ms")
    )
    assert _positive(window["open_article_long_ms"])
    for kind in ("typical", "long"):
        for part in ("_cpu_ms", "_shown_ms", "_shown_cpu_ms"):
            assert _positive(window[f"open_article_{kind}{part}"])
    assert 50 < window["rss_after_start_mb"] < window["rss_with_models_mb"] < 4000

    for name in ("with_recognition", "without_recognition"):
        imported = result["import"][name]
        assert imported["imported"] == 5 and _positive(imported["articles_per_second"])
        assert _positive(imported["cpu_seconds_main"]) and imported["workers"] >= 1

    check = subprocess.run(  # the built library is sound to the app's own check
        [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            str(tmp_path / f"library-{SIZE}-s40.sqlite3"),
            "check",
            "--no-repair",
            "--json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(check.stdout)["ok"] is True, check.stdout


def test_sizes_are_parsed_and_checked() -> None:
    assert parse_sizes("10000,2000") == [2000, 10000]
    for bad in ("ten", "0", ""):
        with pytest.raises(Exception, match="--sizes"):
            parse_sizes(bad)
