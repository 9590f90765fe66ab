"""A vault from a small library whose titles and actor names hold apostrophes, quotes, colons,
hashes, bars, brackets, carets and backslashes: every wikilink is a written note's file name."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from desktop.core.types import EntityType
from desktop.services import annotations
from desktop.services.importer import Importer
from desktop.services.vault_export import export_vault
from desktop.storage.db import Library
from tests.storage.quote_support import FakeRecognizer

NAMES: dict[str, EntityType] = {
    "Patrick O'Brien": "person",
    "Ma'ruf Amin": "person",
    'The "Blue" Party': "organization",
    "Team #1 | North": "organization",
    "Fort [Old] ^Town": "location",
    "Back\\Slash Institute": "organization",
}
TITLES = [
    "Macron's plan: \"Yes\" or 'No'?",
    "#1 | [draft] ^note \\ back",
    "O'Brien's week: a: b # c",
]
WIKILINK = re.compile(r"\[\[([^\]|#]*)(?:#\^([\w-]+))?(?:\|[^\]]*)?\]\]")


def test_every_link_of_a_vault_with_odd_names_resolves(library: Library, tmp_path: Path) -> None:
    importer = Importer(library, FakeRecognizer(NAMES))
    names = list(NAMES)
    for n, title in enumerate(TITLES):
        body = f"{names[n]} met {names[n + 3]} on Monday. {names[(n + 1) % 6]} said nothing about it."
        result = importer.import_text(f"{title}\n\n{body}\n")
        assert result.status == "imported" and result.id is not None, result.message
        annotations.create_annotation(
            library, result.id, start=len(title) + 2, end=len(title) + 2 + len(body)
        )
    report = export_vault(library, tmp_path)
    notes = {p.stem: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.md")}
    assert len(notes) == len(report.created) == len(TITLES) + len(NAMES)
    titles: set[str] = set()
    links = 0
    for name, text in notes.items():
        data = yaml.safe_load(text.split("---\n")[1])  # the front matter stays valid YAML
        titles.add(data["title"])
        for target, anchor in WIKILINK.findall(text):
            links += 1
            assert target in notes, (name, target)  # the file name itself, nothing escaped
            if anchor:
                assert re.search(rf"^\^{anchor}$", notes[target], re.MULTILINE), (target, anchor)
        for link in data.get("actors") or ():
            assert link in text.split("\n---\n", 1)[1]  # the same link as in the body
    assert set(TITLES) <= titles and "Patrick O'Brien" in titles and 'The "Blue" Party' in titles
    assert links >= 4 * len(TITLES) + len(NAMES)
