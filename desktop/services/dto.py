"""Plain data handed from the services to the command line and the window."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ImportStatus = Literal["imported", "duplicate", "error"]


@dataclass(frozen=True)
class ImportResult:
    """What became of one input."""

    path: str
    status: ImportStatus
    id: int | None = None
    title: str | None = None
    language: str | None = None
    message: str = ""

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``import --json``."""
        return asdict(self)


@dataclass(frozen=True)
class ArticleRow:
    """One line of the library list."""

    id: int
    title: str
    language: str
    source: str | None
    published: str | None
    annotations: int
    imported_at: str = ""

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``articles --json``."""
        return {k: v for k, v in asdict(self).items() if k != "imported_at"}


@dataclass(frozen=True)
class MentionRow:
    """One mention of an actor in an article."""

    start: int
    end: int
    actor_id: int
    type: str


@dataclass(frozen=True)
class AnnotationRow:
    """An annotation as shown and exported."""

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    note: str
    tags: tuple[str, ...]
    color: str
    orphaned: bool = False

    def as_json(self, *, with_article: bool = False) -> dict[str, Any]:
        """The JSON shape used by ``show`` and ``annotate``."""
        data: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "note": self.note,
            "tags": list(self.tags),
            "color": self.color,
        }
        if with_article:
            data["article"] = self.article_id
        return data


@dataclass(frozen=True)
class ArticleDetail:
    """An article with everything the reading pane shows."""

    id: int
    title: str
    language: str
    text: str
    source: str | None
    published: str | None
    author: str | None
    mentions: tuple[MentionRow, ...] = ()
    annotations: tuple[AnnotationRow, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``show --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "source": self.source,
            "published": self.published,
            "author": self.author,
            "text": self.text,
            "mentions": [asdict(m) for m in self.mentions],
            "annotations": [a.as_json() for a in self.annotations],
        }


@dataclass(frozen=True)
class ActorRow:
    """An actor with its counts, names and roles."""

    id: int
    name: str
    type: str
    mentions: int
    articles: int
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    confirmed: bool = False

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``actors --json``."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "mentions": self.mentions,
            "articles": self.articles,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
        }


@dataclass(frozen=True)
class ChangeSummary:
    """What an edit changed, so views can update just those rows."""

    articles: tuple[int, ...] = ()
    actors: tuple[int, ...] = ()
    removed_actors: tuple[int, ...] = ()
    annotations: tuple[int, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
