"""Put trained BiLSTM-CRF models of one language together into one ensemble model directory.

    python -m tools.assemble_ensemble --out resources/models/de-bilstm MODEL_A MODEL_B ...

The first model is copied whole; every further one keeps its ``config.json``, ``weights.npz``
and ``TRAINING.md`` (its run history) in ``member-<n>/`` and shares the first model's vectors,
which must be the same file. ``ensemble.json`` lists the members
(see :mod:`desktop.core.entities.bilstm_ensemble`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

from desktop.core.entities import bilstm as rt
from desktop.core.entities.bilstm_ensemble import ENSEMBLE_FILE

MODEL_FILES = ("config.json", "weights.npz")


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_models(models: list[Path]) -> None:
    """Raise ValueError unless every model directory is complete and shares the first's vectors."""
    for m in models:
        missing = [f for f in (*MODEL_FILES, "vectors.npy") if not (m / f).is_file()]
        if missing:
            raise ValueError(f"{m} is not a BiLSTM model directory (missing {', '.join(missing)}).")
    first = _digest(models[0] / "vectors.npy")
    for m in models[1:]:
        if _digest(m / "vectors.npy") != first:
            raise ValueError(f"{m} was trained with other vectors than {models[0]}.")


def assemble(models: list[Path], out: Path) -> Path:
    """Write the ensemble directory ``out`` (replacing it) and check that it loads."""
    check_models(models)
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        staged = Path(tmp) / out.name
        staged.mkdir()
        for f in (*MODEL_FILES, "vectors.npy", "TRAINING.md"):
            if (models[0] / f).is_file():
                shutil.copy2(models[0] / f, staged / f)
        names = []
        for n, m in enumerate(models[1:], start=2):
            names.append(f"member-{n}")
            (staged / names[-1]).mkdir()
            for f in (*MODEL_FILES, "TRAINING.md"):
                if (m / f).is_file():
                    shutil.copy2(m / f, staged / names[-1] / f)
        if names:
            (staged / ENSEMBLE_FILE).write_text(
                json.dumps({"members": names}, indent=2) + "\n", encoding="utf-8"
            )
        rt.load_tagger(staged)  # fails loudly before anything is replaced
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(staged), out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="+", type=Path, help="trained model directories; the first leads")
    ap.add_argument("--out", type=Path, required=True, help="ensemble model directory to write")
    args = ap.parse_args(argv)
    if args.out.resolve() in {m.resolve() for m in args.models}:
        print("--out must not be one of the member directories.", file=sys.stderr)
        return 2
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        assemble(args.models, args.out)
    except (ValueError, OSError, rt.BiLSTMModelError) as exc:
        print(f"Could not assemble the ensemble: {exc}", file=sys.stderr)
        return 2
    print(f"{args.out}: {len(args.models)} member(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
