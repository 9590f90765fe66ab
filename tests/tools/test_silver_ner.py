"""Silver training data helpers: token alignment, the evaluation-set key, the CoNLL round trip."""

from __future__ import annotations

from pathlib import Path

from tools.silver_ner import norm, token_spans
from tools.train_bilstm import read_silver


def test_character_spans_map_to_token_spans_or_none() -> None:
    tokens = [("Angela", 0), ("Beispiel", 7), ("besuchte", 16), ("Brückstadt", 25), (".", 35)]
    assert token_spans(tokens, [(0, 15, "PER"), (25, 35, "LOC")]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert token_spans(tokens, [(0, 10, "PER")]) is None  # ends inside a token
    assert token_spans(tokens, []) == []


def test_norm_ignores_spacing_punctuation_and_case() -> None:
    assert norm("Der Rat , sagte er.") == norm("der Rat, sagte er")
    assert norm("Der Rat tagte.") != norm("Der Rat tagt.")


def test_read_silver_reads_written_sentences(tmp_path: Path) -> None:
    path = tmp_path / "silver.conll"
    path.write_text("Anna\tB-PER\nlacht\tO\n\nIn\tO\nBrückstadt\tB-LOC\n\n", encoding="utf-8")
    sentences = read_silver(path)
    assert [s.tokens for s in sentences] == [["Anna", "lacht"], ["In", "Brückstadt"]]
    assert [s.tags for s in sentences] == [["B-PER", "O"], ["O", "B-LOC"]]
