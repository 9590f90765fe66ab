"""An actor's dossier read with ``sqlite3`` alone (see desktop.services.sqlite_reads): the statements of
desktop.services.dossier written out as SQLite runs them (the same text, so ties come in the same order),
the rows shaped by the same functions (desktop.services.dossier_shapes).

Its cost follows the actor, not the library: every statement starts from the actor's own rows
(``ix_mentions_actor_id_article_id``, ``ix_quotes_speaker_id``, ``ix_actor_roles_actor_id_role``) and
reaches the articles and the sentences it shares by their keys. A bounded dossier reads the actor's
articles per day (``actor_days``, migration 0011: the timeline and the totals), its newest articles from
the day of the last one listed on (through the library's date index when fewer articles of the library
than the actor's own have such a day, else through the actor's mentions) and the listed rows only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.services.dossier_shapes import (
    ArticleSummary,
    actor_aliases,
    articles_by_id,
    dossier_actor,
    dossier_articles,
    dossier_roles,
    related_rows,
)
from desktop.services.dto import AnnotationRow, Dossier, DossierRole, QuoteRow
from desktop.services.errors import NotFoundError
from desktop.services.sqlite_network import SHARED_SQL
from desktop.storage.sqlite_read import DAY, DISTINCT_ROLES_SQL

Rows = Callable[[str, Sequence[Any]], list[Any]]

_ALIAS_SQL = (
    "SELECT actor_aliases.alias \nFROM actor_aliases \nWHERE actor_aliases.actor_id = ? "
    "ORDER BY actor_aliases.id"
)
_COUNTS = (
    "(SELECT mentions.article_id AS article_id, count(mentions.id) AS n \nFROM mentions \n"
    "WHERE mentions.actor_id = ? GROUP BY mentions.article_id) AS anon_2"
)
_WANTED = (
    "(SELECT anon_2.article_id AS article_id \nFROM " + _COUNTS + " UNION SELECT anon_4.article_id AS "
    "article_id \nFROM (SELECT DISTINCT quotes.article_id AS article_id \nFROM quotes \n"
    "WHERE quotes.speaker_id = ?) AS anon_4) AS anon_3 ON anon_3.article_id = articles.id "
    "LEFT OUTER JOIN " + _COUNTS + " ON anon_2.article_id = articles.id"
)
SUMMARY_INDEX = " INDEXED BY ix_articles_id_day"
"""What the summary reads of articles found by their ids (their dates) from the index that holds them
(migration 0010): SQLite reaches a row by its id through the table otherwise, past the article's text;
the rows are the same (the service's statements, whose rows no order depends on, without this name)."""
_DATE = "coalesce(articles.published, substr(articles.imported_at, 1, 10))"
DAYS_SQL = (
    "SELECT actor_days.day, actor_days.undated, actor_days.articles \nFROM actor_days \n"
    "WHERE actor_days.actor_id = ?"
)
QUOTED_SQL = (
    f"SELECT articles.id, {_DATE} AS coalesce_1, articles.published IS NULL AS anon_1 \nFROM articles"
    + SUMMARY_INDEX
    + " \nWHERE articles.id IN (SELECT quotes.article_id \nFROM quotes \nWHERE quotes.speaker_id = ? AND "
    "NOT (EXISTS (SELECT * \nFROM mentions \nWHERE mentions.actor_id = ? AND mentions.article_id = "
    "quotes.article_id)))"
)
LIBRARY_FROM_SQL = (
    "SELECT count(*) AS count_1 \nFROM (SELECT articles.id AS id \nFROM articles \n"
    f"WHERE {_DATE} >= ?\n LIMIT ? OFFSET ?) AS anon_1"
)
BY_DATE_SQL = (
    f"SELECT articles.id, {_DATE} AS coalesce_1 \nFROM articles \nWHERE {_DATE} >= ? AND (EXISTS "
    "(SELECT * \nFROM mentions \nWHERE mentions.actor_id = ? AND mentions.article_id = articles.id))"
)
BY_ACTOR_SQL = (
    f"SELECT articles.id, {_DATE} AS coalesce_1 \nFROM articles"
    + SUMMARY_INDEX
    + " JOIN (SELECT DISTINCT mentions.article_id AS article_id \nFROM mentions \n"
    f"WHERE mentions.actor_id = ?) AS anon_1 ON anon_1.article_id = articles.id \nWHERE {_DATE} >= ?"
)
MENTIONS_SQL = (
    "SELECT mentions.article_id, count(mentions.id) AS count_1 \nFROM mentions \n"
    "WHERE mentions.actor_id = ? AND mentions.article_id IN {ids} GROUP BY mentions.article_id"
)
_ARTICLES = (
    "SELECT articles.id, articles.title, articles.published, coalesce(anon_2.n, ?) AS coalesce_1, "
    "articles.imported_at, articles.outlet \nFROM articles JOIN " + _WANTED + f" ORDER BY {DAY}, articles.id"
)
_ARTICLES_BY_ID = (
    "SELECT articles.id, articles.title, articles.published, articles.imported_at, articles.outlet \n"
    "FROM articles \nWHERE articles.id IN {ids} ORDER BY " + DAY + ", articles.id"
)
_QUOTE_IDS = (
    "SELECT quotes.id \nFROM quotes JOIN articles ON articles.id = quotes.article_id \n"
    f"WHERE quotes.speaker_id = ? ORDER BY {DAY} DESC, quotes.article_id DESC, quotes.start DESC, "
    "quotes.id DESC\n LIMIT ? OFFSET ?"
)
_ROLES = (
    "SELECT actor_roles.role, actor_roles.article_id, articles.published \n"
    "FROM actor_roles JOIN articles ON articles.id = actor_roles.article_id \nWHERE actor_roles.actor_id = ?"
)
_RELATED = (
    "SELECT actors.id, actors.name, actors.type, anon_1.sentences, anon_1.articles \nFROM actors JOIN "
    + SHARED_SQL
    + " AS anon_1 ON anon_1.actor_id = actors.id ORDER BY anon_1.sentences DESC, anon_1.articles DESC, "
    "(actors.name), actors.id"
)
_ANNOTATED = (
    "SELECT annotations.id \nFROM annotations JOIN mentions AS mentions_1 ON mentions_1.article_id = "
    'annotations.article_id \nWHERE mentions_1.actor_id = ? AND mentions_1.start < annotations."end" AND '
    'mentions_1."end" > annotations.start UNION SELECT annotations.id \nFROM annotations JOIN quotes AS '
    "quotes_1 ON quotes_1.article_id = annotations.article_id \nWHERE quotes_1.speaker_id = ? AND "
    'quotes_1.start < annotations."end" AND quotes_1."end" > annotations.start'
)
ANNOTATED_BY_NOTES = _ANNOTATED.replace(
    "FROM annotations JOIN mentions AS mentions_1 ON",
    "FROM annotations CROSS JOIN mentions AS mentions_1 INDEXED BY ix_mentions_actor_id_article_id ON",
)
"""The same rows read from each note to the actor's mentions in its article (SQLite keeps the order of a
CROSS JOIN), for an actor with more mentions than the library has notes: SQLite otherwise reads every
mention of the actor and looks for notes in its article."""


def _marks(count: int) -> str:
    return "(" + ",".join("?" * count) + ")"


class DossierReader:
    """Reads one actor's dossier through ``rows`` (statement, parameters → rows); ``quotes`` reads the
    quote rows a condition (and its parameters) selects, in the dossier's order, ``annotations`` the
    annotation rows of these ids (as the reader of desktop.services.sqlite_reads does)."""

    def __init__(
        self,
        rows: Rows,
        quotes: Callable[[str, Sequence[Any]], list[QuoteRow]],
        annotations: Callable[[Sequence[int]], list[AnnotationRow]],
    ) -> None:
        self._rows = rows
        self._quotes = quotes
        self._annotations = annotations

    def dossier(self, actor_id: int, limit: int | None) -> Dossier:
        """As dossier.dossier_of: the whole dossier, or with ``limit`` its newest part and the totals."""
        found = self._rows("SELECT id, name, type, confirmed FROM actors WHERE id = ?", (actor_id,))
        if not found:
            raise NotFoundError(f"There is no actor {actor_id}.")
        actor = found[0]
        aliases = actor_aliases(
            (r[0] for r in self._rows(_ALIAS_SQL, (actor_id,))),
            actor[1],
        )
        if limit is not None:
            return self._bounded(actor, aliases, limit)
        articles = dossier_articles(self._rows(_ARTICLES, (0, actor_id, actor_id, actor_id)))
        roles = self._roles(actor_id, None)
        row = dossier_actor(
            actor,
            sum(a.mentions for a in articles),
            len(articles),
            aliases,
            dict.fromkeys(r.role for r in roles),
        )
        return Dossier(
            actor=row,
            articles=tuple(articles),
            quotes=tuple(self._quotes("quotes.speaker_id = ?", (actor_id,))),
            roles=tuple(roles),
            related=tuple(related_rows(self._rows(_RELATED, (actor_id, actor_id)))),
            annotations=tuple(self._annotated(actor_id, sum(a.mentions for a in articles))),
        )

    def _bounded(self, actor: Sequence[Any], aliases: tuple[str, ...], limit: int) -> Dossier:
        actor_id = actor[0]
        days = self._rows(DAYS_SQL, (actor_id,))
        summary = ArticleSummary(days, self._rows(QUOTED_SQL, (actor_id, actor_id)), limit)
        summary.read_newest(
            lambda cutoff, most: int(self._rows(LIBRARY_FROM_SQL, (cutoff, most, 0))[0][0]),
            lambda cutoff: self._rows(BY_DATE_SQL, (cutoff, actor_id)),
            lambda cutoff: self._rows(BY_ACTOR_SQL, (actor_id, cutoff)),
        )
        quote_ids = [r[0] for r in self._rows(_QUOTE_IDS, (actor_id, limit, 0))]
        quotes = self._quotes(f"quotes.id IN {_marks(len(quote_ids))}", quote_ids) if quote_ids else []
        roles = self._roles(actor_id, limit)
        totals = summary.totals(
            mentions=self._count(
                "SELECT actor_counts.mentions \nFROM actor_counts \nWHERE actor_counts.actor_id = ?", actor_id
            ),
            quotes=self._count("SELECT count(quotes.id) FROM quotes WHERE quotes.speaker_id = ?", actor_id),
            roles=self._count(
                "SELECT count(actor_roles.id) FROM actor_roles WHERE actor_roles.actor_id = ?", actor_id
            ),
        )
        annotations = self._annotated(actor_id, totals.mentions)
        distinct = self._rows(DISTINCT_ROLES_SQL.format(ids="(?)"), (actor_id,))
        row = dossier_actor(actor, totals.mentions, totals.articles, aliases, (str(r[1]) for r in distinct))
        shown = summary.shown(quotes, roles, annotations)
        articles = []
        if shown:
            found = self._rows(MENTIONS_SQL.format(ids=_marks(len(shown))), (actor_id, *shown))
            summary.mentions = {int(a): int(n) for a, n in found}
            articles = self._rows(_ARTICLES_BY_ID.format(ids=_marks(len(shown))), shown)
        return Dossier(
            actor=row,
            articles=tuple(articles_by_id(articles, summary.mentions)),
            quotes=tuple(quotes),
            roles=tuple(roles),
            related=tuple(
                related_rows(self._rows(_RELATED + "\n LIMIT ? OFFSET ?", (actor_id, actor_id, limit, 0)))
            ),
            annotations=tuple(annotations),
            totals=totals,
            days=summary.days,
        )

    def _count(self, statement: str, actor_id: int) -> int:
        found = self._rows(statement, (actor_id,))
        return int(found[0][0] or 0) if found else 0

    def _roles(self, actor_id: int, newest: int | None) -> list[DossierRole]:
        if newest is None:
            order = f" ORDER BY {DAY}, actor_roles.article_id, actor_roles.id"
            return dossier_roles(self._rows(_ROLES + order, (actor_id,)), False)
        order = f" ORDER BY {DAY} DESC, actor_roles.article_id DESC, actor_roles.id DESC\n LIMIT ? OFFSET ?"
        return dossier_roles(self._rows(_ROLES + order, (actor_id, newest, 0)), True)

    def _annotated(self, actor_id: int, mentions: int) -> list[AnnotationRow]:
        notes = int(self._rows("SELECT count(*) FROM annotations", ())[0][0]) if mentions else 0
        statement = ANNOTATED_BY_NOTES if mentions > notes else _ANNOTATED
        ids = [r[0] for r in self._rows(statement, (actor_id, actor_id))]
        return self._annotations(ids) if ids else []
