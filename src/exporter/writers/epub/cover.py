"""The EPUB's cover: an image e-reader libraries show as the book's tile, and its first page.

The image is the theme's own (``[epub] cover``), or one generated here as SVG from the title,
subtitle and date in the theme's colours and title font, with the theme's logo
(``[brand] logo``) at the foot. Generated text is plain SVG text (no font files, no rendering
library), so the cover costs nothing to make and is the same bytes for the same brief and theme.
Text is wrapped by an estimate of its width (wide East Asian characters count double): an
e-reader draws it with whatever font it has, so exact metrics could not be relied on anyway.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lxml import etree

from exporter.model import Article
from exporter.text.characters import storable
from exporter.text.languages import document_language
from exporter.text.scripts import document_direction
from exporter.theme import Color, Theme, image_bytes, image_kind
from exporter.writers.epub.metadata import contrast

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_XHTML = "http://www.w3.org/1999/xhtml"
_EPUB = "http://www.idpf.org/2007/ops"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}
_EXTENSIONS = {"png": ".png", "jpeg": ".jpg", "svg": ".svg"}

# The generated cover: 2:3, the shape e-reader libraries show, in SVG user units.
_WIDTH, _HEIGHT = 1200, 1800
_MARGIN = 110
_BAND = 1080  # the coloured upper part holding title and subtitle
_WHITE = Color("FFFFFF")


@dataclass(frozen=True, slots=True)
class Image:
    """A file in the book: its name, media type and bytes."""

    file_name: str
    media_type: str
    data: bytes


def cover_image(article: Article, theme: Theme) -> Image:
    """The cover image: the theme's ``[epub] cover``, else one generated from the article."""
    if theme.epub.cover is not None:
        return theme_image(theme.epub.cover, "cover")
    return Image("cover.svg", _MEDIA_TYPES["svg"], _generated_cover(article, theme))


def logo_image(theme: Theme) -> Image | None:
    """The theme's logo as a file of the book, if it has one."""
    return theme_image(theme.brand.logo, "logo") if theme.brand.logo is not None else None


def theme_image(path: str, stem: str) -> Image:
    data = image_bytes(path)
    kind = image_kind(data[:1024]) or "png"  # the theme loader checked it is an image
    return Image(stem + _EXTENSIONS[kind], _MEDIA_TYPES[kind], data)


def cover_page(article: Article, image: Image) -> bytes:
    """The XHTML first page that shows ``image``, with the title as its text alternative."""
    language = document_language(article)
    # None is lxml's key for the default namespace; lxml-stubs do not allow it.
    html = etree.Element(f"{{{_XHTML}}}html", nsmap={None: _XHTML, "epub": _EPUB})  # type: ignore[dict-item]
    html.set("lang", language)
    html.set(_XML_LANG, language)
    head = etree.SubElement(html, f"{{{_XHTML}}}head")
    etree.SubElement(head, f"{{{_XHTML}}}title").text = storable(article.title) or "Cover"
    style = etree.SubElement(head, f"{{{_XHTML}}}style")
    style.text = (
        "html, body { margin: 0; padding: 0; height: 100%; text-align: center; } "
        "img { max-width: 100%; max-height: 100vh; }"
    )
    body = etree.SubElement(html, f"{{{_XHTML}}}body")
    img = etree.SubElement(body, f"{{{_XHTML}}}img")
    img.set("src", image.file_name)
    img.set("alt", _alternative(article))
    # The semantic and its ARIA role on the same element, as DPUB-ARIA pairs them.
    img.set(f"{{{_EPUB}}}type", "cover")
    img.set("role", "doc-cover")
    document: bytes = etree.tostring(
        html, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )
    return document


def _alternative(article: Article) -> str:
    parts = (article.title, article.subtitle, article.metadata.date)
    return storable(" — ".join(part for part in parts if part)) or "Cover"


