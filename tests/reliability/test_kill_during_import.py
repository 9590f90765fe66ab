"""kill -9 during imports: no corrupt library, no half article (the figures of tools.bench_crash)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, text

from desktop.core.entities.gazetteer import default_gazetteer
from desktop.core.ingest import load_text
from desktop.services.importer import Importer
from desktop.storage.db import open_library
from desktop.storage.models import Mention
from tools.bench_crash import NameRecognizer, synthetic_article, verify

ROOT = Path(__file__).resolve().parents[2]
RUNS = 50


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")
def test_fifty_kills_during_imports_leave_no_corrupt_library_and_no_half_article(tmp_path: Path) -> None:
    options = ["--runs", str(RUNS), "--articles", "6", "--seed", "12", "--workdir", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-m", "tools.bench_crash", *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=280,
    )
    figures = json.loads(result.stdout)
    assert figures["problems"] == [], figures
    assert (figures["corrupt"], figures["half_articles"]) == (0, 0)
    assert figures["runs"] == RUNS and result.returncode == 0
    assert figures["killed"] >= RUNS // 2
    assert figures["killed_in_write_transaction"] >= RUNS // 5  # half the runs aim at a transaction
    assert figures["articles_in_library"] > 0


def test_the_check_after_a_kill_finds_half_articles(tmp_path: Path) -> None:
    """The benchmark's verdict is not vacuous: a missing index row or mention is reported."""
    url = f"sqlite:///{tmp_path / 'lib.sqlite3'}"
    gazetteer = default_gazetteer()
    with open_library(url) as library:
        docs = [(str(i), load_text(synthetic_article(4, i), fmt="paste")) for i in range(3)]
        Importer(library, NameRecognizer(), gazetteer=gazetteer).import_documents(docs)
    assert verify(url, NameRecognizer(), gazetteer) == ([], [])
    with open_library(url) as library, library.session() as session:
        session.execute(text("DELETE FROM articles_fts WHERE rowid = 1"))
        first = session.scalar(text("SELECT min(id) FROM mentions WHERE article_id = 2"))
        session.execute(delete(Mention).where(Mention.id == first))
    corrupt, half = verify(url, NameRecognizer(), gazetteer)
    assert corrupt == []
    assert "article 1 has no search-index row" in half
    assert any(line.startswith("article 2 has ") and "mentions" in line for line in half)
