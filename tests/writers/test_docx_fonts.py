"""The Word file carries its fonts (ECMA-376 Part 1, §17.8) and describes them for readers that
substitute: read back with an independent de-obfuscation and fontTools."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from exporter import parse_text, render_with_warnings
from exporter.fonts.usage import document_characters
from exporter.model import Article
from exporter.reading import parse_file
from exporter.theme import DocxOptions, Font, Fonts, Theme, load_theme
from exporter.writers.docx import render_docx
from tests.font_files import NOTO_SANS, NOTO_SERIF, cff_font, noto_cjk_files, with_embedding

SOURCES = Path(__file__).resolve().parents[2] / "sources"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_RELATIONSHIP = f"{R}/font"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
GUID = re.compile(r"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}")
EMBEDS = {"embedRegular": "regular", "embedBold": "bold"}


def deobfuscated(data: bytes, font_key: str) -> bytes:
    """ECMA-376 Part 1, §17.8.1, as LibreOffice reads it: the key's bytes in the order of the
    GUID string's hex digit pairs, last pair first, XORed over bytes 0-15 and again 16-31."""
    positions = (35, 33, 31, 29, 27, 25, 22, 20, 17, 15, 12, 10, 7, 5, 3, 1)
    key = [int(font_key[position : position + 2], 16) for position in positions]
    head = bytes(byte ^ key[index % 16] for index, byte in enumerate(data[:32]))
    return head + data[32:]


