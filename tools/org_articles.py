"""Organisation names defined in the German Wikipedia and Klexikon articles (CC BY-SA).

Two readings of the articles (``dewiki-klexikon-articles``, read as in
:func:`tools.build_gazetteer.article_region_rows`):

- titles whose first sentence defines the subject as an organisation ("Die Europäische
  Zentralbank ... ist eine große und wichtige Bank", "Samsung ist ein Unternehmen aus Südkorea"):
  :func:`defined_name`;
- names placed after an organisation noun in running text ("der russische Energiekonzern Gazprom",
  "die Wochenzeitung Die Zeit", "die Menschenrechtsorganisation Human Rights Watch"):
  :func:`apposition_names`.

The organisation nouns are words ending in one of :data:`KINDS` ("Energie|konzern",
"Tages|zeitung", "Nachrichten|agentur"); a dish ("Gericht" of "Currywurst") is no court, so
"Gericht" is not among them.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

from tools import phrase_uses

ARTICLES = "dewiki-klexikon-articles"
KINDS = (
    "unternehmen", "konzern", "firma", "hersteller", "zeitung", "magazin", "nachrichtenmagazin",
    "sender", "agentur", "partei", "gewerkschaft", "behörde", "organisation", "stiftung", "orchester",
    "fluggesellschaft", "airline", "bank", "verlag", "rundfunkanstalt", "verband", "verein", "club",
    "klub", "band", "musikgruppe", "institut", "bündnis", "zusammenschluss", "parlament",
)  # fmt: skip
_KIND = "(?:[A-ZÄÖÜ][a-zäöüß]*-?)?(?:" + "|".join([k.capitalize() for k in KINDS] + list(KINDS)) + ")"
_WORD = r"(?:[A-ZÄÖÜ][\w&'’.\-]*\w|[A-ZÄÖÜ])"
_JOINERS = ("de", "der", "des", "und", "of", "the", "and", "&", "ohne")
_NAME = rf"{_WORD}(?: (?:{_WORD}|\d+|{'|'.join(_JOINERS)}))*"
# "der russische Energiekonzern Gazprom": an article, lower-case words (adjectives), the noun, a name
_APPOSITION = re.compile(rf"\b(?:[Dd]er|[Dd]ie|[Dd]as|des|dem|den)(?: [a-zäöüß\-]+)* ({_KIND}) ({_NAME})")
# "Die Freie Demokratische Partei ist eine deutsche Partei": title, "ist"/"war", article, noun
_DEFINES = re.compile(
    rf"^(?:(?:Der|Die|Das) )?(.+?) (?:ist|war|sind|waren) (?:ein|eine|einer|das|der|die)"
    rf"(?: [a-zäöüß\-]+)* ({_KIND})\b"
)
_PARENTHESES = re.compile(r" ?\([^()]*\)")
_YEAR = re.compile(r"^\d{3,}$")
# words after a name that belong to the sentence, not the name ("Gazprom In", "Apple Der")
_ADJECTIVE_ENDINGS = ("ischer", "ischen", "isches", "ische", "licher", "lichen")
# organisation nouns that often begin the name they stand before ("Stiftung Schloss Branitz")
_NAMING_KINDS = ("verband", "verein", "stiftung", "gewerkschaft", "club", "klub")
_SENTENCE_WORDS = frozenset(
    {"In", "Im", "Der", "Die", "Das", "Ein", "Eine", "Es", "Er", "Sie", "Nach", "Mit"}
)  # fmt: skip


def defined_name(title: str, first_sentence: str) -> str | None:
    """The title when the first sentence defines it as an organisation, else None."""
    title = title.split(" (", 1)[0].strip()
    match = _DEFINES.match(_PARENTHESES.sub("", first_sentence))
    if match is None:
        return None
    subject = match.group(1).split(",", 1)[0].strip()
    return title if subject in (title, title.replace(" ", "/")) else None


def apposition_names(text: str) -> Iterator[tuple[str, str]]:
    """(name, noun) of names placed after an organisation noun ("der Energiekonzern Gazprom" ->
    ("Gazprom", "Energiekonzern")). Coordinated names are split ("ARD und ZDF"), a year after the
    name is left out ("Anfang 2001")."""
    for match in _APPOSITION.finditer(text):
        for part in f" {match.group(2)} ".split(" und "):
            words = part.split()
            while words and (words[-1] in _JOINERS or words[-1] in _SENTENCE_WORDS or _YEAR.match(words[-1])):
                words.pop()
            if words and not any(w.isdigit() for w in words[:-1]):
                yield " ".join(words), match.group(1)


def _first_sentence(text: str) -> str:
    return next((row for row in text.splitlines() if row[:1].isupper() and not row.startswith("=")), "")


def article_organizations(data: Path) -> tuple[set[str], Counter[tuple[str, str]]]:
    """(titles defined as organisations, counts of (name, noun) after an organisation noun)."""
    defined: set[str] = set()
    appositions: Counter[tuple[str, str]] = Counter()
    for path in sorted((data / ARTICLES).glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                text = str(item["text"])
                name = defined_name(str(item["title"]), _first_sentence(text))
                if name:
                    defined.add(name)
                appositions.update(apposition_names(text))
    return defined, appositions


def article_rows(
    data: Path,
    known: Callable[[str], bool],
    common: Callable[[str], bool],
    given_name: Callable[[str], bool],
    surname: Callable[[str], bool],
    plain: Callable[[list[str]], set[str]] | None = None,
) -> Iterator[tuple[str, bool]]:
    """(name, find) of the organisations of the articles.

    ``known(name)``: a place, demonym, person or running-text word the name must not be;
    ``common(word)``: a common noun; ``given_name(word)``: a given name; ``surname(word)``: a
    family name. A name whose first word is an adjective of a longer name ("Amerikanischer
    Staaten" of "Organisation Amerikanischer Staaten") or a place's genitive ("Deutschlands") is
    left out, and so is a common noun alone ("Geld", "Zeit").

    Found in text (find): names of several words seen twice that start with no common noun and hold no given
    name before a word other than a place ("Human Rights Watch"; not "Die Welt", which opens
    sentences, nor "Nicola Sturgeon"), and single words seen after two different organisation
    nouns, or acronyms seen twice, that are no given name or family name ("Gazprom" after
    "Energiekonzern" and "Unternehmen"; not "Pasteur" of "Institut Pasteur"). ``plain(names)``:
    of the other names of several words that are no person's, end in a common word or in no
    known word (and in no initial), hold no genitive before a common noun ("Bismarcks
    Stellung"), begin with no German article and were not seen only after a noun that often
    begins a name (:data:`_NAMING_KINDS`: "Stiftung Schloss Gottorf"), those that running text
    practically only uses as the name
    (:mod:`tools.phrase_uses`), which are found too ("Ärzte ohne Grenzen", made of common nouns).
    The rest are only known.
    """
    defined, appositions = article_organizations(data)
    names: Counter[str] = Counter()
    kinds: dict[str, set[str]] = {}
    for (name, kind), n in appositions.items():
        names[name] += n
        kinds.setdefault(name, set()).add(kind.lower())
    for name in defined:
        names[name] += 2
        kinds.setdefault(name, set()).update(("title", "definition"))
    rows: list[tuple[str, bool]] = []
    candidates: list[str] = []  # names of several words that running text may show are plain names
    for name, n in sorted(names.items()):
        words = name.split()
        first = words[0]
        if known(name) or (name.endswith("s") and known(name[:-1])):
            continue
        if first.endswith(_ADJECTIVE_ENDINGS) or len(name) < 2 or any(c.isdigit() for c in first):
            continue
        if len(words) == 1:
            if common(name):
                continue
            acronym = name.isupper() and len(name) >= 3
            distinct = len(kinds[name]) >= 2 or (acronym and n >= 2)
            rows.append(
                (name, distinct and not given_name(name) and not surname(name) and not name.endswith("s"))
            )
            continue
        if first in ("Die", "Der", "Das", "The") and len(words) == 2 and common(words[1]):
            rows.append((name, False))  # "Die Welt" opens sentences too
            continue
        # "Nicola Sturgeon", "EPA Scott Pruitt"; not "Borussia Dortmund" (a place follows)
        person = any(given_name(w) and not known(after) for w, after in pairwise(words))
        find = n >= 2 and not common(first) and not person and not known(words[-1])
        rows.append((name, find))
        # "Ärzte ohne Grenzen" ends in a word of running text, no place; not "Charles L" (an
        # initial), nor "Bismarcks Stellung" (a genitive before a common noun is a phrase)
        genitive = any(
            w.endswith("s") and w[-2:-1].isalpha() and not common(w) and common(b) for w, b in pairwise(words)
        )
        ending = len(words[-1]) >= 2 and (common(words[-1]) or not known(words[-1]))
        # "die Stiftung Schloss Gottorf", "der Verband Deutscher Konzertchöre": after such a noun
        # only, the noun may be part of the name and the words a place's or a fragment
        named = all(kind.endswith(_NAMING_KINDS) for kind in kinds[name])
        article = first in ("Der", "Die", "Das")  # "Die Krabbe" also opens sentences
        if not find and not person and ending and not genitive and not named and not article:
            candidates.append(name)
    found = plain(candidates) & set(candidates) if plain is not None and candidates else set()
    yield from ((name, find or name in found) for name, find in rows)


def judged_rows(
    data: Path, gazetteer_dir: Path, known: Callable[[str], bool], lowercase: set[str]
) -> Iterator[tuple[str, bool]]:
    """:func:`article_rows` judged by the gazetteer's common nouns and given names, the words
    running text writes in lower case (``lowercase``) and the US census 1990 family names; names
    of several words judged by their uses in raw text (:mod:`tools.phrase_uses`) unless they may
    be a person's: a name part of ``person_variants.tsv.gz`` and no common word after it."""
    nouns = {name for name, _ in _columns(gazetteer_dir / "common_nouns.tsv.gz")}
    given = {name for name, _ in _columns(gazetteer_dir / "given_names.tsv.gz")}
    surnames: set[str] = set()
    census = data / "us-census-1990-names" / "dist.all.last.gz"
    if census.exists():
        with gzip.open(census, "rt", encoding="latin-1") as handle:
            surnames = {line.split(" ", 1)[0] for line in handle}

    def common(word: str) -> bool:
        return word in nouns or word.lower() in lowercase

    parts = {part for part, _ in _columns(gazetteer_dir / "person_variants.tsv.gz")}

    def plain(names: list[str]) -> set[str]:
        from tools.build_common_nouns import gold_article_sources

        # a person's name part first and no common word after it: maybe a person ("Wladyslaw Gomulka")
        names = [
            n for n in names if not (n.split()[0].lower() in parts and not any(map(common, n.split()[1:])))
        ]
        texts = phrase_uses.corpus_texts(data, gold_article_sources())
        return phrase_uses.plain_names(phrase_uses.count_uses(names, texts, common))

    return article_rows(data, known, common, given.__contains__, lambda word: word.upper() in surnames, plain)


def _columns(path: Path) -> Iterator[tuple[str, str]]:
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            first, _, rest = line.rstrip("\n").partition("\t")
            yield first, rest
