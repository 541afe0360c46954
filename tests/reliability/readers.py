"""Reading outputs back with real readers: each function raises if its file is not valid."""

from __future__ import annotations

import io
import json
import re
import zipfile

import docx
import lxml.html
from lxml import etree
from pypdf import PdfReader

from exporter.reading import parse_bytes

_XML_PART = re.compile(r"\.(xml|rels|xhtml|opf|ncx|html)$")


def xml_parts(data: bytes) -> dict[str, etree._Element]:
    """Every XML part of a ZIP package, parsed by lxml (which raises on a malformed one)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        return {
            name: etree.fromstring(package.read(name))
            for name in package.namelist()
            if _XML_PART.search(name)
        }


def read_docx(data: bytes) -> list[str]:
    """The paragraphs' text, after python-docx and lxml have accepted every part."""
    xml_parts(data)
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]


def read_pdf(data: bytes) -> str:
    """The text of every page, after pypdf has parsed the file strictly."""
    reader = PdfReader(io.BytesIO(data), strict=True)
    assert len(reader.pages) >= 1
    return "\n".join(page.extract_text() for page in reader.pages)


def read_epub(data: bytes) -> str:
    """The text of every content document, after lxml has parsed every part."""
    parts = xml_parts(data)
    assert "META-INF/container.xml" in parts
    return "\n".join(
        "".join(root.itertext()) for name, root in parts.items() if name.endswith(".xhtml")
    )


def read_json(data: bytes) -> dict[str, object]:
    document = json.loads(data.decode("utf-8"))
    assert isinstance(document, dict)
    return document


def read_html(data: bytes) -> str:
    """The page's text, after lxml's HTML parser has read it."""
    page = lxml.html.document_fromstring(data)
    assert page.find(".//body") is not None
    return str(page.text_content())


def read_markdown(data: bytes) -> str:
    """The Markdown text, after exporter itself has read it back as a brief."""
    text = data.decode("utf-8")
    parse_bytes(data, "markdown.md")
    return text
