"""Schema behaviour: defaults, constraints, foreign keys and cascading deletes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from desktop.storage.db import Library
from desktop.storage.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Annotation,
    Article,
    EntityRejection,
    Mention,
    Tag,
    annotation_tags,
)

ArticleFactory = Callable[..., Article]


def _populate(library: Library, make_article: ArticleFactory) -> tuple[int, int, int]:
    """One article with an actor (alias, role, mention) and a tagged annotation."""
    with library.session() as session:
        article = make_article(1, text="Alpha Beta Gamma")
        actor = Actor(name="Alpha", type="person")
        actor.aliases.append(ActorAlias(alias="Alpha", key="alpha"))
        session.add_all([article, actor])
        session.flush()
        session.add_all(
            [
                ActorRole(actor_id=actor.id, article_id=article.id, role="speaker"),
                Mention(
                    article_id=article.id, actor_id=actor.id, start=0, end=5, text="Alpha", type="person"
                ),
            ]
        )
        annotation = Annotation(article=article, start=6, end=10, exact="Beta")
        annotation.tags.append(Tag(name="important"))
        session.add(annotation)
        session.flush()
        return article.id, actor.id, annotation.id


def _count(library: Library, table: object) -> int:
    with library.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


def test_defaults(library: Library, make_article: ArticleFactory) -> None:
    with library.session() as session:
        article = make_article()
        actor = Actor(name="Somebody", type="person")
        session.add_all([article, actor])
        session.flush()
        alias = ActorAlias(actor_id=actor.id, alias="S.", key="s")
        annotation = Annotation(article_id=article.id, start=0, end=4, exact="Body")
        session.add_all([alias, annotation])
        session.flush()
        assert article.imported_at is not None
        assert actor.confirmed is False
        assert actor.created_at is not None
        assert alias.source == "auto"
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", annotation.uid)
        assert (annotation.prefix, annotation.suffix, annotation.note) == ("", "", "")
        assert annotation.color == "yellow"
        assert annotation.orphaned is False
        assert annotation.created_at is not None and annotation.updated_at is not None


def test_server_defaults_apply_to_core_inserts(library: Library) -> None:
    with library.session() as session:
        session.execute(insert(Actor).values(name="Raw", type="other", created_at=func.now()))
        assert session.scalar(select(Actor.confirmed).where(Actor.name == "Raw")) is False


def test_updated_at_changes_on_update(library: Library, make_article: ArticleFactory) -> None:
    with library.session() as session:
        annotation = Annotation(article=make_article(), start=0, end=4, exact="Body")
        session.add(annotation)
        session.flush()
        first = annotation.updated_at
        annotation.note = "changed"
        session.flush()
        session.refresh(annotation)
        assert annotation.updated_at >= first.replace(tzinfo=annotation.updated_at.tzinfo)


def test_mention_for_missing_article_is_rejected(library: Library) -> None:
    with pytest.raises(IntegrityError), library.session() as session:
        actor = Actor(name="Nobody", type="person")
        session.add(actor)
        session.flush()
        session.add(Mention(article_id=9999, actor_id=actor.id, start=0, end=1, text="N", type="person"))
        session.flush()


def test_annotation_for_missing_article_is_rejected(library: Library) -> None:
    with pytest.raises(IntegrityError), library.session() as session:
        session.add(Annotation(article_id=4242, start=0, end=1, exact="x"))
        session.flush()


def test_deleting_article_cascades(library: Library, make_article: ArticleFactory) -> None:
    article_id, actor_id, _ = _populate(library, make_article)
    assert _count(library, annotation_tags) == 1
    with library.session() as session:
        session.execute(delete(Article).where(Article.id == article_id))
    for table in (Mention, Annotation, ActorRole):
        assert _count(library, table) == 0
    assert _count(library, annotation_tags) == 0
    # the actor, its alias and the tag live on independently of the article
    assert _count(library, Actor) == 1
    assert _count(library, ActorAlias) == 1
    assert _count(library, Tag) == 1
    with library.read_session() as session:
        assert session.get(Actor, actor_id) is not None


def test_orm_delete_of_article_uses_database_cascade(library: Library, make_article: ArticleFactory) -> None:
    article_id, _, _ = _populate(library, make_article)
    with library.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        session.delete(article)
    assert _count(library, Mention) == 0
    assert _count(library, annotation_tags) == 0


def test_deleting_actor_cascades(library: Library, make_article: ArticleFactory) -> None:
    _, actor_id, _ = _populate(library, make_article)
    with library.session() as session:
        session.execute(delete(Actor).where(Actor.id == actor_id))
    for table in (ActorAlias, ActorRole, Mention):
        assert _count(library, table) == 0
    assert _count(library, Article) == 1


def test_deleting_tag_clears_association(library: Library, make_article: ArticleFactory) -> None:
    _, _, annotation_id = _populate(library, make_article)
    with library.session() as session:
        session.execute(delete(Tag))
    assert _count(library, annotation_tags) == 0
    with library.read_session() as session:
        annotation = session.get(Annotation, annotation_id)
        assert annotation is not None
        assert annotation.tags == []


def test_relationships_load(library: Library, make_article: ArticleFactory) -> None:
    article_id, actor_id, _ = _populate(library, make_article)
    with library.read_session() as session:
        article = session.get(Article, article_id)
        actor = session.get(Actor, actor_id)
        assert article is not None and actor is not None
        assert [m.text for m in article.mentions] == ["Alpha"]
        assert [t.name for a in article.annotations for t in a.tags] == ["important"]
        assert [r.role for r in article.roles] == ["speaker"]
        assert [a.key for a in actor.aliases] == ["alpha"]
        assert actor.mentions[0].article is article


@pytest.mark.parametrize(
    ("model", "rows"),
    [
        (Tag, [{"name": "dup"}, {"name": "dup"}]),
        (EntityRejection, [{"key": "k", "text": "K"}, {"key": "k", "text": "k"}]),
    ],
)
def test_unique_constraints(library: Library, model: type, rows: list[dict[str, str]]) -> None:
    with pytest.raises(IntegrityError), library.session() as session:
        for row in rows:
            session.add(model(**row))
            session.flush()


def test_duplicate_content_hash_rejected(library: Library, make_article: ArticleFactory) -> None:
    with pytest.raises(IntegrityError), library.session() as session:
        session.add_all([make_article(7), make_article(7, title="Other")])
        session.flush()


def test_alias_key_unique_per_actor(library: Library) -> None:
    with pytest.raises(IntegrityError), library.session() as session:
        actor = Actor(name="A", type="person")
        actor.aliases.extend([ActorAlias(alias="A", key="a"), ActorAlias(alias="a", key="a")])
        session.add(actor)
        session.flush()


def test_actor_type_is_checked(library: Library) -> None:
    with pytest.raises(IntegrityError), library.session() as session:
        session.add(Actor(name="X", type="misc"))
        session.flush()
