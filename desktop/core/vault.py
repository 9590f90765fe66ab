"""Notes for an Obsidian vault: one per article and one per actor, linked with [[wikilinks]].

``write_vault`` writes ``Articles/<title>.md`` and ``Actors/<name>.md`` into a folder. Every
highlight carries a stable block id (``^br-<annotation id>``) so it can be linked and embedded.
A later export updates the same notes in place (found again by the ``briefing-reader`` key of
their front matter, even when the user renamed the file) and keeps everything the user wrote
below the marker line. Nothing is written outside the folder: symbolic links inside it are
never followed or replaced, and files that are not ours are never overwritten.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from desktop.core.export_md import (
    DEFAULT_LINK_SCHEME,
    ExportAnnotation,
    ExportArticle,
    article_link,
    check_scheme,
    front_matter,
    front_matter_fields,
    highlight_label,
    source_parts,
    tag_names,
    yaml_text,
)
from desktop.core.filenames import ExportError, safe_filename, write_new_file
from desktop.core.mdescape import escape_inline, quote_block
from desktop.core.mdnote import contain_note

MARKER = "%% briefing-reader: your notes below are kept %%"
MARKER_MISSING = "%% briefing-reader: the text this note had before (its marker line was missing) %%"
ID_KEY = "briefing-reader"
ARTICLES_DIR = "Articles"
ACTORS_DIR = "Actors"
NAME_LENGTH = 100

#: Characters that end or redirect an Obsidian link target ("#heading", "^block", "|alias").
_LINK_BREAKING_RE = re.compile(r"[\[\]#^|]+")
_READABLE = ((r"\s*:", " -"), (r"\s*[/\\|]\s*", " - "), (r"[?*<>]", ""), ('"', "'"))
_FRONT_RE = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_TYPE_LABELS = {"person": "Person", "organization": "Organisation", "location": "Place", "other": "Other"}


@dataclass(frozen=True)
class VaultHighlight:
    """A highlight with the actors it names or quotes."""

    annotation: ExportAnnotation
    actor_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class VaultArticle:
    """An article's note: its details, the actors named in it, its highlights."""

    article: ExportArticle
    actor_ids: tuple[int, ...] = ()  # in order of first mention
    highlights: tuple[VaultHighlight, ...] = ()


@dataclass(frozen=True)
class VaultActor:
    """An actor's note."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass
class VaultReport:
    """What an export did, note by note."""

    folder: Path
    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user."""
        total = len(self.created) + len(self.updated) + len(self.unchanged)
        return (
            f"{total} notes in {self.folder}: {len(self.created)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged"
        )


# --------------------------------------------------------------------------- names


def note_name(text: str) -> str:
    """A note name that is a valid file name everywhere and a valid wikilink target.

    Characters no file system or link allows are replaced the way a person would write the
    title as a file name ("Koalition: Welche?" -> "Koalition - Welche").
    """
    cleaned = yaml_text(text)
    for pattern, replacement in _READABLE:
        cleaned = re.sub(pattern, replacement, cleaned)
    cleaned = _LINK_BREAKING_RE.sub(" ", cleaned)
    return safe_filename(cleaned, suffix="", max_len=NAME_LENGTH) if cleaned.strip() else "untitled"


def _key(kind: str, item_id: int) -> str:
    return f"{kind}/{int(item_id)}"


def _read_key(path: Path) -> str | None:
    """The ``briefing-reader`` key of a note we wrote earlier (None for any other file)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(64_000)
    except OSError:
        return None
    match = _FRONT_RE.match(head.replace("\r\n", "\n"))
    if not match:
        return None
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return None
    value = data.get(ID_KEY) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _regular_notes(folder: Path) -> list[Path]:
    """Markdown files directly in ``folder`` that are regular files, not links."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.lower().endswith(".md") and entry.is_file(follow_symlinks=False):
                found.append(Path(entry.path))
    return sorted(found)


def _taken_names(root: Path) -> set[str]:
    """Lower-cased names of every note and link in the export's folders (names must stay unique)."""
    names: set[str] = set()
    for folder in (root, root / ARTICLES_DIR, root / ACTORS_DIR):
        if folder.is_dir() and not (folder != root and folder.is_symlink()):
            with os.scandir(folder) as entries:
                names.update(Path(e.name).stem.lower() for e in entries if e.name.lower().endswith(".md"))
    return names


