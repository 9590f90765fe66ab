"""An article's versions as the user sees them, and the user's answers to re-anchoring.

:func:`article_versions` lists the versions (oldest first; the last is the article's current
text) with every annotation's anchor state; :func:`confirm_anchor` accepts a fuzzy anchor where
it is, :func:`reattach` gives an annotation (orphaned or fuzzy) a passage the user selected.
"""

from __future__ import annotations

from sqlalchemy import select, update

from desktop.core.anchoring import make_quote
from desktop.services.queries import NotFoundError
from desktop.services.version_rows import AnchorRow, ArticleVersions, VersionRow, iso_seconds
from desktop.services.versions import import_time
from desktop.storage.db import Library
from desktop.storage.models import Annotation, Article, ArticleVersion


def article_versions(library: Library, article_id: int, *, with_text: bool = False) -> ArticleVersions:
    """The article's versions, oldest first (the last is current), and its anchors."""
    with library.read_session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        rows = list(
            session.scalars(
                select(ArticleVersion)
                .where(ArticleVersion.article_id == article_id)
                .order_by(ArticleVersion.number)
            )
        )
        versions = [
            VersionRow(
                v.number,
                v.title,
                iso_seconds(v.imported_at),
                len(v.text),
                v.content_hash,
                False,
                v.text if with_text else "",
            )
            for v in rows
        ]
        versions.append(
            VersionRow(
                len(rows) + 1,
                article.title,
                iso_seconds(import_time(session, article)),
                len(article.text),
                article.content_hash,
                True,
                article.text if with_text else "",
            )
        )
        notes = session.scalars(
            select(Annotation)
            .where(Annotation.article_id == article_id)
            .order_by(Annotation.start, Annotation.id)
        )
        anchors = [
            AnchorRow(
                a.id, a.uid, a.anchor_state, a.anchor_score, a.start, a.end, a.exact, a.previous_exact, a.note
            )
            for a in notes
        ]
        return ArticleVersions(article_id, article.title, tuple(versions), tuple(anchors))


def version_text(library: Library, article_id: int, number: int) -> str:
    """The text of one version of the article (the current one is the highest number)."""
    found = article_versions(library, article_id, with_text=True)
    for version in found.versions:
        if version.number == number:
            return version.text
    raise NotFoundError(f"Article {article_id} has no version {number}.")


def confirm_anchor(library: Library, annotation_id: int) -> None:
    """The user checked a fuzzy anchor: it is right where it is now."""
    with library.session() as session:
        note = session.get(Annotation, annotation_id)
        if note is None:
            raise NotFoundError(f"There is no annotation {annotation_id}.")
        if note.anchor_state == "orphaned":
            raise NotFoundError("An orphaned annotation has no place to confirm; re-attach it to a passage.")
        note.anchor_state, note.anchor_score, note.previous_exact = "exact", None, None


def reattach(library: Library, annotation_id: int, start: int, end: int) -> None:
    """Attach an annotation (orphaned or fuzzy) to the passage [start, end) of its article's text."""
    with library.session() as session:
        note = session.get(Annotation, annotation_id)
        if note is None:
            raise NotFoundError(f"There is no annotation {annotation_id}.")
        text = session.scalar(select(Article.text).where(Article.id == note.article_id)) or ""
        quote = make_quote(text, start, end)  # AnchorError (one sentence) for a bad range
        session.execute(
            update(Annotation)
            .where(Annotation.id == annotation_id)
            .values(
                start=start,
                end=end,
                exact=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
                anchor_state="exact",
                anchor_score=None,
                previous_exact=None,
                orphaned=False,
            )
        )
