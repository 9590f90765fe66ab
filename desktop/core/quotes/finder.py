"""Attribution: the statements of an article, unit by unit, each with its speaker.

Per unit: find the cues, give each its speaker, attach quotations to the cue that introduces
(„X sagte: …“) or follows them (“…”, sagte X), and turn the remaining cues into indirect
statements. A quotation without a cue that opens a sentence right after a statement
continues it (same speaker), and so does a German sentence in Konjunktiv I or with
"soll"/"sollen" that has no cue of its own. Quotations inside an indirect message are part
of it. A quotation nothing attributes is kept without a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desktop.core.quotes.attach import mark_quotes, quote_right_before, separated
from desktop.core.quotes.cues import Cue, find_cues, innermost, message_span, sentence_subject
from desktop.core.quotes.genders import Gender
from desktop.core.quotes.lexicon import Lexicon
from desktop.core.quotes.mood import first_person, reported, stripped_speech
from desktop.core.quotes.phrases import Clause, Ref
from desktop.core.quotes.speakers import Resolved, Resolver
from desktop.core.quotes.tokens import MentionIndex, Token, mentions_by_token, tokenize
from desktop.core.quotes.units import Quotation, Unit, headline_end, statement_quotations, units
from desktop.core.sentences import sentence_spans
from desktop.core.types import FoundQuote, LinkedActor, QuoteKind

_STRIP = " \t\n\u00a0,;:–—-"
# A sentence's words: runs of characters that are neither whitespace nor this punctuation.
_WORDS = re.compile("[^\\s" + re.escape(".,;:!?\"'„“”‚‘’»«›‹()[]{}–—…/") + "]+")
_SUBJECT_REACH = 8  # tokens at a unit's start where its subject stands
_UNNAMED_PERSON = frozenset({"role", "person", "unnamed", "pronoun"})


@dataclass
class _Said:
    """A statement before it becomes a FoundQuote."""

    start: int
    end: int
    kind: QuoteKind
    speaker: Resolved
    cue: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None
    ref: Ref | None = None  # how the text named the speaker


@dataclass
class _State:
    """What earlier units leave for later ones."""

    last_unit: int = -10
    last: _Said | None = None
    recent: list[tuple[int, int | None, Gender | None]] = field(default_factory=list)
    previous: tuple[Unit, list[_Said]] | None = None


class Finder:
    """Finds the statements of one article."""

    def __init__(self, text: str, lex: Lexicon, actors: Sequence[LinkedActor]) -> None:
        self.text = text
        self.lex = lex
        self.actors = actors
        self.mentions = MentionIndex(actors, text)
        self.person_actors = frozenset(i for i, a in enumerate(actors) if a.type == "person")
        sentences = sentence_spans(text)
        self.sentence_ends = frozenset(e for _s, e in sentences)
        self.quotes = statement_quotations(text, lex, sentences)
        self.units = units(text, self.quotes, sentences)
        self.resolver = Resolver(text, actors, lex, self.mentions, [(u.start, u.end) for u in self.units])

    def run(self, cancelled: Callable[[], bool]) -> list[FoundQuote]:
        """All statements in text order (what was found so far when cancelled)."""
        state = _State()
        said: list[_Said] = []
        skip_until = headline_end(self.text)
        for unit in self.units:
            if cancelled():
                break
            if unit.start < skip_until:
                continue
            if not (unit.quotes or self._worth_a_look(unit, state)):
                state.previous = (unit, [])
                continue  # most sentences report nothing: no need to look closer
            found = self._unit(unit, state)
            said.extend(found)
            state.previous = (unit, found)
        said.sort(key=lambda s: (s.start, s.end))
        return [self._found(s) for s in said if s.end > s.start]

    def _worth_a_look(self, unit: Unit, state: _State) -> bool:
        """Whether a unit without quotations may continue the statement before it or hold a cue."""
        continues = state.last_unit == unit.index - 1
        if continues and self.lex.subjunctive:
            return True  # German: any sentence right after a statement may be in Konjunktiv I
        words = _WORDS.findall(self.text, unit.start, unit.end)
        if continues and not self.lex.first_person_subjects.isdisjoint(map(str.lower, words)):
            return True
        return self._may_hold_cue(unit, words)

    def _may_hold_cue(self, unit: Unit, words: list[str]) -> bool:
        """A quick test on the words of a unit: could any cue be there?

        The word lists hold the words as written inside a sentence. Where a sentence may open with
        its reporting verb (``verb_first``: "Betont wird …", "Sagte er …"), the unit's first word is
        looked up in lower case too.
        """
        lex = self.lex
        if lex.verb_first and words and words[0][:1].isupper():
            words = [*words, words[0].lower()]
        if not lex.strong_cues.isdisjoint(words):
            return True
        for word in lex.particle_forms.keys() & words:
            if not lex.particle_forms[word].isdisjoint(words):
                return True
        so_triggers = lex.so_triggers
        may_say_so = so_triggers is None or not so_triggers.isdisjoint(words)
        if may_say_so and lex.so_cue.search(self.text, unit.start, unit.end) is not None:
            return True
        return (
            not lex.per_triggers.isdisjoint(words)
            and lex.per_cue.search(self.text, unit.start, unit.end) is not None
        )

    # -- one unit ------------------------------------------------------------------------
    def _clause(self, unit: Unit) -> Clause:
        tokens = tokenize(self.text, unit.start, unit.end, self.sentence_ends)
        mark_quotes(tokens, [self.quotes[q] for q in unit.quotes], unit.quotes)
        mentions = mentions_by_token(self.text, tokens, self.mentions.between(unit.start, unit.end))
        mention_at = {t: (m, first) for first, (m, last) in mentions.items() for t in range(first, last + 1)}
        return Clause(self.text, self.lex, tokens, mentions, mention_at, self.person_actors)

    def _unit(self, unit: Unit, state: _State) -> list[_Said]:
        clause = self._clause(unit)
        tokens = clause.tokens
        cues = innermost(find_cues(clause))
        speakers = self._speakers(clause, cues, unit, state)
        said: list[_Said] = []
        quote_cue: dict[int, Cue] = {}
        messages: list[tuple[int, int]] = []
        message_speakers: list[int | None] = []
        by_colon: set[int] = set()  # quotations a colon introduced
        for cue, speaker in zip(cues, speakers, strict=True):
            if cue.passes_on:
                continue
            before = quote_right_before(tokens, cue)
            if before is not None and (cue.subject.trailing or cue.direction != "forward"):
                if before in by_colon and cue.kind == "verb":
                    quote_cue[before] = cue  # '…: "…," said X': the verb right after the quotation wins
                quote_cue.setdefault(before, cue)
                continue
            if cue.complement and cue.complement[0] == "quote":
                quote_cue.setdefault(cue.complement[1], cue)
                opening = self.quotes[cue.complement[1]].open_at
                if self.text[max(0, opening - 8) : opening].rstrip().endswith(":"):
                    by_colon.add(cue.complement[1])
                continue
            span = message_span(clause, cue, cues)
            if cue.demonstrative and span is None:
                self._demonstrative(cue, speaker, state, said)
                continue
            if span is None or not _may_nest(span[0], cue, speaker, messages, message_speakers):
                continue
            if cue.direction == "backward" and any(
                span[0] <= c.first < span[1] for c in cues if c is not cue
            ):
                continue  # "…“, sagte er laut dem Examiner": the phrase qualifies the other cue
            a, b, colon_quote = span
            if colon_quote is not None:
                quote_cue.setdefault(colon_quote, cue)
                by_colon.add(colon_quote)
            messages.append((a, b))
            message_speakers.append(speaker.actor)
            said.append(self._said(tokens, a, b, cue, speaker, clause))
        said.extend(self._quotations(unit, clause, cues, speakers, quote_cue, messages, state))
        if not said and not cues:
            said.extend(self._continuation(unit, clause, state))
        if not said and cues and tokens[-1].low == ":":
            # "Trump sagte:" and the quotation in the next paragraph: what follows continues it
            cue, speaker = cues[-1], speakers[-1]
            item = _Said(
                unit.end,
                unit.end,
                "direct",
                speaker,
                _cue_span(tokens, cue),
                _speaker_span(cue, speaker),
                _ref(cue),
            )
            if item.speaker.actor is not None or item.speaker.source is not None:
                state.last_unit, state.last = unit.index, item
        for item in sorted(said, key=lambda s: s.start):
            state.last_unit, state.last = unit.index, item
            actor = item.speaker.actor
            if actor is not None and self.actors[actor].type in ("person", "organization"):
                state.recent.append((unit.index, actor, None))
            elif actor is None and item.ref is not None and self._unnamed_person(item.ref):
                state.recent.append((unit.index, None, self._gender_of(item.ref)))
        return said

    def _unnamed_person(self, ref: Ref) -> bool:
        """A single person the text does not name: "der Präsident", "ein Sprecher", "she"."""
        if ref.kind in _UNNAMED_PERSON:
            return True
        first = self.text[ref.start : ref.end].split()[:1]
        return (
            ref.kind == "anonymous" and bool(first) and first[0].lower() in ("ein", "eine", "a", "an", "one")
        )

    def _gender_of(self, ref: Ref) -> Gender | None:
        """ "der Präsident" / "ein Sprecher": m, "die Sprecherin" / "eine Quelle": f (German only)."""
        words = self.text[ref.start : ref.end].lower().split()
        if self.lex.language != "de" or not words:
            return None
        return "m" if words[0] in ("der", "ein") else "f" if words[0] in ("die", "eine") else None

    def _speakers(self, clause: Clause, cues: list[Cue], unit: Unit, state: _State) -> list[Resolved]:
        resolved: list[Resolved] = []
        for cue in cues:
            if cue.subject.inherit and resolved:
                resolved.append(resolved[-1])
                continue
            if cue.subject.inherit:  # "X congratulated Y, saying …": the sentence's subject
                cue.subject = sentence_subject(clause, cue.first)
            speaker = self.resolver.resolve(
                cue.ref, unit=unit.index, recent=state.recent, plural_verb=cue.plural
            )
            if speaker.actor is None and speaker.source is None and cue.source:
                speaker = Resolved(None, cue.source)
            resolved.append(speaker)
        return resolved

    def _said(
        self, tokens: list[Token], a: int, b: int, cue: Cue | None, speaker: Resolved, clause: Clause
    ) -> _Said:
        start, end = _trim(self.text, tokens[a].start, tokens[b - 1].end)
        kind: QuoteKind = "indirect"
        if cue is not None and (cue.direction == "backward" or _after_colon(tokens, a)):
            kind = "direct" if first_person(tokens, a, b, self.lex) else "indirect"
        return _Said(
            start, end, kind, speaker, _cue_span(tokens, cue), _speaker_span(cue, speaker), _ref(cue)
        )

    def _demonstrative(self, cue: Cue, speaker: Resolved, state: _State, said: list[_Said]) -> None:
        """ "Das sagte X": the sentence before is X's (or its unattributed quotation is)."""
        if state.previous is None:
            return
        unit, found = state.previous
        if found and all(s.speaker.actor is None and s.speaker.source is None for s in found):
            for item in found:
                item.speaker = speaker
            return
        if not found:
            start, end = _trim(self.text, unit.start, unit.end)
            said.append(_Said(start, end, "indirect", speaker, None, _speaker_span(cue, speaker)))

    def _quotations(
        self,
        unit: Unit,
        clause: Clause,
        cues: list[Cue],
        speakers: list[Resolved],
        quote_cue: dict[int, Cue],
        messages: list[tuple[int, int]],
        state: _State,
    ) -> list[_Said]:
        tokens = clause.tokens
        said: list[_Said] = []
        speaker_of = {id(c): s for c, s in zip(cues, speakers, strict=True)}
        previous_cue: Cue | None = None
        previous_close = -1
        for q in unit.quotes:
            quote = self.quotes[q]
            cue = quote_cue.get(q)
            if (
                cue is None
                and previous_cue is not None
                and not separated(cues, tokens, previous_close, quote, previous_cue)
            ):
                cue = previous_cue
            inside = any(
                tokens[a].start <= quote.open_at and quote.end <= tokens[b - 1].end for a, b in messages
            )
            if cue is None and inside:
                continue
            if cue is not None:
                speaker = speaker_of[id(cue)]
                cue_span, speaker_span = _cue_span(tokens, cue), _speaker_span(cue, speaker)
                said.append(
                    _Said(quote.start, quote.end, "direct", speaker, cue_span, speaker_span, _ref(cue))
                )
            elif (
                self._opens_unit(unit, quote) and state.last is not None and state.last_unit == unit.index - 1
            ):
                last = state.last  # a "X said:" before the quotation lends its cue
                cue_span, speaker_span = (
                    (last.cue, last.speaker_span) if last.start == last.end else (None, None)
                )
                said.append(_Said(quote.start, quote.end, "direct", last.speaker, cue_span, speaker_span))
            else:
                said.append(_Said(quote.start, quote.end, "direct", Resolved(None)))
            previous_cue, previous_close = cue, quote.outer_end
        return said

    def _opens_unit(self, unit: Unit, quote: Quotation) -> bool:
        return not self.text[unit.start : quote.open_at].strip(" \t\n\u00a0–—-")

    def _continuation(self, unit: Unit, clause: Clause, state: _State) -> list[_Said]:
        """A cue-less sentence in reported speech right after a statement continues it."""
        last = state.last
        if last is None or state.last_unit != unit.index - 1:
            return []
        if last.speaker.actor is None and last.speaker.source is None:
            return []  # nobody to continue
        tokens = clause.tokens
        if self._new_subject(clause, last.speaker.actor):
            return []  # "Der neue Sprecher, Günther Kerle, macht mobil: …" is someone else
        start, end = _trim(self.text, unit.start, unit.end)
        if stripped_speech(tokens, self.text, self.lex):
            # the speaker's own words with their quotation marks stripped ("Ich wurde gefoltert.")
            person = last.speaker.actor is not None and last.speaker.actor in self.person_actors
            return [_Said(start, end, "direct", last.speaker)] if person else []
        if not self.lex.subjunctive or not reported(tokens, self.text, self.lex):
            return []
        return [_Said(start, end, "indirect", last.speaker)]

    def _new_subject(self, clause: Clause, speaker: int | None) -> bool:
        """Whether the unit opens with another person than ``speaker`` (in its first few words)."""
        for first, (mention, _last) in clause.mentions.items():
            if first > _SUBJECT_REACH:
                break
            if mention.actor in self.person_actors and mention.actor != speaker:
                return True
        return False

    def _found(self, said: _Said) -> FoundQuote:
        cue = said.cue or (None, None)
        span = said.speaker_span or (None, None)
        return FoundQuote(
            start=said.start,
            end=said.end,
            kind=said.kind,
            cue_start=cue[0],
            cue_end=cue[1],
            speaker=said.speaker.actor,
            speaker_start=span[0],
            speaker_end=span[1],
            source=said.speaker.source if said.speaker.actor is None else None,
        )


