"""Notes as W3C Web Annotations (JSON-LD) and back; Hypothesis exports read too.

:func:`annotation_json` and :func:`collection_json` write the W3C Web Annotation Data Model:
an AnnotationCollection with one AnnotationPage; each annotation targets the article's source
with a TextQuoteSelector and a TextPositionSelector, carries the note as a ``text/markdown``
TextualBody, tags as TextualBodies with purpose "tagging", the colour's meaning as one with
purpose "classifying" and the colour as the target's ``styleClass``.

:func:`parse_notes` reads such files (a collection, a page, a list or one annotation) and the
JSON that Hypothesis exports; it checks every annotation against the model's MUSTs first and
raises :class:`W3CFormatError` (one line) for the first that breaks one, so a bad file changes
nothing.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.colors import HIGHLIGHT_TINTS
from desktop.core.w3c_check import (
    ANNO_CONTEXT,
    DATETIME,
    URI,
    Check,
    W3CFormatError,
    check_annotation,
    check_selector,
    has_context,
    is_uri,
    types_of,
)

#: Largest file :func:`parse_notes` reads (a notes file, not a database dump).
MAX_BYTES = 64 * 1024 * 1024
_URN_UUID = re.compile(r"^urn:uuid:([0-9a-fA-F-]{36})$")
HYPOTHESIS_BASE = "https://hypothes.is/a/"


@dataclass(frozen=True)
class NoteData:
    """One annotation as this app keeps it, independent of the library.

    ``key`` is the annotation's own identifier (its W3C ``id``); ``source`` the annotated
    document (a URL, or a ``urn:`` for a local file); ``start``/``end`` are -1 when unknown.
    """

    key: str
    source: str | None
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = -1
    end: int = -1
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str | None = None
    meaning: str | None = None
    created: str | None = None
    modified: str | None = None
    creator: str | None = None
    extra: tuple[str, ...] = field(default=())  # bodies this app has no place for (kept in the note)

    @property
    def uid(self) -> str:
        """The library uid for this annotation: its own uuid, or one derived from its id."""
        found = _URN_UUID.match(self.key)
        if found:
            return found.group(1).lower()
        return str(uuid.uuid5(uuid.NAMESPACE_URL, self.key))


# --- writing --------------------------------------------------------------------------------------


def annotation_json(note: NoteData, *, embedded: bool = True) -> dict[str, Any]:
    """One W3C annotation; ``embedded`` leaves out the ``@context`` a collection already gives."""
    bodies: list[dict[str, Any]] = []
    if note.note:
        bodies.append(
            {"type": "TextualBody", "value": note.note, "format": "text/markdown", "purpose": "commenting"}
        )
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    if note.meaning:
        bodies.append({"type": "TextualBody", "value": note.meaning, "purpose": "classifying"})
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": note.exact, "prefix": note.prefix, "suffix": note.suffix}
    ]
    if 0 <= note.start <= note.end:
        selectors.append({"type": "TextPositionSelector", "start": note.start, "end": note.end})
    target: dict[str, Any] = {"type": "SpecificResource", "source": note.source, "selector": selectors}
    if note.color:
        target["styleClass"] = note.color
    data: dict[str, Any] = {} if embedded else {"@context": ANNO_CONTEXT}
    data |= {
        "id": f"urn:uuid:{note.uid}" if not URI.match(note.key) else note.key,
        "type": "Annotation",
        "motivation": "commenting" if note.note else "highlighting",
    }
    if note.creator:
        data["creator"] = {"type": "Person", "nickname": note.creator}
    if note.created:
        data["created"] = note.created
    if note.modified:
        data["modified"] = note.modified
    if bodies:
        data["body"] = bodies
    data["target"] = target
    if note.color:  # a styleClass needs the stylesheet that defines it
        tint = HIGHLIGHT_TINTS.get(note.color, "#f0d475")
        data["stylesheet"] = {
            "type": "CssStylesheet",
            "value": f".{note.color} {{ background-color: {tint}; }}",
        }
    return data


def collection_json(notes: Sequence[NoteData], *, label: str, generator: str) -> dict[str, Any]:
    """An AnnotationCollection holding all ``notes`` on one embedded AnnotationPage."""
    ident = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(n.uid for n in notes) + label)}"
    return {
        "@context": ANNO_CONTEXT,
        "id": ident,
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": generator},
        "total": len(notes),
        "first": {
            "id": ident + ":page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [annotation_json(n) for n in notes],
        },
    }


# --- reading ----------------------------------------------------------------------------------------


def _loads(data: bytes | str) -> Any:
    if len(data) > MAX_BYTES:
        raise W3CFormatError(
            f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; it is not a notes file."
        )
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as error:
        raise W3CFormatError(f"The file is not valid JSON ({_short(error)}).") from None


def _short(error: BaseException) -> str:
    return " ".join(str(error).split())[:120]


@dataclass(frozen=True)
class ParsedNotes:
    """What a notes file holds; ``remark`` says what it refers to but does not hold (or "")."""

    notes: list[NoteData]
    remark: str = ""


def parse_notes(data: bytes | str) -> ParsedNotes:
    """The annotations of a W3C (collection, page, list, single) or Hypothesis export file."""
    doc = _loads(data)
    if isinstance(doc, dict) and "AnnotationCollection" in types_of(doc.get("type")):
        first = doc.get("first")
        if isinstance(first, str) and is_uri(first) and has_context(doc):
            remark = f"the collection's annotations are not in the file but on its pages ({first})"
            return ParsedNotes([], remark)
    return ParsedNotes(_parse(doc))


def _parse(doc: Any) -> list[NoteData]:
    if isinstance(doc, dict) and _is_hypothesis_export(doc):
        rows = doc.get("annotations", doc.get("rows"))
        if not isinstance(rows, list):
            raise W3CFormatError("The Hypothesis export holds no list of annotations.")
        return [_hypothesis_note(i, row) for i, row in enumerate(rows, 1)]
    if isinstance(doc, list):
        if doc and all(isinstance(d, dict) and "uri" in d and "@context" not in d for d in doc):
            return [_hypothesis_note(i, row) for i, row in enumerate(doc, 1)]
        return [_w3c_note(i, item, embedded=False) for i, item in enumerate(doc, 1)]
    if not isinstance(doc, dict):
        raise W3CFormatError("The file holds no Web Annotation: expected a JSON object or list.")
    kinds = types_of(doc.get("type"))
    if "AnnotationCollection" in kinds or "AnnotationPage" in kinds:
        if not has_context(doc):
            raise W3CFormatError(f'The collection\'s "@context" must include {ANNO_CONTEXT}.')
        return [_w3c_note(i, item, embedded=True) for i, item in enumerate(_items(doc), 1)]
    return [_w3c_note(1, doc, embedded=False)]


def _items(doc: Mapping[str, Any]) -> Iterator[Any]:
    """The annotations of a collection's embedded pages (following ``next``), or of one page."""
    pages: list[Any] = [doc] if "AnnotationPage" in types_of(doc.get("type")) else [doc.get("first")]
    seen = 0
    while pages:
        page = pages.pop()
        if page is None:
            return
        if not isinstance(page, dict):
            raise W3CFormatError("The collection's pages are not embedded; export it with its annotations.")
        items = page.get("items")
        if not isinstance(items, list):
            raise W3CFormatError('An AnnotationPage needs "items", a list of annotations.')
        yield from items
        seen += 1
        nxt = page.get("next")
        if isinstance(nxt, dict) and seen < 10_000:
            pages.append(nxt)


