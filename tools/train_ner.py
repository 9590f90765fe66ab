"""Train the shipped statistical NER models end to end (corpora -> vectors -> spaCy -> resources).

Usage: ``python -m tools.train_ner --lang de|en [--data DIR] [--max-steps N] [--no-vectors]``

Intermediate files go to ``.work/ner/`` in the repository (git-ignored); the trained pipeline
is copied to ``resources/models/<lang>/`` together with a ``TRAINING.md`` describing it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tools import ner_data as nd
from tools import ner_data_en as en

CONFIG = Path(__file__).resolve().parent / "configs" / "ner.cfg"
WORK_DIR = nd.REPO_ROOT / ".work" / "ner"
MODELS_DIR = nd.REPO_ROOT / "resources" / "models"


@dataclass
class Source:
    """One corpus used for training or development, with its licence for TRAINING.md."""

    name: str
    path: str  # relative to the data directory
    licence: str
    reader: Callable[[Path], Iterator[nd.Sentence]]


@dataclass
class Recipe:
    """Everything that differs between languages."""

    lang: str
    train: list[Source]
    dev: list[Source]
    raw_text: list[str] = field(default_factory=list)  # glob patterns (JSON lines, CSV or text)
    raw_licence: str = ""
    vectors: bool = True  # default for --vectors/--no-vectors


def _gum(path: Path) -> Iterator[nd.Sentence]:
    yield from en.harmonise_gpe(list(en.read_gum(path)))


def _redocred(path: Path) -> Iterator[nd.Sentence]:
    ewt = path.parent.parent / "uner-en-ewt" / "en_ewt-ud-train.DRAFT-2022-12-02.iob2.gz"
    yield from en.read_redocred(path, en.demonyms_from_uner(ewt))


RECIPES: dict[str, Recipe] = {
    "de": Recipe(
        lang="de",
        train=[
            Source(
                "GermEval 2014 train (outer level; *deriv/*part -> O, OTH -> MISC)",
                "germeval2014/NER-de-train-outer.conll",
                "CC BY 4.0",
                nd.read_germeval_train,
            )
        ],
        dev=[Source("GermEval 2014 dev", "germeval2014/NER-de-dev.tsv", "CC BY 4.0", nd.read_germeval_tsv)],
        raw_text=["dewiki-klexikon-articles/wiki_part0*.jsonl.gz"],
        raw_licence="German Wikipedia articles of the Klexikon corpus, CC BY-SA 3.0/4.0",
    ),
    "en": Recipe(
        lang="en",
        train=[
            Source(
                "UNER English EWT train (draft 2022-12-02; OTH -> O)",
                "uner-en-ewt/en_ewt-ud-train.DRAFT-2022-12-02.iob2.gz",
                "CC BY-SA 4.0",
                nd.read_uner,
            ),
            Source(
                "GUM permissive genres train (PROPN-headed person/organization/place mentions)",
                "gum-permissive/gum-permissive-train.conllu.gz",
                "annotations CC BY 4.0; texts CC BY 2.5 / CC BY-SA 3.0 / CC BY 4.0",
                _gum,
            ),
            Source(
                "CrossNER politics train (person/politician, organisation/party, location/country)",
                "crossner/politics/train.txt",
                "MIT",
                en.read_crossner,
            ),
            Source(
                "Re-DocRED dev (Wikipedia intros; mention-level PER/ORG/LOC, nationality words -> O)",
                "re-docred/dev_revised.json.gz",
                "MIT",
                _redocred,
            ),
        ],
        dev=[Source("UNER English EWT dev", "uner-en-ewt/en_ewt-ud-dev.iob2", "CC BY-SA 4.0", nd.read_uner)],
        vectors=False,  # tried: floret on this small corpus did not beat no vectors on EWT dev
        raw_text=["wikinews-en/wikinews_20*.csv", "ntrex128-news/newstest2019-src.eng.txt"],
        raw_licence="English Wikinews 2019-2020 (CC BY 2.5) and NTREX-128 English news (CC BY-SA 4.0)",
    ),
}


def log(msg: str) -> None:
    """Progress message with a timestamp."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def convert(recipe: Recipe, data: Path, work: Path) -> dict[str, dict[str, int]]:
    """Write train/dev DocBins; return their counts."""
    stats: dict[str, dict[str, int]] = {}
    for split, sources in (("train", recipe.train), ("dev", recipe.dev)):

        def sentences(sources: list[Source] = sources) -> Iterator[nd.Sentence]:
            for src in sources:
                yield from src.reader(data / src.path)

        out = work / f"{recipe.lang}_{split}.spacy"
        stats[split] = nd.sentences_to_docbin(sentences(), recipe.lang, out)
        log(f"{split}: {stats[split]} -> {out.name}")
    return stats


