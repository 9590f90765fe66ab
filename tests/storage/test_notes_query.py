"""Notes across the library: filters by colour, tag (with sub-tags), actor, article, day and text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from sqlalchemy import update

from desktop.services import annotations, exporting
from desktop.services.annotations import AnnotationError
from desktop.services.color_meanings import DEFAULT_MEANINGS, color_meanings, read_meanings, settings_path
from desktop.services.importer import Importer
from desktop.services.notes_query import describe, export_notes, make_filter, query_notes
from desktop.services.queries import find_actor
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import Annotation
from tests.postgres import library_location
from tests.storage.test_services import ARTICLE_1, ARTICLE_2, NAMES, FakeRecognizer, write


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(resolve_database_url(library_location(tmp_path / "lib.sqlite3"), {}))
    Importer(lib, FakeRecognizer(NAMES)).import_paths(
        [write(tmp_path, "a.txt", ARTICLE_1), write(tmp_path, "b.txt", ARTICLE_2)]
    )
    made = [
        annotations.create_annotation(
            lib,
            1,
            quote="Helga Brandtner reiste",
            note="Die Flüchtlinge an der Straße",
            tags=["nato/planung"],
        ),
        annotations.create_annotation(
            lib, 1, quote="Vertreter des Nordbund", note="Äußerung prüfen", tags=["nato"], color="blue"
        ),
        annotations.create_annotation(
            lib, 2, quote="weitere Schritte", note="negotiations ahead", tags=["natofern"], color="red"
        ),
        annotations.create_annotation(lib, 2, quote="Brandtner sprach", color="blue"),
    ]
    days = [dt.datetime(2025, 1, d, 12, tzinfo=dt.UTC) for d in (5, 10, 15, 20)]
    with lib.session() as session:
        for row, day in zip(made, days, strict=True):
            session.execute(update(Annotation).where(Annotation.id == row.id).values(created_at=day))
    yield lib
    lib.close()


def found(library: Library, **fields: object) -> list[int]:
    return sorted(n.id for n in query_notes(library, make_filter(**fields)))  # type: ignore[arg-type]


def test_all_notes_newest_first_with_article_details(library: Library) -> None:
    rows = query_notes(library)
    assert [r.id for r in rows] == [4, 3, 2, 1]
    assert rows[-1].article_title == "Gipfel in Valdora" and rows[-1].created_at.startswith("2025-01-05")
    assert set(rows[0].as_json()) >= {
        "id",
        "article",
        "quote",
        "note",
        "tags",
        "color",
        "article_title",
        "created",
    }
    assert [r.id for r in query_notes(library, order="document")] == [1, 2, 4, 3]


def test_tag_includes_children_but_not_lookalikes(library: Library) -> None:
    assert found(library, tag="nato") == [1, 2]
    assert found(library, tag="#NATO/Planung") == [1]
    assert found(library, tag="natofern") == [3]


def test_colour_article_actor_and_days(library: Library) -> None:
    assert found(library, colors=["blue"]) == [2, 4]
    assert found(library, colors=["blue", "red"]) == [2, 3, 4]
    assert found(library, article_id=2) == [3, 4]
    with library.read_session() as session:
        brandtner = find_actor(session, "Brandtner").id
        nordbund = find_actor(session, "Nordbund").id
    assert found(library, actor_id=brandtner) == [1, 4]  # the highlights overlap her mentions
    assert found(library, actor_id=nordbund) == [2]
    assert found(library, since=dt.date(2025, 1, 10)) == [2, 3, 4]
    assert found(library, since=dt.date(2025, 1, 10), until=dt.date(2025, 1, 15)) == [2, 3]
    assert found(library, until=dt.date(2025, 1, 4)) == []
    with pytest.raises(AnnotationError, match="Unknown colour"):
        make_filter(colors=["chartreuse"])
    with pytest.raises(AnnotationError, match="after"):
        make_filter(since=dt.date(2025, 2, 1), until=dt.date(2025, 1, 1))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fluechtlinge", [1]),
        ("Flüchtling", [1]),
        ("strasse", [1]),
        ("AUSSERUNG", [2]),
        ("negotiate", [3]),
        ("schritte", [3]),  # the quoted passage counts too
        ('"weitere Schritte"', [3]),
        ('"Schritte weitere"', []),
        ("brandtner -reiste", [4]),
        ("prüfen OR ahead", [2, 3]),
        ("nord*", [2]),
    ],
)
def test_text_search_in_notes_and_quotes(library: Library, query: str, expected: list[int]) -> None:
    assert found(library, search=query) == expected


def test_a_file_library_gives_the_sessions_notes(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a SQLite file the notes are read as the command line reads them: the same rows as the
    session's statements, for every filter and order (on PostgreSQL both are the session's)."""
    from desktop.services import sqlite_reads
    from desktop.services.notes_query import select_notes

    with library.read_session() as session:
        brandtner = find_actor(session, "Brandtner").id
    filters = [
        make_filter(),
        make_filter(tag="nato"),
        make_filter(colors=["blue", "red"]),
        make_filter(article_id=2),
        make_filter(actor_id=brandtner),
        make_filter(since=dt.date(2025, 1, 10), until=dt.date(2025, 1, 15)),
        make_filter(search="brandtner -reiste"),
        make_filter(search="schritte", colors=["red"]),
    ]
    read: list[object] = []
    original = sqlite_reads.read_file_of

    def counted(lib: Library, read_rows: object) -> object:
        found = original(lib, read_rows)  # type: ignore[arg-type]
        read.append(found)
        return found

    monkeypatch.setattr("desktop.services.notes_query.read_file_of", counted)
    checked = 0
    for flt in filters:
        for order in ("created", "document"):
            for limit in (None, 1, 3):
                with library.read_session() as session:
                    expected = select_notes(session, flt, order, limit)  # type: ignore[arg-type]
                assert query_notes(library, flt, order=order, limit=limit) == expected  # type: ignore[arg-type]
                checked += bool(expected)
    assert checked >= 30
    if library.path is not None:
        assert len(read) == len(filters) * 6 and all(r is not None for r in read)


