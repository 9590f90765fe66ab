"""A dossier's rows shaped into the DTOs: the service's SQLAlchemy queries (desktop.services.dossier) and
the command line's sqlite3 reads (desktop.services.sqlite_dossier) both use these, so both ways build
the same dossier from the same columns.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.services.dto import (
    ActorRow,
    AnnotationRow,
    DossierArticle,
    DossierRole,
    DossierTotals,
    QuoteRow,
    RelatedActor,
)
from desktop.services.row_shapes import iso_time


def actor_aliases(aliases: Iterable[str], name: str) -> tuple[str, ...]:
    """The aliases (in the order stored) once each, the actor's own name left out."""
    return tuple(dict.fromkeys(a for a in aliases if a != name))


def dossier_actor(
    actor: Sequence[Any], mentions: int, articles: int, aliases: tuple[str, ...], roles: Iterable[str]
) -> ActorRow:
    """The dossier's ActorRow of (id, name, type, confirmed) with its counts, aliases and roles."""
    return ActorRow(actor[0], actor[1], actor[2], mentions, articles, aliases, tuple(roles), bool(actor[3]))


def dossier_articles(rows: Iterable[Sequence[Any]]) -> list[DossierArticle]:
    """DossierArticles of (id, title, published, mentions, imported_at, outlet) rows."""
    return [DossierArticle(r[0], r[1], r[2], int(r[3]), iso_time(r[4]) or "", r[5]) for r in rows]


def articles_by_id(rows: Iterable[Sequence[Any]], mentions: dict[int, int]) -> list[DossierArticle]:
    """DossierArticles of (id, title, published, imported_at, outlet) rows, mentions counted beside."""
    return [DossierArticle(r[0], r[1], r[2], mentions.get(r[0], 0), iso_time(r[3]) or "", r[4]) for r in rows]


def dossier_roles(rows: Iterable[Sequence[Any]], newest: bool) -> list[DossierRole]:
    """DossierRoles of (role, article_id, published) rows, oldest first (``newest``: read newest first)."""
    found = [DossierRole(r[0], r[1], r[2]) for r in rows]
    return found[::-1] if newest else found


def related_rows(rows: Iterable[Sequence[Any]]) -> list[RelatedActor]:
    """RelatedActors of (id, name, type, sentences, articles) rows."""
    return [RelatedActor(i, n, t, int(s), int(a)) for i, n, t, s, a in rows]


class ArticleSummary:
    """The actor's articles as (id, day, undated, mentions) rows: the mentions per article, the
    articles per day (the timeline) and the ``limit`` newest ids."""

    def __init__(self, rows: Sequence[Sequence[Any]], limit: int) -> None:
        self.count = len(rows)
        self.mentions = {int(r[0]): int(r[3]) for r in rows}
        days = Counter((r[1], bool(r[2])) for r in rows)
        self.days = tuple((day, undated, n) for (day, undated), n in days.items())
        self.newest = [r[0] for r in heapq.nlargest(limit, rows, key=lambda r: (r[1] or "", r[0]))]

    def shown(
        self, quotes: Iterable[QuoteRow], roles: Iterable[DossierRole], annotations: Iterable[AnnotationRow]
    ) -> list[int]:
        """The ids of the articles a bounded dossier lists: the newest and those its lists come from."""
        ids = {*self.newest, *(q.article_id for q in quotes), *(r.article_id for r in roles)}
        ids.update(a.article_id for a in annotations)
        return sorted(ids)

    def totals(self, quotes: int, roles: int) -> DossierTotals:
        """The whole library's counts."""
        return DossierTotals(
            articles=self.count, mentions=sum(self.mentions.values()), quotes=quotes, roles=roles
        )
