"""Marks on the reading document: entity, annotation and quote highlights, transient selections
and tooltips.

Highlights are character-format merges applied in one edit block (see :func:`apply_highlights`);
positions are the store's code-point offsets, converted with ``DocLayout`` (reading_doc).
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from desktop.services.dto import AnnotationRow, MentionRow, QuoteRow
from desktop.ui.i18n import translate
from desktop.ui.palette import (
    annotation_background,
    annotation_color,
    entity_background,
    entity_color,
    quote_color,
)
from desktop.ui.reading_doc import DocLayout, body_char_format


@dataclass(frozen=True)
class Span:
    """A highlighted range of the body in code points."""

    start: int
    end: int
    ref: int  # actor id or annotation id
    key: str  # entity type or colour name


class SpanIndex:
    """Finds the span under a body offset (spans may not overlap; the first wins)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        self.spans: list[Span] = ordered
        self._starts = [s.start for s in ordered]

    def at(self, index: int) -> list[Span]:
        """Every span containing ``index``, innermost (latest start) first."""
        hits = [s for s in self.spans[: bisect_right(self._starts, index)] if s.start <= index < s.end]
        return sorted(hits, key=lambda s: (-s.start, s.end))


def mention_spans(mentions: Sequence[MentionRow]) -> list[Span]:
    """Entity spans of an article's mentions."""
    return [Span(m.start, m.end, m.actor_id, m.type) for m in mentions if m.end > m.start]


def annotation_spans(annotations: Sequence[AnnotationRow]) -> list[Span]:
    """Annotation spans (orphaned annotations have no place in the text)."""
    return [Span(a.start, a.end, a.id, a.color) for a in annotations if not a.orphaned and a.end > a.start]


def quote_spans(quotes: Sequence[QuoteRow]) -> list[Span]:
    """Spans of the reported messages (key: "direct" or "indirect")."""
    return [Span(q.start, q.end, q.id, q.kind) for q in quotes if q.end > q.start]


def _segments(layers: Sequence[Sequence[Span]], length: int) -> list[tuple[int, int, list[Span | None]]]:
    """Cut the body at every span boundary; for each piece, the innermost span of each layer."""
    cuts = {0, length}
    for layer in layers:
        for span in layer:
            cuts.update((max(0, min(span.start, length)), max(0, min(span.end, length))))
    points = sorted(cuts)
    ordered = [sorted(layer, key=lambda s: s.start) for layer in layers]
    next_index = [0] * len(layers)
    active: list[list[Span]] = [[] for _ in layers]
    out = []
    for a, b in itertools.pairwise(points):
        current: list[Span | None] = []
        for k, layer in enumerate(ordered):
            while next_index[k] < len(layer) and layer[next_index[k]].start <= a:
                active[k].append(layer[next_index[k]])
                next_index[k] += 1
            active[k] = [s for s in active[k] if s.end > a]
            current.append(max(active[k], key=lambda s: s.start) if active[k] else None)
        if any(current):
            out.append((a, b, current))
    return out


def highlight_format(
    entity: Span | None, note: Span | None, palette: QPalette, quote: Span | None = None
) -> QTextCharFormat:
    """Entities: soft tint and a dotted underline in the type colour; annotations: a stronger
    background in their colour (plus the thick underline the browser paints, see
    ``annotation_underlines``); where both meet, the annotation's background with the entity's
    dotted underline. Quoted messages keep all that and take the quote ink for their text (the
    browser adds a bar in the margin, see ``quote_bars``)."""
    fmt = QTextCharFormat()
    if quote is not None:
        fmt.setForeground(quote_color(palette))
    if note is not None:
        fmt.setBackground(annotation_background(note.key, palette))
    if entity is not None:
        if note is None:
            fmt.setBackground(entity_background(entity.key, palette))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(entity_color(entity.key))
    return fmt


