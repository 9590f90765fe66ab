"""Build the double-click bundle: one folder with the app, Python, Qt, the models and a desktop entry.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--windowed]

Needs ``pip install -e ".[bundle]"`` (PyInstaller). Builds for the platform it runs on (PyInstaller
does not cross-compile): ``DIR/briefing-reader/briefing-reader`` on Linux (plus
``org.briefingreader.BriefingReader.desktop`` beside it, pointing at the executable; run
``DIR/briefing-reader/briefing-reader install-desktop-entry`` to add it to the applications menu),
``briefing-reader.exe`` on Windows, ``Briefing Reader.app`` on macOS with ``--windowed``.
Prints the bundle's folder and size.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "briefing-reader.spec"
NAME = "briefing-reader"


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def write_desktop_entry(bundle: Path) -> Path:
    """``<bundle>/<app id>.desktop``: the packaged entry with Exec= and Icon= pointing into the bundle."""
    sys.path.insert(0, str(ROOT))
    from desktop.desktop_entry import APP_ID, render_desktop_file

    template = (ROOT / "resources" / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    text = render_desktop_file(template, [str((bundle / NAME).absolute())])
    icon = next(bundle.rglob(f"icons/{APP_ID}.svg"))
    text = "\n".join(f"Icon={icon.absolute()}" if ln.startswith("Icon=") else ln for ln in text.splitlines())
    entry = bundle / f"{APP_ID}.desktop"
    entry.write_text(text + "\n", encoding="utf-8")
    entry.chmod(0o755)  # a launcher file manager trust it only when executable
    return entry


def build(dist: Path, work: Path, *, windowed: bool) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder."""
    try:
        import PyInstaller.__main__ as pyinstaller  # type: ignore[import-untyped]
    except ImportError:
        raise SystemExit('PyInstaller is missing: pip install -e ".[bundle]"') from None
    os.environ["BRIEFING_BUNDLE_WINDOWED"] = "1" if windowed else "0"
    pyinstaller.run(
        [str(SPEC), "--noconfirm", "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)]
    )
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_bundle.py", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "bundle", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work")
    parser.add_argument(
        "--windowed",
        action="store_true",
        default=sys.platform in ("win32", "darwin"),
        help="no console window (default on Windows and macOS; a macOS .app)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bundle = build(args.dist.absolute(), args.work.absolute(), windowed=args.windowed)
    if sys.platform.startswith("linux"):
        print(f"desktop entry: {write_desktop_entry(bundle)}")
    size = folder_size(bundle)
    print(f"bundle: {bundle} ({size / 1e6:.0f} MB, built in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
