"""The EPUB container: content document, stylesheet, navigation, NCX and package document."""

from __future__ import annotations

import io

from ebooklib import epub  # type: ignore[import-untyped]

from exporter.fonts.usage import document_characters
from exporter.model import Article
from exporter.theme import Theme
from exporter.timestamps import document_timestamp, zip_timestamp
from exporter.writers.epub.fonts import embedded_fonts
from exporter.writers.epub.metadata import describe
from exporter.writers.xhtml import (
    article_document,
    navigation,
    readable,
    stylesheet,
    text_direction,
    xml_storable,
)
from exporter.writers.zipfile_normal import normalise_zip

_CONTENT = "article.xhtml"
_STYLESHEET = "style.css"
_XHTML = "application/xhtml+xml"

# Our content document is complete XHTML already, so it goes in as a plain item that ebooklib
# writes verbatim (its EpubHtml re-parses with an HTML parser). Without page-list scanning there
# is nothing left for ebooklib to parse; raise_exceptions makes write errors raise. The archive
# is rewritten by normalise_zip, which compresses each entry: ebooklib need not compress too.
_WRITE_OPTIONS = {"epub3_pages": False, "raise_exceptions": True, "compresslevel": 0}


def render_epub(article: Article, theme: Theme) -> bytes:
    """The article as an EPUB 3 file: byte-identical for the same article, theme and version."""
    article = readable(article)
    book = epub.EpubBook()
    describe(book, article, theme)
    _add_content(book, article, theme)
    _add_navigation(book, article)
    return _write(book, article)


def _add_content(book: epub.EpubBook, article: Article, theme: Theme) -> None:
    document = article_document(article, theme, stylesheet_href=_STYLESHEET)
    content = epub.EpubItem(uid="article", file_name=_CONTENT, media_type=_XHTML, content=document)
    fonts = embedded_fonts(theme, "fonts", document_characters(article, theme))
    for number, font in enumerate(fonts, start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"font-{number}",
                file_name=font.face.url,
                media_type=font.media_type,
                content=font.data,
            )
        )
    css = stylesheet(theme, [font.face for font in fonts]).encode("utf-8")
    book.add_item(
        epub.EpubItem(uid="style", file_name=_STYLESHEET, media_type="text/css", content=css)
    )
    book.add_item(content)
    book.spine = [content]
    if text_direction(article) == "rtl":
        book.set_direction("rtl")


def _add_navigation(book: epub.EpubBook, article: Article) -> None:
    nav = epub.EpubNav(title=xml_storable(article.title), direction=text_direction(article))
    nav.add_link(href=_STYLESHEET, rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.toc = [
        epub.Link(f"{_CONTENT}#{anchor.id}", xml_storable(anchor.label), f"nav-{anchor.id}")
        for anchor in navigation(article)
    ]


def _write(book: epub.EpubBook, article: Article) -> bytes:
    buffer = io.BytesIO()
    options = _WRITE_OPTIONS | {"mtime": document_timestamp(article)}
    epub.write_epub(buffer, book, options)
    return normalise_zip(buffer.getvalue(), zip_timestamp(article), first="mimetype")
