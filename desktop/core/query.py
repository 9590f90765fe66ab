"""The search syntax readers type, parsed once for the article index and the notes search.

Rules (case and accents never matter; "strasse" = "Straße"):

- words: every word must occur (AND); a word also finds its other forms by Snowball stem in
  the article's language ("Flüchtling" finds "Flüchtlinge", "negotiate" finds "negotiations");
- ``"two words"`` (also „…“ or «…»): the words in this order, exactly (no stems);
- ``word*``: words beginning with "word";
- ``a OR b``: either (binds tighter than the AND between words);
- ``-word`` or ``-"a phrase"``: articles without it;
- a typed umlaut also finds its transliteration ("Flüchtlinge" finds "Fluechtlinge"); the other
  direction ("fluechtlinge" finds "Flüchtlinge") comes from the German stemmer.

Everything else that is not a letter or digit separates words and never reaches a query
language unquoted.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from desktop.core.record import record
from desktop.core.stemming import WORD_RE, stemmer, stems_of
from desktop.core.textfold import fold, fold_with_offsets

#: Opening and closing marks of a phrase.
QUOTE_CHARS = '"„“”«»'
#: At most this many spellings of one term (umlaut transliterations multiply).
MAX_SPELLINGS = 8

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue"}
_CHUNK_RE = re.compile(rf"(-?)[{QUOTE_CHARS}]([^{QUOTE_CHARS}]*)(?:[{QUOTE_CHARS}]|$)|(\S+)")
_W = r"[^\W_]"
_STEM_HEAD = 4


@record
class Term:
    """One searched word or phrase; ``tokens`` are folded, ``words`` as typed (lower case, NFC)."""

    tokens: tuple[str, ...]
    words: tuple[str, ...]
    prefix: bool = False  # the last token is a prefix (typed with a trailing *)
    phrase: bool = False  # typed in quotes: exact words in order, no stems

    @property
    def stemmable(self) -> bool:
        """A single plain word, which also matches by stem."""
        return len(self.tokens) == 1 and not self.prefix and not self.phrase

    def spellings(self) -> tuple[tuple[str, ...], ...]:
        """Folded token sequences that count as an exact match (umlauts also as ae/oe/ue)."""
        if len(self.words) != len(self.tokens):
            return (self.tokens,)
        options = [_word_spellings(word) for word in self.words]
        combos = itertools.islice(itertools.product(*options), MAX_SPELLINGS)
        return tuple(dict.fromkeys(combos))


@record
class Query:
    """A parsed query: every group must match (AND), a group when one of its terms does (OR)."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing is searched for (exclusions alone find nothing)."""
        return not self.groups

    def terms(self) -> list[Term]:
        """The positive terms, in typed order."""
        return [term for group in self.groups for term in group]


def _word_spellings(word: str) -> tuple[str, ...]:
    """``word`` folded, plus each typed umlaut written as ae/oe/ue ("für" -> "fur", "fuer")."""
    sites = [i for i, ch in enumerate(word) if ch in _UMLAUTS]
    if not sites:
        return (fold(word),)
    found: dict[str, None] = {}
    for choice in itertools.product((False, True), repeat=min(len(sites), 3)):
        chars = list(word)
        for use, i in zip(choice, sites, strict=False):
            if use:
                chars[i] = _UMLAUTS[chars[i]]
        found[fold("".join(chars))] = None
    return tuple(found)


def _term(text: str, *, phrase: bool) -> Term | None:
    prefix = not phrase and text.endswith("*")
    words = tuple(WORD_RE.findall(unicodedata.normalize("NFC", text).lower()))
    tokens = tuple(token for word in words for token in WORD_RE.findall(fold(word)))
    if not tokens:
        return None
    return Term(tokens, words, prefix=prefix, phrase=phrase)


