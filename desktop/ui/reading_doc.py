"""Building the reading document and colouring it.

The article text is untrusted: it is inserted as plain text, one block per line, never
parsed as HTML. Highlights are character-format merges applied in one edit block.
Qt positions count UTF-16 units; ``DocLayout`` converts the store's code-point offsets.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from desktop.core.article_labels import header_line, local_date
from desktop.core.offsets import OffsetMap
from desktop.services.dto import AnnotationRow, ArticleDetail, MentionRow, QuoteRow
from desktop.ui.i18n import format_date, translate
from desktop.ui.palette import (
    annotation_background,
    annotation_color,
    entity_background,
    entity_color,
    quote_color,
)

SERIF_FAMILIES = (
    "Source Serif 4",
    "Source Serif Pro",
    "Charter",
    "Iowan Old Style",
    "Georgia",
    "Cambria",
    "Noto Serif",
    "Liberation Serif",
    "DejaVu Serif",
)
DEFAULT_POINT_SIZE = 12.0
MIN_POINT_SIZE, MAX_POINT_SIZE = 7.0, 32.0
LINE_HEIGHT_PERCENT = 150
MEASURE_CHARS = 70  # comfortable line length in average characters
# Characters Qt would turn into block or frame boundaries; replaced one for one to keep offsets.
_STRUCTURAL = {"\r": " ", "\u2029": " ", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd"}
_STRUCTURAL_RE = re.compile("[" + "".join(_STRUCTURAL) + "]")


def _without_structural(text: str) -> str:
    """``text`` with the characters of :data:`_STRUCTURAL` replaced (a search first: most have none,
    and ``str.translate`` with a table walks every character in Python-level lookups)."""
    if _STRUCTURAL_RE.search(text) is None:
        return text
    return _STRUCTURAL_RE.sub(lambda m: _STRUCTURAL[m.group()], text)


def reading_family() -> str:
    """The first installed reading serif, or the generic serif family."""
    installed = set(QFontDatabase.families())
    for family in SERIF_FAMILIES:
        if family in installed:
            return family
    return "serif"


def reading_font(point_size: float) -> QFont:
    """The body font at ``point_size``."""
    font = QFont(reading_family())
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size)))
    return font


def measure_width(font: QFont, chars: int = MEASURE_CHARS) -> float:
    """Pixel width of a line of about ``chars`` average characters."""
    metrics = QFontMetricsF(font)
    sample = "Die Leserin liest den Text in Ruhe und mit Genuss, Zeile um Zeile."
    return metrics.horizontalAdvance(sample) / len(sample) * chars


@dataclass
class DocLayout:
    """Where the body text sits in the document and how to convert offsets."""

    body_start: int
    text: str
    headline_chars: int = 0  # the body's first line is shown as the headline (code points)
    headline_format: QTextCharFormat | None = None
    offsets: OffsetMap = field(init=False)

    def __post_init__(self) -> None:
        self.offsets = OffsetMap(self.text)

    @property
    def body_end(self) -> int:
        """Qt position after the last body character."""
        return self.body_start + self.offsets.utf16_length

    def qt_pos(self, index: int) -> int:
        """Qt position of body code-point ``index`` (clamped to the body)."""
        return self.body_start + self.offsets.to_utf16(max(0, min(index, self.offsets.length)))

    def index(self, position: int) -> int | None:
        """Body code-point index of Qt ``position``; None before the body."""
        if position < self.body_start:
            return None
        return self.offsets.from_utf16(min(position - self.body_start, self.offsets.utf16_length))


def meta_line(detail: ArticleDetail) -> str:
    """Outlet (or site), author, publication date (else "imported …") and language; never a file path."""
    if detail.published:
        when = format_date(detail.published)
    elif detail.imported_at:
        when = translate("ReadingDoc", "imported {date}").format(
            date=format_date(local_date(detail.imported_at))
        )
    else:
        when = ""
    return header_line(detail, author=detail.author, language=detail.language, when=when)


def body_char_format(palette: QPalette) -> QTextCharFormat:
    """The plain body format: no highlight, the palette's text colour."""
    fmt = QTextCharFormat()
    fmt.setForeground(palette.color(QPalette.ColorRole.Text))
    fmt.clearBackground()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    return fmt


