"""German nouns glued before a surname ("Attacke Mitterlehner" beside "Reinhold Mitterlehner").

A German headline or teaser runs a noun into a name ("Graz-Coach Foda", "Slowaken Klizan",
"Traum-Comeback von Ennis-Hill"), and the model takes both as one person: the actor list then
shows a second person beside the full name. When the article names a person with that surname after a
known given name and everything before it is a noun, a demonym or a compound
ending in a noun, joined by at most a "von" (before which any word but a given name counts:
"Extralob von Allofs"), the words before the surname are cut off.

A noun after a name and before a colon, where the text has that heading more than once (one per
team), is a line-up's heading glued to its last name ("Tadic Ersatz: Schützenauer"): it is cut off
too, unless the name begins with a given name ("Peter Kaiser:" in an interview).

A noun before a given name is cut as well ("Politologe Laurenz Ennser", "Geigerin Anne-Sophie"): the
noun describes the person the given name begins.

A given name before the surname is never cut ("Elisabeth Grünbaum" beside "Fritz Grünbaum"), nor is a
title of nobility before "von" (it is no noun here: "Graf von Stauffenberg" stays).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.types import EntitySpan

_LINKS = frozenset({"von"})


def cut_nouns_before_surnames(
    text: str,
    spans: Sequence[EntitySpan],
    is_noun: Callable[[str], bool],
    is_given_name: Callable[[str], bool],
) -> list[EntitySpan]:
    """``spans`` with the nouns glued before a surname known in the article, or before a colon, cut off."""
    full_names = {  # surnames the article writes after a known given name
        words[-1]
        for s in spans
        if s.type == "person" and len(words := s.text.split()) >= 2 and is_given_name(words[0])
    }
    headings: dict[str, int] = {}
    out: list[EntitySpan] = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "person"
            and len(words) == 2
            and text[span.end : span.end + 1] == ":"
            and _count(headings, text, f" {words[1]}:") >= 2  # a heading for each team
            and is_noun(words[1])
            and not is_given_name(words[0])  # "Peter Kaiser:" opens what he said
        ):
            span = EntitySpan(span.start, span.start + len(words[0]), words[0], "person", span.score)
            words = words[:1]
        if (
            span.type == "person"
            and len(words) >= 2
            and is_noun(words[0])
            and not is_given_name(words[0])
            and _given_name_first(words[1:], is_given_name)
        ):  # "Politologe Laurenz Ennser", "Geigerin Anne-Sophie": a noun before a given name
            cut = span.text.index(words[1], len(words[0]))
            span = EntitySpan(span.start + cut, span.end, span.text[cut:], "person", span.score)
            words = words[1:]
        if (
            span.type == "person"
            and len(words) >= 2
            and words[-1] in full_names
            and _glued(words, is_noun, is_given_name)
        ):
            cut = span.text.rindex(words[-1])
            span = EntitySpan(span.start + cut, span.end, words[-1], "person", span.score)
        out.append(span)
    return out


def _glued(words: list[str], is_noun: Callable[[str], bool], is_given_name: Callable[[str], bool]) -> bool:
    """True when the words before the last are a noun (and at most a "von"), no given name."""
    head = words[:-1]
    linked = head[-1] in _LINKS
    if linked:
        head = head[:-1]
    if len(head) != 1:
        return False
    word = head[0]
    last_part = word.rsplit("-", 1)[-1]
    if is_given_name(word):
        return False
    # "Extralob von Allofs": before "von" and a surname the article gives in full, a word that is
    # no given name is the rare noun the noun lists lack
    return linked or is_noun(word) or (last_part != word and is_noun(last_part))


def _count(cache: dict[str, int], text: str, needle: str) -> int:
    """How often ``needle`` occurs in ``text``, each needle counted once per text."""
    if needle not in cache:
        cache[needle] = text.count(needle)
    return cache[needle]


def _given_name_first(words: list[str], is_given_name: Callable[[str], bool]) -> bool:
    """A given name and a surname, or a double given name ("Anne-Sophie"); one word alone may be a
    surname the noun is part of ("Kyrie Irving", "Lake Louise")."""
    first = words[0]
    if "-" in first and all(is_given_name(p) for p in first.split("-")):
        return True
    return len(words) >= 2 and is_given_name(first)
