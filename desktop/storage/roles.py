"""Each actor's distinct roles, in the order they were first found, read by index seeks.

A role recurs in every article that names it; the distinct ones are few. The recursive query steps from
one role to the next of the same actor through ``ix_actor_roles_actor_id_role`` (one seek per distinct
role, then one for where it was first found), so its cost follows the roles shown, not the library.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from desktop.storage.sqlite_read import DISTINCT_ROLES_SQL

_DISTINCT_ROLES = text(DISTINCT_ROLES_SQL.format(ids=":ids")).bindparams(bindparam("ids", expanding=True))


def distinct_roles(session: Session, actor_ids: Sequence[int]) -> list[tuple[int, str]]:
    """(actor id, role) once per role of these actors, in the order the roles were first found."""
    if not actor_ids:
        return []
    return [(int(a), str(r)) for a, r, _first in session.execute(_DISTINCT_ROLES, {"ids": list(actor_ids)})]
