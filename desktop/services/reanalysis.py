"""Analysing stored articles again: their entities and quotes, or only quotes and sentence indices.

Articles imported before quote finding (``analysis_version`` below the current one) need only
their quotes and the sentence index of each mention: :meth:`Reanalyzer.run` with
``entities=False`` does that from the stored mentions, without the recogniser. With
``entities=True`` an article's names are recognised and linked again (the user's actor
corrections are part of the library recogniser), then its quotes are found again. Either way
the user's quote corrections are re-applied and annotations are not touched. Each article is
one transaction, so an interruption keeps every article finished before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.names import match_key
from desktop.core.entities.own_outlet import own_outlet_keys
from desktop.core.entities.recognizer import Recognizer
from desktop.core.quotes import find_quotes
from desktop.core.sentences import SentenceLookup, sentence_spans
from desktop.core.types import EntitySpan, EntityType, LinkedActor
from desktop.services.analysis import QuoteFinder, replace_quotes, run_quote_finder
from desktop.services.import_store import store_actors
from desktop.services.queries import NotFoundError
from desktop.services.resolver import ActorResolver
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorRole, Article, EntityRejection, Mention, Quote, QuoteCorrection

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def _no_progress(done: int, total: int, label: str) -> None:
    return None


def _never() -> bool:
    return False


@dataclass(frozen=True)
class ReanalysisResult:
    """What one article's new analysis found."""

    article_id: int
    title: str
    mentions: int
    quotes: int
    entities: bool  # True when the names were recognised again

    def as_json(self) -> dict[str, object]:
        """The JSON shape of one entry of ``reanalyze --json``."""
        return {
            "id": self.article_id,
            "title": self.title,
            "mentions": self.mentions,
            "quotes": self.quotes,
            "entities": self.entities,
        }


def all_article_ids(library: Library) -> list[int]:
    """Every article of the library, oldest first."""
    with library.read_session() as session:
        return list(session.scalars(select(Article.id).order_by(Article.id)))


def _stored_actors(session: Session, article_id: int) -> tuple[list[LinkedActor], list[int]]:
    """The article's actors as stored (first mention first) and their library ids."""
    rows = session.execute(
        select(Mention.actor_id, Mention.start, Mention.end, Mention.text, Actor.name, Actor.type)
        .join(Actor, Actor.id == Mention.actor_id)
        .where(Mention.article_id == article_id)
        .order_by(Mention.start, Mention.id)
    )
    spans: dict[int, list[EntitySpan]] = {}
    names: dict[int, tuple[str, EntityType]] = {}
    for actor_id, start, end, text, name, kind in rows:
        spans.setdefault(actor_id, []).append(EntitySpan(start, end, text, kind))  # type: ignore[arg-type]
        names[actor_id] = (name, kind)  # type: ignore[assignment]
    roles: dict[int, list[str]] = {}
    for actor_id, role in session.execute(
        select(ActorRole.actor_id, ActorRole.role)
        .where(ActorRole.article_id == article_id)
        .order_by(ActorRole.id)
    ):
        roles.setdefault(actor_id, []).append(role)
    ids = list(spans)
    actors = [
        LinkedActor(
            key=match_key(names[i][0]),
            name=names[i][0],
            type=names[i][1],
            aliases=tuple(dict.fromkeys(s.text for s in spans[i])),
            roles=tuple(roles.get(i, ())),
            mentions=tuple(spans[i]),
        )
        for i in ids
    ]
    return actors, ids


