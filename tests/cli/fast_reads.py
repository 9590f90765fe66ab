"""The library and the runner of the tests that compare the command line's sqlite3 reads
(desktop.services.sqlite_reads) with the usual way: articles in three languages and every reading state,
actors with ties, aliases, roles, sentences, quotes, versions and notes with tags."""

from __future__ import annotations

import io
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


def run_both(
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
