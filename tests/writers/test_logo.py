"""The theme's logo (``[brand] logo``) in the PDF and DOCX header, read back as a reader sees it:
the PDF's pages drawn by poppler, the DOCX through python-docx."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import docx
from pypdf import PdfReader

from exporter.model import Article, Metadata, Paragraph, Section
from exporter.theme import Brand, Theme, load_theme
from exporter.writers.docx import render_docx, unshown_logo
from exporter.writers.pdf import render_pdf
from tests.writers.test_epub_cover import _png

RED_LOGO = _png(40, 10)  # pure red, 4:1
SVG_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10" viewBox="0 0 40 10">'
    b'<rect width="40" height="10" fill="#00ff00"/></svg>'
)
LONG = Article(
    title="Rates on Hold",
    sections=(
        Section("Body", tuple(Paragraph("A sentence of the body. " * 40) for _ in range(12))),
    ),
    metadata=Metadata(date="2025-03-19", language="en"),
)


def logo_theme(folder: Path, name: str, data: bytes) -> Theme:
    """The default theme (title left in the header, date right) with a logo."""
    (folder / name).write_bytes(data)
    return replace(load_theme("default"), brand=Brand(logo=str(folder / name)))


def test_the_pdf_header_shows_a_png_logo_on_every_page(tmp_path: Path) -> None:
    pdf = render_pdf(LONG, logo_theme(tmp_path, "logo.png", RED_LOGO))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 1
    for page in pages:
        (image,) = page.images
        assert image.image is not None
        assert image.image.convert("RGB").getpixel((0, 0)) == (255, 0, 0)
    assert pdf == render_pdf(LONG, logo_theme(tmp_path, "logo.png", RED_LOGO)), "deterministic"


def test_the_pdf_header_shows_an_svg_logo_as_vector_shapes_on_every_page(tmp_path: Path) -> None:
    pdf = render_pdf(LONG, logo_theme(tmp_path, "logo.svg", SVG_LOGO))
    pages = PdfReader(io.BytesIO(pdf)).pages
    without = PdfReader(io.BytesIO(render_pdf(LONG, load_theme("default")))).pages
    green = b"0 1 0 rg"  # the SVG's fill, as a PDF fill colour
    assert all(green in page.get_contents().get_data() for page in pages)  # type: ignore[union-attr]
    assert not any(green in page.get_contents().get_data() for page in without)  # type: ignore[union-attr]
    assert all(not page.images for page in pages), "vector, not a bitmap"


def test_the_docx_header_starts_with_a_png_logo(tmp_path: Path) -> None:
    data = render_docx(LONG, logo_theme(tmp_path, "logo.png", RED_LOGO))
    document = docx.Document(io.BytesIO(data))
    header = document.sections[0].header
    (blip,) = header._element.xpath(".//a:blip")
    image = header.part.related_parts[blip.get(docx.oxml.ns.qn("r:embed"))]
    assert image.blob == RED_LOGO
    assert header.paragraphs[0].runs[0]._r.xpath(".//a:blip")  # first, before the text
    assert "Rates on Hold" in header.paragraphs[0].text
    assert data == render_docx(LONG, logo_theme(tmp_path, "logo.png", RED_LOGO))


def test_an_svg_logo_is_left_out_of_the_docx_with_a_warning(tmp_path: Path) -> None:
    theme = logo_theme(tmp_path, "logo.svg", SVG_LOGO)
    document = docx.Document(io.BytesIO(render_docx(LONG, theme)))
    assert not document.sections[0].header._element.xpath(".//a:blip")
    (warning,) = unshown_logo(LONG, theme)
    assert "Word needs a PNG logo" in warning.message
    assert unshown_logo(LONG, logo_theme(tmp_path, "logo.png", RED_LOGO)) == []
