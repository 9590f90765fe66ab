"""Helpers for the quote finder tests: actors for a constructed text, statements as plain tuples."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.quotes import find_quotes
from desktop.core.types import EntitySpan, EntityType, LinkedActor


@dataclass(frozen=True)
class Said:
    """A found statement, readable: message text, speaker name (None: nobody), source, kind, cue."""

    message: str
    speaker: str | None
    source: str | None
    kind: str
    cue: str | None


def actor(text: str, name: str, kind: EntityType = "person", *, roles: Sequence[str] = ()) -> LinkedActor:
    """An actor with every mention of its name in ``text``; a person is also found by surname."""
    forms = [name]
    if kind == "person" and len(name.split()) > 1:
        forms.append(name.split()[-1])
    taken: list[tuple[int, int]] = []
    for form in forms:
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append(match.span())
    taken.sort()
    mentions = tuple(EntitySpan(s, e, text[s:e], kind) for s, e in taken)
    return LinkedActor(
        name.lower(), name, kind, tuple(dict.fromkeys(text[s:e] for s, e in taken)), tuple(roles), mentions
    )


def statements(text: str, language: str, actors: Sequence[LinkedActor] = ()) -> list[Said]:
    """What the finder reports, as readable tuples in text order."""
    found = []
    for quote in find_quotes(text, language, actors):
        assert 0 <= quote.start < quote.end <= len(text)
        speaker = actors[quote.speaker].name if quote.speaker is not None else None
        cue = text[quote.cue_start : quote.cue_end] if quote.cue_start is not None else None
        found.append(Said(text[quote.start : quote.end], speaker, quote.source, quote.kind, cue))
    return found


def only(text: str, language: str, actors: Sequence[LinkedActor] = ()) -> Said:
    """The single statement the finder reports."""
    found = statements(text, language, actors)
    assert len(found) == 1, found
    return found[0]
