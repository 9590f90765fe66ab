"""Tests for the NER corpus readers and conversion helpers (small in-test samples only)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tools import ner_data as nd
from tools import ner_data_en as en
from tools.evaluate_ner import Example, load_examples, score

GERMEVAL_TSV = """#\thttp://example.org/a\t[2010-01-01]
1\tDer\tO\tO
2\tdeutsche\tB-LOCderiv\tO
3\tMinister\tO\tO
4\tKarl\tB-PER\tO
5\tMuster\tI-PER\tO
6\tbesuchte\tO\tO
7\tden\tO\tO
8\tNATO-Gipfel\tB-ORGpart\tO
9\tin\tO\tO
10\tBad\tB-LOC\tO
11\tEms\tI-LOC\tO
12\t(\tO\tO
13\t"\tO\tO
14\tDie\tB-OTH\tO
15\tZeit\tI-OTH\tB-ORG
16\t"\tO\tO
17\t)\tO\tO
18\t.\tO\tO

#\thttp://example.org/b\t[2010-01-02]
1\tSiemens\tB-ORG\tO
2\twächst\tO\tO
3\t.\tO\tO
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    if name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_bio_to_spans_handles_bio_and_iob1() -> None:
    assert nd.bio_to_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
    ]
    # IOB1 (WikiGold): I- after O or another label starts a new span
    assert nd.bio_to_spans(["I-ORG", "I-ORG", "I-PER", "O", "I-LOC"]) == [
        (0, 2, "ORG"),
        (2, 3, "PER"),
        (4, 5, "LOC"),
    ]
    assert nd.bio_to_spans([]) == []


def test_map_tags_drops_unmapped_labels_and_renormalises() -> None:
    tags = ["B-LOCderiv", "B-PER", "I-PER", "B-OTH", "I-OTH", "B-ORGpart"]
    assert nd.map_tags(tags, nd.GERMEVAL_MAP) == ["O", "B-PER", "I-PER", "B-MISC", "I-MISC", "O"]
    assert nd.map_tags(tags, nd.GERMEVAL_EVAL_MAP) == ["O", "B-PER", "I-PER", "O", "O", "O"]


def test_guess_spaces_reconstructs_natural_text() -> None:
    tokens = ["Er", "sagte", '"', "Hallo", '"', "(", "laut", ")", ",", "dann", "„", "Tschüss", "“", "."]
    text, offsets = nd.detokenize(tokens, nd.guess_spaces(tokens))
    assert text == 'Er sagte "Hallo" (laut), dann „Tschüss“.'
    assert all(text[s:e] == tok for tok, (s, e) in zip(tokens, offsets, strict=True))
    en = ["I", "do", "n't", "know", "John", "'s", "dog", "."]
    assert nd.detokenize(en, nd.guess_spaces(en))[0] == "I don't know John's dog."


def test_align_spaces_uses_original_text() -> None:
    assert nd.align_spaces(["Al", "-", "Zaman", ":", "hi"], "Al-Zaman : hi") == [
        False,
        False,
        True,
        True,
        False,
    ]
    assert nd.align_spaces(["a", "b"], "a c") is None


def test_read_germeval_tsv(tmp_path: Path) -> None:
    sents = list(nd.read_germeval_tsv(write(tmp_path, "dev.tsv", GERMEVAL_TSV)))
    assert len(sents) == 2
    assert sents[0].tokens[3:5] == ["Karl", "Muster"]
    assert nd.bio_to_spans(sents[0].tags) == [(3, 5, "PER"), (9, 11, "LOC"), (13, 15, "MISC")]
    assert nd.bio_to_spans(sents[1].tags) == [(0, 1, "ORG")]


