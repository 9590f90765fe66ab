"""Train a BiLSTM-CRF recogniser (torch at training time only) and export it for numpy.

Usage::

    python -m tools.train_bilstm [--lang de|en] [--data DIR] [--vectors DIR] [--max-minutes 45]
    python -m tools.train_bilstm --lang en --evaluate [--sets uner-en-ewt-dev,uner-en-pud,wikigold]

German (default) reads GermEval 2014 train (outer level; OTH -> MISC, *deriv/*part -> O) and stops
early on GermEval dev micro F1 over PER/ORG/LOC exact token spans. English reads the corpora of
the ``train_ner`` English recipe (UNER EWT, GUM, CrossNER politics, Re-DocRED; PER/ORG/LOC only)
and stops early on UNER EWT dev. The floret vectors come from the spaCy vectors directory built
by ``train_ner`` (``.work/ner/<lang>_vectors``). The exported model goes to
``resources/models/<lang>-bilstm/`` (weights.npz, config.json, vectors.npy, TRAINING.md).
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core.entities import bilstm as rt
from tools import ner_data as nd
from tools.bilstm_encode import (
    HP,
    LABELS,
    Encoded,
    add_dot_split,
    batches,
    build_vocab,
    constraint_masks,
    make_batch,
    predict_tags,
    span_f1,
    tag_list,
    to_bioes,
)

WORK_DIR = nd.REPO_ROOT / ".work" / "bilstm"
MODELS_DIR = nd.REPO_ROOT / "resources" / "models"
LANG_LABELS = {"de": LABELS, "en": nd.CORE_LABELS}  # the English corpora have no MISC
TRAIN = "germeval2014/NER-de-train-outer.conll"
DEV = "germeval2014/NER-de-dev.tsv"
EVAL_SETS = {
    "de": ("germeval-dev", "germeval-test", "uner-de-pud"),
    "en": ("uner-en-ewt-dev", "uner-en-pud", "wikigold"),
}


def log(msg: str) -> None:
    """Timestamped progress line on stdout."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def work_name(stem: str, lang: str) -> str:
    """File name in :data:`WORK_DIR`; German keeps the original names."""
    return f"{stem}.json" if lang == "de" else f"{stem}_{lang}.json"


def read_corpora(lang: str, data: Path) -> tuple[list[nd.Sentence], list[nd.Sentence]]:
    """Training and development sentences of ``lang`` (English: the ``train_ner`` recipe's corpora)."""
    if lang == "de":
        train_s = list(nd.read_germeval_train(data / TRAIN))
        dev_s = list(nd.read_germeval_tsv(data / DEV))
    else:
        from tools.train_ner import RECIPES

        recipe = RECIPES[lang]
        train_s = [s for src in recipe.train for s in src.reader(data / src.path)]
        dev_s = [s for src in recipe.dev for s in src.reader(data / src.path)]
    return [s for s in train_s if s.tokens], [s for s in dev_s if s.tokens]


def read_silver(path: Path) -> list[nd.Sentence]:
    """Silver sentences written by ``silver_ner`` (token TAB BIO tag)."""
    return [s for s in nd.read_columns(path, 0, 1) if s.tokens]


def load_vectors(path: Path) -> Any:
    """Floret vectors of a spaCy vectors directory (``train_ner``) or of an exported BiLSTM model."""
    if (path / "vectors.npy").is_file():  # the float16 table the app reads
        return rt.load_model(path).vectors
    import spacy

    return spacy.load(path).vocab.vectors


def has_vectors(path: Path) -> bool:
    """Whether ``path`` is a spaCy vectors directory or an exported BiLSTM model."""
    return (path / "vocab" / "vectors").is_file() or (path / "vectors.npy").is_file()


def read_extra_gold(args: argparse.Namespace, train_s: list[nd.Sentence]) -> list[nd.Sentence]:
    """SmartData sentences of ``--smartdata`` sources, split like the model reads text (German only)."""
    if not args.smartdata:
        return []
    from tools import smartdata as sd

    stats = sd.Stats()
    sources = [s for s in args.smartdata.split(",") if s]
    split = sd.bilstm_splitter(args.init or nd.REPO_ROOT / "resources" / "models" / f"{args.lang}-bilstm")
    extra = sd.read_smartdata(args.data, split, train_s, sources, stats)
    log(f"SmartData {','.join(sources)}: {dict(stats.counts)}")
    return extra


