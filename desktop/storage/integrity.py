"""Checking a library: SQLite's integrity and foreign-key checks, and the full-text index.

The full-text index (``articles_fts``, see :mod:`desktop.storage.search`) holds a copy of each
article's folded title and text; when it disagrees with the articles it is rebuilt.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.core.textfold import fold
from desktop.storage.actor_days import rebuild_days, wrong_days
from desktop.storage.counts import rebuild_counts, wrong_counts
from desktop.storage.models import Article, Mention
from desktop.storage.pairs import rebuild_pairs, wrong_pairs
from desktop.storage.search import rebuild_index

if TYPE_CHECKING:
    from desktop.storage.db import Library

_MAX_LISTED = 20


def quick_check(engine: Engine) -> str:
    """``PRAGMA quick_check`` of a SQLite library: "" when sound, else the first problems found.

    A busy or read-only library raises the matching :class:`StorageError` instead.
    """
    from desktop.storage.db import explain_operational_error

    if engine.dialect.name != "sqlite":
        return ""
    try:
        with engine.connect() as conn:
            rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
    except DBAPIError as exc:
        typed = explain_operational_error(exc)
        if typed is not None:
            raise typed from exc
        return str(exc.orig)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "" if rows == ["ok"] else " ".join("; ".join(rows).replace("*** in database main ***", "").split())


@dataclass
class CheckReport:
    """What ``check`` found, and what it repaired."""

    integrity: list[str] = field(default_factory=list)  # integrity_check lines other than "ok"
    foreign_keys: list[str] = field(default_factory=list)  # "mentions row 12 -> actors"
    fts_missing: list[int] = field(default_factory=list)  # articles without a full-text row
    fts_orphans: list[int] = field(default_factory=list)  # full-text rows without an article
    fts_stale: list[int] = field(default_factory=list)  # full-text rows with other text
    fts_damaged: str = ""  # FTS5's own integrity-check message
    bad_mentions: list[int] = field(default_factory=list)  # mention ids outside their article's text
    fts_rebuilt: int | None = None  # articles re-indexed by the repair
    counts_wrong: list[int] = field(default_factory=list)  # actors whose maintained counts are off
    counts_rebuilt: int | None = None  # actors re-counted by the repair
    pairs_wrong: list[tuple[int, int]] = field(default_factory=list)  # pairs with wrong counts
    pairs_rebuilt: int | None = None  # actor pairs re-counted by the repair
    days_wrong: list[int] = field(default_factory=list)  # actors with a wrong count of articles per day
    days_rebuilt: int | None = None  # actor days re-counted by the repair

    @property
    def fts_problems(self) -> bool:
        """True when the full-text index disagrees with the articles."""
        return bool(self.fts_missing or self.fts_orphans or self.fts_stale or self.fts_damaged)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong now (after repairs)."""
        fts_ok = not self.fts_problems or self.fts_rebuilt is not None
        counts_ok = not self.counts_wrong or self.counts_rebuilt is not None
        pairs_ok = not self.pairs_wrong or self.pairs_rebuilt is not None
        days_ok = not self.days_wrong or self.days_rebuilt is not None
        sound = not self.integrity and not self.foreign_keys and not self.bad_mentions
        return sound and fts_ok and counts_ok and pairs_ok and days_ok

    def lines(self) -> list[str]:
        """The findings as sentences, one per line."""
        out = []
        if self.integrity:
            out.append(f"integrity check failed: {'; '.join(self.integrity[:_MAX_LISTED])}")
        if self.foreign_keys:
            out.append(f"{len(self.foreign_keys)} broken reference(s): {', '.join(self.foreign_keys[:5])}")
        if self.bad_mentions:
            out.append(f"{len(self.bad_mentions)} mention(s) do not match their article's text")
        if self.fts_missing:
            out.append(f"{len(self.fts_missing)} article(s) missing from the search index")
        if self.fts_orphans:
            out.append(f"{len(self.fts_orphans)} search-index row(s) without an article")
        if self.fts_stale:
            out.append(f"{len(self.fts_stale)} article(s) indexed with outdated text")
        if self.fts_damaged:
            out.append(f"the search index is damaged: {self.fts_damaged}")
        if self.fts_rebuilt is not None:
            out.append(f"repaired: search index rebuilt ({self.fts_rebuilt} articles)")
        if self.counts_wrong:
            out.append(f"{len(self.counts_wrong)} actor(s) with wrong mention or article counts")
        if self.counts_rebuilt is not None:
            out.append(f"repaired: actor counts rebuilt ({self.counts_rebuilt} actors)")
        if self.pairs_wrong:
            out.append(f"{len(self.pairs_wrong)} actor pair(s) with wrong shared sentence or article counts")
        if self.pairs_rebuilt is not None:
            out.append(f"repaired: actor pairs rebuilt ({self.pairs_rebuilt} pairs)")
        if self.days_wrong:
            out.append(f"{len(self.days_wrong)} actor(s) with wrong article counts per day")
        if self.days_rebuilt is not None:
            out.append(f"repaired: actor days rebuilt ({self.days_rebuilt} days)")
        return out

    def as_json(self) -> dict[str, object]:
        """The report as plain data."""
        return {
            "ok": self.ok,
            "integrity": self.integrity,
            "foreign_keys": self.foreign_keys,
            "bad_mentions": self.bad_mentions,
            "fts_missing": self.fts_missing,
            "fts_orphans": self.fts_orphans,
            "fts_stale": self.fts_stale,
            "fts_damaged": self.fts_damaged,
            "fts_rebuilt": self.fts_rebuilt,
            "counts_wrong": self.counts_wrong,
            "counts_rebuilt": self.counts_rebuilt,
            "pairs_wrong": [list(p) for p in self.pairs_wrong],
            "pairs_rebuilt": self.pairs_rebuilt,
            "days_wrong": self.days_wrong,
            "days_rebuilt": self.days_rebuilt,
        }


