"""Property tests of the Markdown export: whatever punctuation a title or a quote holds, the
rendered document shows exactly that text (no markup injected, nothing lost) and the front
matter reads back as the same strings."""

from __future__ import annotations

import html
import re

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm import gfm_plugin

from desktop.core.export_md import (
    UNTITLED,
    ExportAnnotation,
    ExportArticle,
    render_article,
    render_collection,
)
from desktop.core.mdescape import normalize_inline, split_lines

MARKDOWN = [
    MarkdownIt("commonmark").use(front_matter_plugin),
    MarkdownIt("commonmark").use(front_matter_plugin).use(gfm_plugin),
]
ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n"
PUNCTUATION = [*ASCII_PUNCTUATION, "\r", "\u2028", "\x85", "\xa0", "«", "»", "„", "“"]
TEXT = st.text(alphabet=st.sampled_from(PUNCTUATION) | st.characters(), max_size=60)
WORDY = st.text(alphabet=st.sampled_from([*PUNCTUATION, "a", "B", "1", "ä"]), max_size=60)
TITLES = TEXT | WORDY
QUOTES = st.lists(TITLES, min_size=1, max_size=4).map("\n".join)
_INNER = re.compile(r"<(h[12]|p)>(.*?)</\1>", re.S)


def article(title: str, quotes: list[str], actors: tuple[str, ...] = ()) -> ExportArticle:
    notes = tuple(
        ExportAnnotation(i + 1, i * 10, i * 10 + 5, quote, "", ("nato",), "yellow")
        for i, quote in enumerate(quotes)
    )
    return ExportArticle(1, title, "de", None, "2026-12-06", ("nato",), actors, notes)


def inline_text(md: MarkdownIt, token: Token) -> str:
    """The text an inline token renders to (only plain text and line breaks are allowed in it)."""
    assert {c.type for c in token.children or []} <= {"text", "softbreak"}, token.children
    rendered = md.renderer.render([token], md.options, {})
    return html.unescape(rendered)


def expected_quote_paragraphs(quote: str) -> list[str]:
    lines = [normalize_inline(line).strip() for line in split_lines(quote)]
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return ["\n".join(p) for p in paragraphs if p]


def front_matter(document: str) -> dict[str, object]:
    assert document.startswith("---\n")
    loaded = yaml.safe_load(document.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def one_line(text: str) -> str:
    return " ".join(normalize_inline(text).split())


def body_structure(md: MarkdownIt, document: str) -> tuple[list[Token], list[str], list[list[str]]]:
    """The tokens, the heading texts, and the paragraph texts of each block quote."""
    tokens = md.parse(document)
    headings = [inline_text(md, tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    quotes: list[list[str]] = []
    depth = 0
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            depth += 1
            quotes.append([])
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth and token.type == "inline":
            quotes[-1].append(inline_text(md, token))
        elif depth:
            assert token.type in ("paragraph_open", "paragraph_close"), tokens[i]
    return tokens, headings, quotes


@settings(max_examples=300, deadline=None)
@given(title=TITLES, quotes=st.lists(QUOTES, min_size=1, max_size=3), actors=st.lists(TITLES, max_size=3))
@example(title="t", quotes=["[\n]()"], actors=[])  # a link whose text runs over a line break
@example(title="t", quotes=["a [b\nc](d) $e\nf$"], actors=[])
def test_an_article_export_shows_exactly_its_title_and_quotes(
    title: str, quotes: list[str], actors: list[str]
) -> None:
    document = render_article(article(title, quotes, tuple(actors)))
    meta = front_matter(document)
    assert meta["title"] == (one_line(title) or UNTITLED)
    assert meta["actors"] == [one_line(a) for a in actors if one_line(a)]
    for md in MARKDOWN:
        tokens, headings, blockquotes = body_structure(md, document)
        assert tokens[0].type == "front_matter"
        assert headings == [normalize_inline(title.strip()) or UNTITLED]
        assert blockquotes == [expected_quote_paragraphs(q) for q in quotes]
        assert "<script" not in md.render(document).lower() or "&lt;script" in md.render(document).lower()


@settings(max_examples=200, deadline=None)
@given(heading=TITLES, titles=st.lists(TITLES, min_size=1, max_size=3), quote=QUOTES)
def test_a_collection_export_shows_exactly_its_headings_and_quotes(
    heading: str, titles: list[str], quote: str
) -> None:
    articles = [article(t, [quote]) for t in titles]
    document = render_collection(heading, articles, kind="tag")
    assert front_matter(document)["title"] == (one_line(heading) or UNTITLED)
    for md in MARKDOWN:
        _tokens, headings, blockquotes = body_structure(md, document)
        assert headings == [normalize_inline(t.strip()) or UNTITLED for t in [heading, *titles]]
        assert blockquotes == [expected_quote_paragraphs(quote)] * len(titles)
