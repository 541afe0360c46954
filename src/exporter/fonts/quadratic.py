"""CFF (PostScript) outlines as TrueType ones: what makes OpenType CJK fonts usable in the PDF.

Noto Sans/Serif CJK, what Ubuntu and Fedora install for Chinese, Japanese and Korean, draw
their glyphs with cubic curves (``CFF ``), and reportlab embeds only TrueType (``glyf``), whose
curves are quadratic. :func:`truetype_from_cff` builds a TrueType font holding just the glyphs
of the code points asked for: each cubic curve becomes quadratic ones within
:data:`MAX_ERROR` of it (fontTools' ``cu2qu``), and advance widths are copied unchanged, so text
sets exactly as with the original. TrueType coordinates are whole font units, and rounding a
1,000-unit font's control points would move its curves by up to 0.7 units; so the font gets
:data:`UNITS_PER_EM` units per em instead (every metric scaled with it, exactly), and outlines
stay within 0.3 units per 1,000 of the original. Layout tables
(reportlab uses none), hints and vertical metrics are left out. The result depends only on the
source font and the code points: its timestamps are the source's, its glyph order the
source's.

The source is parsed once and kept open per process (a CJK collection takes ~0.2 s to open), so
each further document costs only its own glyphs.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import threading
from dataclasses import dataclass
from typing import Any

from exporter.fonts.facts import FontFile

#: The largest distance, in thousandths of an em, between a cubic curve and the quadratic
#: curves replacing it, before rounding to whole font units.
MAX_ERROR = 0.1

#: The units per em of a converted font (at least; a multiple of the source's): rounding to
#: 1/8,000 em adds at most 0.09 thousandths of an em to :data:`MAX_ERROR`.
UNITS_PER_EM = 8000

# Opening a source, and drawing its glyphs, must not interleave: fontTools reads lazily from
# one shared file handle per font.
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class _Source:
    font: Any  # fontTools TTFont, read lazily
    cmap: dict[int, str]
    glyphs: Any  # its glyph set


def truetype_from_cff(file: FontFile, codepoints: frozenset[int]) -> bytes:
    """A TrueType font with the glyphs of ``file`` (a CFF-flavoured OpenType font) for
    ``codepoints`` (those it has; ``.notdef`` always), as the bytes of a ``.ttf`` file."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    with _LOCK:
        source = _source(file)
        mapping = {code: source.cmap[code] for code in sorted(codepoints) if code in source.cmap}
        order = _glyph_order(source.font, mapping.values())
        units = source.font["head"].unitsPerEm
        scale = max(1, -(-UNITS_PER_EM // units))
        outlines = {}
        for name in order:
            pen = TTGlyphPen(None)
            quadratic = Cu2QuPen(pen, MAX_ERROR * units / 1000 * scale, reverse_direction=True)
            source.glyphs[name].draw(TransformPen(quadratic, (scale, 0, 0, scale, 0, 0)))
            outlines[name] = pen.glyph()
        advances = {name: source.font["hmtx"][name][0] for name in order}
        font = _assemble(source.font, order, mapping, outlines, advances, units * scale)
        _name_apart(font, mapping)
        buffer = io.BytesIO()
        font.save(buffer, reorderTables=True)
        return buffer.getvalue()


@functools.lru_cache(maxsize=4)
def _source(file: FontFile) -> _Source:
    from fontTools.ttLib import TTFont

    font = TTFont(str(file.path), fontNumber=file.index, lazy=True)
    return _Source(font, font.getBestCmap(), font.getGlyphSet())


def _glyph_order(font: Any, names: Any) -> list[str]:
    wanted = set(names) - {".notdef"}
    return [".notdef", *sorted(wanted, key=font.getGlyphID)]


def _assemble(
    source: Any,
    order: list[str],
    mapping: dict[int, str],
    outlines: dict[str, Any],
    advances: dict[str, int],
    units_per_em: int,
) -> Any:
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(recalcBBoxes=True, recalcTimestamp=False)
    font.sfntVersion = "\x00\x01\x00\x00"
    font.setGlyphOrder(order)
    for tag in ("head", "hhea", "name", "OS/2"):
        if tag in source:
            font[tag] = copy.deepcopy(source[tag])
    font["head"].glyphDataFormat = 0
    font["maxp"] = _maxp(len(order))
    font["post"] = _post(source["post"])
    font["cmap"] = _cmap(mapping)
    hmtx = newTable("hmtx")
    hmtx.metrics = {name: (advances[name], 0) for name in order}
    font["hmtx"] = hmtx
    # Every metric to the finer grid the outlines were drawn on (advances stay exact: they
    # are multiplied by a whole number); the outlines join afterwards, already scaled.
    scale_upem(font, units_per_em)
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = outlines
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for name in order:
        outline = outlines[name]
        outline.recalcBounds(glyf)
        left_side_bearing = outline.xMin if outline.numberOfContours else 0
        hmtx.metrics[name] = (hmtx.metrics[name][0], left_side_bearing)
    return font


def _name_apart(font: Any, mapping: dict[int, str]) -> None:
    """Give the conversion a PostScript name of its own (the source's, with a tag of its code
    points): reportlab takes fonts with one PostScript name for one font, and would set a
    second document's text in the glyphs converted for the first."""
    tag = hashlib.sha256(",".join(map(str, mapping)).encode()).hexdigest()[:8].upper()
    names = font["name"]
    for record in list(names.names):
        if record.nameID == 6:
            base = record.toUnicode()[: 63 - len(tag) - 1]
            names.setName(f"{base}-{tag}", 6, record.platformID, record.platEncID, record.langID)


def _maxp(glyph_count: int) -> Any:
    from fontTools.ttLib import newTable

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = glyph_count
    # Without hinting there are no instructions, zones or storage to provide for; the point
    # and contour maxima are recalculated from the outlines when the font is saved.
    for field in (
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    return maxp


def _post(source: Any) -> Any:
    from fontTools.ttLib import newTable

    post = newTable("post")
    post.formatType = 3.0  # no glyph names: readers map glyphs through the cmap
    for field in ("italicAngle", "underlinePosition", "underlineThickness", "isFixedPitch"):
        setattr(post, field, getattr(source, field))
    post.minMemType42 = post.maxMemType42 = post.minMemType1 = post.maxMemType1 = 0
    return post


def _cmap(mapping: dict[int, str]) -> Any:
    from fontTools.ttLib import newTable
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    basic = CmapSubtable.newSubtable(4)
    basic.platformID, basic.platEncID, basic.language = 3, 1, 0
    basic.cmap = {code: name for code, name in mapping.items() if code <= 0xFFFF}
    tables = [basic]
    if any(code > 0xFFFF for code in mapping):
        full = CmapSubtable.newSubtable(12)
        full.platformID, full.platEncID, full.language = 3, 10, 0
        full.cmap = dict(mapping)
        tables.append(full)
    cmap = newTable("cmap")
    cmap.tableVersion = 0
    cmap.tables = tables
    return cmap
