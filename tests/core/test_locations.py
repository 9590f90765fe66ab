"""The one locator: shipped data in a checkout, a wheel or a bundle; the user's folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.core import locations

ROOT = Path(__file__).resolve().parents[2]


def test_checkout_reads_the_top_level_folders() -> None:
    assert locations.project_root() == ROOT
    assert (locations.models_dir() / "de-bilstm" / "config.json").is_file()
    assert (locations.gazetteer_dir() / "places.tsv.gz").is_file()
    assert (locations.icons_dir() / "org.briefingreader.BriefingReader.svg").is_file()
    assert sorted(locations.seeds_dir().glob("*.txt"))


def test_installed_package_reads_its_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "desktop"
    (package / "_data" / "resources" / "models").mkdir(parents=True)
    (package / "_data" / "seeds").mkdir()
    monkeypatch.setattr(locations, "package_dir", lambda: package)
    assert locations.project_root() == package / "_data"
    assert locations.models_dir() == package / "_data" / "resources" / "models"
    assert locations.seeds_dir() == package / "_data" / "seeds"


def test_frozen_bundle_reads_beside_its_executable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "desktop" / "_data" / "resources").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert locations.package_dir() == tmp_path / "desktop"
    assert locations.resources_dir() == tmp_path / "desktop" / "_data" / "resources"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG layout is Linux-only")
def test_user_folders_follow_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert locations.user_data_dir() == tmp_path / "data" / "BriefingReader"
    assert locations.user_config_dir() == tmp_path / "config" / "BriefingReader"


@pytest.mark.skipif(sys.platform == "win32", reason="HOME decides the home folder on POSIX only")
def test_macos_keeps_settings_in_their_old_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "new"))  # platformdirs here
    old = tmp_path / "Library" / "Preferences" / "BriefingReader"
    old.mkdir(parents=True)
    assert locations.user_config_dir() == old
    (tmp_path / "new" / "BriefingReader").mkdir(parents=True)
    assert locations.user_config_dir() == tmp_path / "new" / "BriefingReader"
