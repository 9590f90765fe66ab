"""Nouns glued before a surname the article names in full are cut off (invented names)."""

from __future__ import annotations

from desktop.core.entities.glued_nouns import cut_nouns_before_surnames
from desktop.core.types import EntitySpan

NOUNS = {"Attacke", "Coach", "Comeback", "Slowaken", "Graf"}
GIVEN = {"Tamara", "Jonas"}


def people(*names: str) -> list[EntitySpan]:
    spans, at = [], 0
    for name in names:
        spans.append(EntitySpan(at, at + len(name), name, "person", 0.9))
        at += len(name) + 10
    return spans


def cut(*names: str) -> list[str]:
    spans = cut_nouns_before_surnames("", people(*names), NOUNS.__contains__, GIVEN.__contains__)
    return [s.text for s in spans]


def test_a_noun_a_compound_or_a_noun_and_von_before_a_known_surname_is_cut():
    assert cut("Tamara Holler", "Attacke Holler") == ["Tamara Holler", "Holler"]
    assert cut("Graz-Coach Holler", "Tamara Holler") == ["Holler", "Tamara Holler"]
    assert cut("Traum-Comeback von Holler", "Tamara Holler") == ["Holler", "Tamara Holler"]
    assert cut("Slowaken Holler", "Tamara Holler") == ["Holler", "Tamara Holler"]


def test_offsets_follow_the_cut():
    spans = cut_nouns_before_surnames(
        "", people("Attacke Holler", "Tamara Holler"), NOUNS.__contains__, GIVEN.__contains__
    )
    assert (spans[0].start, spans[0].end) == (8, 14)
    assert spans[0].score == 0.9


def test_names_without_a_full_form_or_with_a_given_name_stay_whole():
    # the surname only alone elsewhere: no full name to join
    assert cut("Attacke Holler", "Holler") == ["Attacke Holler", "Holler"]
    # a given name before the surname is another person of the family
    assert cut("Jonas Holler", "Tamara Holler") == ["Jonas Holler", "Tamara Holler"]
    # an unknown word before the surname may be a given name
    assert cut("Bright Holler", "Tamara Holler") == ["Bright Holler", "Tamara Holler"]
    # two words before the surname are another person ("Erwin Pröll Mitterlehner")
    assert cut("Jonas Brandl Holler", "Tamara Holler") == ["Jonas Brandl Holler", "Tamara Holler"]


def test_a_noun_between_a_name_and_a_colon_is_a_heading():
    text = "Holler, Brandl – Kessin Ersatz: Vondra. Rieder – Novak Ersatz: Brandl"
    spans = [
        EntitySpan(text.index(n), text.index(n) + len(n), n, "person") for n in ("Kessin Ersatz", "Vondra")
    ]
    got = cut_nouns_before_surnames(text, spans, {"Ersatz"}.__contains__, GIVEN.__contains__)
    assert [(s.text, text[s.start : s.end]) for s in got] == [("Kessin", "Kessin"), ("Vondra", "Vondra")]
    # a given name first: an interview's speaker whose surname is a noun ("Tamara Kessin:")
    text = "Tamara Ersatz: Vondra hat recht. Kessin Ersatz: Nein."
    spans = [EntitySpan(0, 13, "Tamara Ersatz", "person"), EntitySpan(15, 21, "Vondra", "person")]
    got = cut_nouns_before_surnames(text, spans, {"Ersatz"}.__contains__, GIVEN.__contains__)
    assert got[0].text == "Tamara Ersatz"
    # the heading only once: an author before a title, not a line-up
    text = "Kessin Ersatz: Gerresheim 870-1970"
    got = cut_nouns_before_surnames(
        text, [EntitySpan(0, 13, "Kessin Ersatz", "person")], {"Ersatz"}.__contains__, GIVEN.__contains__
    )
    assert got[0].text == "Kessin Ersatz"
    # no colon after it: the name stays whole
    text = "Kessin Ersatz spielte"
    got = cut_nouns_before_surnames(
        text, [EntitySpan(0, 13, "Kessin Ersatz", "person")], {"Ersatz"}.__contains__, GIVEN.__contains__
    )
    assert got[0].text == "Kessin Ersatz"


def test_a_noun_before_a_given_name_and_surname_is_cut():
    assert cut("Attacke Tamara Holler") == ["Tamara Holler"]
    assert cut("Attacke Tamara-Jonas") == ["Tamara-Jonas"]
    # one word after the noun may be a surname the noun belongs to
    assert cut("Attacke Tamara") == ["Attacke Tamara"]


def test_before_von_and_a_known_surname_any_word_but_a_given_name_is_cut():
    assert cut("Extralob von Holler", "Tamara Holler") == ["Holler", "Tamara Holler"]
    assert cut("Jonas von Holler", "Tamara Holler") == ["Jonas von Holler", "Tamara Holler"]
    assert cut("Extralob von Holler", "Holler") == ["Extralob von Holler", "Holler"]  # no full name
