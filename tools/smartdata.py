"""DFKI SmartData corpus (German news, RSS traffic reports, tweets) as PER/ORG/LOC training sentences.

The corpus (CC BY 4.0; Schiersch et al., LREC 2018) has gold character-offset mentions of
fine-grained types. Its v3 release splits train/dev/test, but only v3 dev and test are at hand;
every v3 dev/test document also occurs in v1, so the training set read here is v1 train ∪ v1 test
minus the ids of v3 dev and v3 test (documents in both v1 files are read once).

Mapping to the GermEval labels (:data:`TYPE_MAP`): ``person`` -> PER; ``organization`` and
``organization-company`` -> ORG; ``location``, ``location-city``, ``location-street`` and
``location-stop`` -> LOC; every other type (dates, numbers, ``org-position``, triggers …) -> O.
Sentences are dropped rather than guessed when

- they have fewer than :data:`MIN_TOKENS` tokens (headers, datelines, cut-off lines),
- they hold a ``location-route`` (train and bus lines, flight numbers such as "RE 7" or
  "LH 510": no location in GermEval's sense, and not O either),
- a mention does not fall on the recogniser's token boundaries or crosses a sentence end,
- a one-token mention contradicts the GermEval training data: the word occurs there at least
  :data:`MIN_SEEN` times and carries the mention's label in less than :data:`MIN_AGREE` of them
  (SmartData also marks descriptions such as "Gruppe" as a company and "Berliner" as a location,
  which GermEval leaves outside or derives).

Mentions that start with a lower-case letter ("deutschen", "beiden Richtungen") become O, as
GermEval's derived adjectives (*deriv) do.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools import ner_data as nd

CORPUS_DIR = "dfki-smartdata"
V1_FILES = ("v1_20180119-train.json.gz", "v1_20180119-test.json.gz")
HELD_OUT_FILES = ("v3_20200302-dev.json.gz", "v3_20200302-test.json.gz")
SOURCES = ("news", "rss", "tweet")
TYPE_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
}
DROP_TYPES = frozenset({"location-route"})
MIN_SEEN, MIN_AGREE = 3, 0.2
MIN_TOKENS = 4  # shorter lines are mostly headers, datelines and cut-off fragments

Token = tuple[str, int]
Splitter = Callable[[str], Iterable[list[Token]]]


@dataclass
class Stats:
    """What the conversion kept and dropped."""

    counts: Counter[str] = field(default_factory=Counter)


def read_documents(path: Path) -> Iterator[dict[str, Any]]:
    """The documents of one corpus file: gzip of concatenated (pretty-printed) JSON objects."""
    if not path.is_file():
        raise nd.CorpusError(f"Corpus file not found: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return
        try:
            doc, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise nd.CorpusError(f"{path.name}: {exc}") from exc
        yield doc


def _unwrap(value: Any, key: str) -> Any:
    """Avro optional fields come wrapped: ``{"string": …}``, ``{"array": […]}``, ``{"map": …}``."""
    return value.get(key) if isinstance(value, dict) else value


def source(doc: dict[str, Any]) -> str:
    """``news``, ``rss`` or ``tweet`` (v1 ``refids``)."""
    refids = _unwrap(doc.get("refids"), "map") or {}
    return str(refids.get("source", ""))


def training_documents(data: Path, sources: Iterable[str] = ("news",)) -> list[dict[str, Any]]:
    """v1 train ∪ v1 test of the given sources, without the v3 dev/test ids, each id once."""
    folder = data / CORPUS_DIR
    held_out = {doc["id"] for name in HELD_OUT_FILES for doc in read_documents(folder / name)}
    wanted = set(sources)
    seen: set[str] = set()
    docs = []
    for name in V1_FILES:
        for doc in read_documents(folder / name):
            if doc["id"] in held_out or doc["id"] in seen or source(doc) not in wanted:
                continue
            seen.add(doc["id"])
            docs.append(doc)
    return docs


def mentions(doc: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans: GermEval labels, or ``DROP`` for the dropped types."""
    text = _unwrap(doc.get("text"), "string") or ""
    out = []
    for m in _unwrap(doc.get("conceptMentions"), "array") or []:
        kind = m.get("type", "")
        start, end = m["span"]["start"], m["span"]["end"]
        if kind in DROP_TYPES:
            out.append((start, end, "DROP"))
        elif kind in TYPE_MAP and (text[start:end][:1].isupper() or text[start:end][:1].isdigit()):
            out.append((start, end, TYPE_MAP[kind]))
    return sorted(out, key=lambda s: (s[0], s[0] - s[1]))  # longest first where two start together


