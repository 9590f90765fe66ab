"""The list of German nouns with their gender (invented text)."""

from __future__ import annotations

from tools.build_noun_genders import count, gender, rows

TEXT = (
    "Sie sah eine Quarzel und einer alten Quarzel, dann eine Quarzel. Er kaufte einen Zwirbel, "
    "einen Zwirbel, einen neuen Zwirbel und das Flimmbad, das Flimmbad, das kleine Flimmbad. "
    "Eine Welzau und einen Welzau, eine Welzau, eine Welzau."
)


def test_the_article_before_a_noun_directly_or_through_an_adjective_is_counted():
    found = count([TEXT])
    assert found["Quarzel"]["f"] == 3
    assert found["Zwirbel"]["m"] == 3
    assert found["Flimmbad"]["n"] == 3
    assert (found["Welzau"]["f"], found["Welzau"]["m"]) == (3, 1)


def test_a_noun_is_listed_only_when_one_gender_clearly_dominates():
    found = count([TEXT])
    assert gender(found["Welzau"]) is None  # 3 against 1 is not four times
    assert [(w, g) for w, g, *_ in rows(found)] == [("Flimmbad", "n"), ("Quarzel", "f"), ("Zwirbel", "m")]


def test_adjectives_are_lower_case_words_between_a_determiner_and_a_noun():
    from tools.build_noun_genders import adjectives

    found = adjectives(["Die roten Quarzel und der roten Zwirbel, aber kronen Welzau und die kleine Stadt."])
    assert found["roten"] == 2 and found["kleine"] == 1
    assert "kronen" not in found
