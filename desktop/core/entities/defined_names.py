"""Long names that an acronym in brackets defines word by word: "Reporter ohne Grenzen (RoG)".

A recogniser tends to miss or cut a long name with lower-case link words or commas inside
("Institute of Epidemiology, Disease Control and Research (IEDCR)" comes out as two names,
"Reporter ohne Grenzen" as none). An acronym right after the name, or a name in brackets right
after its acronym ("ÖVGW (Österreichische Vereinigung für das Gas- und Wasserfach)"), says where the
name begins and ends: every capitalised word gives the acronym's next letter (a hyphenated word
one or one per part), a link word ("of", "ohne", "für") may give one or none, a comma none. The
shortest run of words before the brackets that spells the acronym so, with two or more
capitalised words and at least one link word or comma (other names the model finds whole), is one
name. It replaces the spans inside it; it is a place when every span inside was a place, else an
organisation; it is not taken over a person's name ("John Fitzgerald Kennedy (JFK)") or across a
span that reaches out of it, nor when it begins with a role and "of" ("Member of the Scottish
Parliament (MSP)" is an office).
"""

from __future__ import annotations

import re

from desktop.core.entities.organizations import replace_spans
from desktop.core.entities.role_words import ENGLISH_ROLE_NOUNS
from desktop.core.types import EntitySpan, EntityType

_LINKS = frozenset(
    {
        "of", "and", "for", "the", "on", "against", "in", "at", "to", "de", "du", "la", "del", "des",
        "et", "y", "&", "ohne", "für", "der", "die", "das", "den", "dem", "und", "am", "im", "von",
        "vom", "zur", "zum", "gegen", "an", "auf", "mit", "bei", "über",
    }
)  # fmt: skip
# a run of a role and "of" names an office, not a body ("Member of the Scottish Parliament (MSP)")
_ROLES = frozenset({*(r for r in ENGLISH_ROLE_NOUNS if " " not in r), "member", "members"})
_ACRONYM = r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü&]{1,9}"
_AFTER = re.compile(rf"\s*\(\s*({_ACRONYM})\s*\)")
_BEFORE = re.compile(rf"(?<![\w-])({_ACRONYM}) \(([^()\n]{{5,150}})\)")
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|&|,")
_MAX_WORDS = 14


def _letters(token: str) -> list[set[int]]:
    """How many acronym letters a word may give (its initial, or one per hyphenated part)."""
    if token == ",":
        return [set()]
    if token.lower() in _LINKS:
        return [set(), {1}]
    parts = [p for p in token.split("-") if p]
    return [{1}, {len(parts)}] if len(parts) > 1 else [{1}]


def _spells(words: list[str], acronym: str) -> bool:
    """True when the words, in order, spell the acronym's letters as the module says."""
    letters = [c.lower() for c in acronym]
    states = {0}  # acronym letters used so far
    for word in words:
        nxt: set[int] = set()
        initials = [p[:1].lower() for p in word.split("-") if p] or [word[:1].lower()]
        for used in states:
            for option in _letters(word):
                if not option:
                    nxt.add(used)
                    continue
                (count,) = option
                wanted = initials[:count] if count > 1 else initials[:1]
                if letters[used : used + count] == wanted:
                    nxt.add(used + count)
        states = nxt
        if not states:
            return False
    return len(letters) in states


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _LINKS


def _fits(words: list[str], acronym: str) -> bool:
    if any(not _capitalised(w) and w != "," and w.lower() not in _LINKS for w in words):
        return False  # "Ask me Anything (AMA)": a lower-case word that links no names
    capitals = sum(_capitalised(w) for w in words)
    linked = any(not _capitalised(w) for w in words)
    office = len(words) > 1 and words[0].lower() in _ROLES and words[1] == "of"
    ends = _capitalised(words[0]) and _capitalised(words[-1]) and not office
    return capitals >= 2 and linked and ends and _spells(words, acronym)


def _before_brackets(text: str, end: int, acronym: str) -> tuple[int, int] | None:
    """The shortest run of words ending at ``end`` (in its sentence) that spells ``acronym``."""
    head = text[max(0, end - 200) : end]
    cut = max(head.rfind(c) for c in '.!?;:\n"„“”()')
    tokens = list(_TOKEN.finditer(head, cut + 1))
    if tokens and tokens[-1].end() != len(head):
        return None  # something else ends the run ("(IEDCR)" after a number)
    offset = end - len(head)
    for size in range(2, min(len(tokens), _MAX_WORDS) + 1):
        run = tokens[-size:]
        words = [t.group(0) for t in run]
        if words[0] == "," or not _capitalised(words[0]):
            continue
        if _fits(words, acronym):
            return offset + run[0].start(), offset + run[-1].end()
    return None


def _candidates(text: str) -> list[tuple[int, int]]:
    found = []
    for match in _AFTER.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        run = _before_brackets(text, match.start(), acronym)
        if run is not None:
            found.append(run)
    for match in _BEFORE.finditer(text):
        acronym, inner = match.group(1), match.group(2)
        tokens = list(_TOKEN.finditer(inner))
        if sum(c.isupper() for c in acronym) < 2 or not tokens:
            continue
        if tokens[-1].end() == len(inner.rstrip()) and _fits([t.group(0) for t in tokens], acronym):
            start = match.start(2)
            found.append((start + tokens[0].start(), start + tokens[-1].end()))
    return found


def names_defined_by_acronyms(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Spans with the long names their acronyms define (see the module's rule)."""
    if "(" not in text:
        return spans
    runs = _candidates(text)
    if not runs:
        return spans
    inner: dict[tuple[int, int], EntityType] = {}
    for start, end in runs:
        covered = {s.type for s in spans if start <= s.start and s.end <= end}
        inner[(start, end)] = "location" if covered == {"location"} else "organization"
    candidates = [EntitySpan(a, b, text[a:b], inner[(a, b)], 0.5) for a, b in runs]

    def accept(candidate: EntitySpan, overlapped: list[EntitySpan]) -> bool:
        if any((s.start, s.end) == (candidate.start, candidate.end) for s in overlapped):
            return False  # found whole already
        return not any(
            s.start < candidate.start or s.end > candidate.end or s.type == "person" for s in overlapped
        )

    return replace_spans(spans, candidates, accept)
