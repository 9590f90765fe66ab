"""ORM models of the library: articles, actors and their aliases/roles/mentions, annotations, tags.

The user's own records (annotations and their tags, quote corrections, entity rejections) are
defined in :mod:`desktop.storage.user_models` and the column defaults in
:mod:`desktop.storage.column_defaults`; both are importable from here, as before.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement, GenericFunction

from desktop.storage.base import Base
from desktop.storage.column_defaults import new_uid, utcnow
from desktop.storage.user_models import Annotation, EntityRejection, QuoteCorrection, Tag, annotation_tags

_TYPE_CHECK = "type IN ('person', 'organization', 'location', 'other')"

_SQLITE_DAY = "substr(imported_at, 1, 10)"
_POSTGRESQL_DAY = "briefing_day(imported_at)"  # an immutable SQL function (migration 0008)


class imported_day(FunctionElement[str]):
    """The article's import date as YYYY-MM-DD in SQL, written as the date index writes it."""

    type = String()
    inherit_cache = True


@compiles(imported_day)
def _imported_day_sqlite(element: imported_day, compiler: SQLCompiler, **kw: object) -> str:
    return f"substr({compiler.process(Article.__table__.c.imported_at, **kw)}, 1, 10)"


@compiles(imported_day, "postgresql")
def _imported_day_postgresql(element: imported_day, compiler: SQLCompiler, **kw: object) -> str:
    return f"briefing_day({compiler.process(Article.__table__.c.imported_at, **kw)})"


class instr(GenericFunction[int]):
    """``func.instr(text, part)``: SQLite's instr, PostgreSQL's strpos (1-based, 0 when absent)."""

    type = Integer()
    inherit_cache = True


@compiles(instr, "postgresql")
def _instr_postgresql(element: instr, compiler: SQLCompiler, **kw: object) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


