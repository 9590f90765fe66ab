"""What the window reads: each function opens one short read session and returns plain data.

The window never holds a session; it runs these off the GUI thread (``ctx.tasks.run``) and gets
data objects back (desktop/services/dto.py), so what it shows cannot reach back into the database.
"""

from __future__ import annotations

from desktop.services.actor_pages import ACTOR_PAGE, FIRST_PAGE, ActorGroup, actor_page, first_pages
from desktop.services.article_pages import (
    ArticleQuery,
    article_page,
    count_articles,
    library_size,
    search_page,
    search_snippets,
)
from desktop.services.authors import authors_in_use
from desktop.services.dto import ActorRow, AnnotationRow, ArticleDetail, ArticlePage, SearchPage, Snippet
from desktop.services.library import Library
from desktop.services.library_filters import ActorChoice, actor_choices, actor_suggestions, tags_in_use
from desktop.services.merge_candidates import MergeCandidate, merge_candidates
from desktop.services.queries import annotated_articles, annotation_rows, article_detail, list_actors

Named = tuple[tuple[int, str], ...]


def article_with_actors(library: Library, article_id: int) -> tuple[ArticleDetail, list[ActorRow]]:
    """An article as the reading pane shows it, and its actors (most mentioned first)."""
    with library.read_session() as session:
        return article_detail(session, article_id), list_actors(session, article_id)


def annotations_with_actors(library: Library, article_id: int) -> tuple[list[AnnotationRow], list[ActorRow]]:
    """An article's annotations in document order, and its actors."""
    with library.read_session() as session:
        return annotation_rows(session, article_id), list_actors(session, article_id)


def actors_of(library: Library, article_id: int | None) -> list[ActorRow]:
    """The actors of one article, or of the whole library (None), most mentioned first."""
    with library.read_session() as session:
        return list_actors(session, article_id)


def library_actors_first(
    library: Library, text: str = "", limit: int = FIRST_PAGE
) -> tuple[list[ActorGroup], dict[str, list[ActorRow]]]:
    """The library's actors by type (names containing ``text``): totals and the first ``limit`` of each."""
    with library.read_session() as session:
        return first_pages(session, text, limit)


def library_actors_more(library: Library, kind: str, offset: int, text: str = "") -> list[ActorRow]:
    """The next page of the library's actors of type ``kind`` (names containing ``text``)."""
    with library.read_session() as session:
        return actor_page(session, kind, offset, ACTOR_PAGE, text)


def merge_choices(library: Library, actor_id: int) -> tuple[ActorRow, list[MergeCandidate]]:
    """An actor and the actors it could be merged into, most plausible first."""
    with library.read_session() as session:
        return merge_candidates(session, actor_id)


def tags_and_actor_names(library: Library) -> tuple[list[str], list[str]]:
    """Tags in use and the distinct names of mentioned actors (the export dialog's choices)."""
    with library.read_session() as session:
        return tags_in_use(session), list(dict.fromkeys(a.name for a in actor_choices(session)))


def note_choices(library: Library) -> tuple[tuple[str, ...], Named, Named, tuple[str, ...]]:
    """Tags in use, actors (id, name), the articles that have notes (id, title, by title) and the
    names that wrote notes."""
    with library.read_session() as session:
        actors = tuple((a.id, a.name) for a in actor_choices(session))
        articles = tuple(annotated_articles(session))  # not every article of the library
        authors = tuple(authors_in_use(session, notes_only=True))
        return tuple(tags_in_use(session)), actors, articles, authors


def filter_choices(
    library: Library, include: int | None = None
) -> tuple[list[str], list[ActorChoice], list[str]]:
    """Tags in use, the most mentioned actors (with actor ``include`` among them) and the names
    recorded with the library's work."""
    with library.read_session() as session:
        return tags_in_use(session), actor_suggestions(session, include=include), authors_in_use(session)


def matching_actors(library: Library, text: str) -> list[ActorChoice]:
    """Actors whose names contain ``text``."""
    with library.read_session() as session:
        return actor_suggestions(session, text)


def list_page(
    library: Library, query: ArticleQuery, offset: int, limit: int, search_limit: int, *, with_size: bool
) -> tuple[ArticlePage | SearchPage, int]:
    """A page of the article list (the best ``search_limit`` hits when ``query`` searches), and the
    library's size when ``with_size`` (else -1)."""
    with library.read_session() as session:
        page: ArticlePage | SearchPage
        if query.search:
            page = search_page(session, query, search_limit)
        else:
            page = article_page(session, query, offset, limit)
        return page, library_size(session) if with_size else -1


def snippets_of(library: Library, search: str, ids: list[int]) -> dict[int, Snippet]:
    """Snippets for the hits a search page left without one (``search_page(..., snippets=N)``)."""
    with library.read_session() as session:
        return search_snippets(session, search, ids)


def listed_count(library: Library, query: ArticleQuery) -> int:
    """How many articles ``query`` lists (search aside)."""
    with library.read_session() as session:
        return count_articles(session, query)
