"""The visible content: title block, key-points box and sections, in reading order."""

from __future__ import annotations

from typing import assert_never

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from exporter.model import Article, Inline, ListBlock, Paragraph, Quote, Section
from exporter.text.metadata import byline, source_line
from exporter.text.wording import Words
from exporter.theme import Theme
from exporter.writers.docx.inline import write_text
from exporter.writers.docx.numbering import (
    BULLET_LIST,
    KEY_POINTS_LIST,
    list_membership,
    restarted_numbers,
)
from exporter.writers.docx.ooxml import element
from exporter.writers.docx.styles import (
    BODY,
    BYLINE,
    FIRST_PARAGRAPH,
    KEY_POINTS,
    KEY_POINTS_LABEL,
    LIST_BULLET,
    LIST_BULLET_2,
    LIST_NUMBER,
    LIST_NUMBER_2,
    QUOTE,
    SOURCE,
    SUBTITLE,
    TITLE,
    heading_style,
    style_id,
)


def write_title_block(document: Document, article: Article, language: str, words: Words) -> None:
    """Title, then subtitle and a byline (author · date) when the brief has them."""
    _paragraph(document, TITLE, article.title, language)
    if article.subtitle:
        _paragraph(document, SUBTITLE, article.subtitle, language)
    line = byline(article, words)
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
        _list_item(document, KEY_POINTS, point, KEY_POINTS_LIST, language)


def write_sections(document: Document, article: Article, language: str) -> None:
    for number, section in enumerate(article.sections):
        _write_section(document, section, language, opening=number == 0)


def write_source(document: Document, article: Article, language: str, words: Words) -> None:
    """The line naming the story's source, at the end, its address a link."""
    line = source_line(article, words)
    if line is not None:
        _paragraph(document, SOURCE, line, language)


def _write_section(document: Document, section: Section, language: str, *, opening: bool) -> None:
    if section.heading:
        _paragraph(document, heading_style(section.level), section.heading, language)
    for number, block in enumerate(section.blocks):
        match block:
            case Paragraph():
                first = opening and number == 0 and not section.heading
                _paragraph(document, FIRST_PARAGRAPH if first else BODY, block, language)
            case ListBlock():
                _write_list(document, block, language)
            case Quote():
                for paragraph in block.paragraphs:
                    _paragraph(document, QUOTE, paragraph, language)
            case _:
                assert_never(block)


def _write_list(
    document: Document, block: ListBlock, language: str, *, within: tuple[bool, int] | None = None
) -> None:
    """A list; an item's nested list follows it at the second level. ``within`` is the
    ordering and ``w:numId`` of the list a nested one sits in: a nested list of the same kind
    continues it at the second level (which restarts under each item)."""
    level = 0 if within is None else 1
    if within is not None and within[0] == block.ordered:
        num_id = within[1]
    elif block.ordered:
        num_id = restarted_numbers(document)
    else:
        num_id = BULLET_LIST
    styles = (LIST_NUMBER, LIST_NUMBER_2) if block.ordered else (LIST_BULLET, LIST_BULLET_2)
    for item in block.items:
        _list_item(document, styles[level], item, num_id, language, level)
        if item.sublist is not None:
            _write_list(document, item.sublist, language, within=(block.ordered, num_id))


def _list_item(
    document: Document, style: str, text: Inline, num_id: int, language: str, level: int = 0
) -> None:
    # The style already numbers its paragraphs; saying so on the paragraph too keeps the list
    # intact when a user restyles it, and is how a restarted list names its own numbering.
    _paragraph(document, style, text, language, list_membership(num_id, level))


def _paragraph(
    document: Document,
    style: str,
    text: Inline | str,
    language: str,
    numbering: etree._Element | None = None,
) -> None:
    """A paragraph in ``style`` (and in a list, with ``numbering``) at the end of the body."""
    # Built as XML: python-docx's setters search the paragraph for each property's place, and
    # its lookup by style name scans the style sheet, for every paragraph.
    style_property = element("w:pStyle", val=style_id(style))
    paragraph_properties = element(
        "w:pPr", [style_property] if numbering is None else [style_property, numbering]
    )
    paragraph = DocxParagraph(_new_body_paragraph(document, paragraph_properties), document._body)
    write_text(paragraph, text, language)


def _new_body_paragraph(document: Document, paragraph_properties: etree._Element) -> CT_P:
    """A ``w:p`` with its properties at the end of the body, before its closing section
    properties.

    python-docx's ``add_paragraph`` searches the whole body for ``w:sectPr`` every time, which
    makes a brief of many thousands of paragraphs take minutes; the last child is found at once.
    """
    body = document.element.body
    paragraph: CT_P = body.makeelement(qn("w:p"), {})
    paragraph.append(paragraph_properties)
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(paragraph)
    else:
        body.append(paragraph)
    return paragraph
