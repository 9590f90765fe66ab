"""The user's corrections of actors; they apply across the library and to later imports.

Every correction marks the actor as confirmed (the recogniser's dictionary then finds
its names in later articles, and automatic linking never renames it again) or, for
"not an entity", stores a rejection that later imports honour.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.core.entities.names import match_key
from desktop.core.errors import UserError
from desktop.core.sentences import SentenceLookup, sentence_spans
from desktop.core.textfold import fold
from desktop.core.types import ENTITY_TYPES
from desktop.services.dto import ChangeSummary
from desktop.services.queries import NotFoundError
from desktop.storage.db import Library
from desktop.storage.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Article,
    EntityRejection,
    Mention,
    Quote,
    QuoteCorrection,
)


class CorrectionError(UserError, ValueError):
    """A correction that cannot be applied as asked."""


def _actor(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFoundError(f"There is no actor {actor_id}.")
    return actor


def _articles_of(session: Session, actor_id: int) -> tuple[int, ...]:
    return tuple(session.scalars(select(Mention.article_id).where(Mention.actor_id == actor_id).distinct()))


def _quotes_of(session: Session, actor_id: int) -> tuple[int, ...]:
    return tuple(session.scalars(select(Quote.id).where(Quote.speaker_id == actor_id).order_by(Quote.id)))


def _add_alias(session: Session, actor_id: int, alias: str, source: str = "user") -> None:
    key = match_key(alias)
    exists = session.scalar(
        select(ActorAlias.id).where(ActorAlias.actor_id == actor_id, ActorAlias.key == key)
    )
    if exists is None:
        session.execute(insert(ActorAlias).values(actor_id=actor_id, alias=alias, key=key, source=source))
    else:
        session.execute(update(ActorAlias).where(ActorAlias.id == exists).values(source=source))


def rename_actor(library: Library, actor_id: int, name: str) -> ChangeSummary:
    """Give an actor a new canonical name (kept as a confirmed alias too)."""
    name = " ".join(name.split())
    if not name:
        raise CorrectionError("An actor's name cannot be empty.")
    with library.session() as session:
        actor = _actor(session, actor_id)
        actor.name = name[:300]
        actor.confirmed = True
        _add_alias(session, actor_id, actor.name)
        return ChangeSummary(articles=_articles_of(session, actor_id), actors=(actor_id,))


def change_type(library: Library, actor_id: int, kind: str) -> ChangeSummary:
    """Change an actor's type (person, organization, location, other)."""
    if kind not in ENTITY_TYPES:
        raise CorrectionError(f"Unknown type {kind!r}; choose one of: {', '.join(ENTITY_TYPES)}.")
    with library.session() as session:
        actor = _actor(session, actor_id)
        actor.type = kind
        actor.confirmed = True
        session.execute(update(Mention).where(Mention.actor_id == actor_id).values(type=kind))
        _add_alias(session, actor_id, actor.name)
        return ChangeSummary(articles=_articles_of(session, actor_id), actors=(actor_id,))


def merge_actors(library: Library, source_id: int, target_id: int) -> ChangeSummary:
    """Merge ``source`` into ``target``: mentions (with their sentences), aliases, roles and quotes move."""
    if source_id == target_id:
        raise CorrectionError("An actor cannot be merged into itself.")
    with library.session() as session:
        source = _actor(session, source_id)
        target = _actor(session, target_id)
        articles = tuple(set(_articles_of(session, source_id)) | set(_articles_of(session, target_id)))
        session.execute(
            update(Mention).where(Mention.actor_id == source_id).values(actor_id=target_id, type=target.type)
        )
        quotes = _quotes_of(session, source_id)
        session.execute(update(Quote).where(Quote.speaker_id == source_id).values(speaker_id=target_id))
        session.execute(
            update(QuoteCorrection)
            .where(QuoteCorrection.speaker_id == source_id)
            .values(speaker_id=target_id)
        )
        source_aliases = session.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == source_id))
        for alias in [*source_aliases, source.name]:
            _add_alias(session, target_id, alias)
        existing_roles = set(
            session.execute(
                select(ActorRole.article_id, ActorRole.role).where(ActorRole.actor_id == target_id)
            )
        )
        moved = [
            {"actor_id": target_id, "article_id": a, "role": r}
            for a, r in session.execute(
                select(ActorRole.article_id, ActorRole.role).where(ActorRole.actor_id == source_id)
            )
            if (a, r) not in existing_roles
        ]
        if moved:
            session.execute(insert(ActorRole), moved)
        session.execute(delete(Actor).where(Actor.id == source_id))
        target.confirmed = True
        return ChangeSummary(
            articles=articles, actors=(target_id,), removed_actors=(source_id,), quotes=quotes
        )


