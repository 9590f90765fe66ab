"""Readers for the extra English training corpora (GUM, CrossNER, Broad Twitter Corpus)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tools.ner_data import (
    CORE_MAP,
    Sentence,
    bio_to_spans,
    map_tags,
    open_text,
    read_columns,
    spans_to_bio,
)

GUM_MAP = {"person": "PER", "organization": "ORG", "place": "LOC"}
CROSSNER_MAP = {
    "person": "PER",
    "politician": "PER",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "location": "LOC",
    "country": "LOC",
}
_GUM_OPEN = re.compile(r"\((\d+)-([a-z]+)")
_GUM_CLOSE = re.compile(r"(\d+)\)")


_CONNECTORS = {
    "of",
    "de",
    "du",
    "la",
    "del",
    "von",
    "van",
    "der",
    "and",
    "&",
    "for",
    "-",
    "the",
    "on",
    "upon",
}


def _gum_named_span(
    start: int, end: int, tokens: list[str], upos: list[str], heads: list[int], ids: list[int]
) -> tuple[int, int] | None:
    """The proper-name part of a GUM mention [start, end): capitalised tokens around a PROPN head."""

    def name_like(k: int) -> bool:
        return upos[k] == "PROPN" or (tokens[k][:1].isupper() and upos[k] not in ("DET", "PRON"))

    inside = set(ids[start:end])
    for k in range(start, end):
        if heads[k] not in inside and upos[k] == "PROPN":
            s = k
            while True:
                if s > start and name_like(s - 1):
                    s -= 1
                elif s - 1 > start and tokens[s - 1] in _CONNECTORS and name_like(s - 2):
                    s -= 2
                else:
                    break
            e = k + 1
            while True:
                if e < end and name_like(e):
                    e += 1
                elif e + 1 < end and tokens[e] in _CONNECTORS and name_like(e + 1):
                    e += 2
                else:
                    break
            return s, e
    return None


def read_gum(path: Path, mapping: dict[str, str] = GUM_MAP) -> Iterator[Sentence]:
    """GUM CoNLL-U with CorefUD ``Entity=`` annotation -> named PER/ORG/LOC mentions.

    A mention counts as a name when one of its heads (tokens whose head lies outside it) is a
    PROPN; the span kept is the run of capitalised tokens (and connectors like "of") around that
    head, so articles, lower-case words and relative clauses are cut off.
    """
    rows: list[list[str]] = []
    text: str | None = None

    def convert() -> Sentence:
        tokens = [r[1] for r in rows]
        upos = [r[3] for r in rows]
        ids = [int(r[0]) for r in rows]
        heads = [int(r[6]) if r[6].isdigit() else 0 for r in rows]
        open_: dict[str, list[tuple[int, str]]] = {}
        spans: list[tuple[int, int, str]] = []
        for i, r in enumerate(rows):
            ent = next((f[7:] for f in r[9].split("|") if f.startswith("Entity=")), "")
            pos = 0
            while pos < len(ent):
                m_open = _GUM_OPEN.match(ent, pos)
                m_close = _GUM_CLOSE.match(ent, pos)
                if m_open:
                    open_.setdefault(m_open.group(1), []).append((i, m_open.group(2)))
                    pos = m_open.end()
                    # skip the rest of the descriptor up to the next bracket
                    while pos < len(ent) and ent[pos] not in "()":
                        pos += 1
                    if pos < len(ent) and ent[pos] == ")":
                        start, etype = open_[m_open.group(1)].pop()
                        spans.append((start, i + 1, etype))
                        pos += 1
                elif m_close and open_.get(m_close.group(1)):
                    start, etype = open_[m_close.group(1)].pop()
                    spans.append((start, i + 1, etype))
                    pos = m_close.end()
                else:
                    pos += 1
        named: list[tuple[int, int, str]] = []
        for start, end, etype in spans:
            if etype in mapping:
                cut = _gum_named_span(start, end, tokens, upos, heads, ids)
                plural = cut is not None and all("Number=Plur" in rows[k][5] for k in range(*cut))
                if cut and not (plural and etype == "person"):  # "the Turks" is no person name
                    named.append((cut[0], cut[1], mapping[etype]))
        named.sort(key=lambda s: (s[0] - s[1], s[0]))  # longest first: outer names win
        return Sentence(tokens, spans_to_bio(len(tokens), named), text)

    with open_text(path) as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if rows:
                    yield convert()
                rows, text = [], None
            else:
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():  # skip multi-word and empty nodes
                    rows.append(cols)
    if rows:
        yield convert()


def read_crossner(path: Path, mapping: dict[str, str] = CROSSNER_MAP) -> Iterator[Sentence]:
    """CrossNER domain files (token TAB BIO tag with fine-grained labels)."""
    for sent in read_columns(path, 0, 1):
        yield Sentence(sent.tokens, map_tags(sent.tags, mapping))


def read_btc(path: Path, mapping: dict[str, str] = CORE_MAP) -> Iterator[Sentence]:
    """Broad Twitter Corpus section (token TAB BIO tag; no comments, '#' starts hashtags)."""
    for sent in read_columns(path, 0, 1):
        keep = [i for i, t in enumerate(sent.tokens) if t.strip()]
        yield Sentence([sent.tokens[i] for i in keep], map_tags([sent.tags[i] for i in keep], mapping))


def harmonise_gpe(sentences: list[Sentence]) -> list[Sentence]:
    """Relabel ORG names that are mostly LOC elsewhere in the corpus (countries acting as agents).

    UNER tags countries and cities as LOC whatever their role; GUM types them by role.
    """
    votes: Counter[tuple[str, str]] = Counter()
    for sent in sentences:
        for s, e, lab in bio_to_spans(sent.tags):
            votes[(" ".join(sent.tokens[s:e]), lab)] += 1
    out: list[Sentence] = []
    for sent in sentences:
        spans = []
        for s, e, lab in bio_to_spans(sent.tags):
            name = " ".join(sent.tokens[s:e])
            if lab == "ORG" and votes[(name, "LOC")] > votes[(name, "ORG")]:
                lab = "LOC"
            spans.append((s, e, lab))
        out.append(Sentence(sent.tokens, spans_to_bio(len(sent.tokens), spans), sent.text))
    return out


REDOCRED_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_DEMONYM_ENDINGS = ("ian", "ish", "ese")
_ARTICLES = {"the", "The"}


def read_redocred(path: Path, demonyms: set[str] = frozenset()) -> Iterator[Sentence]:  # type: ignore[assignment]
    """Re-DocRED documents (JSON) -> sentences with mention-level PER/ORG/LOC.

    DocRED types nationality adjectives ("German") as LOC, which UNER leaves untagged: single-
    token LOC/ORG mentions in ``demonyms`` or ending like one are dropped; a leading "the" is cut.
    """
    with open_text(path) as fh:
        docs = json.load(fh)
    for doc in docs:
        spans: dict[int, list[tuple[int, int, str]]] = {}
        misc = {m["name"] for ent in doc["vertexSet"] for m in ent if m["type"] == "MISC"}
        for ent in doc["vertexSet"]:
            for m in ent:
                label = REDOCRED_MAP.get(m["type"])
                start, end = m["pos"]
                tokens = doc["sents"][m["sent_id"]]
                if label is None or not (0 <= start < end <= len(tokens)):
                    continue
                if tokens[start] in _ARTICLES and end - start > 1:
                    start += 1
                name = " ".join(tokens[start:end])
                if (
                    label in ("LOC", "ORG")
                    and end - start == 1
                    and (name in demonyms or name in misc or name.endswith(_DEMONYM_ENDINGS))
                ):
                    continue
                spans.setdefault(m["sent_id"], []).append((start, end, label))
        for i, tokens in enumerate(doc["sents"]):
            found = sorted(spans.get(i, []), key=lambda s: (s[0] - s[1], s[0]))
            yield Sentence(list(tokens), spans_to_bio(len(tokens), found))


def demonyms_from_uner(path: Path) -> set[str]:
    """Single-token OTH names of the UNER draft train file (mostly nationality adjectives)."""
    from tools.ner_data import read_uner

    out: set[str] = set()
    for sent in read_uner(path, {"OTH": "OTH"}):
        out.update(sent.tokens[s] for s, e, _lab in bio_to_spans(sent.tags) if e - s == 1)
    return out