def apply_highlights(
    doc: QTextDocument,
    layout: DocLayout,
    entities: Sequence[Span],
    annotations: Sequence[Span],
    palette: QPalette,
    quotes: Sequence[Span] = (),
    *,
    fresh: bool = False,
) -> None:
    """Reset the body's formats and merge in entity, annotation and quote marks (one edit block).

    ``fresh``: the body was just built by :func:`build_document` and carries no marks yet, so the
    reset (which makes Qt lay out the whole body again) is left out.
    """
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    if not fresh:
        cursor.setPosition(layout.body_start)
        cursor.setPosition(layout.body_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(body_char_format(palette))
    if not fresh and layout.headline_format is not None and layout.headline_chars:
        cursor.setPosition(layout.body_start)
        cursor.setPosition(layout.qt_pos(layout.headline_chars), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(layout.headline_format)
    formats: dict[tuple[str | None, str | None, bool], QTextCharFormat] = {}  # one per combination
    for start, end, (entity, note, quote) in _segments(
        [entities, annotations, quotes], layout.offsets.length
    ):
        key = (entity.key if entity else None, note.key if note else None, quote is not None)
        fmt = formats.get(key)
        if fmt is None:
            fmt = formats[key] = highlight_format(entity, note, palette, quote)
        cursor.setPosition(layout.qt_pos(start))
        cursor.setPosition(layout.qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


def annotation_underlines(layout: DocLayout, annotations: Sequence[Span]) -> list[tuple[int, int, QColor]]:
    """Thick underlines of annotations in Qt positions, for ``ReadingBrowser.set_underlines``."""
    return [
        (layout.qt_pos(s.start), layout.qt_pos(s.end), annotation_color(s.key).darker(110))
        for s in annotations
    ]


def quote_bars(layout: DocLayout, quotes: Sequence[Span], palette: QPalette) -> list[tuple[int, int, QColor]]:
    """Margin bars beside quoted messages in Qt positions, for ``ReadingBrowser.set_bars``."""
    ink = quote_color(palette)
    return [(layout.qt_pos(s.start), layout.qt_pos(s.end), ink) for s in quotes]


def extra_selections(
    doc: QTextDocument,
    layout: DocLayout,
    spans: Iterable[tuple[int, int]],
    background: QColor,
    *,
    foreground: QColor | None = None,
) -> list[QTextEdit.ExtraSelection]:
    """Transient highlights (search hits, the selected actor, find matches) drawn over the text."""
    out = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(doc)
        cursor.setPosition(layout.qt_pos(start))
        cursor.setPosition(layout.qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[misc]
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        if foreground is not None:
            fmt.setForeground(foreground)
        selection.format = fmt  # type: ignore[misc]
        out.append(selection)
    return out


def qt_ranges(layout: DocLayout, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Body spans in code points as Qt position ranges."""
    return [(layout.qt_pos(start), layout.qt_pos(end)) for start, end in spans]


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _escape(text: str) -> str:
    """``html.escape`` without importing ``html`` (its entity tables) on the window's start."""
    return text.translate(_ESCAPES)


def tooltip_html(
    actor_text: str | None, meaning: str, note: str | None, quote_text: str | None = None
) -> str | None:
    """Tooltip for a place in the text: the actor (first line bold), the annotation's note, then
    who said it when the place is in a quoted message.

    Everything from the library is escaped: names and notes are never interpreted as markup.
    """
    parts = []
    if actor_text:
        first, *rest = actor_text.split("\n")
        parts.append("<b>" + _escape(first) + "</b>" + "".join("<br>" + _escape(x) for x in rest))
    if note is not None:
        body = (
            _escape(note[:300] + ("…" if len(note) > 300 else ""))
            if note
            else translate("ReadingDoc", "<i>no note</i>")
        )
        parts.append(f"<i>{_escape(meaning)}</i>: {body}")
    if quote_text:
        parts.append(_escape(quote_text))
    return "<qt>" + "<hr>".join(parts) + "</qt>" if parts else None