def _is_hypothesis_export(doc: Mapping[str, Any]) -> bool:
    return "@context" not in doc and ("annotations" in doc or "rows" in doc)


def _selectors(target: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found: list[Mapping[str, Any]] = []
    raw = target.get("selector", [])
    pending = list(raw) if isinstance(raw, list) else [raw]
    while pending:
        selector = pending.pop(0)
        if isinstance(selector, dict):
            found.append(selector)
            refined = selector.get("refinedBy", [])
            pending += refined if isinstance(refined, list) else [refined]
    return found


def _agent_name(value: Any) -> str | None:
    agent = value[0] if isinstance(value, list) and value else value
    if isinstance(agent, dict):
        for key in ("nickname", "name", "id"):
            if isinstance(agent.get(key), str):
                return str(agent[key])
        return None
    return agent if isinstance(agent, str) else None


def _w3c_note(index: int, data: Any, *, embedded: bool) -> NoteData:
    check_annotation(index, data, embedded=embedded)
    targets = data["target"] if isinstance(data["target"], list) else [data["target"]]
    source: str | None = None
    quote: Mapping[str, Any] = {}
    position: Mapping[str, Any] = {}
    color: str | None = None
    for target in targets:
        if isinstance(target, str):
            source = source or target.split("#", 1)[0]
            continue
        here = target.get("source") if isinstance(target.get("source"), str) else target.get("id")
        selectors = _selectors(target)
        text_quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
        text_position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
        if (text_quote or text_position) and not (quote or position):
            source, quote, position = here, text_quote or {}, text_position or {}
            if isinstance(target.get("styleClass"), str):
                color = target["styleClass"]
        elif source is None and isinstance(here, str):
            source = here
    note_parts: list[str] = []
    tags: list[str] = []
    meaning: str | None = None
    extra: list[str] = []
    if isinstance(data.get("bodyValue"), str):
        note_parts.append(data["bodyValue"])
    bodies = data.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, str):
            extra.append(body)
            continue
        value = body.get("value")
        purposes = types_of(body.get("purpose"))
        if not isinstance(value, str):
            if isinstance(body.get("id"), str):
                extra.append(body["id"])
            continue
        if "tagging" in purposes:
            tags.append(value)
        elif "classifying" in purposes and meaning is None:
            meaning = value
        else:
            note_parts.append(value)
    note = "\n\n".join(p for p in note_parts if p)
    if extra:
        note = "\n\n".join([*([note] if note else []), *extra])
    start, end = position.get("start", -1), position.get("end", -1)
    return NoteData(
        key=data["id"],
        source=source,
        exact=str(quote.get("exact", "")),
        prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")),
        start=start if isinstance(start, int) else -1,
        end=end if isinstance(end, int) else -1,
        note=note,
        tags=tuple(dict.fromkeys(tags)),
        color=color,
        meaning=meaning,
        created=data.get("created"),
        modified=data.get("modified"),
        creator=_agent_name(data.get("creator")),
        extra=tuple(extra),
    )


