"""Peak memory and time of the command line on hostile inputs; prints JSON.

    python -m tools.bench_hostile [--workdir DIR] [--quick]

Each case runs ``python -m desktop`` in a fresh process on a fresh library and reports its peak
resident memory (``ru_maxrss`` of that process), wall time, exit status and its first line on
stderr: a .docx whose document.xml inflates to 1 and 2 GB (1–2 MB files that lie about their
size), 1.5 GB piped into ``import -`` and ``entities -``, a 200 MB text file, and HTML pages with
100,000 and 500,000 attributes on one element, 1,000-deep nesting and 600,000 elements.
``--quick`` uses a tenth of the sizes. The files go to a temporary folder (or ``--workdir``)
and are deleted afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tools.hostile_files import (
    BODY,
    write_attribute_html,
    write_deep_html,
    write_lying_docx_bomb,
    write_many_elements_html,
)

MB = 1 << 20


# Runs the command given after the figure file and writes "peak_kb exit_status" into that file. The
# peak memory Linux reports for a process includes what its parent held when it forked it (and
# keeps it across exec), so the command is started by this small process, not by the big one
# measuring it.
_MEASURE = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
os.close(0)
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as handle:
    handle.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def _drain(stream: Any) -> Any:
    """Read ``stream`` to its end in a thread; returns a function that waits and gives the chunks."""
    chunks: list[bytes] = []

    def read() -> None:
        with stream:
            while chunk := stream.read(1 << 16):
                chunks.append(chunk)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()

    def result() -> list[bytes]:
        thread.join()
        return chunks

    return result


def measure_command(
    command: list[str], *, stdin_bytes: int = 0, one_line: bool = False, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run ``command`` once (``stdin_bytes`` of text piped in, as ``one_line`` or in lines); peak
    memory, time, exit status, output and the first line on stderr."""
    with tempfile.TemporaryDirectory() as folder:
        figure = Path(folder) / "figure"
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", _MEASURE, str(figure), *command],
            bufsize=0,
            stdin=subprocess.PIPE if stdin_bytes else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        outputs = {
            name: _drain(stream) for name, stream in (("out", process.stdout), ("err", process.stderr))
        }
        sent = 0
        if stdin_bytes and process.stdin is not None:
            text = BODY.replace("\n", " ") if one_line else BODY
            block = (text.encode("utf-8") * (MB // len(text)))[:MB]
            try:
                while sent < stdin_bytes:
                    sent += process.stdin.write(block) or 0
            except BrokenPipeError:
                pass  # refused and gone
            finally:
                process.stdin.close()
        process.wait()
        seconds = time.perf_counter() - started
        stdout, stderr = (b"".join(outputs[name]()) for name in ("out", "err"))
        peak_kb, status = figure.read_text(encoding="utf-8").split()
    lines = stderr.decode("utf-8", "replace").splitlines()
    result: dict[str, Any] = {
        "peak_rss_mb": round(int(peak_kb) / 1024, 1),
        "seconds": round(seconds, 2),
        "exit_status": int(status),
        "stderr": lines[0] if lines else "",
        "stdout": stdout.decode("utf-8", "replace"),
    }
    if stdin_bytes:
        result["bytes_accepted_by_pipe"] = sent
    return result


def run_measured(
    db: Path, args: list[str], *, stdin_bytes: int = 0, one_line: bool = False
) -> dict[str, Any]:
    """Run the command line once on library ``db``: peak memory, time, exit status, first stderr line."""
    env = {**os.environ, "BRIEFING_READER_DB": str(db), "PYTHONUTF8": "1"}
    command = [sys.executable, "-m", "desktop", *args]
    result = measure_command(command, stdin_bytes=stdin_bytes, one_line=one_line, env=env)
    del result["stdout"]
    return result


def _read_seconds(path: Path) -> float:
    """Time of reading ``path`` in this process (refused or not), without the command line around it."""
    from desktop.core.ingest import IngestError, load_bytes, load_path

    load_bytes(b"<html><body><p>Warm up the HTML reader once.</p></body></html>", name="warm.html")
    started = time.perf_counter()
    with contextlib.suppress(IngestError):
        load_path(path)
    return round(time.perf_counter() - started, 3)


def _file_case(folder: Path, name: str, write: Any, *args: Any, read: bool = False) -> dict[str, Any]:
    path = folder / name
    write(path, *args)
    try:
        result = run_measured(folder / f"{path.stem}.sqlite3", ["import", str(path)])
        result["file_mb"] = round(path.stat().st_size / MB, 2)
        if read:
            result["read_seconds_in_process"] = _read_seconds(path)
        return result
    finally:
        path.unlink()


def _write_text(path: Path, size: int) -> None:
    block = (BODY * (MB // len(BODY))).encode("utf-8")[:MB]
    with path.open("wb") as handle:
        for _ in range(size // MB):
            handle.write(block)


def measure(folder: Path, scale: float) -> dict[str, Any]:
    """All cases; ``scale`` 1.0 for the sizes of the issue, 0.1 for a quick run."""
    gb = int(1024 * MB * scale)
    stdin = int(1500 * 1000 * 1000 * scale)
    figures: dict[str, Any] = {}
    for label, size in (("docx_bomb_1gb", gb), ("docx_bomb_2gb", 2 * gb)):
        figures[label] = _file_case(folder, f"{label}.docx", write_lying_docx_bomb, size)
        figures[label]["inflates_to_mb"] = size // MB
    for command in (["import", "-"], ["entities", "-"], ["entities", "--jsonl", "-"]):
        label = f"stdin_{'_'.join(c.strip('-') for c in command[:-1])}_{stdin // 1_000_000}mb"
        one_line = "--jsonl" in command  # one huge line: the limit per line must hold
        figures[label] = run_measured(folder / "stdin.sqlite3", command, stdin_bytes=stdin, one_line=one_line)
    figures["text_file_200mb"] = _file_case(folder, "big.txt", _write_text, int(200 * MB * scale))
    for attributes in (100_000, 500_000):
        count = int(attributes * scale)
        figures[f"html_{count}_attributes"] = _file_case(
            folder, f"attributes_{count}.html", write_attribute_html, count, read=True
        )
    figures["html_1000_deep"] = _file_case(folder, "deep.html", write_deep_html, 1_000, read=True)
    elements = int(600_000 * scale)
    figures[f"html_{elements}_elements"] = _file_case(
        folder, "elements.html", write_many_elements_html, elements, read=True
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    """Measure and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--workdir", type=Path, help="folder for the crafted files (default: temporary)")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args(argv)
    scale = 0.1 if args.quick else 1.0
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        figures = measure(args.workdir, scale)
    else:
        with tempfile.TemporaryDirectory() as folder:
            figures = measure(Path(folder), scale)
    json.dump({"scale": scale, "cases": figures}, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
