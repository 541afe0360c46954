"""DOCX writer: a brief as a Word document built on real styles, numbering and fields.

Everything a reader sees is a named style taken from the theme (Title, Heading 1, Body Text,
List Bullet, Key Points…), lists are Word numbering, page numbers are fields, and the output is
byte-for-byte reproducible.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import cast

from docx.document import Document
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.opc.rel import Relationships

from exporter.model import Article, ParseWarning
from exporter.text.dates import zip_timestamp
from exporter.text.languages import document_language
from exporter.text.readable import readable
from exporter.text.scripts import document_direction
from exporter.text.wording import words_for
from exporter.theme import Theme
from exporter.writers.docx.body import (
    write_key_points,
    write_sections,
    write_source,
    write_title_block,
)
from exporter.writers.docx.fonts import font_warnings, write_fonts
from exporter.writers.docx.properties import write_properties
from exporter.writers.docx.running_heads import unshown_logo, write_running_heads
from exporter.writers.docx.styles import set_language
from exporter.writers.docx.template import new_document
from exporter.writers.reproducible_zip import reproducible_zip

__all__ = ["docx_warnings", "render_docx", "unshown_logo"]


def docx_warnings(article: Article, theme: Theme) -> list[ParseWarning]:
    """What the DOCX cannot carry or show: theme families that cannot be found, fonts whose
    licence forbids embedding them, and an SVG logo."""
    return font_warnings(article, theme) + unshown_logo(article, theme)


def render_docx(article: Article, theme: Theme) -> bytes:
    """Render ``article`` as a DOCX file in ``theme``'s look.

    >>> from exporter.model import Article, ParseWarning
    >>> from exporter.theme import Theme
    >>> render_docx(Article(title="Rates on hold"), Theme())[:2]
    b'PK'
    """
    article = readable(article)
    document = new_document(theme)
    language = document_language(article)
    words = words_for(article, theme)
    set_language(document.styles.element, language, theme, document_direction(article))
    write_fonts(document, article, theme, language)
    write_title_block(document, article, language, words)
    write_key_points(document, article, theme, language)
    write_sections(document, article, language)
    write_source(document, article, language, words)
    write_running_heads(document, article, theme, language)
    write_properties(document, article, language)
    return _package(document, article)


def _package(document: Document, article: Article) -> bytes:
    """The document's parts zipped once, deterministically.

    ``Document.save`` would deflate every part only for :func:`reproducible_zip` to inflate and
    deflate them again, a third of a brief's DOCX time; so the parts are collected in the order
    python-docx's own :class:`PackageWriter` writes them, with its steps, and zipped once. The
    content types and relationships are much the same for every document: their XML, which
    python-docx builds by parsing a snippet for every relationship, is made once per shape.
    """
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    kinds = tuple((str(part.partname), part.content_type) for part in parts)
    entries = [
        (CONTENT_TYPES_URI.membername, _content_types(kinds)),
        (PACKAGE_URI.rels_uri.membername, _relationships_xml(package.rels, "/")),
    ]
    for part in parts:
        entries.append((part.partname.membername, part.blob))
        if len(part.rels):
            entries.append(
                (part.partname.rels_uri.membername, _relationships_xml(part.rels, part.partname))
            )
    return reproducible_zip(entries, zip_timestamp(article), stored=(".odttf",))


@dataclass(frozen=True)
class _PartKind:
    """What python-docx's content types need of a part."""

    partname: PackURI
    content_type: str


@functools.lru_cache(maxsize=64)
def _content_types(kinds: tuple[tuple[str, str], ...]) -> bytes:
    """``[Content_Types].xml`` for parts of these names and content types, as python-docx
    writes it."""
    parts = [_PartKind(PackURI(name), content_type) for name, content_type in kinds]
    blob: bytes = _ContentTypesItem.from_parts(parts).blob  # type: ignore[no-untyped-call]
    return blob


def _relationships_xml(relationships: Relationships, source: str) -> bytes:
    """The ``.rels`` XML of the relationships of the part named ``source`` (``/`` for the
    package), as python-docx writes it; made once for each set of relationships."""
    key = (
        source,
        tuple(
            (
                relationship.rId,
                relationship.reltype,
                relationship.target_ref
                if relationship.is_external
                else str(relationship.target_part.partname),
                relationship.is_external,
            )
            for relationship in relationships.values()
        ),
    )
    xml = _RELATIONSHIPS.get(key)
    if xml is None:
        xml = cast(bytes, relationships.xml)
        if len(_RELATIONSHIPS) < _MAX_REMEMBERED:  # a document's links make new sets
            _RELATIONSHIPS[key] = xml
    return xml


_MAX_REMEMBERED = 256
_RELATIONSHIPS: dict[tuple[str, tuple[tuple[str, str, str, bool], ...]], bytes] = {}
