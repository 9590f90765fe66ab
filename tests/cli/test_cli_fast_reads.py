"""Read-only commands on a library at the newest schema run on sqlite3 alone (desktop.services.sqlite_reads):
the same bytes on stdout and stderr as the usual way, without importing SQLAlchemy, and the usual way
whenever reading like this is not plainly safe."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.cli import run_cli
from desktop.services import sqlite_reads
from desktop.storage.db import open_library, resolve_database_url
from desktop.storage.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Annotation,
    Article,
    ArticleVersion,
    Mention,
    Quote,
    Tag,
)
from desktop.storage.search import index_article
from desktop.storage.search_query import MAX_QUERY_CHARS
from desktop.storage.sqlite_read import open_read_only
from desktop.storage.urls import existing_library_file
from tests.postgres import sqlite_only

pytestmark = sqlite_only

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
ENGLISH = (
    "The minister said the harbour of Hamburg will reopen. Officials in Berlin disagreed, "
    "and the mayor of Berlin called the plan premature. Trade unions welcomed the harbour plan."
)


def _article(n: int, title: str, text: str, language: str, **extra: object) -> Article:
    return Article(title=title, text=text, language=language, format="txt", content_hash=f"{n:064x}", **extra)


def build_library(db: Path) -> Path:
    """Articles in three languages and every reading state, actors with equal counts and equal names
    (ties), aliases, roles in several articles, two mentions at one place, notes with tags."""
    library = open_library(resolve_database_url(str(db), {}), backups=False)
    try:
        with library.session() as session:
            stamp = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
            articles = [
                _article(1, "Koalition der Willigen", SAMPLE, "de", published="2025-02-14"),
                _article(2, "Harbour plan", ENGLISH, "en", source_url="https://www.example.org/a/1"),
                _article(3, "Hafen \x1b[31mrot\x1b[0m", "Der Hafen von Hamburg öffnet wieder.", "de"),
                _article(
                    4, "Notes only", "Ein Text über Sicherheitsgarantien.", "de", outlet=" Die  Zeitung "
                ),
                _article(5, "Fête", "La fête du port de Hambourg.", "fr", source_path="/tmp/f.txt"),
                _article(6, "Leer", "", "und", imported_at=stamp, read_at=stamp, starred=True),
            ]
            for n in range(7, 16):
                read = datetime(2026, 3, 2, 9, n, 5, 123456, tzinfo=UTC) if n % 2 else None
                articles.append(
                    _article(
                        n,
                        f"Bericht {n}",
                        f"Bericht {n}: Die Regierung in Berlin und der Hafen. " * (n % 4 + 1),
                        "de",
                        read_at=read,
                        starred=n % 3 == 0,
                        archived=n % 5 == 0,
                    )
                )
            session.add_all(articles)
            session.flush()
            for a in articles:
                index_article(session, a.id, a.title, a.text)
            berlin_place = Actor(name="Berlin", type="location")
            berlin_org = Actor(name="Berlin", type="organization")
            hamburg = Actor(name="Hamburg", type="location", confirmed=True)
            minister = Actor(name="Anna Beispiel", type="person")
            lonely = Actor(name="Zoë Einzeln", type="person")
            actors = [berlin_place, berlin_org, hamburg, minister, lonely]
            session.add_all(actors)
            session.flush()
            session.add_all(
                [
                    ActorAlias(actor_id=minister.id, alias="Anna Beispiel", key="anna beispiel"),
                    ActorAlias(actor_id=minister.id, alias="Ministerin Beispiel", key="ministerin beispiel"),
                    ActorAlias(actor_id=hamburg.id, alias="Hambourg", key="hambourg"),
                    ActorRole(actor_id=minister.id, article_id=articles[1].id, role="minister"),
                    ActorRole(actor_id=minister.id, article_id=articles[0].id, role="Sprecherin"),
                    ActorRole(actor_id=minister.id, article_id=articles[6].id, role="minister"),
                    ActorRole(actor_id=berlin_org.id, article_id=articles[1].id, role="city council"),
                ]
            )

            def mention(
                article: Article, actor: Actor, start: int, length: int, sentence: int | None = None
            ) -> Mention:
                return Mention(
                    article_id=article.id,
                    actor_id=actor.id,
                    start=start,
                    end=start + length,
                    text=article.text[start : start + length],
                    type=actor.type,
                    sentence=sentence,
                )

            english = articles[1]
            berlin = english.text.index("Berlin")
            session.add_all(
                [
                    mention(english, berlin_place, berlin, 6, 1),
                    mention(english, berlin_org, berlin, 6, 1),  # the same place: a tie in the order
                    mention(english, berlin_place, english.text.rindex("Berlin"), 6, 1),
                    mention(english, berlin_org, english.text.rindex("Berlin"), 6, 1),
                    mention(english, hamburg, english.text.index("Hamburg"), 7, 0),
                    mention(english, minister, english.text.index("minister"), 8, 0),
                    mention(english, lonely, english.text.index("mayor"), 5, 1),
                    mention(articles[2], hamburg, articles[2].text.index("Hamburg"), 7),
                    mention(articles[4], hamburg, articles[4].text.index("Hambourg"), 8),
                    mention(articles[0], lonely, 0, 9),
                ]
            )
            for article in articles[6:10]:
                session.add(mention(article, berlin_place, article.text.index("Berlin"), 6, 0))
                session.add(mention(article, minister, article.text.index("Regierung"), 9, 0))
            said = english.text.index("will reopen")
            session.add_all(
                [
                    Quote(
                        article_id=english.id,
                        start=said,
                        end=said + 11,
                        kind="indirect",
                        speaker_id=minister.id,
                        cue_start=english.text.index("said"),
                        cue_end=english.text.index("said") + 4,
                    ),
                    Quote(article_id=english.id, start=0, end=12, kind="direct", source="officials"),
                    Quote(
                        article_id=articles[0].id, start=5, end=40, kind="direct", speaker_id=berlin_org.id
                    ),
                    Quote(article_id=articles[2].id, start=0, end=9, kind="direct", speaker_id=minister.id),
                ]
            )
            for article in articles[:4]:
                article.analysis_version = 1
            for number, replaced in ((1, datetime(2026, 3, 3, 7, 0, 1, 250000, tzinfo=UTC)), (2, None)):
                session.add(
                    ArticleVersion(
                        article_id=english.id,
                        number=number,
                        title=f"Harbour draft {number}",
                        text="The harbour of Hamburg stays shut." * number,
                        content_hash=f"{number:064x}",
                        imported_at=stamp,
                        replaced_at=replaced or datetime(2026, 3, 4, tzinfo=UTC),
                    )
                )
            urgent, later = Tag(name="urgent"), Tag(name="follow/up")
            session.add_all(
                [
                    Annotation(
                        article_id=english.id,
                        start=4,
                        end=12,
                        exact="minister",
                        note="who?",
                        tags=[urgent, later],
                        author="ana",
                    ),
                    Annotation(article_id=english.id, start=0, end=3, exact="The", color="green"),
                    Annotation(
                        article_id=articles[3].id,
                        start=4,
                        end=8,
                        exact="Text",
                        orphaned=True,
                        anchor_state="fuzzy",
                        anchor_score=0.75,
                        previous_exact="Test",
                        tags=[later],
                    ),
                ]
            )
    finally:
        library.close()
    return db


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_library(tmp_path_factory.mktemp("fast") / "library.sqlite3")


def _run(
    db: Path,
    args: list[str],
    *,
    fast: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str, bool]:
    """``args`` run in this process: exit status, stdout, stderr and whether the fast way read the library.
    ``fast`` False makes the command open the library the usual way."""
    readers: list[object] = []
    real = sqlite_reads.open_reader

    def spy(path: Path) -> object:
        reader = real(path) if fast else None
        readers.append(reader)
        return reader

    with monkeypatch.context() as patch:
        patch.setattr(sqlite_reads, "open_reader", spy)
        patch.delenv("NO_COLOR", raising=False)
        if fast:  # a failure of the fast way raises instead of falling back to the usual way
            patch.setenv("BRIEFING_READER_DEBUG", "1")
        else:
            patch.delenv("BRIEFING_READER_DEBUG", raising=False)
        out = io.StringIO()
        status = run_cli(["--db", str(db), *args], out=out)
    return status, out.getvalue(), capsys.readouterr().err, any(r is not None for r in readers)


CALLS = [
    ["search", "Hafen"],
    ["search", "Hafen", "--json"],
    ["search", "hamburg"],
    ["search", "harbour plan", "--json"],
    ["search", '"Koalition der Willigen"', "--json"],
    ["search", "Sicherheits*", "--json"],
    ["search", "Bericht -Regierung"],
    ["search", "Bericht OR Fête", "--json"],
    ["search", "regierungen"],  # found through the stem only
    ["search", "nirgendwo"],
    ["search", '" " *'],  # no words to search for
    ["search", "--json", '"'],
    ["search", "x" * (MAX_QUERY_CHARS + 1)],
    ["search", " ".join(f"w{n}" for n in range(40))],
    ["articles"],
    ["articles", "--json"],
    ["articles", "--all"],
    ["articles", "--limit", "3"],
    ["articles", "--limit", "3", "--json"],
    ["articles", "--unread", "--json"],
    ["articles", "--read"],
    ["articles", "--starred", "--json", "--all"],
    ["articles", "--archived"],
    ["articles", "--read", "--starred", "--archived", "--json"],
    ["actors"],
    ["actors", "--json"],
    ["actors", "--limit", "2"],
    ["actors", "--all", "--json"],
    ["actors", "--article", "2"],
    ["actors", "--article", "2", "--json", "--limit", "1"],
    ["actors", "--article", "6", "--json"],
    ["actors", "--article", "999"],
    ["show", "2"],
    ["show", "2", "--json"],
    ["show", "4"],
    ["show", "3", "--json"],
    ["show", "6"],
    ["show", "999", "--json"],
    ["versions", "2"],
    ["versions", "2", "--json"],
    ["versions", "4"],
    ["versions", "5", "--json"],
    ["versions", "999"],
    ["annotations"],
    ["annotations", "--json"],
    ["annotations", "--article", "2"],
    ["annotations", "--article", "4", "--json"],
    ["annotations", "--article", "5", "--json"],
    ["annotations", "--article", "999"],
    ["annotations", "--article", "99999999999999999999"],
    ["quotes"],
    ["quotes", "--json"],
    ["quotes", "--article", "2"],
    ["quotes", "--article", "2", "--json"],
    ["quotes", "--article", "5"],
    ["quotes", "--article", "999"],
    ["quotes", "--actor", "Anna Beispiel", "--json"],
    ["quotes", "--actor", "ministerin beispiel"],  # an alias, case aside
    ["quotes", "--actor", "Hambourg", "--article", "2"],
    ["quotes", "--actor", "#2", "--json"],
    ["quotes", "--actor", "Berlin"],  # two actors: which one?
    ["quotes", "--actor", "#99999999999999999999"],
    ["quotes", "--actor", "Niemand"],
    ["dossier", "Anna Beispiel"],
    ["dossier", "Anna Beispiel", "--json"],
    ["dossier", "ministerin beispiel", "--limit", "1"],
    ["dossier", "#4", "--json", "--limit", "2"],
    ["dossier", "#4", "--all"],
    ["dossier", "#4", "--all", "--json"],
    ["dossier", "Hamburg", "--json", "--limit", "1"],
    ["dossier", "#1"],
    ["dossier", "#1", "--json", "--all"],
    ["dossier", "#2", "--json"],
    ["dossier", "Zoë Einzeln", "--json"],
    ["dossier", "Berlin"],  # two actors: which one?
    ["dossier", "Niemand", "--json"],
    ["dossier", "#999", "--all"],
    ["dossier", "#99999999999999999999"],
    ["network"],
    ["network", "--min", "2"],
    ["network", "--format", "graphml"],
    ["network", "--article", "2"],
    ["network", "--article", "2", "--format", "gexf"],
    ["network", "--article", "8", "--min", "1"],
    ["network", "--article", "5"],
    ["network", "--article", "999"],
    ["network", "--actor", "Anna Beispiel"],
    ["network", "--actor", "#1", "--format", "graphml"],
    ["network", "--actor", "Hambourg", "--min", "2"],
    ["network", "--actor", "#5", "--format", "gexf"],
    ["network", "--actor", "Berlin"],
    ["network", "--actor", "Niemand"],
    ["annotations", "--tag", "follow"],
    ["annotations", "--tag", "follow/up", "--json"],
    ["annotations", "--tag", "URGENT"],
    ["annotations", "--tag", "fol"],
    ["annotations", "--color", "green"],
    ["annotations", "--color", "yellow", "--color", "Green", "--json"],
    ["annotations", "--color", "purple"],
    ["annotations", "--actor", "Anna Beispiel", "--json"],
    ["annotations", "--actor", "#3"],
    ["annotations", "--actor", "Berlin"],
    ["annotations", "--actor", "Niemand"],
    ["annotations", "--since", "2000-01-01", "--json"],
    ["annotations", "--until", "2000-01-01"],
    ["annotations", "--since", "2999-01-01"],
    ["annotations", "--since", "yesterday"],
    ["annotations", "--since", "2026-03-02", "--until", "2026-03-01"],
    ["annotations", "--search", "who"],
    ["annotations", "--search", "Text OR minister -who", "--json"],
    ["annotations", "--author", "ana"],
    ["annotations", "--author", "nobody", "--json"],
    ["annotations", "--article", "2", "--color", "green", "--tag", "urgent"],
    ["annotations", "--article", "2", "--tag", "urgent", "--json"],
    ["annotations", "--article", "999", "--color", "green"],
    ["export", "--article", "2"],
    ["export", "--article", "4", "--color", "yellow"],
    ["export", "--article", "6"],
    ["export", "--article", "999"],
    ["export", "--tag", "follow"],
    ["export", "--tag", "urgent", "--search", "who"],
    ["export", "--tag", "nothing"],
    ["export", "--tag", "nothing", "--author", "ana"],
    ["export", "--actor", "Anna Beispiel"],
    ["export", "--actor", "ministerin beispiel", "--color", "yellow"],
    ["export", "--actor", "Niemand"],
    ["export", "--actor", "Berlin"],
    ["export", "--all"],
    ["export", "--all", "--author", "ana"],
    ["export", "--all", "--since", "2999-01-01"],
    ["export", "--all", "--color", "purple"],
    ["export", "--format", "w3c", "--article", "2"],
    ["export", "--format", "w3c", "--article", "4"],
    ["export", "--format", "w3c", "--article", "6"],
    ["export", "--format", "w3c", "--article", "999"],
    ["export", "--format", "w3c", "--tag", "follow"],
    ["export", "--format", "w3c", "--tag", "nothing"],
    ["export", "--format", "w3c", "--all"],
]


QUIET = {
    "annotations --tag fol",  # a tag's prefix is not the tag
    "annotations --color purple",
    "annotations --actor #3",
    "annotations --until 2000-01-01",
    "annotations --since 2999-01-01",
    "annotations --article 2 --color green --tag urgent",
}
"""The calls whose answer is empty (on both ways)."""


@pytest.mark.parametrize("args", CALLS, ids=lambda a: " ".join(a)[:60])
def test_the_fast_way_writes_what_the_usual_way_writes(
    library: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    *usual, usual_was_fast = _run(library, args, fast=False, monkeypatch=monkeypatch, capsys=capsys)
    *fast, was_fast = _run(library, args, fast=True, monkeypatch=monkeypatch, capsys=capsys)
    assert was_fast and not usual_was_fast
    assert fast == usual
    if " ".join(args) in QUIET:  # nothing to list: nothing said, no error
        assert usual == [0, "", ""]
    else:
        assert usual[1] or usual[2]  # each call says something


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("empty") / "library.sqlite3"
    open_library(resolve_database_url(str(db), {}), backups=False).close()
    return db


EMPTY_CALLS = [
    ["articles", "--json"],
    ["actors"],
    ["search", "Hafen"],
    ["show", "1"],
    ["quotes", "--json"],
    ["dossier", "#1"],
    ["dossier", "Anna"],
    ["network"],
    ["network", "--format", "gexf"],
    ["network", "--article", "1"],
    ["network", "--actor", "#1"],
    ["annotations", "--json"],
    ["annotations", "--tag", "nato", "--color", "green"],
    ["annotations", "--search", "Hafen"],
    ["export", "--all"],
    ["export", "--tag", "nato"],
    ["export", "--article", "1"],
    ["export", "--format", "w3c", "--all"],
]


@pytest.mark.parametrize("args", EMPTY_CALLS, ids=lambda a: " ".join(a))
def test_an_empty_library_gives_the_same_answers(
    empty: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    *usual, usual_was_fast = _run(empty, args, fast=False, monkeypatch=monkeypatch, capsys=capsys)
    *fast, was_fast = _run(empty, args, fast=True, monkeypatch=monkeypatch, capsys=capsys)
    assert was_fast and not usual_was_fast
    assert fast == usual
    assert usual[0] in (0, 1) and (usual[0] == 0 or usual[2].count("\n") == 1)  # an error is one line


@pytest.mark.parametrize(
    "args",
    [
        ["dossier", "#4", "--json"],
        ["dossier", "Hamburg", "--all"],
        ["network", "--actor", "#4", "--format", "graphml"],
        ["network", "--min", "1"],
        ["export", "--all"],
        ["export", "--format", "w3c", "--tag", "follow"],
    ],
    ids=lambda a: " ".join(a),
)
def test_the_fast_way_writes_the_same_file(
    library: Path,
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    written = []
    for fast in (False, True):
        target = tmp_path / f"{'fast' if fast else 'usual'}.out"
        status, out, err, was_fast = _run(
            library, [*args, "-o", str(target)], fast=fast, monkeypatch=monkeypatch, capsys=capsys
        )
        assert (status, out, was_fast) == (0, "", fast)
        assert f"wrote {target}" in err
        written.append(target.read_bytes())
    assert written[0] == written[1] and written[0]


def test_the_calls_cover_hits_ties_and_cuts(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The compared calls are not vacuous: hits with snippets, a tie of equal names and counts, a cut."""
    _, out, _, _ = _run(
        library, ["search", "Hafen", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert len(json.loads(out)) >= 3 and all(h["hits"] for h in json.loads(out))
    _, out, _, _ = _run(
        library, ["actors", "--article", "2", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    rows = json.loads(out)
    assert [r["name"] for r in rows[:2]] == ["Berlin", "Berlin"] and rows[0]["mentions"] == rows[1][
        "mentions"
    ]
    _, out, err, _ = _run(
        library, ["articles", "--limit", "3"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert len(out.splitlines()) == 3 and "--all" in err
    _, out, _, _ = _run(library, ["show", "2", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys)
    shown = json.loads(out)
    assert shown["annotations"][1]["tags"] == ["follow/up", "urgent"] and len(shown["mentions"]) == 7
    _, out, _, _ = _run(
        library, ["dossier", "#4", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    dossier = json.loads(out)
    assert dossier["related"] and dossier["annotations"] and dossier["quotes"] and dossier["roles"]
    _, out, _, _ = _run(
        library, ["network", "--actor", "#4"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    graph = json.loads(out)
    assert len(graph["nodes"]) >= 3 and graph["edges"]
    _, out, _, _ = _run(
        library, ["annotations", "--actor", "#4", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert [n["quote"] for n in json.loads(out)] == ["minister"]


def _subprocess(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    for name in ("BRIEFING_READER_DEBUG", "BRIEFING_READER_DB", "NO_COLOR"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )


def _imported(stderr: str) -> set[str]:
    """The top-level packages ``-X importtime`` reports."""
    return {
        line.split("|")[-1].strip().split(".")[0]
        for line in stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.mark.parametrize(
    "args",
    [
        ["search", "Hafen"],
        ["articles", "--json"],
        ["actors", "--article", "2"],
        ["show", "2", "--json"],
        ["dossier", "#4"],
        ["network", "--actor", "#4", "--format", "gexf"],
        ["annotations", "--tag", "follow", "--search", "who"],
        ["export", "--actor", "#4", "--color", "yellow"],
        ["export", "--format", "w3c", "--all"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_read_command_imports_no_sqlalchemy(
    library: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    done = _subprocess(library, *args)
    assert done.returncode == 0, done.stderr
    imported = _imported(done.stderr)
    assert "desktop" in imported  # the report is there
    assert not imported & {"sqlalchemy", "alembic"}
    _status, usual, _err, _fast = _run(library, args, fast=False, monkeypatch=monkeypatch, capsys=capsys)
    assert done.stdout == usual


def test_a_write_command_still_opens_the_usual_way(library: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.sqlite3"
    shutil.copy(library, db)
    done = _subprocess(db, "mark", "2", "--star")
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" in _imported(done.stderr)


def test_committed_writes_of_a_crashed_writer_are_read(library: Path, tmp_path: Path) -> None:
    """A writer killed after its commit leaves the change in the write-ahead log only: read from there."""
    db = tmp_path / "crashed.sqlite3"
    shutil.copy(library, db)
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute(\"UPDATE articles SET title = 'Nach dem Absturz' WHERE id = 3\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=False, timeout=60)
    assert Path(f"{db}-wal").stat().st_size > 0  # the change is in the log, not in the file
    done = _subprocess(db, "articles", "--json", "--all")
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" not in _imported(done.stderr)
    assert {r["id"]: r["title"] for r in json.loads(done.stdout)}[3] == "Nach dem Absturz"


def _changed_copy(library: Path, tmp_path: Path, *statements: str) -> Path:
    db = tmp_path / "changed.sqlite3"
    shutil.copy(library, db)
    connection = sqlite3.connect(db, isolation_level=None)
    for statement in statements:
        connection.execute(statement)
    connection.close()
    return db


def test_only_a_library_at_the_shipped_schema_in_wal_mode_is_read_this_way(
    library: Path, tmp_path: Path
) -> None:
    connection = open_read_only(library)
    assert connection is not None
    connection.close()
    assert open_read_only(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # never created
    assert open_read_only(tmp_path) is None
    (tmp_path / "text.sqlite3").write_text("not a database\n" * 100, encoding="utf-8")
    assert open_read_only(tmp_path / "text.sqlite3") is None
    older = _changed_copy(library, tmp_path, "UPDATE alembic_version SET version_num = '0008_performance'")
    assert open_read_only(older) is None  # migrations are due: the usual way runs them
    older.unlink()
    rollback = _changed_copy(library, tmp_path, "PRAGMA journal_mode=DELETE")
    assert open_read_only(rollback) is None  # the usual way switches it to WAL first
    rollback.unlink()
    missing = _changed_copy(library, tmp_path, "DROP TABLE actor_roles")
    assert open_read_only(missing) is None


def test_a_library_that_cannot_be_read_this_way_gives_the_usual_answer(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _changed_copy(library, tmp_path, "PRAGMA journal_mode=DELETE")
    status, out, _err, was_fast = _run(
        db, ["search", "Hafen", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert status == 0 and json.loads(out) and not was_fast
    with sqlite3.connect(db) as connection:  # the usual way opened it: WAL now, as before
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    missing = tmp_path / "nothing" / "here.sqlite3"
    status, _out, _err, was_fast = _run(
        missing, ["actors"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert status == 1 and not missing.exists() and not was_fast  # no empty library left behind
    assert "There is no library at" in _err and _err.count("\n") == 1


def test_a_file_name_with_uri_characters_is_read_this_way_too(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "Bibliothek ?#%ü&mode=rwc.sqlite3"
    shutil.copy(library, db)
    *usual, _ = _run(db, ["actors", "--json"], fast=False, monkeypatch=monkeypatch, capsys=capsys)
    *fast, was_fast = _run(db, ["actors", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys)
    assert was_fast and fast == usual and json.loads(fast[1])
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(db.name)) == []


def test_only_plain_paths_of_existing_files_are_read_this_way(library: Path, tmp_path: Path) -> None:
    env = {"BRIEFING_READER_DB": str(library)}
    assert existing_library_file(None, env) == library
    assert existing_library_file(str(library), {}) == library
    assert existing_library_file(f"  {library}  ", {}) == library  # stripped, as the usual way does
    for other in ("", "   ", f"file:{library}", f"sqlite:///{library}", "postgresql://h/db", "a\x00b"):
        assert existing_library_file(other, env) is None, other
    assert existing_library_file(str(tmp_path / "missing.sqlite3"), env) is None
    assert existing_library_file(str(tmp_path), env) is None  # a folder