def word_labels(reference: Iterable[nd.Sentence]) -> dict[str, Counter[str]]:
    """For every token of the reference sentences: how often it is (part of) a name of each label, or O."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in reference:
        inside = ["O"] * len(sent.tokens)
        for s, e, lab in nd.bio_to_spans(sent.tags):
            for k in range(s, e):
                inside[k] = lab
        for tok, lab in zip(sent.tokens, inside, strict=True):
            table[tok][lab] += 1
    return table


def contradicts(token: str, label: str, table: dict[str, Counter[str]]) -> bool:
    """Whether the reference data rarely gives the one-token name ``token`` the label ``label``."""
    seen = table.get(token)
    if not seen:
        return False
    total = sum(seen.values())
    return total >= MIN_SEEN and seen[label] < MIN_AGREE * total


def document_sentences(
    doc: dict[str, Any], split: Splitter, table: dict[str, Counter[str]], stats: Stats
) -> Iterator[nd.Sentence]:
    """The usable sentences of one document, with BIO tags from its mentions."""
    text = _unwrap(doc.get("text"), "string") or ""
    spans = mentions(doc)
    for sent in split(text):
        stats.counts["sentences"] += 1
        if len(sent) < MIN_TOKENS:
            stats.counts["dropped_short"] += 1
            continue
        a, b = sent[0][1], sent[-1][1] + len(sent[-1][0])
        starts = {off: i for i, (_, off) in enumerate(sent)}
        ends = {off + len(t): i for i, (t, off) in enumerate(sent)}
        tokens = [t for t, _ in sent]
        chosen: list[tuple[int, int, str]] = []
        reason = ""
        for start, end, label in spans:
            if end <= a or start >= b:
                continue
            if label == "DROP":
                reason = "route"
            elif start not in starts or end not in ends:
                reason = "boundary"
            else:
                i, j = starts[start], ends[end] + 1
                if j - i == 1 and contradicts(tokens[i], label, table):
                    reason = "contradicts_germeval"
                chosen.append((i, j, label))
            if reason:
                break
        if reason:
            stats.counts[f"dropped_{reason}"] += 1
            continue
        stats.counts["kept"] += 1
        tags = nd.spans_to_bio(len(tokens), chosen)
        for _s, _e, lab in nd.bio_to_spans(tags):
            stats.counts[lab] += 1
        yield nd.Sentence(tokens, tags, text[a:b])


def bilstm_splitter(model_dir: Path) -> Splitter:
    """Sentences of a text split and tokenised the way the BiLSTM-CRF of ``model_dir`` reads text."""
    from desktop.core.entities import bilstm_tokens as bt

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    tokenizer = bt.spacy_tokenizer(config)
    dot_split = frozenset(config.get("dot_split", ()))
    join_hyphens = bool(config.get("join_hyphens", True))

    def split(text: str) -> Iterator[list[Token]]:
        pos = 0
        for line in text.split("\n"):
            for sent in bt.split_sentences(bt.spacy_tokens(tokenizer, line, pos)):
                yield bt.gold_style(sent, dot_split, join_hyphens)
            pos += len(line) + 1

    return split


def read_smartdata(
    data: Path,
    split: Splitter,
    reference: Iterable[nd.Sentence],
    sources: Iterable[str] = ("news",),
    stats: Stats | None = None,
) -> list[nd.Sentence]:
    """Training sentences of the given SmartData sources (see the module docstring)."""
    stats = stats if stats is not None else Stats()
    table = word_labels(reference)
    out: list[nd.Sentence] = []
    for doc in training_documents(data, sources):
        stats.counts["documents"] += 1
        out.extend(document_sentences(doc, split, table, stats))
    return out