def parse_query(query: str) -> Query:
    """Parse what the user typed; never fails (unknown syntax is read as words)."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    negate_next = False
    for match in _CHUNK_RE.finditer(query):
        minus, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare in ("OR", "|"):
            join_next = bool(groups)
            continue
        if bare == "AND":
            continue
        if bare == "NOT":
            negate_next = True
            continue
        negate = negate_next or bool(minus)
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negate, bare = True, bare[1:]
        term = _term(quoted, phrase=True) if quoted is not None else _term(bare or "", phrase=False)
        negate_next = False
        if term is None:
            join_next = False
            continue
        if negate:
            excluded.append(term)
        elif join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))


def term_stems(term: Term, languages: Iterable[str]) -> tuple[str, ...]:
    """The folded stems under which ``term`` also matches (none for phrases and prefixes)."""
    if not term.stemmable:
        return ()
    return stems_of(term.words[0] if term.words else term.tokens[0], languages)


# --------------------------------------------------------------------------- matching in Python


def _spelling_regex(term: Term) -> str:
    alternatives = []
    for tokens in term.spellings():
        body = r"[\W_]+".join(re.escape(token) for token in tokens)
        alternatives.append(body)
    tail = f"{_W}*" if term.prefix else f"(?!{_W})"
    return f"(?:{'|'.join(alternatives)}){tail}"


def _word_starts(pattern: re.Pattern[str], folded: str) -> Iterator[re.Match[str]]:
    """Non-empty matches of ``pattern`` that begin a word (no letter or digit before them).

    The same as a ``(?<![^\\W_])`` look-behind in the pattern, but the pattern then begins with its
    words, which the regex engine finds much faster than it tries a look-behind at every position.
    """
    position = 0
    while (found := pattern.search(folded, position)) is not None:
        start = found.start()
        if start and folded[start - 1].isalnum():  # inside a word: look again one further
            position = start + 1
            continue
        if found.end() > start:
            yield found
        position = max(found.end(), start + 1)


class _CompiledTerm:
    """A term's patterns, with the stem test's answers remembered per word."""

    def __init__(
        self,
        exact: re.Pattern[str],
        stems: tuple[str, ...],
        stem_candidates: re.Pattern[str] | None,
        languages: tuple[str, ...],
    ) -> None:
        self.exact = exact
        self.stems = stems
        self.stem_candidates = stem_candidates
        self.languages = languages
        self._cache: dict[str, bool] = {}

    def _stem_matches(self, word: str) -> bool:
        if word not in self._cache:
            found = False
            for language in self.languages:
                stem_words = stemmer(language)
                if stem_words is not None and fold(stem_words([word])[0]) in self.stems:
                    found = True
                    break
            self._cache[word] = found
        return self._cache[word]

    def spans(self, folded: str) -> list[tuple[int, int]]:
        found = [m.span() for m in _word_starts(self.exact, folded)]
        if self.stem_candidates is not None:
            for m in _word_starts(self.stem_candidates, folded):
                if self._stem_matches(m.group()):
                    found.append((m.start(), m.end()))
        return found

    def matches(self, folded: str) -> bool:
        if next(_word_starts(self.exact, folded), None) is not None:
            return True
        if self.stem_candidates is None:
            return False
        return any(self._stem_matches(m.group()) for m in _word_starts(self.stem_candidates, folded))


class Matcher:
    """The query evaluated in Python on folded text (notes, databases without FTS5, highlights)."""

    def __init__(self, query: Query, languages: Iterable[str] = ()) -> None:
        self.query = query
        langs = tuple(dict.fromkeys(languages))
        self._groups = [[self._compile(t, langs) for t in group] for group in query.groups]
        self._excluded = [self._compile(t, ()) for t in query.excluded]

    @staticmethod
    def _compile(term: Term, languages: tuple[str, ...]) -> _CompiledTerm:
        stems = term_stems(term, languages)
        candidates = None
        if stems:
            # Words sharing the first letters of a stem or spelling are stemmed to check them
            # ("fluechtlingen" -> "fluchtling"); a stem need not be a prefix of the word.
            heads = {s[:_STEM_HEAD] for s in stems} | {t[0][:_STEM_HEAD] for t in term.spellings()}
            pattern = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
            candidates = re.compile(f"(?:{pattern}){_W}*")
        return _CompiledTerm(re.compile(_spelling_regex(term)), stems, candidates, languages)

    def matches_folded(self, folded: str) -> bool:
        """True when the already folded ``folded`` satisfies the query."""
        if not self._groups:
            return False
        if any(t.matches(folded) for t in self._excluded):
            return False
        return all(any(t.matches(folded) for t in group) for group in self._groups)

    def matches(self, text: str) -> bool:
        """True when ``text`` satisfies the query (case and accents ignored)."""
        return self.matches_folded(fold(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted, merged ``[start, end)`` spans of ``text`` where positive terms match."""
        folded, offsets = fold_with_offsets(text)
        raw = [span for group in self._groups for term in group for span in term.spans(folded)]
        spans = sorted((offsets[s], offsets[e - 1] + 1) for s, e in raw)
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged


__all__ = ["MAX_SPELLINGS", "QUOTE_CHARS", "Matcher", "Query", "Term", "parse_query", "term_stems"]