def _assign(root: Path, wanted: Sequence[tuple[str, str, str]]) -> tuple[dict[str, Path], set[Path]]:
    """Paths for ``(key, folder, title)``: a known note keeps its path, a new one gets a free name."""
    existing: dict[str, Path] = {}
    ours: set[Path] = set()
    for folder in (ARTICLES_DIR, ACTORS_DIR):
        for path in _regular_notes(root / folder):
            key = _read_key(path)
            if key and key not in existing:
                existing[key] = path
                ours.add(path)
    taken = _taken_names(root)
    paths: dict[str, Path] = {}
    for key, _folder, _title in wanted:
        if key in existing:
            paths[key] = existing[key]
    for key, folder, title in wanted:
        if key in paths:
            continue
        base = note_name(title)
        name, n = base, 2
        while name.lower() in taken:
            name = f"{base} ({n})"
            n += 1
        taken.add(name.lower())
        paths[key] = root / folder / f"{name}.md"
    return paths, ours


# --------------------------------------------------------------------------- rendering


def _link(name: str, anchor: str = "", alias: str = "") -> str:
    target = name + (f"#{anchor}" if anchor else "")
    return f"[[{target}|{alias}]]" if alias else f"[[{target}]]"


def block_id(annotation_id: int) -> str:
    """The stable block id of a highlight (``br-123``)."""
    return f"br-{int(annotation_id)}"


def _highlight_block(
    highlight: VaultHighlight,
    article_id: int,
    scheme: str,
    actor_links: Mapping[int, str],
    *,
    source: str = "",
) -> str:
    a = highlight.annotation
    parts = [quote_block(a.quote)]
    if not source:
        parts.append(f"^{block_id(a.id)}")
    note = contain_note(a.note)
    if note:  # a note line equal to the marker would split the note at the wrong place
        parts.append(
            "\n".join(
                line.replace("%%", "%") if line.strip() == MARKER else line for line in note.split("\n")
            )
        )
    meta = [highlight_label(a), " ".join(f"#{t}" for t in tag_names(a.tags))]
    meta.extend(actor_links[i] for i in highlight.actor_ids if i in actor_links)
    meta.append(source or f"[↩ source]({article_link(scheme, article_id)}#{int(a.start)}-{int(a.end)})")
    parts.append(" · ".join(m for m in meta if m))
    return "\n\n".join(parts)


def render_article_note(
    item: VaultArticle, names: Mapping[str, str], *, link_scheme: str = DEFAULT_LINK_SCHEME
) -> str:
    """The generated part of an article's note (front matter, details, actors, highlights)."""
    scheme = check_scheme(link_scheme)
    article = item.article
    actor_links = {i: _link(names[_key("actor", i)]) for i in item.actor_ids if _key("actor", i) in names}
    fields = {
        **front_matter_fields(article),
        "tags": tag_names(t for h in item.highlights for t in h.annotation.tags),
        "actors": list(actor_links.values()),
        "link": article_link(scheme, article.id),
        ID_KEY: _key("article", article.id),
    }
    title = escape_inline(article.title.strip()) or "Untitled"
    blocks = [
        f"# {title}",
        " · ".join([*source_parts(article), f"[↩ article]({article_link(scheme, article.id)})"]),
    ]
    if actor_links:
        blocks.append("Actors: " + " · ".join(actor_links.values()))
    blocks.append("## Highlights")
    ordered = sorted(item.highlights, key=lambda h: (h.annotation.start, h.annotation.end, h.annotation.id))
    blocks.extend(_highlight_block(h, article.id, scheme, actor_links) for h in ordered)
    if not ordered:
        blocks.append("_No highlights._")
    return front_matter(fields) + "\n" + "\n\n".join(blocks) + "\n"


