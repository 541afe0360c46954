"""The document template: a slim package of our own, built once per theme and copied per brief.

python-docx's stock template is US Letter, says it was written by "python-docx" in 2013, carries a
blank thumbnail and 164 styles, and costs more to parse than the rest of a brief takes to write.
Ours holds only the parts and styles a handout uses, with the page, styles, numbering and
settings already taken from the theme.
"""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from typing import cast

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.part import Part, XmlPart
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from exporter.theme import Theme
from exporter.writers.docx.numbering import numbering_definitions
from exporter.writers.docx.office_theme import office_theme
from exporter.writers.docx.ooxml import element, twips
from exporter.writers.docx.styles import style_sheet

_PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006"
_CORE_NAMESPACES = {
    "cp": f"{_PACKAGE_NS}/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_DOCUMENT_NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}

# (part name, content type, relationship type from its source); the first two hang off the package.
# The font table is made per document, with the fonts it carries (exporter.writers.docx.fonts).
_PARTS = (
    ("word/document.xml", CONTENT_TYPE.WML_DOCUMENT_MAIN, RELATIONSHIP_TYPE.OFFICE_DOCUMENT),
    ("docProps/core.xml", CONTENT_TYPE.OPC_CORE_PROPERTIES, RELATIONSHIP_TYPE.CORE_PROPERTIES),
    ("word/styles.xml", CONTENT_TYPE.WML_STYLES, RELATIONSHIP_TYPE.STYLES),
    ("word/numbering.xml", CONTENT_TYPE.WML_NUMBERING, RELATIONSHIP_TYPE.NUMBERING),
    ("word/settings.xml", CONTENT_TYPE.WML_SETTINGS, RELATIONSHIP_TYPE.SETTINGS),
    ("word/theme/theme1.xml", CONTENT_TYPE.OFC_THEME, RELATIONSHIP_TYPE.THEME),
)


def new_document(theme: Theme) -> Document:
    """A fresh, empty document for ``theme``: a private copy of the cached template."""
    return _copy(_template(theme))


def _copy(template: Document) -> Document:
    """A copy of ``template``'s package: its parts anew, each with a copy of its XML (made by
    lxml, in C) and the same relationships; ``copy.deepcopy`` of the python-docx objects
    walked a few hundred Python objects for every document."""
    source = template.part.package
    package = Package()
    copies: dict[Part, Part] = {}
    for part in source.iter_parts():
        if isinstance(part, XmlPart):
            element = copy.deepcopy(part.element)
            copies[part] = type(part)(part.partname, part.content_type, element, package)
        else:
            copies[part] = type(part)(part.partname, part.content_type, part.blob, package)
    for part, copied in copies.items():
        for relationship in part.rels.values():
            target = (
                relationship.target_ref
                if relationship.is_external
                else copies[relationship.target_part]
            )
            copied.rels.add_relationship(
                relationship.reltype, target, relationship.rId, relationship.is_external
            )
    for relationship in source.rels.values():
        package.rels.add_relationship(
            relationship.reltype, copies[relationship.target_part], relationship.rId
        )
    document: Document = cast(DocumentPart, copies[template.part]).document
    return document


@functools.cache
def _template(theme: Theme) -> Document:
    return docx.Document(io.BytesIO(_template_package(theme)))


def _template_package(theme: Theme) -> bytes:
    parts = {
        "word/document.xml": _xml(_empty_body(theme)),
        "docProps/core.xml": _xml(
            etree.Element(f"{{{_CORE_NAMESPACES['cp']}}}coreProperties", nsmap=_CORE_NAMESPACES)
        ),
        "word/styles.xml": _xml(style_sheet(theme)),
        "word/numbering.xml": _xml(numbering_definitions(theme)),
        "word/settings.xml": _xml(_settings(theme)),
        "word/theme/theme1.xml": _xml(office_theme(theme)),
    }
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        package.writestr("[Content_Types].xml", _content_types())
        package.writestr("_rels/.rels", _relationships(_PARTS[:2], prefix=""))
        package.writestr("word/_rels/document.xml.rels", _relationships(_PARTS[2:], prefix="word/"))
        for name, data in parts.items():
            package.writestr(name, data)
    return output.getvalue()


def _empty_body(theme: Theme) -> etree._Element:
    page = theme.page
    section = element(
        "w:sectPr",
        [
            element("w:pgSz", w=twips(page.width), h=twips(page.height)),
            element(
                "w:pgMar",
                top=twips(page.margin_top),
                right=twips(page.margin_right),
                bottom=twips(page.margin_bottom),
                left=twips(page.margin_left),
                header=twips(page.margin_top / 2),
                footer=twips(page.margin_bottom / 2),
                gutter="0",
            ),
        ],
    )
    document = etree.Element(f"{{{_DOCUMENT_NAMESPACES['w']}}}document", nsmap=_DOCUMENT_NAMESPACES)
    document.append(element("w:body", [section]))
    return document


def _settings(theme: Theme) -> etree._Element:
    hyphenation = [element("w:autoHyphenation")] if theme.hyphenate else []
    # Tell Word the file carries fonts, and to keep carrying subsets when it saves it again.
    embedding = (
        [element("w:embedTrueTypeFonts"), element("w:saveSubsetFonts")]
        if theme.docx.embed_fonts
        else []
    )
    compatibility = element(
        "w:compatSetting",
        name="compatibilityMode",
        uri="http://schemas.microsoft.com/office/word",
        val="15",
    )
    return element(
        "w:settings",
        [
            element("w:zoom", percent="100"),
            *embedding,
            element("w:defaultTabStop", val=twips(theme.spacing.list_indent)),
            *hyphenation,
            element("w:characterSpacingControl", val="doNotCompress"),
            element("w:compat", [compatibility]),
        ],
    )


def _content_types() -> bytes:
    namespace = f"{_PACKAGE_NS}/content-types"
    types = etree.fromstring(f'<Types xmlns="{namespace}"/>')
    for extension, content_type in (
        ("rels", CONTENT_TYPE.OPC_RELATIONSHIPS),
        ("xml", CONTENT_TYPE.XML),
    ):
        etree.SubElement(
            types, f"{{{namespace}}}Default", Extension=extension, ContentType=content_type
        )
    for name, content_type, _ in _PARTS:
        etree.SubElement(
            types, f"{{{namespace}}}Override", PartName=f"/{name}", ContentType=content_type
        )
    return _xml(types)


def _relationships(parts: tuple[tuple[str, str, str], ...], *, prefix: str) -> bytes:
    namespace = f"{_PACKAGE_NS}/relationships"
    relationships = etree.fromstring(f'<Relationships xmlns="{namespace}"/>')
    for number, (name, _, relationship_type) in enumerate(parts, start=1):
        etree.SubElement(
            relationships,
            f"{{{namespace}}}Relationship",
            Id=f"rId{number}",
            Type=relationship_type,
            Target=name.removeprefix(prefix),
        )
    return _xml(relationships)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
