"""Which actor another one should be merged into: candidates ranked by name similarity and type."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.core.textfold import fold
from desktop.services.dto import ActorRow
from desktop.services.queries import NotFoundError, list_actors

#: Similarity (0–100) from which a name counts as "similar": similar names of the same type come first.
SIMILAR = 60.0
PARTIAL_MIN_CHARS = 5
TYPE_WORDS = {
    "person": "a person",
    "organization": "an organisation",
    "location": "a place",
    "other": "other",
}


@dataclass(frozen=True)
class MergeCandidate:
    """An actor the source could be merged into, with how alike their names are (0–100)."""

    actor: ActorRow
    similarity: float


def _key(name: str) -> str:
    from rapidfuzz import utils  # loaded when candidates are asked for, not when the window starts

    return utils.default_process(fold(name))


def _pair(a: str, b: str) -> float:
    """Shared words ("Sanders" in "Bernie Sanders"), or a close spelling of part of a longer name
    ("Kowalczyk" ~ "Kowalska"); very short names only by whole words (a partial match of "USA"
    says nothing). A tenth of the score is the likeness of the whole names, so the same name
    ranks above a name that merely contains it."""
    from rapidfuzz import fuzz

    score = float(fuzz.token_set_ratio(a, b))
    if min(len(a), len(b)) >= PARTIAL_MIN_CHARS:
        score = max(score, 0.9 * fuzz.partial_ratio(a, b))
    return 0.9 * score + 0.1 * fuzz.ratio(a, b)


def name_similarity(names: list[str], other: list[str]) -> float:
    """Best similarity between any name of one actor and any name of another (case and accents ignored)."""
    keys = [k for k in map(_key, names) if k]
    return max((_pair(a, b) for a in keys for b in map(_key, other) if b), default=0.0)


def merge_candidates(session: Session, actor_id: int) -> tuple[ActorRow, list[MergeCandidate]]:
    """The actor (with its library-wide counts) and every other actor, most plausible target first.

    Order: similar names of the same type, similar names of another type, then the rest (same type
    first); within each group by similarity, then by mentions. Nothing is implied to be chosen.
    """
    actors = list_actors(session, None)
    source = next((a for a in actors if a.id == actor_id), None)
    if source is None:
        raise NotFoundError(f"There is no actor {actor_id} with mentions in this library.")
    names = [source.name, *source.aliases]
    scored = [
        MergeCandidate(a, name_similarity(names, [a.name, *a.aliases])) for a in actors if a.id != actor_id
    ]
    scored.sort(
        key=lambda c: (
            c.similarity < SIMILAR,
            c.actor.type != source.type,
            -c.similarity,
            -c.actor.mentions,
            c.actor.name.casefold(),
        )
    )
    return source, scored


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def merge_summary(source: ActorRow, target: ActorRow) -> str:
    """What merging ``source`` into ``target`` does, in one sentence for the confirmation."""
    one = source.mentions == 1
    becomes = "becomes a mention" if one else "become mentions"
    kind = "" if source.type == target.type else f", {TYPE_WORDS.get(target.type, target.type)}"
    return (
        f"{_count(source.mentions, 'mention')} of “{source.name}” in {_count(source.articles, 'article')} "
        f"{becomes} of “{target.name}”{kind}; “{source.name}” stays one of its names."
    )
