"""Tag normalisation and nesting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.tags import TagError, normalize_tag, normalize_tags, tag_ancestors


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Politik", "politik"),
        ("  #Politik  ", "politik"),
        ("##doppelt", "doppelt"),
        ("Sicherheit Europa", "sicherheit-europa"),
        ("a  -  b", "a-b"),
        ("a--b", "a--b"),
        ("Bündnis/Planung", "bündnis/planung"),
        ("a//b///c", "a/b/c"),
        ("/a/b/", "a/b"),
        ("a / b", "a/b"),
        ("Straße", "straße"),
        ("snake_case", "snake_case"),
        ("wahl/2024", "wahl/2024"),
        ("y1984", "y1984"),
        ("Ελλάδα", "ελλάδα"),
        ("日本", "日本"),
        ("Cafe\u0301", "café"),  # NFC
    ],
)
def test_normalize_tag(raw: str, expected: str) -> None:
    assert normalize_tag(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        ("#", "must not be empty"),
        ("///", "must not be empty"),
        ("a!b", '"!"'),
        ("a.b", '"."'),
        ("a#b", '"#"'),
        ("emoji🙂", '"🙂"'),
        ("1984", "number only"),
        ("2024/q1", "number only"),
        ("a/-/b", "at least one letter or digit"),
        ("x" * 101, "at most 100"),
    ],
)
def test_invalid_tags_give_a_clear_message(raw: str, fragment: str) -> None:
    with pytest.raises(TagError) as info:
        normalize_tag(raw)
    message = str(info.value)
    assert fragment in message
    assert message.endswith(".")
    assert "\n" not in message


def test_tag_error_is_a_value_error() -> None:
    assert issubclass(TagError, ValueError)


def test_tag_ancestors() -> None:
    assert tag_ancestors("a/b/c") == ["a", "a/b", "a/b/c"]
    assert tag_ancestors("#Politik/Wahl") == ["politik", "politik/wahl"]
    assert tag_ancestors("solo") == ["solo"]


def test_normalize_tags_dedupes_in_order() -> None:
    assert normalize_tags(["B", "a", "#b", "A "]) == ("b", "a")


@given(st.text(max_size=40))
def test_normalize_is_idempotent_and_ancestors_are_valid(raw: str) -> None:
    try:
        tag = normalize_tag(raw)
    except TagError:
        return
    assert normalize_tag(tag) == tag
    assert tag == tag.strip("/") and "//" not in tag and " " not in tag
    for ancestor in tag_ancestors(tag):
        assert normalize_tag(ancestor) == ancestor