def render_actor_note(
    actor: VaultActor,
    articles: Sequence[VaultArticle],
    names: Mapping[str, str],
    *,
    link_scheme: str = DEFAULT_LINK_SCHEME,
) -> str:
    """The generated part of an actor's note: details, articles naming it, and "Notes on" it."""
    scheme = check_scheme(link_scheme)
    roles = list(dict.fromkeys(yaml_text(r) for r in actor.roles if yaml_text(r)))
    fields = {
        "title": yaml_text(actor.name),
        "type": actor.type,
        "aliases": [yaml_text(a) for a in actor.aliases if yaml_text(a) and yaml_text(a) != actor.name]
        or None,
        "roles": roles or None,
        "articles": len(articles),
        ID_KEY: _key("actor", actor.id),
    }
    heading = escape_inline(actor.name.strip()) or "Untitled"
    about = [_TYPE_LABELS.get(actor.type, actor.type.capitalize())]
    about.extend(escape_inline(r) for r in roles[:3])
    blocks = [f"# {heading}", " · ".join(about), "## Articles"]
    lines = []
    for item in articles:
        key = _key("article", item.article.id)
        date = front_matter_fields(item.article)["published"]
        lines.append(f"- {_link(names[key])}" + (f" ({date})" if date else ""))
    blocks.append("\n".join(lines) if lines else "_None._")
    blocks.append(f"## Notes on {heading}")
    notes = []
    for item in articles:
        key = _key("article", item.article.id)
        for h in sorted(item.highlights, key=lambda h: (h.annotation.start, h.annotation.id)):
            if actor.id in h.actor_ids:
                source = _link(names[key], "^" + block_id(h.annotation.id), "source")
                notes.append(_highlight_block(h, item.article.id, scheme, {}, source=source))
    blocks.extend(notes or ["_No highlights name this actor yet._"])
    return front_matter(fields) + "\n" + "\n\n".join(blocks) + "\n"


def merge_note(old: str | None, generated: str) -> str:
    """The new note: ``generated``, the marker line, then what the user wrote below it before."""
    kept = ""
    if old is not None:
        text = old.replace("\r\n", "\n")
        lines = text.split("\n")
        at = next((i for i, line in enumerate(lines) if line.strip() == MARKER), None)
        if at is not None:
            kept = "\n".join(lines[at + 1 :])
        else:
            body = _FRONT_RE.sub("", text, count=1).strip("\n")
            kept = f"{MARKER_MISSING}\n\n{body}\n" if body.strip() else ""
    return generated.rstrip("\n") + "\n\n" + MARKER + "\n" + (kept if kept.strip() else "\n")


# --------------------------------------------------------------------------- writing


def _prepare_root(folder: Path) -> Path:
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f'"{folder}" is a file; give a folder to export the vault notes into.')
    if not folder.exists():
        if not folder.parent.is_dir():
            raise ExportError(f'The folder "{folder.parent}" does not exist; create it first.')
        folder.mkdir()
    root = folder.resolve()
    for sub in (ARTICLES_DIR, ACTORS_DIR):
        path = root / sub
        if path.is_symlink():
            raise ExportError(f'"{path}" is a link to somewhere else; the export never follows links.')
        if path.exists() and not path.is_dir():
            raise ExportError(f'"{path}" is a file; the export needs a folder of that name.')
        path.mkdir(exist_ok=True)
    return root


def _write(path: Path, generated: str, report: VaultReport, ours: set[Path]) -> None:
    old = None
    if path in ours:
        try:
            old = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise ExportError(f'Could not read "{path}": {exc.strerror or exc}.') from None
    content = merge_note(old, generated)
    if old is not None and old.replace("\r\n", "\n") == content:
        report.unchanged.append(path)
        return
    write_new_file(path, content, overwrite=old is not None)
    (report.updated if old is not None else report.created).append(path)


def write_vault(
    folder: Path,
    articles: Iterable[VaultArticle],
    actors: Iterable[VaultActor],
    *,
    link_scheme: str = DEFAULT_LINK_SCHEME,
) -> VaultReport:
    """Write or update the notes of ``articles`` and ``actors`` in ``folder`` (created if missing)."""
    check_scheme(link_scheme)
    root = _prepare_root(folder)
    article_list = sorted(articles, key=lambda a: a.article.id)
    actor_list = sorted(actors, key=lambda a: a.id)
    wanted = [(_key("article", a.article.id), ARTICLES_DIR, a.article.title) for a in article_list]
    wanted += [(_key("actor", a.id), ACTORS_DIR, a.name) for a in actor_list]
    paths, ours = _assign(root, wanted)
    names = {key: path.stem for key, path in paths.items()}
    report = VaultReport(root)
    for item in article_list:
        _write(
            paths[_key("article", item.article.id)],
            render_article_note(item, names, link_scheme=link_scheme),
            report,
            ours,
        )
    for actor in actor_list:
        naming = [a for a in article_list if actor.id in a.actor_ids]
        note = render_actor_note(actor, naming, names, link_scheme=link_scheme)
        _write(paths[_key("actor", actor.id)], note, report, ours)
    return report


__all__ = [
    "ACTORS_DIR",
    "ARTICLES_DIR",
    "ID_KEY",
    "MARKER",
    "VaultActor",
    "VaultArticle",
    "VaultHighlight",
    "VaultReport",
    "block_id",
    "merge_note",
    "note_name",
    "render_actor_note",
    "render_article_note",
    "write_vault",
]
