"""The user's edits of an article's title, publication date and outlet (its source's name).

"published" is the date the article appeared; it is never filled with the import date.
Each edit returns the values before and after, so that undo is one more call of
:func:`edit_article` with ``change.before``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.core.errors import UserError
from desktop.core.mdescape import normalize_inline
from desktop.services.dto import ChangeSummary
from desktop.services.queries import NotFoundError
from desktop.storage.db import Library
from desktop.storage.models import Article
from desktop.storage.search import index_article

MAX_TITLE_CHARS = 500
MAX_OUTLET_CHARS = 200
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ArticleEditError(UserError, ValueError):
    """An edit of an article's metadata that cannot be applied as asked."""


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()
"""Leave this field as it is (the default of every field of :func:`edit_article`)."""


@dataclass(frozen=True)
class ArticleMeta:
    """An article's editable metadata."""

    title: str
    published: str | None
    outlet: str | None


@dataclass(frozen=True)
class ArticleMetaChange:
    """An edit as applied: the metadata before and after."""

    article_id: int
    before: ArticleMeta
    after: ArticleMeta
    summary: ChangeSummary


def _one_line(value: str) -> str:
    return " ".join(normalize_inline(value).split())


def clean_title(value: str) -> str:
    """A title as stored: one line, no control characters; ArticleEditError when empty or too long."""
    title = _one_line(value)
    if not title:
        raise ArticleEditError("An article's title cannot be empty.")
    if len(title) > MAX_TITLE_CHARS:
        raise ArticleEditError(
            f"A title can have at most {MAX_TITLE_CHARS} characters (this one has {len(title)})."
        )
    return title


def clean_date(value: str) -> str | None:
    """``YYYY-MM-DD`` as stored, None for "" (no date); ArticleEditError for anything else."""
    text = value.strip()
    if not text:
        return None
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ArticleEditError(f'{text!r} is not a date; give it as YYYY-MM-DD (or "" for none).') from None


def clean_outlet(value: str) -> str | None:
    """An outlet name as stored, None for "" (no outlet); ArticleEditError when too long."""
    outlet = _one_line(value)
    if len(outlet) > MAX_OUTLET_CHARS:
        raise ArticleEditError(f"A source name can have at most {MAX_OUTLET_CHARS} characters.")
    return outlet or None


def edit_article(
    library: Library,
    article_id: int,
    *,
    title: str | _Unchanged = UNCHANGED,
    published: str | _Unchanged | None = UNCHANGED,
    outlet: str | _Unchanged | None = UNCHANGED,
) -> ArticleMetaChange:
    """Change an article's title, publication date ("YYYY-MM-DD", "" or None: none) and/or outlet.

    Everything is checked before anything is written; a title change updates the search index.
    """
    new_title = clean_title(title) if isinstance(title, str) else None
    new_date = clean_date(published or "") if not isinstance(published, _Unchanged) else UNCHANGED
    new_outlet = clean_outlet(outlet or "") if not isinstance(outlet, _Unchanged) else UNCHANGED
    with library.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        before = ArticleMeta(article.title, article.published, article.outlet)
        if new_title is not None and new_title != article.title:
            article.title = new_title
            session.flush()
            index_article(session, article_id, new_title, article.text, language=article.language)
        if not isinstance(new_date, _Unchanged):
            article.published = new_date
        if not isinstance(new_outlet, _Unchanged):
            article.outlet = new_outlet
        after = ArticleMeta(article.title, article.published, article.outlet)
    return ArticleMetaChange(article_id, before, after, ChangeSummary(articles=(article_id,)))


def article_meta(library: Library, article_id: int) -> ArticleMeta:
    """An article's current title, publication date and outlet."""
    with library.read_session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        return ArticleMeta(article.title, article.published, article.outlet)
