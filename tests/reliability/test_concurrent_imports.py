"""Imports from several processes at once: the actors are exactly those of one sequential import."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.services.importer import Importer
from desktop.storage.db import open_library
from desktop.storage.models import Actor, Article, Mention
from tests.postgres import fresh_database, needs_postgres
from tools.bench_crash import NAMES, NameRecognizer, synthetic_article

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("import_worker.py")
GNAD_ARTICLES = 300


def actor_table(url: str) -> list[tuple[str, str, int]]:
    """(name, type, mentions) of every actor, sorted."""
    library = open_library(url)
    try:
        with library.read_session() as session:
            rows = session.execute(
                select(Actor.name, Actor.type, func.count(Mention.id))
                .outerjoin(Mention, Mention.actor_id == Actor.id)
                .group_by(Actor.id)
            ).all()
    finally:
        library.close()
    return sorted((name, kind, int(count)) for name, kind, count in rows)


def run_workers(url: str, folders: list[list[Path]], go_file: Path) -> list[list[dict[str, Any]]]:
    """Start one worker per folder list, let them import at the same moment, return their results."""
    # the worker runs as a script: the checkout's top-level ``tools`` package is not installed
    search = filter(None, [str(REPO), os.environ.get("PYTHONPATH")])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(search)}
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), url, str(go_file), *map(str, paths)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for paths in folders
    ]
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
    go_file.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    return results


def write_synthetic(folder: Path, start: int, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"bericht-{i:04d}.txt"
        path.write_text(synthetic_article(7, i), encoding="utf-8")
        paths.append(path)
    return paths


@contextmanager
def two_databases(backend: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A database for the concurrent imports and one for the sequential reference."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'concurrent.sqlite3'}", f"sqlite:///{tmp_path / 'sequential.sqlite3'}"
        return
    with fresh_database() as concurrent, fresh_database() as sequential:
        yield concurrent, sequential


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=needs_postgres)])
def test_three_processes_importing_at_once_share_their_actors_and_report_duplicate_ids(
    tmp_path: Path, backend: str
) -> None:
    """Each worker imports a folder of its own and one folder all three import."""
    with two_databases(backend, tmp_path) as (concurrent_url, sequential_url):
        check_concurrent_imports(tmp_path, concurrent_url, sequential_url)


def check_concurrent_imports(tmp_path: Path, concurrent_url: str, sequential_url: str) -> None:
    shared = write_synthetic(tmp_path / "shared", 500, 15)[0].parent
    parts = [write_synthetic(tmp_path / f"part{n}", n * 25, 25)[0].parent for n in range(3)]
    open_library(concurrent_url).close()
    results = run_workers(concurrent_url, [[shared, part] for part in parts], tmp_path / "go")

    with open_library(sequential_url) as library:
        Importer(library, NameRecognizer()).import_paths([shared, *parts])
    concurrent = actor_table(concurrent_url)
    assert concurrent == actor_table(sequential_url)
    names = [name for name, _kind, _count in concurrent]
    assert sorted(names) == sorted(set(names))  # no actor split into several
    assert set(names) <= set(NAMES)

    with open_library(concurrent_url) as library, library.read_session() as session:
        ids = dict(session.execute(select(Article.source_path, Article.id)).all())
    assert len(ids) == 15 + 3 * 25
    for worker_results in results:
        assert len(worker_results) == 15 + 25
        for result in worker_results:
            assert result["status"] in ("imported", "duplicate")
            assert result["id"] == ids[str(Path(result["path"]).resolve())]  # a lost race too
    statuses = [r["status"] for rs in results for r in rs]
    assert statuses.count("imported") == len(ids)


# ---------------------------------------------------------------- 300 articles of 10kGNAD, real models


def gnad_csv() -> Path | None:
    data = Path(os.environ.get("BRIEFING_DATA") or REPO.parent / "shared" / "data")
    path = data / "10kgnad" / "test.csv"
    return path if path.is_file() else None


def cli_import(url: str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", url, "import", "--json", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


@pytest.mark.slow
@pytest.mark.timeout(900)  # about a minute on an idle two-core machine; much more on a busy one
@pytest.mark.skipif(gnad_csv() is None, reason="10kGNAD test split not available (BRIEFING_DATA)")
def test_three_concurrent_cli_imports_of_300_articles_equal_one_sequential_import(tmp_path: Path) -> None:
    csv_path = gnad_csv()
    assert csv_path is not None
    folder = tmp_path / "10kgnad"
    folder.mkdir()
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for i, (_label, text) in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if i == GNAD_ARTICLES:
                break
            (folder / f"{i:04d}.txt").write_text(text + "\n", encoding="utf-8")

    concurrent_url = f"sqlite:///{tmp_path / 'concurrent.sqlite3'}"
    sequential_url = f"sqlite:///{tmp_path / 'sequential.sqlite3'}"
    sequential = cli_import(sequential_url, folder)  # the reference, in its own library, meanwhile
    workers = [cli_import(concurrent_url, folder) for _ in range(3)]
    outputs = [w.communicate(timeout=800) for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0], [err for _out, err in outputs]
    out, err = sequential.communicate(timeout=800)
    assert sequential.returncode == 0, err

    expected = actor_table(sequential_url)
    assert len(json.loads(out)) == GNAD_ARTICLES
    assert actor_table(concurrent_url) == expected
    for out, _err in outputs:
        results = json.loads(out)
        assert len(results) == GNAD_ARTICLES
        assert all(r["status"] in ("imported", "duplicate") and r["id"] is not None for r in results)
