"""Code-point <-> UTF-16 offsets, including characters outside the Basic Multilingual Plane."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.offsets import OffsetError, OffsetMap, from_utf16, to_utf16, utf16_length


def test_ascii_and_bmp_are_identity() -> None:
    text = "Straße in Köln — ok"
    for i in range(len(text) + 1):
        assert to_utf16(text, i) == i
        assert from_utf16(text, i) == i


def test_emoji_takes_two_units() -> None:
    text = "a😀b🇩🇪c"
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2 == 9
    assert [to_utf16(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert from_utf16(text, 3) == 2  # "b"
    assert from_utf16(text, 2) == 1  # inside the surrogate pair of the emoji: its start
    assert from_utf16(text, 9) == len(text)


def test_out_of_range_is_a_clear_error() -> None:
    with pytest.raises(OffsetError, match="outside the text"):
        to_utf16("abc", 4)
    with pytest.raises(OffsetError, match="outside the text"):
        from_utf16("a😀", 4)
    with pytest.raises(OffsetError):
        to_utf16("abc", -1)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip(text: str) -> None:
    mapping = OffsetMap(text)
    assert mapping.utf16_length == len(text.encode("utf-16-le")) // 2
    for index in range(len(text) + 1):
        position = mapping.to_utf16(index)
        assert position == len(text[:index].encode("utf-16-le")) // 2
        assert mapping.from_utf16(position) == index
        assert to_utf16(text, index) == position
        assert from_utf16(text, position) == index


@given(st.text(alphabet=st.characters(min_codepoint=0x1F300, max_codepoint=0x1F6FF), min_size=1, max_size=10))
def test_every_utf16_position_maps_to_a_character_start(text: str) -> None:
    mapping = OffsetMap(text)
    for position in range(mapping.utf16_length + 1):
        index = mapping.from_utf16(position)
        assert mapping.to_utf16(index) <= position <= mapping.to_utf16(index) + 1
