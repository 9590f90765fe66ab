"""Where a person's name begins, and which recognised words are no actor at all.

Models glue what stands before a name into it: titles and ranks ("Senator", "Lt. Gen.",
"Klubobmann"), nationality words and places ("U.S. President Donald Trump", "Vermont Bernie
Sanders"). Those words are cut off the person's span; the linker then reads them as the
person's role from the text before the name. Single words that are never an actor alone
(demonyms such as "Tunesier" or "Syrians", plural abbreviations such as "IEDs", lone fragments of
two or three letters that are no known abbreviation) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.org_phrases import ENGLISH_HEADS
from desktop.core.entities.role_words import (
    CURRENCY_WORDS,
    DISEASE_WORDS,
    ENGLISH_ROLES_LONGEST_FIRST,
    ENGLISH_TITLE_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    LONE_HEADS_EN,
    TITLE_MODIFIERS,
)
from desktop.core.entities.roles import german_role_base
from desktop.core.types import EntitySpan

MIN_GIVEN_NAME = 30  # a given name seen at least this often in the name lists starts a person's name
_TOKEN = re.compile(r"\S+")
_PLURAL_ABBREVIATION = re.compile(r"^[A-Z]{2,}s$")  # "IEDs", "DVDs", "VBIEDs"
_MIN_DOCTRINE = 7  # letters of a word ending in "-ism(us)" taken as a doctrine ("Prism" is none)
_CONNECTORS = frozenset({"of", "from", "for"})  # "Senator from Vermont", "Minister for Europe"
_NAME_HONORIFICS = frozenset({"lady", "dame", "lord"})  # "Lady Gaga": part of the name
_ROLE_TOKENS = frozenset(w for role in ENGLISH_ROLES_LONGEST_FIRST for w in role.split())


def _plain(token: str) -> str:
    return token.strip(".,;:").lower()


def _is_abbreviation(token: str) -> bool:
    """ "U.S.", "UK", "NATO": capitals (and dots) only."""
    letters = [c for c in token if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and all(c.isalpha() or c in ".-" for c in token)
    )


class PersonBoundaries:
    """Cuts titles, nationality words and places off the front of person spans."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    def is_title_word(self, token: str, language: str) -> bool:
        """A title, rank or office word ("Senator", "Lt.", "Klubobmann", "Springer-Chef")."""
        return self._title_word(token, language)

    def _title_word(self, token: str, language: str) -> bool:
        plain = _plain(token)
        if (plain in HONORIFICS or plain.rstrip(".") in HONORIFICS) and plain not in _NAME_HONORIFICS:
            return True
        if language == "en":
            return plain in ENGLISH_TITLE_WORDS or plain in _ROLE_TOKENS
        if language == "de":
            return token[:1].isupper() and german_role_base(token.strip(".,")) is not None
        return False

    def _qualifier(self, token: str, language: str) -> bool:
        """A word that may stand before a title: "US", "French", "Vermont"."""
        return (
            _is_abbreviation(token)
            or self._gazetteer.is_demonym(token.strip(".,"), language)
            or self._place(token)
        )

    def _place(self, words: str) -> bool:
        place = self._gazetteer.place(words.strip(".,"))
        return place is not None and place.strong

    def _place_words(self, tokens: list[str], start: int, sizes: tuple[int, ...] = (3, 2)) -> int:
        """How many tokens from ``start`` name a strong place (the longest; 0 if none).

        After "of" or "from" (``sizes`` then includes 1) any known place will do: "Mayor of New York".
        """
        for size in sizes:
            if start + size > len(tokens):
                continue
            words = " ".join(tokens[start : start + size]).strip(".,")
            if self._place(words) if 1 not in sizes else self._gazetteer.place(words) is not None:
                return size
        return 0

    def _words_before_given_name(self, tokens: list[str], start: int) -> int:
        """Capitalised words from ``start`` up to a frequent given name that begins a name (0 if none)."""
        end = start
        while end < len(tokens) - 1 and tokens[end][:1].isupper() and not self._given_name(tokens[end]):
            end += 1
        return end - start if end > start and end < len(tokens) - 1 and self._given_name(tokens[end]) else 0

    def _given_name(self, token: str) -> bool:
        return self._gazetteer.given_names.get(token, 0) >= MIN_GIVEN_NAME

    def name_start(self, tokens: list[str], language: str) -> int:
        """Index of the first token of the name proper (0 when nothing precedes it)."""
        start, saw_title, after_title = 0, False, 0
        english = language == "en"
        while start < len(tokens) - 1:
            token = tokens[start]
            if self._title_word(token, language):
                saw_title, start = True, start + 1
                after_title = start
                continue
            size = self._place_words(tokens, start) if english else 0
            if size and start + size < len(tokens) and self._title_word(tokens[start + size], language):
                start += size  # "United States", "New Zealand" before a title
                continue
            if english and saw_title and token in _CONNECTORS:
                skip = 2 if tokens[start + 1] == "the" else 1  # "President of the United States"
                size = (
                    self._place_words(tokens, start + skip, (3, 2, 1))
                    or self._words_before_given_name(tokens, start + skip)
                    or _words_before_last_two(tokens, start + skip)
                )
                if not size:
                    break
                start += skip + size  # "Senator from Vermont", "Secretary of Defense"
                after_title = start
                continue
            if not (english and self._qualifier(token, language)):
                break
            start += 1
        if saw_title:
            start = after_title  # a qualifier after the last title word belongs to the name
            if start == len(tokens) - 1 and self._gazetteer.given_names.get(tokens[start - 1], 0) >= 500:
                return 0  # "Earl Warren", "Major Taylor": a given name, not a title
            return start
        for size in (3, 2, 1):  # "Vermont Bernie Sanders", "United States Donald Trump"
            if (
                len(tokens) - size >= 2
                and self._place(" ".join(tokens[:size]))
                and not self._given_name(tokens[0])
                and self._given_name(tokens[size])
                and not self._place(tokens[size])
            ):
                return size
        return 0

    def trim(self, span: EntitySpan, language: str) -> list[EntitySpan]:
        """The person span without what precedes the name, and the places found in what was cut.

        "Vermont Bernie Sanders" gives "Vermont" (a place) and "Bernie Sanders"; nothing is
        left when no capitalised word remains for the name.
        """
        if span.type != "person":
            return [span]
        matches = list(_TOKEN.finditer(span.text))
        if len(matches) < 2:
            return [span]
        tokens = [m.group(0) for m in matches]
        start = self.name_start(tokens, language)
        if start == 0:
            return [span]
        first = matches[start]
        if not first.group(0)[:1].isupper():
            return []
        out = []
        index = 0
        while index < start:  # places among the cut words: "United States", "Vermont", "New York"
            for size in range(min(3, start - index), 0, -1):
                place = self._gazetteer.place(" ".join(tokens[index : index + size]).strip(".,"))
                if place is None:
                    continue
                if place.strong or (index > 0 and tokens[index - 1] in _CONNECTORS):
                    a, b = matches[index].start(), matches[index + size - 1].end()
                    name = span.text[a:b].rstrip(".,")
                    out.append(EntitySpan(span.start + a, span.start + a + len(name), name, "location", 0.5))
                index += size
                break
            else:
                index += 1
        offset = first.start()
        out.append(EntitySpan(span.start + offset, span.end, span.text[offset:], span.type, span.score))
        return out


