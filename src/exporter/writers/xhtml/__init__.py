"""An article as one XHTML document and a stylesheet from the theme, for EPUB and (later) HTML.

This package knows nothing about EPUB packaging: it makes a standalone, polyglot XHTML5
document (:func:`article_document`), the CSS that styles it (:func:`stylesheet`) and the
anchors a table of contents points at (:func:`navigation`).

>>> from exporter.model import Article
>>> from exporter.theme import Theme
>>> b"Rates &lt;on&gt; hold</h1>" in article_document(Article("Rates <on> hold"), Theme())
True
"""

from exporter.writers.xhtml.document import XHTML_NAMESPACE, Anchor, article_document, navigation
from exporter.writers.xhtml.links import link_href
from exporter.writers.xhtml.stylesheet import FONT_FACES, FontFace, stylesheet
from exporter.writers.xhtml.text import (
    UNDETERMINED_LANGUAGE,
    Direction,
    language_tag,
    readable,
    text_direction,
    xml_storable,
)

__all__ = [
    "FONT_FACES",
    "UNDETERMINED_LANGUAGE",
    "XHTML_NAMESPACE",
    "Anchor",
    "Direction",
    "FontFace",
    "article_document",
    "language_tag",
    "link_href",
    "navigation",
    "readable",
    "stylesheet",
    "text_direction",
    "xml_storable",
]
