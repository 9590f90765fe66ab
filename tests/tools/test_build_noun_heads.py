"""The list of heads of German compounds that are rarely names (invented words)."""

from __future__ import annotations

from tools.build_noun_heads import count

NOUNS = frozenset({"Quarzel", "Flimmbad", "Zwirbel"})


def test_heads_are_counted_over_unlisted_capitalised_words_with_their_uses_as_names():
    tokens = [
        ("Armquarzel", "O"), ("Sinkquarzel", "O"), ("Tolquarzel", "B-LOC"), ("Quarzel", "O"),
        ("Grubflimmbad", "B-ORG"), ("Welflimmbad", "B-ORGpart"), ("Kolflimmbad", "B-LOCderiv"),
        ("armquarzel", "O"), ("Welzau", "B-LOC"),
    ]  # fmt: skip
    uses, names = count(tokens, NOUNS)
    assert (uses["Quarzel"], names["Quarzel"]) == (3, 1)  # the listed word itself is not counted
    assert (uses["Flimmbad"], names["Flimmbad"]) == (3, 1)  # parts and derived words are no names
    assert "Welzau" not in uses and "Zwirbel" not in uses
