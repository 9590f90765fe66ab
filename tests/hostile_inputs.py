"""Test helpers that write inputs crafted against the reader itself.

``make_hostile_inputs(folder)`` writes one small input per case and returns them by key; the
big crafted files (zip bombs, pathological HTML) come from :mod:`tools.hostile_files`,
which the benchmark ``tools.bench_hostile`` shares:

======================  ================================================================
key                     what the input is
======================  ================================================================
escape_title            a text whose title line carries ESC/BEL/CSI sequences (window
                        title, screen clear) and a bidi override
latin1_name             "Bericht M\\xfcller.txt": a file name that is not UTF-8
newline_name            a file name with a newline and an ESC in it
few_bad_bytes           UTF-8 text with three invalid bytes (one after each of three "Die ")
html_attributes         an element with 100,000 attributes
html_deep               a paragraph nested in 1,000 ``<div>``, another after them
html_doctype_subset     a DOCTYPE with an internal subset (``<!DOCTYPE html [ … ]>``)
fifo                    a named pipe called ``pipe.txt`` (never to be opened)
dangling_link           ``gone.txt``: a link to a file that does not exist
loop_link               ``loop.txt``: a link to itself
folder_link             ``up``: a link to the folder that holds it (a loop of folders)
======================  ================================================================
"""

from __future__ import annotations

import os
from pathlib import Path

from tools.hostile_files import BODY, write_attribute_html, write_deep_html

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"
ESCAPE_TITLE = f"{ESCAPES}Gemeinderat{ESCAPES} beschließt den Haushalt"
GERMAN_BODY = BODY
LATIN1_NAME = os.fsdecode(b"Bericht M\xfcller.txt")
NEWLINE_NAME = "zeile\neins\x1b[31m.txt"
BAD_BYTES_TEXT = "Grüße aus der Straße. Die Bürger begrüßen die Änderung der Öffnungszeiten. " * 4


def make_hostile_inputs(folder: Path) -> dict[str, Path]:
    """Write the small hostile inputs into ``folder``; return them by key."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "escape_title": folder / "escape.txt",
        "latin1_name": folder / LATIN1_NAME,
        "newline_name": folder / NEWLINE_NAME,
        "few_bad_bytes": folder / "bad_bytes.txt",
        "html_attributes": folder / "attributes.html",
        "html_deep": folder / "deep.html",
        "html_doctype_subset": folder / "doctype.html",
        "fifo": folder / "pipe.txt",
        "dangling_link": folder / "gone.txt",
        "loop_link": folder / "loop.txt",
        "folder_link": folder / "up",
    }
    files["escape_title"].write_text(f"{ESCAPE_TITLE}\n\n{GERMAN_BODY}", encoding="utf-8")
    files["latin1_name"].write_text(f"Bericht aus dem Archiv\n\n{GERMAN_BODY}", encoding="utf-8")
    files["newline_name"].write_text(f"Zeilen im Namen\n\n{GERMAN_BODY}", encoding="utf-8")
    files["few_bad_bytes"].write_bytes(BAD_BYTES_TEXT.encode("utf-8").replace(b"Die ", b"Die \xff", 3))
    write_attribute_html(files["html_attributes"], 100_000)
    write_deep_html(files["html_deep"], 1_000)
    files["html_doctype_subset"].write_text(
        '<!DOCTYPE html [\n  <!ENTITY boom "boom">\n  <!ELEMENT x ANY>\n]>\n'
        f"<html><head><title>Haushalt beschlossen</title></head><body><p>{GERMAN_BODY}</p></body></html>",
        encoding="utf-8",
    )
    os.mkfifo(files["fifo"])
    os.symlink(folder / "nowhere.txt", files["dangling_link"])
    os.symlink(files["loop_link"], files["loop_link"])
    os.symlink(folder, files["folder_link"], target_is_directory=True)
    return files
