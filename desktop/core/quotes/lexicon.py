"""The word lists of quote attribution, read once per language from ``resources/quotes/<lang>.yaml``.

The lists are data (reporting verbs with their forms, cue words, anonymous-source nouns,
pronouns); this module only turns them into sets and maps the finder can look up quickly.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from desktop.core.entities.role_words import GERMAN_ROLES_LONGEST_FIRST
from desktop.core.entities.word_stats import load_common_nouns
from desktop.core.locations import gazetteer_dir, resources_dir

SUPPORTED_LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Verb:
    """One reporting verb: how it asks for its message and whether it needs a particle."""

    lemma: str
    particle: str | None  # "hinzu" for "fügte ... hinzu", "out" for "pointed out"
    any_clause: bool  # "sagte, er sei ..." counts; else only "dass"/":"/a quotation
    takes_object: bool  # "told reporters that ..."
    # The object is the message when it holds one of these: "quote" for a quotation mark ("called
    # the deal "a disgrace""), else words ("bezifferte den Schaden auf …", "warnte vor …"), "*": any
    object_with: frozenset[str] = frozenset()
    source_in: str | None = None  # "geht aus dem Bericht hervor": the speaker is the phrase after it


@dataclass(frozen=True)
class VerbForm:
    """A surface form of a reporting verb and where it stands in its clause."""

    verb: Verb
    final: bool  # participle or joined particle form: stands at the end of its clause
    plural: bool  # German finite plural ("sagten"): "sie" is then plural


@dataclass(frozen=True)
class Lexicon:
    """All word lists of one language, as sets for whole-word lookups."""

    language: str
    forms: dict[str, tuple[VerbForm, ...]]
    particles: frozenset[str]
    verb_prefixes: frozenset[str]  # separable prefixes: "auf" in "aufzugeben"
    purpose_words: frozenset[str]  # "um … zu": an infinitive clause of purpose, no message
    as_words: frozenset[str]
    so_words: frozenset[str]
    per_words: tuple[tuple[str, ...], ...]  # "laut", ("according", "to")
    postpositions: frozenset[str]
    per_nouns: frozenset[str]
    per_prepositions: frozenset[str]
    impersonal: frozenset[str]
    impersonal_subject: str
    impersonal_by: frozenset[str]  # "hieß es seitens der Polizei": words before an impersonal source
    statement_nouns: frozenset[str]
    source_preposition: str
    complementizers: frozenset[str]
    subordinators: frozenset[str]
    auxiliaries: frozenset[str]  # "hat", "wurde": the subject of "hat … gesagt" may follow them
    passive_auxiliaries: frozenset[str]  # "wurde gemeldet": a participle next to them reports nobody
    relatives: frozenset[str]  # relative pronouns opening a verb-final clause after a comma
    coordinators: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymous_suffixes: tuple[str, ...]
    spokesperson_suffixes: tuple[str, ...]
    company_nouns: tuple[str, ...]
    institution_nouns: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    person_noun_endings: tuple[str, ...]  # "Spieler", "scientist": a definite one means a known person
    not_person_nouns: frozenset[str]  # "paper", "monitor": those endings, but no person
    definite_articles: frozenset[str]
    former_words: frozenset[str]  # "ehemalige", "former": a role its present holder does not hold
    masculine: frozenset[str]
    feminine: frozenset[str]
    neuter: frozenset[str]
    plural: frozenset[str]
    first_person: frozenset[str]
    first_person_subjects: frozenset[str]  # "ich", "wir", "I", "we"
    determiners: frozenset[str]
    oblique_determiners: frozenset[str]
    indefinite: frozenset[str]
    adverbs: frozenset[str]
    titles: frozenset[str]  # abbreviated titles before a name ("Dr.", "Prof.")
    time_prefixes: frozenset[str]  # "am", "dieses", "last": before a time noun
    time_nouns: frozenset[str]  # "Montag", "Jahr", "week"
    prepositions: frozenset[str]
    subjunctive: frozenset[str]
    subjunctive_ii: frozenset[str]
    reportative: frozenset[str]
    naming_words: frozenset[str]
    function_words: frozenset[str]
    finite_verbs: frozenset[str]
    not_subjunctive: frozenset[str]
    cue_words: frozenset[str]  # lower-case words that can start a cue
    per_first: frozenset[str]  # first words of "according to" phrases
    strong_cues: frozenset[str]  # words, as written, no sentence holds without a cue: "sagte", "zufolge"
    particle_forms: dict[str, frozenset[str]]  # "gab" -> "an", "zu", "bekannt": a cue only with one
    so_cue: re.Pattern[str]  # a common word that is a cue only in context: ", so X"
    per_cue: re.Pattern[str]  # "nach Angaben", "nach einem Bericht", "seiner Ansicht nach"
    per_triggers: frozenset[str]  # the words, as written, without which ``per_cue`` cannot match
    closed_words: frozenset[str]  # function words, particles and the like: never a verb in -e
    verb_first: bool = False  # a sentence may open with its reporting verb (German: "Betont wird …")

    def former(self, word: str) -> bool:
        """ "ehemalige", "former", "Ex-Minister": a word for a role once held."""
        low = word.lower()
        return low in self.former_words or low.startswith("ex-")

    # Unions of the lists above, built once per lexicon (the finder asks for them per cue).
    @functools.cached_property
    def pronouns(self) -> frozenset[str]:
        """Personal pronouns that can be a speaker."""
        return self.masculine | self.feminine | self.plural

    @functools.cached_property
    def any_determiners(self) -> frozenset[str]:
        """Determiners in any case ("der", "dem", "the")."""
        return self.determiners | self.oblique_determiners

    @functools.cached_property
    def article_words(self) -> frozenset[str]:
        """Any determiner or an indefinite word ("ein", "a")."""
        return self.any_determiners | self.indefinite

    @functools.cached_property
    def no_subject_words(self) -> frozenset[str]:
        """Words after a verb that start no subject: oblique determiners and complementizers."""
        return self.oblique_determiners | self.complementizers

    @functools.cached_property
    def source_prepositions(self) -> frozenset[str]:
        """Prepositions and the words that may stand before an impersonal cue's source."""
        return self.prepositions | self.impersonal_by

    @functools.cached_property
    def reported_marks(self) -> frozenset[str]:
        """Verb forms that mark reported speech: Konjunktiv I and the reportative ones."""
        return self.subjunctive | self.reportative

    @functools.cached_property
    def org_nouns(self) -> tuple[str, ...]:
        """Company nouns, then institution nouns."""
        return (*self.company_nouns, *self.institution_nouns)

    @functools.cached_property
    def so_triggers(self) -> frozenset[str] | None:
        """The words ``so_cue`` matches, as written (it is case-sensitive): a sentence's words hold
        one wherever it matches. None when one is not a plain word (then that does not hold)."""
        return self.so_words if all(re.fullmatch(r"\w+", w) for w in self.so_words) else None

    @functools.cached_property
    def noun_forms(self) -> frozenset[str]:
        """Verb forms that are mostly German nouns when capitalised ("Sage", "Schreiben", "Antworten").

        Read from the gazetteer's common nouns on first use: a capitalised form opening a
        sentence is a verb ("Sagte der Minister …") only when it is none of these.
        """
        if self.language != "de":
            return frozenset()
        nouns = load_common_nouns(gazetteer_dir())
        return frozenset(form for form in self.forms if form.capitalize() in nouns)

    @functools.cached_property
    def statement_noun_endings(self) -> tuple[str, ...]:
        """The statement nouns as a tuple, for ``str.endswith``."""
        return tuple(sorted(self.statement_nouns))


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [w.lower() for w in value.split()]
    return [str(w).lower() for w in value]