def carried_fonts(data: bytes) -> dict[tuple[str, str], TTFont]:
    """Every font the DOCX carries, by (family named in the font table, face)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
        if "word/_rels/fontTable.xml.rels" not in package.namelist():
            assert table.find(f".//{{{W}}}embedRegular") is None
            return {}
        relationships = etree.fromstring(package.read("word/_rels/fontTable.xml.rels"))
        types = etree.fromstring(package.read("[Content_Types].xml"))
        targets = {
            item.get("Id"): item.get("Target")
            for item in relationships.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship")
            if item.get("Type") == FONT_RELATIONSHIP
        }
        overrides = {
            item.get("PartName"): item.get("ContentType")
            for item in types.iter(f"{{{CONTENT_TYPES}}}Override")
        }
        fonts = {}
        for font in table.iter(f"{{{W}}}font"):
            for element, face in EMBEDS.items():
                embed = font.find(f"{{{W}}}{element}")
                if embed is None:
                    continue
                font_key = embed.get(f"{{{W}}}fontKey")
                assert GUID.fullmatch(font_key), font_key  # upper case, in braces
                target = targets[embed.get(f"{{{R}}}id")]
                assert overrides[f"/word/{target}"] == OBFUSCATED
                raw = package.read(f"word/{target}")
                fonts[font.get(f"{{{W}}}name"), face] = TTFont(
                    io.BytesIO(deobfuscated(raw, font_key))
                )
        return fonts


def font_table(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
    return {font.get(f"{{{W}}}name"): font for font in table.iter(f"{{{W}}}font")}


def settings(data: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/settings.xml"))
    return {etree.QName(child).localname for child in root}


def family_name(font: TTFont) -> str:
    return str(font["name"].getDebugName(16) or font["name"].getDebugName(1))


@pytest.fixture(scope="module")
def reference() -> Article:
    return parse_file(SOURCES / "000_9308d7e73d83f95c.txt")


def test_the_default_theme_carries_noto_serif_for_every_character(reference: Article) -> None:
    theme = load_theme()
    data = render_docx(reference, theme)
    fonts = carried_fonts(data)
    assert set(fonts) == {("Noto Serif", "regular"), ("Noto Serif", "bold")}
    drawn = {ord(c) for c in document_characters(reference, theme) if not c.isspace()}
    for (family, face), font in fonts.items():
        assert family_name(font) == family
        assert (font["OS/2"].usWeightClass >= 600) == (face == "bold")
        assert drawn <= set(font.getBestCmap())
    assert {"embedTrueTypeFonts", "saveSubsetFonts"} <= settings(data)


def test_carried_fonts_are_subsets_of_the_pages_the_brief_uses(reference: Article) -> None:
    english = carried_fonts(render_docx(reference, load_theme()))["Noto Serif", "regular"]
    russian = carried_fonts(render_docx(parse_file(SOURCES / "ru-lavrov-pyongyang.txt"), Theme()))
    assert ord("Ж") not in english.getBestCmap()
    assert ord("é") in english.getBestCmap()  # Latin-1 comes whatever the brief uses
    assert ord("Ж") in russian["DejaVu Serif", "regular"].getBestCmap()
    whole = TTFont(NOTO_SERIF, lazy=True)["maxp"].numGlyphs
    assert len(english.getGlyphOrder()) < whole / 4


def test_the_font_table_describes_each_family_for_substitution(reference: Article) -> None:
    table = font_table(render_docx(reference, load_theme("newsroom")))
    sans = table["Noto Sans"]

    def value(name: str) -> str | None:
        child = sans.find(f"{{{W}}}{name}")
        return None if child is None else child.get(f"{{{W}}}val")

    assert value("family") == "swiss"
    assert value("pitch") == "variable"
    assert value("panose1") == "020B0502040504020204"
    assert value("altName") == "Noto Sans Arabic"  # the theme's first fallback
    assert sans.find(f"{{{W}}}sig") is not None
    assert font_table(render_docx(reference, load_theme()))["Noto Serif"].find(
        f"{{{W}}}family"
    ).get(f"{{{W}}}val") == ("roman")


def test_embedding_can_be_turned_off(reference: Article) -> None:
    theme = replace(load_theme(), docx=DocxOptions(embed_fonts=False))
    data = render_docx(reference, theme)
    assert carried_fonts(data) == {}
    assert not any(
        name.startswith("word/fonts/") for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
    )
    assert "embedTrueTypeFonts" not in settings(data)
    assert "Noto Serif" in font_table(data)


def test_the_same_brief_gives_the_same_fonts_and_keys(reference: Article) -> None:
    assert render_docx(reference, load_theme()) == render_docx(reference, load_theme())


def test_a_font_whose_licence_forbids_embedding_is_named_not_carried(tmp_path: Path) -> None:
    restricted = with_embedding(tmp_path / "Restricted.ttf", 0x0002)
    font = Font("Noto Sans", fallbacks=("DejaVu Sans",), files=(("regular", str(restricted)),))
    theme = Theme(fonts=Fonts(body=font, heading=Font("DejaVu Sans"), title=Font("DejaVu Sans")))
    rendered = render_with_warnings(
        parse_text("Rates\nThe bank held.", language="en"), "docx", theme
    )
    fonts = carried_fonts(rendered.data)
    assert ("Noto Sans", "regular") not in fonts
    assert ("DejaVu Sans", "bold") in fonts
    assert [w.message for w in rendered.warnings if w.message.startswith("DOCX:")] == [
        'DOCX: the licence of font "Noto Sans" does not allow carrying it in a document '
        "(OS/2 fsType); the Word file names it, and machines without it substitute another"
    ]


def test_a_cff_font_is_carried_as_truetype(tmp_path: Path) -> None:
    otf = cff_font(tmp_path / "Brand.otf", "Brand Sans", source=NOTO_SANS)
    font = Font("Brand Sans", fallbacks=("DejaVu Sans",), files=(("regular", str(otf)),))
    theme = Theme(fonts=Fonts(body=font, heading=font, title=font))
    article = parse_text("Rates on Hold\nThe bank held “rates” at 5%.", language="en")
    carried = carried_fonts(render_docx(article, theme))["Brand Sans", "regular"]
    assert "glyf" in carried and "CFF " not in carried
    assert {ord(c) for c in "Rates on Hold bank “” 5%"} <= set(carried.getBestCmap())


def test_a_family_that_cannot_be_found_is_replaced_by_the_one_used() -> None:
    theme = Theme(fonts=Fonts(body=Font("Noto Sanz", fallbacks=("DejaVu Serif",))))
    data = render_docx(parse_text("Rates\nThe bank held.", language="en"), theme)
    assert ("DejaVu Serif", "regular") in carried_fonts(data)
    assert "Noto Sanz" not in font_table(data)


def test_a_korean_brief_carries_its_east_asian_font() -> None:
    noto_cjk_files()
    article = parse_file(SOURCES / "ko-choe-wonsan.txt")
    data = render_docx(article, load_theme())
    east_asian = {family for family, _ in carried_fonts(data)} - {"Noto Serif"}
    assert east_asian == {"Noto Serif CJK KR"}
    font = carried_fonts(data)["Noto Serif CJK KR", "regular"]
    hangul = {ord(c) for c in document_characters(article, load_theme()) if "가" <= c <= "힣"}
    assert hangul <= set(font.getBestCmap())
    assert "glyf" in font  # converted from CFF


@pytest.mark.parametrize(
    ("language", "text", "region"),
    [
        ("zh", "元山旅游区开放", "SC"),
        ("zh-TW", "元山觀光區開放", "TC"),
        ("zh-HK", "元山觀光區開放", "HK"),
        ("ja", "元山の観光地が開業した", "JP"),
        ("ko", "원산 관광지구 개장", "KR"),
    ],
)
def test_the_briefs_language_picks_the_regional_cjk_font(
    language: str, text: str, region: str
) -> None:
    noto_cjk_files()
    data = render_docx(parse_text(f"{text}\n{text}。", language=language), load_theme())
    family = f"Noto Serif CJK {region}"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    defaults = styles.find(f".//{{{W}}}rPrDefault/{{{W}}}rPr/{{{W}}}rFonts")
    assert defaults.get(f"{{{W}}}eastAsia") == family
    assert defaults.get(f"{{{W}}}ascii") == "Noto Serif"
    assert (family, "regular") in carried_fonts(data)


def test_marked_text_carries_the_faces_it_is_set_in() -> None:
    """Strong, emphasis and code text use faces the styles do not: a document that has them
    carries them too (in the order the font table's schema lists them); one without, not."""
    marked = parse_text("# T\n\n- *x*, **y**, ***w*** and `z`\n\nBody.\n", "m.md", language="en")
    plain = parse_text("- x\nT\nBody.\n", "p.txt", language="en")

    def embedded(article: Article) -> list[tuple[str, str]]:
        table = etree.fromstring(
            zipfile.ZipFile(io.BytesIO(render_docx(article, load_theme()))).read(
                "word/fontTable.xml"
            )
        )
        return [
            (font.get(f"{{{W}}}name"), etree.QName(child).localname)
            for font in table
            for child in font
            if etree.QName(child).localname.startswith("embed")
        ]

    assert ("Noto Serif", "embedItalic") in embedded(marked)
    faces = [kind for family, kind in embedded(marked) if family == "Noto Serif"]
    assert faces == ["embedRegular", "embedBold", "embedItalic", "embedBoldItalic"]
    assert any(kind == "embedRegular" for family, kind in embedded(marked) if "Mono" in family)
    assert [kind for family, kind in embedded(plain) if family == "Noto Serif"] == [
        "embedRegular",
        "embedBold",
    ]
