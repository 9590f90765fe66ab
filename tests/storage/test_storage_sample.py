"""Search over the sample article(s) in seeds/: folded queries find them, snippets keep spelling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.textfold import fold
from desktop.storage.db import Library
from desktop.storage.models import Article
from desktop.storage.search import index_article, search_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SAMPLES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.skipif(not SAMPLES, reason="no sample articles in seeds/")
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_words_with_diacritics_are_found(library: Library, sample: Path) -> None:
    body = sample.read_text(encoding="utf-8")
    candidates = {w for w in re.findall(r"[^\W\d_]{6,}", body) if not w.isascii()}
    words = sorted(candidates, key=lambda w: (-len(w), w))
    if not words:
        pytest.skip("sample has no non-ASCII words")
    with library.session() as session:
        article = Article(title=sample.stem, text=body, language="de", format="txt", content_hash="f" * 64)
        session.add(article)
        session.flush()
        index_article(session, article.id, article.title, article.text)
    with library.read_session() as session:
        for word in words[:5]:
            for query in (fold(word), word.upper(), fold(word)[:5] + "*"):
                hits = search_articles(session, query)
                assert [hit.id for hit in hits] == [article.id], query
            (hit,) = search_articles(session, fold(word))
            marked = [hit.snippet[a:b] for a, b in hit.hits]
            assert marked
            assert all(fold(m) == fold(word) and not m.isascii() for m in marked)