def _verb_forms(language: str, entries: dict[str, dict[str, Any]]) -> dict[str, tuple[VerbForm, ...]]:
    forms: dict[str, list[VerbForm]] = {}
    for lemma, spec in entries.items():
        particle = spec.get("particle")
        verb = Verb(
            lemma=lemma,
            particle=str(particle).lower() if particle else None,
            any_clause=spec.get("clause", "any") == "any",
            takes_object=bool(spec.get("object", False)),
            object_with=frozenset(_words(spec.get("object_with"))),
            source_in=str(spec["source"]).lower() if spec.get("source") else None,
        )
        for form in _words(spec.get("forms")):
            final = language == "de" and form.startswith("ge") and particle is None
            plural = language == "de" and form.endswith("en") and not final
            forms.setdefault(form, []).append(VerbForm(verb, final, plural))
        for form in _words(spec.get("joined")):  # "ankündigten": plural as well
            forms.setdefault(form, []).append(VerbForm(verb, True, language == "de" and form.endswith("en")))
    return {form: tuple(found) for form, found in forms.items()}


def _build(language: str, data: dict[str, Any]) -> Lexicon:
    def words(key: str) -> frozenset[str]:
        return frozenset(_words(data.get(key)))

    def suffixes(key: str) -> tuple[str, ...]:
        return tuple(sorted(_words(data.get(key)), key=len, reverse=True))

    pronouns = data.get("pronouns") or {}
    org_nouns = data.get("org_nouns") or {}
    verbs = _verb_forms(language, data.get("verbs") or {})
    per_first = frozenset(p.lower().split()[0] for p in data.get("per_words") or [])
    cue_words = frozenset(verbs) | per_first
    for key in ("as_words", "so_words", "postpositions", "per_prepositions", "impersonal"):
        cue_words |= words(key)
    # a phrase's longest word tells whether it may be there ("Berufung", not "unter")
    per_longest = frozenset(max(p.lower().split(), key=len) for p in data.get("per_words") or [])
    cue_phrases = per_longest | words("postpositions") | words("impersonal")
    strong_cues = frozenset(
        form for form, found in verbs.items() if any(f.final or not f.verb.particle for f in found)
    )
    strong_cues |= cue_phrases | {w.capitalize() for w in cue_phrases}
    particle_forms: dict[str, set[str]] = {}
    for form, found in verbs.items():
        for f in found:
            if f.verb.particle and not f.final:
                particle_forms.setdefault(form, set()).add(f.verb.particle)
    return Lexicon(
        language=language,
        forms=verbs,
        particles=frozenset(f.verb.particle for found in verbs.values() for f in found if f.verb.particle),
        verb_prefixes=words("verb_prefixes"),
        purpose_words=words("purpose_words"),
        as_words=words("as_words"),
        so_words=words("so_words"),
        per_words=tuple(tuple(p.lower().split()) for p in data.get("per_words") or []),
        postpositions=words("postpositions"),
        per_nouns=words("per_nouns"),
        per_prepositions=words("per_prepositions"),
        impersonal=words("impersonal"),
        impersonal_subject=str(data.get("impersonal_subject", "")).lower(),
        impersonal_by=words("impersonal_by"),
        statement_nouns=words("statement_nouns"),
        source_preposition=str(data.get("source_preposition", "")).lower(),
        complementizers=words("complementizers"),
        subordinators=words("subordinators"),
        auxiliaries=words("auxiliaries"),
        passive_auxiliaries=words("passive_auxiliaries"),
        relatives=words("relatives"),
        coordinators=words("coordinators"),
        anonymous_nouns=words("anonymous_nouns"),
        anonymous_suffixes=suffixes("anonymous_suffixes"),
        spokesperson_suffixes=suffixes("spokesperson_suffixes"),
        company_nouns=tuple(_words(org_nouns.get("company"))),
        institution_nouns=tuple(_words(org_nouns.get("institution"))),
        person_suffixes=suffixes("person_suffixes"),
        former_words=words("former_words"),
        person_noun_endings=suffixes("person_noun_endings"),
        not_person_nouns=words("not_person_nouns"),
        definite_articles=words("definite_articles"),
        masculine=frozenset(_words(pronouns.get("masculine"))),
        feminine=frozenset(_words(pronouns.get("feminine"))),
        neuter=frozenset(_words(pronouns.get("neuter"))),
        plural=frozenset(_words(pronouns.get("plural"))),
        first_person=words("first_person"),
        first_person_subjects=words("first_person_subjects"),
        determiners=words("determiners"),
        oblique_determiners=words("oblique_determiners"),
        indefinite=words("indefinite"),
        adverbs=words("adverbs"),
        titles=words("titles"),
        time_prefixes=words("time_prefixes"),
        time_nouns=words("time_nouns"),
        prepositions=words("prepositions"),
        subjunctive=words("subjunctive"),
        subjunctive_ii=words("subjunctive_ii"),
        reportative=words("reportative"),
        naming_words=words("naming_words"),
        function_words=words("function_words"),
        finite_verbs=words("finite_verbs"),
        not_subjunctive=words("not_subjunctive"),
        cue_words=cue_words,
        per_first=per_first,
        strong_cues=frozenset(strong_cues),
        particle_forms={form: frozenset(p) for form, p in particle_forms.items()},
        so_cue=_so_cue(words("so_words")),
        per_cue=_per_cue(words("per_prepositions"), words("per_nouns") | words("statement_nouns")),
        per_triggers=frozenset(w for p in words("per_prepositions") for w in (p, p.capitalize())),
        verb_first=str(data.get("verb_first", "false")).lower() == "true",  # the loader keeps "true" a word
        closed_words=frozenset().union(
            *(
                words(key)
                for key in (
                    "not_subjunctive",
                    "subjunctive_ii",
                    "function_words",
                    "determiners",
                    "oblique_determiners",
                    "prepositions",
                    "adverbs",
                    "complementizers",
                    "subordinators",
                    "coordinators",
                )
            )
        ),
    )