def _hypothesis_note(index: int, row: Any) -> NoteData:
    """One annotation of the Hypothesis API/export format (``uri``, ``text``, ``tags``, ``target``)."""
    check = Check(index, row)
    if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"]:
        raise check.fail('a Hypothesis annotation needs an "id".')
    targets = row.get("target", [])
    if not isinstance(targets, list) or not all(isinstance(t, dict) for t in targets):
        raise check.fail('the "target" of a Hypothesis annotation must be a list of objects.')
    if not isinstance(row.get("text", ""), str):
        raise check.fail('"text" must be text.')
    tags = row.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise check.fail('"tags" must be a list of texts.')
    source = row.get("uri") if isinstance(row.get("uri"), str) else None
    quote: Mapping[str, Any] = {}
    position: Mapping[str, Any] = {}
    for target in targets:
        for selector in target.get("selector", []) if isinstance(target.get("selector"), list) else []:
            check_selector(check, selector)
            if selector.get("type") == "TextQuoteSelector" and not quote:
                quote = selector
            elif selector.get("type") == "TextPositionSelector" and not position:
                position = selector
        if isinstance(target.get("source"), str):
            source = target["source"]
    user = row.get("user")
    start, end = position.get("start", -1), position.get("end", -1)
    return NoteData(
        key=HYPOTHESIS_BASE + row["id"],
        source=source,
        exact=str(quote.get("exact", "")),
        prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")),
        start=start,
        end=end,
        note=row.get("text", "") or "",
        tags=tuple(dict.fromkeys(tags)),
        created=_hypothesis_time(row.get("created")),
        modified=_hypothesis_time(row.get("updated")),
        creator=user.removeprefix("acct:") if isinstance(user, str) else None,
    )


def _hypothesis_time(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    stamp = value.replace("+00:00", "Z")
    return stamp if DATETIME.match(stamp) else None