def train(args: argparse.Namespace) -> Path:
    """Train, keep the best dev epoch, export, and return the model directory."""
    import torch

    from tools.bilstm_net import Net, export, load_exported

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    t_start = time.time()
    train_s, dev_s = read_corpora(args.lang, args.data)
    if args.limit:
        train_s = train_s[: args.limit]
    silver = [s for path in args.silver for s in read_silver(path)]
    extra = read_extra_gold(args, train_s)
    extra_info = (
        {"extra_gold": f"smartdata:{args.smartdata}", "extra_gold_sentences": len(extra)} if extra else {}
    )
    log(f"{len(train_s)} train (+{len(extra)} gold, +{len(silver)} silver) / {len(dev_s)} dev sentences")
    # The abbreviations split off their dot are learnt from GermEval and silver only (SmartData was
    # split by the model's own rules); a continued model keeps those of the model it starts from.
    dot_s = train_s + silver
    train_s += extra + silver
    vectors = load_vectors(args.vectors)
    init_cfg: dict[str, Any] = {}
    if args.init:  # continue training an exported model: keep its vocabularies
        init_cfg = json.loads((args.init / "config.json").read_text(encoding="utf-8"))
        chars, words = init_cfg["chars"], init_cfg["words"]
        HP["lr"] = args.lr or HP["lr"]
    else:
        chars, words = build_vocab(train_s, HP["max_words"])
    vocab = {
        "char_index": {c: i + 2 for i, c in enumerate(chars)},
        "word_index": {w: i + 2 for i, w in enumerate(words)},
    }
    tags = tag_list(LANG_LABELS[args.lang])
    enc_train = Encoded(train_s, vocab, vectors, tags)
    enc_dev = Encoded(dev_s, vocab, vectors, tags)
    log(f"encoded; {len(chars)} chars, {len(words)} words, vector dim {vectors.shape[1]}")
    net = Net(HP, len(chars) + 2, len(words) + 2, vectors.shape[1], tags, constraint_masks(tags))
    if args.init:
        load_exported(net, args.init)
    opt = torch.optim.Adam(net.parameters(), lr=HP["lr"])
    gold_dev = [to_bioes(s.tags) for s in dev_s]
    best_f, best_state, best_epoch, bad = -1.0, None, 0, 0
    history = []
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        net.train()
        net.set_table(enc_train.table)
        total = 0.0
        for k, idx in enumerate(batches(enc_train, HP["batch"], shuffle=True)):
            batch = make_batch([enc_train.items[i] for i in idx])
            loss = net.nll(batch, word_dropout=HP["word_dropout"])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), HP["clip"])
            opt.step()
            total += float(loss.detach())
            if epoch == 1 and k == 49:
                log(f"50 batches in {time.time() - t0:.1f}s")
        net.set_table(enc_dev.table)
        f = span_f1(gold_dev, predict_tags(net, enc_dev, tags))
        secs = time.time() - t0
        history.append({"epoch": epoch, "loss": round(total, 1), "dev_f1": round(f, 4), "secs": round(secs)})
        log(f"epoch {epoch}: loss {total:.1f} dev F1 {f:.4f} ({secs:.0f}s)")
        if f > best_f:
            best_f, best_epoch, bad = f, epoch, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            info = {
                "best_epoch": epoch,
                "train_sentences": len(train_s),
                "silver_sentences": len(silver),
                **extra_info,
                "hyper_parameters": HP,
            }
            export(net, args.out, chars, words, tags, vectors, HP, info, args.lang)  # usable if stopped early
            add_dot_split(args.out, dot_s, args.lang, init_cfg.get("dot_split"))
        else:
            bad += 1
        elapsed = (time.time() - t_start) / 60
        if bad >= HP["patience"] or elapsed + secs / 60 > args.max_minutes:
            log(f"stopping after epoch {epoch} ({elapsed:.1f} min)")
            break
    assert best_state is not None
    net.load_state_dict(best_state)
    previous = init_cfg.get("training", {}) if args.init else {}
    info = {
        "continued_from": previous or None,
        "best_epoch": best_epoch,
        "best_dev_token_f1": round(best_f, 4),
        "history": history,
        "train_minutes": round((time.time() - t_start) / 60, 1),
        "train_sentences": len(train_s),
        "silver_sentences": len(silver),
        **extra_info,
        "hyper_parameters": HP,
    }
    export(net, args.out, chars, words, tags, vectors, HP, info, args.lang)
    add_dot_split(args.out, dot_s, args.lang, init_cfg.get("dot_split"))
    net.set_table(enc_dev.table)
    check_equivalence(net, enc_dev, args.out, dev_s)
    (WORK_DIR / work_name("train_info", args.lang)).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return args.out


def check_equivalence(net: Any, enc: Encoded, model_dir: Path, sents: list[nd.Sentence]) -> None:
    """Log the largest difference between torch and numpy emissions on one dev batch."""
    import torch

    model = rt.load_model(model_dir)
    idx = list(range(64))
    batch = make_batch([enc.items[i] for i in idx])
    net.eval()
    with torch.no_grad():
        x = net.features(batch)
        em_t = net.emissions(batch).numpy()
    lengths = batch["lengths"].numpy()
    em_np = model.emissions(x.numpy(), lengths)
    mask = batch["mask"].numpy()
    d_lstm = float(np.abs(em_t - em_np)[mask].max())
    x_np, _ = model.features([sents[i].tokens for i in idx])
    d_feat = float(np.abs(x.numpy() - x_np)[mask].max())
    em_full = model.emissions(x_np, lengths)
    d_full = float(np.abs(em_t - em_full)[mask].max())
    log(f"numpy vs torch: emissions {d_lstm:.2e}, features {d_feat:.2e}, end-to-end {d_full:.2e}")


