"""Co-occurrence networks read with ``sqlite3`` alone (see desktop.services.sqlite_reads): the statements
of desktop.services.network written out as SQLite runs them, the rows shaped by the same functions
(desktop.services.network_shapes). An actor's neighbourhood starts from the actor's own sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from desktop.services.dto import Network, NetworkNode
from desktop.services.network_shapes import (
    MAX_IN_LIST,
    Pair,
    check_min,
    members,
    network,
    nodes,
    pairs_around,
    pairs_of,
)

Rows = Callable[[str, Sequence[Any]], list[Any]]

SHARED_SQL = (
    "(SELECT anon_2.actor_id AS actor_id, count(*) AS sentences, count(distinct(anon_2.article_id)) AS "
    "articles \nFROM (SELECT DISTINCT mentions.article_id AS article_id, mentions.sentence AS sentence, "
    "mentions.actor_id AS actor_id \nFROM mentions JOIN (SELECT DISTINCT mentions.article_id AS article_id, "
    "mentions.sentence AS sentence \nFROM mentions \nWHERE mentions.actor_id = ? AND mentions.sentence IS "
    "NOT NULL) AS anon_3 ON anon_3.article_id = mentions.article_id AND anon_3.sentence = mentions.sentence "
    "\nWHERE mentions.actor_id != ?) AS anon_2 GROUP BY anon_2.actor_id)"
)
"""The other actors in the sentences of one actor (its id twice) with the sentences and articles they
share (network.shared_sentences as SQLite runs it)."""
_PAIRS = (
    "WITH occurrences AS (SELECT DISTINCT mentions.article_id AS article_id, mentions.sentence AS sentence, "
    "mentions.actor_id AS actor_id FROM mentions WHERE mentions.sentence IS NOT NULL{where}) "
    "SELECT first.actor_id, second.actor_id, count(*) AS sentences, count(distinct(first.article_id)) "
    "AS articles FROM occurrences AS first JOIN occurrences AS second "
    "ON second.article_id = first.article_id AND second.sentence = first.sentence "
    "AND second.actor_id > first.actor_id GROUP BY first.actor_id, second.actor_id HAVING count(*) >= ?"
)


def _marks(count: int) -> str:
    return "(" + ",".join("?" * count) + ")"


class NetworkReader:
    """Reads networks through ``rows`` (statement, parameters → rows)."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def _pairs(
        self, min_sentences: int, *, article_id: int | None = None, actors: Collection[int] | None = None
    ) -> list[Pair]:
        where, params = "", []
        if article_id is not None:
            where, params = " AND mentions.article_id = ?", [article_id]
        if actors is not None:
            wanted = list(actors)
            where, params = f" AND mentions.actor_id IN {_marks(len(wanted))}", wanted
        return pairs_of(self._rows(_PAIRS.format(where=where), [*params, min_sentences]))

    def _nodes(self, actor_ids: Collection[int], article_id: int | None = None) -> list[NetworkNode]:
        if not actor_ids:
            return []
        wanted = set(actor_ids)
        where: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            where.append("mentions.article_id = ?")
            params.append(article_id)
        actors = "SELECT actors.id, actors.name, actors.type FROM actors"
        actor_params: list[int] = []
        if len(wanted) <= MAX_IN_LIST:
            where.append(f"mentions.actor_id IN {_marks(len(wanted))}")
            params.extend(wanted)
            actors += f" WHERE actors.id IN {_marks(len(wanted))}"
            actor_params = list(wanted)
        counts = "SELECT mentions.actor_id, count(mentions.id) FROM mentions"
        counts += (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY mentions.actor_id"
        counted = {int(a): int(n) for a, n in self._rows(counts, params)}
        return nodes(self._rows(actors, actor_params), counted, wanted)

    def article_network(self, article_id: int, min_sentences: int) -> Network:
        """As network.article_network (the article is known to exist)."""
        check_min(min_sentences)
        found = self._rows(
            "SELECT DISTINCT mentions.actor_id FROM mentions WHERE mentions.article_id = ?", (article_id,)
        )
        actors = {int(r[0]) for r in found}
        return network(self._nodes(actors, article_id), self._pairs(min_sentences, article_id=article_id))

    def actor_network(self, actor_id: int, min_sentences: int) -> Network:
        """As network.actor_network (the actor is known to exist)."""
        check_min(min_sentences)
        statement = (
            "SELECT anon_1.actor_id, anon_1.sentences, anon_1.articles FROM "
            + SHARED_SQL
            + " AS anon_1 WHERE anon_1.sentences >= ?"
        )
        around = members(
            actor_id, pairs_around(actor_id, self._rows(statement, (actor_id, actor_id, min_sentences)))
        )
        pairs = self._pairs(min_sentences, actors=around) if len(around) > 1 else []
        return network(self._nodes(around), pairs)

    def library_network(self, min_sentences: int) -> Network:
        """As network.library_network."""
        check_min(min_sentences)
        pairs = self._pairs(min_sentences)
        found = {a for a, _b, _s, _n in pairs} | {b for _a, b, _s, _n in pairs}
        return network(self._nodes(found), pairs)
