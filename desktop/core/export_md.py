"""Markdown export of articles and their annotations (Obsidian-friendly, CommonMark-safe).

Article text (titles, quotes, sources) is escaped so that it can never become Markdown, HTML
or YAML structure; notes are the user's own Markdown and are kept as written, with anything
left open at their end closed (see :mod:`desktop.core.mdnote`). Front matter is written as PyYAML's
safe dumper writes it (:mod:`desktop.core.frontmatter`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from desktop.core.filenames import ExportError, safe_filename, unique_path, write_new_file
from desktop.core.frontmatter import front_matter
from desktop.core.mdescape import escape_inline, normalize_inline, quote_block
from desktop.core.mdnote import contain_note
from desktop.core.record import record
from desktop.core.tags import TagError, normalize_tag

__all__ = [
    "ExportAnnotation",
    "ExportArticle",
    "ExportError",
    "article_link",
    "check_scheme",
    "front_matter",
    "front_matter_fields",
    "highlight_label",
    "iso_date",
    "render_article",
    "render_collection",
    "safe_filename",
    "source_parts",
    "tag_names",
    "unique_path",
    "write_new_file",
    "yaml_text",
]

DEFAULT_LINK_SCHEME = "briefing-reader"
_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_URL_RE = re.compile(r"https?://[^\s<>\\`\x00-\x1f\x7f]+")
NO_ANNOTATIONS = "_No annotations._"
UNTITLED = "Untitled"


@record
class ExportAnnotation:
    """One annotation as exported: the passage ``[start, end)`` of the article text.

    ``meaning`` is what the user uses the colour for ("Important"); it is shown instead of the
    colour's name, which is only the fallback.
    """

    id: int
    start: int
    end: int
    quote: str
    note: str
    tags: tuple[str, ...]
    color: str
    meaning: str = ""


@record
class ExportArticle:
    """One article with the annotations to export; ``published`` is an ISO date when known.

    ``source`` is the web address of the original (never a local file path), ``outlet`` the
    publication's name.
    """

    id: int
    title: str
    language: str
    source: str | None
    published: str | None
    tags: tuple[str, ...]
    actors: tuple[str, ...]
    annotations: tuple[ExportAnnotation, ...]
    outlet: str | None = None
    author: str | None = None


# --- front matter -------------------------------------------------------------------------------


def yaml_text(value: str) -> str:
    """A single-line, control-free string: a line break inside front matter could end it."""
    return " ".join(normalize_inline(value).split())


def iso_date(value: str | None) -> dt.date | str | None:
    """``datetime.date`` for an ISO date (or date-time), so YAML writes it unquoted."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) == 10 else dt.datetime.fromisoformat(text).date()
    except ValueError:
        return yaml_text(text)


def tag_names(tags: Iterable[str]) -> list[str]:
    """Valid, normalised, distinct tags in first-seen order (invalid ones are left out)."""
    names: dict[str, None] = {}
    for raw in tags:
        try:
            names[normalize_tag(raw)] = None
        except TagError:
            continue
    return list(names)


def check_scheme(link_scheme: str) -> str:
    if not _SCHEME_RE.fullmatch(link_scheme):
        raise ExportError(
            f'"{link_scheme}" is not a valid link scheme; use letters, digits, "+", "-" or ".".'
        )
    return link_scheme


def article_link(scheme: str, article_id: int) -> str:
    return f"{scheme}://article/{int(article_id)}"


# --- body ---------------------------------------------------------------------------------------


def _heading(level: int, title: str) -> str:
    return "#" * level + " " + (escape_inline(title.strip()) or UNTITLED)


def _annotation_block(annotation: ExportAnnotation, article_id: int, scheme: str) -> str:
    """Quote, note, then one line with tags, colour and the link back to the passage."""
    parts = [quote_block(annotation.quote)]
    note = contain_note(annotation.note)
    if note:
        parts.append(note)
    meta = [highlight_label(annotation)]
    meta.append(" ".join(f"#{tag}" for tag in tag_names(annotation.tags)))
    link = f"{article_link(scheme, article_id)}#{int(annotation.start)}-{int(annotation.end)}"
    meta.append(f"[↩ source]({link})")
    parts.append(" · ".join(m for m in meta if m))
    return "\n\n".join(parts)


