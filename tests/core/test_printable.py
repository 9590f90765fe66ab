"""Printable forms of untrusted text: no control character ever reaches a terminal."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.filenames import display_path
from desktop.core.printable import printable_line, terminal_safe

ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),  # every code point, lone surrogates included
        st.sampled_from(["\x1b", "\x07", "\x9b", "\x85", "\r", "\n", "\t", "\u202e", "\u2028"]),
    )
)
LINE_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
OUTPUT_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@given(ANY_TEXT)
def test_a_printable_line_is_one_line_of_valid_text(text: str) -> None:
    line = printable_line(text)
    assert not LINE_UNSAFE.search(line)
    line.encode("utf-8")
    assert display_path(text) == line
    if not LINE_UNSAFE.search(text):
        assert line == text  # clean text is left alone


@given(ANY_TEXT)
def test_terminal_safe_text_keeps_newlines_and_tabs_only(text: str) -> None:
    safe = terminal_safe(text)
    assert not OUTPUT_UNSAFE.search(safe)
    assert safe.count("\n") == text.count("\n") and safe.count("\t") == text.count("\t")


@given(st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=4))
def test_terminal_safe_json_is_still_the_same_json(data: dict[str, str]) -> None:
    encoded = json.dumps(data, ensure_ascii=False)
    safe = terminal_safe(encoded)
    assert not OUTPUT_UNSAFE.search(safe)
    assert json.loads(safe) == json.loads(encoded)  # lossless: the escapes are JSON's own
