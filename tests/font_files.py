"""Real font files made for tests: an OpenType font with CFF outlines (what Noto CJK is, but
small and present on every machine), and a copy of a bundled font with other licence bits; and
the installed fonts some tests use, or show to a program (a fontconfig with only some)."""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

from exporter.fonts import BUNDLED_DIR
from exporter.fonts.fontconfig import installed_fonts
from tests.tools import require

NOTO_SANS = BUNDLED_DIR / "NotoSans-Regular.ttf"
NOTO_SANS_BOLD = BUNDLED_DIR / "NotoSans-Bold.ttf"
NOTO_SERIF = BUNDLED_DIR / "NotoSerif-Regular.ttf"

#: What :func:`cff_font` draws unless told otherwise: ASCII, some Latin-1 and punctuation.
LATIN = "".join(map(chr, range(0x20, 0x7F))) + "äéöüßÀÉ–—‘’“”…•€"


def cff_font(
    target: Path, family: str = "Brand Sans", *, source: Path = NOTO_SANS, text: str = LATIN
) -> Path:
    """An OpenType font with CFF (cubic) outlines of ``text``, drawn from the TrueType font
    ``source``, written to ``target``: the same glyphs and advance widths, as a foundry
    would ship an ``.otf``."""
    original = TTFont(source)
    cmap = original.getBestCmap()
    glyph_set = original.getGlyphSet()
    mapping = {ord(char): cmap[ord(char)] for char in dict.fromkeys(text) if ord(char) in cmap}
    order = [".notdef", *dict.fromkeys(mapping.values())]
    metrics = {name: original["hmtx"][name] for name in order}
    charstrings = {}
    for name in order:
        pen = T2CharStringPen(metrics[name][0], glyph_set)
        glyph_set[name].draw(pen)
        charstrings[name] = pen.getCharString()
    style = "Bold" if original["OS/2"].usWeightClass >= 600 else "Regular"
    builder = FontBuilder(original["head"].unitsPerEm, isTTF=False)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(mapping)
    builder.setupCFF(family.replace(" ", "") + f"-{style}", {"FullName": family}, charstrings, {})
    builder.setupHorizontalMetrics(metrics)
    hhea = original["hhea"]
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
    builder.setupNameTable({"familyName": family, "styleName": style})
    builder.setupOS2(
        sTypoAscender=hhea.ascent,
        sTypoDescender=hhea.descent,
        usWinAscent=hhea.ascent,
        usWinDescent=-hhea.descent,
        usWeightClass=original["OS/2"].usWeightClass,
        fsType=0,
    )
    builder.setupPost()
    builder.save(str(target))
    return target


def with_embedding(target: Path, fs_type: int, *, source: Path = NOTO_SANS) -> Path:
    """A copy of ``source`` whose licence bits (OS/2 ``fsType``) say ``fs_type``: ``0x0002``
    forbids embedding it in documents."""
    font = TTFont(source)
    font["OS/2"].fsType = fs_type
    font.save(str(target))
    return target


def noto_cjk_files() -> list[str]:
    """The installed Noto Sans and Serif CJK collections; without them the test skips, or fails
    when ``EXPORTER_REQUIRE_TOOLS`` is set (:func:`tests.tools.require`)."""
    files = sorted(
        {
            str(font.file.path)
            for font in installed_fonts()
            if any(name.startswith(("Noto Sans CJK", "Noto Serif CJK")) for name in font.families)
        }
    )
    if not files:
        require("noto-cjk")
    return files


def fontconfig_with_only(folder: Path, *families: str) -> dict[str, str]:
    """Environment variables for a fontconfig that shows only the installed fonts of
    ``families`` (names as fontconfig lists them, or their beginnings): what a program started
    with them sees, as on a machine where nothing else is installed."""
    fonts = folder / "fonts"
    fonts.mkdir(parents=True)
    for font in installed_fonts():
        if any(name.startswith(families) for name in font.families):
            link = fonts / font.file.path.name
            if not link.exists():
                link.symlink_to(font.file.path)
    configuration = folder / "fonts.conf"
    configuration.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{folder / 'fontconfig-cache'}</cachedir>"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(configuration)}
