"""Reading and writing W3C Web Annotations and Hypothesis exports (no library)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.core.w3c import NoteData, W3CFormatError, annotation_json, collection_json, parse_notes
from tests.w3c_support import needs_w3c, samples

NOTE = NoteData(
    key="urn:uuid:6a3c0d59-6a1d-4a8f-9d55-2a4b8b0f0c11",
    source="https://example.org/news/1",
    exact="the passage",
    prefix="before ",
    suffix=" after",
    start=7,
    end=18,
    note="*why* it matters",
    tags=("nato/planung", "lage"),
    color="green",
    meaning="Evidence",
    created="2026-12-01T10:00:00Z",
    modified="2026-12-02T11:00:00Z",
    creator="analyst",
)


def test_a_collection_reads_back_as_written() -> None:
    data = collection_json([NOTE], label="Notes", generator="test")
    assert data["type"] == "AnnotationCollection" and data["first"]["type"] == "AnnotationPage"
    item = data["first"]["items"][0]
    assert {s["type"] for s in item["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    assert {"type": "TextualBody", "value": "lage", "purpose": "tagging"} in item["body"]
    assert item["body"][0]["format"] == "text/markdown"
    (back,) = parse_notes(json.dumps(data)).notes
    assert back == NOTE
    assert back.uid == "6a3c0d59-6a1d-4a8f-9d55-2a4b8b0f0c11"


def test_foreign_ids_give_a_stable_uid() -> None:
    one = annotation_json(NOTE, embedded=False) | {"id": "http://example.org/anno1"}
    first = parse_notes(json.dumps(one)).notes[0]
    again = parse_notes(json.dumps([one])).notes[0]
    assert first.uid == again.uid and len(first.uid) == 36


def test_hypothesis_export_is_read() -> None:
    row = {
        "id": "Xyz123",
        "created": "2026-11-30T09:00:00.123456+00:00",
        "updated": "2026-11-30T09:05:00.000000+00:00",
        "user": "acct:analyst@hypothes.is",
        "uri": "https://example.org/news/1",
        "text": "a note",
        "tags": ["lage"],
        "target": [
            {
                "source": "https://example.org/news/1",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[1]", "endContainer": "/p[1]"},
                    {"type": "TextPositionSelector", "start": 7, "end": 18},
                    {
                        "type": "TextQuoteSelector",
                        "exact": "the passage",
                        "prefix": "before ",
                        "suffix": " after",
                    },
                ],
            }
        ],
    }
    for shape in ({"annotations": [row]}, {"rows": [row], "total": 1}, [row]):
        (note,) = parse_notes(json.dumps(shape)).notes
        assert note.key == "https://hypothes.is/a/Xyz123" and note.creator == "analyst@hypothes.is"
        assert (note.exact, note.start, note.end, note.note, note.tags) == (
            "the passage",
            7,
            18,
            "a note",
            ("lage",),
        )
        assert note.created == "2026-11-30T09:00:00.123456Z"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "not valid JSON"),
        ("[1, 2]", "annotation 1"),
        ('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": "x:y"}', '"id"'),
        ("9" * 50 + "[", "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_bad_files_get_one_line(text: str, message: str) -> None:
    with pytest.raises(W3CFormatError) as raised:
        parse_notes(text)
    assert message in raised.value.message and "\n" not in raised.value.message


@needs_w3c
@pytest.mark.parametrize("path", samples("correct"), ids=lambda p: p.name)
def test_every_correct_sample_is_read(path: Path) -> None:
    parsed = parse_notes(path.read_bytes())
    assert parsed.notes or parsed.remark
    assert all(n.key.startswith(("http", "urn")) for n in parsed.notes)


@needs_w3c
@pytest.mark.parametrize("path", samples("incorrect"), ids=lambda p: p.name)
def test_every_incorrect_sample_is_refused(path: Path) -> None:
    with pytest.raises(W3CFormatError) as raised:
        parse_notes(path.read_bytes())
    assert raised.value.message and "\n" not in raised.value.message


@needs_w3c
@pytest.mark.parametrize("path", samples("incorrect"), ids=lambda p: p.name)
def test_the_labelled_fault_is_found_even_with_a_good_id(path: Path) -> None:
    """Most incorrect samples also carry a list as "id"; with one IRI the named fault must still count."""
    try:  # most are JSON but for a trailing comma
        data = json.loads(re.sub(r",\s*}", "}", path.read_text(encoding="utf-8")))
    except ValueError:
        pytest.skip("not JSON at all")
    label = data.get("label", "") if isinstance(data, dict) else ""
    if not isinstance(data, dict) or label in ("multiple identifiers", "bad id", "bad language"):
        pytest.skip("the fault is the identifier itself, or in a misspelt key")
    data["id"] = "http://example.org/one"
    with pytest.raises(W3CFormatError):
        parse_notes(json.dumps(data))


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00\x01junk", b"\x00" * 100, b'{"rows": 5}', b'{"annotations": [{"id": 7}]}', b"null"],
)
def test_binary_and_odd_files_are_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(W3CFormatError) as raised:
        parse_notes(data)
    assert raised.value.message and "\n" not in raised.value.message
