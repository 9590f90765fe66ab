"""Outlets the text names as the source of a report: "berichtet Heise", "Rappler reported".

A one-word name that reports, writes or announces ("berichtet Heise", "vermeldete Kathpress",
"wie Wired berichtet", "laut Ekathimerini", "Rudaw reports", "according to Rappler") is a news
outlet when the article never gives it as a person's full name: news introduces a person with the
given name first, and a report of someone known only by a surname is rare. The model reads such
names as people ("Kathpress", "Heise"). Every span of that word becomes an organisation; a word
that is a common given name ("berichtet Jonas") stays a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from desktop.core.types import EntitySpan

_BEFORE = {
    "de": re.compile(
        r"(?<![\w-])(?:(?:ver)?meldet(?:e|en)?|berichtet(?:e|en)?|schreibt|schrieb|zitiert(?:e)?|[Ll]aut)"
        r"(?: weiter)?\s+$"
    ),
    "en": re.compile(r"(?<![\w-])according to\s+$"),
}
_AFTER = {
    "de": re.compile(r"\s+(?:(?:ver)?meldet(?:e|en)?|berichtet(?:e|en)?|schreibt|schrieb)(?![\w-])"),
    "en": re.compile(r"\s+(?:reported|reports|wrote|writes)(?![\w-])"),
}
_LOOK_BACK = 30  # characters before a name searched for the verb


def outlets_named_by_reports(
    text: str, spans: Sequence[EntitySpan], language: str, is_given_name: Callable[[str], bool]
) -> list[EntitySpan]:
    """``spans`` with the one-word "people" the text names as the source of a report retyped as
    organisations (see the module)."""
    before, after = _BEFORE.get(language), _AFTER.get(language)
    if before is None or after is None:
        return list(spans)
    in_full_names = {w for s in spans if s.type == "person" and " " in s.text.strip() for w in s.text.split()}
    outlets = {
        name
        for s in spans
        if s.type == "person"
        and " " not in (name := s.text.strip())
        and name not in in_full_names
        and not is_given_name(name)
        and (
            before.search(text, max(0, s.start - _LOOK_BACK), s.start) is not None
            or after.match(text, s.end) is not None
        )
    }
    if not outlets:
        return list(spans)
    return [
        EntitySpan(s.start, s.end, s.text, "organization", s.score) if s.text.strip() in outlets else s
        for s in spans
    ]