def reject_actor(library: Library, actor_id: int) -> ChangeSummary:
    """ "Not an entity": remove the actor and its mentions; its names are not recognised again.

    Quotes it made keep no speaker (the database sets them to none).
    """
    with library.session() as session:
        actor = _actor(session, actor_id)
        articles = _articles_of(session, actor_id)
        quotes = _quotes_of(session, actor_id)
        names = set(session.scalars(select(Mention.text).where(Mention.actor_id == actor_id)))
        names.add(actor.name)
        for text in names:
            key = fold(text.strip())
            if session.scalar(select(EntityRejection.id).where(EntityRejection.key == key)) is None:
                session.execute(
                    insert(EntityRejection).values(key=key, text=text.strip()[:300], author=library.user)
                )
        session.execute(delete(Actor).where(Actor.id == actor_id))
        return ChangeSummary(articles=articles, removed_actors=(actor_id,), quotes=quotes)


def mark_as_actor(
    library: Library, article_id: int, start: int, end: int, kind: str, *, actor_id: int | None = None
) -> ChangeSummary:
    """Mark ``text[start:end]`` of an article as a mention (of a new actor or of ``actor_id``).

    Every other occurrence of the same words in the library's articles becomes a mention too.
    """
    if kind not in ENTITY_TYPES:
        raise CorrectionError(f"Unknown type {kind!r}; choose one of: {', '.join(ENTITY_TYPES)}.")
    with library.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        if not (0 <= start < end <= len(article.text)) or not article.text[start:end].strip():
            raise CorrectionError("Select the words to mark as an actor first.")
        surface = article.text[start:end].strip()
        start = article.text.index(surface, start)
        end = start + len(surface)
        if actor_id is None:
            actor_id = session.execute(
                insert(Actor).values(name=surface, type=kind, confirmed=True).returning(Actor.id)
            ).scalar_one()
        else:
            _actor(session, actor_id).confirmed = True
        _add_alias(session, actor_id, surface)
        session.execute(delete(EntityRejection).where(EntityRejection.key == fold(surface)))
        touched = {article_id}
        touched |= _add_occurrences(session, actor_id, surface, kind)
        return ChangeSummary(articles=tuple(sorted(touched)), actors=(actor_id,))


def _add_occurrences(session: Session, actor_id: int, surface: str, kind: str) -> set[int]:
    """Add mentions of ``surface`` wherever it occurs un-annotated in the library."""
    import re

    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    touched: set[int] = set()
    candidates = session.execute(select(Article.id, Article.text).where(Article.text.contains(surface)))
    for article_id, text in candidates:
        taken = list(
            session.execute(select(Mention.start, Mention.end).where(Mention.article_id == article_id))
        )
        rows = []
        sentences: SentenceLookup | None = None
        for m in pattern.finditer(text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                sentences = sentences or SentenceLookup(sentence_spans(text))
                rows.append(
                    {
                        "article_id": article_id,
                        "actor_id": actor_id,
                        "start": m.start(),
                        "end": m.end(),
                        "text": m.group(0),
                        "type": kind,
                        "sentence": sentences.index(m.start()),
                    }
                )
        if rows:
            session.execute(insert(Mention), rows)
            touched.add(article_id)
    return touched