def test_export_of_the_filtered_set_uses_meanings(library: Library) -> None:
    flt = make_filter(tag="nato", colors=["blue"])
    md = export_notes(library, flt, meanings={"blue": "Rückfrage"}, generated=dt.date(2025, 2, 1))
    front = yaml.safe_load(md.split("---\n")[1])
    assert front["title"] == "Notes: #nato · Rückfrage" and front["articles"] == 1
    assert "Vertreter des Nordbund" in md and "Helga Brandtner reiste" not in md
    assert "Rückfrage · #nato" in md and "blue" not in md
    assert describe(make_filter(search="  a   b ")) == "Notes: “a b”"
    narrowed = exporting.export_library(library, flt=make_filter(search="negotiate"))
    assert "weitere Schritte" in narrowed and "Vertreter" not in narrowed


def test_meanings_from_the_window_settings_file(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(
        '[window]\ngeometry=@ByteArray(x)\n\n[palette]\nmeaning\\yellow="Kernaussage, wichtig"\n'
        'meaning\\green=Beleg \\"zitiert\\" \\\\ \\x263a\nmeaning\\blue=@Variant(\\0)\nmeaning\\nope=x\n',
        encoding="utf-8",
    )
    assert read_meanings(ini) == {"yellow": "Kernaussage, wichtig", "green": 'Beleg "zitiert" \\ ☺'}
    meanings = color_meanings(ini)
    assert meanings["yellow"] == "Kernaussage, wichtig" and meanings["blue"] == DEFAULT_MEANINGS["blue"]
    assert color_meanings(tmp_path / "missing.ini") == {c: DEFAULT_MEANINGS[c] for c in meanings}
    assert settings_path().name == "settings.ini" and settings_path().parent.name == "BriefingReader"
