"""The dossier's and the network's plain data (see desktop.services.dto, which hands them out).

Kept apart from the other DTOs so that a command that reads neither does not build their classes.
"""

from __future__ import annotations

from typing import Any

from desktop.core.record import as_dict, record
from desktop.core.timeline import TimelineBucket, Unit, counted_timeline, timeline
from desktop.services.dto import ActorRow, AnnotationRow, QuoteRow


@record
class DossierArticle:
    """An article in which an actor appears."""

    id: int
    title: str
    published: str | None
    mentions: int
    imported_at: str = ""  # ISO date-time of the import (the timeline's fallback date)
    outlet: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of one ``articles`` entry of ``dossier --json``."""
        return {"id": self.id, "title": self.title, "published": self.published, "mentions": self.mentions}


@record
class DossierRole:
    """A role an actor holds in one article."""

    role: str
    article_id: int
    published: str | None

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of one ``roles`` entry of ``dossier --json``."""
        return {"role": self.role, "article": self.article_id, "published": self.published}


@record
class RelatedActor:
    """Another actor named in the same sentences as the dossier's actor."""

    actor_id: int
    name: str
    type: str
    sentences: int
    articles: int

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of one ``related`` entry of ``dossier --json``."""
        return as_dict(self)


@record
class DossierTotals:
    """How many articles, mentions, statements and roles an actor has in the whole library."""

    articles: int
    mentions: int
    quotes: int
    roles: int


@record
class Dossier:
    """Everything the library knows about one actor (or, when ``totals`` is given, the newest part
    of it: ``articles`` then holds the newest articles and those the listed statements, roles and
    notes come from, ``quotes`` and ``roles`` the newest, ``related`` the most related; ``days``
    counts every article per day for the timeline)."""

    actor: ActorRow
    articles: tuple[DossierArticle, ...] = ()
    quotes: tuple[QuoteRow, ...] = ()
    roles: tuple[DossierRole, ...] = ()
    related: tuple[RelatedActor, ...] = ()
    annotations: tuple[AnnotationRow, ...] = ()
    totals: DossierTotals | None = None
    days: tuple[tuple[str | None, bool, int], ...] | None = None  # (ISO day, dated by import, articles)

    def counts(self) -> DossierTotals:
        """The whole library's counts (those of the lists when nothing was left out)."""
        if self.totals is not None:
            return self.totals
        mentions = sum(a.mentions for a in self.articles)
        return DossierTotals(len(self.articles), mentions, len(self.quotes), len(self.roles))

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``dossier --json``."""
        actor = self.actor
        return {
            "actor": {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "aliases": list(actor.aliases),
                "roles": list(actor.roles),
            },
            "articles": [a.as_json() for a in self.articles],
            "quotes": [q.as_json() for q in self.quotes],
            "roles": [r.as_json() for r in self.roles],
            "related": [r.as_json() for r in self.related],
            "annotations": [a.as_json(with_article=True) for a in self.annotations],
            "totals": as_dict(self.counts()),
        }

    def timeline(self, unit: Unit = "month") -> list[TimelineBucket]:
        """The actor's articles per week or month by publication date (import date where unknown)."""
        if self.days is not None:
            return counted_timeline(self.days, unit)
        return timeline(
            ((a.published or a.imported_at[:10] or None, a.published is None) for a in self.articles), unit
        )


@record
class NetworkNode:
    """An actor in a co-occurrence network."""

    id: int
    name: str
    type: str
    mentions: int


@record
class NetworkEdge:
    """Two actors named in the same sentences (``sentences`` of them, in ``articles`` articles)."""

    source: int
    target: int
    sentences: int
    articles: int


@record
class Network:
    """A sentence-level co-occurrence network of actors."""

    nodes: tuple[NetworkNode, ...] = ()
    edges: tuple[NetworkEdge, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``network --format json``."""
        return {"nodes": [as_dict(n) for n in self.nodes], "edges": [as_dict(e) for e in self.edges]}
