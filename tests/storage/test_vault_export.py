"""An Obsidian vault from 20 real German and English articles: clean Markdown, links that resolve,
highlights in the right actor notes, and a second export that keeps what the user wrote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm import gfm_plugin
from sqlalchemy import select

from desktop.core.vault import MARKER
from desktop.services import annotations
from desktop.services.color_meanings import DEFAULT_MEANINGS
from desktop.services.importer import Importer
from desktop.services.recognition import library_recognizer
from desktop.services.vault_export import export_vault
from desktop.storage.db import Library, open_library
from desktop.storage.models import Mention

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "tests" / "data" / "vault_corpus").glob("*_*.*"))
SEED = next((ROOT / "seeds").glob("*.txt"))
MD = MarkdownIt("commonmark").use(front_matter_plugin).use(gfm_plugin)
WIKILINK_RE = re.compile(r"\[\[([^\]|#]+)(?:#\^([\w-]+))?(?:\|[^\]]*)?\]\]")
# A backslash before punctuation a reader types every day would show in a plain editor.
STRAY_RE = re.compile(r"\\[.,;:!?()'\"/]")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]{25,}[.!?]", text)]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("vault-lib")
    lib = open_library(f"sqlite:///{folder / 'library.sqlite3'}")
    importer = Importer(lib, library_recognizer(lib))
    results = importer.import_paths([SEED, *CORPUS])
    assert [r.status for r in results] == ["imported"] * 20, [r.message for r in results]
    assert {r.language for r in results} == {"de", "en"}
    with lib.read_session() as session:
        mentions = session.execute(
            select(Mention.article_id, Mention.start, Mention.end).order_by(Mention.article_id, Mention.start)
        ).all()
    by_article: dict[int, list[tuple[int, int]]] = {}
    for article_id, start, end in mentions:
        by_article.setdefault(article_id, []).append((start, end))
    from desktop.services.queries import article_detail

    colors = list(DEFAULT_MEANINGS)
    for n, result in enumerate(results):
        assert result.id is not None
        with lib.read_session() as session:
            text = article_detail(session, result.id).text
        sentences = _sentences(text)
        named = [
            s for s in sentences if any(s[0] <= m[0] and m[1] <= s[1] for m in by_article.get(result.id, []))
        ]
        plain = [s for s in sentences if s not in named]
        picks = named[:2] + plain[:1]
        for k, (start, end) in enumerate(picks):
            annotations.create_annotation(
                lib,
                result.id,
                start=start,
                end=end,
                note=["Kern *der* Sache: siehe [Quelle](https://example.org)", "", "Frage: stimmt das?"][k],
                tags=[["nato/planung"], ["lage"], []][k],
                color=colors[(n + k) % len(colors)],
            )
    try:
        yield lib
    finally:
        lib.close()


def notes(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))}


def body_of(text: str) -> str:
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def test_vault_renders_cleanly_and_links_resolve(library: Library, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    report = export_vault(library, vault)
    found = notes(vault)
    assert len(list((vault / "Articles").glob("*.md"))) == 20
    assert len(found) == len(report.created) > 20
    stems = {name.lower() for name in found}
    block_ids: dict[str, set[str]] = {
        name: set(re.findall(r"^\^(br-\d+)$", text, re.MULTILINE)) for name, text in found.items()
    }
    for name, text in found.items():
        tokens = MD.parse(text)
        assert tokens[0].type == "front_matter", name
        data = yaml.safe_load(tokens[0].content)
        assert data["briefing-reader"].split("/")[0] in ("article", "actor")
        body = body_of(text)
        assert not STRAY_RE.search(body), (name, STRAY_RE.search(body))
        assert str(ROOT) not in text and ".txt" not in text
        for target, anchor in WIKILINK_RE.findall(text):
            assert target.lower() in stems, (name, target)
            if anchor:
                assert anchor in block_ids[target], (name, target, anchor)


def test_highlights_render_as_their_text_with_meanings_and_front_matter(
    library: Library, tmp_path: Path
) -> None:
    export_vault(library, tmp_path)
    article_notes = notes(tmp_path / "Articles")
    with library.read_session() as session:
        from desktop.services.queries import annotation_rows

        rows = annotation_rows(session)
    html_all = "".join(MD.render(text) for text in article_notes.values())
    for row in rows:
        rendered_quote = f"<blockquote>\n<p>{_html(' '.join(row.quote.split()))}</p>\n</blockquote>"
        assert rendered_quote in html_all, row.quote
    text = "\n".join(article_notes.values())
    assert "Important · #nato/planung" in text or "Important ·" in text
    assert not re.search(r"^(yellow|green|blue|red|purple|pink|orange|gray) ·", text, re.MULTILINE)
    wikinews = next(t for t in article_notes.values() if "Wikinews" in t)
    data = yaml.safe_load(wikinews.split("---\n")[1])
    assert data["outlet"] == "Wikinews"
    assert data["url"].startswith("https://en.wikinews.org/wiki/")
    assert str(data["published"]).startswith("2020-")
    assert data["actors"] and all(a.startswith("[[") for a in data["actors"])


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def test_notes_on_an_actor_hold_only_highlights_that_name_it(library: Library, tmp_path: Path) -> None:
    export_vault(library, tmp_path)
    actor_notes = notes(tmp_path / "Actors")
    with library.read_session() as session:
        mentions = session.execute(
            select(Mention.actor_id, Mention.article_id, Mention.start, Mention.end)
        ).all()
        from desktop.services.queries import annotation_rows

        rows = {r.id: r for r in annotation_rows(session)}
    checked = 0
    for text in actor_notes.values():
        data = yaml.safe_load(text.split("---\n")[1])
        actor_id = int(data["briefing-reader"].split("/")[1])
        section = text.split("## Notes on", 1)[1].split(MARKER)[0]
        linked = {int(i) for i in re.findall(r"#\^br-(\d+)\|source\]\]", section)}
        naming = {
            a.id
            for a in rows.values()
            if any(
                m[0] == actor_id and m[1] == a.article_id and m[2] < a.end and m[3] > a.start
                for m in mentions
            )
        }
        assert linked == naming, data["title"]
        checked += len(linked)
    assert checked > 10


def test_second_export_updates_in_place_and_keeps_user_text(library: Library, tmp_path: Path) -> None:
    export_vault(library, tmp_path)
    actor_file = next(p for p in sorted((tmp_path / "Actors").glob("*.md")) if "## Notes on" in p.read_text())
    mine = "\nMeine Einschätzung: wichtig für das Briefing.\n\n- [ ] nachfragen\n"
    actor_file.write_text(actor_file.read_text(encoding="utf-8") + mine, encoding="utf-8")
    kept_before = actor_file.read_text(encoding="utf-8").split(MARKER)[1]
    article_file = sorted((tmp_path / "Articles").glob("*.md"))[0]
    renamed = article_file.with_name("Mein Name für den Artikel.md")
    article_file.rename(renamed)
    relinked = export_vault(library, tmp_path)
    assert not relinked.created and renamed not in relinked.updated  # found again by its key
    assert not (tmp_path / "Articles" / article_file.name).exists()

    article_id = int(
        yaml.safe_load(renamed.read_text(encoding="utf-8").split("---\n")[1])["briefing-reader"][8:]
    )
    from desktop.services.queries import article_detail

    with library.read_session() as session:
        detail = article_detail(session, article_id)
    start = detail.text.index(detail.text.split()[3])
    new = annotations.create_annotation(library, article_id, start=start, end=start + 12, note="Neu")
    report = export_vault(library, tmp_path)
    assert not report.created
    assert renamed in report.updated
    assert f"^br-{new.id}" in renamed.read_text(encoding="utf-8")
    assert actor_file.read_text(encoding="utf-8").split(MARKER)[1] == kept_before
    assert actor_file.read_text(encoding="utf-8").endswith(mine)
    assert any(
        "[[Mein Name für den Artikel" in p.read_text(encoding="utf-8")
        for p in (tmp_path / "Actors").glob("*.md")
    )
    again = export_vault(library, tmp_path)
    assert not again.created and not again.updated
    annotations.delete_annotation(library, new.id)
