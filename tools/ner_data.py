"""Corpus readers and conversion helpers for training and evaluating the NER models.

Every reader yields :class:`Sentence` objects (tokens + BIO tags with already-mapped
labels). :func:`detokenize` rebuilds natural text from tokens and remembers each token's
character offsets, so gold spans can be compared with a recogniser working on raw text.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

REPO_ROOT = Path(__file__).resolve().parent.parent
CORE_LABELS = ("PER", "ORG", "LOC")


class CorpusError(ValueError):
    """A corpus file is missing or not in the expected format."""


@dataclass
class Sentence:
    """One gold sentence: tokens, BIO tags (mapped labels) and, when known, the original text."""

    tokens: list[str]
    tags: list[str]
    text: str | None = None


def default_data_dir() -> Path:
    """The shared data directory: $BRIEFING_DATA or ../shared/data relative to the repository root."""
    env = os.environ.get("BRIEFING_DATA")
    return Path(env) if env else (REPO_ROOT / ".." / "shared" / "data").resolve()


def open_text(path: Path) -> IO[str]:
    """Open a (possibly gzip-compressed) UTF-8 text file, with a clear error when it is missing."""
    if not path.is_file():
        raise CorpusError(f"Corpus file not found: {path}")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


# ---------------------------------------------------------------- spacing reconstruction

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "“", "”", "’", "«", "…", "'s", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "„", "‚", "»", "$"}
CLITICS = ("n't", "'s", "'m", "'re", "'ve", "'ll", "'d", "’s", "n’t")


def guess_spaces(tokens: list[str]) -> list[bool]:
    """Heuristic whitespace after each token of a pre-tokenised sentence."""
    spaces = [True] * len(tokens)
    quote_open = False
    for i, tok in enumerate(tokens):
        if tok == '"':
            if quote_open:  # closing quote attaches to the previous token
                if i > 0:
                    spaces[i - 1] = False
            else:  # opening quote attaches to the next token
                spaces[i] = False
            quote_open = not quote_open
            continue
        if i > 0 and (tok in NO_SPACE_BEFORE or tok.lower() in CLITICS):
            spaces[i - 1] = False
        if tok in NO_SPACE_AFTER:
            spaces[i] = False
    if tokens:
        spaces[-1] = False
    return spaces


def align_spaces(tokens: list[str], text: str) -> list[bool] | None:
    """Whitespace after each token read from the original sentence text; None if tokens don't match."""
    spaces: list[bool] = []
    pos = 0
    for tok in tokens:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if text[pos : pos + len(tok)] != tok:
            return None
        pos += len(tok)
        spaces.append(pos < len(text) and text[pos].isspace())
    return spaces


def detokenize(tokens: list[str], spaces: list[bool]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into text; return the text and each token's [start, end) character offsets."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for tok, space in zip(tokens, spaces, strict=True):
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        if space:
            parts.append(" ")
            pos += 1
    return "".join(parts), offsets


def sentence_spaces(sent: Sentence) -> list[bool]:
    """Spaces from the original text when it aligns, else the heuristic."""
    if sent.text:
        aligned = align_spaces(sent.tokens, sent.text)
        if aligned is not None:
            if aligned:
                aligned[-1] = False
            return aligned
    return guess_spaces(sent.tokens)


# ---------------------------------------------------------------- BIO handling


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end exclusive, label) from BIO or IOB1 tags; "O" and "" are outside."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-") if "-" in tag else ("O", "", "")
        continues = prefix == "I" and lab == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and lab and not continues:
            start, label = i, lab
    return spans


def spans_to_bio(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags for n tokens from token spans (later overlapping spans are dropped)."""
    tags = ["O"] * n
    for start, end, label in spans:
        if any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = f"B-{label}"
        for k in range(start + 1, end):
            tags[k] = f"I-{label}"
    return tags


def map_tags(tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Map span labels through ``mapping`` (labels not in it become O) and re-normalise to BIO."""
    spans = [(s, e, mapping[lab]) for s, e, lab in bio_to_spans(tags) if lab in mapping]
    return spans_to_bio(len(tags), spans)


GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}  # *deriv/*part -> O
GERMEVAL_EVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
CORE_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
WIKIGOLD_EVAL_MAP = CORE_MAP


# ---------------------------------------------------------------- column readers


