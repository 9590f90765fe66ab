"""Notes as W3C Web Annotations (``export --format w3c``) read with ``sqlite3`` alone (see
desktop.services.sqlite_reads): the selection of desktop.services.w3c_notes written out as SQLite runs
it, each note shaped by the same function (w3c_shapes.note_data).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from desktop.core.tags import normalize_tag
from desktop.core.w3c import collection_json
from desktop.services.errors import NotFoundError
from desktop.services.w3c_shapes import (
    FIRST_VERSION_HASH_SQL,
    GENERATOR,
    collection_label,
    note_data,
    source_of,
)

Rows = Callable[[str, Sequence[Any]], list[Any]]

_NOTES = (
    'SELECT annotations.id, annotations.uid, annotations.article_id, annotations.start, annotations."end", '
    "annotations.exact, annotations.prefix, annotations.suffix, annotations.note, annotations.color, "
    "annotations.orphaned, annotations.created_at, annotations.updated_at FROM annotations"
)
_TAGGED = (
    "annotations.id IN (SELECT annotation_tags.annotation_id FROM annotation_tags "
    "JOIN tags ON tags.id = annotation_tags.tag_id WHERE tags.name = ? OR (tags.name LIKE ? ESCAPE '/'))"
)


def _like_prefix(text: str) -> str:
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def export_w3c(
    rows: Rows,
    tags: Callable[[Sequence[int]], dict[int, list[str]]],
    *,
    article_id: int | None = None,
    tag: str | None = None,
    creator: str | None = None,
    meanings: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """As w3c_notes.export_w3c."""
    where: list[str] = []
    params: list[Any] = []
    if article_id is not None:
        if not rows("SELECT 1 FROM articles WHERE id = ?", (article_id,)):
            raise NotFoundError(f"There is no article {article_id} in this library.")
        where.append("annotations.article_id = ?")
        params.append(article_id)
    if tag is not None:
        name = normalize_tag(tag)
        where.append(_TAGGED)
        params.extend((name, _like_prefix(name + "/")))
    statement = _NOTES + (" WHERE " + " AND ".join(where) if where else "")
    order = " ORDER BY annotations.article_id, annotations.start, annotations.id"
    notes = rows(statement + order, params)
    if tag is not None and not notes:
        raise NotFoundError(f"No annotation is tagged {normalize_tag(tag)!r}.")
    names = tags([n[0] for n in notes])
    sources: dict[int, str] = {}
    data = []
    for n in notes:
        if n[2] not in sources:
            sources[n[2]] = _source(rows, n[2])
        data.append(note_data(n[1:], sorted(names.get(n[0], ())), sources[n[2]], creator, meanings))
    return collection_json(data, label=collection_label(article_id, tag), generator=GENERATOR)


def _source(rows: Rows, article_id: int) -> str:
    url, content_hash = rows("SELECT source_url, content_hash FROM articles WHERE id = ?", (article_id,))[0]
    first = rows(FIRST_VERSION_HASH_SQL, (article_id,))
    return source_of(url, first[0][0] if first else None, content_hash)
