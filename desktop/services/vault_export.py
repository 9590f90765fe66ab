"""Export the library's notes into an Obsidian vault folder (see :mod:`desktop.core.vault`).

Every article with at least one highlight gets a note, and every actor named in those
articles; a highlight "names" an actor when it overlaps one of the actor's mentions (or, once
quotes are stored, when the actor is the speaker of a quote it overlaps).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.vault import VaultActor, VaultArticle, VaultHighlight, VaultReport, write_vault
from desktop.services.dto import NoteRow
from desktop.services.notes_query import NotesFilter, actor_names, export_record, select_notes
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias, ActorRole, Article, Mention

Span = tuple[int, int, int]  # start, end, actor id


def _mentions(session: Session, article_ids: list[int]) -> dict[int, list[Span]]:
    spans: dict[int, list[Span]] = defaultdict(list)
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        rows = session.execute(
            select(Mention.article_id, Mention.start, Mention.end, Mention.actor_id)
            .where(Mention.article_id.in_(chunk))
            .order_by(Mention.article_id, Mention.start, Mention.id)
        )
        for article_id, m_start, m_end, actor_id in rows:
            spans[article_id].append((m_start, m_end, actor_id))
    return spans


def named_actors(spans: list[Span], start: int, end: int) -> tuple[int, ...]:
    """Actors with a mention overlapping ``[start, end)`` (``spans`` sorted by start), in text order."""
    starts = [s[0] for s in spans]
    found: dict[int, None] = {}
    for m_start, m_end, actor_id in spans[: bisect.bisect_left(starts, end)]:
        if m_end > start and m_start < end:
            found[actor_id] = None
    return tuple(found)


def _actors(session: Session, ids: set[int]) -> list[VaultActor]:
    aliases: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[str]] = defaultdict(list)
    rows: list[tuple[int, str, str]] = []
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        query = select(Actor.id, Actor.name, Actor.type).where(Actor.id.in_(chunk))
        rows.extend((int(r[0]), str(r[1]), str(r[2])) for r in session.execute(query))
        for actor_id, alias in session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias)
            .where(ActorAlias.actor_id.in_(chunk))
            .order_by(ActorAlias.id)
        ):
            aliases[actor_id].append(alias)
        for actor_id, role in session.execute(
            select(ActorRole.actor_id, ActorRole.role)
            .where(ActorRole.actor_id.in_(chunk))
            .order_by(ActorRole.id)
        ):
            if role not in roles[actor_id]:
                roles[actor_id].append(role)
    return [VaultActor(i, n, t, tuple(dict.fromkeys(aliases[i])), tuple(roles[i])) for i, n, t in rows]


def vault_contents(
    library: Library, *, meanings: Mapping[str, str] | None = None
) -> tuple[list[VaultArticle], list[VaultActor]]:
    """The notes' data: articles with highlights, and the actors named in them."""
    with library.read_session() as session:
        notes = select_notes(session, NotesFilter(), "document")
        by_article: dict[int, list[NoteRow]] = defaultdict(list)
        for note in notes:
            by_article[note.article_id].append(note)
        ids = list(by_article)
        mentions = _mentions(session, ids)
        names = actor_names(session, ids)
        articles: list[VaultArticle] = []
        actor_ids: set[int] = set()
        for article_id in ids:
            article = session.get(Article, article_id)
            if article is None:
                continue
            record = export_record(
                article, [n.annotation for n in by_article[article_id]], names[article_id], meanings
            )
            spans = mentions[article_id]
            mentioned = tuple(dict.fromkeys(s[2] for s in spans))
            highlights = tuple(
                VaultHighlight(a, named_actors(spans, a.start, a.end)) for a in record.annotations
            )
            actor_ids.update(mentioned)
            articles.append(VaultArticle(record, mentioned, highlights))
        return articles, _actors(session, actor_ids)


def export_vault(library: Library, folder: Path, *, meanings: Mapping[str, str] | None = None) -> VaultReport:
    """Write or update the vault notes in ``folder``; returns what was created, updated, unchanged."""
    articles, actors = vault_contents(library, meanings=meanings)
    return write_vault(Path(folder), articles, actors)


__all__ = ["export_vault", "named_actors", "vault_contents"]
