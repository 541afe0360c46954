"""EPUB 3: the article's XHTML (from :mod:`exporter.writers.xhtml`) packaged with ebooklib.

>>> from exporter.model import Article
>>> from exporter.theme import Theme
>>> render_epub(Article(title="Rates on hold"), Theme())[:4]
b'PK\\x03\\x04'
"""

from exporter.writers.epub.package import render_epub

__all__ = ["render_epub"]