def _integrity(session: Session) -> list[str]:
    try:
        rows = [str(r[0]) for r in session.execute(sql("PRAGMA integrity_check(100)"))]
    except DBAPIError as exc:  # damage bad enough that the check itself cannot read on
        return [str(exc.orig)]
    return [] if rows == ["ok"] else rows


def _foreign_keys(session: Session) -> list[str]:
    return [
        f"{table} row {rowid} -> {parent}"
        for table, rowid, parent, _fk in session.execute(sql("PRAGMA foreign_key_check"))
    ]


def _bad_mentions(session: Session) -> list[int]:
    bad = []
    texts: dict[int, str] = {}
    rows = session.execute(
        select(Mention.id, Mention.article_id, Mention.start, Mention.end, Mention.text).order_by(
            Mention.article_id
        )
    )
    for mention_id, article_id, start, end, text in rows:
        if article_id not in texts:
            texts.clear()
            texts[article_id] = session.scalar(select(Article.text).where(Article.id == article_id)) or ""
        body = texts[article_id]
        if not (0 <= start < end <= len(body)) or body[start:end][:300] != text:
            bad.append(int(mention_id))
    return bad


def _check_fts(session: Session, report: CheckReport) -> None:
    indexed = {
        int(rowid): (title, body)
        for rowid, title, body in session.execute(sql("SELECT rowid, title, body FROM articles_fts"))
    }
    seen = set()
    for article_id, title, text in session.execute(select(Article.id, Article.title, Article.text)):
        seen.add(article_id)
        entry = indexed.get(article_id)
        if entry is None:
            report.fts_missing.append(article_id)
        elif entry != (fold(title), fold(text)):
            report.fts_stale.append(article_id)
    report.fts_orphans = sorted(set(indexed) - seen)
    try:
        session.execute(sql("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"))
    except DBAPIError as exc:
        if "readonly" not in str(exc.orig).lower():
            report.fts_damaged = str(exc.orig)


def check_library(library: Library, *, repair: bool = True) -> CheckReport:
    """Run every check; with ``repair``, rebuild an inconsistent search index or wrong actor counts,
    pairs or days.

    A SQLite file that fails the integrity check is not repaired (restore it from a backup instead).
    On PostgreSQL the server keeps the file format and the foreign keys itself; the mentions' offsets
    and the maintained actor counts, pairs and days are checked on both engines.
    """
    report = CheckReport()
    with library.read_session() as session:
        if library.is_sqlite:
            report.integrity = _integrity(session)
            if report.integrity:
                return report
            report.foreign_keys = _foreign_keys(session)
            _check_fts(session, report)
        report.bad_mentions = _bad_mentions(session)
        report.counts_wrong = wrong_counts(session)
        report.pairs_wrong = wrong_pairs(session)
        report.days_wrong = wrong_days(session)
    if repair and report.fts_problems:
        with library.session() as session:
            report.fts_rebuilt = rebuild_index(session)
    if repair and report.counts_wrong:
        with library.session() as session:
            report.counts_rebuilt = rebuild_counts(session)
    if repair and report.pairs_wrong:
        with library.session() as session:
            report.pairs_rebuilt = rebuild_pairs(session)
    if repair and report.days_wrong:
        with library.session() as session:
            report.days_rebuilt = rebuild_days(session)
    return report
