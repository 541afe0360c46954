"""Runs of text inside a paragraph: the one place text enters the document, links included."""

from __future__ import annotations

from typing import assert_never

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from exporter.text.links import Link, split_links
from exporter.text.scripts import (
    foreign_runs,
    has_right_to_left,
    is_east_asian,
    is_right_to_left,
)
from exporter.writers.docx.ooxml import element, ooxml_text, properties
from exporter.writers.docx.styles import HYPERLINK, style_id


def write_text(paragraph: Paragraph, text: str, language: str) -> None:
    """Append ``text`` to ``paragraph`` literally, with web addresses as clickable links.

    Runs in another script than the document's ``language`` are tagged with their language,
    and right-to-left runs are marked so, for Word's proofing, fonts and layout.
    """
    for part in split_links(ooxml_text(text)):
        match part:
            case str():
                for run, run_language in foreign_runs(part, language):
                    paragraph._p.append(_run(run, language=run_language))
            case Link():
                _write_link(paragraph, part)
            case _:
                assert_never(part)


def _write_link(paragraph: Paragraph, link: Link) -> None:
    # The relationship lives in the part the paragraph belongs to (body, header or footer).
    relationship = paragraph.part.relate_to(
        link.target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    run = _run(link.text, style=HYPERLINK)
    hyperlink = element("w:hyperlink", [run], history="1")
    paragraph._p.append(hyperlink)
    # Set once attached, so the ``r:`` prefix declared on the part's root is reused.
    hyperlink.set(qn("r:id"), relationship)


def _run(text: str, *, style: str | None = None, language: str | None = None) -> etree._Element:
    """A ``w:r`` holding ``text``, tabs as ``w:tab``, spaces kept; in character ``style``,
    tagged with ``language`` when it is not the document's."""
    formats = [element("w:rStyle", val=style_id(style))] if style else []
    if has_right_to_left(text):
        formats.append(element("w:rtl"))
    if language is not None:
        formats.append(_language(language))
    children = [properties("w:rPr", formats)] if formats else []
    for number, piece in enumerate(text.split("\t")):
        if number:
            children.append(element("w:tab"))
        if piece:
            children.append(_text(piece))
    return element("w:r", children)


def _language(tag: str) -> etree._Element:
    # Word keeps one language per script class: Latin-like, East Asian, complex (bidi).
    if is_right_to_left(tag):
        return element("w:lang", bidi=tag)
    if is_east_asian(tag):
        return element("w:lang", eastAsia=tag)
    return element("w:lang", val=tag)


def _text(text: str) -> etree._Element:
    node = element("w:t")
    node.text = text
    if text != text.strip():
        node.set(qn("xml:space"), "preserve")
    return node
