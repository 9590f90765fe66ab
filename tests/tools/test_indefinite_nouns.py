"""The list of German words seen after an indefinite determiner, a quantifier or a number word
(invented text)."""

from __future__ import annotations

from tools.build_indefinite_nouns import count, rows

TEXT = (
    "Er hatte einen Quarzel. Sie sah keinen schweren Quarzel. Der Quarzel heilte. "
    "Zwei Flimmbäder und mehrere Flimmbäder. Die Welzau liegt in der Welzau am Fluss Welzau. "
    "Ein neues Welzau? Die Welzau. Der Kesselgrund und ein Kesselgrund, dazu ein KREIS und ein KREIS."
)


def test_uses_after_an_indefinite_word_directly_or_through_an_adjective_are_counted():
    total, after = count([TEXT])
    assert (total["Quarzel"], after["Quarzel"]) == (3, 2)
    assert (total["Flimmbäder"], after["Flimmbäder"]) == (2, 2)
    assert (total["Welzau"], after["Welzau"]) == (5, 1)
    assert after["Der"] == 0


def test_words_seen_so_often_enough_are_listed_but_no_known_names_and_no_capitals():
    total, after = count([TEXT])
    listed = rows(total, after, lambda w: w == "Kesselgrund", min_share=0.3)
    assert [w for w, *_ in listed] == ["Flimmbäder", "Quarzel"]
    word, n, uses, share = listed[1]
    assert (word, n, uses, round(share, 2)) == ("Quarzel", 3, 2, 0.67)
