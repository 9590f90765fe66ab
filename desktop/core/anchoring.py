"""Anchoring annotations to article text, in the manner of Hypothesis' text-quote selectors.

An annotation remembers its offsets and a :class:`TextQuote` (the exact passage plus some
context). When the text changes, :func:`reanchor` finds the passage again: at the old position,
elsewhere as an exact copy whose context fits, or as a close fuzzy match. When the evidence is
weak it gives up ("orphaned") rather than attach the note to the wrong passage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from desktop.core.errors import UserError
from desktop.core.textcanon import CanonicalText, canonical_needle, find_all, fold_case

if TYPE_CHECKING:
    from types import ModuleType

AnchorStatus = Literal["exact", "moved", "fuzzy", "orphaned"]

#: Minimum rapidfuzz ratio (0-100) of a fuzzy match, and the allowed change of length.
FUZZY_MIN_SCORE = 85.0
FUZZY_MAX_LENGTH_CHANGE = 0.25
#: Passages shorter than this are never matched fuzzily (too easy to find by chance).
FUZZY_MIN_CHARS = 8
#: An exact copy this long that occurs only once is accepted even without matching context.
SELF_EVIDENT_CHARS = 16
#: ... and is taken as "moved" without a check only when its context resembles the old one or
#: it is at least this long (shorter unique copies in a new context are "fuzzy": checked).
CERTAIN_CHARS = 48
#: How far around the old position the fuzzy search looks first.
FUZZY_WINDOW = 500
#: Passages longer than this are located by fuzzy-matching pieces of PROBE_CHARS characters.
LONG_PASSAGE = 600
PROBE_CHARS = 200
#: How much lower the first, rough fuzzy search may score than the refined match must.
ROUGH_SLACK = 10.0


class AnchorError(UserError, ValueError):
    """A passage cannot be selected or found; the message is one sentence for the user."""


class QuoteNotFoundError(AnchorError):
    """The quoted passage does not occur in the text."""


class AmbiguousQuoteError(AnchorError):
    """The quoted passage occurs several times; ``count`` says how often."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


@dataclass(frozen=True)
class TextQuote:
    """The annotated passage with up to ``context`` characters before and after it."""

    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Anchor:
    """Where a passage now is. ``score`` is the similarity of the passage found (0-1)."""

    start: int
    end: int
    status: AnchorStatus
    score: float


