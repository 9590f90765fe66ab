"""The command line of reading state, deletion, notes filters and the vault export (as a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import ROOT, SAMPLE
from tests.postgres import library_location

CORPUS = ROOT / "tests" / "data" / "vault_corpus"


def run(
    db: Path, *args: str, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "BRIEFING_READER_DB": library_location(db), "PYTHONUTF8": "1", **(env or {})}
    full.pop("BRIEFING_READER_DEBUG", None)
    full.setdefault("XDG_CONFIG_HOME", str(db.parent / "no-config"))  # not the developer's settings
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=full,
        cwd=ROOT,
        timeout=240,
    )
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reading") / "library.sqlite3"
    files = [str(SAMPLE), str(CORPUS / "en_07.html"), str(CORPUS / "de_10.txt")]
    assert [r["status"] for r in json.loads(run(db, "import", "--json", *files).stdout)] == ["imported"] * 3
    run(
        db,
        "annotate",
        "1",
        "--quote",
        "drei wichtige Sicherheitsgarantien",
        "--tag",
        "nato/planung",
        "--note",
        "Kern",
    )
    run(
        db,
        "annotate",
        "1",
        "--quote",
        "Luftverteidigung und Seeminenräumung",
        "--tag",
        "nato",
        "--color",
        "blue",
    )
    run(
        db,
        "annotate",
        "2",
        "--quote",
        "won the Democratic Party's Nevada caucuses",
        "--tag",
        "natofern",
        "--note",
        "negotiations ahead",
    )
    return db


def ids(db: Path, *args: str) -> list[int]:
    return [a["id"] for a in json.loads(run(db, *args, "--json").stdout)]


def test_articles_filters_and_mark(library: Path) -> None:
    assert ids(library, "articles", "--unread") == [3, 2, 1]
    marked = json.loads(run(library, "mark", "1", "2", "--read", "--star", "--json").stdout)
    assert [(m["id"], m["starred"], m["read"] is not None) for m in marked] == [
        (1, True, True),
        (2, True, True),
    ]
    run(library, "mark", "2", "--archive", "--unstar")
    assert ids(library, "articles", "--unread") == [3]
    assert ids(library, "articles", "--read") == [2, 1]
    assert ids(library, "articles", "--starred") == [1]
    assert ids(library, "articles", "--archived") == [2]
    listed = run(library, "articles").stdout
    assert "(starred)" in listed and "(archived)" in listed and "(unread)" in listed
    run(library, "mark", "1", "2", "--unread", "--unstar", "--unarchive")
    assert ids(library, "articles", "--unread") == [3, 2, 1]
    nothing = run(library, "mark", "1", check=False)
    assert nothing.returncode == 1 and "--read" in nothing.stderr
    assert run(library, "mark", "1", "--read", "--unread", check=False).returncode == 2
    missing = run(library, "mark", "99", "--star", check=False)
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1


def test_annotations_filters(library: Path) -> None:
    assert ids(library, "annotations", "--tag", "nato") == [2, 1]  # nato/planung counts, natofern does not
    assert ids(library, "annotations", "--color", "blue") == [2]
    assert ids(library, "annotations", "--search", "seeminenraumung") == [2]
    assert ids(library, "annotations", "--search", "negotiate") == [3]
    assert ids(library, "annotations", "--since", "2000-01-01", "--article", "1") == [2, 1]
    assert ids(library, "annotations", "--until", "2000-01-01") == []
    listed = json.loads(run(library, "annotations", "--tag", "nato", "--json").stdout)
    assert listed[0]["article_title"].startswith("Koalition der Willigen")
    text = run(library, "annotations", "--tag", "nato").stdout
    assert "(Important)" in text and "(Question)" in text
    for bad in (("--since", "gestern"), ("--color", "chartreuse"), ("--actor", "Niemand Bekanntes")):
        result = run(library, "annotations", *bad, check=False)
        assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, bad


def test_search_stems_and_phrases(library: Path) -> None:
    assert ids(library, "search", "Flüchtlinge") == [3]
    assert ids(library, "search", "fluechtling") == [3]
    assert ids(library, "search", '"Koalition der Willigen"') == [1]
    assert ids(library, "search", "caucus") == [2]


def test_export_with_filters_and_meanings(library: Path, tmp_path: Path) -> None:
    md = run(library, "export", "--all", "--color", "blue").stdout
    assert "Luftverteidigung" in md and "drei wichtige" not in md and "Question ·" in md
    config = tmp_path / "config"
    (config / "BriefingReader").mkdir(parents=True)
    (config / "BriefingReader" / "settings.ini").write_text(
        "[palette]\nmeaning\\blue=Rückfrage\n", encoding="utf-8"
    )
    renamed = run(library, "export", "--tag", "nato", env={"XDG_CONFIG_HOME": str(config)}).stdout
    assert "Rückfrage ·" in renamed and "Question" not in renamed
    assert str(ROOT) not in renamed and ".txt" not in renamed


def test_export_vault(library: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    out = run(library, "export", "--vault", str(vault)).stdout
    assert "new" in out
    assert len(list((vault / "Articles").glob("*.md"))) == 2
    assert (vault / "Actors").is_dir()
    again = run(library, "export", "--vault", str(vault)).stdout
    assert "0 new, 0 updated" in again
    refused = run(library, "export", "--vault", str(vault), "--color", "blue", check=False)
    assert refused.returncode == 1 and "--vault" in refused.stderr


def test_delete_article_needs_yes_when_it_has_notes(library: Path) -> None:
    refused = run(library, "delete-article", "2", check=False)
    assert refused.returncode == 1 and "--yes" in refused.stderr and "nothing was deleted" in refused.stderr
    assert 2 in ids(library, "articles")
    assert "with 1 notes" in run(library, "delete-article", "2", "--yes").stdout
    assert 2 not in ids(library, "articles")
    assert ids(library, "search", "caucus") == []
    assert "deleted article 3" in run(library, "delete-article", "3").stdout  # no notes: no question
    missing = run(library, "delete-article", "3", check=False)
    assert missing.returncode == 1 and "no article 3" in missing.stderr
