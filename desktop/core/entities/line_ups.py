"""Lists of names: a team's line-up and who in it is a person.

A sports report lists the players ("Esser – Ehrenreich, Madl, Spendlhofer (46. Potzmann) –
Kamavuaka"); the model, unsure in such a list, types some players as places or organisations
("Dobras", "Atanga"). :func:`name_lists` finds the runs of names separated only by commas, dashes,
"und" or a substitute's minute; in a run of :data:`LINE_UP` names or more of which most are people,
a one-word name of another type that is no known place or organisation is a person too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from desktop.core.types import EntitySpan

LINE_UP = 4  # so many names in one list make a line-up
# between two names of a list: a comma, a dash, "und"; in a line-up also a substitute's minute
# ("Perlak (84. Ertlthaler), Röcher")
LISTED = re.compile(r"\s*(?:[,;–-]|und|sowie|\(\d+\.|\)\s*(?:[,;–-]|und|sowie)?)\s*")


def name_lists(text: str, spans: Sequence[EntitySpan]) -> list[list[EntitySpan]]:
    """Runs of two or more ``spans`` (in text order) with only list separators between them."""
    runs: list[list[EntitySpan]] = []
    run: list[EntitySpan] = []
    for span in [*sorted(spans, key=lambda s: s.start), None]:
        if span is not None and run and LISTED.fullmatch(text[run[-1].end : span.start]):
            run.append(span)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [span] if span is not None else []
    return runs


def people_in_line_ups(
    text: str, spans: Sequence[EntitySpan], known: Callable[[str], bool]
) -> list[EntitySpan]:
    """``spans`` with the one-word names of a line-up typed as people (see the module); ``known``
    tells a known place's or organisation's name, which keeps its type."""
    retyped: dict[int, EntitySpan] = {}
    for run in name_lists(text, spans):
        people = sum(s.type == "person" for s in run)
        if len(run) < LINE_UP or people * 2 <= len(run):
            continue
        for s in run:
            if s.type != "person" and " " not in s.text.strip() and not known(s.text.strip()):
                retyped[s.start] = EntitySpan(s.start, s.end, s.text, "person", s.score)
    return [retyped.get(s.start, s) for s in spans] if retyped else list(spans)
