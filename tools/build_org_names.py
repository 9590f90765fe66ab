"""Build the organisation and demonym lists in resources/gazetteer/ from openly licensed data.

    python -m tools.build_org_names [--data DIR] [--out DIR]

(also run by ``python -m tools.build_gazetteer``). Outputs (gzip TSV, UTF-8):

- ``organizations.tsv.gz``: ``name, find`` (1: safe to find in running text; 0: only known, e.g.
  as an acronym that may stand alone, or to correct the type a model gave the name). From the
  organisation names of the training splits (GermEval 2014 train, UNER English EWT train,
  CrossNER politics train, Re-DocRED dev: names tagged ORG at least twice and mostly as ORG),
  and the party names of Party Facts (MIT) and EveryPolitician's Wikidata group labels (CC0);
  organisation names of MultiCoNER and DFKI SmartData train (``tools.org_sources``); and those of
  the German Wikipedia and Klexikon articles (CC BY-SA 3.0 / CC BY-SA; Klexikon dataset, Aumiller
  & Gertz, LREC 2022; ``tools.org_articles``): titles whose first sentence defines an organisation
  ("Samsung ist ein Unternehmen aus Südkorea") and names after an organisation noun ("der russische
  Energiekonzern Gazprom"), judged safe to find or only known there; a name of several words is
  also safe to find when raw text (the articles, NTREX-128 news, English Wikinews) practically only
  uses the phrase as the name ("Ärzte ohne Grenzen"; ``tools.phrase_uses``).
- ``abbreviations.tsv.gz``: abbreviations in capitals that the training splits tag as names
  more often than not ("USA", "UN", "ORF"): a lone word of two or three letters is an actor only
  when it is one of these, a known organisation or place, or defined in the text.
- ``demonyms.tsv.gz``: ``language, word``: inhabitants, nationality and language words ("Tunesier",
  "Afghanen", "Syrians", "Türkisch") that are never an actor alone: German capitalised words
  GermEval 2014 train tags LOCderiv, English single-token OTH names of UNER English EWT train
  (nationality adjectives) and their plurals, CLDR language names (via babel, Unicode licence), and
  the nationality words of OpenSanctions' countrynames (MIT; ``tools.demonym_sources``: "Chilean",
  "North Koreans").
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from tools.demonym_sources import place_kinds
from tools.party_sources import party_names

REPO = Path(__file__).resolve().parents[1]
MIN_ORG_COUNT = 2
MIN_ORG_SHARE = 0.75
# a single word found in text must be tagged ORG this often in training and rarely left O
MIN_FIND_COUNT = 3
MAX_FIND_O_SHARE = 0.2
# first words of an office, not an organisation ("Prime Minister of Canada", "President of ...")
_OFFICE_WORDS = frozenset(
    {
        "prime", "president", "minister", "secretary", "chancellor", "governor", "mayor", "senator",
        "king", "queen", "prince", "princess", "pope", "ambassador", "chairman", "judge", "duke",
        "earl", "baron", "emperor", "speaker", "attorney",
    }
)  # fmt: skip
_PLACE_KINDS = frozenset({"city", "county", "state", "island", "islands", "province", "district", "valley"})
_ADJECTIVE_ENDINGS = ("isch", "ische", "ischen", "ischer", "isches")
_NATIONALITY_ENDINGS = ("an", "ish", "ese", "ch", "i", "ic", "ean")


def _spans(tokens: list[str], tags: list[str]) -> Iterator[tuple[str, str]]:
    from tools.ner_data import bio_to_spans

    for s, e, label in bio_to_spans(tags):
        yield " ".join(tokens[s:e]), label


def training_names(data: Path) -> Counter[tuple[str, str]]:
    """(name, label) counts of the PER/ORG/LOC names in the training splits."""
    from tools import ner_data as nd
    from tools import ner_data_en as en

    counts: Counter[tuple[str, str]] = Counter()
    readers = [
        ("germeval2014/NER-de-train-outer.conll", lambda p: nd.read_germeval_train(p, nd.GERMEVAL_EVAL_MAP)),
        ("uner-en-ewt/en_ewt-ud-train.DRAFT-2022-12-02.iob2.gz", nd.read_uner),
        ("crossner/politics/train.txt", en.read_crossner),
        ("re-docred/dev_revised.json.gz", en.read_redocred),
    ]
    for rel, reader in readers:
        path = data / rel
        if not path.exists():
            continue
        for sent in reader(path):
            counts.update(_spans(sent.tokens, sent.tags))
    return counts


def _good_org_name(name: str, lowercase_start: bool = False) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (
        2 <= len(name) <= 80
        and len(letters) >= 2
        and (name[:1].isupper() or (lowercase_start and name[:1].isalpha()))
        and all(c.isalnum() or c in " -.&'’/" for c in name)
        and all(ord(c) < 0x250 for c in letters)  # Latin script
    )


def _is_acronym(name: str) -> bool:
    return " " not in name and sum(c.isupper() for c in name) >= 2 and len(name) <= 8


def lowercase_words(data: Path) -> set[str]:
    """Words written in lower case in the training splits ("act", "aim"): no acronym to find."""
    from tools.build_gazetteer import TRAIN_SPLITS, _bio_tokens

    words: set[str] = set()
    for rel, token_col, tag_col in TRAIN_SPLITS.values():
        if (data / rel).exists():
            words.update(t for t, _ in _bio_tokens(data / rel, token_col, tag_col) if t.islower())
    return words


def organization_rows(
    data: Path,
    word_counts: dict[str, Counter[str]],
    exclude: frozenset[str] = frozenset(),
    gazetteer_dir: Path | None = None,
) -> dict[str, int]:
    """Organisation names -> 1 (find in text) or 0 (known only); ``exclude``: names never taken
    from the other corpora (demonyms, places); ``gazetteer_dir``: the common nouns and given names
    that judge the names of the articles."""
    names = training_names(data)
    lowercase = lowercase_words(data)
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for (name, label), n in names.items():
        by_name[name][label] += n
    rows: dict[str, int] = {}
    for name, labels in by_name.items():
        total = sum(labels.values())
        if labels["ORG"] < MIN_ORG_COUNT or labels["ORG"] / total < MIN_ORG_SHARE:
            continue
        if not _good_org_name(name, lowercase_start=True):
            continue
        words = word_counts.get(name)
        o_share = words["o"] / (words["o"] + labels["ORG"]) if words else 0.0
        find = " " in name or (labels["ORG"] >= MIN_FIND_COUNT and o_share <= MAX_FIND_O_SHARE)
        rows[name] = max(rows.get(name, 0), int(find))
    for name, known_only in party_names(data):
        name = " ".join(name.split())
        if (
            not _good_org_name(name)
            or by_name.get(name, Counter())["PER"] + by_name.get(name, Counter())["LOC"]
        ):
            continue  # also a person's or a place's name in the training data
        words = word_counts.get(name)
        if words and words["o"] > 0:
            continue  # a capitalised word of running text ("Grüne", "Linke", "Labour" as words)
        find = not known_only and (
            " " in name or (_is_acronym(name) and len(name) >= 3 and name.lower() not in lowercase)
        )
        rows[name] = max(rows.get(name, 0), int(find))
    for name, find in _corpus_organizations(data, by_name, word_counts, lowercase):
        if name not in rows and name not in exclude:
            rows[name] = int(find)
    for name, find in _article_organizations(data, by_name, word_counts, lowercase, exclude, gazetteer_dir):
        if name not in rows and _good_org_name(name):
            rows[name] = int(find)
    return rows


def _article_organizations(
    data: Path,
    by_name: dict[str, Counter[str]],
    word_counts: dict[str, Counter[str]],
    lowercase: set[str],
    exclude: frozenset[str],
    gazetteer_dir: Path | None,
) -> Iterator[tuple[str, bool]]:
    """(name, find) of the German Wikipedia and Klexikon articles (``tools.org_articles``)."""
    from tools import org_articles

    def known(name: str) -> bool:
        counts = by_name.get(name, Counter())
        words = word_counts.get(name)
        return name in exclude or bool(counts["PER"] + counts["LOC"]) or bool(words and words["o"] > 0)

    folder = gazetteer_dir or REPO / "resources" / "gazetteer"
    return org_articles.judged_rows(data, folder, known, lowercase)


def _corpus_organizations(
    data: Path,
    by_name: dict[str, Counter[str]],
    word_counts: dict[str, Counter[str]],
    lowercase: set[str],
) -> Iterator[tuple[str, bool]]:
    """(name, find) from MultiCoNER and DFKI SmartData train (``tools.org_sources``).

    A name the other training splits tag as a person or a place, a place of the gazetteer and an
    office ("Prime Minister") are left out; a single word is only known, never found in text.
    """
    from tools import org_sources

    def clash(name: str) -> bool:
        counts = by_name.get(name, Counter())
        words = name.lower().split()
        office = words[0] in _OFFICE_WORDS  # "Prime Minister of Canada" is an office
        place = words[-1] in _PLACE_KINDS  # "Oklahoma City" as a team is the city first
        return bool(counts["PER"] + counts["LOC"]) or office or place

    labels = org_sources.multiconer_labels(data)
    multiconer = org_sources.multiconer_organizations(labels)
    for folded, n in sorted(multiconer.items()):
        name = org_sources.capitalised(folded)
        content = [w for w in folded.split() if w not in org_sources.FUNCTION_WORDS]
        generic = all(w in lowercase for w in content)  # "Advertising Agency": common words only
        if _good_org_name(name) and not clash(name) and (n >= 2 or not generic):
            yield name, True
    for stem in org_sources.club_stems(multiconer, labels):
        name = org_sources.capitalised(stem)
        counts = by_name.get(name, Counter())
        if _good_org_name(name) and not counts["PER"] + counts["LOC"]:
            yield name, True  # "Norwich City" of "Norwich City F.C.": the club, not a place
    for name, n in sorted(org_sources.smartdata_organizations(data).items()):
        if not _good_org_name(name) or clash(name):
            continue
        if " " in name:
            yield name, n >= 1
            continue
        yield name, False  # a single word is only known: "Hofer" is a company and a surname


def non_actor_rows(data: Path, counts: dict[str, Counter[str]], known: set[str]) -> list[str]:
    """Folded words never an actor alone: diseases and medications of MultiCoNER II train.

    Words the training splits tag as a name, or known as a given name, place or organisation,
    are left out ("Parkinson" may be a person).
    """
    from tools import org_sources

    folded_known = {k.lower() for k in known}
    tagged = {w.lower() for w, c in counts.items() if c["loc"] + c["ent"] > 0}
    words = org_sources.multiconer_non_actors(org_sources.multiconer_labels(data))
    return sorted(w for w in words if w not in folded_known and w not in tagged)


def demonym_rows(data: Path, places: dict[str, str] | None = None) -> Iterator[tuple[str, str]]:
    """(language, word) of inhabitant and nationality words; ``places`` (name -> kind) adds the
    nationality words of countrynames."""
    from tools import ner_data_en as en
    from tools.demonym_sources import nationality_words

    germeval = data / "germeval2014" / "NER-de-train-outer.conll"
    if germeval.exists():
        deriv: Counter[str] = Counter()
        other: Counter[str] = Counter()
        with germeval.open(encoding="utf-8") as handle:
            for line in handle:
                token, _, tag = line.rstrip("\n").partition("\t")
                if token[:1].isupper() and token.isalpha():
                    (deriv if tag.endswith("LOCderiv") else other)[token] += 1
        for token, n in deriv.items():
            inhabitant = token.endswith(("er", "ern", "erin", "erinnen", "ier", "iern", "ner", "nern"))
            if n >= other[token] and (n >= 2 or inhabitant) and not token.endswith(_ADJECTIVE_ENDINGS):
                yield "de", token
    yield from language_rows()
    ewt = data / "uner-en-ewt" / "en_ewt-ud-train.DRAFT-2022-12-02.iob2.gz"
    if ewt.exists():
        for word in sorted(en.demonyms_from_uner(ewt)):
            if word[:1].isupper() and word.isalpha() and word.endswith(_NATIONALITY_ENDINGS):
                yield "en", word
                if not word.endswith(("ish", "ese", "ch")):
                    yield "en", word + "s"
    if places:
        yield from (("en", word) for word in nationality_words(data, places))


def language_rows() -> Iterator[tuple[str, str]]:
    """Language names in German and English from CLDR via babel ("Türkisch", "Turkish")."""
    from babel import Locale

    for lang in ("de", "en"):
        for name in Locale(lang).languages.values():
            if name.isalpha() and name[:1].isupper():
                yield lang, name


def word_counts(data: Path) -> dict[str, Counter[str]]:
    """Capitalised word counts of the training splits (both languages together)."""
    from tools.build_gazetteer import capitalised_counts

    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for (_lang, token), counts in capitalised_counts(data).items():
        merged[token].update(counts)
    return merged


def abbreviation_rows(counts: dict[str, Counter[str]]) -> list[str]:
    """Abbreviations in capitals ("USA", "UN", "ORF") the training splits tag as names, mostly."""
    return sorted(
        word
        for word, c in counts.items()
        if 2 <= len(word) <= 6
        and word.isupper()
        and word.isalpha()
        and c["loc"] + c["ent"] >= 2
        and c["loc"] + c["ent"] > c["o"]
    )


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the lists; returns row counts."""
    out.mkdir(parents=True, exist_ok=True)
    counts = word_counts(data)
    # words no corpus name may be: demonyms ("Wiener" is no company), places ("Oklahoma City")
    found_demonyms = set(demonym_rows(data, place_kinds(out)))
    not_org = frozenset(w for _lang, w in found_demonyms) | _place_names(out)
    orgs = organization_rows(data, counts, not_org, out)
    _write(out / "organizations.tsv.gz", (f"{n}\t{f}" for n, f in sorted(orgs.items())))
    abbreviations = abbreviation_rows(counts)
    _write(out / "abbreviations.tsv.gz", abbreviations)
    known = _given_names(out) | _place_names(out) | set(orgs)
    demonyms = sorted((lang, w) for lang, w in found_demonyms if w not in known)
    _write(out / "demonyms.tsv.gz", (f"{lang}\t{w}" for lang, w in demonyms))
    non_actors = non_actor_rows(data, counts, known)
    _write(out / "non_actors.tsv.gz", non_actors)
    return {
        "organizations": len(orgs),
        "organizations_to_find": sum(orgs.values()),
        "demonyms": len(demonyms),
        "abbreviations": len(abbreviations),
        "non_actors": len(non_actors),
    }


def _given_names(folder: Path) -> set[str]:
    """Given names of the gazetteer ("Christian" is no demonym here), if it is built already."""
    path = folder / "given_names.tsv.gz"
    if not path.exists():
        return set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return {line.split("\t", 1)[0] for line in handle}


def _place_names(folder: Path) -> set[str]:
    """Place names of the gazetteer ("Somalia", "Tonga" are places, not only languages)."""
    path = folder / "places.tsv.gz"
    if not path.exists():
        return set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return {line.split("\t", 1)[0] for line in handle}


def _write(path: Path, lines: Iterable[str]) -> None:
    with (
        path.open("wb") as file,
        gzip.GzipFile(fileobj=file, mode="wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, "utf-8") as handle,
    ):
        for line in lines:
            handle.write(line + "\n")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    from tools.build_gazetteer import default_data_dir

    parser = argparse.ArgumentParser(prog="python -m tools.build_org_names", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "gazetteer")
    args = parser.parse_args(argv)
    print(json.dumps(build(args.data, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
