"""The DFKI SmartData reader: v1 minus v3 ids, label mapping, dropped sentences."""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools import ner_data as nd
from tools import smartdata as sd


def _doc(doc_id: str, text: str, mentions: list[tuple[str, str]], source: str = "news") -> dict:
    spans = []
    for kind, surface in mentions:
        start = text.index(surface)
        spans.append({"type": kind, "span": {"start": start, "end": start + len(surface)}})
    return {
        "id": doc_id,
        "text": {"string": text},
        "refids": {"map": {"source": source}},
        "conceptMentions": {"array": spans},
    }


def _write(path: Path, docs: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for doc in docs:  # concatenated pretty-printed objects, as upstream
            fh.write(json.dumps(doc, indent=2) + "\n")


def _split(text: str) -> Iterator[list[tuple[str, int]]]:
    """One sentence per line, tokens at whitespace and before a final dot."""
    pos = 0
    for line in text.split("\n"):
        toks = [(m.group(), pos + m.start()) for m in re.finditer(r"[^\s.]+|\.", line)]
        if toks:
            yield toks
        pos += len(line) + 1


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / sd.CORPUS_DIR
    folder.mkdir()
    kept = _doc(
        "a",
        "Die Lufthansa streikt heute in Frankfurt wieder .\n"
        "Angela Merkel trifft die deutschen Minister heute .\n"
        "Der Zug RE 7 fällt heute leider aus .\n"
        "Die Gruppe gab heute Zahlen bekannt .\nKurz",
        [
            ("organization-company", "Lufthansa"),
            ("location-city", "Frankfurt"),
            ("person", "Angela Merkel"),
            ("location", "deutschen"),
            ("location-route", "RE 7"),
            ("organization-company", "Gruppe"),
        ],
    )
    cut = _doc("b", "Bei Siemens AG gibt es Neues .", [("organization-company", "Siemens A")])
    _write(folder / sd.V1_FILES[0], [kept, _doc("held", "Siemens baut ab .", [])])
    _write(folder / sd.V1_FILES[1], [kept, cut, _doc("t", "Ein Tweet von heute .", [], "tweet")])
    _write(folder / sd.HELD_OUT_FILES[0], [_doc("held", "x", [])])
    _write(folder / sd.HELD_OUT_FILES[1], [])
    return tmp_path


def _reference() -> list[nd.Sentence]:
    # "Gruppe" is a plain word in the reference data, "Lufthansa" a name
    return [nd.Sentence(["Die", "Gruppe", "wächst"], ["O", "O", "O"]) for _ in range(3)] + [
        nd.Sentence(["Lufthansa"], ["B-ORG"])
    ]


def test_training_documents_skip_held_out_ids_duplicates_and_other_sources(data: Path) -> None:
    assert [d["id"] for d in sd.training_documents(data)] == ["a", "b"]
    assert [d["id"] for d in sd.training_documents(data, ["news", "tweet"])] == ["a", "b", "t"]


def test_mapping_and_dropped_sentences(data: Path) -> None:
    stats = sd.Stats()
    sents = sd.read_smartdata(data, _split, _reference(), stats=stats)
    tagged = [[(t, g) for t, g in zip(s.tokens, s.tags, strict=True) if g != "O"] for s in sents]
    assert tagged == [
        [("Lufthansa", "B-ORG"), ("Frankfurt", "B-LOC")],
        [("Angela", "B-PER"), ("Merkel", "I-PER")],  # the adjective "deutschen" stays outside
    ]
    assert stats.counts["dropped_route"] == 1
    assert stats.counts["dropped_contradicts_germeval"] == 1  # "Gruppe" as a company
    assert stats.counts["dropped_boundary"] == 1  # "Siemens A" ends inside a token
    assert stats.counts["dropped_short"] == 1
    assert stats.counts["kept"] == 2


def test_unreadable_file_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(nd.CorpusError):
        list(sd.read_documents(tmp_path / "missing.json.gz"))
    bad = tmp_path / "bad.json.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "a"} {broken')
    with pytest.raises(nd.CorpusError):
        list(sd.read_documents(bad))


def test_train_bilstm_takes_the_vectors_of_an_exported_model(tmp_path: Path) -> None:
    from tools import train_bilstm as tb

    model = nd.REPO_ROOT / "resources" / "models" / "de-bilstm"
    assert tb.has_vectors(model)
    assert not tb.has_vectors(tmp_path)
    vectors = tb.load_vectors(model)
    assert vectors.mode == "floret"
    assert vectors.shape[1] == 100
    args = argparse.Namespace(smartdata="", data=tmp_path, init=None, lang="de")
    assert tb.read_extra_gold(args, []) == []  # the default recipe adds nothing


def test_a_continued_model_keeps_the_abbreviations_of_the_model_it_starts_from(tmp_path: Path) -> None:
    from tools import train_bilstm as tb

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    sents = [nd.Sentence(["Dr", ".", "Meier", "kommt", "."], ["O"] * 5) for _ in range(2)]
    tb.add_dot_split(tmp_path, sents)
    assert json.loads((tmp_path / "config.json").read_text(encoding="utf-8"))["dot_split"] == ["Dr"]
    tb.add_dot_split(tmp_path, sents, keep=["Prof"])
    assert json.loads((tmp_path / "config.json").read_text(encoding="utf-8"))["dot_split"] == ["Prof"]
