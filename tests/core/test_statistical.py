"""Tests for the statistical recogniser (the real German model is needed for most of them)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.core.entities.statistical import StatisticalRecognizer, chunk_text, default_models_dir

MODELS = default_models_dir()
HAS_DE = (MODELS / "de" / "config.cfg").is_file()
needs_de = pytest.mark.skipif(
    not HAS_DE, reason="no German model in resources/models/de (train_ner --lang de)"
)

SENTENCE = "Bundeskanzlerin Angela Merkel traf am Montag in Hamburg Vertreter der Deutschen Bank."


@pytest.fixture(scope="module")
def recognizer() -> StatisticalRecognizer:
    return StatisticalRecognizer()


def test_default_models_dir_is_in_repository() -> None:
    assert MODELS.parts[-2:] == ("resources", "models")


def test_chunk_text_keeps_offsets_and_limits_size() -> None:
    text = "Erster Absatz.\n\nZweiter Absatz hier.\n" + "Satz eins. " * 50 + "\n   \n" + "x" * 45
    pieces = list(chunk_text(text, max_chars=40))
    assert all(0 < e - s <= 40 for s, e in pieces)
    assert all(text[s:e].strip() for s, e in pieces)
    assert text[pieces[0][0] : pieces[0][1]] == "Erster Absatz."
    joined = "".join(text[s:e] for s, e in pieces)
    assert joined.replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_no_model_directory_gives_no_entities(tmp_path: Path) -> None:
    rec = StatisticalRecognizer(tmp_path / "missing")
    assert rec.available_languages() == set()
    assert rec.recognize("Angela Merkel lebt in Berlin.", "de") == []
    assert rec.load("de") is None


@needs_de
def test_available_languages_contains_german(recognizer: StatisticalRecognizer) -> None:
    assert "de" in recognizer.available_languages()


@needs_de
def test_german_sentence_types_and_offsets(recognizer: StatisticalRecognizer) -> None:
    spans = recognizer.recognize(SENTENCE, "de")
    found = {(s.text, s.type) for s in spans}
    assert ("Angela Merkel", "person") in found
    assert ("Hamburg", "location") in found
    assert any(s.type == "organization" and "Bank" in s.text for s in spans)
    for s in spans:
        assert SENTENCE[s.start : s.end] == s.text


@needs_de
def test_empty_and_unknown_language(recognizer: StatisticalRecognizer) -> None:
    assert recognizer.recognize("", "de") == []
    assert recognizer.recognize("   \n\n ", "de") == []
    assert recognizer.recognize(SENTENCE, "xx") == []


@needs_de
def test_long_text_chunking_keeps_offsets(recognizer: StatisticalRecognizer) -> None:
    paragraph = "Im Rathaus von Hamburg sprach Angela Merkel lange mit den Gästen. " * 40
    text = "\n\n".join([paragraph] * 30)  # ~80 000 characters, several chunks
    spans = recognizer.recognize(text, "de")
    assert len([s for s in spans if s.text == "Hamburg"]) >= 1000
    for s in spans:
        assert text[s.start : s.end] == s.text
    assert spans == sorted(spans, key=lambda s: s.start)


@needs_de
def test_concurrent_first_use_loads_once() -> None:
    rec = StatisticalRecognizer()
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(rec.load("de"))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r is results[0] for r in results)


@needs_de
def test_sample_article(recognizer: StatisticalRecognizer) -> None:
    seeds = sorted(Path(__file__).resolve().parents[2].joinpath("seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no sample article in seeds/")
    text = seeds[0].read_text(encoding="utf-8")
    spans = recognizer.recognize(text, "de")
    assert {s.type for s in spans} >= {"person", "location"}
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.skipif(
    not (MODELS / "en" / "config.cfg").is_file(), reason="no English model in resources/models/en"
)
def test_english_sentence(recognizer: StatisticalRecognizer) -> None:
    text = "Barack Obama met executives of General Motors in Chicago on Tuesday."
    spans = recognizer.recognize(text, "en")
    found = {(s.text, s.type) for s in spans}
    assert ("Barack Obama", "person") in found
    assert ("Chicago", "location") in found
    assert all(text[s.start : s.end] == s.text for s in spans)
