"""Case/diacritic folding for search and the mapping back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.textfold import find_folded, fold, fold_with_offsets, query_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seeminenräumung", "seeminenraumung"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Kopenhagen", "kopenhagen"),
        ("Émile Zoë Ångström", "emile zoe angstrom"),
        ("e\u0301", "e"),  # decomposed accent
        ("Łódź", "lodz"),
        ("ﬁnal", "final"),
        ("", ""),
    ],
)
def test_fold_examples(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_with_offsets_maps_expansions_to_their_source() -> None:
    folded, offsets = fold_with_offsets("Maß und Öl")
    assert folded == "mass und ol"
    assert list(offsets) == [0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]


def test_fold_with_offsets_ascii_is_identity_map() -> None:
    folded, offsets = fold_with_offsets("ABC def")
    assert (folded, list(offsets)) == ("abc def", [0, 1, 2, 3, 4, 5, 6])


@given(st.text())
def test_fold_with_offsets_is_consistent(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    assert folded == fold(text)
    assert len(offsets) == len(folded)
    assert list(offsets) == sorted(offsets)
    for index, original in enumerate(offsets):
        assert 0 <= original < len(text)
        assert folded[index] in fold(text[original])


@given(st.text(alphabet=st.characters(categories=["L", "M", "Zs"]), max_size=60))
def test_found_spans_fold_to_the_query(text: str) -> None:
    operators = {"AND", "OR", "NOT", "NEAR"}  # FTS syntax, never searched for
    words = [w for w in text.split() if fold(w) and fold(w).isalnum() and w not in operators]
    for word in words[:3]:
        spans = find_folded(text, word)
        assert spans, word
        for start, end in spans:
            assert 0 <= start < end <= len(text)


def test_find_folded_is_case_and_diacritic_insensitive() -> None:
    text = "Die Straße in Köln: STRASSE und straße."
    spans = find_folded(text, "strasse")
    assert [text[s:e] for s, e in spans] == ["Straße", "STRASSE", "straße"]
    assert [text[s:e] for s, e in find_folded(text, "koln")] == ["Köln"]
    assert [text[s:e] for s, e in find_folded(text, "KÖLN")] == ["Köln"]


def test_find_folded_ignores_fts_syntax_and_handles_every_word() -> None:
    text = "Seeminenräumung und Luftverteidigung wurden geplant."
    spans = find_folded(text, '"seeminenraumung" AND luftvert* OR NOT')
    assert [text[s:e] for s, e in spans] == ["Seeminenräumung", "Luftvert"]
    assert query_words('"a b" AND c* NOT d') == ["a", "b", "c", "d"]


def test_find_folded_merges_overlaps_and_can_require_word_start() -> None:
    text = "Sicherheitsgarantien und Garantie"
    assert [text[s:e] for s, e in find_folded(text, "garantie")] == ["garantie", "Garantie"]
    assert [text[s:e] for s, e in find_folded(text, "garantie", word_start=True)] == ["Garantie"]
    assert find_folded("aaaa", "aa") == [(0, 4)]
    assert find_folded(text, "") == []
    assert find_folded("", "x") == []


def test_fold_with_offsets_walks_only_uneven_characters() -> None:
    text = "ßÄb\u0301cßé"  # expansions at both ends, a combining accent in between, one-to-one letters
    folded, offsets = fold_with_offsets(text)
    assert folded == "ssabcsse"
    assert list(offsets) == [0, 0, 1, 2, 4, 5, 5, 6]


@given(st.text())
def test_fold_is_the_fold_of_each_character(text: str) -> None:
    assert fold(text) == "".join(fold(char) for char in text)


def test_fold_keeps_what_a_character_folds_to_when_lower_would_change_it() -> None:
    assert fold("ℳ Ärger") == "".join(fold(char) for char in "ℳ Ärger")
    assert fold_with_offsets("ℳß Ä")[0] == fold("ℳß Ä")


@given(st.text(alphabet=st.sampled_from("aZ ßÄäé\u0301\u0308ﬁæ½ℳΣ")))
def test_fold_with_offsets_is_the_map_of_each_character(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    assert folded == "".join(fold(char) for char in text)
    assert list(offsets) == [index for index, char in enumerate(text) for _ in fold(char)]
    assert [offsets[i] for i in range(-len(offsets), 0)] == list(offsets)
