"""English offices around names: the words of a title are no actor and no part of an institution.

- "Secretary of State" leaves no place "State"; a verb of saying a title line capitalises ("DoD
  Spokesman Says") is no person (:func:`drop_portfolios_and_verbs`).
- "Pentagon Press" before "Secretary" is "Pentagon"; "U.S. Embassy Chargé d’Affaires" is the
  embassy (:func:`cut_offices_from_institutions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.types import EntitySpan

# an office's portfolio after "<title> of (the)" ("Secretary of State", "Minister of Justice")
_PORTFOLIOS = frozenset(
    {
        "State", "Defense", "Defence", "Justice", "Health", "Education", "Energy", "Labor", "Labour",
        "Commerce", "Agriculture", "Transportation", "Transport", "Treasury", "Interior", "Finance",
        "Economy", "Culture", "Trade", "Industry", "Environment", "War", "Housing",
    }
)  # fmt: skip
_TITLE_OF = re.compile(r"(?<![\w-])([A-Z][\w.-]*) of (?:the )?$")
# English verbs of saying that a title line capitalises ("… Spokesman Says")
_REPORTING_VERBS = frozenset(
    {"Says", "Said", "Tells", "Told", "Warns", "Urges", "Announces", "Confirms", "Claims"}
)


def drop_portfolios_and_verbs(
    text: str, spans: list[EntitySpan], title_word: Callable[[str], bool]
) -> list[EntitySpan]:
    """English: "Secretary of State" leaves no place "State"; a verb of saying ("DoD Spokesman Says")
    is no person.
    """
    out = []
    for span in spans:
        word = span.text.strip()
        if " " not in word and span.type in ("person", "organization", "location"):
            if span.type == "person" and word in _REPORTING_VERBS:
                continue
            if word in _PORTFOLIOS:
                match = _TITLE_OF.search(text, max(0, span.start - 30), span.start)
                if match is not None and title_word(match.group(1)):
                    continue
        out.append(span)
    return out


# words that begin a two-word office ("Press Secretary", "Deputy Commander")
_OFFICE_STARTS = frozenset({"Press", "Deputy", "Assistant", "Chief", "Vice", "Senior", "Acting", "Principal"})
_ENVOY_TITLES = ("Chargé d’Affaires", "Chargé d'Affaires", "Charge d'Affaires", "Charge d’Affaires")


def cut_offices_from_institutions(
    text: str, spans: list[EntitySpan], title_word: Callable[[str], bool]
) -> list[EntitySpan]:
    """English: "Pentagon Press" before "Secretary" is "Pentagon" (the office is "Press Secretary");
    "U.S. Embassy Chargé d’Affaires" is the embassy, an organisation.
    """
    out = []
    for span in spans:
        words = span.text.split()
        if span.type in ("organization", "location") and len(words) >= 2:
            name = span.text
            envoy = next((t for t in _ENVOY_TITLES if name.endswith(" " + t)), None)
            following = text[span.end : span.end + 30].split(maxsplit=1)
            if envoy is not None:
                name = name[: -len(envoy) - 1]
                span = EntitySpan(span.start, span.start + len(name), name, "organization", span.score)
            elif words[-1] in _OFFICE_STARTS and following and title_word(following[0]):
                name = name[: name.rstrip().rfind(" ")]
                span = EntitySpan(span.start, span.start + len(name), name, span.type, span.score)
        out.append(span)
    return out
