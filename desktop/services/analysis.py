"""What an article's analysis stores besides its mentions: sentence indices and quotes.

Shared by the importer and by re-analysis. Quotes are found in core
(:func:`desktop.core.quotes.find_quotes`, injectable for tests); this module checks what the
finder returns, maps each speaker (an index into the article's actors) to a library actor id,
stores the quotes and re-applies the user's quote corrections, which always win.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.core.cancel import OperationCancelled, raise_if_cancelled
from desktop.core.types import ANALYSIS_VERSION as ANALYSIS_VERSION
from desktop.core.types import FoundQuote, LinkedActor
from desktop.storage.bulk import insert_tuples
from desktop.storage.db import Library
from desktop.storage.models import Article, Quote, QuoteCorrection

#: The analysis an article's stored results come from. Articles with a lower
#: ``articles.analysis_version`` predate quotes and sentence indices (``reanalyze`` updates them).

_log = logging.getLogger(__name__)


def outdated_article_ids(library: Library) -> list[int]:
    """Articles analysed before the current analysis (no quotes or sentence indices yet), oldest first.

    Sorted here, not in SQL: ordered by id, SQLite walks the whole articles table instead of seeking
    the (usually empty) range in the analysis version's index, which read every article at each start.
    """
    with library.read_session() as session:
        return sorted(session.scalars(select(Article.id).where(Article.analysis_version < ANALYSIS_VERSION)))


class QuoteFinder(Protocol):
    """The signature of :func:`desktop.core.quotes.find_quotes`."""

    def __call__(
        self,
        text: str,
        language: str,
        actors: Sequence[LinkedActor],
        *,
        cancelled: Callable[[], bool] = ...,
    ) -> list[FoundQuote]:
        """The statements reported in ``text``."""
        ...


def scope_cancelled() -> bool:
    """Whether the enclosing :func:`desktop.core.cancel.cancel_scope` has been cancelled."""
    try:
        raise_if_cancelled()
    except OperationCancelled:
        return True
    return False


def run_quote_finder(
    finder: QuoteFinder,
    text: str,
    language: str,
    actors: Sequence[LinkedActor],
    *,
    cancelled: Callable[[], bool] = scope_cancelled,
) -> tuple[list[FoundQuote], int]:
    """The finder's quotes that make sense for ``text``, and the analysis version they give.

    A failing finder must not cost the user the article: it is logged, the article is stored
    without quotes and keeps version 0, so that ``reanalyze`` tries again later. Cancelling
    (within the importer's cancel scope) raises :class:`OperationCancelled`: no partial quotes.
    """
    try:
        found = finder(text, language, actors, cancelled=cancelled)
    except OperationCancelled:
        raise
    except Exception:
        _log.exception("quote finding failed; the article is stored without quotes")
        return [], 0
    raise_if_cancelled()
    return [q for q in found if _plausible(q, len(text), len(actors))], ANALYSIS_VERSION


def _plausible(quote: FoundQuote, length: int, actors: int) -> bool:
    def span_ok(start: int | None, end: int | None) -> bool:
        if start is None or end is None:
            return start is None and end is None
        return 0 <= start < end <= length

    return (
        quote.kind in ("direct", "indirect")
        and span_ok(quote.start, quote.end)
        and span_ok(quote.cue_start, quote.cue_end)
        and span_ok(quote.speaker_start, quote.speaker_end)
        and (quote.speaker is None or 0 <= quote.speaker < actors)
    )


def insert_quotes(
    session: Session, article_id: int, quotes: Sequence[FoundQuote], actor_ids: Sequence[int]
) -> None:
    """Store found quotes; ``actor_ids[i]`` is the library id of the article's actor ``i``."""
    insert_tuples(session, Quote, QUOTE_COLUMNS, quote_tuples(article_id, quotes, actor_ids))


QUOTE_COLUMNS = (
    "article_id",
    "start",
    "end",
    "kind",
    "cue_start",
    "cue_end",
    "speaker_id",
    "speaker_start",
    "speaker_end",
    "source",
    "origin",
)
"""The columns of :func:`quote_tuples`' rows, in their order."""


def quote_tuples(
    article_id: int, quotes: Sequence[FoundQuote], actor_ids: Sequence[int]
) -> list[tuple[object, ...]]:
    """The ``quotes`` rows of found quotes in :data:`QUOTE_COLUMNS` order (for inserting many articles'
    quotes at once with :func:`desktop.storage.bulk.insert_tuples`)."""
    return [
        (
            article_id,
            q.start,
            q.end,
            q.kind,
            q.cue_start,
            q.cue_end,
            None if q.speaker is None else actor_ids[q.speaker],
            q.speaker_start,
            q.speaker_end,
            q.source[:200] if q.source else None,
            "auto",
        )
        for q in quotes
    ]


def replace_quotes(
    session: Session, article_id: int, text: str, quotes: Sequence[FoundQuote], actor_ids: Sequence[int]
) -> None:
    """Replace an article's quotes by freshly found ones, then re-apply the user's corrections."""
    session.execute(delete(Quote).where(Quote.article_id == article_id))
    insert_quotes(session, article_id, quotes, actor_ids)
    apply_corrections(session, article_id, text)


# --- the user's corrections -----------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def same_statement(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two message spans are the same statement: they share at least half of each."""
    shared = _overlap(a, b)
    return shared > 0 and 2 * shared >= a[1] - a[0] and 2 * shared >= b[1] - b[0]


def locate(text: str, start: int, end: int, exact: str) -> tuple[int, int] | None:
    """Where the corrected message ``exact`` is in ``text``: at its span, else its nearest copy."""
    if text[start:end] == exact:
        return start, end
    if not exact:
        return None
    found = [m.start() for m in re.finditer(re.escape(exact), text)]
    if not found:
        return None
    best = min(found, key=lambda at: abs(at - start))
    return best, best + len(exact)


def apply_correction(session: Session, text: str, correction: QuoteCorrection) -> int | None:
    """Make the article's quotes agree with one correction; returns the corrected quote's id.

    "reject" deletes the statement(s) at the span; "quote" gives the best-matching found quote
    the corrected span, kind and speaker (keeping its cue), or adds the quote when none matches.
    """
    span = locate(text, correction.start, correction.end, correction.exact)
    if span is None:
        return None  # the text no longer holds the message: the correction waits, unused
    candidates = [
        (row.id, (row.start, row.end))
        for row in session.execute(
            select(Quote.id, Quote.start, Quote.end).where(
                Quote.article_id == correction.article_id, Quote.start < span[1], Quote.end > span[0]
            )
        )
    ]
    matching = [c for c in candidates if c[1] == span or same_statement(c[1], span)]
    if correction.action == "reject":
        if matching:
            session.execute(delete(Quote).where(Quote.id.in_([c[0] for c in matching])))
        return None
    values: dict[str, Any] = {
        "start": span[0],
        "end": span[1],
        "kind": correction.kind,
        "speaker_id": correction.speaker_id,
        "speaker_start": None,  # where the text names the speaker is no longer known
        "speaker_end": None,
        "origin": "user",
    }
    if correction.speaker_id is not None:
        values["source"] = None
    if matching:
        best = max(matching, key=lambda c: (c[1] == span, _overlap(c[1], span)))[0]
        session.execute(update(Quote).where(Quote.id == best).values(**values))
        return int(best)
    return int(
        session.execute(
            insert(Quote).values(article_id=correction.article_id, **values).returning(Quote.id)
        ).scalar_one()
    )


def apply_corrections(session: Session, article_id: int, text: str) -> None:
    """Re-apply every correction the user made to the article's quotes (oldest first)."""
    corrections = session.scalars(
        select(QuoteCorrection)
        .where(QuoteCorrection.article_id == article_id)
        .order_by(QuoteCorrection.created_at, QuoteCorrection.id)
    )
    for correction in list(corrections):
        apply_correction(session, text, correction)
