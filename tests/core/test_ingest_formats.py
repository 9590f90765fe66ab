"""HTML, PDF and DOCX import: main text, paragraphs and metadata."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest

from desktop.core.ingest import IngestError, load_bytes, load_path
from desktop.core.ingest.html import fallback_text, read_html
from desktop.core.ingest.pdf import page_paragraphs
from tests.broken_inputs import make_text_pdf

NEWS_PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Neue Brücke eröffnet | Stadtanzeiger</title>
<meta name="author" content="Erika Mustermann">
<meta property="og:title" content="Neue Brücke über den Fluss eröffnet">
<meta property="og:url" content="https://news.example.org/2024/03/neue-bruecke">
<link rel="canonical" href="https://news.example.org/2024/03/neue-bruecke">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
<script>window.dataLayer = []; function track() { alert("tracking"); }</script>
<style>.ad { color: red; }</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">Wir verwenden Cookies. Alle Cookies akzeptieren?</div>
<header><nav><a href="/">Startseite</a> <a href="/politik">Politik</a>
<a href="/sport">Sport</a></nav></header>
<aside class="advertisement">Anzeige: Jetzt günstige Versicherungen abschließen!</aside>
<main><article>
<h1>Neue Brücke über den Fluss eröffnet</h1>
<p>Nach drei Jahren Bauzeit ist die neue Brücke über den Fluss am Dienstag für den Verkehr
freigegeben worden. Die Bürgermeisterin sprach von einem wichtigen Tag für die Region.</p>
<p>Die Brücke ist 420 Meter lang und hat zwei Fahrspuren sowie einen breiten Radweg. Die Kosten
lagen mit 85 Millionen Euro etwas über der ursprünglichen Planung.</p>
<h2>Verkehr soll entlastet werden</h2>
<p>Pendler sollen künftig bis zu zwanzig Minuten Fahrzeit sparen. Anwohner der alten
Ortsdurchfahrt hoffen auf weniger Lärm und bessere Luft.</p>
<table><tr><th>Jahr</th><th>Fahrzeuge</th></tr><tr><td>2023</td><td>18000</td></tr></table>
</article></main>
<section class="comments" id="comments"><h3>Kommentare</h3>
<div class="comment"><p>Leser123: Endlich! Das hat viel zu lange gedauert und war viel zu teuer.</p></div>
</section>
<footer><p>© 2024 Stadtanzeiger – Impressum – Datenschutz – Kontakt</p></footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    doc = load_path(path)
    assert doc.format == "html"
    assert doc.title == "Neue Brücke über den Fluss eröffnet"
    assert doc.author == "Erika Mustermann"
    assert doc.published == "2024-03-05"
    assert doc.source_url == "https://news.example.org/2024/03/neue-bruecke"
    assert doc.language == "de"
    assert "Nach drei Jahren Bauzeit" in doc.text
    assert "Pendler sollen künftig" in doc.text
    assert "\n\nDie Brücke ist 420 Meter lang" in doc.text  # paragraphs separated by blank lines
    assert "2023" in doc.text  # tables are kept
    for furniture in ["Cookies", "Startseite", "Anzeige", "Leser123", "Impressum", "dataLayer", "color"]:
        assert furniture not in doc.text, furniture


def test_html_without_metadata_falls_back_to_title_tag() -> None:
    page = "<html><head><title>Kurze Meldung</title></head><body><p>Ein kurzer Absatz.</p></body></html>"
    doc = load_bytes(page.encode(), name="kurz.htm")
    assert doc.title == "Kurze Meldung"
    assert "Ein kurzer Absatz." in doc.text
    assert doc.author is None and doc.published is None and doc.source_url is None


def test_html_with_xml_declaration_is_read() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>Ein Absatz in XHTML mit genug Text, um gelesen zu werden.</p></body></html>"
    )
    assert "Ein Absatz in XHTML" in load_bytes(page.encode(), name="a.xhtml").text


def test_html_fallback_extraction_drops_furniture() -> None:
    page = (
        "<html><body><nav>Menü</nav><script>alert(1)</script><div>Erster Teil<br>zweite Zeile</div>"
        "<!-- Kommentar --><p>Zweiter Absatz</p><footer>Fuß</footer><iframe>Rahmen</iframe></body></html>"
    )
    assert fallback_text(page) == "Erster Teil\nzweite Zeile\n\nZweiter Absatz"


def test_html_with_no_text_at_all() -> None:
    assert read_html("<html><body><script>alert(1)</script></body></html>").text == ""
    with pytest.raises(IngestError, match="No readable text"):
        load_bytes(b"<html><body><img src='x.png'></body></html>", name="bild.html")


def test_pdf_text_paragraphs_and_metadata(tmp_path: Path) -> None:
    pages = [
        [
            "Bericht zur Lage",
            "",
            "Die Sicherheitslage in der Region hat sich",
            "verbessert, sagen Experten. Die Sicher-",
            "heit der Bürger sei gewährleistet, heißt es.",
            "",
            "Ein zweiter Absatz spricht über die EU-",
            "Kommission und über die Straßen.",
        ],
        ["Auf der zweiten Seite steht der Schluss des Berichts."],
    ]
    path = tmp_path / "bericht.pdf"
    path.write_bytes(make_text_pdf(pages, title="Lagebericht Mai", author="Anna Beispiel"))
    doc = load_path(path)
    assert doc.format == "pdf"
    assert doc.title == "Lagebericht Mai"
    assert doc.author == "Anna Beispiel"
    assert doc.language == "de"
    assert doc.text == (
        "Bericht zur Lage\n\n"
        "Die Sicherheitslage in der Region hat sich verbessert, sagen Experten. "
        "Die Sicherheit der Bürger sei gewährleistet, heißt es.\n\n"
        "Ein zweiter Absatz spricht über die EU-Kommission und über die Straßen.\n\n"
        "Auf der zweiten Seite steht der Schluss des Berichts."
    )


def test_pdf_title_falls_back_to_first_line_when_metadata_is_generic() -> None:
    data = make_text_pdf(
        [["Der eigentliche Titel", "", "Text des Dokuments."]], title="Microsoft Word - a.docx"
    )
    doc = load_bytes(data, name="a.pdf")
    assert doc.title == "Der eigentliche Titel"


def test_pdf_without_text_layer() -> None:
    with pytest.raises(IngestError, match="no text"):
        load_bytes(make_text_pdf([[]]), name="scan.pdf")


def test_pdf_truncated_file_is_refused() -> None:
    data = make_text_pdf([["Text"]])
    with pytest.raises(IngestError, match="not a valid PDF"):
        load_bytes(data[:60], name="cut.pdf")


def test_page_paragraphs_line_joining() -> None:
    raw = "Ein langer Satz, der am Ende der Zeile ein Wort tren-\r\nnt und weiter geht bis hier\r\nhin."
    assert page_paragraphs(raw) == [
        "Ein langer Satz, der am Ende der Zeile ein Wort trennt und weiter geht bis hier hin."
    ]
    assert page_paragraphs("Sicherheits-\r\nund Verteidigungspolitik") == [
        "Sicherheits- und Verteidigungspolitik"
    ]
    assert page_paragraphs("Sicher\ufffeheit der EU\ufffeKommission") == ["Sicherheit der EU-Kommission"]
    assert page_paragraphs("Titel\r\nUntertitel\r\nAutorin") == ["Titel", "Untertitel", "Autorin"]
    assert page_paragraphs("ﬁnal") == ["final"]
    assert page_paragraphs(" \r\n ") == []


def _docx_bytes(*, title: str = "", author: str = "", heading: str | None = None) -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.created = dt.datetime(2024, 5, 17, 10, 0, tzinfo=dt.UTC)
    if heading:
        document.add_heading(heading, level=1)
    document.add_paragraph("Die Stadtwerke haben im vergangenen Jahr mehr Strom aus Wind und Sonne erzeugt.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Quelle", "Anteil"
    table.cell(1, 0).text, table.cell(1, 1).text = "Wind", "40 %"
    document.add_paragraph("Die Preise bleiben stabil.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_tables_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bericht.docx"
    path.write_bytes(_docx_bytes(author="Max Muster", heading="Jahresbericht der Stadtwerke"))
    doc = load_path(path)
    assert doc.format == "docx"
    assert doc.title == "Jahresbericht der Stadtwerke"
    assert doc.author == "Max Muster"
    assert doc.published == "2024-05-17"
    assert doc.language == "de"
    assert doc.text == (
        "Jahresbericht der Stadtwerke\n\n"
        "Die Stadtwerke haben im vergangenen Jahr mehr Strom aus Wind und Sonne erzeugt.\n\n"
        "Quelle | Anteil\nWind | 40 %\n\n"
        "Die Preise bleiben stabil."
    )


def test_docx_core_title_wins_and_tool_author_is_dropped() -> None:
    doc = load_bytes(
        _docx_bytes(title="Offizieller Titel", author="python-docx", heading="Kapitel"), name="a.docx"
    )
    assert doc.title == "Offizieller Titel"
    assert doc.author is None


def test_docx_without_heading_uses_first_line() -> None:
    doc = load_bytes(_docx_bytes(), name="a.docx")
    assert doc.title.startswith("Die Stadtwerke haben")


def test_docx_zip_without_word_part_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(IngestError, match="not a valid Word document"):
        load_bytes(buffer.getvalue(), name="odt-in-disguise.docx")


def test_docx_title_style_wins_over_heading() -> None:
    document = docx.Document()
    document.add_paragraph("Vorspann ohne Stil.")
    document.add_heading("Kapitel eins", level=1)
    document.add_heading("Der Haupttitel", level=0)  # style "Title"
    buffer = io.BytesIO()
    document.save(buffer)
    assert load_bytes(buffer.getvalue(), name="t.docx").title == "Der Haupttitel"
