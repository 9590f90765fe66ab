"""News outlets a text names without saying "the newspaper": the shapes of their names.

- German: a hyphenated compound with "-Zeitung" after a name ("der Bild-Zeitung",
  "Kronen-Zeitung") is a paper.
- German: a masculine or neuter noun after "des"/"eines" takes a genitive ending ("des Kuriers",
  "des Spiegels"); a title does not. After a noun of the press ("ein Bericht des Tagesspiegel",
  "die Journalistin des Kurier", "die Onlinemedien des Kurier") a word left bare there is the name
  of an outlet. Places ("des Irak"), currencies, months, and nouns whose genitive needs no ending
  (weak nouns in -n, words in -s, -x, -z) are left out.
- German: an organisation written with a capitalised article at a sentence's start ("Die Deutsche
  Bank ist ...") is named without it when the text writes the rest elsewhere after no article
  ("die krisengeplagte Deutsche Bank"); "Die Linke" ("der Linken", "die Linke") keeps its article.
- A "person" of three or more words that begins with a French, Spanish, Italian or Dutch article
  and has no given name ("La Dernière Heure", "Het Laatste Nieuws") is an organisation: people's
  names begin so only with a particle ("Le Pen", two words).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.entities.organizations import replace_spans
from desktop.core.entities.role_words import CURRENCY_WORDS
from desktop.core.types import EntitySpan

_PAPER_COMPOUND = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w]*-Zeitung(?![\w-])")
_PRESS_HEADS = (
    "bericht", "berichten", "meldung", "journalist", "journalistin", "reporter", "reporterin", "redakteur",
    "redakteurin", "herausgeber", "herausgeberin", "korrespondent", "korrespondentin", "kolumnist",
    "kolumnistin", "interview", "ausgabe", "website", "webseite", "medien", "leser", "lesern", "artikel",
    "titelseite", "recherche", "recherchen", "chefredaktion", "redaktion",
)  # fmt: skip
# "des"/"eines", an optional inflected adjective ("Neuen"), the bare noun; no capitalised word goes
# on after it; the word before must be a press noun (alone or ending a compound: "Onlinemedien")
_BARE_GENITIVE = re.compile(
    r"(?<![\w-])([A-ZÄÖÜ][\w-]*) (?:des|eines) "
    r"((?:[A-ZÄÖÜ][a-zäöüß]+en )?([A-ZÄÖÜ][\w-]*[a-zäöüß]))(?![\w-]| [A-ZÄÖÜ]\w*[a-zäöüß])"
)
_NO_GENITIVE_ENDING = ("s", "ß", "x", "z", "n", "e")  # "des Prozess(es)", weak "des Kollegen", "des Name"
_MONTHS = frozenset(
    {
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember",
    }
)  # fmt: skip
FOREIGN_ARTICLES = frozenset({"La", "Le", "Les", "Het", "El", "Il", "Los", "Las", "Lo", "Gli"})
_MIN_FOREIGN_WORDS = 3


def german_outlets(text: str, spans: list[EntitySpan], is_place: Callable[[str], bool]) -> list[EntitySpan]:
    """Spans with German papers named by a "-Zeitung" compound or left bare after "des" (see the
    module's notes) as organisations, each replacing the spans inside it or equal to it; one that
    cuts through a span or covers a person's name (other than its own words) is left out."""
    candidates = [
        EntitySpan(m.start(), m.end(), m.group(0), "organization", 0.5)
        for m in _PAPER_COMPOUND.finditer(text)
    ]
    for match in _BARE_GENITIVE.finditer(text):
        noun = match.group(3)
        if (
            not match.group(1).lower().endswith(_PRESS_HEADS)
            or noun.endswith(_NO_GENITIVE_ENDING)
            or noun in _MONTHS
            or noun.lower() in CURRENCY_WORDS
            or is_place(noun)
        ):
            continue
        candidates.append(EntitySpan(match.start(2), match.end(2), match.group(2), "organization", 0.5))
    if not candidates:
        return spans

    def accept(candidate: EntitySpan, inside: list[EntitySpan]) -> bool:
        return all(
            candidate.start <= s.start
            and s.end <= candidate.end
            and (s.type != "person" or (s.start, s.end) == (candidate.start, candidate.end))
            for s in inside
        )

    return replace_spans(spans, candidates, accept)


def foreign_article_names(spans: list[EntitySpan], given_name: Callable[[str], bool]) -> list[EntitySpan]:
    """A "person" such as "La Dernière Heure" or "Het Laatste Nieuws" is an organisation (see above)."""
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "person"
            and len(words) >= _MIN_FOREIGN_WORDS
            and words[0] in FOREIGN_ARTICLES
            and all(w[:1].isupper() for w in words[1:])
            and not any(given_name(w) for w in words[1:])
        ):
            span = EntitySpan(span.start, span.end, span.text, "organization", span.score)
        out.append(span)
    return out


_CAPITAL_ARTICLES = ("Die ", "Der ", "Das ")
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(„“\"])(?:[Dd](?:ie|er|as|en|em|es)|[Ee]ine?[mnrs]?) $")


def articles_not_of_the_name(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """German organisations without a capitalised article the text does not always write before
    the rest of the name (see the module's notes)."""
    out = []
    for span in spans:
        if span.type == "organization" and span.text.startswith(_CAPITAL_ARTICLES) and " " in span.text[4:]:
            rest = span.text[4:]
            start = text.find(rest)
            while start >= 0:
                if start != span.start + 4 and not _ARTICLE_BEFORE.search(text, max(0, start - 6), start):
                    span = EntitySpan(span.start + 4, span.end, rest, span.type, span.score)
                    break
                start = text.find(rest, start + 1)
        out.append(span)
    return out
