"""The word diff between two versions of an article."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.textdiff import text_diff


def test_changes_are_marked_word_by_word() -> None:
    runs = text_diff("Der Rat tagt am Montag.", "Der Rat tagt am Dienstag. Neu.")
    assert ("removed", "Montag") in runs and ("added", "Dienstag") in runs
    assert runs[0] == ("same", "Der Rat tagt am ")


words = st.lists(st.sampled_from(["a", "b", "c", " ", ".", "\n", "Wort"]), max_size=40).map("".join)


@given(words, words)
def test_the_runs_rebuild_both_texts(old: str, new: str) -> None:
    runs = text_diff(old, new)
    assert "".join(t for k, t in runs if k != "added") == old
    assert "".join(t for k, t in runs if k != "removed") == new
