"""An actor's distinct roles by index seeks: each role once, in the order first found, on both engines."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorRole
from desktop.storage.roles import distinct_roles
from tests.storage.conftest import ArticleFactory

# per actor: (article index, role) in the order they are stored
ROLES = {
    "Ada Kern": [
        (0, "Ministerin"),
        (1, "Ministerin"),
        (2, "Abgeordnete"),
        (3, "Ministerin"),
        (3, "Äbtissin"),
    ],
    "Bo Lind": [(2, "Sprecher"), (0, "Sprecher"), (1, "sprecher"), (3, "Zeuge")],
    "Cy Moor": [],
}


def _grouped(session: object, ids: list[int]) -> list[tuple[int, str]]:
    """The reference: every role row read and grouped."""
    rows = session.execute(  # type: ignore[attr-defined]
        select(ActorRole.actor_id, ActorRole.role)
        .where(ActorRole.actor_id.in_(ids))
        .group_by(ActorRole.actor_id, ActorRole.role)
        .order_by(func.min(ActorRole.id))
    )
    return [(int(a), str(r)) for a, r in rows]


def test_distinct_roles_in_the_order_first_found(library: Library, make_article: ArticleFactory) -> None:
    with library.session() as session:
        articles = [make_article(n) for n in range(4)]
        session.add_all(articles)
        actors = {name: Actor(name=name, type="person") for name in ROLES}
        session.add_all(actors.values())
        session.flush()
        for name, roles in ROLES.items():
            for article, role in roles:
                session.add(ActorRole(actor_id=actors[name].id, article_id=articles[article].id, role=role))
        ids = {name: actor.id for name, actor in actors.items()}
    with library.read_session() as session:
        found = distinct_roles(session, list(ids.values()))
        assert found == _grouped(session, list(ids.values()))
        assert distinct_roles(session, []) == []
        only_bo = distinct_roles(session, [ids["Bo Lind"]])
    ada = [role for actor, role in found if actor == ids["Ada Kern"]]
    bo = [role for actor, role in found if actor == ids["Bo Lind"]]
    assert ada == ["Ministerin", "Abgeordnete", "Äbtissin"]
    assert bo == ["Sprecher", "sprecher", "Zeuge"] and [r for _a, r in only_bo] == bo
    assert all(actor != ids["Cy Moor"] for actor, _role in found)
