"""More organisation names, and words that are never actors, from openly licensed NER training splits.

Used by ``python -m tools.build_org_names``. Every reader takes the data folder and yields nothing
when its corpus is missing. Only TRAIN splits are read (their dev and test splits stay unseen):

- MultiCoNER (English, CC BY 4.0) ``en_train`` and MultiCoNER II (CC BY 4.0) ``en-train10/90``:
  names tagged GRP/CORP (v1) or ORG, PublicCorp, PrivateCorp, SportsGRP, CarManufacturer,
  AerospaceManufacturer (v2), of two or more content words and never tagged as anything else.
  The corpus is in lower case, so a name is written as a name is in news ("bank of england" ->
  "Bank of England") and found only where the text has it so. Single words tagged only as a
  disease, symptom or medication (v2) become words that are never an actor alone.
- DFKI SmartData (German news and feeds, CC BY 4.0), v1 train and v1 test minus the documents of
  its v3 dev and test splits: mentions typed ``organization`` and ``organization-company``.
"""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from tools.smartdata import read_documents

MULTICONER_TRAIN = (
    "multiconer-en/en_train.conll.gz",
    "multiconer2-en/en-train90.conll.gz",
    "multiconer2-en/en-train10.conll.gz",
)
MULTICONER_ORG = frozenset(
    {
        "GRP", "CORP", "ORG", "PublicCorp", "PrivateCorp", "SportsGRP", "CarManufacturer",
        "AerospaceManufacturer",
    }
)  # fmt: skip
# labels of the same words that make a name unsafe as an organisation (a person, a place, a work)
MULTICONER_OTHER = frozenset(
    {
        "PER", "LOC", "CW", "PROD", "Artist", "HumanSettlement", "Athlete", "OtherPER", "VisualWork",
        "WrittenWork", "Facility", "Politician", "MusicalWork", "OtherPROD", "Software", "Station",
        "Scientist", "Cleric", "OtherLOC", "SportsManager", "ArtWork", "Vehicle", "MusicalGRP",
    }
)  # fmt: skip
MULTICONER_NON_ACTOR = frozenset({"Disease", "Symptom", "Medication/Vaccine"})
# words written in lower case inside a capitalised name
FUNCTION_WORDS = frozenset(
    {"of", "for", "the", "and", "de", "du", "des", "la", "le", "les", "von", "der", "in", "on", "at", "&"}
)
SMARTDATA_FILES = ("dfki-smartdata/v1_20180119-train.json.gz", "dfki-smartdata/v1_20180119-test.json.gz")
SMARTDATA_HELD_OUT = ("dfki-smartdata/v3_20200302-dev.json.gz", "dfki-smartdata/v3_20200302-test.json.gz")
SMARTDATA_ORG = frozenset({"organization", "organization-company"})


def conll_spans(path: Path) -> Iterator[tuple[str, str]]:
    """(words, label) of every BIO span of a CoNLL file whose last column is the tag."""
    opener = gzip.open if path.suffix == ".gz" else open
    tokens: list[str] = []
    tags: list[str] = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in [*handle, ""]:
            parts = line.split()
            if parts and not line.startswith("# id"):
                tokens.append(parts[0])
                tags.append(parts[-1])
                continue
            index = 0
            while index < len(tags):
                if tags[index].startswith("B-"):
                    label = tags[index][2:]
                    end = index + 1
                    while end < len(tags) and tags[end] == "I-" + label:
                        end += 1
                    yield " ".join(tokens[index:end]), label
                    index = end
                else:
                    index += 1
            tokens, tags = [], []


def multiconer_labels(data: Path) -> dict[str, Counter[str]]:
    """Folded name -> label counts over the MultiCoNER train splits."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for rel in MULTICONER_TRAIN:
        if (data / rel).exists():
            for name, label in conll_spans(data / rel):
                labels[name.lower()][label] += 1
    return labels


def _plain_words(name: str) -> bool:
    return all(w in ("&", "-") or w.replace("-", "").replace(".", "").isalnum() for w in name.split())


def multiconer_organizations(labels: dict[str, Counter[str]]) -> dict[str, int]:
    """Folded organisation names of two or more content words, never tagged as anything else -> count."""
    names: dict[str, int] = {}
    for name, counts in labels.items():
        org = sum(n for label, n in counts.items() if label in MULTICONER_ORG)
        other = sum(n for label, n in counts.items() if label in MULTICONER_OTHER)
        content = [w for w in name.split() if w not in FUNCTION_WORDS]
        if (
            org
            and not other
            and len(content) >= 2
            and name.split()[0] not in FUNCTION_WORDS
            and name.split()[-1] not in FUNCTION_WORDS
            and len(name) <= 60
            and _plain_words(name)
            and all(ord(c) < 0x250 for c in name)
        ):
            names[name] = org
    return names


_CLUB_SUFFIXES = frozenset({"f.c.", "fc", "a.f.c.", "afc"})


def club_stems(organizations: dict[str, int], labels: dict[str, Counter[str]]) -> list[str]:
    """Folded names of football clubs without their "F.C." ("norwich city f.c." -> "norwich city"),
    when the rest has two words or more and the corpus never tags it as anything but a club: news
    names the club by the rest alone ("gegen Norwich City")."""
    stems = []
    for name in sorted(organizations):
        words = name.split()
        if words[-1] not in _CLUB_SUFFIXES or len(words) < 3:
            continue
        stem = " ".join(words[:-1])
        counts = labels.get(stem, Counter())
        if stem in organizations or any(counts[label] for label in MULTICONER_OTHER):
            continue
        stems.append(stem)
    return stems


def capitalised(name: str) -> str:
    """A folded name as news writes it: content words capitalised, also after a hyphen."""
    words = []
    for index, word in enumerate(name.split()):
        if index and word in FUNCTION_WORDS:
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words)


def multiconer_non_actors(labels: dict[str, Counter[str]]) -> set[str]:
    """Folded single words tagged only as a disease, symptom or medication ("midazolam", "ebola")."""
    words: set[str] = set()
    for name, counts in labels.items():
        if " " in name or not name.isalpha() or len(name) < 4:
            continue
        if set(counts) <= MULTICONER_NON_ACTOR:
            words.add(name)
    return words


def smartdata_organizations(data: Path) -> Counter[str]:
    """Organisation mention counts of DFKI SmartData (no document of its v3 dev/test splits)."""
    held_out: set[str] = set()
    for rel in SMARTDATA_HELD_OUT:
        if (data / rel).exists():
            held_out.update(str(d["id"]) for d in read_documents(data / rel))
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for rel in SMARTDATA_FILES:
        if not (data / rel).exists():
            continue
        for document in read_documents(data / rel):
            doc_id = str(document["id"])
            if doc_id in held_out or doc_id in seen:
                continue
            seen.add(doc_id)
            text = document["text"]["string"]
            mentions = (document.get("conceptMentions") or {}).get("array", [])
            for mention in mentions:
                if mention["type"] in SMARTDATA_ORG:
                    span = mention["span"]
                    counts[" ".join(text[span["start"] : span["end"]].split())] += 1
    return counts
