"""Vault notes: names, block ids, in-place updates below the marker, and never writing outside."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.export_md import ExportAnnotation, ExportArticle
from desktop.core.filenames import ExportError
from desktop.core.vault import (
    MARKER,
    VaultActor,
    VaultArticle,
    VaultHighlight,
    merge_note,
    note_name,
    write_vault,
)


def article(article_id: int = 1, title: str = "Koalition der Willigen: Welche Garantien?") -> VaultArticle:
    a = ExportAnnotation(
        10 + article_id, 0, 20, "drei wichtige Garantien", "Kern", ("nato/planung",), "yellow", "Wichtig"
    )
    b = ExportAnnotation(20 + article_id, 30, 40, "Macron sagte", "", (), "blue", "Frage")
    record = ExportArticle(
        id=article_id,
        title=title,
        language="de",
        source="https://example.org/a",
        published="2025-09-04",
        tags=("nato/planung",),
        actors=("Emmanuel Macron",),
        annotations=(a, b),
        outlet="Euronews",
    )
    return VaultArticle(record, (7, 8), (VaultHighlight(a, ()), VaultHighlight(b, (7,))))


ACTORS = [
    VaultActor(7, "Emmanuel Macron", "person", ("Macron",), ("Präsident",)),
    VaultActor(8, "NATO", "organization"),
]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_note_names_are_portable_link_targets(title: str) -> None:
    name = note_name(title)
    assert name and len(name) <= 100
    assert not re.search(r'[\[\]#^|\\/:*?"<>\x00-\x1f]', name)
    assert name == name.strip() and not name.endswith(".") and not name.startswith(".")


def test_note_names_read_like_titles() -> None:
    assert note_name("Koalition der Willigen: Welche Garantien für Kyjiw?") == (
        "Koalition der Willigen - Welche Garantien für Kyjiw"
    )
    assert note_name("CON") == "CON_"


def test_notes_link_each_other_with_block_ids(tmp_path: Path) -> None:
    report = write_vault(tmp_path, [article()], ACTORS)
    assert len(report.created) == 3
    note = (tmp_path / "Articles" / "Koalition der Willigen - Welche Garantien.md").read_text(
        encoding="utf-8"
    )
    assert "\n^br-11\n" in note and "\n^br-21\n" in note
    assert "'[[Emmanuel Macron]]'" in note and "outlet: Euronews" in note
    assert "Wichtig · #nato/planung" in note and "yellow" not in note
    macron = (tmp_path / "Actors" / "Emmanuel Macron.md").read_text(encoding="utf-8")
    assert "[[Koalition der Willigen - Welche Garantien#^br-21|source]]" in macron
    assert "br-11" not in macron  # that highlight does not name him
    assert "- Macron" in macron  # aliases let Obsidian link "Macron" too
    nato = (tmp_path / "Actors" / "NATO.md").read_text(encoding="utf-8")
    assert "_No highlights name this actor yet._" in nato


def test_update_keeps_text_below_marker_and_skips_unchanged(tmp_path: Path) -> None:
    write_vault(tmp_path, [article()], ACTORS)
    path = tmp_path / "Actors" / "NATO.md"
    path.write_text(path.read_text(encoding="utf-8") + "Meine Notiz\n", encoding="utf-8")
    again = write_vault(tmp_path, [article()], ACTORS)
    assert len(again.unchanged) == 3
    changed = write_vault(tmp_path, [article(title="Neuer Titel")], ACTORS)
    assert len(changed.updated) == 1 and not changed.created  # same file, new content
    assert path.read_text(encoding="utf-8").endswith(MARKER + "\n\nMeine Notiz\n")


def test_merge_without_marker_keeps_the_old_text() -> None:
    merged = merge_note("---\nbriefing-reader: actor/1\n---\nEigener Text\n", "# Neu\n")
    assert merged.startswith("# Neu\n\n" + MARKER + "\n")
    assert "Eigener Text" in merged
    assert merge_note(None, "# Neu\n") == "# Neu\n\n" + MARKER + "\n\n"


def test_a_note_line_equal_to_the_marker_cannot_split_the_note(tmp_path: Path) -> None:
    item = article()
    a = item.highlights[0].annotation
    hostile = VaultHighlight(
        ExportAnnotation(a.id, 0, 20, a.quote, f"vorher\n{MARKER}\nnachher", (), "red"), ()
    )
    write_vault(tmp_path, [VaultArticle(item.article, (), (hostile,))], [])
    note = next((tmp_path / "Articles").glob("*.md")).read_text(encoding="utf-8")
    assert note.count(MARKER) == 1


def test_foreign_files_are_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "Actors").mkdir()
    own = tmp_path / "Actors" / "NATO.md"
    own.write_text("Meine eigene Notiz über die NATO\n", encoding="utf-8")
    write_vault(tmp_path, [article()], ACTORS)
    assert own.read_text(encoding="utf-8") == "Meine eigene Notiz über die NATO\n"
    assert (tmp_path / "Actors" / "NATO (2).md").is_file()
    assert "[[NATO (2)]]" in next((tmp_path / "Articles").glob("*.md")).read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_links_out_of_the_folder_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text("---\nbriefing-reader: actor/8\n---\ngeheim\n", encoding="utf-8")
    vault = tmp_path / "vault"
    (vault / "Actors").mkdir(parents=True)
    (vault / "Actors" / "NATO.md").symlink_to(secret)
    report = write_vault(vault, [article()], ACTORS)
    assert secret.read_text(encoding="utf-8") == "---\nbriefing-reader: actor/8\n---\ngeheim\n"
    assert (vault / "Actors" / "NATO.md").is_symlink()
    written = report.created + report.updated
    assert all(p.resolve().is_relative_to(vault.resolve()) for p in written)
    assert all("geheim" not in p.read_text(encoding="utf-8") for p in written)

    linked = tmp_path / "linked"
    (linked).mkdir()
    (linked / "Articles").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ExportError, match="link"):
        write_vault(linked, [article()], ACTORS)
    assert sorted(p.name for p in outside.iterdir()) == ["secret.md"]


def test_bad_targets(tmp_path: Path) -> None:
    file = tmp_path / "file.md"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="is a file"):
        write_vault(file, [article()], ACTORS)
    with pytest.raises(ExportError, match="does not exist"):
        write_vault(tmp_path / "missing" / "vault", [article()], ACTORS)
    assert write_vault(tmp_path / "new", [], []).summary().startswith("0 notes")


# Names with every character the export escapes for YAML or Markdown, or drops from file names.
ODD_NAMES = [
    "O'Brien",
    "Macron's plan: \"Yes\" or 'No'?",
    "#1 | [draft] ^note \\ back",
    "Peter O’Neill [SPD]",
    "a: b # c",
    "‘Quote’ – \"double\" and 'single'",
]
WIKILINK_RE = re.compile(r"\[\[([^\]|#]*)(?:#\^([\w-]+))?(?:\|([^\]]*))?\]\]")


def test_links_between_odd_names_resolve_to_written_notes(tmp_path: Path) -> None:
    import yaml

    actors = [
        VaultActor(100 + n, name, "person", (f"Mr {name}",), (name,)) for n, name in enumerate(ODD_NAMES)
    ]
    items = []
    for n, title in enumerate(ODD_NAMES, start=1):
        a = ExportAnnotation(10 * n, 0, 9, f"{title} said", "note: 'x'", ("lage",), "yellow")
        b = ExportAnnotation(10 * n + 1, 20, 30, "plain text", "", (), "blue")
        record = ExportArticle(n, title, "en", None, None, (), (), (a, b))
        named = (100 + n - 1, 100 + n % len(ODD_NAMES))
        items.append(VaultArticle(record, named, (VaultHighlight(a, named), VaultHighlight(b, ()))))
    write_vault(tmp_path, items, actors)
    written = {p.stem: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.md")}
    assert len(written) == 2 * len(ODD_NAMES)
    links = 0
    for name, text in written.items():
        front, body = text.split("\n---\n", 1)
        data = yaml.safe_load(front.removeprefix("---\n"))  # still valid YAML
        assert data["briefing-reader"].split("/")[0] in ("article", "actor")
        if data["briefing-reader"].startswith("actor/"):
            actor = actors[int(data["briefing-reader"][6:]) - 100]
            assert data["title"] == actor.name and data["aliases"] == [f"Mr {actor.name}"]
        else:
            assert data["title"] == ODD_NAMES[int(data["briefing-reader"][8:]) - 1]
            # the front matter's links are the body's links, character for character
            assert data["actors"] and all(link in body for link in data["actors"])
        for target, anchor, _alias in WIKILINK_RE.findall(text):
            links += 1
            assert target in written, (
                name,
                target,
            )  # the exact file name, not a YAML- or Markdown-escaped one
            if anchor:
                assert re.search(rf"^\^{re.escape(anchor)}$", written[target], re.MULTILINE), (target, anchor)
    assert links >= 4 * len(ODD_NAMES)
    assert not any("''" in m[0] for m in WIKILINK_RE.findall("\n".join(written.values())))
