"""Runs of text inside a paragraph: the one place text enters the document, links included.

A marked span is a run in a character style: ``Strong``, ``Emphasis``, ``Verbatim Char`` for
code, ``Hyperlink`` for a link (the spans of one link share one ``w:hyperlink``). A run has one
character style, so a span marked twice (strong emphasis, strong text in a link) takes the style
of its strongest mark and the others as bold or italic on the run.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from exporter.model import Inline, Span
from exporter.text.links import linked_spans
from exporter.text.scripts import (
    foreign_runs,
    has_right_to_left,
    is_east_asian,
    is_right_to_left,
)
from exporter.writers.docx.ooxml import bold, element, italic, ooxml_text, properties
from exporter.writers.docx.styles import CODE, EMPHASIS, HYPERLINK, STRONG, style_id


def write_text(paragraph: Paragraph, text: Inline | str, language: str) -> None:
    """Append ``text`` to ``paragraph`` literally, its marked spans in their character styles,
    links and web addresses as clickable links, line breaks as ``w:br``.

    Runs in another script than the document's ``language`` are tagged with their language,
    and right-to-left runs are marked so, for Word's proofing, fonts and layout.
    """
    spans = linked_spans(text if isinstance(text, Inline) else Inline(text))
    for link, group in itertools.groupby(spans, key=lambda span: span.link):
        runs = [run for span in group for run in _span_runs(span, language)]
        if link is None:
            paragraph._p.extend(runs)
        else:
            _write_link(paragraph, link, runs)


def _span_runs(span: Span, language: str) -> Iterator[etree._Element]:
    if span.text == "\n":
        yield element("w:r", [element("w:br")])
        return
    style, direct = _character_style(span)
    for run, run_language in foreign_runs(ooxml_text(span.text), language):
        yield _run(run, style=style, language=run_language, direct=direct)


def _character_style(span: Span) -> tuple[str | None, list[etree._Element]]:
    """The character style of ``span`` and the marks its style does not give, as run
    properties: code's style wins, then a link's, then strong's."""
    if span.code:
        style = CODE
    elif span.link is not None:
        style = HYPERLINK
    elif span.strong:
        style = STRONG
    elif span.emphasis:
        style = EMPHASIS
    else:
        return None, []
    direct = bold() if span.strong and style != STRONG else []
    return style, direct + (italic() if span.emphasis and style != EMPHASIS else [])


def _write_link(paragraph: Paragraph, target: str, runs: list[etree._Element]) -> None:
    # The relationship lives in the part the paragraph belongs to (body, header or footer).
    relationship = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = element("w:hyperlink", runs, history="1")
    paragraph._p.append(hyperlink)
    # Set once attached, so the ``r:`` prefix declared on the part's root is reused.
    hyperlink.set(qn("r:id"), relationship)


def _run(
    text: str,
    *,
    style: str | None = None,
    language: str | None = None,
    direct: list[etree._Element] | None = None,
) -> etree._Element:
    """A ``w:r`` holding ``text``, tabs as ``w:tab``, spaces kept; in character ``style``
    with ``direct`` run properties, tagged with ``language`` when it is not the document's."""
    formats = [element("w:rStyle", val=style_id(style))] if style else []
    formats += direct or []
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
