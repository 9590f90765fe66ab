"""Tags of annotations: one normal form, nested with "/" (``"politik/wahl"``), Obsidian-compatible."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from desktop.core.errors import UserError

MAX_TAG_LENGTH = 100

_HASHES_RE = re.compile(r"^#+")
_SPACED_HYPHENS_RE = re.compile(r"[\s-]*\s[\s-]*")  # whitespace runs, with hyphens around them
_SLASH_RE = re.compile(r"\s*/[\s/]*")


class TagError(UserError, ValueError):
    """A tag is empty or contains characters a tag cannot have; the message is for the user."""


def _allowed(ch: str) -> bool:
    """Letters (with their combining marks), decimal digits, "_", "-" and "/"."""
    if ch in "_-/":
        return True
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd"


def normalize_tag(raw: str) -> str:
    """Return the normal form of a tag or raise :class:`TagError`.

    Leading ``#`` and surrounding whitespace are removed, the tag is lower-cased (NFC),
    whitespace becomes ``-``, repeated ``/`` are collapsed and ``/`` at the ends dropped.
    Allowed are letters, digits, ``_``, ``-`` and ``/`` (for nesting). Like Obsidian, a tag
    cannot consist of digits only; here no level of it may be digits only at the start
    (``"2024"`` and ``"2024/q1"`` are refused, ``"wahl/2024"`` is fine).
    """
    if not isinstance(raw, str):
        raise TagError("A tag must be text.")
    return _normal_form(raw)


@functools.lru_cache(maxsize=4096)
def _normal_form(raw: str) -> str:
    """:func:`normalize_tag` of a string, remembered (a library has few tags, each read many times)."""
    shown = raw.strip()
    text = _HASHES_RE.sub("", unicodedata.normalize("NFC", raw).strip()).strip()
    text = unicodedata.normalize("NFC", text.lower())
    text = _SLASH_RE.sub("/", text).strip("/")
    text = _SPACED_HYPHENS_RE.sub("-", text)
    if not text:
        raise TagError("A tag must not be empty.")
    bad = sorted({ch for ch in text if not _allowed(ch)})
    if bad:
        listed = " ".join(f'"{ch}"' if ch.isprintable() else f"U+{ord(ch):04X}" for ch in bad)
        raise TagError(f'The tag "{shown}" contains {listed}; use only letters, digits, "_", "-" and "/".')
    if len(text) > MAX_TAG_LENGTH:
        raise TagError(f"A tag can have at most {MAX_TAG_LENGTH} characters; this one has {len(text)}.")
    segments = text.split("/")
    if segments[0].isdecimal():
        raise TagError(f'The tag "{shown}" starts with a number only; add a letter (e.g. "y{segments[0]}").')
    for segment in segments:
        if not any(ch.isalnum() for ch in segment):
            raise TagError(f'Each level of the tag "{shown}" needs at least one letter or digit.')
    return text


def tag_ancestors(tag: str) -> list[str]:
    """Return the tag and all its parents, outermost first: ``"a/b/c"`` -> ``["a", "a/b", "a/b/c"]``."""
    segments = normalize_tag(tag).split("/")
    return ["/".join(segments[: i + 1]) for i in range(len(segments))]


def normalize_tags(raws: Iterable[str]) -> tuple[str, ...]:
    """Normalise several tags, dropping duplicates and keeping the first-seen order."""
    return tuple(dict.fromkeys(normalize_tag(raw) for raw in raws))
