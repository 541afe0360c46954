"""Document properties (title, author, dates, language) without python-docx's defaults."""

from __future__ import annotations

import re

from docx.document import Document

from exporter.model import Article
from exporter.timestamps import document_timestamp
from exporter.writers.docx.ooxml import ooxml_text

DEFAULT_LANGUAGE = "en-US"
# A BCP 47 tag in the shape Word accepts: language, then optional script/region/variants.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# The package format limits each text property to 255 characters.
_PROPERTY_LENGTH = 255


def document_language(article: Article) -> str:
    """The brief's language as a BCP 47 tag; ``en-US`` when unknown or malformed."""
    language = (article.metadata.language or "").strip().replace("_", "-")
    return language if _LANGUAGE_TAG.fullmatch(language) else DEFAULT_LANGUAGE


def write_properties(document: Document, article: Article, language: str) -> None:
    metadata = article.metadata
    properties = document.core_properties
    properties.title = _property(article.title)
    if metadata.author:
        properties.author = _property(metadata.author)
    subject = article.subtitle or metadata.description
    if subject:
        properties.subject = _property(subject)
    if metadata.description:
        properties.comments = _property(metadata.description)
    if metadata.keywords:
        properties.keywords = _property(", ".join(metadata.keywords))
    properties.language = language
    properties.created = properties.modified = document_timestamp(article)
    properties.revision = 1


def _property(text: str) -> str:
    return ooxml_text(text)[:_PROPERTY_LENGTH]
