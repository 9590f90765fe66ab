"""Silver NER training data: raw sentences on which two different trained models agree.

    python -m tools.silver_ner --lang de [--sentences 30000] [--out .work/silver/de.conll]

Self-training by agreement: raw text of the language's ``train_ner`` recipe (German Wikipedia
articles; English Wikinews and NTREX news) is split into sentences the way the BiLSTM-CRF sees
them, then tagged by the shipped BiLSTM-CRF and by the shipped spaCy CNN. A sentence is kept
only when both models propose exactly the same spans with the same labels, so the silver data
adds names and contexts the gold training split never showed, at the precision of the two
models' agreement. Sentences that occur in an evaluation set (GermEval dev/test, UNER PUD,
WikiGold, UNER EWT dev) are skipped, so no test text is ever trained on, not even unlabelled.

Output: CoNLL (token TAB BIO tag, blank line between sentences), read by
``train_bilstm --silver``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from desktop.core.entities import bilstm as rt
from desktop.core.entities import bilstm_tokens as bt
from desktop.core.entities.bilstm_ensemble import BiLSTMEnsemble
from tools import ner_data as nd

WORK_DIR = nd.REPO_ROOT / ".work" / "silver"
RAW_TEXT = {
    "de": ["dewiki-klexikon-articles/wiki_part0*.jsonl.gz"],
    "en": ["wikinews-en/wikinews_20*.csv", "ntrex128-news/newstest2019-src.eng.txt"],
}
EVAL_SETS = {
    "de": ("germeval-dev", "germeval-test", "uner-de-pud"),
    "en": ("uner-en-ewt-dev", "uner-en-pud", "wikigold"),
}
MIN_TOKENS, MAX_TOKENS = 6, 60
EMPTY_SHARE = 0.2  # share of kept sentences without any name (the models also agree on "nothing")
_SPACE = re.compile(r"\s+")


def log(msg: str) -> None:
    """Progress line on stderr."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def norm(text: str) -> str:
    """Sentence key for the evaluation-set filter: letters and digits only, lower case."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def eval_keys(lang: str, data: Path) -> set[str]:
    """Keys of every sentence of the language's evaluation sets."""
    from tools import evaluate_ner as ev

    keys: set[str] = set()
    for name in EVAL_SETS[lang]:
        keys.update(norm(ex.text) for ex in ev.load_examples(ev.SETS[name], data))
    return keys


def raw_sentences(
    lang: str, data: Path, model: BiLSTMEnsemble, seed: int
) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """(sentence text, [(token, offset in that text)]) in the BiLSTM's tokenisation.

    Paragraphs come in a seeded random order, so a partial run still samples all articles.
    """
    paths = sorted(p for pattern in RAW_TEXT[lang] for p in data.glob(pattern))
    if not paths:
        raise nd.CorpusError(f"No raw {lang} text under {data}")
    paragraphs = list(nd.read_raw_texts(paths))
    random.Random(seed).shuffle(paragraphs)
    for para in paragraphs:
        para = _SPACE.sub(" ", para).strip()
        toks = [(t.text, t.idx) for t in model.tokenizer(para) if not t.is_space]
        for sent in bt.split_sentences(toks):
            sent = bt.gold_style(sent, model.dot_split, model.join_hyphens)
            if not MIN_TOKENS <= len(sent) <= MAX_TOKENS:
                continue
            a = sent[0][1]
            b = sent[-1][1] + len(sent[-1][0])
            yield para[a:b], [(t, off - a) for t, off in sent]


def token_spans(
    tokens: list[tuple[str, int]], spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]] | None:
    """Character spans -> token spans; None when a span does not fall on token boundaries."""
    starts = {off: i for i, (_, off) in enumerate(tokens)}
    ends = {off + len(t): i for i, (t, off) in enumerate(tokens)}
    out = []
    for a, b, label in spans:
        if a not in starts or b not in ends:
            return None
        out.append((starts[a], ends[b] + 1, label))
    return out


def build(
    lang: str, data: Path, out: Path, wanted: int, seed: int, bilstm: Path | None = None
) -> dict[str, int]:
    """Write ``wanted`` agreed sentences (or as many as the raw text gives) to ``out``."""
    import spacy

    models = nd.REPO_ROOT / "resources" / "models"
    model = rt.load_tagger(bilstm or models / f"{lang}-bilstm")
    nlp = spacy.load(models / lang)
    skip = eval_keys(lang, data)
    sentences = raw_sentences(lang, data, model, seed)
    stats: Counter[str] = Counter()
    kept: list[tuple[list[str], list[str]]] = []
    empty_budget = int(wanted * EMPTY_SHARE)
    batch = 256
    for k in itertools.count():
        block = list(itertools.islice(sentences, batch))
        if not block:
            break
        chunk = [s for s in block if norm(s[0]) not in skip]
        stats["eval_overlap_skipped"] += len(block) - len(chunk)
        tagged = model.tag([[t for t, _ in toks] for _, toks in chunk])
        for (_text, toks), tags, doc in zip(chunk, tagged, nlp.pipe(t for t, _ in chunk), strict=True):
            mine = sorted(rt.bioes_spans(tags))
            theirs = token_spans(toks, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
            stats["seen"] += 1
            if theirs is None or sorted(theirs) != mine:
                continue
            if not mine:
                if empty_budget <= 0:
                    continue
                empty_budget -= 1
            stats["kept"] += 1
            stats["names"] += len(mine)
            kept.append(([t for t, _ in toks], nd.spans_to_bio(len(toks), mine)))
        if stats["kept"] >= wanted:
            break
        if k % 20 == 0:
            log(f"{stats['seen']} seen, {stats['kept']} kept")
    # when the raw text runs out, keep the share of name-less sentences
    named = sum(1 for _, bio in kept if any(g != "O" for g in bio))
    allowed_empty = int(named * EMPTY_SHARE / (1 - EMPTY_SHARE))
    written: list[tuple[list[str], list[str]]] = []
    for tokens, bio in kept[:wanted]:
        if all(g == "O" for g in bio):
            if allowed_empty <= 0:
                continue
            allowed_empty -= 1
        written.append((tokens, bio))
    stats["written"] = len(written)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for tokens, bio in written:
            fh.writelines(f"{t}\t{g}\n" for t, g in zip(tokens, bio, strict=True))
            fh.write("\n")
    return dict(stats)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(RAW_TEXT), default="de")
    parser.add_argument("--data", type=Path, default=nd.default_data_dir())
    parser.add_argument("--sentences", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="default .work/silver/<lang>.conll")
    parser.add_argument("--bilstm", type=Path, default=None, help="default resources/models/<lang>-bilstm")
    args = parser.parse_args(argv)
    out = args.out or WORK_DIR / f"{args.lang}.conll"
    try:
        stats = build(args.lang, args.data, out, args.sentences, args.seed, args.bilstm)
    except (nd.CorpusError, rt.BiLSTMModelError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(json.dumps({"out": out.name, **stats}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
