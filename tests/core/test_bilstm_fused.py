"""The fused, cached forward pass tags like the step-by-step pass of each member (shipped model)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from desktop.core.entities import bilstm as rt
from desktop.core.entities import bilstm_tokens as bt
from desktop.core.entities.bilstm_ops import decode

TEXTS = [
    "Bundeskanzlerin Angela Merkel traf am Dienstag in Wien den österreichischen Kanzler Sebastian Kurz.",
    "Die Europäische Zentralbank (EZB) in Frankfurt am Main hält den Leitzins; "
    "Mario Draghi sagte, die Inflation im Euroraum bleibe niedrig.",
    "„Wir sind zufrieden“, sagte Trainer Peter Stöger nach dem 2:1 des 1. FC Köln gegen Rapid Wien.",
    "Laut UNHCR flohen 2015 mehr als eine Million Menschen über das Mittelmeer nach Europa.\n\n"
    "Dr. Müller vom Roten Kreuz in Graz-Umgebung warnte vor einer Überlastung.",
    "Ja.",
]

GERMAN = rt.default_models_dir() / "de-bilstm" / "config.json"
needs_model = pytest.mark.skipif(not GERMAN.is_file(), reason="the shipped German BiLSTM model is absent")


def _sentences(model: rt.BiLSTMEnsemble, text: str) -> list[list[str]]:
    out: list[list[str]] = []
    for para in rt._PARAGRAPH.finditer(text):
        toks = bt.spacy_tokens(model.tokenizer, para.group(), para.start())
        out += [[t for t, _ in bt.gold_style(s, model.dot_split)] for s in bt.split_sentences(toks)]
    return out


def _reference(model: rt.BiLSTMEnsemble) -> object:
    """Emissions of every member run apart (features padded, one direction after the other), averaged."""

    def emit(batch: list[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        scores = []
        for member in model.members:
            x, lengths = member.features(batch)  # type: ignore[attr-defined]
            scores.append(member.emissions(x, lengths))  # type: ignore[attr-defined]
        return sum(scores) / len(scores), lengths

    return emit


@needs_model
def test_fused_cached_pass_tags_the_fixed_texts_like_the_members_run_apart() -> None:
    model = rt.BiLSTMRecognizer().load("de")
    assert model is not None and len(model.members) >= 1
    sentences = [s for text in TEXTS for s in _sentences(model, text)]
    expected = decode(sentences, _reference(model), model.crf(), model.tags)  # type: ignore[arg-type]
    cold = model.tag(sentences)
    warm = model.tag(list(reversed(sentences)))[::-1]  # every projection now from the cache
    assert cold == expected and warm == expected
    assert any(t.endswith("PER") for row in expected for t in row)
    fused, lengths = model.emissions(sentences)
    reference, _ = _reference(model)(sentences)  # type: ignore[operator]
    np.testing.assert_allclose(fused, reference, rtol=1e-4, atol=1e-4)
    assert lengths.tolist() == [len(s) for s in sentences]


@needs_model
def test_spans_of_the_fixed_texts_are_stable() -> None:
    recognizer = rt.BiLSTMRecognizer()
    first = [recognizer.recognize(text, "de") for text in TEXTS]
    again = [recognizer.recognize(text, "de") for text in reversed(TEXTS)][::-1]
    assert first == again
    names = {s.text for spans in first for s in spans}
    assert {"Angela Merkel", "Wien", "Sebastian Kurz"} <= names
    for text, spans in zip(TEXTS, first, strict=True):
        for s in spans:
            assert text[s.start : s.end] == s.text


@needs_model
def test_tokens_come_out_as_spacy_tokens_do() -> None:
    import spacy

    reference = spacy.blank("de").tokenizer
    model = rt.BiLSTMRecognizer().load("de")
    assert model is not None
    for text in [*TEXTS, "  \t x  y ", "", " ", "e-mail@x.de http://a.b/c?d=1 :-) … 13-15 Köln/Bonn\u00a0ja"]:
        expected = [(t.text, 7 + t.idx) for t in reference(text) if not t.is_space]
        assert bt.spacy_tokens(model.tokenizer, text, 7) == expected
