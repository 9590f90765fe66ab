"""Publication dates stated by a document: a date line or dateline near its start, PDF dates.

Conservative on purpose: a date is taken only from the first lines of a text, and only when
it stands as a date line ("04.09.2025", "Freitag, 4. September 2025", "Published: Sept. 4,
2025") or opens a dateline ("Berlin, 4. September 2025 –", "WASHINGTON (Reuters), Sept. 4
2025 -"). A number in a sentence of the body never becomes a date.
"""

from __future__ import annotations

import datetime as dt
import re

#: How many non-empty lines at the start of a text are searched for a date line.
HEAD_LINES = 6
#: How many characters of each of those lines are looked at.
HEAD_CHARS = 200
MIN_YEAR, MAX_YEAR = 1900, 2100

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januar jänner january jan",
        "februar feber february feb",
        "märz maerz march mär mrz mar",
        "april apr",
        "mai may",
        "juni june jun",
        "juli july jul",
        "august aug",
        "september sept sep",
        "oktober october okt oct",
        "november nov",
        "dezember december dez dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WEEKDAYS = (
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so"
)
_MONTH = "(?P<month_name>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>\d{4})(?!\d)"

# The date itself, in the forms German and English news use (each form its own pattern:
# the group names repeat).
_DATE_FORMS = (
    rf"{_DAY}\.\s?(?P<month>[01]?\d)\.\s?{_YEAR}",  # 04.09.2025, 4.9.2025
    rf"{_YEAR}-(?P<month>[01]\d)-{_DAY}(?!\d)",  # 2025-09-04
    rf"{_DAY}(?:\.|st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}",  # 4. September 2025, 4 Sept 2025
    rf"{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}",  # September 4, 2025; Sept. 4 2025
)

_WEEKDAY = rf"(?:(?:{_WEEKDAYS})\.?,?\s+(?:(?:den|the)\s+)?)"
_LABEL = (
    r"(?:(?:stand|datum|date|dated|published|publiziert|veröffentlicht|erschienen|posted|"
    r"updated|aktualisiert|zuletzt aktualisiert|erstellt|created)"
    r"(?:\s+(?:on|am|at|um))?\s*:?\s+)"
)
# A place (one to four capitalised words, possibly with hyphens or slashes), an optional agency
# or outlet in brackets, then a comma: "Berlin,", "WASHINGTON (Reuters),", "Kyiv, Ukraine,".
_PLACE = r"(?:(?:[A-ZÄÖÜ][\w'’.-]*(?:[ /-][A-ZÄÖÜ][\w'’.-]*){0,3}(?:\s*\([^()\n]{1,40}\))?,\s+){1,2})"
# After the date: the end of the line, a time, a dash or colon that starts the text, or a
# no-break space (Wikinews: "Friday, January 4, 2019\u00a0Text…"). A comma or bar only before a time.
_TIME = r"(?:um[ \t]+|at[ \t]+)?\d{1,2}[:.]\d{2}(?!\d)"
_AFTER = rf"(?=[ \t]*$|[ \t]*[|•·,]?[ \t]+{_TIME}|[ \t]*\([^()\n]{{1,40}}\)[ \t]*[-–—:]|[ \t]*[-–—:]|\u00a0)"

_DATE_LINES = tuple(
    re.compile(rf"^[ \t]*(?i:{_LABEL}?{_WEEKDAY}?(?:{form})){_AFTER}") for form in _DATE_FORMS
)
_DATELINES = tuple(re.compile(rf"^[ \t]*{_PLACE}(?i:{_WEEKDAY}?(?:{form})){_AFTER}") for form in _DATE_FORMS)
_PDF_DATE = re.compile(r"^\s*(?:D:)?(?P<year>\d{4})(?P<month>\d{2})?(?P<day>\d{2})?")
_TIME_REST = re.compile(r"(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|[A-Z]{2,4}))?", re.IGNORECASE)
_REST_PUNCT = " \t\u00a0|•·,;-–—:"


def _valid(year: str, month: int, day: int) -> str | None:
    try:
        date = dt.date(int(year), month, day)
    except ValueError:
        return None
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        return None
    return date.isoformat()


def _from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month_name = groups.get("month_name")
    month = _MONTHS.get(month_name.lower()) if month_name else None
    if month is None and groups.get("month"):
        month = int(groups["month"])
    if month is None or not groups.get("day") or not groups.get("year"):
        return None
    return _valid(groups["year"], month, int(groups["day"]))


def _first(patterns: tuple[re.Pattern[str], ...], line: str) -> tuple[str, re.Match[str]] | None:
    for pattern in patterns:
        match = pattern.match(line)
        if match:
            found = _from_match(match)
            if found:
                return found, match
    return None


def head_lines(text: str, count: int = HEAD_LINES) -> list[str]:
    """The first ``count`` non-empty lines of ``text``, each cut to :data:`HEAD_CHARS` characters."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line[:HEAD_CHARS])
            if len(lines) == count:
                break
    return lines


def date_line(line: str) -> str | None:
    """The ISO date a single line states as a date line or dateline, else None.

    >>> date_line("Berlin, 4. September 2025 – Die Regierung …")
    '2025-09-04'
    >>> date_line("Die Zahl stieg am 4. September 2025 auf 3.000.") is None
    True
    """
    found = _first(_DATE_LINES, line) or _first(_DATELINES, line)
    return found[0] if found else None


def stated_date(text: str) -> str | None:
    """The publication date a text states in a date line or dateline near its start (ISO), else None."""
    for line in head_lines(text):
        found = date_line(line)
        if found:
            return found
    return None


def is_date_line(line: str) -> bool:
    """True when ``line`` is nothing but a date (with weekday, label or time): not a title."""
    found = _first(_DATE_LINES, line)
    if found is None:
        return False
    rest = line[found[1].end() :].strip(_REST_PUNCT)
    return not rest or bool(_TIME_REST.fullmatch(rest))


def pdf_date(value: object) -> str | None:
    """ISO date of a PDF date string ("D:20250904123000+02'00'"), else None (also for partial dates)."""
    if not isinstance(value, str):
        return None
    match = _PDF_DATE.match(value)
    if not match or not match.group("month") or not match.group("day"):
        return None
    return _valid(match.group("year"), int(match.group("month")), int(match.group("day")))
