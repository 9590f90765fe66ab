"""German people the model doubts need the article's backing (invented names)."""

from __future__ import annotations

from desktop.core.entities.doubtful_people import DOUBTFUL_PERSON, drop_doubtful_people
from desktop.core.types import EntitySpan

GIVEN = {"Jana", "Piet"}
KNOWN = {"marek vondra"}


def person(text: str, score: float, start: int = 0) -> EntitySpan:
    return EntitySpan(start, start + len(text), text, "person", score)


def kept(spans: list[EntitySpan], text: str = "") -> list[str]:
    result = drop_doubtful_people(text, spans, GIVEN.__contains__, lambda n: n.lower() in KNOWN)
    return [s.text for s in result]


def test_a_doubtful_lone_word_goes_and_a_sure_one_stays():
    low = DOUBTFUL_PERSON - 0.2
    assert kept([person("Kurzweg", low), person("Holler", 0.95, 20)]) == ["Holler"]


def test_a_doubtful_mention_backed_by_a_sure_one_stays():
    spans = [person("Tamara Holler", 0.97), person("Holler", 0.4, 30)]
    assert kept(spans) == ["Tamara Holler", "Holler"]


def test_a_given_name_or_a_known_person_backs_a_doubtful_name():
    spans = [person("Jana Kessin", 0.3), person("Marek Vondra", 0.3, 20)]
    assert kept(spans) == ["Jana Kessin", "Marek Vondra"]
    # a given name as the last word is no backing: "Analytiker Piet" is not "Piet Analytiker"
    assert kept([person("Analytiker Piet", 0.3)]) == []


def test_other_types_and_rule_made_spans_are_left_alone():
    place = EntitySpan(0, 6, "Welzow", "location", 0.2)
    made_by_a_rule = EntitySpan(10, 16, "Kessin", "person")  # rules keep the default score 1.0
    assert drop_doubtful_people("", [place, made_by_a_rule], GIVEN.__contains__, lambda n: False) == [
        place,
        made_by_a_rule,
    ]


def test_a_line_up_with_one_sure_name_backs_the_others():
    text = "Es spielten Holler, Kessin, Brandl – Vondra und Rieder. Kurzum: ein Sieg."
    scores = {"Holler": 0.9, "Kessin": 0.3, "Brandl": 0.4, "Vondra": 0.5, "Rieder": 0.2, "Kurzum": 0.4}
    spans = [person(name, score, text.index(name)) for name, score in scores.items()]
    assert kept(spans, text) == ["Holler", "Kessin", "Brandl", "Vondra", "Rieder"]
    # a line-up of four doubtful names backs itself; a list of three doubtful words does not
    text = "Brandl, Kessin (84. Rieder), Vondra"
    spans = [person(w, 0.4, text.index(w)) for w in ("Brandl", "Kessin", "Rieder", "Vondra")]
    assert kept(spans, text) == ["Brandl", "Kessin", "Rieder", "Vondra"]
    text = "Freiheit, Gleichheit, Tapferkeit"
    spans = [person(w, 0.4, text.index(w)) for w in text.split(", ")]
    assert kept(spans, text) == []


def test_with_single_words_only_one_word_people_are_tested():
    spans = [person("Zalvor", 0.4), person("Knox Vindal", 0.3, 20), person("Marek", 0.95, 40)]
    result = drop_doubtful_people("", spans, GIVEN.__contains__, lambda n: False, single_words=True)
    assert [s.text for s in result] == ["Knox Vindal", "Marek"]