def _words_before_last_two(tokens: list[str], start: int) -> int:
    """ "Secretary of Defense Ash Carter" with a rare given name: the office's capitalised words up to
    the last two, which are the name (0 unless at least one office word and two name words remain).
    """
    rest = tokens[start:]
    if len(rest) < 3 or not all(t[:1].isupper() for t in rest):
        return 0
    return len(rest) - 2


_DATELINE = re.compile(r"^([A-ZÄÖÜ][A-ZÄÖÜ.\-]+(?: [A-ZÄÖÜ][A-ZÄÖÜ.\-]+)*) [-–—] ")


def split_datelines(text: str, spans: list[EntitySpan], gazetteer: Gazetteer) -> list[EntitySpan]:
    """ "BAGHDAD - Combined Joint Task Force" at a line start is a place, then the name."""
    out: list[EntitySpan] = []
    for span in spans:
        match = _DATELINE.match(span.text)
        line_start = span.start == 0 or text[span.start - 1] == "\n"
        if match and line_start and gazetteer.place(match.group(1).title()) is not None:
            place, rest = match.group(1), span.text[match.end() :]
            out.append(EntitySpan(span.start, span.start + len(place), place, "location", span.score))
            if rest.strip():
                begin = span.start + match.end()
                out.append(EntitySpan(begin, span.end, rest, span.type, span.score))
        else:
            out.append(span)
    return out


