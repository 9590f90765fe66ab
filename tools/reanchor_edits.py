"""Edits of the kind news corrections make, with the true place of an annotated passage afterwards.

Used by ``python -m tools.bench_reanchor``. An edit is a list of non-overlapping replacements
``(start, end, new)`` on the old text; :func:`apply_edit` makes the new text and maps the
passage's old span to its new one. Each ``make_*`` function returns ``None`` when the text
offers no place for that edit (the benchmark then draws another case).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.sentences import sentence_spans

Op = tuple[int, int, str]

#: "outside": the passage itself is unchanged; "inside": its words changed; "deleted": it is gone.
WHERE = {
    "word_inserted_before": "outside",
    "word_inserted_after": "outside",
    "sentence_inserted_before": "outside",
    "sentence_inserted_after": "outside",
    "sentence_deleted_before": "outside",
    "sentence_deleted_after": "outside",
    "word_replaced_before": "outside",
    "word_replaced_after": "outside",
    "paragraph_moved": "outside",
    "other_paragraph_moved": "outside",
    "typo_fixed_outside": "outside",
    "several_edits_outside": "outside",
    "quotes_normalised": "outside",
    "word_inserted_inside": "inside",
    "word_deleted_inside": "inside",
    "word_replaced_inside": "inside",
    "typo_fixed_inside": "inside",
    "quotes_normalised_inside": "inside",
    "passage_deleted": "deleted",
}

FILLER = {
    "de": ["laut Angaben", "offenbar", "nach eigenen Worten", "am Montag", "zuletzt", "inzwischen"],
    "en": ["reportedly", "on Monday", "according to officials", "meanwhile", "again", "later"],
}
NEW_SENTENCES = {
    "de": [
        "Dieser Artikel wurde nach Erscheinen aktualisiert.",
        "In einer früheren Version hieß es fälschlich, die Sitzung sei abgesagt worden.",
        "Die Behörden haben sich bislang nicht geäußert.",
    ],
    "en": [
        "This article has been updated since it was first published.",
        "An earlier version of this story misstated the date of the meeting.",
        "Officials did not respond to a request for comment.",
    ],
}
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class Case:
    """An annotated passage in ``old``, the edited ``new`` text and where the passage now is."""

    kind: str
    old: str
    new: str
    start: int
    end: int
    expected: tuple[int, int] | None  # None: the passage was deleted


def apply_edit(text: str, ops: Sequence[Op], span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """The edited text and the passage's new span (insertions at its start go before it)."""
    ops = sorted(ops)
    pieces, pos = [], 0
    for a, b, new in ops:
        assert pos <= a <= b, "edits overlap"
        pieces += [text[pos:a], new]
        pos = b
    pieces.append(text[pos:])
    start, end = span
    new_start = start + sum(len(n) - (b - a) for a, b, n in ops if b <= start)
    new_end = end + sum(len(n) - (b - a) for a, b, n in ops if a < end)
    return "".join(pieces), (new_start, new_end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph (separated by blank lines)."""
    spans, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def choose_passage(text: str, rng: random.Random) -> tuple[int, int] | None:
    """A sentence, a phrase inside one, or two to three sentences, as a reader would highlight."""
    sentences = [s for s in sentence_spans(text) if 40 <= s[1] - s[0] <= 600]
    if len(sentences) < 4:
        return None
    shape = rng.random()
    if shape < 0.15:  # a name or phrase the text repeats: the hard case for re-anchoring
        repeated = _repeated_phrase(text, sentences[0][0], rng)
        if repeated is not None:
            return repeated
    i = rng.randrange(1, len(sentences) - 1)  # not the title, not the last
    a, b = sentences[i]
    if shape < 0.45:
        return a, b
    if shape < 0.75:
        words = [m.span() for m in re.finditer(r"\S+", text[a:b])]
        if len(words) < 6:
            return a, b
        n = rng.randint(3, min(12, len(words) - 1))
        k = rng.randrange(0, len(words) - n + 1)
        return a + words[k][0], a + words[k + n - 1][1]
    j = min(len(sentences) - 1, i + rng.randint(1, 2))
    return a, sentences[j][1]


def _repeated_phrase(text: str, body: int, rng: random.Random) -> tuple[int, int] | None:
    """One occurrence (after the title) of a phrase of one to three words that occurs again."""
    words = [m.span() for m in re.finditer(r"\w[\w-]*", text)]
    seen: dict[str, list[int]] = {}
    for n in (1, 2, 3):
        for k in range(len(words) - n + 1):
            a, b = words[k][0], words[k + n - 1][1]
            if b - a >= 8 and a > body:
                seen.setdefault(text[a:b], []).append(a)
    repeated = [(p, starts) for p, starts in seen.items() if len(starts) >= 2]
    if not repeated:
        return None
    phrase, starts = rng.choice(sorted(repeated))
    at = rng.choice(starts)
    return at, at + len(phrase)


def _word_at(text: str, lo: int, hi: int, rng: random.Random) -> tuple[int, int] | None:
    words = [(lo + m.start(), lo + m.end()) for m in _WORD.finditer(text[lo:hi])]
    return rng.choice(words) if words else None


def _near(rng: random.Random, lo: int, hi: int, anchor: int, toward_anchor: bool) -> tuple[int, int]:
    """Half the time within 60 characters of the passage (its context), else anywhere in range."""
    if toward_anchor and rng.random() < 0.5:
        return (max(lo, anchor - 60), anchor) if anchor >= hi else (anchor, min(hi, anchor + 60))
    return lo, hi


def _sentence_outside(text: str, span: tuple[int, int], before: bool) -> list[tuple[int, int]]:
    return [s for s in sentence_spans(text) if (s[1] <= span[0] if before else s[0] >= span[1])]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def make_case(
    kind: str, text: str, language: str, rng: random.Random, span: tuple[int, int] | None = None
) -> Case | None:
    """One case of ``kind`` on ``text`` (on the passage ``span``, else a chosen one), or None."""
    span = span or choose_passage(text, rng)
    if span is None:
        return None
    s, e = span
    fill = FILLER.get(language, FILLER["en"])
    extra = NEW_SENTENCES.get(language, NEW_SENTENCES["en"])
    old = text
    ops: list[Op] = []
    if kind in ("word_inserted_before", "word_inserted_after", "word_replaced_before", "word_replaced_after"):
        before = kind.endswith("before")
        lo, hi = _near(rng, 0, s, s, True) if before else _near(rng, e, len(text), e, True)
        word = _word_at(text, lo, hi, rng)
        if word is None:
            return None
        if kind.startswith("word_inserted"):
            ops = [(word[0], word[0], rng.choice(fill) + " ")]
        else:
            ops = [(word[0], word[1], rng.choice(fill).split()[-1])]
    elif kind in ("sentence_inserted_before", "sentence_inserted_after"):
        sentences = _sentence_outside(text, span, kind.endswith("before"))
        if not sentences:
            return None
        target = rng.choice(sentences)
        at = target[0] if kind.endswith("before") else target[1]
        sentence = rng.choice(extra)
        ops = [(at, at, sentence + " ")] if kind.endswith("before") else [(at, at, " " + sentence)]
    elif kind in ("sentence_deleted_before", "sentence_deleted_after"):
        sentences = _sentence_outside(text, span, kind.endswith("before"))
        if len(sentences) < 2:
            return None
        a, b = rng.choice(sentences)
        while b < len(text) and text[b] == " ":
            b += 1
        if kind.endswith("after") and b > len(text):
            return None
        ops = [(a, b, "")]
    elif kind in ("paragraph_moved", "other_paragraph_moved"):
        return _moved_paragraph(kind, text, span, rng)
    elif kind in ("typo_fixed_outside", "typo_fixed_inside"):
        inside = kind.endswith("inside")
        lo, hi = (s, e) if inside else rng.choice([(0, s), (e, len(text))])
        word = _word_at(text, lo, hi, rng)
        if word is None or word[1] - word[0] < 5:
            return None
        typo = _typo(text[word[0] : word[1]], rng)
        if typo == text[word[0] : word[1]]:
            return None
        # The old text had the typo; the correction restores the real word.
        old, (s, e) = apply_edit(text, [(word[0], word[1], typo)], span)
        return Case(kind, old, text, s, e, span)
    elif kind == "several_edits_outside":
        for _ in range(3):
            sub = rng.choice(["word_inserted_before", "word_replaced_after", "sentence_inserted_after"])
            case = make_case(sub, old, language, rng, (s, e))
            if case is None:
                return None
            assert case.expected is not None
            old, (s, e) = case.new, case.expected
        return Case(kind, text, old, span[0], span[1], (s, e))
    elif kind == "quotes_normalised":
        return _normalised_quotes(text, span, language)
    elif kind in ("word_inserted_inside", "word_deleted_inside", "word_replaced_inside"):
        words = [(s + m.start(), s + m.end()) for m in re.finditer(r"\w+", text[s:e])]
        if len(words) < 5:
            return None
        a, b = rng.choice(words[1:-1])
        if kind == "word_inserted_inside":
            ops = [(a, a, rng.choice(fill).split()[-1] + " ")]
        elif kind == "word_deleted_inside":
            while b < e and text[b] == " ":
                b += 1
            ops = [(a, b, "")]
        else:
            ops = [(a, b, rng.choice(fill).split()[-1])]
    elif kind == "passage_deleted":
        b = e
        while b < len(text) and text[b] == " ":
            b += 1
        new, _ = apply_edit(text, [(s, b, "")], span)
        return Case(kind, text, new, s, e, None)
    else:
        raise ValueError(f"unknown edit kind {kind!r}")
    new, expected = apply_edit(old, ops, (s, e))
    return Case(kind, old, new, s, e, expected)


def _moved_paragraph(kind: str, text: str, span: tuple[int, int], rng: random.Random) -> Case | None:
    paras = paragraphs(text)
    if len(paras) < 3:
        return None
    s, e = span
    own = [i for i, (a, b) in enumerate(paras) if a <= s and e <= b]
    if not own:
        return None
    if kind == "paragraph_moved":
        i = own[0]
    else:
        others = [i for i in range(len(paras)) if i != own[0]]
        i = rng.choice(others)
    a, b = paras[i]
    block = text[a:b]
    gap = "\n\n" if text[:a].strip() and text[b:].strip() else ""
    rest = text[:a].rstrip("\n") + gap + text[b:].lstrip("\n")
    rest_paras = paragraphs(rest)
    targets = [p[0] for p in rest_paras[1:]] + [len(rest)]  # never above the title
    where_it_was = rest_paras[i][0] if i < len(rest_paras) else len(rest)
    choices = [t for t in targets if t != where_it_was]
    if not choices:
        return None
    at = rng.choice(choices)
    new = rest[:at] + block + "\n\n" + rest[at:] if at < len(rest) else rest + "\n\n" + block
    if kind == "paragraph_moved":
        offset = new.find(block, at if at < len(rest) else len(rest))
        return Case(kind, text, new, s, e, (offset + s - a, offset + e - a))
    quote = text[s:e]
    hits = [m.start() for m in re.finditer(re.escape(quote), new)]
    if len(hits) != 1:
        return None  # the passage reads the same elsewhere: the true place is ambiguous
    return Case(kind, text, new, s, e, (hits[0], hits[0] + len(quote)))


def _normalised_quotes(text: str, span: tuple[int, int], language: str) -> Case | None:
    """Straight quotes and apostrophes become typographic ones (same length, so offsets hold)."""
    opening, closing = ("„", "“") if language == "de" else ("“", "”")
    count = 0
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch == '"':
            chars[i] = opening if count % 2 == 0 else closing
            count += 1
        elif ch == "'":
            chars[i] = "’"
    new = "".join(chars)
    if new == text:
        return None
    same = new[span[0] : span[1]] == text[span[0] : span[1]]
    kind = "quotes_normalised" if same else "quotes_normalised_inside"
    return Case(kind, text, new, span[0], span[1], span)
