"""Test doubles for quote attribution: a fixed-list recogniser and a scripted quote finder."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.core.types import EntitySpan, EntityType, FoundQuote, LinkedActor

NAMES: dict[str, EntityType] = {
    "Helga Brandtner": "person",
    "Brandtner": "person",
    "Olaf Kerning": "person",
    "Kerning": "person",
    "Valdora": "location",
    "Nordbund": "organization",
}

ARTICLE_1 = (
    "Gipfel in Valdora\n\n"
    "Helga Brandtner traf Olaf Kerning in Valdora. "
    "„Wir werden das prüfen“, sagte Brandtner. "
    "Kerning erklärte, der Nordbund sei bereit. "
    "„Das ist nicht genug“, so Quellen aus Valdora."
)
ARTICLE_2 = "Neue Gespräche\n\nBrandtner sprach in Valdora mit dem Nordbund. Kerning blieb in Valdora."


class FakeRecognizer:
    """Finds a fixed list of names (longest first, word-bounded)."""

    def __init__(self, names: dict[str, EntityType] | None = None) -> None:
        self.names = NAMES if names is None else names

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        spans: list[EntitySpan] = []
        for name in sorted(self.names, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                if all(m.end() <= s.start or m.start() >= s.end for s in spans):
                    spans.append(EntitySpan(m.start(), m.end(), m.group(0), self.names[name]))
        return sorted(spans, key=lambda s: s.start)


@dataclass(frozen=True)
class Scripted:
    """A statement the scripted finder reports wherever ``message`` occurs."""

    message: str
    cue: str | None
    speaker: str | None  # the actor's canonical name within the article
    kind: str = "direct"
    source: str | None = None


SCRIPT = (
    Scripted("Wir werden das prüfen", "sagte", "Helga Brandtner"),
    Scripted("der Nordbund sei bereit", "erklärte", "Olaf Kerning", "indirect"),
    Scripted("Das ist nicht genug", "so", None, source="Quellen"),
)


class ScriptedFinder:
    """A quote finder with the real signature that reports a fixed script; counts its calls."""

    def __init__(self, script: Sequence[Scripted] = SCRIPT) -> None:
        self.script = list(script)
        self.calls = 0

    def __call__(
        self,
        text: str,
        language: str,
        actors: Sequence[LinkedActor],
        *,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[FoundQuote]:
        self.calls += 1
        found = []
        for item in self.script:
            at = text.find(item.message)
            if at < 0:
                continue
            cue_at = text.find(item.cue, at) if item.cue else -1
            speaker = next((i for i, a in enumerate(actors) if a.name == item.speaker), None)
            mention = actors[speaker].mentions[-1] if speaker is not None else None
            found.append(
                FoundQuote(
                    start=at,
                    end=at + len(item.message),
                    kind="indirect" if item.kind == "indirect" else "direct",
                    cue_start=cue_at if cue_at >= 0 else None,
                    cue_end=cue_at + len(item.cue) if cue_at >= 0 and item.cue else None,
                    speaker=speaker,
                    speaker_start=mention.start if mention else None,
                    speaker_end=mention.end if mention else None,
                    source=item.source,
                )
            )
        return sorted(found, key=lambda q: q.start)
