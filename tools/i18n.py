"""The interface translations: collect the strings into the ``.ts`` sources and compile the ``.qm`` files.

    python -m tools.i18n update     # pyside6-lupdate: desktop/ui + desktop/app.py -> resources/i18n/*.ts
    python -m tools.i18n release    # pyside6-lrelease: resources/i18n/*.ts -> resources/i18n/*.qm
    python -m tools.i18n check      # every string translated, the .qm files up to date (exit 1 if not)

Both Qt tools come with PySide6 (the ``pyside6-lupdate`` and ``pyside6-lrelease`` commands). The
``.ts`` files are edited with Qt Linguist (``pyside6-linguist``) or any XML editor; the ``.qm`` files
are committed so that a wheel or a bundle needs no Qt tools to build. A developer tool: not shipped.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = ("desktop/ui", "desktop/app.py")
LANGUAGES = ("de",)
CATALOG = "briefing"


@dataclass(frozen=True)
class Message:
    """One string of a ``.ts`` file."""

    context: str
    source: str
    translation: str
    finished: bool


def ts_path(language: str) -> Path:
    return I18N / f"{CATALOG}_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"{CATALOG}_{language}.qm"


def _tool(name: str) -> str:
    """The path of a PySide6 command (beside this Python, else on PATH)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it brings {name})")
    return found


def _source_files() -> list[str]:
    files: list[str] = []
    for entry in SOURCES:
        path = ROOT / entry
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files += [str(p.relative_to(ROOT)) for p in found]
    return files


def update(language: str, target: Path | None = None) -> None:
    """Add new strings to the language's ``.ts`` file (or ``target``) and drop the ones no longer used."""
    I18N.mkdir(parents=True, exist_ok=True)
    out = target or ts_path(language)
    command = [_tool("pyside6-lupdate"), *_source_files(), "-no-obsolete", "-locations", "none", "-silent"]
    command += ["-source-language", "en", "-target-language", language, "-ts", str(out)]
    subprocess.run(command, cwd=ROOT, check=True)


def release(language: str, target: Path | None = None) -> Path:
    """Compile the ``.ts`` file into a ``.qm`` catalogue (into ``target`` when given)."""
    out = target or qm_path(language)
    command = [_tool("pyside6-lrelease"), "-silent", "-removeidentical", str(ts_path(language))]
    command += ["-qm", str(out)]
    subprocess.run(command, cwd=ROOT, check=True)
    return out


def read_ts(path: Path) -> list[Message]:
    """The messages of a ``.ts`` file."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            text = "" if element is None else "".join(element.itertext())
            kind = element.get("type") if element is not None else "unfinished"
            finished = kind not in ("unfinished", "vanished", "obsolete") and bool(text)
            messages.append(Message(name, message.findtext("source") or "", text, finished))
    return messages


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields of a text, sorted (a translation must keep every one)."""
    return sorted(re.findall(r"\{[^}]*\}", text))


def check(language: str) -> list[str]:
    """Problems: strings of the code missing from the ``.ts`` file, untranslated strings, translations
    that lose or invent a ``{field}``, and a ``.qm`` file not built from the ``.ts`` source."""
    messages = read_ts(ts_path(language))
    problems = []
    for m in messages:
        if not m.finished:
            problems.append(f"{language}: untranslated [{m.context}] {m.source!r}")
        elif placeholders(m.source) != placeholders(m.translation):
            problems.append(f"{language}: fields differ in [{m.context}] {m.source!r}")
    with tempfile.TemporaryDirectory() as folder:
        fresh_ts = Path(folder) / f"{CATALOG}_{language}.ts"
        update(language, fresh_ts)
        in_code = {(m.context, m.source) for m in read_ts(fresh_ts)}
        in_ts = {(m.context, m.source) for m in messages}
        problems += [
            f"{language}: not in the .ts (run update) [{c}] {s!r}" for c, s in sorted(in_code - in_ts)
        ]
        problems += [
            f"{language}: no longer in the code (run update) [{c}] {s!r}" for c, s in sorted(in_ts - in_code)
        ]
        fresh = release(language, Path(folder) / "fresh.qm")
        if not qm_path(language).exists() or not filecmp.cmp(fresh, qm_path(language), shallow=False):
            problems.append(f"{language}: {qm_path(language).name} is not built from the .ts (run release)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("update", "release", "check"))
    parser.add_argument("--language", choices=LANGUAGES, action="append", help="default: all")
    args = parser.parse_args(argv)
    languages = args.language or list(LANGUAGES)
    problems: list[str] = []
    for language in languages:
        if args.command == "update":
            update(language)
        elif args.command == "release":
            print(release(language).relative_to(ROOT))
        else:
            problems += check(language)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