class Reanalyzer:
    """Brings stored articles up to date with the current analysis, one transaction per article."""

    def __init__(
        self,
        library: Library,
        *,
        recognizer: Recognizer | None = None,
        gazetteer: Gazetteer | None = None,
        quote_finder: QuoteFinder = find_quotes,
    ) -> None:
        self._library = library
        self._recognizer = recognizer
        self._gazetteer = gazetteer
        self._quote_finder = quote_finder

    @property
    def gazetteer(self) -> Gazetteer:
        """Place names and name variants used for linking (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def run(
        self,
        article_ids: Sequence[int],
        *,
        entities: bool,
        progress: Progress = _no_progress,
        cancelled: Cancelled = _never,
    ) -> list[ReanalysisResult]:
        """Analyse the articles again; stops between two articles when ``cancelled()``."""
        if entities and self._recognizer is None:
            raise ValueError("recognising entities again needs a recogniser")
        results: list[ReanalysisResult] = []
        resolver: ActorResolver | None = None
        rejected: frozenset[str] = frozenset()
        if entities:
            with self._library.read_session() as session:
                resolver = ActorResolver(session, self.gazetteer)
                rejected = frozenset(session.scalars(select(EntityRejection.key)))
        try:
            for index, article_id in enumerate(article_ids):
                if cancelled():
                    break
                progress(index, len(article_ids), f"article {article_id}")
                if resolver is not None:
                    results.append(self._entities_and_quotes(article_id, resolver, rejected))
                else:
                    results.append(self._quotes(article_id))
            progress(len(results), len(article_ids), "")
        finally:
            if entities:
                with self._library.session() as session:
                    remove_orphan_actors(session)
        return results

    def _article(self, session: Session, article_id: int) -> Article:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        return article

    def _quotes(self, article_id: int) -> ReanalysisResult:
        """Sentence indices and quotes from the stored mentions (no recognition)."""
        with self._library.session() as session:
            article = self._article(session, article_id)
            text = article.text
            actors, actor_ids = _stored_actors(session, article_id)
            quotes, version = run_quote_finder(self._quote_finder, text, article.language, actors)
            sentences = SentenceLookup(sentence_spans(text))
            updates = [
                {"id": mention_id, "sentence": sentences.index(start)}
                for mention_id, start in session.execute(
                    select(Mention.id, Mention.start).where(Mention.article_id == article_id)
                )
            ]
            if updates:
                session.execute(update(Mention), updates)
            replace_quotes(session, article_id, text, quotes, actor_ids)
            article.analysis_version = version
            return self._result(session, article, entities=False)

    def _entities_and_quotes(
        self, article_id: int, resolver: ActorResolver, rejected: frozenset[str]
    ) -> ReanalysisResult:
        """Recognise, link and resolve the article's names again, then find its quotes."""
        assert self._recognizer is not None
        with self._library.read_session() as session:
            article = self._article(session, article_id)
            text, language = article.text, article.language
            own_outlet = own_outlet_keys(article.outlet, article.source_url)
        spans = self._recognizer.recognize(text, language)
        actors = link_mentions(
            text, language, spans, rejected=rejected, gazetteer=self.gazetteer, own_outlet=own_outlet
        )
        quotes, version = run_quote_finder(self._quote_finder, text, language, actors)
        sentences = SentenceLookup(sentence_spans(text))
        try:
            with self._library.session() as session:
                article = self._article(session, article_id)
                resolver.refresh(session)  # actors other writers made or changed meanwhile
                session.execute(delete(Mention).where(Mention.article_id == article_id))
                session.execute(delete(ActorRole).where(ActorRole.article_id == article_id))
                actor_ids = store_actors(session, resolver, article_id, actors, sentences)
                replace_quotes(session, article_id, text, quotes, actor_ids)
                article.analysis_version = version
                return self._result(session, article, entities=True)
        except BaseException:
            resolver.invalidate()  # actors created in the rolled-back transaction do not exist
            raise

    @staticmethod
    def _result(session: Session, article: Article, *, entities: bool) -> ReanalysisResult:
        session.flush()
        mentions = session.scalar(select(func.count(Mention.id)).where(Mention.article_id == article.id))
        quotes = session.scalar(select(func.count(Quote.id)).where(Quote.article_id == article.id))
        return ReanalysisResult(article.id, article.title, int(mentions or 0), int(quotes or 0), entities)


def remove_orphan_actors(session: Session) -> int:
    """Delete automatic actors left without any mention (and named in no quote correction)."""
    orphans = select(Actor.id).where(
        Actor.confirmed.is_(False),
        ~exists().where(Mention.actor_id == Actor.id),
        ~exists().where(QuoteCorrection.speaker_id == Actor.id),
    )
    ids = list(session.scalars(orphans))
    if ids:
        session.execute(delete(Actor).where(Actor.id.in_(ids)))
    return len(ids)
