"""Escaping of article text for Markdown: nothing in it may become markup."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm import gfm_plugin

from desktop.core.mdescape import escape_inline, normalize_inline, quote_block

COMMONMARK = MarkdownIt("commonmark")
# GFM with tables, strikethrough, autolinks, task lists, alerts, footnotes, plus $maths$.
RICH = MarkdownIt("commonmark").use(gfm_plugin).use(footnote_plugin).use(dollarmath_plugin)

HOSTILE = [
    "*x*",
    "_x_",
    "**b**",
    "# h",
    "## h ##",
    "1. x",
    "1) x",
    "- x",
    "+ x",
    "> q",
    "[l](u)",
    "![i](u)",
    "[r]: http://x",
    "<script>alert(1)</script>",
    "<!-- c -->",
    "<https://x.example>",
    "https://x.example/a_b",
    "www.x.example",
    "==m==",
    "[[W]]",
    "![[W]]",
    "| a | b |",
    "&amp;",
    "&#60;",
    "$x$",
    "$$x$$",
    "~~s~~",
    "~s~",
    "---",
    "***",
    "===",
    "```",
    "~~~",
    "`code`",
    "    indented",
    "\tindented",
    "x\\",
    "\\*",
    "- [ ] task",
    "[^1]",
    "%%c%%",
    "#tag",
    "^block-id",
    "key:: value",
    "> [!NOTE]",
    "a  \nb",
    "{.class}",
]


def html_text(text: str) -> str:
    """What markdown-it writes for plain text: &, <, > and " escaped."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def assert_plain_paragraph(md: MarkdownIt, source: str, expected: str) -> None:
    tokens = md.parse(escape_inline(source))
    if not expected:
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert md.render(escape_inline(source)) == f"<p>{html_text(expected)}</p>\n"


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_escape_inline_renders_exactly_the_text(s: str) -> None:
    assert_plain_paragraph(COMMONMARK, s, normalize_inline(s))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab :/.\n\t*_[]()<>#=|~$%^&!-+`'\"\\{}1@w")) | st.characters()))
def test_escape_inline_is_inert_with_extensions(s: str) -> None:
    assert_plain_paragraph(RICH, s, normalize_inline(s))


@pytest.mark.parametrize("source", HOSTILE)
@pytest.mark.parametrize("md", [COMMONMARK, RICH], ids=["commonmark", "gfm"])
def test_hostile_inline_text_stays_text(md: MarkdownIt, source: str) -> None:
    assert_plain_paragraph(md, source, normalize_inline(source))


def live(escaped: str, sequence: str) -> bool:
    """Whether ``sequence`` occurs in ``escaped`` with its first character not backslash-escaped."""
    start = escaped.find(sequence)
    while start != -1:
        backslashes = len(escaped[:start]) - len(escaped[:start].rstrip("\\"))
        if backslashes % 2 == 0:
            return True
        start = escaped.find(sequence, start + 1)
    return False


@pytest.mark.parametrize(
    ("source", "sequences"),
    [
        ("[[W]]", ["[["]),
        ("![[W]]", ["[["]),
        ("==m==", ["=="]),
        ("%%c%%", ["%%"]),
        ("#tag", ["#t"]),
        ("a #tag", ["#t"]),
        ("a ^block-id", ["^b"]),
        ("^[inline]", ["^["]),
        ("key:: v", ["::"]),
        ("$x$", ["$"]),
        ("~~s~~", ["~"]),
        ("https://x.example", ["://"]),
        ("[x](y)", ["["]),
        ("[^1]", ["[^"]),
    ],
)
def test_obsidian_syntax_is_escaped(source: str, sequences: list[str]) -> None:
    escaped = escape_inline(source)
    for sequence in sequences:
        assert not live(escaped, sequence), escaped


@pytest.mark.parametrize(
    "source",
    [
        "Koalition der Willigen: Welche Sicherheitsgarantien für Kyjiw?",
        "000_7f783bb47adde24b.txt",
        "Er sagte: „Wir werden das prüfen.“ (dpa) - 5 % mehr; 3/4 der Befragten!",
        "Ein Zitat […] mit Auslassung",
        "C# und F#, Nr. # 5, @handle, A & B, costs $5, x_y_z, e.g. 1.5",
        "wie www-Seiten zeigen: 12:30 Uhr",
    ],
)
def test_ordinary_punctuation_is_not_escaped(source: str) -> None:
    assert escape_inline(source) == source


_WORDS = st.from_regex(r"[A-Za-zÄÖÜäöüß0-9]{1,8}", fullmatch=True).filter(lambda w: w.lower() != "www")
_SEPARATORS = st.sampled_from(
    [", ", ": ", ". ", "; ", "! ", "? ", " (", ") ", " - ", "-", "_", "/", "'", '"', " "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=12), _WORDS)
def test_prose_punctuation_never_gets_a_backslash(parts: list[tuple[str, str]], last: str) -> None:
    source = "".join(word + sep for word, sep in parts) + last
    assume(not re.match(r"\d{1,9}[.)](\s|$)", source))  # "1) x" opens an ordered list: escaping it is right
    assert "\\" not in escape_inline(source)
    assert_plain_paragraph(RICH, source, source)


