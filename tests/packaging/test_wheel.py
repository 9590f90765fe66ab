"""A wheel built from the checkout, installed in a fresh venv outside it, recognises and opens the sample.

Slow: building the wheel (about 90 MB of models) and installing the dependencies from pip's cache
take a minute or two. The app runs from a folder outside the checkout with no PYTHONPATH, so it
can only find what the wheel carries.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.support import GERMAN, ROOT, clean_sources, outside_env, pip, run, venv_bin, window_ready

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    work: Path  # a folder outside the checkout: the cwd and home of every command
    env: dict[str, str]

    def app(self, *args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return run([venv_bin(self.venv, "briefing-reader"), *args], cwd=self.work, env=self.env, stdin=stdin)

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return run([venv_bin(self.venv, "python"), "-c", code], cwd=self.work, env=self.env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    assert ROOT not in base.parents
    sources = clean_sources(base / "src")
    pip("wheel", "--no-deps", "-q", "-w", base / "dist", sources)
    (wheel,) = (base / "dist").glob("briefing_reader-*.whl")
    venv = base / "venv"
    run(["python3", "-m", "venv", "--without-pip", venv], cwd=base, env=outside_env(base))
    pip("--python", venv_bin(venv, "python"), "install", "-q", wheel)
    work = base / "outside"
    work.mkdir()
    yield Installed(wheel, venv, work, outside_env(work))


def test_wheel_carries_the_runtime_data_and_no_training_code(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    for needed in (
        "desktop/_data/resources/models/de-bilstm/weights.npz",
        "desktop/_data/resources/models/en-bilstm/vectors.npy",
        "desktop/_data/resources/models/de/config.cfg",
        "desktop/_data/resources/gazetteer/places.tsv.gz",
        "desktop/_data/resources/quotes/de.yaml",
        "desktop/_data/resources/i18n/briefing_de.qm",
        "desktop/_data/resources/icons/org.briefingreader.BriefingReader.svg",
        "desktop/_data/resources/linux/org.briefingreader.BriefingReader.desktop",
        "desktop/storage/migrations/env.py",
    ):
        assert needed in names, needed
    assert any(n.startswith("desktop/_data/seeds/") and n.endswith(".txt") for n in names)
    assert any(n.startswith("desktop/storage/migrations/versions/0001") for n in names)
    assert not [n for n in names if n.startswith(("tools/", "tests/", "desktop/tools/"))]
    assert not [n for n in names if "screenshots" in n or "__pycache__" in n]


def test_installed_app_finds_its_models_inside_the_venv(installed: Installed) -> None:
    shown = installed.python(
        "import json\nfrom desktop.core import locations\n"
        "from desktop.core.entities.bilstm import BiLSTMRecognizer\n"
        f"text = {GERMAN!r}\n"
        "spans = BiLSTMRecognizer().recognize(text, 'de')\n"
        "print(json.dumps({'models': str(locations.models_dir()), 'seeds': str(locations.seeds_dir()),\n"
        "  'languages': sorted(BiLSTMRecognizer().available_languages()),\n"
        "  'people': [text[s.start:s.end] for s in spans if s.type == 'person']}))"
    )
    found = json.loads(shown.stdout)
    assert Path(found["models"]).is_relative_to(installed.venv), found
    assert Path(found["seeds"]).is_relative_to(installed.venv), found
    assert {"de", "en"} <= set(found["languages"])
    assert found["people"], "the shipped BiLSTM-CRF found no person"


def test_installed_command_recognises_people_in_german(installed: Installed) -> None:
    done = installed.app("entities", "--language", "de", stdin=GERMAN)
    result = json.loads(done.stdout)
    people = [e["text"] for e in result["entities"] if e["type"] == "person"]
    # The gazetteer-only fallback never names people: people found means the shipped model ran.
    assert len(people) >= 2, result
    assert all(p in GERMAN for p in people)
    assert not done.stderr.strip(), done.stderr


def test_installed_command_imports_the_bundled_sample_and_the_window_opens_on_it(
    installed: Installed,
) -> None:
    found = installed.python(
        "from desktop.core import locations; print(sorted(locations.seeds_dir().glob('*.txt'))[0])"
    )
    sample = Path(found.stdout.strip())
    assert sample.is_file() and sample.is_relative_to(installed.venv), sample
    library = installed.work / "cli.sqlite3"
    imported = json.loads(installed.app("--db", library, "import", "--json", sample).stdout)
    assert [r["status"] for r in imported] == ["imported"], imported
    actors = json.loads(installed.app("--db", library, "actors", "--json").stdout)
    assert any(a["type"] == "person" for a in actors), actors

    shown = window_ready(
        [venv_bin(installed.venv, "briefing-reader"), "--db", installed.work / "gui.sqlite3"],
        cwd=installed.work,
        env=installed.env,
    )
    assert shown["returncode"] == 0, shown
    assert shown["article"] == 1 and shown["characters"] > 1000 and shown["names"] > 0, shown
    title = json.loads(installed.app("--db", library, "show", "1", "--json").stdout)["title"]
    assert shown["title"] == title
