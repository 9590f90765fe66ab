"""The command-line benchmark on a small library: ids picked from it, every call run and succeeding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.storage.db import open_library
from desktop.storage.models import Actor, Annotation, Article, Mention
from tools import bench_cli


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite3"
    with open_library(f"sqlite:///{db}", backups=False) as lib, lib.session() as session:
        articles = [
            Article(
                title=f"Artikel {n}",
                text="Die Regierung tagte.",
                language="de",
                format="txt",
                content_hash=f"{n:064d}",
            )
            for n in range(1, 5)
        ]
        actor = Actor(name="Anna Berg", type="person")
        session.add_all([*articles, actor])
        session.flush()
        session.add(
            Mention(
                article_id=articles[1].id, actor_id=actor.id, start=4, end=13, text="Regierung", type="person"
            )
        )
        session.add(
            Annotation(
                article_id=articles[0].id, start=4, end=13, exact="Regierung", prefix="Die ", suffix=" tagte."
            )
        )
    return db


def test_ids_come_from_the_library(library: Path) -> None:
    ids = bench_cli.pick_ids(library)
    assert ids == {"article": 2, "actor": 1, "ranked": None, "annotated": 1, "tag": None}


def test_every_call_runs_and_the_figures_are_json(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_cli.main([str(library), "--runs", "1"]) == 0
    figures = json.loads(capsys.readouterr().out)
    calls = figures["calls"]
    assert {"help", "articles_json", "search_json", "actors_json", "show_json", "dossier_json"} <= set(calls)
    for name, figure in {**figures["floor"], **calls}.items():
        assert "status" not in figure, (name, figure)
        assert figure["ms"] > 0 and figure["cpu_ms"] >= 0, (name, figure)
    assert calls["search_json"]["bytes"] > 2 and calls["articles_json"]["bytes"] > 2
    assert figures["slowest"]["call"] in calls and figures["machine"]["cores"] >= 1


def test_only_the_named_calls_run(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_cli.main([str(library), "--runs", "1", "--only", "dossier,export_all"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures["calls"]) == {"dossier", "export_all"}
    assert all("status" not in f for f in figures["calls"].values())
