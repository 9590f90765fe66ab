"""Markdown export: front matter, escaping of article text, containment of notes, files."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm import gfm_plugin

from desktop.core.export_md import (
    ExportAnnotation,
    ExportArticle,
    ExportError,
    render_article,
    render_collection,
    safe_filename,
    unique_path,
    write_new_file,
)
from desktop.core.record import replace

MD = MarkdownIt("commonmark").use(front_matter_plugin)
GFM = MarkdownIt("commonmark").use(front_matter_plugin).use(gfm_plugin)
HOSTILE_TITLE = "Er sagte: \"Nein\" 'x'\n---\nfoo: bar"


def note(id: int, start: int, quote: str, text: str = "", tags: tuple[str, ...] = (), color: str = "") -> Any:
    return ExportAnnotation(id, start, start + len(quote), quote, text, tags, color)


def article(*annotations: ExportAnnotation, **changes: Any) -> ExportArticle:
    fields: dict[str, Any] = {
        "id": 7,
        "title": "Ein Artikel",
        "language": "de",
        "source": "https://example.org/artikel?id=3",
        "published": "2024-05-06",
        "tags": ("politik", "politik/wahl"),
        "actors": ("Erika Beispiel", "Max Muster"),
        "annotations": annotations,
    }
    fields.update(changes)
    return ExportArticle(**fields)


def front_matter(markdown: str) -> dict[str, Any]:
    tokens = MD.parse(markdown)
    assert tokens[0].type == "front_matter"
    data = yaml.safe_load(tokens[0].content)
    assert isinstance(data, dict)
    return data


def of_type(tokens: list[Token], kind: str) -> list[Token]:
    return [t for t in tokens if t.type == kind]


# --- render_article -----------------------------------------------------------------------------


def test_front_matter_round_trips_through_yaml() -> None:
    md = render_article(
        article(title=HOSTILE_TITLE, source='Blatt "Zeit": ---', outlet="Der\nStandard", author="A: B")
    )
    assert md.startswith("---\n")
    data = front_matter(md)
    assert data == {
        "title": "Er sagte: \"Nein\" 'x' --- foo: bar",
        "outlet": "Der Standard",
        "author": "A: B",
        "published": dt.date(2024, 5, 6),
        "url": 'Blatt "Zeit": ---',
        "language": "de",
        "tags": ["politik", "politik/wahl"],
        "actors": ["Erika Beispiel", "Max Muster"],
        "link": "briefing-reader://article/7",
    }
    assert "foo" not in data
    assert "\npublished: 2024-05-06\n" in md  # unquoted, so Obsidian sees a date


def test_front_matter_cannot_be_closed_early_by_article_text() -> None:
    md = render_article(article(title="a\n---\nb", actors=("x\n---",), source="\n...\n"))
    front_lines = md.split("\n---\n", 1)[0].split("\n")[1:]
    assert all(line.strip() not in ("---", "...") for line in front_lines)
    assert front_matter(md)["title"] == "a --- b"


@pytest.mark.parametrize(("published", "expected"), [(None, None), ("2024-02-30", "2024-02-30"), ("", None)])
def test_front_matter_date_variants(published: str | None, expected: Any) -> None:
    data = front_matter(render_article(article(published=published)))
    assert data.get("published") == expected
    assert front_matter(render_article(article(published="2024-05-06T10:00:00+02:00")))[
        "published"
    ] == dt.date(2024, 5, 6)


def test_title_is_an_escaped_heading() -> None:
    md = render_article(article(title="# *Hallo* [x](y) <b>"))
    tokens = MD.parse(md)
    heading = tokens[tokens.index(of_type(tokens, "heading_open")[0]) + 1]
    assert heading.content and [c.type for c in heading.children or []] == ["text"]
    assert heading.children is not None and heading.children[0].content == "# *Hallo* [x](y) <b>"


def test_annotations_render_as_blockquotes_with_link_back() -> None:
    a = note(1, 10, "Ein Satz\nmit zwei Zeilen.", "Meine **Notiz**.", ("politik", "Wahl Kampf"), "yellow")
    a = replace(a, meaning="Important")
    md = render_article(article(a))
    html = MD.render(md)
    assert "<blockquote>\n<p>Ein Satz\nmit zwei Zeilen.</p>\n</blockquote>" in html
    assert "<strong>Notiz</strong>" in html  # the note is the user's Markdown, kept as is
    assert '<a href="briefing-reader://article/7#10-35">↩ source</a>' in html
    assert "Important · #politik #wahl-kampf · [↩ source]" in md
    assert "yellow" not in md


def test_custom_link_scheme_and_invalid_scheme() -> None:
    assert "[↩ source](br+test://article/7#0-3)" in render_article(
        article(note(1, 0, "abc")), link_scheme="br+test"
    )
    with pytest.raises(ExportError, match="not a valid link scheme"):
        render_article(article(), link_scheme="javascript:alert(1)//")


def test_article_text_cannot_inject_markup() -> None:
    hostile = "<script>alert(1)</script>\n# h\n---\n```\n[x](javascript:alert(1)) ==m== [[W]] | a |"
    a = note(1, 0, hostile, color="#ffcc00")
    md = render_article(article(a, title="<script>alert(2)</script>", source="<script>x</script>"))
    for renderer in (MD, GFM):
        html = renderer.render(md)
        assert "<script" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<a href" in html and "javascript" not in re.findall(r'href="([^"]*)"', html)[0]
        tokens = renderer.parse(md)
        assert len(of_type(tokens, "heading_open")) == 1
        assert not of_type(tokens, "hr") and not of_type(tokens, "fence")
        assert not of_type(tokens, "table_open") and not of_type(tokens, "html_block")
    assert "\\#ffcc00" in md  # a colour is not a tag


def test_annotations_are_in_document_order() -> None:
    later, earlier, middle = note(1, 300, "drei"), note(2, 5, "eins"), note(3, 100, "zwei")
    md = render_article(article(later, earlier, middle))
    html = MD.render(md)
    positions = [html.index(f"<p>{word}</p>") for word in ("eins", "zwei", "drei")]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "hostile_note",
    [
        "Code:\n```python\nprint(1)",
        "~~~~\nnie geschlossen",
        "<!-- ein Kommentar ohne Ende",
        "<script>\nlet x = 1;",
        "<pre>\nvorformatiert",
        "Einleitung\n---\nunter dem Strich",
        "- Liste\n  - verschachtelt",
        "> Zitat im Kommentar",
    ],
)
def test_a_note_cannot_swallow_what_follows(hostile_note: str) -> None:
    first = note(1, 0, "Erste Stelle", hostile_note)
    second = note(2, 50, "Zweite Stelle", "ok", ("nachher",))
    md = render_article(article(first, second))
    for renderer in (MD, GFM):
        html = renderer.render(md)
        assert "<p>Zweite Stelle</p>" in html
        assert '<a href="briefing-reader://article/7#0-12">' in html
        assert '<a href="briefing-reader://article/7#50-63">' in html
        assert "<p>#nachher · " in html


def test_note_with_thematic_break_after_front_matter() -> None:
    md = render_article(article(note(1, 0, "Stelle", "---\nNach dem Strich")))
    assert front_matter(md)["title"] == "Ein Artikel"
    assert "<hr />" in MD.render(md)


def test_article_without_annotations() -> None:
    md = render_article(article(tags=(), actors=()))
    data = front_matter(md)
    assert data["tags"] == [] and data["actors"] == []
    assert md.endswith("# Ein Artikel\n\n_No annotations._\n")


def test_export_of_the_seed_article_renders_cleanly() -> None:
    seed = next((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    a = note(1, len(title) + 2, body[1:400], "Wichtig.", ("thema",))
    md = render_article(article(a, title=title))
    html = MD.render(md)
    quoted = html.split("<blockquote>")[1].split("</blockquote>")[0]
    assert "<p>" in quoted and "<a " not in quoted and "<em>" not in quoted
    assert front_matter(md)["title"] == title


# --- render_collection --------------------------------------------------------------------------


def test_render_collection() -> None:
    one = article(note(1, 0, "Erste"), note(2, 10, "Zweite"), title="Artikel A")
    two = article(id=8, title="Artikel B: *neu*", source="Lokalblatt", published=None, tags=("wirtschaft",))
    md = render_collection("Tag: politik", [one, two], kind="tag", generated=dt.date(2025, 1, 2))
    data = front_matter(md)
    assert data == {
        "title": "Tag: politik",
        "kind": "tag",
        "generated": dt.date(2025, 1, 2),
        "articles": 2,
        "tags": ["politik", "politik/wahl", "wirtschaft"],
    }
    tokens = MD.parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Tag: politik", "Artikel A", "Artikel B: \\*neu\\*"]
    html = MD.render(md)
    assert '<a href="https://example.org/artikel?id=3">' in html
    assert "<p>Lokalblatt · " in html
    assert html.count("<blockquote>") == 2
    assert '<a href="briefing-reader://article/8">↩ article</a>' in html
    assert html.index("Artikel A") < html.index("Erste") < html.index("Zweite") < html.index("Artikel B")


def test_render_empty_collection() -> None:
    md = render_collection("Alles", [], kind="library", generated=dt.date(2025, 1, 2))
    assert front_matter(md)["articles"] == 0
    assert md.endswith("# Alles\n\n_No articles._\n")


# --- file names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lage in Europa", "Lage in Europa.md"),
        ("CON", "CON_.md"),
        ("con", "con_.md"),
        ("nul.txt", "nul_.txt.md"),
        ("LPT1", "LPT1_.md"),
        ("COM9 ", "COM9_.md"),
        ("CONSOLE", "CONSOLE.md"),
        ("a/b:c*?", "a_b_c_.md"),
        ('x"<y>|z\\w', "x_y_z_w.md"),
        ("…", "….md"),
        ("Überblick  über\tdie\nLage", "Überblick über die Lage.md"),
        ("Ende. . ", "Ende.md"),
        ("...versteckt", "versteckt.md"),
        ("", "untitled.md"),
        ("   ", "untitled.md"),
        ("..", "untitled.md"),
        ("notiz.md", "notiz.md"),
        ("a\x00b\x07c", "a_b_c.md"),
        ("rechts\u202eläufig", "rechtsläufig.md"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_long_names() -> None:
    long = safe_filename("Wort " * 100)
    assert len(long) <= 120 and long.endswith(".md") and not long[:-3].endswith((" ", "."))
    emoji = safe_filename("🙂" * 200, max_len=250)
    assert len(emoji.encode("utf-8")) <= 255
    assert safe_filename("ä" * 300, suffix="", max_len=50) == "ä" * 50
    assert safe_filename("e\u0301" * 100, max_len=20).endswith("é.md")  # NFC, no dangling accent


RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10))}


@given(st.text(max_size=300), st.integers(10, 200))
def test_safe_filename_is_always_portable(name: str, max_len: int) -> None:
    result = safe_filename(name, max_len=max_len)
    stem = result[:-3]
    assert result.endswith(".md") and stem
    assert len(result) <= max_len and len(result.encode("utf-8")) <= 255
    assert not re.search(r'[\\/:*?"<>|\x00-\x1f]', result)
    assert not stem.endswith((" ", ".")) and not stem.startswith((".", " "))
    assert stem.split(".")[0].upper() not in RESERVED


# --- writing files ------------------------------------------------------------------------------


def test_write_new_file_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "export.md"
    assert write_new_file(target, "eins\r\nzwei\rdrei\n") == target
    assert target.read_bytes() == b"eins\nzwei\ndrei\n"
    with pytest.raises(ExportError, match="already exists; choose another name or pass --force"):
        write_new_file(target, "neu")
    assert target.read_text(encoding="utf-8") == "eins\nzwei\ndrei\n"
    write_new_file(target, "Grüße\n", overwrite=True)
    assert target.read_bytes() == "Grüße\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]


def test_write_new_file_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_new_file(tmp_path / "fehlt" / "x.md", "x")
    with pytest.raises(ExportError, match="is a folder"):
        write_new_file(tmp_path, "x")


def test_write_new_file_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "export.md"
    target.write_text("alt\n", encoding="utf-8")

    def failing_replace(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(ExportError, match="Could not write"):
        write_new_file(target, "neu\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "alt\n"  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]  # no temporary left over

    def failing_link(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", failing_link)
    fresh = tmp_path / "neu.md"
    with pytest.raises(ExportError, match="Could not write"):
        write_new_file(fresh, "neu\n")
    assert not fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]


def test_unique_path(tmp_path: Path) -> None:
    target = tmp_path / "Lage.md"
    assert unique_path(target) == target
    target.write_text("x", encoding="utf-8")
    assert unique_path(target) == tmp_path / "Lage (2).md"
    (tmp_path / "Lage (2).md").write_text("x", encoding="utf-8")
    assert unique_path(target) == tmp_path / "Lage (3).md"
    assert unique_path(tmp_path / "Lage (2).md") == tmp_path / "Lage (3).md"
