"""Plain data handed from the services to the command line and the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from desktop.core.record import as_dict, field, record

if TYPE_CHECKING:
    from desktop.services.dto_dossier import (  # noqa: F401  (handed out by __getattr__)
        Dossier,
        DossierArticle,
        DossierRole,
        DossierTotals,
        Network,
        NetworkEdge,
        NetworkNode,
        RelatedActor,
    )
    from desktop.storage.search import SearchHit
    from desktop.storage.search import Snippet as Snippet

#: The dossier's and the network's data, defined in desktop.services.dto_dossier and built on first use.
DOSSIER_NAMES = frozenset(
    {
        "Dossier",
        "DossierArticle",
        "DossierRole",
        "DossierTotals",
        "Network",
        "NetworkEdge",
        "NetworkNode",
        "RelatedActor",
    }
)


def __getattr__(name: str) -> Any:
    """``SearchHit`` and ``Snippet`` (re-exported: the snippets a window asks for later) are the search's
    own types, imported when first asked for: a command that does not search does not load the query
    parser and stemmers with the DTOs; the dossier's and the network's classes likewise (DOSSIER_NAMES)."""
    if name in ("SearchHit", "Snippet"):
        from desktop.storage import search

        return getattr(search, name)
    if name in DOSSIER_NAMES:
        from desktop.services import dto_dossier

        return getattr(dto_dossier, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ImportStatus = Literal["imported", "updated", "duplicate", "error"]


@record
class ImportResult:
    """What became of one input; "updated": a new version of article ``id`` (see ``anchors``)."""

    path: str
    status: ImportStatus
    id: int | None = None
    title: str | None = None
    language: str | None = None
    message: str = ""
    anchors: dict[str, int] | None = None  # updated: how many annotations are exact/moved/fuzzy/orphaned

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``import --json`` ("anchors" only for "updated")."""
        data = as_dict(self)
        if self.anchors is None:
            del data["anchors"]
        return data


@record
class ArticleRow:
    """One line of the library list."""

    id: int
    title: str
    language: str
    source: str | None
    published: str | None
    annotations: int
    imported_at: str = ""
    outlet: str | None = None
    read_at: str | None = None  # ISO date-time; None: unread
    starred: bool = False
    archived: bool = False

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``articles --json`` (``read``: when it was read, or null)."""
        data = {k: v for k, v in as_dict(self).items() if k not in ("imported_at", "read_at")}
        data["read"] = self.read_at
        return data


@record
class ArticlePage:
    """Consecutive rows of the library list: ``rows`` start at ``offset`` of ``total`` (-1: not counted)."""

    rows: tuple[ArticleRow, ...]
    offset: int
    total: int  # -1: not counted
    more: bool = False  # rows may follow this page


@record
class SearchPage:
    """The best hits of a search that pass the list's filters (``rows``, rank order unless sorted).

    ``hits`` are all hits found (snippets, ranks); ``complete`` is False when more may be found.
    """

    rows: tuple[ArticleRow, ...]
    hits: tuple[SearchHit, ...]
    complete: bool
    found: int


@record
class MentionRow:
    """One mention of an actor in an article."""

    start: int
    end: int
    actor_id: int
    type: str


@record
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
    state: str = "exact"  # how the last new version placed it: exact, moved, fuzzy, orphaned
    score: float | None = None  # similarity of a fuzzy anchor
    previous_quote: str | None = None  # what a fuzzy one quoted before
    author: str = ""
    edited_by: str = ""
    version: int = 1

    @property
    def needs_check(self) -> bool:
        """A fuzzy anchor waits for the user's check; an orphaned one for a new place."""
        return self.state in ("fuzzy", "orphaned") or self.orphaned

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
            "author": self.author,
            "edited_by": self.edited_by,
            "version": self.version,
        }
        if with_article:
            data["article"] = self.article_id
        return data


@record
class NoteRow:
    """An annotation in the library-wide list of notes, with what the list shows of its article."""

    annotation: AnnotationRow
    article_title: str
    published: str | None = None
    outlet: str | None = None
    created_at: str = ""  # ISO date-time (UTC)
    updated_at: str = ""

    @property
    def id(self) -> int:
        """The annotation's id."""
        return self.annotation.id

    @property
    def article_id(self) -> int:
        """The annotated article."""
        return self.annotation.article_id

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``annotations --json``: the annotation with its article's title and date."""
        return {
            **self.annotation.as_json(with_article=True),
            "article_title": self.article_title,
            "published": self.published,
            "created": self.created_at,
            "updated": self.updated_at,
        }


@record
class ReadingState:
    """Whether an article was read (and when), is starred or archived."""

    article_id: int
    read_at: str | None = None  # ISO date-time (UTC); None: unread
    starred: bool = False
    archived: bool = False

    @property
    def read(self) -> bool:
        """True once the article was read."""
        return self.read_at is not None

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``mark --json``."""
        return {
            "id": self.article_id,
            "read": self.read_at,
            "starred": self.starred,
            "archived": self.archived,
        }


@record
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
    outlet: str | None = None
    imported_at: str = ""  # ISO timestamp (UTC)
    quotes: tuple[QuoteRow, ...] = ()  # statements in the text, in text order

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``show --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "source": self.source,
            "published": self.published,
            "author": self.author,
            "outlet": self.outlet,
            "text": self.text,
            "mentions": [as_dict(m) for m in self.mentions],
            "annotations": [a.as_json() for a in self.annotations],
        }


@record
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


@record
class ChangeSummary:
    """What an edit changed, so views can update just those rows."""

    articles: tuple[int, ...] = ()
    actors: tuple[int, ...] = ()
    removed_actors: tuple[int, ...] = ()
    annotations: tuple[int, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    quotes: tuple[int, ...] = ()  # quotes added, changed or removed


@record
class QuoteRow:
    """A statement in an article with its speaker (None: anonymous or not attributed)."""

    id: int
    article_id: int
    start: int
    end: int
    text: str
    kind: str  # "direct" | "indirect"
    speaker_id: int | None = None
    speaker_name: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_text: str | None = None
    source: str | None = None  # an anonymous source's wording ("Quellen", "officials")
    origin: str = "auto"  # "auto" (found at import) | "user" (marked or corrected by the user)
    article_title: str = ""
    published: str | None = None
    speaker_start: int | None = None  # where the text names the speaker (name, pronoun, role noun)
    speaker_end: int | None = None

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``quotes --json`` (and of the quotes in ``dossier --json``)."""
        return {
            "id": self.id,
            "article": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": None
            if self.speaker_id is None
            else {"actor_id": self.speaker_id, "name": self.speaker_name},
            "cue": None
            if self.cue_start is None or self.cue_end is None
            else {"start": self.cue_start, "end": self.cue_end, "text": self.cue_text},
        }
