"""Running header and footer from the theme's templates, with live page-number fields."""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml.ns import qn
from docx.section import _Footer, _Header
from docx.text.paragraph import Paragraph

from exporter.model import Article
from exporter.theme import HeaderFooter, Theme
from exporter.writers.docx.inline import write_text
from exporter.writers.docx.ooxml import element

_PLACEHOLDER = re.compile(r"\{(title|short_title|author|date|page|pages)\}")
# Word fields that the application fills in on every page.
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}
_SHORT_TITLE_LENGTH = 48


def write_running_heads(document: Document, article: Article, theme: Theme) -> None:
    values = {
        "title": article.title,
        "short_title": short_title(article.title),
        "author": article.metadata.author or "",
        "date": article.metadata.date or "",
    }
    section = document.sections[0]
    _write_running_head(section.header, theme.header, values)
    _write_running_head(section.footer, theme.footer, values)


def short_title(title: str, limit: int = _SHORT_TITLE_LENGTH) -> str:
    """``title`` cut at a word boundary to at most ``limit`` characters, with an ellipsis.

    >>> short_title("North Korea’s Unconditional Support for Russia in Ukraine", 30)
    'North Korea’s Unconditional…'
    """
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def _write_running_head(
    story: _Header | _Footer, template: HeaderFooter, values: dict[str, str]
) -> None:
    if template.is_empty:
        return
    paragraph = story.paragraphs[0]
    parts = (template.left, template.center, template.right)
    last = max(index for index, part in enumerate(parts) if part)
    for index, part in enumerate(parts[: last + 1]):
        if index:
            paragraph.add_run().add_tab()
        _write_template(paragraph, part, values)


def _write_template(paragraph: Paragraph, template: str, values: dict[str, str]) -> None:
    # re.split with one group alternates literal text (even) and placeholder names (odd).
    for index, piece in enumerate(_PLACEHOLDER.split(template)):
        if index % 2 == 0:
            write_text(paragraph, piece)
        elif piece in _FIELDS:
            _write_field(paragraph, _FIELDS[piece])
        else:
            write_text(paragraph, values[piece])


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
