"""Person names completed and carried through the text.

:func:`complete_names` fixes span edges the model gets wrong in a recognisable way ("Alexander
Van" + "der Bellen"); :func:`propagate_person_names` makes a name of two or more words, tagged
once, a person wherever it recurs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.org_phrases import ENGLISH_HEADS
from desktop.core.types import EntitySpan

_PARTICLE_END = frozenset(
    {"Van", "Von", "De", "Di", "Da", "Du", "Le", "La", "Del", "Della", "Ter", "Ten", "Al"}
)
_NAME_GOES_ON = re.compile(r"(?: (?:van|von|der|den|de|da|di|du|la|le|del|della|ter|ten))* [A-ZÄÖÜ][\w'’-]+")
_GERMAN_DESCRIPTOR = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}(?:organisation|miliz|gruppe|ring|netzwerk|sekte) ")


def complete_names(
    text: str, spans: list[EntitySpan], language: str, gazetteer: Gazetteer
) -> list[EntitySpan]:
    """Fix span edges the model gets wrong in a recognisable way.

    "Alexander Van" before "der Bellen" goes on to the surname; "Colombo/Genf" typed a person is
    a place; "Terrororganisation Islamischer Staat" loses the descriptive noun before the name.
    """
    out: list[EntitySpan] = []
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) >= 2 and words[-1] in _PARTICLE_END:
            match = _NAME_GOES_ON.match(text, span.end)
            if match:
                span = EntitySpan(
                    span.start, match.end(), text[span.start : match.end()], "person", span.score
                )
        elif span.type == "person" and "/" in span.text:
            parts = [p.strip() for p in span.text.split("/")]
            if any(gazetteer.place(p, language=language) is not None for p in parts):
                span = EntitySpan(span.start, span.end, span.text, "location", span.score)
        elif language == "de" and span.type == "organization":
            match = _GERMAN_DESCRIPTOR.match(span.text)
            if match and span.text[match.end() :][:1].isupper():
                cut = match.end()
                span = EntitySpan(span.start + cut, span.end, span.text[cut:], span.type, span.score)
        out.append(span)
    return out


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w'’.-]*")


def _occurrences(text: str, by_first: dict[str, list[str]]) -> Iterator[tuple[int, int]]:
    """(start, end) of the names in the text, longest first at each place, never overlapping."""
    reach = 0
    for word in _CAPITALISED.finditer(text):
        start = word.start()
        if start < reach:
            continue
        token = word.group(0)
        for name in by_first.get(token, ()) or by_first.get(token.rstrip(".,"), ()):
            end = start + len(name)
            if text.startswith(name, start) and not (
                end < len(text) and (text[end].isalnum() or text[end] in "-_")
            ):
                yield start, end
                reach = end
                break


def propagate_person_names(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """A person's name of two or more words, tagged once, is a person wherever it recurs.

    Occurrences the model missed are added, and shorter spans inside one ("Van" of "Van der
    Bellen") give way to it; the name's last words count too ("Van der Bellen" of "Alexander Van
    der Bellen"). Spans reaching out of an occurrence are left alone.
    """
    names: set[str] = set()
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) >= 2 and words[-1].lower() not in ENGLISH_HEADS:
            names.update(" ".join(words[i:]) for i in range(len(words) - 1) if words[i][:1].isupper())
    if not names:
        return spans
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name.split()[0], []).append(name)
    out = sorted(spans, key=lambda s: (s.start, -s.end))
    starts = [s.start for s in out]
    removed: set[int] = set()
    added: list[EntitySpan] = []
    for a, b in _occurrences(text, by_first):
        index = bisect_left(starts, a)
        while index > 0 and out[index - 1].end > a:
            index -= 1  # spans starting before the match may still overlap it
        overlapping = []
        while index < len(out) and out[index].start < b:
            if out[index].end > a:
                overlapping.append(index)
            index += 1
        outer = [i for i in overlapping if out[i].start < a or out[i].end > b]
        if any(out[i].end != b or out[i].type == "person" for i in outer):
            continue
        for i in outer:  # "Middle East Tobias Ellwood": a place, then the person
            head = text[out[i].start : a].rstrip()
            if head:
                added.append(EntitySpan(out[i].start, out[i].start + len(head), head, out[i].type, 0.5))
        overlapping = [*overlapping]
        if any(out[i].start == a and out[i].end == b for i in overlapping):
            continue
        removed.update(overlapping)
        added.append(EntitySpan(a, b, text[a:b], "person", 0.5))
    if not added:
        return spans
    kept = [s for i, s in enumerate(out) if i not in removed]
    return sorted([*kept, *added], key=lambda s: (s.start, -s.end))
