"""Direct speech: every usual quotation mark, quotes over several sentences, stripped marks."""

from __future__ import annotations

import pytest

from tests.quote_helpers import actor, only, statements


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("„", "“"), ('"', '"'), ("»", "«"), ("«", "»"), ("‚", "‘"), ("“", "”")],
    ids=["german", "straight", "chevrons-in", "chevrons-out", "german-single", "curly"],
)
def test_german_quotation_in_every_mark(opening: str, closing: str) -> None:
    text = f"{opening}Wir werden die Pläne genau prüfen{closing}, sagte Anna Müller am Montag."
    said = only(text, "de", [actor(text, "Anna Müller")])
    assert (said.message, said.speaker, said.kind, said.cue) == (
        "Wir werden die Pläne genau prüfen",
        "Anna Müller",
        "direct",
        "sagte",
    )


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’")],
    ids=["straight", "curly", "single", "curly-single"],
)
def test_english_quotation_in_every_mark(opening: str, closing: str) -> None:
    text = f"{opening}We will look at the plans very closely,{closing} John Smith said on Monday."
    said = only(text, "en", [actor(text, "John Smith")])
    assert (said.message, said.speaker, said.kind) == (
        "We will look at the plans very closely",
        "John Smith",
        "direct",
    )


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "'We don't know the Smiths' plans yet,' John Smith said. It's Trump's turn."
    said = only(text, "en", [actor(text, "John Smith")])
    assert said.message == "We don't know the Smiths' plans yet"


def test_a_quotation_over_several_sentences_is_one_statement() -> None:
    text = "„Es wird etwas passieren. Aber nicht heute. Wir werden es schaffen“, sagte Anna Müller."
    said = only(text, "de", [actor(text, "Anna Müller")])
    assert said.message == "Es wird etwas passieren. Aber nicht heute. Wir werden es schaffen"
    assert said.speaker == "Anna Müller"


def test_colon_introduces_a_quotation() -> None:
    de = "Anna Müller sagte: „Wir werden die Pläne genau prüfen.“"
    en = 'John Smith said: "We will look at the plans very closely."'
    assert only(de, "de", [actor(de, "Anna Müller")]).speaker == "Anna Müller"
    assert only(en, "en", [actor(en, "John Smith")]).speaker == "John Smith"


def test_particle_verb_after_the_quotation() -> None:
    text = '"Wir müssen prüfen, wie sich das auf die Pläne auswirkt", fügte Mark Rutte hinzu.'
    said = only(text, "de", [actor(text, "Mark Rutte")])
    assert (said.speaker, said.cue) == ("Mark Rutte", "fügte Mark Rutte hinzu")


def test_inverted_english_attribution() -> None:
    text = '"The talks went very well today," said John Smith.'
    assert only(text, "en", [actor(text, "John Smith")]).speaker == "John Smith"


def test_a_quotation_interrupted_by_its_cue_keeps_the_speaker() -> None:
    text = '"We will win this race," John Smith said, "and we will win it very soon."'
    found = statements(text, "en", [actor(text, "John Smith")])
    assert [(s.message, s.speaker) for s in found] == [
        ("We will win this race", "John Smith"),
        ("and we will win it very soon.", "John Smith"),
    ]


def test_a_quotation_opening_the_next_sentence_continues_the_speaker() -> None:
    text = "Anna Müller sagte: „Wir sind bereit.“ „Die Truppen stehen an der Grenze.“"
    found = statements(text, "de", [actor(text, "Anna Müller")])
    assert [s.speaker for s in found] == ["Anna Müller", "Anna Müller"]


def test_stripped_marks_german() -> None:
    text = "Wir werden das prüfen, sagte Anna Müller."
    said = only(text, "de", [actor(text, "Anna Müller")])
    assert (said.message, said.speaker, said.kind) == ("Wir werden das prüfen", "Anna Müller", "direct")


def test_stripped_marks_english() -> None:
    text = "We will look into it, John Smith said."
    said = only(text, "en", [actor(text, "John Smith")])
    assert (said.message, said.speaker, said.kind) == ("We will look into it", "John Smith", "direct")


def test_stripped_report_in_konjunktiv_is_indirect() -> None:
    text = "Man werde das prüfen, sagte Anna Müller."
    said = only(text, "de", [actor(text, "Anna Müller")])
    assert (said.message, said.kind) == ("Man werde das prüfen", "indirect")


def test_unclosed_quotation_ends_with_its_sentence() -> None:
    text = "Peter Berg sagte: „Diese Jobs kommen nie wieder zurück. Dann ging er."
    found = statements(text, "de", [actor(text, "Peter Berg")])
    assert [(s.message, s.speaker) for s in found] == [("Diese Jobs kommen nie wieder zurück.", "Peter Berg")]


def test_quotation_without_any_cue_is_kept_without_speaker() -> None:
    text = 'The report was short. "Nobody knew what would happen next in the city."'
    said = only(text, "en", [])
    assert (said.speaker, said.source, said.cue) == (None, None, None)