def test_newlines_become_spaces_and_controls_vanish() -> None:
    assert escape_inline("a\nb\r\nc\rd") == "a b c d"
    assert normalize_inline("a\x00b\x07c\td") == "abc\td"


def test_leading_whitespace_cannot_start_a_code_block() -> None:
    escaped = escape_inline("    code")
    assert escaped.startswith("&#32;")
    assert COMMONMARK.render(escaped) == "<p>    code</p>\n"


def test_empty_string() -> None:
    assert escape_inline("") == ""


def test_quote_block_prefixes_every_line() -> None:
    assert quote_block("eins\nzwei\n\ndrei") == "> eins\n> zwei\n>\n> drei"
    assert quote_block("\n\n  x  \n\n") == "> x"
    assert quote_block("") == ">"


@pytest.mark.parametrize("md", [COMMONMARK, RICH], ids=["commonmark", "gfm"])
def test_quote_block_contains_hostile_lines(md: MarkdownIt) -> None:
    lines = ["Titel", "---", "```", "# h", "<script>alert(1)</script>", "    code", "| a |", "|---|", "1. x"]
    block = quote_block("\n".join(lines))
    assert all(line.startswith(">") for line in block.split("\n"))
    tokens = md.parse(block)
    types = [t.type for t in tokens]
    assert types[0] == "blockquote_open" and types[-1] == "blockquote_close"
    assert set(types[1:-1]) <= {"paragraph_open", "inline", "paragraph_close"}
    inline = next(t for t in tokens if t.type == "inline")
    texts = [c.content for c in inline.children or [] if c.type == "text"]
    assert "".join(texts) == "".join(line.strip() for line in lines)  # lines are trimmed
    assert "<script" not in md.render(block)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_quote_block_is_always_one_blockquote(s: str) -> None:
    tokens = COMMONMARK.parse(quote_block(s))
    assert tokens[0].type == "blockquote_open"
    assert tokens[-1].type == "blockquote_close"
    assert sum(t.type == "blockquote_open" for t in tokens) == 1
    assert set(t.type for t in tokens[1:-1]) <= {"paragraph_open", "inline", "paragraph_close"}


def _reference_escape_inline(s: str) -> str:
    """escape_inline as it was written first: every character asked (the reference for the fast one)."""
    from desktop.core import mdescape as m

    text = m.normalize_inline(s)
    body = text.strip()
    if not body:
        return "".join(m._entity(ch) for ch in text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    dollars = body.count("$") >= 2
    closes = [x.start() for x in m._LINK_CLOSE_RE.finditer(body)]
    last_close = closes[-1] if closes else -1
    marker = m._ORDERED_MARKER_RE.match(body)
    list_dot = marker.end() - 1 if marker else -1
    table_row = bool(m._DELIMITER_ROW_RE.fullmatch(body)) and ("|" in body or ":" in body)
    out = []
    for i, ch in enumerate(body):
        escape = m._needs_escape(body, i, dollars, last_close) or i == list_dot or (table_row and i == 0)
        out.append("\\" + ch if escape else ch)
    return "".join(map(m._entity, lead)) + "".join(out) + "".join(map(m._entity, trail))


def test_escaping_asks_only_the_characters_that_can_need_it() -> None:
    import random

    alphabet = "ab Z9 .,;:!?-+>#*_~`\\[]()<>/!^=%$&@|'\"\t\nwW1)."
    rng = random.Random(7)
    samples = ["- a", "+ b", "> c", "1. x", "12) y", "|---|:-:|", "---", "# h", "www.x.de", "a@b", "  ## "]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(5000)]
    for sample in samples:
        assert escape_inline(sample) == _reference_escape_inline(sample), sample


# Characters that matter to the escaping (every one _needs_escape looks at, block starts, digits,
# whitespace of several kinds, line breaks, controls) beside plain letters of several scripts.
_TRICKY = (
    "`*~\\_[]<>#^=%:$&@.!()-+|/0123456789 \t\u00a0\u2003\n\r\x0b\x0c\x1c\x1f\x85\u2028\u2029\x00\x07\x7f\x9f"
    "wW;'\"«»…—aZöß语Ωя"
)


@settings(max_examples=4000, deadline=None)
@given(
    text=st.text(alphabet=_TRICKY, max_size=14)
    | st.builds(
        lambda a, b: a + b,
        st.sampled_from(["www", "WwW", "a:", "x&", "&#", "1.", "w.", "::"]),
        st.text(alphabet=_TRICKY, max_size=8),
    ),
    dollars=st.sampled_from([None, True, False]),
    closed_later=st.booleans(),
)
def test_plain_text_shortcut_agrees_with_the_whole_escaping(
    text: str, dollars: bool | None, closed_later: bool
) -> None:
    from desktop.core.mdescape import _escape_inline

    assert escape_inline(text, dollars=dollars, closed_later=closed_later) == _escape_inline(
        text, dollars, closed_later
    )


@pytest.mark.parametrize(
    "text",
    ["Koalition der Willigen", "Er sagte: nein.", "Preise & Kosten", "Wien, 3. März", "a\tb", "Ende."],
)
def test_prose_without_markup_is_returned_as_it_is(text: str) -> None:
    from desktop.core.mdescape import _PLAIN_RE

    assert _PLAIN_RE.fullmatch(text) is not None
    assert escape_inline(text) == text