def build_document(
    doc: QTextDocument,
    detail: ArticleDetail,
    font: QFont,
    palette: QPalette,
    marks: Callable[[DocLayout], None] | None = None,
) -> DocLayout:
    """Fill ``doc`` with the title, a metadata line and the body text; return the body layout.

    ``marks`` is called with the layout before the text is laid out, inside the same edit block:
    highlights applied there cost Qt one layout of the article instead of two.

    The whole replacement (clear included) is one edit block, so Qt sees a new document rather than
    an edit of the old one: it lays out the first screen now and the rest in steps after the first
    paint (QTextDocumentLayout's lazy layout), instead of the whole article before anything is shown.
    """
    doc.setUndoRedoEnabled(False)
    frame = doc.rootFrame().frameFormat()
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    doc.clear()
    # clear() resets the page margins; set again now, while the document is empty, they spare Qt a
    # second layout of the whole text when the reading pane centres the column again.
    doc.rootFrame().setFrameFormat(frame)
    doc.setDefaultFont(font)
    line = QFontMetricsF(font).height()
    cursor = QTextCursor(doc)
    title_block = QTextBlockFormat()
    title_block.setBottomMargin(line * 0.35)
    title_block.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    title_fmt = QTextCharFormat()
    title_fmt.setFontPointSize(font.pointSizeF() * 1.6)
    title_fmt.setFontWeight(QFont.Weight.Bold)
    title_fmt.setForeground(palette.color(QPalette.ColorRole.Text))
    meta_block = QTextBlockFormat()
    meta_fmt = QTextCharFormat()
    meta_fmt.setFontPointSize(font.pointSizeF() * 0.85)
    meta_fmt.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
    lines = detail.text.split("\n")
    # Plain-text articles begin with their title: show that line as the headline instead of twice.
    title_in_body = " ".join(lines[0].split()) == " ".join(detail.title.split()) and bool(lines[0].strip())
    if title_in_body:
        meta_block.setBottomMargin(line * 0.3)
        cursor.setBlockFormat(meta_block)
        cursor.setBlockCharFormat(meta_fmt)
        cursor.insertText(meta_line(detail), meta_fmt)
    else:
        cursor.setBlockFormat(title_block)
        cursor.setBlockCharFormat(title_fmt)
        cursor.insertText(" ".join(detail.title.split()) or translate("ReadingDoc", "Untitled"), title_fmt)
        meta_block.setBottomMargin(line * 1.2)
        cursor.insertBlock(meta_block, meta_fmt)
        cursor.insertText(meta_line(detail), meta_fmt)
    text_fmt = body_char_format(palette)
    paragraph = QTextBlockFormat()
    paragraph.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    paragraph.setBottomMargin(line * 0.7)
    empty = QTextBlockFormat()
    empty.setLineHeight(line * 0.2, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    headline = QTextBlockFormat(title_block)
    headline.setBottomMargin(line * 0.9)
    body_start = -1
    for number, raw in enumerate(lines):
        is_headline = title_in_body and number == 0
        block = headline if is_headline else paragraph if raw.strip() else empty
        fmt = QTextCharFormat(text_fmt)
        if is_headline:
            fmt.setFontPointSize(title_fmt.fontPointSize())
            fmt.setFontWeight(QFont.Weight.Bold)
        cursor.insertBlock(block, fmt)
        if body_start < 0:
            body_start = cursor.position()
        if raw:
            cursor.insertText(_without_structural(raw), fmt)
    if title_in_body:
        headline_fmt = QTextCharFormat()
        headline_fmt.setFontPointSize(title_fmt.fontPointSize())
        headline_fmt.setFontWeight(QFont.Weight.Bold)
        layout = DocLayout(body_start, detail.text, len(lines[0]), headline_fmt)
    else:
        layout = DocLayout(body_start, detail.text)
    if marks is not None:
        marks(layout)
    edit.endEditBlock()
    return layout


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


def quote_tooltip(quote: QuoteRow) -> str:
    """Who made a statement, as the reading pane's tooltip says it (plain text)."""
    kind = (
        translate("ReadingDoc", "Direct quote")
        if quote.kind == "direct"
        else translate("ReadingDoc", "Reported speech")
    )
    if quote.speaker_name:
        who = quote.speaker_name
    elif quote.source:
        who = translate("ReadingDoc", "unnamed source ({source})").format(source=quote.source)
    else:
        who = translate("ReadingDoc", "no speaker named")
    return f"{kind}: {who}"


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
