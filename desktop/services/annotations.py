"""Creating, editing and deleting annotations; each call is one committed transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.core.anchoring import AnchorError, find_quote, make_quote
from desktop.core.colors import COLORS as COLORS
from desktop.core.errors import UserError
from desktop.core.tags import normalize_tag
from desktop.services.dto import AnnotationRow
from desktop.services.errors import AnnotationError as AnnotationError
from desktop.services.queries import NotFoundError, annotation_rows
from desktop.storage.db import Library
from desktop.storage.models import Annotation, Article, Tag, annotation_tags
from desktop.storage.portable import code_point_order

DEFAULT_COLOR = "yellow"


class EditConflictError(UserError, ValueError):
    """Someone saved the annotation since the caller read it; nothing was written.

    ``current`` is the annotation as stored now: reload it, or keep the rejected text as a copy.
    """

    def __init__(self, message: str, current: AnnotationRow) -> None:
        super().__init__(message)
        self.current = current


def _check_color(color: str) -> str:
    value = color.strip().lower()
    if value not in COLORS:
        raise AnnotationError(f"Unknown colour {color!r}; choose one of: {', '.join(COLORS)}.")
    return value


def tag_ids(session: Session, tags: Iterable[str]) -> list[int]:
    ids: list[int] = []
    for raw in tags:
        name = normalize_tag(raw)
        tag_id = session.scalar(select(Tag.id).where(Tag.name == name))
        if tag_id is None:
            tag_id = session.execute(insert(Tag).values(name=name).returning(Tag.id)).scalar_one()
        if tag_id not in ids:
            ids.append(int(tag_id))
    return ids


def _row(session: Session, annotation_id: int) -> AnnotationRow:
    annotation = session.get(Annotation, annotation_id)
    if annotation is None:
        raise NotFoundError(f"There is no annotation {annotation_id}.")
    rows = [r for r in annotation_rows(session, annotation.article_id) if r.id == annotation_id]
    return rows[0]


def create_annotation(
    library: Library,
    article_id: int,
    *,
    quote: str | None = None,
    start: int | None = None,
    end: int | None = None,
    note: str = "",
    tags: Iterable[str] = (),
    color: str = DEFAULT_COLOR,
) -> AnnotationRow:
    """Annotate a passage given by a quote or by offsets."""
    color = _check_color(color)
    tag_list = list(tags)
    for raw in tag_list:
        normalize_tag(raw)  # validate before writing anything
    with library.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        text = article.text
        if quote is not None:
            try:
                start, end = find_quote(text, quote, where=f"article {article_id}")
            except AnchorError as error:
                raise AnnotationError(str(error)) from error
        if start is None or end is None or not (0 <= start < end <= len(text)):
            raise AnnotationError(
                f"The range {start}-{end} is not a passage of article {article_id} (0-{len(text)})."
            )
        selector = make_quote(text, start, end)
        annotation_id = session.execute(
            insert(Annotation)
            .values(
                article_id=article_id,
                start=start,
                end=end,
                exact=selector.exact,
                prefix=selector.prefix,
                suffix=selector.suffix,
                note=note,
                color=color,
                author=library.user,
                edited_by=library.user,
            )
            .returning(Annotation.id)
        ).scalar_one()
        ids = tag_ids(session, tag_list)
        if ids:
            session.execute(
                insert(annotation_tags), [{"annotation_id": annotation_id, "tag_id": t} for t in ids]
            )
    with library.read_session() as session:
        return _row(session, int(annotation_id))


def update_annotation(
    library: Library,
    annotation_id: int,
    *,
    note: str | None = None,
    tags: Iterable[str] | None = None,
    color: str | None = None,
    expected_version: int | None = None,
) -> AnnotationRow:
    """Change an annotation's note, tags (replacing them) or colour; each save raises its version.

    With ``expected_version`` (the version the editor started from) a save on top of someone
    else's newer one raises :class:`EditConflictError` and writes nothing.
    """
    with library.session() as session:
        annotation = session.get(Annotation, annotation_id)
        if annotation is None:
            raise NotFoundError(f"There is no annotation {annotation_id}.")
        if expected_version is not None and annotation.version != expected_version:
            current = _row(session, annotation_id)
            who = annotation.edited_by or annotation.author or "someone"
            raise EditConflictError(
                f"Annotation {annotation_id} was changed by {who} since you opened it (now version "
                f"{annotation.version}, yours was {expected_version}); nothing was saved: reload it, "
                "or keep your text as a new note.",
                current,
            )
        annotation.version = annotation.version + 1
        annotation.edited_by = library.user
        if note is not None:
            annotation.note = note
        if color is not None:
            annotation.color = _check_color(color)
        if tags is not None:
            ids = tag_ids(session, tags)
            session.execute(delete(annotation_tags).where(annotation_tags.c.annotation_id == annotation_id))
            if ids:
                session.execute(
                    insert(annotation_tags), [{"annotation_id": annotation_id, "tag_id": t} for t in ids]
                )
    with library.read_session() as session:
        return _row(session, annotation_id)


def delete_annotation(library: Library, annotation_id: int) -> AnnotationRow:
    """Delete an annotation; returns what was deleted (for undo)."""
    with library.session() as session:
        row = _row(session, annotation_id)
        session.execute(delete(Annotation).where(Annotation.id == annotation_id))
    return row


def list_tags(library: Library) -> list[str]:
    """All tag names in use, sorted."""
    with library.read_session() as session:
        return list(session.scalars(select(Tag.name).order_by(code_point_order(Tag.name))))
