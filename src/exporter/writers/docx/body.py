"""The visible content: title block, key-points box and sections, in reading order."""

from __future__ import annotations

from typing import assert_never

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph as DocxParagraph

from exporter.model import Article, ListBlock, Paragraph, Quote, Section
from exporter.text.metadata import byline
from exporter.theme import Theme
from exporter.writers.docx.inline import write_text
from exporter.writers.docx.numbering import (
    BULLET_LIST,
    KEY_POINTS_LIST,
    list_membership,
    restarted_numbers,
)
from exporter.writers.docx.ooxml import add_property
from exporter.writers.docx.styles import (
    BODY,
    BYLINE,
    FIRST_PARAGRAPH,
    HEADING,
    KEY_POINTS,
    KEY_POINTS_LABEL,
    LIST_BULLET,
    LIST_NUMBER,
    SUBTITLE,
    TITLE,
    style_id,
)


def write_title_block(document: Document, article: Article, language: str) -> None:
    """Title, then subtitle and a byline (author · date) when the brief has them."""
    _paragraph(document, TITLE, article.title, language)
    if article.subtitle:
        _paragraph(document, SUBTITLE, article.subtitle, language)
    line = byline(article)
    if line:
        _paragraph(document, BYLINE, line, language)


def write_key_points(document: Document, article: Article, theme: Theme, language: str) -> None:
    """The key-points box: the theme's label (if any) and bulleted points; no points, no box."""
    if not article.key_points:
        return
    label = theme.key_points.label_for(article.metadata.language)
    if label:
        _paragraph(document, KEY_POINTS_LABEL, label, language)
    for point in article.key_points:
        _list_item(document, KEY_POINTS, point.text, KEY_POINTS_LIST, language)


def write_sections(document: Document, article: Article, language: str) -> None:
    for number, section in enumerate(article.sections):
        _write_section(document, section, language, opening=number == 0)


def _write_section(document: Document, section: Section, language: str, *, opening: bool) -> None:
    if section.heading:
        _paragraph(document, HEADING, section.heading.text, language)
    for number, block in enumerate(section.blocks):
        match block:
            case Paragraph():
                first = opening and number == 0 and not section.heading
                _paragraph(document, FIRST_PARAGRAPH if first else BODY, block.text, language)
            case ListBlock():
                _write_list(document, block, language)
            case Quote():
                for paragraph in block.paragraphs:
                    _paragraph(document, BODY, paragraph.text, language)
            case _:
                assert_never(block)


def _write_list(document: Document, block: ListBlock, language: str) -> None:
    if block.ordered:
        style, num_id = LIST_NUMBER, restarted_numbers(document)
    else:
        style, num_id = LIST_BULLET, BULLET_LIST
    for item in block.items:
        _list_item(document, style, item.text, num_id, language)


def _list_item(document: Document, style: str, text: str, num_id: int, language: str) -> None:
    # The style already numbers its paragraphs; saying so on the paragraph too keeps the list
    # intact when a user restyles it, and is how a restarted list names its own numbering.
    paragraph = _paragraph(document, style, text, language)
    add_property(paragraph._p.get_or_add_pPr(), list_membership(num_id))


def _paragraph(document: Document, style: str, text: str, language: str) -> DocxParagraph:
    paragraph = DocxParagraph(_new_body_paragraph(document), document._body)
    # By id: python-docx's lookup by name scans the style sheet for every paragraph.
    paragraph._p.style = style_id(style)
    write_text(paragraph, text, language)
    return paragraph


def _new_body_paragraph(document: Document) -> CT_P:
    """An empty ``w:p`` at the end of the body, before its closing section properties.

    python-docx's ``add_paragraph`` searches the whole body for ``w:sectPr`` every time, which
    makes a brief of many thousands of paragraphs take minutes; the last child is found at once.
    """
    body = document.element.body
    paragraph: CT_P = body.makeelement(qn("w:p"), {})
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(paragraph)
    else:
        body.append(paragraph)
    return paragraph
