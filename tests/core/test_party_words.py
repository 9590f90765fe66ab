"""A party named by its word alone joins the party named in full (match keys, invented parties)."""

from __future__ import annotations

from desktop.core.entities.party_words import party_word_pairs


def pairs(*keys: str) -> list[tuple[str, str]]:
    return party_word_pairs(keys, lambda key: True)


def test_the_word_alone_and_a_stem_of_six_letters_join_the_party():
    assert pairs("zentrist party", "zentrist", "zentris") == [
        ("zentrist party", "zentrist"),
        ("zentrist party", "zentris"),
    ]
    assert pairs("grüne wende partei", "grüne wende") == [("grüne wende partei", "grüne wende")]


def test_short_stems_other_words_and_two_parties_join_nothing():
    assert pairs("labor party", "lab") == []
    assert pairs("labor party", "labour union") == []
    assert pairs("freedom party", "freedom alliance party", "freedom") == []
    assert pairs("freedom") == []


def test_only_organisations_are_paired():
    assert party_word_pairs(["zentrist party", "zentrist"], lambda key: key != "zentrist") == []