FLORET = {"model": "cbow", "mode": "floret", "hashCount": 2, "bucket": 50000, "minn": 4, "maxn": 5}
FLORET.update({"dim": 100, "epoch": 5, "minCount": 3})


def train_vectors(recipe: Recipe, data: Path, work: Path, threads: int) -> Path:
    """Train floret vectors on raw text + the training sentences and import them into spaCy."""
    import floret

    paths = sorted(p for pattern in recipe.raw_text for p in data.glob(pattern))

    def texts() -> Iterator[str]:
        yield from nd.read_raw_texts(paths)
        for src in recipe.train:
            for sent in src.reader(data / src.path):
                yield nd.detokenize(sent.tokens, nd.sentence_spaces(sent))[0]

    raw = work / f"{recipe.lang}_raw.txt"
    log(f"raw text: {nd.write_raw_corpus(texts(), raw)} tokens")
    model = floret.train_unsupervised(str(raw), thread=threads, verbose=1, **FLORET)
    vec = work / f"{recipe.lang}_vectors.floret"
    model.save_floret_vectors(str(vec))
    out = work / f"{recipe.lang}_vectors"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            recipe.lang,
            str(vec),
            str(out),
            "--mode",
            "floret",
        ],
        check=True,
    )
    return out


def spacy_train(recipe: Recipe, work: Path, vectors: Path | None, args: argparse.Namespace) -> Path:
    """Run ``spacy train`` with the shared config; return the model-best directory."""
    out = work / f"{recipe.lang}_model"
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(out)]
    cmd += ["--nlp.lang", recipe.lang, "--paths.train", str(work / f"{recipe.lang}_train.spacy")]
    cmd += [
        "--paths.dev",
        str(work / f"{recipe.lang}_dev.spacy"),
        "--training.max_steps",
        str(args.max_steps),
    ]
    cmd += ["--training.eval_frequency", str(args.eval_frequency)]
    if vectors is not None:
        cmd += ["--paths.vectors", str(vectors)]
    else:
        cmd += ["--components.tok2vec.model.embed.include_static_vectors", "false"]
    log("running: " + " ".join(cmd))
    subprocess.run(cmd, check=True)
    return out / "model-best"


def install(recipe: Recipe, best: Path, dest: Path, info: dict[str, object]) -> None:
    """Copy model-best to ``dest`` with machine paths removed, and write TRAINING.md."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest)
    cfg = dest / "config.cfg"
    lines = cfg.read_text(encoding="utf-8").splitlines()
    section = ""
    for i, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip()
        elif section == "[paths]" and "=" in line:
            lines[i] = line.split("=")[0] + "= null"
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["name"] = f"briefing_ner_{recipe.lang}"
    meta["version"] = "1.0.0"
    meta["license"] = "CC BY-SA 4.0 (derived from the data sets listed in TRAINING.md)"
    meta["description"] = "Briefing Reader named-entity recogniser (PER/ORG/LOC/MISC); see TRAINING.md"
    meta["sources"] = [{"name": s.name, "license": s.licence} for s in recipe.train]
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_training_md(recipe, dest, meta, info)


def write_training_md(recipe: Recipe, dest: Path, meta: dict, info: dict[str, object]) -> None:
    """Document data, licences, hyper-parameters and dev scores next to the model."""
    perf = meta.get("performance", {})
    per_type = perf.get("ents_per_type", {})
    rows = "\n".join(
        f"| {lab} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} |" for lab, v in sorted(per_type.items())
    )
    srcs = "\n".join(f"- {s.name} (`{s.path}`), licence {s.licence}" for s in recipe.train)
    devs = "\n".join(f"- {s.name} (`{s.path}`), licence {s.licence}" for s in recipe.dev)
    vec = (
        f"floret vectors ({json.dumps(FLORET)}) trained on {recipe.raw_licence} plus the training sentences."
        if info.get("vectors")
        else "No static vectors (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE only)."
    )
    labels = ", ".join(meta.get("labels", {}).get("ner", []))
    text = f"""# Statistical NER model `{recipe.lang}`

