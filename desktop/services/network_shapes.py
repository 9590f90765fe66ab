"""A co-occurrence network's rows shaped into the DTOs: the service's SQLAlchemy queries
(desktop.services.network) and the command line's sqlite3 reads (desktop.services.sqlite_network) both use
these, so both ways build the same network from the same rows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from desktop.core.errors import UserError
from desktop.services.dto import Network, NetworkEdge, NetworkNode

Pair = tuple[int, int, int, int]  # source, target, sentences, articles
MAX_IN_LIST = 500
"""Actors read through an ``IN`` list (their names, counts and pairs); for more every row is read."""


class NetworkError(UserError, ValueError):
    """A network that cannot be computed as asked."""


def check_min(min_sentences: int) -> int:
    """``min_sentences`` when it is at least 1; else a NetworkError."""
    if min_sentences < 1:
        raise NetworkError("The minimum number of shared sentences must be at least 1.")
    return min_sentences


def pairs_of(rows: Iterable[Sequence[Any]]) -> list[Pair]:
    """Pairs of (source, target, sentences, articles) rows."""
    return [(int(a), int(b), int(s), int(n)) for a, b, s, n in rows]


def pairs_within(pairs: Iterable[Pair], wanted: Collection[int]) -> list[Pair]:
    """The pairs whose both actors are ``wanted``."""
    keep = set(wanted)
    return [p for p in pairs if p[0] in keep and p[1] in keep]


def pairs_around(actor_id: int, shared: Iterable[Sequence[Any]]) -> list[Pair]:
    """The pairs of ``actor_id`` from (other actor, sentences, articles) rows, the smaller id first."""
    return [(min(actor_id, int(o)), max(actor_id, int(o)), int(s), int(n)) for o, s, n in shared]


def members(actor_id: int, around: Iterable[Pair]) -> set[int]:
    """The actor and every actor of its pairs."""
    found = {actor_id}
    for a, b, _s, _n in around:
        found.update((a, b))
    return found


def nodes(
    actors: Iterable[Sequence[Any]], counted: Mapping[int, int], wanted: Collection[int]
) -> list[NetworkNode]:
    """The ``wanted`` actors of (id, name, type) rows with their mention counts, most mentioned first."""
    found = [NetworkNode(i, name, kind, int(counted.get(i, 0))) for i, name, kind in actors if i in wanted]
    found.sort(key=lambda n: (-n.mentions, n.name, n.id))
    return found


def network(found_nodes: list[NetworkNode], pairs: Iterable[Pair]) -> Network:
    """The network of these nodes and pairs, the edges with the most shared sentences first."""
    edges = sorted(
        (NetworkEdge(*p) for p in pairs), key=lambda e: (-e.sentences, -e.articles, e.source, e.target)
    )
    return Network(tuple(found_nodes), tuple(edges))
