"""Document properties (title, author, dates, language) without python-docx's defaults."""

from __future__ import annotations

from docx.document import Document

from exporter.model import Article
from exporter.text.dates import document_timestamp
from exporter.text.metadata import subject
from exporter.writers.docx.ooxml import ooxml_text

# The package format limits each text property to 255 characters.
_PROPERTY_LENGTH = 255


def write_properties(document: Document, article: Article, language: str) -> None:
    metadata = article.metadata
    properties = document.core_properties
    properties.title = _property(article.title)
    if metadata.author:
        properties.author = _property(metadata.author)
    about = subject(article)
    if about:
        properties.subject = _property(about)
    if metadata.description:
        properties.comments = _property(metadata.description)
    if metadata.keywords:
        properties.keywords = _property(", ".join(metadata.keywords))
    properties.language = language
    properties.created = properties.modified = document_timestamp(article)
    properties.revision = 1


def _property(text: str) -> str:
    return ooxml_text(text)[:_PROPERTY_LENGTH]
