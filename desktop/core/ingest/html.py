"""HTML pages: the main text (no navigation, ads, scripts, comments) plus metadata.

The page is only parsed, never rendered: nothing it references (scripts, images, frames,
``file://`` URLs) is fetched or executed.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import re
from typing import Any

from desktop.core.ingest.base import Extracted, clean_meta, clean_title, iso_date
from desktop.core.ingest.html_guard import guard_markup

MAX_EXTRACTOR_ELEMENTS = 30_000
"""Pages with more elements skip the main-text extractor (it needs seconds per 10,000 elements)
and are read by the plain extraction: all text of the body without scripts and page furniture.
So are pages nested too deeply, whose structure the extractor misjudges (it drops paragraphs)."""

# Elements whose content is never article text (or is active content).
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
)
# Elements after which a paragraph ends (for the fallback extraction).
_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "table", "ul", "ol", "dl"}
    | {"section", "article", "main", "blockquote", "pre", "figure", "figcaption", "address", "details"}
    | {"summary", "hr", "body"}
)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_INLINE_SPACE_RE = re.compile(r"[^\S\n]+")
_ROW_RE = re.compile(r"^(?:\||[-*•] |\d{1,3}[.)] )")
_PARAGRAPH_MARK = "\u2029"  # placeholder for paragraph ends in the fallback extraction

_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "favor_precision": False,
    "no_fallback": False,
    # Dates only from markup (meta tags, structured data, URL), not guessed from body text.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def _web_url(value: object) -> str | None:
    url = clean_meta(value)
    if url and url.lower().startswith(("http://", "https://")) and " " not in url:
        return url
    return None


def _paragraphs(lines_text: str) -> str:
    """Join trafilatura's one-line-per-block output with blank lines between paragraphs.

    Consecutive table rows and list items stay on adjacent lines.
    """
    out: list[str] = []
    previous_row = False
    for line in lines_text.split("\n"):
        line = line.strip()
        if not line:
            continue
        row = bool(_ROW_RE.match(line))
        if out:
            out.append("\n" if row and previous_row else "\n\n")
        out.append(line)
        previous_row = row
    return "".join(out)


def _page_title(markup: str) -> str | None:
    match = _TITLE_RE.search(markup[:200_000])
    if not match:
        return None
    return clean_title(html_lib.unescape(re.sub(r"<[^>]*>", " ", match.group(1))))


def fallback_text(markup: str) -> str:
    """Text of ``<body>`` without scripts, styles, frames and page furniture (via lxml)."""
    import lxml.html

    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, default_doctype=False
    )
    try:
        tree = lxml.html.document_fromstring(markup, parser=parser)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return ""
    for element in list(tree.iter(*_DROP_TAGS)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCK_TAGS:
            element.tail = _PARAGRAPH_MARK + (element.tail or "")
            element.text = _PARAGRAPH_MARK + (element.text or "")
        elif tag in ("td", "th"):
            element.tail = " | " + (element.tail or "")
    body = tree.find(".//body")
    raw = (body if body is not None else tree).text_content()
    paragraphs = []
    for block in raw.split(_PARAGRAPH_MARK):
        lines = [_INLINE_SPACE_RE.sub(" ", line).strip(" |") for line in block.split("\n")]
        block_text = "\n".join(line.strip() for line in lines if line.strip())
        if block_text:
            paragraphs.append(block_text)
    return "\n\n".join(paragraphs)


_Meta = tuple[str | None, str | None, str | None, str | None, str | None]


def _metadata(found: Any) -> _Meta:
    """(title, author, ISO date, web URL, site name) from a trafilatura result."""
    return (
        clean_title(getattr(found, "title", None)),
        clean_meta(getattr(found, "author", None)),
        iso_date(getattr(found, "date", None)),
        _web_url(getattr(found, "url", None)),
        clean_meta(getattr(found, "sitename", None)),
    )


def read_html(markup: str, *, name: str = "") -> Extracted:
    """Extract the main text and metadata of an HTML page given as str.

    Raises :class:`~desktop.core.ingest.base.IngestError` for pages beyond the limits of
    :mod:`desktop.core.ingest.html_guard`.
    """
    import trafilatura

    guarded = guard_markup(_XML_DECL_RE.sub("", markup, count=1), name=name)
    markup = guarded.markup
    result: Any = None
    if guarded.flattened or guarded.elements > MAX_EXTRACTOR_ELEMENTS:
        return Extracted(text=fallback_text(markup), title=_page_title(markup))
    if markup.strip():
        try:
            result = trafilatura.bare_extraction(markup, **_TRAFILATURA_OPTIONS)
        except (ValueError, TypeError, AttributeError, RecursionError):
            result = None  # malformed markup: the lxml fallback below copes
    text = _paragraphs(result.text) if result is not None and result.text else ""
    meta: _Meta = _metadata(result) if result is not None else (None, None, None, None, None)
    if not text.strip():
        text = fallback_text(markup)
        if result is None and markup.strip():
            with contextlib.suppress(ValueError, TypeError, AttributeError, RecursionError):
                meta = _metadata(trafilatura.extract_metadata(markup, extensive=False))
    title, author, published, url, outlet = meta
    return Extracted(
        text=text,
        title=title or _page_title(markup),
        author=author,
        published=published,
        source_url=url,
        outlet=outlet[:200] if outlet else None,
    )
