"""An actor's dossier as Markdown (Obsidian-friendly, CommonMark-safe), from ``dossier --json``.

Front matter, then the actor's names, roles over time, a timeline, what it said (each
statement with a link back to its place), its articles, related actors and the user's notes.
Everything taken from articles (names, titles, quotes) is escaped; notes are the user's own
Markdown, contained as in :mod:`desktop.core.export_md`, whose link scheme and annotation
format this reuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.core.export_md import (
    DEFAULT_LINK_SCHEME,
    ExportAnnotation,
    _annotation_block,
    _heading,
    article_link,
    check_scheme,
    front_matter,
    iso_date,
    yaml_text,
)
from desktop.core.mdescape import escape_inline, quote_block
from desktop.core.timeline import TimelineBucket

TYPE_NAMES = {"person": "Person", "organization": "Organisation", "location": "Place", "other": "Other"}
UNDATED = "undated"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _date(value: object) -> str:
    date = iso_date(value) if isinstance(value, str) else None
    if isinstance(date, dt.date):
        return date.isoformat()
    return escape_inline(date) if date else UNDATED


def _link(scheme: str, article_id: int, start: int | None = None, end: int | None = None) -> str:
    target = article_link(scheme, article_id)
    return f"{target}#{int(start)}-{int(end)}" if start is not None and end is not None else target


def _title(articles: Mapping[int, Mapping[str, Any]], article_id: int) -> str:
    article = articles.get(article_id)
    title = str(article["title"]) if article else ""
    return escape_inline(title.strip()) or f"Article {int(article_id)}"


def _roles(data: Mapping[str, Any], scheme: str) -> list[str]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for role in data.get("roles", ()):
        grouped.setdefault(str(role["role"]), []).append(role)
    lines = []
    for name, entries in grouped.items():
        dates = sorted(str(e["published"]) for e in entries if e.get("published"))
        span = (
            f"{_date(dates[0])} – {_date(dates[-1])}"
            if len(set(dates)) > 1
            else _date(dates[0] if dates else None)
        )
        links = ", ".join(
            f"[↩ {int(e['article'])}]({_link(scheme, int(e['article']))})"
            for e in dict((int(e["article"]), e) for e in entries).values()
        )
        lines.append(f"- {escape_inline(name)} · {span} · {links}")
    return lines


def _quotes(data: Mapping[str, Any], articles: Mapping[int, Mapping[str, Any]], scheme: str) -> list[str]:
    blocks = []
    for quote in data.get("quotes", ()):
        article_id = int(quote["article"])
        article = articles.get(article_id, {})
        meta = [f"— {_title(articles, article_id)}", _date(article.get("published"))]
        if quote.get("kind") == "indirect":
            meta.append("reported speech")
        meta.append(f"[↩ source]({_link(scheme, article_id, quote['start'], quote['end'])})")
        blocks.append(quote_block(str(quote["text"])) + "\n\n" + " · ".join(meta))
    return blocks


def _article_lines(articles: Mapping[int, Mapping[str, Any]], scheme: str) -> list[str]:
    lines = []
    for article_id, article in articles.items():
        mentions = _count(int(article.get("mentions", 0)), "mention")
        link = f"[↩ article]({_link(scheme, article_id)})"
        lines.append(
            f"- {_date(article.get('published'))} · {_title(articles, article_id)} · {mentions} · {link}"
        )
    return lines


def _timeline(timeline: Sequence[TimelineBucket]) -> list[str]:
    lines = []
    for bucket in timeline:
        if not bucket.articles:
            continue
        note = f" ({bucket.by_import_date} dated by import)" if bucket.by_import_date else ""
        lines.append(f"- {bucket.period}: {_count(bucket.articles, 'article')}{note}")
    return lines


def _notes(
    data: Mapping[str, Any],
    articles: Mapping[int, Mapping[str, Any]],
    scheme: str,
    meanings: Mapping[str, str],
) -> list[str]:
    blocks: list[str] = []
    current: int | None = None
    for note in data.get("annotations", ()):
        article_id = int(note["article"])
        if article_id != current:
            blocks.append("### " + _title(articles, article_id))
            current = article_id
        annotation = ExportAnnotation(
            int(note["id"]),
            int(note["start"]),
            int(note["end"]),
            str(note["quote"]),
            str(note.get("note") or ""),
            tuple(note.get("tags") or ()),
            str(note.get("color") or ""),
            meanings.get(str(note.get("color") or ""), ""),
        )
        blocks.append(_annotation_block(annotation, article_id, scheme))
    return blocks


EMPTY = {
    "Roles over time": "_No roles found._",
    "What they said": "_No statements found._",
    "Articles": "_No articles._",
}


def _totals(data: Mapping[str, Any], articles: Mapping[int, Mapping[str, Any]]) -> dict[str, int]:
    """The whole library's counts: the dossier's ``totals`` when it has them, else its lists'."""
    given = data.get("totals") or {}
    counted = {
        "articles": len(articles),
        "mentions": sum(int(a.get("mentions", 0)) for a in articles.values()),
        "quotes": len(data.get("quotes", ())),
        "roles": len(data.get("roles", ())),
    }
    return {key: int(given.get(key, value)) for key, value in counted.items()}


