"""Co-occurrence networks read with ``sqlite3`` alone (see desktop.services.sqlite_reads): the statements
of desktop.services.network written out as SQLite runs them, the rows shaped by the same functions
(desktop.services.network_shapes). An actor's neighbourhood and the library's network read the maintained
pairs (``actor_pairs``) and counts (``actor_counts``); one article's network reads its mentions.
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
    pairs_within,
)

Rows = Callable[[str, Sequence[Any]], list[Any]]

SHARED_SQL = (
    "(SELECT actor_pairs.actor_b AS actor_id, actor_pairs.sentences AS sentences, actor_pairs.articles AS "
    "articles \nFROM actor_pairs \nWHERE actor_pairs.actor_a = ? UNION ALL SELECT actor_pairs.actor_a AS "
    "actor_a, actor_pairs.sentences AS sentences, actor_pairs.articles AS articles \nFROM actor_pairs \n"
    "WHERE actor_pairs.actor_b = ?)"
)
"""The other actors in the sentences of one actor (its id twice) with the sentences and articles they
share, from the maintained pairs (network.shared_sentences as SQLite runs it)."""
NEIGHBOURS_SQL = (
    "SELECT anon_1.actor_id, anon_1.sentences, anon_1.articles \nFROM " + SHARED_SQL + " AS anon_1 \n"
    "WHERE anon_1.sentences >= ?"
)
"""network.neighbours_query: the actor's id twice, the minimum of shared sentences."""
PAIRS_SQL = (
    "SELECT actor_pairs.actor_a, actor_pairs.actor_b, actor_pairs.sentences, actor_pairs.articles \n"
    "FROM actor_pairs \nWHERE actor_pairs.sentences >= ?"
)
"""network.pairs_query of the whole library; among some actors ``PAIRS_AMONG_SQL``."""
PAIRS_AMONG_SQL = PAIRS_SQL + " AND actor_pairs.actor_a IN {ids} AND actor_pairs.actor_b IN {ids}"
COUNTS_SQL = "SELECT actor_counts.actor_id, actor_counts.mentions \nFROM actor_counts"
"""network.node_counts_query of every actor; of some ``COUNTS_SQL + COUNTS_OF``."""
COUNTS_OF = " \nWHERE actor_counts.actor_id IN {ids}"
_ARTICLE_PAIRS = (
    "WITH occurrences AS (SELECT DISTINCT mentions.article_id AS article_id, mentions.sentence AS sentence, "
    "mentions.actor_id AS actor_id FROM mentions WHERE mentions.sentence IS NOT NULL "
    "AND mentions.article_id = ?) "
    "SELECT first.actor_id, second.actor_id, count(*) AS sentences, count(distinct(first.article_id)) "
    "AS articles FROM occurrences AS first JOIN occurrences AS second "
    "ON second.article_id = first.article_id AND second.sentence = first.sentence "
    "AND second.actor_id > first.actor_id GROUP BY first.actor_id, second.actor_id HAVING count(*) >= ?"
)


def _marks(count: int) -> str:
    return "(" + ",".join("?" * count) + ")"


def in_list(count: int) -> str:
    """An ``IN`` list of ``count`` parameters as SQLAlchemy renders it."""
    return "(" + ", ".join("?" * count) + ")"


class NetworkReader:
    """Reads networks through ``rows`` (statement, parameters → rows)."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def _pairs(self, min_sentences: int, actors: Collection[int] | None = None) -> list[Pair]:
        if actors is None or len(actors) > MAX_IN_LIST:
            found = pairs_of(self._rows(PAIRS_SQL, (min_sentences,)))
            return found if actors is None else pairs_within(found, actors)
        wanted = sorted(actors)
        statement = PAIRS_AMONG_SQL.format(ids=in_list(len(wanted)))
        return pairs_of(self._rows(statement, [min_sentences, *wanted, *wanted]))

    def _nodes(self, actor_ids: Collection[int], article_id: int | None = None) -> list[NetworkNode]:
        if not actor_ids:
            return []
        wanted = set(actor_ids)
        few = len(wanted) <= MAX_IN_LIST
        actors = "SELECT actors.id, actors.name, actors.type FROM actors"
        actor_params: list[int] = []
        if few:
            actors += f" WHERE actors.id IN {_marks(len(wanted))}"
            actor_params = list(wanted)
        if article_id is None:
            counts, params = COUNTS_SQL, sorted(wanted) if few else []
            if few:
                counts += COUNTS_OF.format(ids=in_list(len(wanted)))
        else:
            counts = "SELECT mentions.actor_id, count(mentions.id) FROM mentions "
            counts += "WHERE mentions.article_id = ?"
            params = [article_id]
            if few:
                counts += f" AND mentions.actor_id IN {_marks(len(wanted))}"
                params.extend(wanted)
            counts += " GROUP BY mentions.actor_id"
        counted = {int(a): int(n) for a, n in self._rows(counts, params)}
        return nodes(self._rows(actors, actor_params), counted, wanted)

    def article_network(self, article_id: int, min_sentences: int) -> Network:
        """As network.article_network (the article is known to exist)."""
        check_min(min_sentences)
        found = self._rows(
            "SELECT DISTINCT mentions.actor_id FROM mentions WHERE mentions.article_id = ?", (article_id,)
        )
        actors = {int(r[0]) for r in found}
        pairs = pairs_of(self._rows(_ARTICLE_PAIRS, (article_id, min_sentences)))
        return network(self._nodes(actors, article_id), pairs)

    def actor_network(self, actor_id: int, min_sentences: int) -> Network:
        """As network.actor_network (the actor is known to exist)."""
        check_min(min_sentences)
        shared = self._rows(NEIGHBOURS_SQL, (actor_id, actor_id, min_sentences))
        around = members(actor_id, pairs_around(actor_id, shared))
        pairs = self._pairs(min_sentences, around) if len(around) > 1 else []
        return network(self._nodes(around), pairs)

    def library_network(self, min_sentences: int) -> Network:
        """As network.library_network."""
        check_min(min_sentences)
        pairs = self._pairs(min_sentences)
        found = {a for a, _b, _s, _n in pairs} | {b for _a, b, _s, _n in pairs}
        return network(self._nodes(found), pairs)
