"""The Markdown dossier: parsed with markdown-it, escaping holds, every statement links back."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm import gfm_plugin

from desktop.core.dossier_md import render_dossier
from desktop.core.mdescape import normalize_inline
from desktop.core.timeline import timeline

MD = MarkdownIt("commonmark").use(front_matter_plugin)
GFM = MarkdownIt("commonmark").use(front_matter_plugin).use(gfm_plugin)
HOSTILE = "*_[]#<>| `x` <b>bold</b> [[Wiki]] ==m== $x$ %% c %%"


def dossier(name: str = "Helga Brandtner", quote: str = "Wir werden das prüfen") -> dict[str, Any]:
    return {
        "actor": {
            "id": 3,
            "name": name,
            "type": "person",
            "aliases": ["Brandtner", HOSTILE],
            "roles": ["Ministerin"],
        },
        "articles": [
            {"id": 1, "title": "Gipfel " + HOSTILE, "published": "2025-09-04", "mentions": 2},
            {"id": 2, "title": "Neue Gespräche", "published": None, "mentions": 1},
        ],
        "quotes": [
            {
                "id": 10,
                "article": 1,
                "start": 60,
                "end": 60 + len(quote),
                "text": quote,
                "kind": "direct",
                "speaker": {"actor_id": 3, "name": name},
                "cue": {"start": 85, "end": 90, "text": "sagte"},
            },
            {
                "id": 11,
                "article": 2,
                "start": 5,
                "end": 20,
                "text": "der Plan stehe",
                "kind": "indirect",
                "speaker": {"actor_id": 3, "name": name},
                "cue": None,
            },
        ],
        "roles": [
            {"role": "Ministerin", "article": 1, "published": "2025-09-04"},
            {"role": "Ministerin", "article": 2, "published": None},
        ],
        "related": [{"actor_id": 4, "name": HOSTILE, "type": "person", "sentences": 3, "articles": 2}],
        "annotations": [
            {
                "id": 7,
                "article": 1,
                "start": 60,
                "end": 81,
                "quote": quote,
                "note": "Meine **Notiz**",
                "tags": ["politik"],
                "color": "yellow",
            }
        ],
    }


def texts(tokens: list[Token]) -> list[str]:
    """The text of every inline token, as the reader sees it."""
    out = []
    for token in tokens:
        if token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
            out.append("".join(parts))
    return out


def test_structure_front_matter_and_sections() -> None:
    buckets = timeline([("2025-09-04", False), ("2025-10-02", True)])
    md = render_dossier(dossier(), timeline=buckets, generated=dt.date(2026, 1, 2))
    tokens = MD.parse(md)
    assert tokens[0].type == "front_matter"
    front = yaml.safe_load(tokens[0].content)
    assert front["title"] == "Helga Brandtner" and front["kind"] == "dossier" and front["type"] == "person"
    assert front["aliases"] == ["Brandtner", HOSTILE] and front["quotes"] == 2 and front["articles"] == 2
    headings = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag in ("h1", "h2")
    ]
    assert headings == [
        "Helga Brandtner",
        "Roles over time",
        "Timeline",
        "What they said",
        "Articles",
        "Related actors",
        "Your notes",
    ]
    assert "- 2025-10: 1 article (1 dated by import)" in md
    assert (
        "Ministerin · 2025-09-04 · [↩ 1](briefing-reader://article/1), [↩ 2](briefing-reader://article/2)"
        in md
    )


def test_every_statement_links_back_to_its_place() -> None:
    html = MD.render(render_dossier(dossier()))
    links = re.findall(r'href="([^"]*)"', html)
    assert "briefing-reader://article/1#60-81" in links
    assert "briefing-reader://article/2#5-20" in links
    assert "<blockquote>\n<p>Wir werden das prüfen</p>\n</blockquote>" in html
    assert "<strong>Notiz</strong>" in html  # the user's note stays Markdown


def test_hostile_names_titles_and_quotes_stay_text() -> None:
    md = render_dossier(dossier(name=HOSTILE, quote=HOSTILE + "\n# not a heading"))
    for renderer in (MD, GFM):
        tokens = renderer.parse(md)
        html = renderer.render(md)
        assert "<b>" not in html and "<em>" not in html and "<code>" not in html
        assert not any(t.type in ("html_block", "html_inline", "table_open", "fence", "hr") for t in tokens)
        shown = texts(tokens)
        assert HOSTILE in shown  # the h1, exactly as the name reads
        assert f"{HOSTILE}\n# not a heading" in shown  # the statement, line break and all
        assert any(line.startswith(f"2025-09-04 · Gipfel {HOSTILE} · 2 mentions") for line in shown)
        assert f"{HOSTILE} (person): 3 shared sentences in 2 articles" in shown
        assert f"Also called: Brandtner, {HOSTILE}" in shown
        assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) == 1
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert all(h.startswith("briefing-reader://article/") for h in hrefs)


def test_empty_dossier_says_so() -> None:
    data = dossier()
    for key in ("quotes", "roles", "related", "annotations"):
        data[key] = []
    md = render_dossier(data)
    for line in (
        "_No roles found._",
        "_No statements found._",
        "_No related actors._",
        "_No notes touch this actor._",
    ):
        assert line in md
    assert "Timeline" not in md  # no timeline given


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_name_is_the_heading_text(name: str) -> None:
    expected = normalize_inline(name.strip())
    tokens = MD.parse(render_dossier(dossier(name=name)))
    heading = tokens[[t.type for t in tokens].index("heading_open") + 1]
    rendered = "".join(c.content for c in heading.children or [] if c.type == "text")
    assert rendered == (expected if expected.strip() else "Untitled")


def test_a_bounded_dossier_counts_the_whole_library_and_says_what_it_lists() -> None:
    data = dossier()
    data["totals"] = {"articles": 350, "mentions": 900, "quotes": 40, "roles": 2}
    md = render_dossier(data, generated=dt.date(2026, 1, 2))
    front = yaml.safe_load(MD.parse(md)[0].content)
    assert front["articles"] == 350 and front["quotes"] == 40
    assert "Person · 350 articles · 900 mentions" in md
    shown = texts(MD.parse(md))
    assert "The newest 2 of 40 statements." in shown
    assert any(t.startswith("2 of 350 articles: the newest") for t in shown)
    assert not any("role mention" in t for t in shown)  # every role is listed
    assert "The newest" not in render_dossier(dossier())  # a whole dossier has no such lines
