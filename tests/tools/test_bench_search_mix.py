"""The search-mix benchmark on a small library: every kind measured, hits found (no time limits)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.storage.db import open_library
from desktop.storage.models import Article
from desktop.storage.search import index_article
from tools.bench_search_mix import main

WORDS = [
    "Regierung",
    "Koalition",
    "Hafen",
    "Minister",
    "Sitzung",
    "Parlament",
    "Wahlen",
    "Bericht",
    "Stadt",
    "Gericht",
]


def _library(path: Path) -> Path:
    library = open_library(f"sqlite:///{path}", backups=False)
    try:
        with library.session() as session:
            for n in range(60):
                words = [WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(40)]
                text = " ".join(words) + f" Sonderwort{n % 3} einmalig{n}."
                article = Article(
                    title=f"Meldung {n}", text=text, language="de", format="txt", content_hash=f"{n:064x}"
                )
                session.add(article)
                session.flush()
                index_article(session, article.id, article.title, article.text)
    finally:
        library.close()
    return path


def test_every_kind_is_measured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _library(tmp_path / "small.sqlite3")
    assert main([str(path), "--runs", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    figures = result[path.name]
    for kind in ("rare", "mid", "common", "two_words", "prefix", "phrase"):
        assert figures[kind]["p95_ms"] >= figures[kind]["p50_ms"] > 0, kind
        assert figures[kind]["cpu_ms"] >= 0 and figures[kind]["queries"], kind
    assert any(hits > 0 for hits in figures["common"]["hits"])
    assert figures["mix"]["max_p95_ms"] >= figures["mix"]["max_p50_ms"]
    assert result["machine"]["cpus"] >= 1


def test_a_missing_library_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path / "none.sqlite3")])
    assert exit_info.value.code == 2
    assert "no library file" in capsys.readouterr().err