def predict_texts(rec: rt.BiLSTMRecognizer, texts: list[str], lang: str) -> list[set[tuple[int, int, str]]]:
    """Run the recogniser over sentences joined by newlines and split the spans back."""
    labels = {"person": "PER", "organization": "ORG", "location": "LOC"}
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    preds: list[set[tuple[int, int, str]]] = [set() for _ in texts]
    for ent in rec.recognize("\n".join(texts), lang):
        if ent.type in labels:
            i = bisect.bisect_right(starts, ent.start) - 1
            preds[i].add((ent.start - starts[i], ent.end - starts[i], labels[ent.type]))
    return preds


def sample_text(lang: str, data: Path, words: int = 600) -> str:
    """The German sample article, or for other languages ~``words`` words of UNER PUD news sentences."""
    if lang == "de":
        sample = sorted((nd.REPO_ROOT / "seeds").glob("*.txt"))
        return sample[0].read_text(encoding="utf-8") if sample else ""
    from tools import evaluate_ner as ev

    sents: list[str] = []
    for ex in ev.load_examples(ev.SETS[f"uner-{lang}-pud"], data):
        sents.append(ex.text)
        if sum(len(t.split()) for t in sents) >= words:
            break
    return "\n".join(" ".join(sents[k : k + 5]) for k in range(0, len(sents), 5))


def evaluate(model_dir: Path, data: Path, sets: list[str]) -> dict[str, Any]:
    """Scores of the exported numpy model on raw text, plus load time and speed on the sample."""
    from tools import evaluate_ner as ev

    class _ThisModel(rt.BiLSTMRecognizer):  # the directory may have any name (".work/run2")
        def model_path(self, language: str) -> Path:
            return model_dir

    rec = _ThisModel(model_dir.parent)
    lang = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))["spacy_lang"]
    import spacy  # noqa: F401  (the app imports spaCy anyway; time only the model load)

    t0 = time.perf_counter()
    rec.load(lang)
    result: dict[str, Any] = {"load_seconds": round(time.perf_counter() - t0, 3)}
    text = sample_text(lang, data)
    if text:
        rec.recognize(text, lang)
        t0 = time.perf_counter()
        for _ in range(5):
            rec.recognize(text, lang)
        result["sample_words"] = len(text.split())
        result["sample_ms"] = round((time.perf_counter() - t0) / 5 * 1000, 1)
    for name in sets:
        examples = ev.load_examples(ev.SETS[name], data)
        t0 = time.perf_counter()
        preds = predict_texts(rec, [e.text for e in examples], lang)
        secs = time.perf_counter() - t0
        result[name] = ev.score(examples, preds)
        result[name]["tokens_per_second"] = round(sum(e.n_tokens for e in examples) / secs)
        log(f"{name}: {result[name]['micro']}")
    return result


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(LANG_LABELS), default="de")
    parser.add_argument("--data", type=Path, default=nd.default_data_dir())
    parser.add_argument(
        "--vectors", type=Path, default=None, help="default .work/ner/<lang>_vectors (or a BiLSTM model dir)"
    )
    parser.add_argument("--out", type=Path, default=None, help="default resources/models/<lang>-bilstm")
    parser.add_argument("--epochs", type=int, default=25)
    parser.add_argument("--max-minutes", type=float, default=45.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N training sentences")
    parser.add_argument("--init", type=Path, default=None, help="continue from this exported model")
    parser.add_argument("--lr", type=float, default=0.0, help="learning rate with --init")
    parser.add_argument(
        "--silver", type=Path, action="append", default=[], help="extra silver CoNLL file (silver_ner)"
    )
    parser.add_argument(
        "--smartdata",
        default="",
        help="add DFKI SmartData gold sentences of these sources (news,rss,tweet; see tools.smartdata)",
    )
    parser.add_argument("--evaluate", action="store_true", help="only evaluate the exported model")
    parser.add_argument("--sets", default=None, help="default: the language's dev and test sets")
    args = parser.parse_args(argv)
    args.vectors = args.vectors or nd.REPO_ROOT / ".work" / "ner" / f"{args.lang}_vectors"
    args.out = args.out or MODELS_DIR / f"{args.lang}-bilstm"
    args.sets = args.sets or ",".join(EVAL_SETS[args.lang])
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    try:
        if not args.evaluate:
            if not has_vectors(args.vectors):
                print(f"No spaCy vectors directory at {args.vectors}; run train_ner first.", file=sys.stderr)
                return 2
            train(args)
        if not (args.out / "config.json").is_file():
            print(f"No exported model in {args.out}.", file=sys.stderr)
            return 2
        result = evaluate(args.out, args.data, [s for s in args.sets.split(",") if s])
    except nd.CorpusError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    (WORK_DIR / work_name("eval", args.lang)).write_text(json.dumps(result, indent=2), encoding="utf-8")
    from tools.bilstm_net import write_training_md

    write_training_md(args.out, result)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
