"""The double-click bundle: built by packaging/build_bundle.py, started from its desktop entry.

Building takes about four minutes on a busy two-core machine, so the test runs only when asked:
``BRIEFING_TEST_BUNDLE=1`` builds a bundle in a temporary folder, ``BRIEFING_TEST_BUNDLE=DIR`` uses
the bundle already built in DIR (``DIR/briefing-reader``). The window is shown on an Xvfb server
when Xvfb is installed, else with Qt's offscreen platform.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.support import GERMAN, ROOT, outside_env, run, window_ready
from tools.bench_startup import virtual_display

ASKED = os.environ.get("BRIEFING_TEST_BUNDLE", "")
APP_ID = "org.briefingreader.BriefingReader"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(
        not ASKED, reason="set BRIEFING_TEST_BUNDLE=1 (build) or =DIR (built) to test the bundle"
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle test starts the Linux entry"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if ASKED != "1":
        yield Path(ASKED).absolute() / "briefing-reader"
        return
    pytest.importorskip("PyInstaller")
    base = tmp_path_factory.mktemp("bundle")
    run(
        [
            sys.executable,
            ROOT / "packaging" / "build_bundle.py",
            "--dist",
            base / "dist",
            "--work",
            base / "work",
        ],
        cwd=base,
        env=dict(os.environ),
        timeout=1500,
    )
    yield base / "dist" / "briefing-reader"


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def test_desktop_entry_points_at_the_bundle(bundle: Path) -> None:
    entry = (bundle / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    values = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert shlex.split(values["Exec"])[0] == str(bundle / "briefing-reader")
    assert Path(values["Icon"]).is_file() and Path(values["Icon"]).is_relative_to(bundle)
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", bundle / f"{APP_ID}.desktop"], cwd=bundle, env=dict(os.environ))


def test_bundle_recognises_and_imports_headless(bundle: Path, outside: Path) -> None:
    env = outside_env(outside)
    env.pop("DISPLAY", None)
    found = json.loads(
        run(
            [bundle / "briefing-reader", "entities", "--language", "de"], cwd=outside, env=env, stdin=GERMAN
        ).stdout
    )
    assert len([e for e in found["entities"] if e["type"] == "person"]) >= 2, found
    sample = sorted(bundle.rglob("desktop/_data/seeds/*.txt"))[0]
    imported = json.loads(
        run(
            [bundle / "briefing-reader", "--db", outside / "lib.sqlite3", "import", "--json", sample],
            cwd=outside,
            env=env,
        ).stdout
    )
    assert [r["status"] for r in imported] == ["imported"], imported
    actors = json.loads(
        run(
            [bundle / "briefing-reader", "--db", outside / "lib.sqlite3", "actors", "--json"],
            cwd=outside,
            env=env,
        ).stdout
    )
    assert any(a["type"] == "person" for a in actors)


def test_double_click_opens_the_window_on_the_sample(bundle: Path, outside: Path) -> None:
    entry = (bundle / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_value = next(line.split("=", 1)[1] for line in entry.splitlines() if line.startswith("Exec="))
    command: list[str | Path] = [a for a in shlex.split(exec_value) if a != "%F"]  # as a launcher runs it
    env = outside_env(outside)  # the library in its default place, under this home
    with contextlib.ExitStack() as stack:
        if shutil.which("Xvfb"):
            env["DISPLAY"] = stack.enter_context(virtual_display())
            env.pop("QT_QPA_PLATFORM", None)
        first = window_ready(command, cwd=outside, env=env)
        again = window_ready(command, cwd=outside, env=env)
    for shown in (first, again):
        assert shown["returncode"] == 0, shown
        assert shown["article"] == 1 and shown["characters"] > 1000 and shown["names"] > 0, shown
    print(
        f"window on the sample after {first['seconds']:.1f} s (first start), {again['seconds']:.1f} s (again)"
    )