# German inhabitants of a country or region by the ending of its name: "Syrer" (Syrien), "Afghanen"
# (Afghanistan), "Slowaken" (Slowakei), "Eritreer" (Eritrea), "Libanesen" (Libanon), "Iraner" (Iran)
_DEMONYM_PLACE_ENDINGS = (
    ("ier", "ien"), ("er", "ien"), ("en", "ien"), ("ier", "ia"), ("er", "a"), ("en", "ei"),
    ("en", "istan"), ("en", "stan"), ("esen", "on"), ("esen", ""), ("iten", ""), ("er", ""),
)  # fmt: skip
_MIN_DEMONYM_STEM = 3


def _derived_demonym(word: str, gazetteer: Gazetteer) -> bool:
    """A German inhabitants' word of a known country or region (see the endings above); a word that
    names a place itself ("Schweden", "Polen") is none."""
    if gazetteer.place(word) is not None:
        return False
    for ending, place_ending in _DEMONYM_PLACE_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_DEMONYM_STEM:
            place = gazetteer.place(stem + place_ending)
            if place is not None and place.kind in ("country", "region"):
                return True
    return False


def _inflected_demonym(word: str, gazetteer: Gazetteer) -> bool:
    """ "Italienern", "Israelin", "Belgierinnen", "Syrern": inflected inhabitant words."""
    if _derived_demonym(word, gazetteer):
        return True
    for ending in ("innen", "in", "n", "s"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4:
            if gazetteer.is_demonym(stem, "de"):
                return True
            if ending != "s" and _derived_demonym(stem, gazetteer):
                return True  # "Syrern", "Afghaninnen"; not "Islanders", a team
            if ending in ("in", "innen") and gazetteer.place(stem) is not None:
                return True  # "Israelin"
    return False


def _english_demonym_plural(word: str, gazetteer: Gazetteer) -> bool:
    """ "Montanans", "Europeans", "Brazilians": the people of a place the gazetteer knows."""
    if not word.endswith("ns"):
        return False
    for ending in ("ns", "ans", "ians"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and gazetteer.place(stem) is not None:
            return True
    return False


def tidy_organization(span: EntitySpan | None, language: str) -> EntitySpan | None:
    """An English organisation span without trailing titles ("Task Force Commander, Lt").

    None when nothing but title words and qualifiers is left ("Iraqi Foreign Minister").
    """
    if span is None or language != "en" or span.type not in ("organization", "location", "other"):
        return span
    text = span.text
    cut = text.find(", ")
    if cut > 0 and (_is_title_phrase(text[cut + 2 :]) or text[cut + 2 :].lower() in LONE_HEADS_EN):
        text = text[:cut]  # "Iraqi Security Forces, Coalition"
    words = text.split()
    while len(words) > 1 and _plain(words[-1]) in _TRAILING_TITLES:
        text = text[: text.rindex(words.pop())].rstrip()
    if len(words) == 1 and text.lower().endswith(_ADJECTIVE_COMPOUNDS):
        return None  # "U.S.-led"
    if all(_is_title_token(w) or w in ("of", "for", "and") for w in words) and any(
        _is_role(w) for w in words
    ):
        return None  # "Iraqi Foreign Minister", "US Secretary of State"
    if (
        span.type == "organization"
        and len(words) >= 2
        and _is_role(words[-1])
        and not words[-1].endswith("s")  # "Kansas City Chiefs"
        and not any(w in ("of", "for", "and", "&") or _plain(w) in _ORGANIZATION_WORDS for w in words)
    ):
        return None  # "National Security Advisor": an office a person holds, not an organisation
    kind = span.type
    if kind == "organization" and (_plain(words[-1]) in _DOCUMENT_HEADS or _is_event(words)):
        kind = "other"  # "Security Council Resolution", "Liberation of Sinjar"
    if text == span.text and kind == span.type:
        return span
    return EntitySpan(span.start, span.start + len(text), text, kind, span.score)


_ADJECTIVE_COMPOUNDS = ("-led", "-backed", "-based", "-born", "-owned", "-run", "-held", "-linked", "-allied")
_DOCUMENT_HEADS = frozenset(
    {
        "resolution",
        "resolutions",
        "agreement",
        "treaty",
        "accord",
        "accords",
        "convention",
        "act",
        "declaration",
        "regulation",
        "regulations",
        "protocol",
        "directive",
        "amendment",
        "doctrine",
        "memorandum",
        "statute",
        "constitution",
    }
)  # laws and treaties ("Dublin Regulation", "Kyoto Protocol"); not "Pact" ("Warsaw Pact")


def _is_role(word: str) -> bool:
    """An office or rank ("Minister", "Secretaries"), not a word that only qualifies one ("Army")."""
    plain = _plain(word)
    plain = plain[:-3] + "y" if plain.endswith("ies") else plain.rstrip("s")
    return (plain in _ROLE_TOKENS or plain in ENGLISH_TITLE_WORDS) and plain not in TITLE_MODIFIERS


def _is_event(words: list[str]) -> bool:
    """ "Liberation of Sinjar", "Cessation of Hostilities": an action's noun, then "of"."""
    first = words[0].lower()
    return (
        len(words) >= 3
        and words[1] == "of"
        and first.endswith(("tion", "ment", "sal", "ance"))
        and first not in _INSTITUTION_NOUNS
    )


_INSTITUTION_NOUNS = frozenset(
    {"organization", "organisation", "federation", "association", "coalition", "foundation", "institution",
     "corporation", "commission", "confederation", "administration", "department", "parliament", "government"}
)  # fmt: skip


_ORGANIZATION_WORDS = ENGLISH_HEADS | _INSTITUTION_NOUNS
_TRAILING_TITLES = frozenset({"commander", "chief", "director", "spokesman", "spokeswoman", "chairman"})


def _is_title_token(word: str) -> bool:
    plain = _plain(word)
    return (
        plain in ENGLISH_TITLE_WORDS
        or _is_role(word)
        or _is_abbreviation(word)
        or word.endswith(("ian", "i"))
    )


def _is_title_phrase(text: str) -> bool:
    words = text.split()
    return bool(words) and all(_plain(w) in ENGLISH_TITLE_WORDS for w in words)


def is_non_actor_word(
    span: EntitySpan, language: str, gazetteer: Gazetteer, known: Callable[[str, str], bool]
) -> bool:
    """True for a single word that is never an actor alone.

    Demonyms and group nouns ("Tunesier", "Syrians", "Sunnis"; English plurals of a known place:
    "Montanans"), doctrines ("Marxism", "Islamismus"), diseases ("Coronavirus"), plural
    abbreviations ("IEDs"), and
    fragments of two or three letters unless ``known(word, type)`` says they are a known name or
    abbreviation (defined in the text, an organisation or place of the gazetteer, an abbreviation
    the training data tags as a name).
    """
    name = span.text.strip()
    if " " in name:
        return False
    bare = name.strip(".,;:'’\"()")
    low = bare.lower()
    if gazetteer.is_demonym(bare, language) or low in GROUP_NOUNS or low in CURRENCY_WORDS:
        return True
    if language == "de" and _inflected_demonym(bare, gazetteer):
        return True
    if language == "en" and _english_demonym_plural(bare, gazetteer):
        return True
    if len(low) >= _MIN_DOCTRINE and low.endswith(("ism", "ismus")) and "-" not in low:
        return True  # a doctrine: "Marxism", "Islamismus" (not a body named so: "Köln-Tourismus")
    if span.type not in ("person", "organization", "location"):
        return low in DISEASE_WORDS or low.endswith(("virus", "viren")) or low in gazetteer.non_actors
    if language == "en" and span.type == "organization" and low in LONE_HEADS_EN and name[:1].isupper():
        return True  # "Battalion", "Coalition": an institution's kind, not its name
    if low in DISEASE_WORDS or low.endswith(("virus", "viren")) or low in gazetteer.non_actors:
        return True
    if _PLURAL_ABBREVIATION.match(bare):
        return True
    letters = sum(c.isalpha() for c in bare)
    capitals = sum(c.isupper() for c in bare) >= 2
    if letters > 3 or capitals:
        return False  # an abbreviation in capitals ("dpa" aside) is usually the model's right
    return not (known(bare, span.type) or gazetteer.given_names.get(bare, 0) >= MIN_GIVEN_NAME)
