"""Organisations the model misses: known names and media names; how found names replace model spans.

- Known names: the organisation list of the gazetteer (training-data organisations, parties).
- Media names: "Euronews", "Salzburger Nachrichten", "USA Today"; outlets named by their web
  address ("derStandard.at", "News.com.au") or as a daily paper ("the Daily Telegraph", "the
  Sunday Times"): :func:`outlet_names`.
- :func:`replace_spans` and :func:`prefer_longer`: a found name replaces the model spans it covers;
  :func:`join_and_the` continues "Islamic State of Iraq" with "and the Levant".

Organisation-shaped phrases ("Koalition der Willigen") are found in
:mod:`desktop.core.entities.org_phrases`, acronyms defined in the text in
:mod:`desktop.core.entities.acronyms`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.recognizer import span_order
from desktop.core.types import EntitySpan

WORD = re.compile(r"[^\W_][\w.&'’\-]*[\w&]|[^\W_]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\n\"„“«]\s*)$")
_MAX_NGRAM = 6
MIN_GIVEN_NAME_INSIDE = 200  # a given name this frequent inside a known name is a person ("Melinda")

_MEDIA_WORD = re.compile(r"^[A-Z][a-z]{2,}news$")  # "Euronews", "Africanews"
_MEDIA_OR_CHAMBER = re.compile(r"(?<![\w&'’.-])[A-ZÄÖÜ]\w*(?:news|kammer)(?![\w&'’-])")  # candidates
# professional and economic chambers, named by one word ("Wirtschaftskammer", "Ärztekammer")
_CHAMBER_WORD = re.compile(
    r"^(?=[A-ZÄÖÜ])[a-zäöüß]*(?:wirtschafts|arbeiter|ärzte|handels|anwalts|apotheker|notariats|architekten"
    r"|ingenieur|steuerberater|handwerks|industrie|psychotherapeuten|bundes|landes)kammer$",
    re.IGNORECASE,
)


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def _at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 3) : start]))


# German kind nouns of political bodies that end a compound after the body's name
# ("Hamas-Bewegung"); not of firms: a firm's "VW-Konzern" is a compound part in GermEval's spans
_KIND_TAILS = frozenset({"bewegung", "partei", "miliz", "organisation", "gruppe", "gruppierung", "bündnis"})
_KIND_COMPOUND = re.compile(r"(?<![\w.&'’-])([A-ZÄÖÜ][\w.&'’]*[\w&])-([A-ZÄÖÜ][a-zäöüß]+)(?![\w-])")


def _names_before_kinds(text: str, gazetteer: Gazetteer) -> list[EntitySpan]:
    """German "Hamas-Bewegung", "Fatah-Partei": the known name before a kind noun's hyphen.

    The name part of such a compound is the organisation; other compounds ("Hamas-Trainingslager")
    only mention it.
    """
    spans = []
    for match in _KIND_COMPOUND.finditer(text):
        name = match.group(1)
        if match.group(2).lower() in _KIND_TAILS and gazetteer.organization(name) is True:
            spans.append(EntitySpan(match.start(1), match.end(1), name, "organization", 0.5))
    return spans


def known_organizations(text: str, gazetteer: Gazetteer) -> list[EntitySpan]:
    """Occurrences of organisation names the gazetteer says are safe to find (longest first), and
    the names before a German kind noun in a compound (:func:`_names_before_kinds`)."""
    found = _known_names(text, gazetteer)
    inside = [
        s
        for s in _names_before_kinds(text, gazetteer)
        if not any(s.start < f.end and f.start < s.end for f in found)
    ]
    return sorted(found + inside, key=span_order)


def _known_names(text: str, gazetteer: Gazetteer) -> list[EntitySpan]:
    first_words = gazetteer.organization_first_words(WORD)
    tokens = WORD.findall(text)  # the words' texts (the pattern has no groups): cheaper than matches
    starts = [i for i, token in enumerate(tokens) if token in first_words]
    if not starts:
        return []
    words = list(WORD.finditer(text))
    spans: list[EntitySpan] = []
    after = 0  # words before this index belong to a name found already
    for index in starts:
        if index < after:
            continue
        longest = first_words[tokens[index]]
        size_found = 0
        for size in range(min(longest, len(words) - index), 0, -1):
            first, last = words[index], words[index + size - 1]
            name = text[first.start() : last.end()]
            if gazetteer.organization(name) is not True:
                continue
            if size == 1 and not name.isupper() and _at_sentence_start(text, first.start()):
                continue  # "Focus on ..." at the start of a sentence is a word
            if tokens[index] in _ARTICLES_DE and any(
                w[:1].islower() for w in tokens[index + 1 : index + size]
            ):
                continue  # "Das amerikanische Unternehmen": a description the name list holds
            if _noun_phrase_at_start(text, first.start(), tokens[index : index + size + 1]):
                continue  # "Die Zeit der Arbeitslosigkeit ..." is no newspaper
            if name.isupper() and _in_capitals(words, index, size):
                continue  # a word of a line in capitals
            spans.append(EntitySpan(first.start(), last.end(), name, "organization", 0.5))
            size_found = size
            break
        after = index + (size_found or 1)
    return spans


_ARTICLES_DE = frozenset({"Die", "Der", "Das"})
_GENITIVE_DE = frozenset({"der", "des"})


def _noun_phrase_at_start(text: str, start: int, words: list[str]) -> bool:
    """German "Die Zeit der Arbeitslosigkeit" at a sentence's start (``words``: the name's and the
    next one): a name of an article and one noun followed by a genitive article is the common noun,
    not the name."""
    return (
        len(words) == 3
        and words[0] in _ARTICLES_DE
        and words[2] in _GENITIVE_DE
        and _at_sentence_start(text, start)
    )


def _in_capitals(words: list[re.Match[str]], index: int, size: int) -> bool:
    neighbours = [words[i].group(0) for i in (index - 1, index + size) if 0 <= i < len(words)]
    return any(len(w) > 1 and w.isupper() for w in neighbours)


def replace_spans(
    spans: list[EntitySpan],
    candidates: list[EntitySpan],
    accept: Callable[[EntitySpan, list[EntitySpan]], bool],
) -> list[EntitySpan]:
    """Add the candidates ``accept``-ed, each replacing the spans it overlaps (one sorted sweep).

    ``accept(candidate, overlapped)`` decides; of two overlapping candidates the later one wins
    only when it contains the earlier. The spans must not overlap each other.
    """
    out = sorted(spans, key=span_order)
    starts = [s.start for s in out]
    kept: list[tuple[EntitySpan, list[int]]] = []
    for candidate in sorted(candidates, key=span_order):
        index = bisect_left(starts, candidate.end) - 1
        overlapped: list[int] = []
        while index >= 0 and out[index].end > candidate.start:
            overlapped.append(index)
            index -= 1
        if not accept(candidate, [out[i] for i in overlapped]):
            continue
        while kept and kept[-1][0].end > candidate.start and kept[-1][0].start >= candidate.start:
            kept.pop()  # an earlier candidate inside this one: replaced
        if kept and kept[-1][0].end > candidate.start:
            continue
        kept.append((candidate, overlapped))
    removed = {i for _candidate, overlapped in kept for i in overlapped}
    added = [candidate for candidate, _ in kept]
    return sorted([*(s for i, s in enumerate(out) if i not in removed), *added], key=span_order)


def prefer_longer(
    spans: list[EntitySpan], names: list[EntitySpan], given_names: Mapping[str, int] | None = None
) -> list[EntitySpan]:
    """Add ``names``; one replaces the model spans it contains unless they are people.

    A single word typed as a person inside a longer known name, that is no given name, is the
    name's part ("Team Stronach" over "Stronach"); with ``given_names``, such people give way.
    """

    def name_part(span: EntitySpan, name: EntitySpan) -> bool:
        word = span.text.strip()
        return (
            given_names is not None
            and " " not in word
            and name.end - name.start > span.end - span.start
            and given_names.get(word, 0) < MIN_GIVEN_NAME_INSIDE
        )

    def accept(name: EntitySpan, inside: list[EntitySpan]) -> bool:
        if any(s.start < name.start or s.end > name.end for s in inside):
            return False
        if any(s.type == "person" and not name_part(s, name) for s in inside):
            return False
        # the same span: keep the model's type
        return not inside or any(s.end - s.start < name.end - name.start for s in inside)

    return replace_spans(spans, names, accept)


_AND_THE = re.compile(r" and (the )?([A-Z][\w-]+)(?![\w-])")


def join_and_the(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """ "Islamic State of Iraq" + "and (the) Levant": an "X of Y" organisation going on with "and Z".

    Without "the", Z must be a place the model found right there.
    """
    ordered = sorted(spans, key=span_order)
    places = {(s.start, s.end) for s in ordered if s.type == "location"}
    out: list[EntitySpan] = []
    skip_until = -1
    for span in ordered:
        if span.start < skip_until:
            continue
        match = _AND_THE.match(text, span.end)
        joined = (
            span.type == "organization"
            and " of " in span.text
            and match is not None
            and (match.group(1) is not None or match.span(2) in places)
        )
        if joined and match is not None:
            end = match.end()
            out.append(EntitySpan(span.start, end, text[span.start : end], "organization", span.score))
            skip_until = end
        else:
            out.append(span)
    return out


def media_names(text: str) -> list[EntitySpan]:
    """Single words shaped like a news outlet's or a chamber's name ("Euronews", "Arbeiterkammer")."""
    return [
        EntitySpan(m.start(), m.end(), m.group(0), "organization", 0.5)
        for m in _MEDIA_OR_CHAMBER.finditer(text)
        if _MEDIA_WORD.match(m.group(0)) or _CHAMBER_WORD.match(m.group(0))
    ]


# a web outlet named by its address: one label written as a name (a capital: "derStandard.at",
# "Znak.com"; "paulhastings.com" is an address) and a country or generic top-level domain; not
# inside a link ("/" after it, a dot or slash before it) or an e-mail, not after a word that gives an
# address ("unter", "at", "visit")
_WEB_DOMAIN = re.compile(
    r"\.(?:(?:com|co|org|net)\.(?:au|uk|nz|za|in)|at|de|ch|com|net|org|eu|info|ru|fr|it|es|pl|nl|be|tv"
    r"|uk|us|io)(?![\w/@-]|\.[A-Za-z0-9])"
)  # found first: a literal dot is cheap to look for
_WEB_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")
_ADDRESS_BEFORE = re.compile(r"(?:^|[^\w.])(?:unter|Unter|at|to|visit|Visit) $")
_NAME_CHAR = re.compile(r"[\w&'’.-]")
_MIN_OUTLET_LETTERS = 3
# a paper named by how often it appears and the noun of a newspaper's title; "Sunday", "Morning"
# and "Evening" only after "the" ("on Sunday Times Square ...")
_PAPER_NOUNS = (
    "Telegraph|Mail|Express|Mirror|Star|Standard|Record|Beast|Caller|Observer|Times|News|Post|Herald"
    "|Sun|Chronicle|Independent|Nation|Monitor|Journal|Tribune|Gazette|Wire|Maverick|Echo|Globe"
)
_DAILY_OUTLET = re.compile(rf"\b(Daily|Weekly|Sunday|Morning|Evening) (?:{_PAPER_NOUNS})(?![\w&'’-]| [A-Z])")
_ONLY_AFTER_THE = frozenset({"Sunday", "Morning", "Evening"})


def outlet_names(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Spans with outlets named by their web address ("derStandard.at", "News.com.au", "Znak.com")
    or as a daily paper ("the Daily Telegraph", "the Sunday Times") as organisations, each
    replacing the spans inside it; one that cuts through a span is left out."""
    candidates = [span for m in _WEB_DOMAIN.finditer(text) if (span := _web_outlet(text, m))]
    candidates += [
        EntitySpan(m.start(), m.end(), m.group(0), "organization", 0.5)
        for m in _DAILY_OUTLET.finditer(text)
        if text[max(0, m.start() - 4) : m.start()] in ("the ", "The ")
        or (m.group(1) not in _ONLY_AFTER_THE and not _NAME_CHAR.match(text[m.start() - 1 : m.start()]))
    ]
    if not candidates:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        return all(candidate.start <= s.start and s.end <= candidate.end for s in inside)

    return replace_spans(spans, candidates, accept)


def _web_outlet(text: str, domain: re.Match[str]) -> EntitySpan | None:
    """The outlet whose address ends with ``domain``: one label written as a name before it."""
    start = domain.start()
    while start > 0 and text[start - 1].isascii() and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    label = text[start : domain.start()]
    if (
        not _WEB_LABEL.fullmatch(label)
        or len(label) < _MIN_OUTLET_LETTERS
        or sum(c.isalpha() for c in label) < 2
        or label.islower()  # "paulhastings.com" is an address
        or label.lower() == "www"
        or (start > 0 and (text[start - 1] in "./@:%#_" or text[start - 1].isalnum()))
        or _ADDRESS_BEFORE.search(text, max(0, start - 7), start)
    ):
        return None
    return EntitySpan(start, domain.end(), text[start : domain.end()], "organization", 0.5)
