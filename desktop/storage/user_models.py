"""ORM models of what the user made, which every new analysis keeps: annotations and their tags,
quote corrections and entity rejections (re-exported by :mod:`desktop.storage.models`)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.storage.base import Base
from desktop.storage.column_defaults import new_uid, utcnow

if TYPE_CHECKING:
    from desktop.storage.models import Article


class QuoteCorrection(Base):
    """The user's verdict on the message [start, end) of an article, re-applied after every analysis.

    ``action`` "quote": the span is a statement of ``kind`` by ``speaker_id`` (None: nobody
    named); "reject": it is not a quote. ``exact`` is the message text, so that the verdict is
    only re-applied where the text still reads the same.
    """

    __tablename__ = "quote_corrections"
    __table_args__ = (
        UniqueConstraint("article_id", "start", "end"),
        CheckConstraint("action IN ('quote', 'reject')", name="action"),
        CheckConstraint("kind IN ('direct', 'indirect')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(8), default="direct", server_default="direct")
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    author: Mapped[str] = mapped_column(String(200), default="", server_default="")


annotation_tags = Table(
    "annotation_tags",
    Base.metadata,
    Column("annotation_id", ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Annotation(Base):
    """A user highlight/note anchored to [start, end) plus quote context for re-anchoring.

    ``anchor_state`` says how the last new version of the article placed it (see
    :mod:`desktop.core.anchoring`); "fuzzy" ones wait for the user's check, with the passage they
    had before in ``previous_exact``; "orphaned" ones keep their old quote in ``exact``.
    ``orphaned`` mirrors ``anchor_state == "orphaned"`` for the readers that predate states.
    """

    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint("anchor_state IN ('exact', 'moved', 'fuzzy', 'orphaned')", name="anchor_state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="", server_default="")
    suffix: Mapped[str] = mapped_column(Text, default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    color: Mapped[str] = mapped_column(String(32), default="yellow", server_default="yellow")
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    anchor_state: Mapped[str] = mapped_column(String(8), default="exact", server_default="exact")
    anchor_score: Mapped[float | None] = mapped_column(Float)  # similarity (0-1) of a fuzzy anchor
    previous_exact: Mapped[str | None] = mapped_column(Text)  # the passage before a fuzzy re-anchoring
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # who made it and who saved it last; ``version`` rises with every saved edit (conflict check)
    author: Mapped[str] = mapped_column(String(200), default="", server_default="", index=True)
    edited_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    article: Mapped[Article] = relationship(back_populates="annotations")
    tags: Mapped[list[Tag]] = relationship(
        secondary=annotation_tags, back_populates="annotations", passive_deletes=True
    )


class Tag(Base):
    """A user tag that can be attached to annotations."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)

    annotations: Mapped[list[Annotation]] = relationship(
        secondary=annotation_tags, back_populates="tags", passive_deletes=True
    )


class EntityRejection(Base):
    """A surface text the user marked as "not an entity"; ``key`` is its folded form."""

    __tablename__ = "entity_rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    text: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    author: Mapped[str] = mapped_column(String(200), default="", server_default="")