def _generated_cover(article: Article, theme: Theme) -> bytes:
    colors = theme.colors
    # Text on the band: white when it reads well on the accent colour, else the title colour.
    ink = _WHITE if contrast(colors.accent, _WHITE) >= 4.5 else colors.title
    svg = etree.Element(f"{{{_SVG}}}svg", nsmap={None: _SVG, "xlink": _XLINK})  # type: ignore[dict-item]
    for name, value in (
        ("version", "1.1"),
        ("width", str(_WIDTH)),
        ("height", str(_HEIGHT)),
        ("viewBox", f"0 0 {_WIDTH} {_HEIGHT}"),
    ):
        svg.set(name, value)
    svg.set(_XML_LANG, document_language(article))
    etree.SubElement(svg, f"{{{_SVG}}}title").text = _alternative(article)
    _rect(svg, 0, 0, _HEIGHT, _WHITE)
    _rect(svg, 0, 0, _BAND, colors.accent)
    family = _families(theme)
    rtl = document_direction(article) == "rtl"
    y = _lines(svg, storable(article.title), 200, 88, 5, family, ink, rtl, bold=True)
    if article.subtitle:
        _lines(svg, storable(article.subtitle), y + 40, 52, 4, family, ink, rtl, bold=False)
    if article.metadata.date:
        date = storable(article.metadata.date)
        _lines(svg, date, _BAND + 140, 48, 1, family, colors.muted, rtl, bold=False)
    logo = logo_image(theme)
    if logo is not None:
        image = etree.SubElement(svg, f"{{{_SVG}}}image")
        for name, number in (("x", 400), ("y", 1420), ("width", 400), ("height", 260)):
            image.set(name, str(number))
        image.set("preserveAspectRatio", "xMidYMid meet")
        image.set(f"{{{_XLINK}}}href", logo.file_name)
    data: bytes = etree.tostring(svg, xml_declaration=True, encoding="utf-8")
    return data


def _rect(svg: etree._Element, x: int, y: int, height: int, fill: Color) -> None:
    rect = etree.SubElement(svg, f"{{{_SVG}}}rect")
    for name, value in (("x", x), ("y", y), ("width", _WIDTH), ("height", height)):
        rect.set(name, str(value))
    rect.set("fill", fill.css)


def _lines(
    svg: etree._Element,
    text: str,
    top: int,
    size: int,
    most: int,
    family: str,
    fill: Color,
    rtl: bool,
    *,
    bold: bool,
) -> int:
    """Draw ``text`` centred, wrapped to the cover's width in at most ``most`` lines (a
    smaller size first, then cut with an ellipsis); return the y below the last line."""
    lines = _wrap(text, size)
    while len(lines) > most and size > 40:
        size = int(size * 0.85)
        lines = _wrap(text, size)
    if len(lines) > most:
        lines = [*lines[: most - 1], lines[most - 1] + "…"]
    baseline = top
    for line in lines:
        baseline += int(size * 1.2)
        element = etree.SubElement(svg, f"{{{_SVG}}}text")
        attributes = {
            "x": str(_WIDTH // 2),
            "y": str(baseline),
            "text-anchor": "middle",
            "font-family": family,
            "font-size": str(size),
            "font-weight": "bold" if bold else "normal",
            "fill": fill.css,
        }
        if rtl:
            attributes |= {"direction": "rtl", "unicode-bidi": "embed"}
        for name, value in attributes.items():
            element.set(name, value)
        element.text = line
    return baseline + int(size * 0.4)


def _wrap(text: str, size: int) -> list[str]:
    """``text`` in lines that fit the cover's width at ``size``, by estimated widths."""
    room = (_WIDTH - 2 * _MARGIN) / size  # in ems
    lines: list[str] = []
    line = ""
    for word in _words(text):
        candidate = f"{line} {word}" if line and not _is_wide(word[0]) else line + word
        if line and _width(candidate) > room:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _words(text: str) -> list[str]:
    """Words to wrap at: spaces, and between wide (CJK) characters, which need none."""
    words: list[str] = []
    for word in text.split():
        if any(_is_wide(char) for char in word):
            words.extend(word)
        else:
            words.append(word)
    return words


def _width(text: str) -> float:
    return sum(1.0 if _is_wide(char) else 0.58 for char in text)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _families(theme: Theme) -> str:
    font = theme.fonts.title
    names = ", ".join(f"'{name}'" for name in (font.family, *font.fallbacks))
    return f"{names}, sans-serif"
