"""Listings that grow with the library are cut by default: the first 100, --limit N, --all, a note."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.commands.common import DEFAULT_LIMIT
from desktop.storage.db import open_library, resolve_database_url
from desktop.storage.models import Actor, Annotation, Article, Mention
from tests.cli.test_cli import run
from tests.postgres import library_location

ARTICLES = DEFAULT_LIMIT + 5
ACTORS = DEFAULT_LIMIT + 3
ANNOTATIONS = DEFAULT_LIMIT + 2


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ARTICLES articles (every third unread, the others read); ACTORS actors, actor n named n+1 times."""
    db = tmp_path_factory.mktemp("limits") / "library.sqlite3"
    with (
        open_library(resolve_database_url(library_location(db), {}), backups=False) as lib,
        lib.session() as session,
    ):
        articles = [
            Article(
                title=f"Artikel {n}",
                text=f"Bericht Nummer {n} über den Hafen.",
                language="de",
                format="txt",
                content_hash=f"{n:064d}",
                read_at=None if n % 3 == 0 else datetime.now(UTC),
            )
            for n in range(1, ARTICLES + 1)
        ]
        session.add_all(articles)
        actors = [Actor(name=f"Akteur {n:03d}", type="person") for n in range(ACTORS)]
        session.add_all(actors)
        session.flush()
        for n, actor in enumerate(actors):
            session.add_all(
                Mention(
                    article_id=articles[0].id,
                    actor_id=actor.id,
                    start=0,
                    end=7,
                    text="Bericht",
                    type="person",
                )
                for _ in range(n + 1)
            )
        session.add_all(
            Annotation(article_id=articles[1].id, start=0, end=7, exact="Bericht", note=f"Notiz {n}")
            for n in range(ANNOTATIONS)
        )
    return db


def test_articles_lists_the_newest_hundred_and_says_so(library: Path) -> None:
    result = run(library, "articles", "--json")
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == list(range(ARTICLES, ARTICLES - DEFAULT_LIMIT, -1))
    assert result.stderr.count("\n") == 1 and "--limit N or --all" in result.stderr
    text = run(library, "articles")
    assert len(text.stdout.splitlines()) == DEFAULT_LIMIT and "--all" in text.stderr


def test_articles_limit_and_all(library: Path) -> None:
    three = run(library, "articles", "--json", "--limit", "3")
    assert [r["id"] for r in json.loads(three.stdout)] == [ARTICLES, ARTICLES - 1, ARTICLES - 2]
    everything = run(library, "articles", "--json", "--all")
    assert [r["id"] for r in json.loads(everything.stdout)] == list(range(ARTICLES, 0, -1))
    assert everything.stderr == ""
    lines = everything.stdout.splitlines()  # streamed: one article per line
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == ARTICLES + 2


def test_a_filter_applies_before_the_limit(library: Path) -> None:
    unread = json.loads(run(library, "articles", "--unread", "--json", "--all").stdout)
    assert [r["id"] for r in unread] == [n for n in range(ARTICLES, 0, -1) if n % 3 == 0]
    assert all(r["read"] is None for r in unread)
    read = json.loads(run(library, "articles", "--read", "--json", "--limit", "2").stdout)
    assert [r["id"] for r in read] == [n for n in range(ARTICLES, 0, -1) if n % 3][:2]


def test_a_list_as_long_as_the_limit_is_not_called_cut(library: Path) -> None:
    exact = run(library, "articles", "--json", "--limit", str(ARTICLES))
    assert len(json.loads(exact.stdout)) == ARTICLES and exact.stderr == ""


def test_actors_most_mentioned_first_cut_at_the_limit(library: Path) -> None:
    result = run(library, "actors", "--json")
    rows = json.loads(result.stdout)
    assert len(rows) == DEFAULT_LIMIT and "--limit N or --all" in result.stderr
    assert rows[0]["name"] == f"Akteur {ACTORS - 1:03d}" and rows[0]["mentions"] == ACTORS
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    assert len(json.loads(run(library, "actors", "--json", "--all").stdout)) == ACTORS
    two = json.loads(run(library, "actors", "--article", "1", "--json", "--limit", "2").stdout)
    assert [r["mentions"] for r in two] == [ACTORS, ACTORS - 1]


@pytest.mark.parametrize(
    "args", [("articles", "--limit", "0"), ("articles", "--limit", "x"), ("actors", "--all", "--limit", "2")]
)
def test_a_bad_limit_is_one_usage_line(library: Path, args: tuple[str, ...]) -> None:
    result = run(library, *args, check=False)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("usage: ") and lines[-1].startswith("briefing-reader ")
    assert [line for line in lines if "error:" in line] == [lines[-1]]  # the error in one line


def test_annotations_list_the_newest_hundred_unless_asked(library: Path) -> None:
    result = run(library, "annotations", "--json")
    assert len(json.loads(result.stdout)) == DEFAULT_LIMIT and "--limit N or --all" in result.stderr
    assert len(json.loads(run(library, "annotations", "--json", "--all").stdout)) == ANNOTATIONS
    two = run(library, "annotations", "--article", "2", "--limit", "2")
    assert two.stdout.count("Notiz") == 2 and "only the first 2 annotations" in two.stderr


def test_help_states_the_default(library: Path) -> None:
    for command in ("articles", "actors", "annotations"):
        text = " ".join(run(library, command, "--help").stdout.split())
        assert f"(default {DEFAULT_LIMIT})" in text and "--all" in text
    overview = " ".join(run(library, "--help").stdout.split())
    assert f"the newest {DEFAULT_LIMIT}; --limit N or --all for more" in overview
