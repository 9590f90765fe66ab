"""Bound the work an HTML page can cause before a parser sees it.

Linear passes over the markup (comments and script-like contents blanked out) count elements
and attributes and measure the nesting. A page with too many attributes on one element, too
many attributes or too many elements is refused (the parser and the extractor slow down
quadratically on such pages). Nesting deeper than the parser accepts is flattened instead, so
that no text is lost: tags below :data:`MAX_DEPTH` are dropped (a block-level one becomes
``<br>``) and their text stays. A DOCTYPE with an internal subset (``<!DOCTYPE html [ … ]>``),
which HTML parsers end at the first ``>``, is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from desktop.core.ingest.base import IngestError, describe

MAX_ATTRIBUTES = 256
"""Most attributes one element may have (real pages use a few dozen at most)."""

MAX_TOTAL_ATTRIBUTES = 400_000
"""Most attributes in the whole page."""

MAX_ELEMENTS = 500_000
"""Most elements (start tags) in a page."""

MAX_DEPTH = 200
"""Deepest nesting handed to the parsers (libxml2 gives up at 256 and drops the rest)."""

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"}
    | {"track", "wbr", "basefont", "bgsound", "frame", "keygen", "command", "isindex", "image"}
)
_BLOCK = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "table", "ul", "ol", "dl"}
    | {"section", "article", "main", "blockquote", "pre", "figure", "figcaption", "address", "details"}
    | {"summary", "hr", "body", "header", "footer", "nav", "aside", "td", "th", "form", "fieldset"}
)
# An element of the key's kind closes an open element of these kinds (a simplified HTML rule).
_CLOSES = {
    "p": frozenset({"p"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "option": frozenset({"option"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
}
# What is never markup: comments, declarations, processing instructions, and the contents of
# script-like elements (which are leaves, whatever their content looks like). Unclosed ones run
# to the end, so every pattern here stays linear.
_NOT_MARKUP_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp|noembed|noframes|iframe)\b.*?(?:</\1\s*+>|\Z)"
    r"|<[!?][^>]*+>?",
    re.DOTALL | re.IGNORECASE,
)
_START_TAG_RE = re.compile(r"<[A-Za-z]")
_ATTRIBUTES = r"(?:[^>\"']++|\"[^\"]*+\"?|'[^']*+'?)*+"  # quoted values may hold ">"
_TAG_RE = re.compile(rf"<(/?)([A-Za-z][^\s/>]*+)({_ATTRIBUTES})>?")
_ATTRIBUTE = r"[^\s\"'>/=]++(?:\s*+=\s*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\s>\"']*+))?+"
_ATTRIBUTE_RE = re.compile(_ATTRIBUTE)
_TOO_MANY_ATTRIBUTES_RE = re.compile(rf"<[A-Za-z][^\s/>]*+(?:[\s/]*+{_ATTRIBUTE}){{{MAX_ATTRIBUTES + 1}}}")
_DOCTYPE_SUBSET_RE = re.compile(r"<!doctype[^\[>]*+\[", re.IGNORECASE)
_SUBSET_END_RE = re.compile(r"\]\s*+>")


@dataclass(frozen=True)
class GuardedMarkup:
    """The markup to parse (maybe flattened) and how many elements it has."""

    markup: str
    elements: int
    flattened: bool


def _page(name: str) -> str:
    return f"The HTML page {describe(name)}" if name else "The HTML page"


def _refused(name: str, what: str) -> IngestError:
    return IngestError(f"{_page(name)} has {what}; it is refused as too complex to read.")


def _without_doctype_subset(markup: str) -> str:
    """Remove a DOCTYPE with an internal subset near the start (its ``]>`` would become text)."""
    head = _DOCTYPE_SUBSET_RE.search(markup, 0, 4096)
    if head is None:
        return markup
    end = _SUBSET_END_RE.search(markup, head.end())
    return markup[: head.start()] + (markup[end.end() :] if end else "")


def _skeleton(markup: str) -> str:
    """``markup`` with everything that is not markup blanked out (same length, same positions)."""
    return _NOT_MARKUP_RE.sub(lambda m: " " * len(m.group()), markup)


def _naive_depth(tags: list[tuple[str, str, str]]) -> int:
    """Deepest nesting if no element were closed implicitly (an upper bound, computed fast)."""
    steps = (
        -1 if slash else 0 if name.lower() in _VOID or attrs.endswith("/") else 1
        for slash, name, attrs in tags
    )
    return max(accumulate(steps, initial=0))


def _flatten(markup: str, skeleton: str) -> str | None:
    """Drop the tags nested deeper than :data:`MAX_DEPTH`; None when no tag is that deep."""
    stack: list[tuple[str, bool]] = []
    open_count: dict[str, int] = {}
    edits: list[tuple[int, int, str]] = []
    for match in _TAG_RE.finditer(skeleton):
        closing, tag, attributes = match.groups()
        tag = tag.lower()
        if closing:
            if not open_count.get(tag):
                continue  # a stray end tag: parsers ignore it
            while True:
                name, kept = stack.pop()
                open_count[name] -= 1
                if name == tag:
                    if not kept:
                        edits.append((match.start(), match.end(), "<br>" if tag in _BLOCK else ""))
                    break
            continue
        closes = _CLOSES.get(tag, frozenset())
        while stack and (stack[-1][0] in closes or (tag in _BLOCK and stack[-1][0] == "p")):
            name, _kept = stack.pop()
            open_count[name] -= 1
        if tag in _VOID or attributes.rstrip().endswith("/"):
            continue
        kept = len(stack) < MAX_DEPTH
        if not kept:
            edits.append((match.start(), match.end(), "<br>" if tag in _BLOCK else ""))
        stack.append((tag, kept))
        open_count[tag] = open_count.get(tag, 0) + 1
    if not edits:
        return None
    pieces: list[str] = []
    last = 0
    for start, end, replacement in edits:
        pieces.extend([markup[last:start], replacement])
        last = end
    pieces.append(markup[last:])
    return "".join(pieces)


def guard_markup(markup: str, *, name: str = "") -> GuardedMarkup:
    """Check ``markup`` against the limits; flatten too deep nesting. Raises :class:`IngestError`."""
    markup = _without_doctype_subset(markup)
    skeleton = _skeleton(markup)
    elements = len(_START_TAG_RE.findall(skeleton))
    if elements > MAX_ELEMENTS:
        raise _refused(name, f"more than {MAX_ELEMENTS:,} elements")
    if _TOO_MANY_ATTRIBUTES_RE.search(skeleton):
        raise IngestError(
            f"{_page(name)} has an element with more than {MAX_ATTRIBUTES} attributes; "
            "it is refused as malformed."
        )
    tags = _TAG_RE.findall(skeleton)
    attributes = len(_ATTRIBUTE_RE.findall(" ".join(attrs for slash, _, attrs in tags if not slash)))
    if attributes > MAX_TOTAL_ATTRIBUTES:
        raise _refused(name, f"more than {MAX_TOTAL_ATTRIBUTES:,} attributes")
    if _naive_depth(tags) <= MAX_DEPTH:
        return GuardedMarkup(markup, elements, flattened=False)
    flattened = _flatten(markup, skeleton)
    if flattened is None:
        return GuardedMarkup(markup, elements, flattened=False)
    return GuardedMarkup(flattened, elements, flattened=True)
