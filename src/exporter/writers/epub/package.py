"""The EPUB container: content document, stylesheet, navigation, NCX and package document."""

from __future__ import annotations

from ebooklib import epub  # type: ignore[import-untyped]
from lxml import etree

from exporter.fonts.usage import document_characters
from exporter.model import Article
from exporter.text.characters import storable
from exporter.text.dates import document_timestamp, zip_timestamp
from exporter.text.readable import readable
from exporter.text.scripts import document_direction
from exporter.text.wording import words_for
from exporter.theme import Theme
from exporter.writers.epub.cover import Image, cover_image, cover_page, logo_image
from exporter.writers.epub.fonts import embedded_fonts
from exporter.writers.epub.metadata import write_package_metadata
from exporter.writers.reproducible_zip import reproducible_zip
from exporter.writers.xhtml import (
    NavEntry,
    article_document,
    navigation,
    navigation_tree,
    stylesheet,
)

_CONTENT = "article.xhtml"
_COVER = "cover.xhtml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STYLESHEET = "style.css"
_XHTML = "application/xhtml+xml"

# Our content document is complete XHTML already, so it goes in as a plain item that ebooklib
# writes verbatim (its EpubHtml re-parses with an HTML parser). Without page-list scanning there
# is nothing left for ebooklib to parse; raise_exceptions makes write errors raise.
_WRITE_OPTIONS = {"epub3_pages": False, "raise_exceptions": True}


def render_epub(article: Article, theme: Theme) -> bytes:
    """The article as an EPUB 3 file: byte-identical for the same article, theme and version."""
    article = readable(article)
    book = epub.EpubBook()
    write_package_metadata(book, article, theme)
    _add_content(book, article, theme)
    _add_cover(book, article, theme)
    _add_navigation(book, article, theme)
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
    if document_direction(article) == "rtl":
        book.set_direction("rtl")


def _add_cover(book: epub.EpubBook, article: Article, theme: Theme) -> None:
    """The cover image (``properties="cover-image"``) and the first page that shows it."""
    image = cover_image(article, theme)
    cover = epub.EpubCover(uid="cover-image", file_name=image.file_name)
    cover.media_type, cover.content = image.media_type, image.data
    book.add_item(cover)
    logo = logo_image(theme)
    if logo is not None and theme.epub.cover is None:  # the generated cover shows it
        book.add_item(_image_item("logo", logo))
    page = epub.EpubItem(
        uid="cover", file_name=_COVER, media_type=_XHTML, content=cover_page(article, image, theme)
    )
    book.add_item(page)
    book.spine = [page, *book.spine]
    # EPUB 2 readers (and Calibre, Kindle) find the cover by this meta instead.
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})


def _image_item(uid: str, image: Image) -> epub.EpubItem:
    return epub.EpubItem(
        uid=uid, file_name=image.file_name, media_type=image.media_type, content=image.data
    )


def _add_navigation(book: epub.EpubBook, article: Article, theme: Theme) -> None:
    """The navigation document, headed by the contents label in the book's language, and the
    NCX for older reading systems."""
    contents = storable(words_for(article, theme).contents)
    nav = epub.EpubNav(title=contents, direction=document_direction(article))
    nav.add_link(href=_STYLESHEET, rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.toc = _toc(navigation_tree(navigation(article)))


def _toc(entries: tuple[NavEntry, ...]) -> list[object]:
    """ebooklib's table of contents: a link per heading; a heading with subsections is a
    ``(Section, [entries])`` pair (never with an empty list: an empty ``ol`` is invalid)."""
    toc: list[object] = []
    for entry in entries:
        href, label = f"{_CONTENT}#{entry.anchor.id}", storable(entry.anchor.label)
        if entry.children:
            toc.append((epub.Section(label, href), _toc(entry.children)))
        else:
            toc.append(epub.Link(href, label, f"nav-{entry.anchor.id}"))
    return toc


def _write(book: epub.EpubBook, article: Article) -> bytes:
    writer = _PackageWriter("", book, _WRITE_OPTIONS | {"mtime": document_timestamp(article)})
    writer.process()
    entries = writer.entries()
    return reproducible_zip(entries, zip_timestamp(article), first="mimetype")


class _PackageWriter(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer, handing over its entries instead of writing a ZIP file, with the
    book's language on the package element as well.

    ebooklib's own ``write`` deflates every entry into a ZIP file that
    :func:`reproducible_zip` would read back and deflate again; its steps are the same here,
    into a list of entries that is zipped once.

    Reading systems and checkers (DAISY Ace's ``epub-lang``) take the package document's own
    language from ``<package xml:lang>``; ebooklib writes ``dc:language`` only and has no option
    for it, so it is set here, on the finished element, just before ebooklib serialises it.
    """

    def entries(self) -> list[tuple[str, bytes]]:
        """The archive's entries (name, data) in ebooklib's order: what ``write`` writes."""
        self.out = _Entries()
        self.out.writestr("mimetype", "application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()
        return self.out.items

    def _write_opf_file(self, root: etree._Element) -> None:
        root.set(_XML_LANG, self.book.language)
        super()._write_opf_file(root)


class _Entries:
    """Stands in for the ``zipfile.ZipFile`` ebooklib writes to: keeps (name, data) in order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def writestr(self, name: str, data: str | bytes, **_options: object) -> None:
        # zipfile stores text as UTF-8.
        self.items.append((name, data.encode("utf-8") if isinstance(data, str) else data))