def _so_cue(so_words: frozenset[str]) -> re.Pattern[str]:
    """ "…, so X" after a comma, a dash or a quotation mark."""
    if not so_words:
        return re.compile("(?!)")
    return re.compile(r"[,\"'“”»«–—]\s*(?:" + "|".join(map(re.escape, sorted(so_words))) + r")\s")


def _per_cue(prepositions: frozenset[str], nouns: frozenset[str]) -> re.Pattern[str]:
    """ "nach (eigenen) Angaben", "nach Polizeiangaben", "nach einem Bericht", "seiner Ansicht nach"."""
    if not (prepositions and nouns):
        return re.compile("(?!)")
    preps = "|".join(map(re.escape, sorted(prepositions)))
    alternatives = "|".join(map(re.escape, sorted(nouns)))
    return re.compile(
        r"\b(?:" + preps + r")\s+(?:\w+\s+){0,2}\w*(?:" + alternatives + r")\b"
        r"|\b(?:" + alternatives + r")\s+(?:" + preps + r")\b",
        re.IGNORECASE,
    )


# A safe YAML loader without the 1.1 booleans: "on", "no", "yes" and "off" are words here.
_WordLoader = type(
    "_WordLoader",
    (yaml.SafeLoader,),
    {
        "yaml_implicit_resolvers": {
            first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
    },
)


_ROLE_ENDINGS = ("", "en", "n", "s", "es", "nen", "innen")  # as in desktop.core.entities.roles
_GERMAN_ROLES = frozenset(GERMAN_ROLES_LONGEST_FIRST)
_LONGEST_ROLE = max(map(len, _GERMAN_ROLES))


@functools.lru_cache(maxsize=8192)
def role_base(word: str) -> str | None:
    """German role noun in ``word`` ("US-Präsidenten" -> "US-Präsident"), else None.

    The same answer as ``desktop.core.entities.roles.german_role_base`` (longest role noun
    first), found by looking up the word's endings instead of trying every role noun.
    """
    low = word.lower()
    best: tuple[int, int] | None = None  # (length of the role noun, -index of the ending)
    for index, ending in enumerate(_ROLE_ENDINGS):
        if ending and not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)]
        for n in range(min(len(stem), _LONGEST_ROLE), 0, -1):
            if stem[-n:] in _GERMAN_ROLES:
                if best is None or (n, -index) > best:
                    best = (n, -index)
                break
    if best is None:
        return None
    return word[: len(word) - len(_ROLE_ENDINGS[-best[1]])]


def lexicon_path(language: str, folder: Path | None = None) -> Path:
    """Where the word lists of ``language`` are stored."""
    return (folder or resources_dir() / "quotes") / f"{language}.yaml"


@functools.cache
def lexicon(language: str) -> Lexicon | None:
    """The word lists of ``language`` ("de", "en"), loaded once; None for other languages."""
    if language not in SUPPORTED_LANGUAGES:
        return None
    path = lexicon_path(language)
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_WordLoader) or {}
    return _build(language, data)
