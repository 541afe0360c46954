"""DOCX writer: a brief as a Word document built on real styles, numbering and fields.

Everything a reader sees is a named style taken from the theme (Title, Heading 1, Body Text,
List Bullet, Key Points…), lists are Word numbering, page numbers are fields, and the output is
byte-for-byte reproducible.
"""

from __future__ import annotations

import io

from docx.document import Document

from exporter.model import Article
from exporter.theme import Theme
from exporter.timestamps import zip_timestamp
from exporter.writers.docx.body import write_key_points, write_sections, write_title_block
from exporter.writers.docx.language import document_language
from exporter.writers.docx.properties import write_properties
from exporter.writers.docx.running_heads import write_running_heads
from exporter.writers.docx.styles import set_language
from exporter.writers.docx.template import new_document
from exporter.writers.zipfile_normal import normalise_zip

__all__ = ["render_docx"]


def render_docx(article: Article, theme: Theme) -> bytes:
    """Render ``article`` as a DOCX file in ``theme``'s look.

    >>> from exporter.model import Article
    >>> from exporter.theme import Theme
    >>> render_docx(Article(title="Rates on hold"), Theme())[:2]
    b'PK'
    """
    document = new_document(theme)
    language = document_language(article)
    set_language(document.styles.element, language, theme)
    write_title_block(document, article, language)
    write_key_points(document, article, theme, language)
    write_sections(document, article, language)
    write_running_heads(document, article, theme, language)
    write_properties(document, article, language)
    return _package(document, article)


def _package(document: Document, article: Article) -> bytes:
    output = io.BytesIO()
    document.save(output)
    return normalise_zip(output.getvalue(), zip_timestamp(article))
