"""Notes in and out as W3C Web Annotations: export a selection, import a file (or a Hypothesis export).

Export names each article by its web address, or, for a local file, by a stable urn made of
the hash of its first version's text (:func:`article_source`). Import finds the article by
that source, else by searching the library for the quoted passage, anchors the annotation
there (:func:`desktop.core.anchoring.reanchor`) and reports, per annotation, "anchored",
"fuzzy", "orphaned" (with the reason) or "duplicate". An annotation keeps its own id: a file
imported twice adds nothing the second time. The whole file is one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from desktop.core.anchoring import TextQuote, make_quote, reanchor
from desktop.core.tags import TagError, normalize_tag
from desktop.core.w3c import NoteData, collection_json, parse_notes
from desktop.services.annotations import COLORS, DEFAULT_COLOR, tag_ids
from desktop.services.color_meanings import meaning_of
from desktop.services.queries import NotFoundError
from desktop.services.w3c_shapes import GENERATOR as GENERATOR
from desktop.services.w3c_shapes import URN_PREFIX as URN_PREFIX
from desktop.services.w3c_shapes import collection_label, note_data, source_of
from desktop.storage.db import Library
from desktop.storage.models import Annotation, Article, ArticleVersion, Tag, annotation_tags

#: A quote shorter than this is not looked for across the whole library (it would match by chance).
MIN_SEARCH_QUOTE = 12

ImportStatus = Literal["anchored", "fuzzy", "orphaned", "duplicate"]


@dataclass(frozen=True)
class NoteImport:
    """What became of one annotation of the file."""

    key: str
    status: ImportStatus
    article_id: int | None = None
    annotation_id: int | None = None
    score: float | None = None
    reason: str = ""

    @property
    def stored(self) -> bool:
        """Whether the annotation is in the library now (newly, or from before)."""
        return self.annotation_id is not None

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of one entry of ``import-annotations --json``."""
        return {
            "id": self.key,
            "status": self.status,
            "article": self.article_id,
            "annotation": self.annotation_id,
            "score": self.score,
            "stored": self.stored,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class NotesImport:
    """The report of one file: each annotation's fate, and what the file only refers to."""

    results: tuple[NoteImport, ...]
    remark: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line, e.g. "3 anchored, 1 fuzzy, 0 orphaned, 2 duplicate"."""
        return ", ".join(
            f"{self.counts.get(s, 0)} {s}" for s in ("anchored", "fuzzy", "orphaned", "duplicate")
        )


# --- export -------------------------------------------------------------------------------------------


def article_source(session: Session, article: Article) -> str:
    """The article's address in annotations: its URL, else a urn of its first version's text hash."""
    first = None
    if not article.source_url:
        first = session.scalar(
            select(ArticleVersion.content_hash)
            .where(ArticleVersion.article_id == article.id)
            .order_by(ArticleVersion.number)
            .limit(1)
        )
    return source_of(article.source_url, first, article.content_hash)


def _selected(session: Session, article_id: int | None, tag: str | None) -> list[Annotation]:
    query = select(Annotation).order_by(Annotation.article_id, Annotation.start, Annotation.id)
    if article_id is not None:
        if session.get(Article, article_id) is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        query = query.where(Annotation.article_id == article_id)
    if tag is not None:
        name = normalize_tag(tag)
        tagged = (
            select(annotation_tags.c.annotation_id)
            .join(Tag, Tag.id == annotation_tags.c.tag_id)
            .where((Tag.name == name) | Tag.name.startswith(name + "/", autoescape=True))
        )
        query = query.where(Annotation.id.in_(tagged))
    notes = list(session.scalars(query))
    if tag is not None and not notes:
        raise NotFoundError(f"No annotation is tagged {normalize_tag(tag)!r}.")
    return notes


def export_w3c(
    library: Library,
    *,
    article_id: int | None = None,
    tag: str | None = None,
    creator: str | None = None,
    meanings: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The selected notes (one article, one tag with its sub-tags, or all) as an AnnotationCollection."""
    with library.read_session() as session:
        notes = _selected(session, article_id, tag)
        sources: dict[int, str] = {}
        data: list[NoteData] = []
        for note in notes:
            if note.article_id not in sources:
                sources[note.article_id] = article_source(session, note.article)
            columns = (
                note.uid,
                note.article_id,
                note.start,
                note.end,
                note.exact,
                note.prefix,
                note.suffix,
                note.note,
                note.color,
                note.orphaned,
                note.created_at,
                note.updated_at,
            )
            tags = sorted(t.name for t in note.tags)
            data.append(note_data(columns, tags, sources[note.article_id], creator, meanings))
    return collection_json(data, label=collection_label(article_id, tag), generator=GENERATOR)


# --- import -------------------------------------------------------------------------------------------


def _when(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _article_by_source(session: Session, source: str | None) -> int | None:
    if not source:
        return None
    if source.startswith(URN_PREFIX):
        digest = source.removeprefix(URN_PREFIX)
        found = session.scalar(select(Article.id).where(Article.content_hash == digest))
        if found is None:
            found = session.scalar(
                select(ArticleVersion.article_id).where(ArticleVersion.content_hash == digest)
            )
        return None if found is None else int(found)
    bare = source.split("#", 1)[0]
    found = session.scalar(
        select(Article.id).where(or_(Article.source_url == source, Article.source_url == bare)).limit(1)
    )
    return None if found is None else int(found)


def _articles_quoting(session: Session, exact: str) -> list[int]:
    if len(exact.strip()) < MIN_SEARCH_QUOTE:
        return []
    return [
        int(i)
        for i in session.scalars(select(Article.id).where(Article.text.contains(exact, autoescape=True)))
    ]


def _color(note: NoteData, meanings: Mapping[str, str] | None) -> str:
    if note.color in COLORS:
        return str(note.color)
    if note.meaning:
        wanted = note.meaning.strip().casefold()
        for color in COLORS:
            if meaning_of(color, meanings).casefold() == wanted:
                return color
    return DEFAULT_COLOR


def _tags(note: NoteData) -> tuple[list[str], list[str]]:
    good, bad = [], []
    for raw in note.tags:
        try:
            good.append(normalize_tag(raw))
        except TagError:
            bad.append(raw)
    return good, bad


class _Importer:
    """Places the notes of one file, inside one write transaction."""

    def __init__(self, session: Session, meanings: Mapping[str, str] | None) -> None:
        self.session = session
        self.meanings = meanings
        self.texts: dict[int, str] = {}

    def text(self, article_id: int) -> str:
        if article_id not in self.texts:
            self.texts[article_id] = (
                self.session.scalar(select(Article.text).where(Article.id == article_id)) or ""
            )
        return self.texts[article_id]

    def place(self, note: NoteData) -> NoteImport:
        existing = self.session.execute(
            select(Annotation.id, Annotation.article_id).where(Annotation.uid == note.uid)
        ).first()
        if existing is not None:
            return NoteImport(
                note.key, "duplicate", existing[1], existing[0], reason="already in the library"
            )
        article_id = _article_by_source(self.session, note.source)
        how = "by its source"
        if article_id is None:
            candidates = _articles_quoting(self.session, note.exact)
            if len(candidates) > 1:
                shown = ", ".join(map(str, candidates[:5]))
                return NoteImport(
                    note.key, "orphaned", reason=f"not stored: the quote is in several articles ({shown})"
                )
            if not candidates:
                where = f"source {note.source}" if note.source else "no source"
                return NoteImport(
                    note.key,
                    "orphaned",
                    reason=f"not stored: no article has its {where} or its quoted passage",
                )
            article_id, how = candidates[0], "by its quote"
        return self._store(note, article_id, how)

    def _store(self, note: NoteData, article_id: int, how: str) -> NoteImport:
        text = self.text(article_id)
        reason = f"article {article_id} found {how}"
        if note.exact:
            anchor = reanchor(text, TextQuote(note.exact, note.prefix, note.suffix), note.start, note.end)
        elif 0 <= note.start < note.end <= len(text):
            anchor = reanchor(text, TextQuote(text[note.start : note.end], "", ""), note.start, note.end)
            anchor = type(anchor)(anchor.start, anchor.end, "fuzzy", 0.0)
            reason += "; only a position was given: check the passage"
        else:
            anchor = reanchor(text, TextQuote("", "", ""), 0, 0)
            reason += "; it names no passage of the text"
        good_tags, bad_tags = _tags(note)
        if bad_tags:
            reason += "; tags left out: " + ", ".join(bad_tags)
        values: dict[str, Any] = {
            "uid": note.uid,
            "article_id": article_id,
            "note": note.note,
            "color": _color(note, self.meanings),
            "anchor_state": anchor.status,
            "orphaned": anchor.status == "orphaned",
            "anchor_score": anchor.score if anchor.status == "fuzzy" else None,
        }
        if anchor.status == "orphaned":
            values |= {"start": anchor.start, "end": anchor.end, "exact": note.exact}
            values |= {"prefix": note.prefix, "suffix": note.suffix}
            if note.exact:
                reason += "; its passage is not in the text"
        else:
            placed = make_quote(text, anchor.start, anchor.end)
            values |= {"start": anchor.start, "end": anchor.end, "exact": placed.exact}
            values |= {"prefix": placed.prefix, "suffix": placed.suffix}
            if anchor.status == "fuzzy" and note.exact and note.exact != placed.exact:
                values["previous_exact"] = note.exact
        created, modified = _when(note.created), _when(note.modified)
        if created is not None:
            values["created_at"] = created
        if modified is not None or created is not None:
            values["updated_at"] = modified or created
        annotation_id = int(
            self.session.execute(insert(Annotation).values(**values).returning(Annotation.id)).scalar_one()
        )
        ids = tag_ids(self.session, good_tags)
        if ids:
            self.session.execute(
                insert(annotation_tags), [{"annotation_id": annotation_id, "tag_id": t} for t in ids]
            )
        status: ImportStatus = (
            "anchored"
            if anchor.status in ("exact", "moved")
            else "fuzzy"
            if anchor.status == "fuzzy"
            else "orphaned"
        )
        score = round(anchor.score, 3) if anchor.status == "fuzzy" else None
        return NoteImport(note.key, status, article_id, annotation_id, score, reason)


def import_notes(
    library: Library, data: bytes | str, *, meanings: Mapping[str, str] | None = None
) -> NotesImport:
    """Import the annotations of a W3C or Hypothesis file; nothing is stored when it is malformed."""
    parsed = parse_notes(data)  # W3CFormatError before any write
    results: list[NoteImport] = []
    with library.session() as session:
        importer = _Importer(session, meanings)
        seen: dict[str, NoteImport] = {}
        for note in parsed.notes:
            if note.uid in seen:
                first = seen[note.uid]
                results.append(
                    NoteImport(
                        note.key,
                        "duplicate",
                        first.article_id,
                        first.annotation_id,
                        reason="twice in the file",
                    )
                )
                continue
            result = importer.place(note)
            seen[note.uid] = result
            results.append(result)
            session.flush()
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    return NotesImport(tuple(results), parsed.remark, counts)
