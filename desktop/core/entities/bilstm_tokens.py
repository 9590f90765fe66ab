"""Text to the tokens and sentences a BiLSTM model reads, split as its training corpus was.

spaCy's rule-based tokenizer gives the tokens (:func:`spacy_tokens`); :func:`split_sentences` cuts
a paragraph's tokens after sentence-final punctuation, and :func:`gold_style` re-tokenises a
sentence like the training corpus ("Dr" ".", "Köln/Bonn" as one token).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

MAX_SENT_TOKENS = 200
_SENT_END = {".", "!", "?", "…", "..."}
_CLOSERS = {'"', "“", "”", "«", "»", "'", ")", "’"}


def spacy_tokenizer(config: dict[str, Any]) -> Tokenizer:
    """spaCy's rule-based tokenizer of the model's language (``spacy_lang``), boundaries only."""
    import spacy

    vocab = spacy.blank(config.get("spacy_lang", "de")).vocab
    # Only the tokens' boundaries are read (see spacy_tokens): a word the vocabulary has not seen
    # needs no lexical attributes (shape, stop word, number-like …), whose getters cost about as
    # much as the splitting itself. They do not decide where tokens end.
    vocab.lex_attr_getters = {}
    return spacy.blank(config.get("spacy_lang", "de"), vocab=vocab).tokenizer


def spacy_tokens(tokenizer: Tokenizer, text: str, offset: int = 0) -> list[tuple[str, int]]:
    """(text, offset + start) of the tokens of ``text`` that are not whitespace.

    Reads start and length of every token in one array instead of making a Token object each.
    """
    from spacy.attrs import IDX, LENGTH

    doc = tokenizer(text)
    out: list[tuple[str, int]] = []
    if not len(doc):
        return out
    for start, length in doc.to_array([IDX, LENGTH]).tolist():
        token = text[start : start + length]
        if not token.isspace():
            out.append((token, offset + start))
    return out


def split_sentences(tokens: Sequence[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    """Split (text, offset) tokens of one paragraph after sentence-final punctuation."""
    current: list[tuple[str, int]] = []
    for i, tok in enumerate(tokens):
        current.append(tok)
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        prev = current[-2][0] if len(current) > 1 else ""
        final = tok[0] in _SENT_END or (tok[0] in _CLOSERS and prev in _SENT_END)
        ends = final and nxt[:1].isupper()
        if ends or len(current) >= MAX_SENT_TOKENS:
            yield current
            current = []
    if current:
        yield current


def gold_style(
    tokens: Sequence[tuple[str, int]], dot_split: frozenset[str] = frozenset(), join_hyphens: bool = True
) -> list[tuple[str, int]]:
    """Re-tokenise one sentence's (text, offset) tokens like the training corpus.

    In GermEval 2014 the abbreviations in ``dot_split`` (a list derived from the training data)
    and a sentence-final dot are separate tokens ("Dr" "."), while words joined by a slash or a
    hyphen without spaces ("Köln/Bonn", "13-15") stay one token. Corpora that split those
    (English UD: "well" "-" "known") set ``join_hyphens`` to False.
    """
    merged: list[tuple[str, int]] = []
    i = 0
    while i < len(tokens):
        text, off = tokens[i]
        while (
            join_hyphens
            and i + 2 < len(tokens)
            and tokens[i + 1][0] in ("/", "-")
            and tokens[i + 1][1] == off + len(text)
            and tokens[i + 2][1] == tokens[i + 1][1] + 1
            and text[-1:].isalnum()
            and tokens[i + 2][0][:1].isalnum()
        ):
            text = text + tokens[i + 1][0] + tokens[i + 2][0]
            i += 2
        merged.append((text, off))
        i += 1
    out: list[tuple[str, int]] = []
    for k, (text, off) in enumerate(merged):
        dotted = len(text) > 1 and text.endswith(".") and text[-2] != "."
        if dotted and (text[:-1] in dot_split or k == len(merged) - 1):
            out.extend([(text[:-1], off), (".", off + len(text) - 1)])
        else:
            out.append((text, off))
    return out