def make_quote(text: str, start: int, end: int, context: int = 32) -> TextQuote:
    """Capture ``text[start:end]`` with ``context`` characters of prefix and suffix."""
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(text):
        raise AnchorError(
            f"The selection {start}-{end} is not a non-empty range inside the text (0-{len(text)})."
        )
    if context < 0:
        raise AnchorError("The amount of context must not be negative.")
    return TextQuote(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def find_quote(text: str, quote: str, *, where: str = "the article") -> tuple[int, int]:
    """Find the one passage of ``text`` that ``quote`` denotes and return its offsets.

    Whitespace runs match any whitespace run (line breaks included), typographic quotes and
    dashes match their plain forms, and case is ignored only when no passage matches with the
    exact case. ``where`` names the text in messages, e.g. ``"article 12"``.
    """
    needle = canonical_needle(quote)
    if not needle:
        raise AnchorError("The quote is empty; give a passage from the text to annotate.")
    canon = CanonicalText.of(text)
    hits = find_all(canon.text, needle)
    if not hits:
        hits = find_all(fold_case(canon.text), fold_case(needle))
    if not hits:
        raise QuoteNotFoundError(f"The quoted passage was not found in {where}.")
    if len(hits) > 1:
        raise AmbiguousQuoteError(
            f"The quoted passage occurs {len(hits)} times in {where}; "
            "quote a longer passage so that it is unique.",
            len(hits),
        )
    return canon.span(hits[0], hits[0] + len(needle))


# --- re-anchoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fit:
    """How well the context around one occurrence agrees with the quote's context."""

    start: int
    points: int  # matching context characters, plus one per matching text boundary
    possible: int
    one_side_complete: bool

    @property
    def ratio(self) -> float:
        return self.points / self.possible if self.possible else 0.0


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _fit(text: str, quote: TextQuote, start: int) -> _Fit:
    """Score the context of the occurrence of ``quote.exact`` at ``start``.

    A prefix or suffix shorter than the other one was cut by the start or end of the text; for
    such a side, being at the same text boundary counts as one more matching character.
    """
    prefix, suffix = quote.prefix, quote.suffix
    end = start + len(quote.exact)
    window = max(len(prefix), len(suffix))
    before = _common_suffix(text[max(0, start - len(prefix)) : start], prefix)
    after = _common_prefix(text[end : end + len(suffix)], suffix)
    points, possible = before + after, len(prefix) + len(suffix)
    prefix_done = before == len(prefix) and len(prefix) > 0
    suffix_done = after == len(suffix) and len(suffix) > 0
    if len(prefix) < window:  # the quote began near the start of the text
        possible += 1
        at_boundary = before == len(prefix) and start == len(prefix)
        points += at_boundary
        prefix_done = at_boundary
    if len(suffix) < window:  # the quote ended near the end of the text
        possible += 1
        at_boundary = after == len(suffix) and end + len(suffix) == len(text)
        points += at_boundary
        suffix_done = at_boundary
    return _Fit(start, points, possible, prefix_done or suffix_done)


def _clamped(text: str, start: int, end: int) -> tuple[int, int]:
    a = min(max(start, 0), len(text))
    return a, min(max(end, a), len(text))


def _exact_anchor(text: str, quote: TextQuote, start: int, end: int) -> Anchor | None:
    """Find an exact copy of the passage: at the old place, or where its context fits best."""
    exact = quote.exact
    at_old = start >= 0 and text[start:end] == exact
    if at_old:
        fit = _fit(text, quote, start)
        if fit.points == fit.possible:  # nothing can fit better than a perfect fit here
            return Anchor(start, end, "exact", 1.0)
    hits = find_all(text, exact)
    if not hits:
        return None
    best = max((_fit(text, quote, s) for s in hits), key=lambda f: (f.points, -abs(f.start - start)))
    if at_old and best.start == start:
        return Anchor(start, end, "exact", 1.0)
    credible = (
        best.one_side_complete
        or best.ratio >= 0.5
        # unique, and either long or without any recorded context to go by
        or (len(hits) == 1 and (len(exact) >= SELF_EVIDENT_CHARS or best.possible == 0))
    )
    if credible:
        a, b = best.start, best.start + len(exact)
        if (
            best.one_side_complete
            or best.ratio >= 0.5
            or best.possible == 0
            or len(exact) >= CERTAIN_CHARS
            or _context_agrees(text, quote, a, b)
        ):
            return Anchor(a, b, "moved", 1.0)
        # The same words, but nothing around them as before: perhaps the passage was deleted and
        # this is another place that says the same. Ask the user rather than guess.
        return Anchor(a, b, "fuzzy", 1.0)
    if at_old:  # same passage at the same place: weaker than a good fit elsewhere, still sound
        return Anchor(start, end, "exact", 1.0)
    return None


def _fuzz() -> ModuleType:
    """rapidfuzz's scorers, imported when a passage has to be found fuzzily (not when a program starts)."""
    from rapidfuzz import fuzz

    return fuzz


def _refine(text: str, exact: str, a: int, b: int) -> tuple[float, int, int]:
    """Adjust the end, then the start, of a rough alignment for the best ``fuzz.ratio``."""
    ratio = _fuzz().ratio
    n, size = len(text), len(exact)
    lo_len = max(1, int(size * (1 - FUZZY_MAX_LENGTH_CHANGE)))
    hi_len = int(size * (1 + FUZZY_MAX_LENGTH_CHANGE))
    radius = min(max(size // 4, 1), 200)

    def score(x: int, y: int) -> float:
        return ratio(exact, text[x:y]) if lo_len <= y - x <= hi_len else -1.0

    best = (score(a, b), a, b)
    for y in range(max(a + lo_len, b - radius), min(n, a + hi_len, b + radius) + 1):
        s = score(a, y)
        if s > best[0]:
            best = (s, a, y)
    _, a, b = best
    for x in range(max(0, b - hi_len, a - radius), min(b - lo_len, a + radius) + 1):
        s = score(x, b)
        if s > best[0]:
            best = (s, x, b)
    return best


def _snap(text: str, exact: str, a: int, b: int, cutoff: float) -> tuple[float, int, int] | None:
    """Move the ends of a fuzzy match to where the passage's first and last words are, if close.

    The best ratio may cut a word off a passage that grew (an inserted word makes a shorter
    span score higher); the passage's own first and last characters say where it really starts
    and ends. None when there is nothing to move or the moved span scores below ``cutoff``.
    """
    radius = max(16, len(exact) // 3)
    x, y = a, b
    for k in range(max(3, min(12, len(exact) // 4)), 2, -3):  # shorter when a word was put in early
        head = exact[:k]
        around = range(max(0, a - radius), min(len(text), a + radius) + 1)
        starts = [v for v in around if text.startswith(head, v)]
        if starts:
            x = min(starts, key=lambda v: abs(v - a))
            break
    for k in range(max(3, min(12, len(exact) // 4)), 2, -3):
        tail = exact[-k:]
        around = range(max(k, b - radius), min(len(text), b + radius) + 1)
        ends = [v for v in around if text[v - k : v] == tail]
        if ends:
            y = min(ends, key=lambda v: abs(v - b))
            break
    if (x, y) == (a, b) or y - x < len(exact) * (1 - FUZZY_MAX_LENGTH_CHANGE):
        return None
    if y - x > len(exact) * (1 + FUZZY_MAX_LENGTH_CHANGE):
        return None
    score = _fuzz().ratio(exact, text[x:y])
    return (score, x, y) if score >= cutoff else None


def _rough_regions(text: str, exact: str, lo: int, hi: int, cutoff: float) -> list[tuple[int, int]]:
    """Rough places of ``exact`` in ``text[lo:hi]``; long passages are located by probes."""
    window = text[lo:hi]
    if len(window) <= len(exact):
        return [(lo, hi)]
    fuzz = _fuzz()
    if len(exact) <= LONG_PASSAGE:
        hit = fuzz.partial_ratio_alignment(exact, window, score_cutoff=cutoff)
        return [] if hit is None else [(lo + hit.dest_start, lo + hit.dest_end)]
    regions: list[tuple[int, int]] = []
    for offset in (0, (len(exact) - PROBE_CHARS) // 2, len(exact) - PROBE_CHARS):
        probe = exact[offset : offset + PROBE_CHARS]
        hit = fuzz.partial_ratio_alignment(probe, window, score_cutoff=cutoff)
        if hit is None:
            continue
        a = max(lo, lo + hit.dest_start - offset)
        if all(abs(a - seen) > PROBE_CHARS // 4 for seen, _ in regions):
            regions.append((a, min(hi, a + len(exact))))
    return regions


def _align(
    text: str, exact: str, lo: int, hi: int, cutoff: float = FUZZY_MIN_SCORE
) -> tuple[float, int, int] | None:
    """Best fuzzy match of ``exact`` inside ``text[lo:hi]``, refined, or None below ``cutoff``."""
    best: tuple[float, int, int] | None = None
    # The rough search compares equal lengths, so an inserted or deleted word costs it more than
    # the refined ratio: look with some slack, then hold the refined match to ``cutoff``.
    for a, b in _rough_regions(text, exact, lo, hi, cutoff - ROUGH_SLACK):
        found = _refine(text, exact, a, b)
        found = _snap(text, exact, found[1], found[2], cutoff) or found
        if found[0] >= cutoff and (best is None or found[0] > best[0]):
            best = found
    return best


def _context_agrees(text: str, quote: TextQuote, a: int, b: int) -> bool:
    """Whether the text before or after a fuzzy match resembles the quote's context."""
    before = text[max(0, a - len(quote.prefix)) : a]
    after = text[b : b + len(quote.suffix)]
    sides = [(before, quote.prefix), (after, quote.suffix)]
    ratio = _fuzz().ratio
    return any(q and ratio(t, q) >= 80 for t, q in sides)


def _fuzzy_anchor(text: str, quote: TextQuote, start: int, end: int) -> Anchor | None:
    """Find a close match of the passage, near the old place first, then anywhere."""
    exact = quote.exact
    if len(exact) < FUZZY_MIN_CHARS or not text:
        return None
    span = max(FUZZY_WINDOW, 2 * len(exact))
    lo, hi = max(0, min(start, len(text)) - span), min(len(text), max(end, 0) + span)
    near = _align(text, exact, lo, hi)
    if near is not None and (len(exact) >= SELF_EVIDENT_CHARS or _context_agrees(text, quote, *near[1:])):
        return Anchor(near[1], near[2], "fuzzy", near[0] / 100)
    if lo == 0 and hi == len(text):
        return None
    anywhere = _align(text, exact, 0, len(text))
    if anywhere is None:
        return None
    score, a, b = anywhere
    if len(exact) < SELF_EVIDENT_CHARS and not _context_agrees(text, quote, a, b):
        return None
    # A second, about as good match elsewhere makes the choice a guess: give up instead.
    masked = text[:a] + "\x00" * (b - a) + text[b:]
    if _align(masked, exact, 0, len(masked), cutoff=max(FUZZY_MIN_SCORE, score - 5)) is not None:
        return None
    return Anchor(a, b, "fuzzy", score / 100)


def reanchor(text: str, quote: TextQuote, start: int, end: int) -> Anchor:
    """Locate the annotated passage in (possibly changed) ``text``.

    Tries, in order: the old offsets ("exact"), an exact copy elsewhere whose context fits best
    and that lies nearest to the old place ("moved"), a fuzzy match of at least
    ``FUZZY_MIN_SCORE`` with a length within ±25 % ("fuzzy"). Otherwise the result is
    "orphaned" with the old offsets clamped to the text.
    """
    if quote.exact:
        found = _exact_anchor(text, quote, start, end) or _fuzzy_anchor(text, quote, start, end)
        if found is not None:
            return found
    a, b = _clamped(text, start, end)
    return Anchor(a, b, "orphaned", 0.0)
