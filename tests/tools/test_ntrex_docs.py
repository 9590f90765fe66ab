from __future__ import annotations

import json
from pathlib import Path

from tools.ntrex_docs import gold_documents, ntrex_lines


def test_the_gold_documents_lines_are_left_out_in_every_language(tmp_path: Path) -> None:
    gold = tmp_path / "gold" / "dev"
    gold.mkdir(parents=True)
    source = "NTREX-128 (Federmann, Kocmi and Xin 2022), German reference, document site.2, lines 2-3"
    (gold / "de-ntrex-site-2.json").write_text(json.dumps({"source": source}), encoding="utf-8")
    (gold / "en-wikinews-x.json").write_text(json.dumps({"source": "https://en.wikinews.org/wiki/X"}))
    held_out = gold_documents(tmp_path / "gold")
    assert held_out == {"site.2"}
    news = tmp_path / "ntrex"
    news.mkdir()
    (news / "DOCUMENT_IDS.tsv").write_text("site.1\nsite.2\nsite.2\nsite.3\n", encoding="utf-8")
    (news / "ref.txt").write_text("eins\nzwei\ndrei\nvier\n", encoding="utf-8")
    assert list(ntrex_lines(news / "ref.txt", held_out)) == ["eins\n", "vier\n"]
    assert len(list(ntrex_lines(news / "ref.txt", frozenset()))) == 4
