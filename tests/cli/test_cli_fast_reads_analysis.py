"""dossier, network, annotations with filters and export on sqlite3 alone (desktop.services.sqlite_reads):
the same bytes on stdout, stderr and in the files written as the usual way, on the library of
tests/cli/fast_reads.py and on an empty one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.storage.db import open_library, resolve_database_url
from tests.cli.fast_reads import build_library, run_both
from tests.postgres import sqlite_only

pytestmark = sqlite_only


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_library(tmp_path_factory.mktemp("fast") / "library.sqlite3")


MORE_CALLS = [
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
    ["annotations", "--limit", "1", "--json"],
    ["annotations", "--limit", "2"],
    ["annotations", "--all", "--json"],
    ["annotations", "--search", "Text OR minister -who", "--limit", "1"],
    ["annotations", "--tag", "follow", "--limit", "1", "--json"],
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


@pytest.mark.parametrize("args", MORE_CALLS, ids=lambda a: " ".join(a)[:60])
def test_the_fast_way_writes_what_the_usual_way_writes(
    library: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    *usual, usual_was_fast = run_both(library, args, fast=False, monkeypatch=monkeypatch, capsys=capsys)
    *fast, was_fast = run_both(library, args, fast=True, monkeypatch=monkeypatch, capsys=capsys)
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
    *usual, usual_was_fast = run_both(empty, args, fast=False, monkeypatch=monkeypatch, capsys=capsys)
    *fast, was_fast = run_both(empty, args, fast=True, monkeypatch=monkeypatch, capsys=capsys)
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
        status, out, err, was_fast = run_both(
            library, [*args, "-o", str(target)], fast=fast, monkeypatch=monkeypatch, capsys=capsys
        )
        assert (status, out, was_fast) == (0, "", fast)
        assert f"wrote {target}" in err
        written.append(target.read_bytes())
    assert written[0] == written[1] and written[0]


def test_the_calls_are_not_vacuous(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The compared dossier, network and notes have related actors, edges and a highlight to find."""
    _, out, _, _ = run_both(
        library, ["dossier", "#4", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    dossier = json.loads(out)
    assert dossier["related"] and dossier["annotations"] and dossier["quotes"] and dossier["roles"]
    _, out, _, _ = run_both(
        library, ["network", "--actor", "#4"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    graph = json.loads(out)
    assert len(graph["nodes"]) >= 3 and graph["edges"]
    _, out, _, _ = run_both(
        library, ["annotations", "--actor", "#4", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert [n["quote"] for n in json.loads(out)] == ["minister"]


def test_related_actors_are_read_by_the_statement_the_service_runs() -> None:
    """Equal counts and names leave the order of related actors to SQLite's plan: both ways run the same
    text, so they get the same plan and the same order."""
    from sqlalchemy.dialects import sqlite

    from desktop.services import dossier
    from desktop.services.sqlite_dossier import _RELATED

    compiled: list[str] = []

    class Capture:
        def execute(self, statement: object, *_args: object) -> list[object]:
            compiled.append(str(statement.compile(dialect=sqlite.dialect())))  # type: ignore[attr-defined]
            return []

    dossier.related_actors(Capture(), 5, 100)  # type: ignore[arg-type]
    dossier.related_actors(Capture(), 5)  # type: ignore[arg-type]
    assert compiled == [_RELATED + "\n LIMIT ? OFFSET ?", _RELATED]


def test_a_dossiers_summary_is_read_by_the_services_statements(library: Path) -> None:
    """The same texts but for the index named where SQLite would not choose it by itself for a lookup by
    id; the rows (read in no particular order) are the same; the newest articles by date come through the
    date index, those by actor through its mentions and the dates' index."""
    import sqlite3

    from sqlalchemy.dialects import sqlite

    from desktop.services import dossier
    from desktop.services import sqlite_dossier as fast

    def text(statement: object) -> str:
        compiled = statement.compile(  # type: ignore[attr-defined]
            dialect=sqlite.dialect(), compile_kwargs={"render_postcompile": True}
        )
        return str(compiled)

    pairs = [
        (fast.DAYS_SQL, dossier.days_query(4), (4,)),
        (fast.QUOTED_SQL, dossier.quoted_query(4), (4, 4)),
        (fast.LIBRARY_FROM_SQL, dossier.library_from_query("2000-01-01", 3), ("2000-01-01", 3, 0)),
        (fast.BY_DATE_SQL, dossier.by_date_query(4, "2000-01-01"), ("2000-01-01", 4)),
        (fast.BY_ACTOR_SQL, dossier.by_actor_query(4, "2000-01-01"), (4, "2000-01-01")),
        (fast.MENTIONS_SQL.format(ids="(?, ?)"), dossier.mentions_query(4, [1, 2]), (4, 1, 2)),
    ]
    with sqlite3.connect(library) as connection:
        found = 0
        for statement, service, params in pairs:
            assert statement.replace(fast.SUMMARY_INDEX, "") == text(service)
            rows = connection.execute(statement, params).fetchall()
            assert sorted(rows) == sorted(connection.execute(text(service), params).fetchall())
            found += len(rows)
        assert found > 0

        def plan(statement: str, params: tuple[object, ...]) -> str:
            return " ".join(str(r[3]) for r in connection.execute("EXPLAIN QUERY PLAN " + statement, params))

        assert "COVERING INDEX ix_articles_id_day" in plan(fast.BY_ACTOR_SQL, (4, ""))
        assert "INDEX ix_articles_date" in plan(fast.BY_DATE_SQL, ("", 4))
        assert "INDEX ix_articles_date" in plan(fast.LIBRARY_FROM_SQL, ("", 4, 0))


def test_networks_are_read_by_the_statements_the_service_runs() -> None:
    from sqlalchemy.dialects import sqlite

    from desktop.services import network, sqlite_network

    def text(statement: object) -> str:
        compiled = statement.compile(  # type: ignore[attr-defined]
            dialect=sqlite.dialect(), compile_kwargs={"render_postcompile": True}
        )
        return str(compiled)

    assert text(network.pairs_query(2)) == sqlite_network.PAIRS_SQL
    among = sqlite_network.PAIRS_AMONG_SQL.format(ids=sqlite_network.in_list(3))
    assert text(network.pairs_query(2, {7, 3, 5})) == among
    assert text(network.neighbours_query(5, 2)) == sqlite_network.NEIGHBOURS_SQL
    assert text(network.node_counts_query(None)) == sqlite_network.COUNTS_SQL
    counts = sqlite_network.COUNTS_SQL + sqlite_network.COUNTS_OF.format(ids=sqlite_network.in_list(2))
    assert text(network.node_counts_query([4, 2])) == counts


def test_an_actors_notes_are_the_same_read_from_the_notes_or_from_its_mentions(library: Path) -> None:
    """The command line reads the notes on an actor's mentions from each note when the actor has more
    mentions than the library has notes (SQLite would read every mention otherwise): the same rows."""
    import sqlite3

    from desktop.services.sqlite_dossier import _ANNOTATED, ANNOTATED_BY_NOTES

    with sqlite3.connect(library) as connection:
        plan = " ".join(
            str(r[3]) for r in connection.execute("EXPLAIN QUERY PLAN " + ANNOTATED_BY_NOTES, (1, 1))
        )
        assert (
            "SCAN annotations" in plan
            and "ix_mentions_actor_id_article_id (actor_id=? AND article_id=?)" in plan
        )
        actors = [r[0] for r in connection.execute("SELECT id FROM actors")]
        found = 0
        for actor in actors:
            rows = sorted(connection.execute(_ANNOTATED, (actor, actor)).fetchall())
            assert sorted(connection.execute(ANNOTATED_BY_NOTES, (actor, actor)).fetchall()) == rows
            found += len(rows)
        assert found > 0
