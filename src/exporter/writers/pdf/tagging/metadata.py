"""The XMP metadata packet of a tagged PDF: title, author, language, and the PDF/UA claim."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream

from exporter.text.characters import storable

_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What the metadata says, as the document information dictionary says it too."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    moment: datetime
    creator: str
    producer: str
    conforms: bool = True  # whether the file meets PDF/UA-1 (no glyph it cannot show)


def xmp_packet(facts: DocumentFacts) -> bytes:
    """The XMP packet (UTF-8) with Dublin Core, PDF and XMP basics, and ``pdfuaid:part`` 1 when
    the file conforms to PDF/UA-1 (not when it draws characters no font has, which a theme may
    allow with ``pdf.missing_glyphs = "warn"``).

    >>> from datetime import UTC
    >>> facts = DocumentFacts("A & B", "", "", (), "en", datetime(2026, 1, 2, tzinfo=UTC), "x", "y")
    >>> b"<rdf:li xml:lang=\\"x-default\\">A &amp; B</rdf:li>" in xmp_packet(facts)
    True
    """
    stamp = facts.moment.isoformat()
    properties = [
        "<dc:format>application/pdf</dc:format>",
        _alternative("dc:title", facts.title),
        _list("dc:creator", "Seq", [facts.author] if facts.author else []),
        _alternative("dc:description", facts.subject) if facts.subject else "",
        _list("dc:language", "Bag", [facts.language]),
        _list("dc:subject", "Bag", list(facts.keywords)),
        _simple("pdf:Keywords", ", ".join(facts.keywords)) if facts.keywords else "",
        _simple("pdf:Producer", facts.producer),
        _simple("xmp:CreatorTool", facts.creator),
        _simple("xmp:CreateDate", stamp),
        _simple("xmp:ModifyDate", stamp),
        _simple("xmp:MetadataDate", stamp),
        "<pdfuaid:part>1</pdfuaid:part>" if facts.conforms else "",
    ]
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NAMESPACES.items())
    body = "\n".join(f"   {item}" for item in properties if item)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'  <rdf:Description rdf:about="" {namespaces}>\n{body}\n  </rdf:Description>\n'
        " </rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


class MetadataStream(PDFStream):
    """The packet as a metadata stream, left uncompressed so that any tool can find it."""

    def __init__(self, packet: bytes) -> None:
        dictionary = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
        super().__init__(dictionary=dictionary, content=packet)

    def format(self, document: Any) -> bytes:
        dictionary = PDFDictionary(self.dictionary.dict.copy())
        content = bytes(document.encrypt.encode(self.content))
        dictionary["Length"] = len(content)
        head = bytes(dictionary.format(document))
        return head + b"\nstream\n" + content + b"\nendstream\n"


def _text(value: str) -> str:
    # html's escape, not xml.sax.saxutils' (the same three characters): that one imports
    # urllib.request, ~25 ms of a fresh process.
    return escape(storable(value), quote=False)


def _simple(name: str, value: str) -> str:
    return f"<{name}>{_text(value)}</{name}>"


def _alternative(name: str, value: str) -> str:
    item = f'<rdf:li xml:lang="x-default">{_text(value)}</rdf:li>'
    return f"<{name}><rdf:Alt>{item}</rdf:Alt></{name}>"


def _list(name: str, kind: str, values: list[str]) -> str:
    if not values:
        return ""
    items = "".join(f"<rdf:li>{_text(value)}</rdf:li>" for value in values)
    return f"<{name}><rdf:{kind}>{items}</rdf:{kind}></{name}>"