class Article(Base):
    """One imported document with its cleaned text and its reading state."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_language", "language"),
        # The library list at 100,000 articles (migration 0008): each sort key alone (every article)
        # and after ``archived`` (the default view, the archive), so that the first page is read
        # from an index in order, never sorted from every row; the states and their counts.
        Index("ix_articles_title_lower", text("lower(title)")),
        Index("ix_articles_archived_title_lower", "archived", text("lower(title)")),
        # the date sort's expression; SQLite's index (made by the migration) has _SQLITE_DAY instead,
        # and Alembic cannot compare indexes on expressions there, nor tell the two apart by dialect
        Index("ix_articles_date", text(f"COALESCE(published, {_POSTGRESQL_DAY})")),
        Index("ix_articles_archived_date", "archived", text(f"COALESCE(published, {_POSTGRESQL_DAY})")),
        Index("ix_articles_archived", "archived"),  # with the row id: the newest first in a state
        Index("ix_articles_archived_read_at", "archived", "read_at"),  # unread: its count, its newest
        Index("ix_articles_starred", "starred"),
        Index("ix_articles_analysis_version", "analysis_version"),
        # Hash indexes on PostgreSQL (made so by migration 0008; Alembic compares no index method).
        # Not declared here: a dialect's keyword makes SQLAlchemy import that dialect, and every
        # opening of a SQLite library, every command-line call, would pay for PostgreSQL's.
        Index("ix_articles_source_url", "source_url"),
        Index("ix_articles_source_path", "source_path"),
        Index("ix_articles_title", "title"),
        Index("ix_articles_id_day", "id", "published", "imported_at"),  # a dossier's dates, not its texts
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(16))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[str | None] = mapped_column(String(10))  # ISO date YYYY-MM-DD
    source_url: Mapped[str | None] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))  # publication name, read or set by the user
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Which analysis (entities, sentences, quotes) the stored results come from; 0: before quotes.
    analysis_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # reading state: unread while read_at is NULL
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    starred: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    imported_by: Mapped[str] = mapped_column(String(200), default="", server_default="", index=True)

    mentions: Mapped[list[Mention]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    annotations: Mapped[list[Annotation]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    roles: Mapped[list[ActorRole]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"Article(id={self.id!r}, title={self.title!r})"


class Actor(Base):
    """A person, organisation, location or other named actor across the library."""

    __tablename__ = "actors"
    __table_args__ = (CheckConstraint(_TYPE_CHECK, name="type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(16))  # person | organization | location | other
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Library-wide number of the actor's last insert or change of name/type/confirmed, set by
    # database triggers (migration 0004): importers in other processes catch up from it.
    change_seq: Mapped[int] = mapped_column(
        Integer, server_default="0", index=True, info={"set_by_database": True}
    )

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )
    roles: Mapped[list[ActorRole]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )
    mentions: Mapped[list[Mention]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"Actor(id={self.id!r}, name={self.name!r}, type={self.type!r})"


class ActorAlias(Base):
    """Another surface form of an actor; ``key`` is the folded alias used for lookups."""

    __tablename__ = "actor_aliases"
    __table_args__ = (
        UniqueConstraint("actor_id", "key"),
        CheckConstraint("source IN ('auto', 'user')", name="source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    source: Mapped[str] = mapped_column(String(8), default="auto", server_default="auto")

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class ActorRole(Base):
    """A role or function an actor has in one article (e.g. a job title)."""

    __tablename__ = "actor_roles"
    __table_args__ = (
        UniqueConstraint("actor_id", "article_id", "role"),
        Index("ix_actor_roles_article_id", "article_id"),
        Index("ix_actor_roles_actor_id_role", "actor_id", "role"),  # distinct roles by seeks
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(300))

    actor: Mapped[Actor] = relationship(back_populates="roles")
    article: Mapped[Article] = relationship(back_populates="roles")


class Mention(Base):
    """One occurrence [start, end) of an actor in an article's text."""

    __tablename__ = "mentions"
    __table_args__ = (
        Index("ix_mentions_article_id_start", "article_id", "start"),
        Index("ix_mentions_article_id_sentence", "article_id", "sentence"),
        Index("ix_mentions_actor_id_article_id", "actor_id", "article_id"),
        CheckConstraint(_TYPE_CHECK, name="type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(16))
    sentence: Mapped[int | None] = mapped_column(Integer)  # index of its sentence in the article

    article: Mapped[Article] = relationship(back_populates="mentions")
    actor: Mapped[Actor] = relationship(back_populates="mentions")


class ActorCount(Base):
    """An actor's mention and article counts, kept by triggers on ``mentions`` (migration 0008).

    Read instead of aggregating all mentions; ``check`` verifies and rebuilds them
    (:mod:`desktop.storage.counts`). Never written by application code.
    """

    __tablename__ = "actor_counts"
    __table_args__ = (
        Index("ix_actor_counts_mentions", "mentions"),
        Index("ix_actor_counts_articles", "articles"),  # the actor filter's most named first
        {"info": {"set_by_database": True}},
    )

    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    articles: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ActorPair(Base):
    """Two actors named in the same sentences (``actor_a < actor_b``): how many distinct sentences they
    share and in how many articles, kept by triggers on ``mentions`` (migration 0010).

    The networks' edges and an actor's related actors read these instead of joining the mentions with
    themselves; ``check`` verifies and rebuilds them (:mod:`desktop.storage.pairs`). Never written by
    application code.
    """

    __tablename__ = "actor_pairs"
    __table_args__ = (
        Index("ix_actor_pairs_actor_b", "actor_b"),
        {"info": {"set_by_database": True}},
    )

    actor_a: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    actor_b: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    sentences: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    articles: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ActorDay(Base):
    """How many articles of each day mention an actor (the day as the dossier dates an article: its
    publication date, else the day it was imported, ``undated`` then), kept by triggers on ``mentions``
    and ``articles`` (migration 0011).

    A dossier's timeline and its newest articles read these instead of every article of the actor;
    ``check`` verifies and rebuilds them (:mod:`desktop.storage.actor_days`). Never written by
    application code. In SQLite a table without row ids, so that an actor's days lie together in the
    key's order (migration 0012).
    """

    __tablename__ = "actor_days"
    __table_args__ = ({"info": {"set_by_database": True}, "sqlite_with_rowid": False},)

    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    undated: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    articles: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ActorPairWriter(Base):
    """The articles whose pairs the importer counts itself, listed only inside its transaction (the
    insert trigger of ``mentions`` leaves their mentions alone; migration 0010)."""

    __tablename__ = "actor_pairs_writer"
    __table_args__ = ({"info": {"set_by_database": True}},)

    article_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class Quote(Base):
    """A statement reported in an article: message [start, end), its cue, and who said it.

    ``speaker_id`` is None for anonymous sources (``source`` holds their wording) and for
    statements without a found speaker; it becomes None when the actor is deleted.
    ``origin`` is "user" when a correction made or changed the quote.
    """

    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_article_id_start", "article_id", "start"),
        CheckConstraint("kind IN ('direct', 'indirect')", name="kind"),
        CheckConstraint("origin IN ('auto', 'user')", name="origin"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(8), default="auto", server_default="auto")

    article: Mapped[Article] = relationship(back_populates="quotes")


class ArticleVersion(Base):
    """An earlier text of an article, kept when a changed copy of it was imported.

    The article row always holds the current version; its number is the count of these rows
    plus one. ``imported_at`` is when this text arrived, ``replaced_at`` when the next one did.
    """

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_url: Mapped[str | None] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


__all__ = [
    "Actor",
    "ActorAlias",
    "ActorRole",
    "Annotation",
    "Article",
    "ArticleVersion",
    "EntityRejection",
    "Mention",
    "Quote",
    "QuoteCorrection",
    "Tag",
    "annotation_tags",
    "new_uid",
    "utcnow",
]