def read_columns(
    path: Path,
    token_col: int,
    tag_col: int,
    sep: str | None = "\t",
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Sentence]:
    """Generic CoNLL-style reader: blank lines separate sentences; '# text =' comments are kept."""
    tokens: list[str] = []
    tags: list[str] = []
    text: str | None = None
    with open_text(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if token_col > 0 and line.startswith("#"):  # comment (token lines start with an index)
                if line.startswith("# text = "):
                    text = line[len("# text = ") :]
                continue
            if skip is not None and skip(line):
                continue
            if not line.strip():
                if tokens:
                    yield Sentence(tokens, tags, text)
                tokens, tags, text = [], [], None
                continue
            cols = line.split(sep)
            if len(cols) <= max(token_col, tag_col):
                raise CorpusError(f"{path.name}:{lineno}: expected at least {tag_col + 1} columns")
            tokens.append(cols[token_col])
            tags.append(cols[tag_col].strip() or "O")
    if tokens:
        yield Sentence(tokens, tags, text)


def read_germeval_train(path: Path, mapping: dict[str, str] = GERMEVAL_MAP) -> Iterator[Sentence]:
    """GermEval 2014 outer-level train copy: token TAB tag."""
    for sent in read_columns(path, 0, 1):
        yield Sentence(sent.tokens, map_tags(sent.tags, mapping))


def read_germeval_tsv(path: Path, mapping: dict[str, str] = GERMEVAL_MAP) -> Iterator[Sentence]:
    """Official GermEval 2014 dev/test TSV: idx TAB token TAB outer TAB inner; '#' source lines."""
    for sent in read_columns(path, 1, 2):
        yield Sentence(sent.tokens, map_tags(sent.tags, mapping))


def read_uner(path: Path, mapping: dict[str, str] = CORE_MAP) -> Iterator[Sentence]:
    """UNER .iob2 files (idx TAB token TAB tag ...), with the '# text =' sentence text kept."""
    for sent in read_columns(path, 1, 2):
        yield Sentence(sent.tokens, map_tags(sent.tags, mapping), sent.text)


def read_wikigold(path: Path, mapping: dict[str, str] = WIKIGOLD_EVAL_MAP) -> Iterator[Sentence]:
    """WikiGold CoNLL (token SPACE IOB1-tag; -DOCSTART- lines)."""
    for sent in read_columns(path, 0, 1, sep=" ", skip=lambda ln: ln.startswith("-DOCSTART-")):
        yield Sentence(sent.tokens, map_tags(sent.tags, mapping))


# ---------------------------------------------------------------- raw text for vectors

_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def tokenize_raw(text: str) -> str:
    """Rough tokenisation of running text for vector training (space-separated tokens)."""
    return " ".join(_WORD_RE.findall(text))


def read_jsonl_texts(paths: Iterable[Path], field: str = "text") -> Iterator[str]:
    """The ``field`` of every JSON line in the given (gzip) files, line by line of the text."""
    for path in paths:
        with open_text(path) as fh:
            for line in fh:
                if line.strip():
                    for para in str(json.loads(line).get(field, "")).splitlines():
                        if para.strip():
                            yield para


def write_raw_corpus(texts: Iterable[str], out: Path) -> int:
    """Write tokenised text lines to ``out``; return the number of tokens written."""
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for text in texts:
            line = tokenize_raw(text)
            if line:
                fh.write(line + "\n")
                n += line.count(" ") + 1
    return n


# ---------------------------------------------------------------- spaCy DocBins


def sentences_to_docbin(
    sentences: Iterable[Sentence], lang: str, out: Path, group: int = 10
) -> dict[str, int]:
    """Write sentences as spaCy Docs of ``group`` sentences each to a .spacy file; return counts."""
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank(lang).vocab
    db = DocBin(store_user_data=False)
    counts: dict[str, int] = {"docs": 0, "sentences": 0, "tokens": 0}
    batch: list[Sentence] = []

    def flush() -> None:
        words: list[str] = []
        spaces: list[bool] = []
        ents: list[tuple[int, int, str]] = []
        sent_starts: list[bool] = []
        for sent in batch:
            sp = sentence_spaces(sent)
            sp[-1] = True  # sentences are separated by a space
            base = len(words)
            ents.extend((base + s, base + e, lab) for s, e, lab in bio_to_spans(sent.tags))
            words.extend(sent.tokens)
            spaces.extend(sp)
            sent_starts.extend([True] + [False] * (len(sent.tokens) - 1))
        spaces[-1] = False
        doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
        db.add(doc)
        counts["docs"] += 1
        counts["sentences"] += len(batch)
        counts["tokens"] += len(words)
        for _s, _e, lab in ents:
            counts[lab] = counts.get(lab, 0) + 1
        batch.clear()

    for sent in sentences:
        if not sent.tokens:
            continue
        batch.append(sent)
        if len(batch) >= group:
            flush()
    if batch:
        flush()
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return counts


def read_raw_texts(paths: Iterable[Path]) -> Iterator[str]:
    """Paragraphs of raw text files: JSON lines (field "text"), CSV (column "text") or plain text."""
    import csv

    for path in paths:
        name = path.name.removesuffix(".gz")
        if name.endswith(".jsonl"):
            yield from read_jsonl_texts([path])
        elif name.endswith(".csv"):
            csv.field_size_limit(10**8)
            with open_text(path) as fh:
                for row in csv.DictReader(fh):
                    yield from (p for p in row.get("text", "").splitlines() if p.strip())
        else:
            with open_text(path) as fh:
                yield from (line for line in fh if line.strip())
