"""Build hook: a wheel carries the repository's ``resources/`` and ``seeds/`` as ``desktop/_data/``.

The folders stay at the top of the repository (training tools write there, the README links
there); ``desktop.core.locations`` finds them in either place. Editable installs read the
checkout directly, so nothing is copied for them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("resources", "seeds")
NOT_SHIPPED = ("screenshots", "__pycache__", "*.pyc")  # README pictures are not needed at run time


class BuildPyWithData(build_py):
    """``build_py`` that also copies the shipped data folders into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "desktop" / "_data"
        for name in SHIPPED:
            if (target / name).exists():
                shutil.rmtree(target / name)
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns(*NOT_SHIPPED))


setup(cmdclass={"build_py": BuildPyWithData})
