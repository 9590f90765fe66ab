"""The front matter written without PyYAML is the text PyYAML writes, and PyYAML is left unloaded for
the values exports and dossiers usually hold."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.core import frontmatter
from desktop.core.frontmatter import front_matter, yaml_front_matter

# Letters, digits and every character class YAML cares about: indicators, quotes, escapes, line
# breaks (\x85, \u2028), the byte order mark, control characters, characters outside the BMP.
_ALPHABET = st.sampled_from(
    [
        *"abcXYZäöüßéçøÅ日本語ΩЖ0123456789 .,;:!?'\"()[]{}#&*|>%@`-_/\\+=~<$€’“”–…\t\n",
        *("\x85", "\u2028", "\ufeff", "\x07", "\x7f", "\xa0", "\U0001f600", "\ue000"),
    ]
)
# Mostly what a plain scalar may hold, so that the text written without PyYAML is compared often.
_NEAR_PLAIN = st.text(st.sampled_from(list("abÄé日 0.,;:!?'\"()[]{}<>/\\|&+-_=#~*@%$€’“–…\t")), max_size=16)
_TEXT = (
    st.text(_ALPHABET, max_size=24)
    | _NEAR_PLAIN
    | st.sampled_from(
        [
            "yes",
            "No",
            "null",
            "~",
            "",
            "true",
            "on",
            "OFF",
            "1.5",
            "12",
            "2020-01-02",
            "0x1f",
            "-",
            "- a",
            "...",
            "---",
        ]
    )
)
_VALUE = st.one_of(
    _TEXT,
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.dates(),
    st.none(),
    st.lists(_TEXT, max_size=4),
)
_KEYS = st.sampled_from(["title", "kind", "aliases", "roles", "url", "generated", "on", "x-y", "Ü", "tags"])


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(_KEYS, _VALUE, max_size=6))
@example({"title": "Mark O'Brien", "aliases": ["[[O'Brien]]"], "quotes": 0})
@example({"title": "Ukraine: the talks", "url": "https://example.org/a#b", "tags": []})
@example({})
def test_written_as_pyyaml_writes_it(fields: dict[str, object]) -> None:
    written = front_matter(fields)
    assert written == yaml_front_matter(fields)
    if any(ch in repr(fields) for ch in ("\\n", "\\x85", "\\u2028")):
        return  # PyYAML reads a line break inside a value back as a space (the exports write none)
    body = written.removeprefix("---\n").removesuffix("---\n")
    assert yaml.safe_load(body) == ({k: v for k, v in fields.items() if v is not None} or {})


@pytest.mark.parametrize(
    "value",
    [
        "Mark Rutte",
        "Koalition der Willigen",
        "Bundesamt für Migration und Flüchtlinge (BAMF)",
        "Prime Minister of the Netherlands",
        "O'Brien",
        "https://example.org/news/2024/a-b?x=1",
        "briefing-reader://article/12",
        "Ukraine: the talks",
        "[[Mark Rutte]]",
        "Who said “no”? – Analysis…",
    ],
)
def test_usual_values_need_no_pyyaml(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    def refuse(fields: dict[str, object]) -> str:
        raise AssertionError(f"PyYAML asked for {fields!r}")

    monkeypatch.setattr(frontmatter, "yaml_front_matter", refuse)
    fields = {"title": value, "aliases": [value], "articles": 3, "generated": dt.date(2026, 1, 2)}
    assert front_matter(fields).startswith("---\ntitle: ")


def test_writing_front_matter_does_not_load_pyyaml() -> None:
    code = (
        "import sys, datetime; from desktop.core.export_md import front_matter; "
        "front_matter({'title': 'Mark Rutte', 'tags': ['nato'], 'generated': datetime.date.today()}); "
        "print('yaml' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_pyyaml_writes_what_it_cannot() -> None:
    assert front_matter({"title": "yes"}) == "---\ntitle: 'yes'\n---\n"
    assert front_matter({"title": "a\u2028b"}) == yaml_front_matter({"title": "a\u2028b"})
    assert front_matter({"when": dt.datetime(2026, 1, 2, 3, 4)}) == "---\nwhen: 2026-01-02 03:04:00\n---\n"
