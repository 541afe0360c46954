"""Runs of text inside a paragraph: the one place text enters the document, links included."""

from __future__ import annotations

from typing import assert_never
from urllib.parse import quote

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from exporter.inline import Link, split_links
from exporter.writers.docx.ooxml import element, ooxml_text
from exporter.writers.docx.styles import HYPERLINK, style_id

# Characters a URI may hold as they are; anything else (spaces, non-ASCII) is percent-encoded.
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def write_text(paragraph: Paragraph, text: str) -> None:
    """Append ``text`` to ``paragraph`` literally, with web addresses as clickable links."""
    for part in split_links(ooxml_text(text)):
        match part:
            case str():
                paragraph.add_run(part)
            case Link():
                _write_link(paragraph, part)
            case _:
                assert_never(part)


def _write_link(paragraph: Paragraph, link: Link) -> None:
    # The relationship lives in the part the paragraph belongs to (body, header or footer).
    relationship = paragraph.part.relate_to(
        quote(link.target, safe=_URI_SAFE), RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    run = element("w:r", [element("w:rPr", [element("w:rStyle", val=style_id(HYPERLINK))])])
    Run(run, paragraph).text = link.text  # type: ignore[arg-type]
    hyperlink = element("w:hyperlink", [run], history="1")
    paragraph._p.append(hyperlink)
    # Set once attached, so the ``r:`` prefix declared on the part's root is reused.
    hyperlink.set(qn("r:id"), relationship)
