"""Plain data shared by the layers: what an import yields, what recognition yields.

Offsets everywhere are Python string indices (code points) into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from desktop.core.analysis_version import ANALYSIS_VERSION as ANALYSIS_VERSION

EntityType = Literal["person", "organization", "location", "other"]
QuoteKind = Literal["direct", "indirect"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "location", "other")


@dataclass(frozen=True)
class Document:
    """One imported document, decoded, cleaned and ready to store."""

    text: str
    title: str
    language: str  # "de", "en" or another ISO 639-1 code; "und" when unknown
    format: str  # "txt", "md", "html", "pdf", "docx", "stdin", "paste"
    content_hash: str  # sha256 hex of the normalised text (see core.ingest.normalize)
    author: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" when known
    source_url: str | None = None
    outlet: str | None = None  # the publication's name ("Euronews"), when the document says it
    path: str | None = None  # where it came from on disk, if anywhere
    warning: str = ""  # read, but with a problem the user should know about (one sentence)


@dataclass(frozen=True)
class EntitySpan:
    """A recognised name in a text: [start, end) with its coarse type."""

    start: int
    end: int
    text: str
    type: EntityType
    score: float = 1.0


@dataclass(frozen=True)
class LinkedActor:
    """An actor as found within one article, before it is matched to the library."""

    key: str  # normalised identity key within the article
    name: str  # canonical (fullest proper nominative) form seen
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[EntitySpan, ...] = field(default=())


@dataclass(frozen=True)
class FoundQuote:
    """A statement reported in an article: what was said, the cue that reports it, and by whom.

    ``start``/``end`` delimit the reported message (without its quotation marks); the cue is the
    reporting verb or phrase ("sagte", "so", "laut", "according to"). ``speaker`` indexes the
    article's actors as passed to the quote finder (None: an anonymous source or no speaker
    found); ``speaker_start``/``speaker_end`` is where the text refers to the speaker (a name,
    a pronoun or a role noun). ``source`` is the wording of an anonymous source ("Quellen").
    """

    start: int
    end: int
    kind: QuoteKind
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    source: str | None = None
