"""Publication dates stated by documents: date lines, datelines, PDF and DOCX properties."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ingest import load_bytes, load_text
from desktop.core.ingest.dates import date_line, is_date_line, pdf_date, stated_date
from tests.broken_inputs import make_text_pdf


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("04.09.2025", "2025-09-04"),
        ("4.9.2025", "2025-09-04"),
        ("4. September 2025", "2025-09-04"),
        ("4 Sept. 2025", "2025-09-04"),
        ("September 4, 2025", "2025-09-04"),
        ("Sept. 4 2025", "2025-09-04"),
        ("2025-09-04", "2025-09-04"),
        ("Donnerstag, 4. September 2025", "2025-09-04"),
        ("Friday, January 4, 2019\u00a0The government said on Thursday…", "2019-01-04"),
        ("Stand: 04.09.2025 14:30 Uhr", "2025-09-04"),
        ("Published: Sept. 4, 2025", "2025-09-04"),
        ("Veröffentlicht am 4. März 2024", "2024-03-04"),
        ("Updated 4 Sep 2025 10:00 BST", "2025-09-04"),
        ("Berlin, 4. September 2025 – Die Bundesregierung hat …", "2025-09-04"),
        ("WASHINGTON (Reuters), Sept. 4 2025 - The president …", "2025-09-04"),
        ("Frankfurt/Main (dpa), 04.09.2025: Die Börse …", "2025-09-04"),
        ("BERLIN, 4. September 2025 (dpa) – Die …", "2025-09-04"),
        ("Kyiv, Ukraine, Sept. 4, 2025 — Russian forces …", "2025-09-04"),
        ("4. September 2025, 14:30 Uhr", "2025-09-04"),
    ],
)
def test_date_lines_and_datelines(line: str, iso: str) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "Die Zahl stieg am 4. September 2025 auf 3.000.",
        "4. September 2025 wurde der Vertrag unterschrieben.",
        "September 4, 2025, the president said",
        "Seit Montag, 4. September 2025, gilt das Gesetz.",
        "12.5.2024 ist ein Feiertag",
        "31.02.2025",  # no such day
        "04.09.1850",  # outside the plausible years
        "Berlin (dpa) - Die Regierung …",  # a dateline without a date
        "Koalition der Willigen: Welche Sicherheitsgarantien für Kyjiw?",
        "Am 3. Oktober 1990 trat die DDR bei",
        "2025",
        "",
    ],
)
def test_no_date_from_a_sentence_of_the_body(line: str) -> None:
    assert date_line(line) is None


def test_is_date_line_only_for_lines_that_are_just_a_date() -> None:
    assert is_date_line("04.09.2025")
    assert is_date_line("Donnerstag, 4. September 2025 | 14:30")
    assert not is_date_line("Berlin, 4. September 2025 – Die Bundesregierung")
    assert not is_date_line("Gipfel in Berlin")


def test_only_the_first_lines_are_searched() -> None:
    head = "Titel\n\n" + "Ein Absatz ohne Datum.\n" * 3
    assert stated_date(head + "04.09.2025\n") == "2025-09-04"
    assert stated_date("Titel\n" + "Ein Absatz ohne Datum.\n" * 10 + "04.09.2025\n") is None


@given(st.text(max_size=300))
def test_stated_date_never_fails_and_is_iso(text: str) -> None:
    found = stated_date(text)
    assert found is None or dt.date.fromisoformat(found).isoformat() == found


def test_pdf_dates() -> None:
    assert pdf_date("D:20250904123000+02'00'") == "2025-09-04"
    assert pdf_date("20250904") == "2025-09-04"
    assert pdf_date("D:2025") is None  # year only: no day to show
    assert pdf_date("D:20251304") is None
    assert pdf_date(None) is None


def test_plain_text_date_line_gives_published_and_is_not_the_title() -> None:
    doc = load_bytes(b"04.09.2025\nGipfel in Valdora\n\nDie Ministerin reiste ab.", name="a.txt")
    assert doc.published == "2025-09-04"
    assert doc.title == "Gipfel in Valdora"


def test_pasted_dateline_gives_published() -> None:
    text = "Gipfel in Valdora\n\nValdora, 4. September 2025 – Die Ministerin reiste ab."
    assert load_text(text).published == "2025-09-04"
    assert load_text("Gipfel\n\nDie Zahl stieg am 4. September 2025 auf 3.000.").published is None


def test_markdown_front_matter_date_and_date_line() -> None:
    front = "---\ntitle: Gipfel\ndate: 2025-09-04\n---\n\n# Gipfel\n\nText."
    assert load_bytes(front.encode(), name="a.md").published == "2025-09-04"
    line = "# Gipfel\n\n*4. September 2025*\n\nText."
    doc = load_bytes(line.encode(), name="b.md")
    assert doc.published is None  # emphasis marks: not a plain date line
    plain = "# Gipfel\n\n4. September 2025\n\nText."
    assert load_bytes(plain.encode(), name="c.md").published == "2025-09-04"


def test_pdf_creation_date_and_stated_date_wins() -> None:
    data = make_text_pdf([["Lagebericht", "", "Die Lage ist ruhig."]], creation_date="D:20240517103000Z")
    assert load_bytes(data, name="a.pdf").published == "2024-05-17"
    stated = make_text_pdf(
        [["Lagebericht", "", "04.09.2025", "", "Die Lage ist ruhig."]], creation_date="D:20240517"
    )
    assert load_bytes(stated, name="b.pdf").published == "2025-09-04"


def test_docx_created_date() -> None:
    document = docx.Document()
    document.core_properties.created = dt.datetime(2024, 5, 17, 10, 0, tzinfo=dt.UTC)
    document.add_paragraph("Die Stadtwerke haben mehr Strom erzeugt.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert load_bytes(buffer.getvalue(), name="a.docx").published == "2024-05-17"
