"""The EPUB cover: declared as the cover image, shown as the first page, made from the title,
subtitle and date in the theme's colours (or the theme's own image), with the theme's logo.
(EPUBCheck checks these books in tests/writers/test_epub.py.)"""

from __future__ import annotations

import struct
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from lxml import etree

from exporter.errors import ThemeError
from exporter.model import Article, Metadata
from exporter.theme import Brand, Color, Colors, Epub, Theme, load_theme
from exporter.writers.epub import render_epub


def _png(width: int, height: int) -> bytes:
    """A real (tiny, red) PNG file, made here so the tests need no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = _png(4, 2)
SVG_LOGO = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
    b'version="1.1" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" '
    b'fill="#0a0"/></svg>\n'
)
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "svg": "http://www.w3.org/2000/svg",
    "h": "http://www.w3.org/1999/xhtml",
    "xlink": "http://www.w3.org/1999/xlink",
}
ARTICLE = Article(
    title="Budget: The Long Version of a Very Long Story Told at Length",
    subtitle="What the council decided",
    metadata=Metadata(date="2025-03-19", language="en"),
)


def book(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def package(files: dict[str, bytes]) -> etree._Element:
    return etree.fromstring(files["EPUB/content.opf"])


def cover_item(files: dict[str, bytes]) -> etree._Element:
    (item,) = package(files).xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    return item


def test_the_generated_cover_is_declared_and_is_the_first_page() -> None:
    files = book(render_epub(ARTICLE, Theme()))
    item = cover_item(files)
    assert (item.get("href"), item.get("media-type")) == ("cover.svg", "image/svg+xml")
    opf = package(files)
    first = opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)[0]
    page = opf.xpath(f"//opf:item[@id='{first}']/@href", namespaces=NS)[0]
    xhtml = etree.fromstring(files[f"EPUB/{page}"])
    (img,) = xhtml.xpath("//h:img", namespaces=NS)
    assert img.get("src") == "cover.svg"
    assert img.get("role") == "doc-cover"
    assert img.get("{http://www.idpf.org/2007/ops}type") == "cover"
    assert img.get("alt") == f"{ARTICLE.title} — What the council decided — 2025-03-19"
    assert opf.xpath("//opf:meta[@name='cover']/@content", namespaces=NS) == ["cover-image"]


def test_the_generated_cover_shows_title_subtitle_and_date_in_the_theme_colours() -> None:
    theme = Theme(colors=Colors(accent=Color("1F3A5F"), muted=Color("5A5A5A")))
    svg = etree.fromstring(book(render_epub(ARTICLE, theme))["EPUB/cover.svg"])
    texts = [(text.text, text.get("fill")) for text in svg.xpath("//svg:text", namespaces=NS)]
    shown = " ".join(line for line, _fill in texts)
    assert shown == f"{ARTICLE.title} What the council decided 2025-03-19"
    assert len(texts) > 3, "a long title wraps onto several lines"
    assert texts[0][1] == "#ffffff"  # white reads on the dark accent band
    assert texts[-1][1] == "#5a5a5a"  # the date, muted, below the band
    fills = svg.xpath("//svg:rect/@fill", namespaces=NS)
    assert "#1f3a5f" in fills
    family = svg.xpath("//svg:text/@font-family", namespaces=NS)[0]
    assert family.startswith(f"'{Theme().fonts.title.family}'")


def test_a_light_accent_gets_dark_text() -> None:
    theme = Theme(colors=Colors(accent=Color("F5E050"), title=Color("111111")))
    svg = etree.fromstring(book(render_epub(ARTICLE, theme))["EPUB/cover.svg"])
    assert svg.xpath("//svg:text/@fill", namespaces=NS)[0] == "#111111"


def test_a_cjk_title_wraps_between_characters() -> None:
    title = "日本銀行は金利を据え置き、物価の動向を引き続き注視する方針を示した"
    article = Article(title=title, metadata=Metadata(language="ja"))
    svg = etree.fromstring(book(render_epub(article, Theme()))["EPUB/cover.svg"])
    lines = [text.text for text in svg.xpath("//svg:text", namespaces=NS)]
    assert len(lines) > 1 and "".join(lines) == title


def test_the_logo_is_on_the_generated_cover(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_bytes(SVG_LOGO)
    files = book(render_epub(ARTICLE, Theme(brand=Brand(logo=str(tmp_path / "logo.svg")))))
    svg = etree.fromstring(files["EPUB/cover.svg"])
    (href,) = svg.xpath("//svg:image/@xlink:href", namespaces=NS)
    assert href == "logo.svg"
    assert files["EPUB/logo.svg"] == SVG_LOGO


def test_the_theme_own_cover_image_is_used(tmp_path: Path) -> None:
    (tmp_path / "cover.png").write_bytes(PNG)
    files = book(render_epub(ARTICLE, Theme(epub=Epub(cover=str(tmp_path / "cover.png")))))
    item = cover_item(files)
    assert (item.get("href"), item.get("media-type")) == ("cover.png", "image/png")
    assert files["EPUB/cover.png"] == PNG
    assert "EPUB/cover.svg" not in files


def test_theme_files_name_cover_and_logo_relative_to_themselves(tmp_path: Path) -> None:
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "cover.png").write_bytes(PNG)
    (tmp_path / "art" / "logo.svg").write_bytes(SVG_LOGO)
    (tmp_path / "house.toml").write_text(
        'extends = "default"\n[epub]\ncover = "art/cover.png"\n[brand]\nlogo = "art/logo.svg"\n'
    )
    theme = load_theme(tmp_path / "house.toml")
    assert theme.epub.cover == str(tmp_path / "art" / "cover.png")
    assert theme.brand.logo == str(tmp_path / "art" / "logo.svg")


@pytest.mark.parametrize(
    ("table", "content", "message"),
    [
        ("brand", b"GIF89a", '"brand.logo": expected a PNG or SVG image'),
        ("epub", b"plain text", '"epub.cover": expected a PNG, JPEG or SVG image'),
    ],
)
def test_a_file_that_is_no_image_is_a_theme_error(
    tmp_path: Path, table: str, content: bytes, message: str
) -> None:
    (tmp_path / "image.bin").write_bytes(content)
    key = "logo" if table == "brand" else "cover"
    (tmp_path / "bad.toml").write_text(f'[{table}]\n{key} = "image.bin"\n')
    with pytest.raises(ThemeError, match=message) as raised:
        load_theme(tmp_path / "bad.toml")
    assert raised.value.line == 2


def test_the_cover_is_the_same_bytes_every_time() -> None:
    theme = load_theme("newsroom")
    assert render_epub(ARTICLE, theme) == render_epub(ARTICLE, theme)
