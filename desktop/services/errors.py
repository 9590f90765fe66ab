"""The services' typed errors that commands raise before any library is opened (no SQLAlchemy here)."""

from __future__ import annotations

from desktop.core.errors import UserError


class NotFoundError(UserError, LookupError):
    """A requested article, actor or annotation does not exist."""


class AnnotationError(UserError, ValueError):
    """An annotation request the user must change (bad range, unknown colour, bad tag)."""


class AmbiguousActorError(NotFoundError):
    """A name that several actors carry; the message lists them with their ids."""


def ambiguity_message(name: str, actors: list[tuple[int, str, str, int]], shown: int = 8) -> str:
    """The message of :class:`AmbiguousActorError`: the actors (id, name, type, mentions) called ``name``."""
    actors = sorted(actors, key=lambda a: (-a[3], a[0]))
    listed = "; ".join(f"#{i} {n} ({t}, {count} mentions)" for i, n, t, count in actors[:shown])
    more = f"; and {len(actors) - shown} more" if len(actors) > shown else ""
    return (
        f"{len(actors)} actors are called {name!r}: {listed}{more}. "
        f"Choose one by its id, e.g. '#{actors[0][0]}'."
    )
