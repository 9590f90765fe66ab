"""Armed and militant groups named by one word: what the text says is done to them, or by them.

A statement about a war names the enemy group by its short name ("Daesh", "ISIL", "Hamas"), which
a model reads as a person or a place as often as not. The words around it say what it is: one
fights, defeats or clears it ("the fight against Daesh", "defeating Daesh", "clearing Daesh from
Iraq", "terrorists associated with ISIL"), and it claims responsibility ("for which Da'esh has
claimed responsibility"); German "der Kampf gegen den IS". Such a word is an organisation in
the whole article (every span of the same word, so that the article's mentions agree), unless it
is a place ("the war against Iraq"), a given name, a person's surname named in full in the text
("the case against Trump" beside "Donald Trump"), a nationality word or a word the gazetteer
lists as no actor ("the fight against Ebola").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.occurrences import occurrences
from desktop.core.entities.recognizer import span_order, without_overlaps
from desktop.core.types import EntitySpan

_GROUP_WORD = r"([A-Z][\w'’-]*[\w])(?![\w'’-]| [A-Z])"  # one word, not the first of a longer name
_BEFORE = {
    "en": (
        r"(?:fight|fighting|campaign|war|struggle|battle|offensive|operations?|progress(?: being)? made)"
        r" against (?:the )?"
        r"|(?:defeat|defeating|defeated|degrade|degrading|destroy|destroying|clearing|clear)(?: of)? "
        r"|terrorists? (?:associated|affiliated) with (?:the )?"
    ),
    "de": r"(?:Kampf|Kampfes|Krieg|Krieges|Offensive|Vormarsch) gegen (?:den |die |das )?",
}
_PATTERNS = {lang: re.compile(rf"(?<![\w-])(?:{before}){_GROUP_WORD}") for lang, before in _BEFORE.items()}
_CLAIMED = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*[\w]) (?:has |have |had )?claimed responsibility")


def fought_groups(
    text: str,
    language: str,
    spans: list[EntitySpan],
    not_a_group: Callable[[str], bool],
) -> list[EntitySpan]:
    """Spans with the words named as a fought group (see the module's notes) as organisations;
    ``not_a_group(word)``: places, given names, nationality words and listed non-actors."""
    pattern = _PATTERNS.get(language)
    if pattern is None:
        return spans
    words = {m.group(1) for m in pattern.finditer(text)}
    if language == "en":
        words.update(m.group(1) for m in _CLAIMED.finditer(text))
    if not words:
        return spans
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    groups = {w for w in words if w not in surnames and not not_a_group(w)}
    if not groups:
        return spans
    out: list[EntitySpan] = []
    covered: set[int] = set()
    for span in spans:
        if span.text.strip() in groups:
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
            covered.add(span.start)
        out.append(span)
    alone = [EntitySpan(a, b, word, "organization", 0.5) for a, b, word in occurrences(text, groups)]
    out.extend(without_overlaps((s for s in alone if s.start not in covered), spans))
    return sorted(out, key=span_order)
