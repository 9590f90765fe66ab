"""The sentence splitter shared by quote attribution and actor co-occurrence."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.core import sentences as sentence_module
from desktop.core.sentences import SentenceLookup, sentence_index, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_splits_after_final_punctuation_before_a_capital() -> None:
    assert sentences("Das ist gut. Er kommt morgen! Wirklich? Ja.") == [
        "Das ist gut.",
        "Er kommt morgen!",
        "Wirklich?",
        "Ja.",
    ]


def test_line_breaks_always_end_a_sentence() -> None:
    assert sentences("Titel ohne Punkt\nDer erste Satz.\n\nNoch einer") == [
        "Titel ohne Punkt",
        "Der erste Satz.",
        "Noch einer",
    ]


def test_abbreviations_initials_and_ordinals_do_not_split() -> None:
    text = "Dr. Weber traf am 4. September US-General Alexus G. Grynkewich, u.a. in Brüssel. Dann ging er."
    assert sentences(text) == [
        "Dr. Weber traf am 4. September US-General Alexus G. Grynkewich, u.a. in Brüssel.",
        "Dann ging er.",
    ]
    assert sentences("The U.S. Senate met Mr. Smith. It voted.") == [
        "The U.S. Senate met Mr. Smith.",
        "It voted.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = '"Wir werden es schaffen." Trump lachte. Er sagte: „Es wird etwas passieren.“ Dann ging er.'
    assert sentences(text) == [
        '"Wir werden es schaffen."',
        "Trump lachte.",
        "Er sagte: „Es wird etwas passieren.“",
        "Dann ging er.",
    ]


def test_lowercase_after_a_dot_and_decimals_do_not_split() -> None:
    assert sentences("Es waren 3.5 Prozent bzw. etwas mehr. gut so") == [
        "Es waren 3.5 Prozent bzw. etwas mehr. gut so"
    ]


def test_sentence_index_finds_the_containing_sentence() -> None:
    text = "Eins ist hier. Zwei ist da. Drei."
    spans = sentence_spans(text)
    lookup = SentenceLookup(spans)
    assert [lookup.index(text.index(w)) for w in ("Eins", "Zwei", "Drei")] == [0, 1, 2]
    assert sentence_index(spans, text.index("Zwei")) == 1


@given(st.text(alphabet=st.sampled_from(list('ab AB.!?\n"“”0123')), max_size=200))
def test_spans_are_ordered_disjoint_and_cover_all_non_blank_text(text: str) -> None:
    spans = sentence_spans(text)
    covered = set()
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        last_end = end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@given(
    st.text(alphabet=st.sampled_from(list("ab.Ä \n\t\u00a0\u3000\x85\u2028")), max_size=60),
    st.integers(min_value=0, max_value=60),
)
def test_word_before_a_dot_is_what_the_old_regex_found(text: str, dot: int) -> None:
    dot = min(dot, len(text))
    found = re.search(r"(\S+)$", text[max(0, dot - 40) : dot])
    assert sentence_module._word_before(text, dot) == (found.group(1) if found else "")


def test_the_same_text_again_gets_its_own_list_of_the_same_spans() -> None:
    text = "Die Lage ist ernst. Der Minister schwieg. Dann sprach er doch."
    first = sentence_spans(text)
    first.append((0, 1))  # a caller's change stays its own
    again = sentence_spans("".join(text))  # equal text, maybe another object
    assert again == sentence_module._split(text) and len(again) == 3
    assert sentence_spans("Ein Satz. Noch einer.") == [(0, 9), (10, 21)]
    assert sentence_spans(text) == again