def _cut_note(data: Mapping[str, Any], totals: Mapping[str, int], key: str, noun: str) -> list[str]:
    """A line saying how much of a list is shown, when the dossier lists only the newest part."""
    shown = len(data.get(key, ()))
    if totals[key] <= shown:
        return []
    if key == "articles":
        return [
            f"_{shown} of {_count(totals[key], noun)}: the newest, and those the roles, statements "
            "and notes in this dossier come from._"
        ]
    return [f"_The newest {shown} of {_count(totals[key], noun)}._"]


def render_dossier(
    data: Mapping[str, Any],
    *,
    timeline: Sequence[TimelineBucket] = (),
    meanings: Mapping[str, str] | None = None,
    link_scheme: str = DEFAULT_LINK_SCHEME,
    generated: dt.date | None = None,
) -> str:
    """Render a dossier given in its ``dossier --json`` shape (plus an optional timeline).

    ``meanings`` names the highlight colours of the notes ("yellow" → "important").
    """
    scheme = check_scheme(link_scheme)
    actor = data["actor"]
    articles = {int(a["id"]): a for a in data.get("articles", ())}
    totals = _totals(data, articles)
    name = str(actor["name"])
    aliases = [str(a) for a in actor.get("aliases", ()) if yaml_text(str(a))]
    front = front_matter(
        {
            "title": yaml_text(name) or "Unnamed actor",
            "kind": "dossier",
            "type": yaml_text(str(actor["type"])),
            "aliases": [yaml_text(a) for a in aliases],
            "roles": [yaml_text(str(r)) for r in actor.get("roles", ()) if yaml_text(str(r))],
            "articles": totals["articles"],
            "quotes": totals["quotes"],
            "generated": generated or dt.date.today(),
        }
    )
    kind = TYPE_NAMES.get(str(actor["type"]), escape_inline(str(actor["type"])))
    blocks = [
        _heading(1, name),
        f"{kind} · {_count(totals['articles'], 'article')} · {_count(totals['mentions'], 'mention')}",
    ]
    if aliases:
        blocks.append("Also called: " + ", ".join(escape_inline(a) for a in aliases))
    sections: list[tuple[str, list[str], str]] = [
        ("Roles over time", _cut_note(data, totals, "roles", "role mention") + _roles(data, scheme), ""),
        ("Timeline", _timeline(timeline), "_No dated articles._"),
        (
            "What they said",
            _cut_note(data, totals, "quotes", "statement") + _quotes(data, articles, scheme),
            "",
        ),
        ("Articles", _cut_note(data, totals, "articles", "article") + _article_lines(articles, scheme), ""),
        (
            "Related actors",
            [
                f"- {escape_inline(str(r['name']))} ({escape_inline(str(r['type']))}): "
                f"{_count(int(r['sentences']), 'shared sentence')} in {_count(int(r['articles']), 'article')}"
                for r in data.get("related", ())
            ],
            "_No related actors._",
        ),
        ("Your notes", _notes(data, articles, scheme, meanings or {}), "_No notes touch this actor._"),
    ]
    for heading, items, empty in sections:
        if heading == "Timeline" and not timeline:
            continue
        blocks.append(_heading(2, heading))
        note = [items.pop(0)] if items and items[0].startswith("_") else []
        is_list = bool(items) and all(item.startswith("- ") for item in items)
        blocks.extend(note + (["\n".join(items)] if is_list else items or [empty or EMPTY[heading]]))
    return front + "\n" + "\n\n".join(blocks).rstrip("\n") + "\n"
