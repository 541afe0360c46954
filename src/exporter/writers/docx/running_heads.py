"""Running header and footer from the theme's templates, with live page-number fields, and the
theme's logo at the start of the header."""

from __future__ import annotations

from io import BytesIO

from docx.document import Document
from docx.oxml.ns import qn
from docx.section import _Footer, _Header
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from exporter.model import Article, ParseWarning
from exporter.text.templates import running_values, split_template
from exporter.theme import HeaderFooter, Theme, image_bytes, image_kind
from exporter.writers.docx.inline import write_text
from exporter.writers.docx.ooxml import element

# Word fields that the application fills in on every page.
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}


def write_running_heads(document: Document, article: Article, theme: Theme, language: str) -> None:
    values = running_values(article)
    section = document.sections[0]
    _write_running_head(section.header, theme.header, values, language)
    _write_running_head(section.footer, theme.footer, values, language)
    if shows_logo(theme):
        _write_logo(section.header, theme)


def shows_logo(theme: Theme) -> bool:
    """Whether the DOCX shows the theme's logo: Word needs a bitmap (PNG), and exporter has no
    rasteriser to make one from an SVG (the PDF and EPUB show SVG logos)."""
    logo = theme.brand.logo
    return logo is not None and image_kind(image_bytes(logo)[:1024]) == "png"


def unshown_logo(article: Article, theme: Theme) -> list[ParseWarning]:
    """A warning when the theme's logo cannot be shown in a DOCX (an SVG)."""
    if theme.brand.logo is None or shows_logo(theme):
        return []
    message = "DOCX: the SVG logo (brand.logo) is not shown in the header; Word needs a PNG logo"
    return [ParseWarning(None, message)]


def _write_logo(header: _Header, theme: Theme) -> None:
    """The logo as the header's first run, as tall as two lines of the header's text."""
    assert theme.brand.logo is not None
    paragraph = header.paragraphs[0]
    run = paragraph.add_run()
    run.add_picture(
        BytesIO(image_bytes(theme.brand.logo)), height=Pt(theme.sizes.header_footer * 2.2)
    )
    run.add_text("  ")
    properties = paragraph._p.pPr
    paragraph._p.remove(run._r)
    paragraph._p.insert(0 if properties is None else 1, run._r)


def _write_running_head(
    story: _Header | _Footer, template: HeaderFooter, values: dict[str, str], language: str
) -> None:
    if template.is_empty:
        return
    paragraph = story.paragraphs[0]
    parts = (template.left, template.center, template.right)
    last = max(index for index, part in enumerate(parts) if part)
    for index, part in enumerate(parts[: last + 1]):
        if index:
            paragraph.add_run().add_tab()
        _write_template(paragraph, part, values, language)


def _write_template(
    paragraph: Paragraph, template: str, values: dict[str, str], language: str
) -> None:
    for piece, is_placeholder in split_template(template):
        if not is_placeholder:
            write_text(paragraph, piece, language)
        elif piece in _FIELDS:
            _write_field(paragraph, _FIELDS[piece])
        else:
            write_text(paragraph, values[piece], language)


def _write_field(paragraph: Paragraph, instruction: str) -> None:
    """A complex field: begin, instruction, separator, a cached result, end."""
    instruction_text = element("w:instrText")
    instruction_text.set(qn("xml:space"), "preserve")
    instruction_text.text = f" {instruction} "
    cached_result = element("w:t")
    cached_result.text = "1"
    for content in (
        element("w:fldChar", fldCharType="begin"),
        instruction_text,
        element("w:fldChar", fldCharType="separate"),
        cached_result,
        element("w:fldChar", fldCharType="end"),
    ):
        paragraph._p.append(element("w:r", [content]))
