"""The YAML front matter of the Markdown exports, written without loading PyYAML where it can be.

Every export and dossier starts with a front matter block: a flat mapping of short single-line
strings, whole numbers, dates and lists of strings. PyYAML writes such a block in a simple,
fixed way (``key: value``, a list as ``- item`` lines, ``[]`` when empty), but loading it costs a
command-line call about 20 ms. :func:`front_matter` writes the block itself when every value is
one whose PyYAML form it knows for certain, and hands the whole block to PyYAML otherwise, so the
text is the same either way (tests/core/test_frontmatter.py compares the two over generated values).

A string is written plain when it starts with a letter, holds only letters, digits, single spaces
and punctuation that YAML gives no meaning inside a plain scalar, and is not a word YAML reads as
a boolean or null; quoted (in single quotes, or in double quotes when it holds an apostrophe and
nothing double quotes would escape) when it starts with or holds what YAML cannot take plain; any
other string goes to PyYAML.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

_NOT_STRINGS = frozenset(
    {
        *("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE"),
        *("on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"),
    }
)
"""Plain words PyYAML reads as booleans or null (it quotes them as strings: left to it)."""

_PLAIN_INSIDE = frozenset(" .,;!?'\"()[]{}<>/\\|&+-_:=#~*@%$€£’‘“”–—…·«»„")
"""Punctuation YAML gives no meaning inside a plain scalar (``: `` and `` #`` are checked apart)."""

_NEVER_PLAIN_FIRST = frozenset("[]{}#&*!|>'\"%@`,")
"""A first character that YAML reads as structure: a string starting with one is quoted."""


def _printable(ch: str) -> bool:
    """Whether YAML (with Unicode allowed) writes ``ch`` as it is in a single-quoted string."""
    return ("\x20" <= ch <= "\x7e" or "\xa0" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd") or (
        "\U00010000" <= ch < "\U0010ffff"
    )


def _verbatim_in_double_quotes(value: str) -> bool:
    """Whether YAML writes ``value`` between double quotes exactly as it is (no escape inside)."""
    return not any(
        ch in '"\\\x85\u2028\u2029\ufeff'
        or not ("\x20" <= ch <= "\x7e" or "\xa0" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd")
        for ch in value
    )


def _quoted(value: str) -> str:
    """``value`` quoted as the front matter's dumper quotes it (see :func:`_front_matter_dumper`)."""
    if "'" in value and _verbatim_in_double_quotes(value):
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _plain(value: str) -> bool:
    """Whether ``value`` is certainly written plain (see the module's docstring)."""
    return (
        value[:1].isalpha()
        and value not in _NOT_STRINGS
        and not value.endswith((" ", ":"))
        and "  " not in value
        and ": " not in value
        and " #" not in value
        and all(ch.isalnum() or ch in _PLAIN_INSIDE for ch in value)
        and all(_printable(ch) for ch in value)
    )


def _never_plain(value: str) -> bool:
    """Whether ``value`` is certainly not written plain, and quoted (not escaped) when it is not."""
    return (
        bool(value)
        and (
            value[0] in _NEVER_PLAIN_FIRST
            or value[0] == " "
            or value[-1] == " "
            or ": " in value
            or " #" in value
            or value.endswith(":")
        )
        and all(_printable(ch) and ch not in "\u2028\u2029\ufeff" for ch in value)
    )


def _scalar(value: Any) -> str | None:
    """``value`` as the front matter writes it, or None when only PyYAML can tell."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        if _plain(value):
            return value
        if _never_plain(value):
            return _quoted(value)
    return None


def _lines(key: str, value: Any) -> list[str] | None:
    """The lines of one field, or None when only PyYAML can tell."""
    if not (key[:1].isascii() and key[:1].isalpha() and key.isascii() and _plain(key)):
        return None
    if isinstance(value, list):
        if not value:
            return [f"{key}: []"]
        items = [_scalar(item) for item in value]
        if any(item is None for item in items):
            return None
        return [f"{key}:", *(f"- {item}" for item in items)]
    scalar = _scalar(value)
    return None if scalar is None else [f"{key}: {scalar}"]


def front_matter(fields: dict[str, Any]) -> str:
    """Render ``fields`` (None values dropped) as a YAML front matter block."""
    data = {key: value for key, value in fields.items() if value is not None}
    lines: list[str] = []
    for key, value in data.items():
        field = _lines(key, value)
        if field is None:
            return yaml_front_matter(data)
        lines.extend(field)
    body = "".join(f"{line}\n" for line in lines) if lines else "{}\n"
    return f"---\n{body}---\n"


@functools.cache
def _front_matter_dumper() -> type:
    """``yaml.SafeDumper`` that quotes a string with an apostrophe in double quotes when it can.

    Single quotes would double the apostrophe (``'[[O''Brien]]'``): valid YAML, but a wikilink
    in the front matter would then no longer read as the note's name to anything that reads the
    file as text (Obsidian's link updater, grep, other Markdown tools).
    """
    import yaml  # loaded only for a value the front matter cannot write itself

    class FrontMatterDumper(yaml.SafeDumper):
        def choose_scalar_style(self) -> str:
            style = str(super().choose_scalar_style())
            value = getattr(self.event, "value", "")
            if style == "'" and "'" in value and _verbatim_in_double_quotes(value):
                return '"'
            return style

    return FrontMatterDumper


def yaml_front_matter(fields: dict[str, Any]) -> str:
    """``fields`` (None values dropped) as a front matter block written by PyYAML."""
    import yaml  # loaded only for a value the front matter cannot write itself

    data = {key: value for key, value in fields.items() if value is not None}
    dumped = yaml.dump(
        data,
        Dumper=_front_matter_dumper(),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
    return f"---\n{dumped}---\n"
