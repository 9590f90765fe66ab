"""Words listed as actors that are no actor, decided by word lists built from data.

The lists come from build scripts over openly licensed data (tools/build_org_names.py,
tools/demonym_sources.py, tools/build_common_nouns.py), never from words seen in evaluation
articles:

- nationality words of one or two words ("Chilean", "North Koreans") from the gazetteer's demonyms;
- German inhabitant and place adjectives: a known place's name with "-er" or "-ern" ("Hafenauer");
  English ones: a well-known place's name with "-an" or "-ian" ("Alabamians", "Puerto Rican"),
  typed a person or a place (not a place right before "region": "the North American region");
- English words that running text writes in lower case ("Vaccine", "Rainfall") named alone as a
  person or place (organisations are often named by common words: a magazine, a firm), and in
  German text alone as a person (on GermEval 2014 dev no right person is such a word);
- German possessives glued to a person: a genitive name before a common noun ("Brandts Haus") is the
  person ("Brandt") when the text names it without the "s" too; the noun is cut off.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.demonym_phrases import before_region_noun, group_phrase
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.news_fixes import noun_compound
from desktop.core.types import EntitySpan

MIN_GIVEN_NAME = 30  # as in boundaries: a given name seen this often in the name lists
# a lone English common word is a person's name only as a frequent given name ("Will"), not a
# rare one ("Man", "Per": a headline's or a sentence's first word)
MIN_COMMON_WORD_GIVEN_NAME = 200
_INHABITANT_ENDINGS = ("ern", "er")
_MIN_PLACE_STEM = 4


def inhabitant_word(name: str, gazetteer: Gazetteer) -> bool:
    """German "Hafenauer" or "Bad Hafenauern": a known place's name with an inhabitant ending.

    A word that is itself a place, an organisation, a name part of people or a given name is kept.
    """
    for ending in _INHABITANT_ENDINGS:
        stem = name[: -len(ending)]
        if not name.endswith(ending) or len(stem) < _MIN_PLACE_STEM:
            continue
        if gazetteer.place(stem) is None or gazetteer.place(name) is not None:
            continue
        word = name.split()[-1]
        return not (
            gazetteer.organization(name) is not None
            or word.lower() in gazetteer.person_variants
            or gazetteer.given_names.get(word, 0) >= MIN_GIVEN_NAME
        )
    return False


_ENGLISH_INHABITANT = (("sian", ("",)), ("ian", ("ia", "a")), ("an", ("a", "o", "")))  # "Belarussian"


def english_inhabitant_word(name: str, gazetteer: Gazetteer) -> bool:
    """English "Alabamians", "Puerto Rican": a well-known place's name with an inhabitant ending.

    A name that is itself a place, a given name or a name part of people is kept ("Julian").
    """
    word = name[:-1] if name.endswith("ans") else name
    if gazetteer.place(name) is not None or gazetteer.place(word) is not None:
        return False
    last = word.split()[-1]
    if last.lower() in gazetteer.person_variants or gazetteer.given_names.get(last, 0) > 0:
        return False
    for ending, place_endings in _ENGLISH_INHABITANT:
        if not word.endswith(ending) or len(word) - len(ending) < _MIN_PLACE_STEM:
            continue
        stem = word[: -len(ending)]
        if any((p := gazetteer.place(stem + e)) is not None and p.strong for e in place_endings):
            return True
    return False


def word_non_actors(
    spans: list[EntitySpan],
    language: str,
    gazetteer: Gazetteer,
    known: Callable[[str, str], bool],
    *,
    text: str = "",
) -> list[EntitySpan]:
    """The spans without nationality words, German inhabitant words and lone English common words
    typed a person or place, and without English phrases typed a person in German text.

    ``known(word, type)``: a name the text defines or the gazetteer knows for that type; such a
    word, a frequent given name and the last word of a full name in the text are kept.
    """
    surnames = {s.text.split()[-1] for s in spans if s.type == "person" and " " in s.text.strip()}
    out = []
    for span in spans:
        name = span.text.strip()
        if gazetteer.is_demonym(name, language):
            continue
        if language == "de" and inhabitant_word(name, gazetteer):
            continue
        after = text[span.end : span.end + 20]
        if language == "en" and group_phrase(name, span.type, gazetteer, after):
            continue  # "Native American", "Hong Kongers", "Roman Catholic", "Turkish national"
        if (
            language == "en"
            # typed a person or a place ("Puerto Rican"); an organisation may be a team ("Texans")
            and (span.type == "person" or (span.type == "location" and not before_region_noun(after)))
            and english_inhabitant_word(name, gazetteer)
        ):
            continue
        if (
            # an English word alone as a person in German text ("Against", "Truly") too, and an
            # English word's plural alone as a person or place ("in Postings")
            span.type != "organization"  # outlets and firms are named by common words ("Time")
            and " " not in name
            and (
                (
                    (language == "en" or (language == "de" and span.type == "person"))
                    and name in gazetteer.english_common_words
                )
                or _english_plural(name, language, gazetteer)
            )
            and name not in surnames
            and gazetteer.given_names.get(name, 0) < MIN_COMMON_WORD_GIVEN_NAME
            and not known(name, span.type)
        ):
            continue
        if language == "de" and span.type == "person" and _english_phrase(name, gazetteer):
            continue
        out.append(span)
    return out


def _english_phrase(name: str, gazetteer: Gazetteer) -> bool:
    """German text: a "person" of two or more English common words and no given name is an English
    phrase or title ("Virtual Reality", "Walking Dead", "Dirty Campaigning")."""
    words = name.split()
    return len(words) >= 2 and all(
        w in gazetteer.english_common_words and gazetteer.given_names.get(w, 0) == 0 for w in words
    )


def _english_plural(name: str, language: str, gazetteer: Gazetteer) -> bool:
    """German text: an English common word's plural ("Postings", "Meetings")."""
    return language == "de" and name.endswith("s") and name[:-1] in gazetteer.english_common_words


_WORD = r"(?<![\w-]){}(?![\w-])"


def cut_possessed_nouns(
    text: str, spans: list[EntitySpan], nouns: frozenset[str], gazetteer: Gazetteer
) -> list[EntitySpan]:
    """German "Brandts Haus", "Anna Brandts Wahlkampf-Plan" typed a person, where the text also
    names "Brandt": the person is the name before the common noun, without the genitive "s".

    The noun (or the last part of a hyphenated one) must be a common noun, or a compound of two
    ("Georg Rihas Pausen|film"), and no name part of people; the word before it must end in "s" and
    be no given name ("Hans Eichel" stays).
    """
    out = []
    for span in spans:
        words = span.text.split()
        if span.type == "person" and len(words) >= 2:
            last, owner = words[-1], words[-2]
            noun = last if last in nouns else last.rsplit("-", 1)[-1]
            if (
                (noun in nouns or noun_compound(noun, nouns, lambda w: _name_word(w, gazetteer)))
                and last.lower() not in gazetteer.person_variants
                and gazetteer.given_names.get(last, 0) < MIN_GIVEN_NAME
                and owner.endswith("s")
                and not owner.endswith("ss")
                and owner[:1].isupper()
                and gazetteer.given_names.get(owner, 0) == 0
                and re.search(_WORD.format(re.escape(owner[:-1])), text)  # the text also says "Brandt"
            ):
                head = span.text[: span.text.rindex(last)].rstrip()[:-1]
                span = EntitySpan(span.start, span.start + len(head), head, "person", span.score)
        out.append(span)
    return out


def _name_word(word: str, gazetteer: Gazetteer) -> bool:
    return gazetteer.given_names.get(word, 0) > 0 or gazetteer.place(word) is not None