def test_read_germeval_train_and_docbin(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    conll = "Karl\tB-PER\nMuster\tI-PER\nlebt\tO\nin\tO\nUlm\tB-LOC\n.\tO\n\nDeutsche\tB-LOCderiv\nBahn\tO\n"
    sents = list(nd.read_germeval_train(write(tmp_path, "train.conll", conll)))
    assert [s.tags for s in sents][1] == ["O", "O"]
    out = tmp_path / "train.spacy"
    counts = nd.sentences_to_docbin(sents, "de", out, group=10)
    assert counts["docs"] == 1 and counts["sentences"] == 2 and counts["PER"] == 1 and counts["LOC"] == 1
    import spacy
    from spacy.tokens import DocBin

    doc = next(iter(DocBin().from_disk(out).get_docs(spacy.blank("de").vocab)))
    assert doc.text == "Karl Muster lebt in Ulm. Deutsche Bahn"
    assert [(e.text, e.label_) for e in doc.ents] == [("Karl Muster", "PER"), ("Ulm", "LOC")]


def test_read_uner_keeps_text_and_spacing(tmp_path: Path) -> None:
    iob2 = "# sent_id = x\n# text = Al-Zaman: hi Bob.\n1\tAl\tB-ORG\n2\t-\tI-ORG\n3\tZaman\tI-ORG\n"
    iob2 += "4\t:\tO\n5\thi\tB-OTH\n6\tBob\tB-PER\n7\t.\tO\n"
    path = write(tmp_path, "x.iob2.gz", iob2)
    (sent,) = nd.read_uner(path)
    assert sent.text == "Al-Zaman: hi Bob."
    text, _offsets = nd.detokenize(sent.tokens, nd.sentence_spaces(sent))
    assert text == sent.text
    assert nd.bio_to_spans(sent.tags) == [(0, 3, "ORG"), (5, 6, "PER")]  # OTH is dropped


def test_read_wikigold_iob1(tmp_path: Path) -> None:
    text = "-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nCapsule I-ORG\nplayed O\nin O\nJapan I-LOC\n. O\n"
    (sent,) = nd.read_wikigold(write(tmp_path, "wg.txt", text))
    assert nd.bio_to_spans(sent.tags) == [(0, 3, "ORG"), (5, 6, "LOC")]


def test_read_gum_named_mentions(tmp_path: Path) -> None:
    rows = [
        ("1", "The", "DET", "3", "Entity=(1-organization-new-x"),
        ("2", "Acme", "PROPN", "3", "_"),
        ("3", "Company", "PROPN", "4", "Entity=1)"),
        ("4", "hired", "VERB", "0", "_"),
        ("5", "Jane", "PROPN", "4", "Entity=(2-person-new-x"),
        ("6", "Roe", "PROPN", "5", "Entity=2)"),
        ("7", "and", "CCONJ", "8", "_"),
        ("8", "engineers", "NOUN", "4", "Entity=(3-person-new-x)"),
        ("9", ".", "PUNCT", "4", "_"),
    ]
    lines = ["# text = The Acme Company hired Jane Roe and engineers."]
    for idx, tok, upos, head, misc in rows:
        lines.append("\t".join([idx, tok, tok.lower(), upos, "_", "_", head, "dep", "_", misc]))
    (sent,) = en.read_gum(write(tmp_path, "gum.conllu", "\n".join(lines) + "\n\n"))
    assert nd.bio_to_spans(sent.tags) == [(1, 3, "ORG"), (4, 6, "PER")]


def test_missing_file_gives_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(nd.CorpusError, match="not found"):
        list(nd.read_uner(tmp_path / "nope.iob2"))


def test_load_examples_and_score(tmp_path: Path) -> None:
    from tools.evaluate_ner import GoldSet

    gold = GoldSet("de", "dev.tsv", lambda p: nd.read_germeval_tsv(p, nd.GERMEVAL_EVAL_MAP))
    write(tmp_path, "dev.tsv", GERMEVAL_TSV)
    first, second = load_examples(gold, tmp_path)
    assert first.text.startswith("Der deutsche Minister Karl Muster besuchte den NATO-Gipfel in Bad Ems")
    assert {first.text[s:e] for s, e, _ in first.gold} == {"Karl Muster", "Bad Ems"}  # OTH not scored
    assert second.gold == {(0, 7, "ORG")}
    preds = [{(22, 33, "PER"), (0, 3, "LOC")}, {(0, 7, "ORG")}]
    result = score([first, second], preds)
    assert result["micro"]["tp"] == 2 and result["micro"]["fp"] == 1 and result["micro"]["fn"] == 1
    assert result["ORG"]["f"] == 1.0
    assert isinstance(first, Example)
