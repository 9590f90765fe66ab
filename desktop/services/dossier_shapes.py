"""A dossier's rows shaped into the DTOs: the service's SQLAlchemy queries (desktop.services.dossier) and
the command line's sqlite3 reads (desktop.services.sqlite_dossier) both use these, so both ways build
the same dossier from the same columns.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
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
    """An actor's articles counted per day without reading them: ``days`` holds the maintained
    (day, undated, articles) rows of the articles that mention the actor (``actor_days``), ``quoted``
    the (id, day, undated) rows of those that only quote it. Gives the timeline (``days``), the count,
    and the day from which its ``limit`` newest articles are to be read (``cutoff``)."""

    def __init__(self, days: Iterable[Sequence[Any]], quoted: Sequence[Sequence[Any]], limit: int) -> None:
        counts: dict[tuple[str, bool], int] = {}
        for day, undated, n in days:
            key = (day, bool(undated))
            counts[key] = counts.get(key, 0) + n
        for _id, day, undated in quoted:
            key = (day, bool(undated))
            counts[key] = counts.get(key, 0) + 1
        self.days = tuple((day, undated, n) for (day, undated), n in sorted(counts.items()) if n)
        self.count = sum(counts.values())
        self.quoted = [(int(r[0]), str(r[1])) for r in quoted]
        self.limit = limit
        self.cutoff = ""
        """The day of the ``limit``-th newest article ("": every day, when there are no more)."""
        seen = 0
        for day, _undated, n in reversed(self.days):  # the newest day first
            seen += n
            if seen >= limit:
                self.cutoff = day
                break
        self.newest: list[int] = []
        self.mentions: dict[int, int] = {}

    def read_newest(
        self,
        library_from: Callable[[str, int], int],
        by_date: Callable[[str], Iterable[Sequence[Any]]],
        by_actor: Callable[[str], Iterable[Sequence[Any]]],
    ) -> list[int]:
        """The ids of the ``limit`` newest articles (by day, then id), read from ``cutoff`` on: through the
        library's date index (``by_date``) when fewer articles of the library than the actor's own have
        such a day (``library_from(cutoff, most)`` counts up to ``most`` of them), else through the actor's
        mentions (``by_actor``); both give the (id, day) rows of the articles from that day that mention the
        actor, the articles that only quote it are added here."""
        if self.cutoff and library_from(self.cutoff, self.count) < self.count:
            rows = by_date(self.cutoff)
        else:
            rows = by_actor(self.cutoff)
        found = [(int(r[0]), str(r[1])) for r in rows]
        found += [r for r in self.quoted if r[1] >= self.cutoff]
        self.newest = [i for i, _day in heapq.nlargest(self.limit, found, key=lambda r: (r[1], r[0]))]
        return self.newest

    def shown(
        self, quotes: Iterable[QuoteRow], roles: Iterable[DossierRole], annotations: Iterable[AnnotationRow]
    ) -> list[int]:
        """The ids of the articles a bounded dossier lists: the newest and those its lists come from."""
        ids = {*self.newest, *(q.article_id for q in quotes), *(r.article_id for r in roles)}
        ids.update(a.article_id for a in annotations)
        return sorted(ids)

    def totals(self, mentions: int, quotes: int, roles: int) -> DossierTotals:
        """The whole library's counts (``mentions``: the actor's, as ``actor_counts`` keeps them)."""
        return DossierTotals(articles=self.count, mentions=mentions, quotes=quotes, roles=roles)
