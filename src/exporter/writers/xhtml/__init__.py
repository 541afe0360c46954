"""An article as one XHTML document and a stylesheet from the theme, for EPUB and HTML.

This package knows nothing about EPUB packaging or web pages: it makes a standalone, polyglot
XHTML5 document (:func:`article_document`, or its tree, :func:`article_tree`), the CSS that
styles it (:func:`stylesheet`, plus :func:`screen_stylesheet` for a page in a browser) and the
anchors a table of contents points at (:func:`navigation`).

>>> from exporter.model import Article
>>> from exporter.theme import Theme
>>> b"Rates &lt;on&gt; hold</h1>" in article_document(Article("Rates <on> hold"), Theme())
True
"""

from exporter.writers.xhtml.document import (
    XHTML_NAMESPACE,
    Anchor,
    NavEntry,
    article_document,
    article_tree,
    navigation,
    navigation_tree,
)
from exporter.writers.xhtml.stylesheet import FONT_FACES, FontFace, screen_stylesheet, stylesheet

__all__ = [
    "FONT_FACES",
    "XHTML_NAMESPACE",
    "Anchor",
    "FontFace",
    "NavEntry",
    "article_document",
    "article_tree",
    "navigation",
    "navigation_tree",
    "screen_stylesheet",
    "stylesheet",
]
