"""The judgement of names of several words by their uses in raw text (tools.phrase_uses)."""

from __future__ import annotations

from pathlib import Path

from tools.phrase_uses import corpus_texts, count_uses, plain_names

COMMON = {"Organisation", "Ärzte", "Grenzen", "Hilfe", "Partei", "Presse"}.__contains__


def test_a_name_of_common_nouns_used_only_as_the_name_is_plain() -> None:
    texts = [
        "Die Organisation Ärzte ohne Grenzen hilft. Ärzte ohne Grenzen meldete am Montag Tote.",
        "„Ärzte ohne Grenzen“ sprach von Hilfe.",
        "Die Hilfsorganisation Ärzte ohne Grenzen half.",  # a compound of a common noun before it
    ]
    uses = count_uses(["Ärzte ohne Grenzen"], texts, COMMON)
    assert uses == {"Ärzte ohne Grenzen": (4, 0)}
    assert plain_names(uses) == {"Ärzte ohne Grenzen"}


def test_lower_case_uses_and_longer_capitalised_runs_are_other_uses() -> None:
    texts = [
        "Die Freie Presse berichtet. Die Freie Presse schreibt.",
        "Es gibt keine freie Presse dort.",  # lower case: a phrase, not the paper
        "Die Europäische Grüne Partei tagt. Die Grüne Partei tagt. Die Grüne Partei wählt.",
        "Er wählt Grüne Partei Wien.",  # a longer run after the name
    ]
    uses = count_uses(["Freie Presse", "Grüne Partei"], texts, COMMON)
    assert uses == {"Freie Presse": (2, 1), "Grüne Partei": (2, 2)}
    assert plain_names(uses) == set()


def test_a_name_seen_once_or_a_single_word_is_never_plain() -> None:
    uses = count_uses(["Reporter ohne Grenzen", "Gazprom"], ["Reporter ohne Grenzen kritisiert."], COMMON)
    assert uses == {"Reporter ohne Grenzen": (1, 0)}
    assert plain_names(uses) == set()


def test_corpus_texts_leave_out_the_gold_articles(tmp_path: Path) -> None:
    articles = tmp_path / "dewiki-klexikon-articles"
    articles.mkdir()
    (articles / "wiki_part01.jsonl").write_text("")  # only .jsonl.gz files are read
    news = tmp_path / "ntrex128-news"
    news.mkdir()
    (news / "newstest2019-ref.deu.txt").write_text("Satz eins.\nSatz zwei.\n", encoding="utf-8")
    wikinews = tmp_path / "wikinews-en"
    wikinews.mkdir()
    (wikinews / "wikinews_2019.csv").write_text(
        "url,date,title,text\nhttps://x/wiki/Kept,2019,T,Kept text\nhttps://x/wiki/Gold,2019,T,Gold text\n",
        encoding="utf-8",
    )
    texts = [t.strip() for t in corpus_texts(tmp_path, frozenset({"Gold"}))]
    assert texts == ["Satz eins.", "Satz zwei.", "Kept text"]