spaCy {meta.get("spacy_version", "")} pipeline with `tok2vec` + `ner` only (labels: {labels}).
Trained by `python -m tools.train_ner {" ".join(str(a) for a in info.get("argv", []) if a)}`
with the config `tools/configs/ner.cfg` (max_steps {info.get("max_steps")}, eval every
{info.get("eval_frequency")} steps; model kept = best dev F1). Wall time: {info.get("wall_minutes")} min.

## Training data (train splits only)

{srcs}

## Development data (early stopping / model choice)

{devs}

Counts: {json.dumps(info.get("counts", {}))}

## Vectors

{vec}

## Dev scores (spaCy exact-span, all labels)

ents_f {perf.get("ents_f", 0):.3f}, ents_p {perf.get("ents_p", 0):.3f}, ents_r {perf.get("ents_r", 0):.3f}

| label | P | R | F |
|---|---|---|---|
{rows}

Test-set figures: run `python -m tools.evaluate_ner`.

## Attribution

The model was derived from the data sets above; their licences (CC BY / CC BY-SA / MIT)
require attribution, which this file provides. Data sets under CC BY-SA make this model
a derived work under the same licence terms.
"""
    (dest / "TRAINING.md").write_text(text, encoding="utf-8")


def _train_minutes(args: argparse.Namespace, best: Path) -> float:
    """Training wall time of a finished/stopped run: from its train DocBin to its model-best."""
    start = (args.work / f"{args.lang}_train.spacy").stat().st_mtime
    return round(((best / "meta.json").stat().st_mtime - start) / 60, 1)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", required=True, choices=sorted(RECIPES))
    parser.add_argument("--data", type=Path, default=nd.default_data_dir())
    parser.add_argument("--work", type=Path, default=WORK_DIR)
    parser.add_argument("--out", type=Path, default=None, help="default: resources/models/<lang>")
    parser.add_argument("--max-steps", type=int, default=4000)
    parser.add_argument("--eval-frequency", type=int, default=200)
    parser.add_argument("--vectors", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--threads", type=int, default=2, help="threads for vector training")
    parser.add_argument("--reuse-vectors", action="store_true", help="reuse vectors already in --work")
    parser.add_argument(
        "--install-only",
        action="store_true",
        help="only install the current model-best (e.g. after a stopped run)",
    )
    args = parser.parse_args(argv)
    recipe = RECIPES[args.lang]
    if not args.data.is_dir():
        print(f"Data directory not found: {args.data}", file=sys.stderr)
        return 2
    use_vectors = recipe.vectors if args.vectors is None else args.vectors
    if use_vectors and not recipe.raw_text:
        print(f"No raw text configured for vectors in language {args.lang!r}.", file=sys.stderr)
        return 2
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    args.work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    try:
        if args.install_only:
            with tempfile.TemporaryDirectory() as tmp:
                counts = convert(recipe, args.data, Path(tmp))
            best = args.work / f"{recipe.lang}_model" / "model-best"
            if not best.is_dir():
                print(f"No trained model at {best}.", file=sys.stderr)
                return 1
        else:
            counts = convert(recipe, args.data, args.work)
            vectors = None
            if use_vectors:
                vectors = args.work / f"{recipe.lang}_vectors"
                if not (args.reuse_vectors and vectors.is_dir()):
                    vectors = train_vectors(recipe, args.data, args.work, args.threads)
            best = spacy_train(recipe, args.work, vectors, args)
    except (nd.CorpusError, subprocess.CalledProcessError) as exc:
        print(f"Training failed: {exc}", file=sys.stderr)
        return 1
    info: dict[str, object] = {
        "argv": [
            f"--lang {args.lang}",
            f"--max-steps {args.max_steps}",
            "" if use_vectors else "--no-vectors",
        ],
        "max_steps": args.max_steps,
        "eval_frequency": args.eval_frequency,
        "vectors": use_vectors,
        "counts": counts,
        "wall_minutes": round((time.time() - t0) / 60, 1)
        if not args.install_only
        else _train_minutes(args, best),
    }
    dest = args.out or MODELS_DIR / recipe.lang
    install(recipe, best, dest, info)
    log(f"installed {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