def _annotations(article: ExportArticle, scheme: str) -> list[str]:
    ordered = sorted(article.annotations, key=lambda a: (a.start, a.end, a.id))
    return [_annotation_block(a, article.id, scheme) for a in ordered] or [NO_ANNOTATIONS]


def highlight_label(annotation: ExportAnnotation) -> str:
    """The escaped meaning of the highlight's colour (its name when no meaning is known)."""
    return _label(annotation.meaning, annotation.color)


@lru_cache(maxsize=64)
def _label(meaning: str, color: str) -> str:
    """A collection names a handful of colours thousands of times: each label is escaped once."""
    label = yaml_text(meaning) or yaml_text(color)
    return escape_inline(label) if label else ""


def source_parts(article: ExportArticle) -> list[str]:
    """Outlet, author, date and web address of an article as Markdown pieces (each escaped)."""
    parts: list[str] = []
    for value in (article.outlet, article.author):
        text = yaml_text(value or "")
        if text:
            parts.append(escape_inline(text))
    date = iso_date(article.published)
    if date is not None:
        parts.append(date.isoformat() if isinstance(date, dt.date) else escape_inline(date))
    source = yaml_text(article.source or "")
    if source:
        parts.append(f"<{source}>" if _URL_RE.fullmatch(source) else escape_inline(source))
    return parts


def _source_line(article: ExportArticle, scheme: str) -> str:
    """The line under an article's heading in a collection: outlet · author · date · URL · link to it."""
    parts = source_parts(article)
    parts.append(f"[↩ article]({article_link(scheme, article.id)})")
    return " · ".join(parts)


def front_matter_fields(article: ExportArticle) -> dict[str, Any]:
    """The descriptive front matter of one article: title, outlet, author, date, URL, language."""
    return {
        "title": yaml_text(article.title) or UNTITLED,
        "outlet": yaml_text(article.outlet or "") or None,
        "author": yaml_text(article.author or "") or None,
        "published": iso_date(article.published),
        "url": yaml_text(article.source or "") or None,
        "language": yaml_text(article.language) or None,
    }


def _document(blocks: list[str]) -> str:
    return "\n\n".join(blocks).rstrip("\n") + "\n"


def render_article(article: ExportArticle, *, link_scheme: str = DEFAULT_LINK_SCHEME) -> str:
    """Render one article: front matter, title, then its annotations in document order."""
    scheme = check_scheme(link_scheme)
    front = front_matter(
        {
            **front_matter_fields(article),
            "tags": tag_names(article.tags),
            "actors": [yaml_text(a) for a in article.actors if yaml_text(a)],
            "link": article_link(scheme, article.id),
        }
    )
    return front + "\n" + _document([_heading(1, article.title), *_annotations(article, scheme)])


def render_collection(
    heading: str,
    articles: Sequence[ExportArticle],
    *,
    kind: str,
    link_scheme: str = DEFAULT_LINK_SCHEME,
    generated: dt.date | None = None,
) -> str:
    """Render several articles under one heading (a tag, an actor or the whole library).

    Each article becomes a ``##`` section with a source/date line and its annotations; pass
    only the annotations that belong in the export (e.g. those carrying the tag).
    """
    scheme = check_scheme(link_scheme)
    all_tags = tag_names(tag for article in articles for tag in article.tags)
    front = front_matter(
        {
            "title": yaml_text(heading) or UNTITLED,
            "kind": yaml_text(kind),
            "generated": generated or dt.date.today(),
            "articles": len(articles),
            "tags": all_tags,
        }
    )
    blocks = [_heading(1, heading)]
    if not articles:
        blocks.append("_No articles._")
    for article in articles:
        blocks.append(_heading(2, article.title))
        blocks.append(_source_line(article, scheme))
        blocks.extend(_annotations(article, scheme))
    return front + "\n" + _document(blocks)
