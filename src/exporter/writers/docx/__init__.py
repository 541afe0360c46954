"""DOCX writer: a brief as a Word document built on real styles, numbering and fields.

Everything a reader sees is a named style taken from the theme (Title, Heading 1, Body Text,
List Bullet, Key Points…), lists are Word numbering, page numbers are fields, and the output is
byte-for-byte reproducible.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter

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
    python-docx's own :class:`PackageWriter` writes them, with its steps, and zipped once.
    """
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = _Entries()
    writer = cast(PhysPkgWriter, entries)
    PackageWriter._write_content_types_stream(writer, parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, parts)
    return reproducible_zip(entries.items, zip_timestamp(article), stored=(".odttf",))


class _Entries:
    """Stands in for python-docx's ZIP writer: keeps each (member name, data) in order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.items.append((uri.membername, blob))
