"""Language detection: German and English news are never confused; short text is "und". Words as the
detection and the index's stems split them."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.language import detect_language, function_word_vote, letter_words
from desktop.core.stemming import WORD_RE, index_words

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_7f783bb47adde24b.txt"

GERMAN = [
    "Die Minister trafen sich am Dienstag in Brüssel, um über neue Sanktionen zu beraten.",
    "Der Stadtrat hat den Haushalt für das kommende Jahr mit knapper Mehrheit beschlossen.",
    "Nach Angaben der Polizei wurde bei dem Unfall auf der Autobahn niemand schwer verletzt.",
    "Die Regierung will die Steuern senken, doch die Opposition hält das für unbezahlbar.",
]
ENGLISH = [
    "Ministers met in Brussels on Tuesday to discuss new sanctions and further military aid.",
    "The city council approved the budget for next year by a narrow majority on Monday.",
    "According to the police, nobody was seriously injured in the accident on the motorway.",
    "The government wants to cut taxes, but the opposition says the plan is unaffordable.",
]


@pytest.mark.parametrize("text", GERMAN)
def test_german_paragraphs(text: str) -> None:
    assert detect_language(text) == "de"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_paragraphs(text: str) -> None:
    assert detect_language(text) == "en"


def test_german_text_full_of_english_names_stays_german() -> None:
    text = (
        "Der Chief Executive Officer von Global Energy Partners, John Smith, sagte, dass die "
        "Pipeline Company und die Northern Trust Bank sich auf einen neuen Vertrag geeinigt hätten."
    )
    assert detect_language(text) == "de"


def test_english_text_with_german_names_stays_english() -> None:
    text = (
        "The Bundesverband der Deutschen Industrie and the Deutscher Gewerkschaftsbund said on "
        "Friday that the agreement with the Bundesregierung would be signed in Frankfurt."
    )
    assert detect_language(text) == "en"


def test_other_languages_are_reported() -> None:
    assert detect_language("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.") == "fr"
    assert detect_language("El gobierno anunció el martes una nueva reforma de las pensiones.") == "es"


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "Hallo", "OK!", "Anna Berg, Lukas Brandt"])
def test_short_or_unknown_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_short_text_decided_by_function_words() -> None:
    assert detect_language("Die Lage ist ernst.") == "de"
    assert detect_language("The end is near.") == "en"


def test_function_word_vote() -> None:
    assert function_word_vote(["der", "die", "und", "ist"])[0] == "de"
    assert function_word_vote(["the", "and", "of", "is"])[0] == "en"
    assert function_word_vote(["der", "the"])[0] is None
    assert function_word_vote([]) == (None, 0.0)


def test_seed_article_is_german() -> None:
    assert detect_language(SEED.read_text(encoding="utf-8")) == "de"


def test_detection_is_thread_safe() -> None:
    results: list[str] = []

    def work() -> None:
        results.append(detect_language(GERMAN[0]))
        results.append(detect_language(ENGLISH[0]))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["de"] * 4 + ["en"] * 4


def test_function_words_that_decide_spare_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the function words decide (and would override the model), the model is not run."""
    import desktop.core.language as language

    def no_model() -> object:
        raise AssertionError("the model was consulted")

    monkeypatch.setattr(language, "_model", no_model)
    german = "Die Regierung hat am Montag in Berlin erklärt, dass sie die neuen Regeln nicht ändern wird."
    english = "The government said on Monday that it would not change the new rules for the ports."
    assert detect_language(german) == "de"
    assert detect_language(english) == "en"
    with pytest.raises(AssertionError):  # a text without that vote still asks the model
        detect_language("Le gouvernement a déclaré lundi qu'il ne modifierait pas les nouvelles règles.")


_ODD_TEXT = st.text(
    alphabet=st.sampled_from("aZäß1²_ \t\n\x1c\u00a0\u2028.,-'’„“()İΣ١ǅ\u0301ﬁ"),
    max_size=60,
)


@given(_ODD_TEXT)
def test_letter_words_are_what_the_regex_finds(text: str) -> None:
    assert letter_words(text) == re.findall(r"[^\W\d_]+", text)
    assert letter_words(text.casefold()) == re.findall(r"[^\W\d_]+", text.casefold())


@given(_ODD_TEXT)
def test_index_words_are_what_the_regex_finds(text: str) -> None:
    assert index_words(text) == WORD_RE.findall(text)
    assert index_words(text.lower()) == WORD_RE.findall(text.lower())