def _after_colon(tokens: list[Token], a: int) -> bool:
    return a > 0 and tokens[a - 1].low == ":"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP + ".":
        end -= 1
    return start, end


def _cue_span(tokens: list[Token], cue: Cue | None) -> tuple[int, int] | None:
    if cue is None:
        return None
    return tokens[cue.first].start, tokens[cue.last].end


def _ref(cue: Cue | None) -> Ref | None:
    return cue.ref if cue is not None and not cue.subject.inherit else None


def _speaker_span(cue: Cue | None, speaker: Resolved) -> tuple[int, int] | None:
    if cue is None or cue.ref is None or cue.subject.inherit:
        return None
    if speaker.actor is None and speaker.source is None:
        return None
    return cue.ref.start, cue.ref.end


def _may_nest(
    start: int, cue: Cue, speaker: Resolved, messages: list[tuple[int, int]], speakers: list[int | None]
) -> bool:
    """Whether a message starting at token ``start`` may stand: outside the unit's messages, or
    inside one as a statement of another named speaker ("Mayorga sagt, dass Ronaldo bestätige, …")."""
    outer = [i for i, (a, b) in enumerate(messages) if a <= start < b]
    if not outer:
        return True
    if cue.subject.inherit or cue.ref is None or cue.ref.kind not in ("mention", "pronoun"):
        return False
    return speaker.actor is not None and all(speakers[i] != speaker.actor for i in outer)
