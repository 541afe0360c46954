"""Fonts for the writers that name or embed them: discovery along a theme's fallback chain, the
fonts bundled with exporter, glyph coverage, subsets and conversions, and warnings about
families that cannot be found.

Everything here reads fonts with fontTools, lazily, and keeps what it learns in memory and in
the user's cache directory; nothing imports reportlab, which only the PDF writer uses.

Bundled families (see :func:`bundled_families`): DejaVu Serif, DejaVu Sans, Noto Serif
(four faces each), Noto Sans (regular and bold) and Symbola (symbols and emoji only, one face).
Their licences are in ``fonts/files``.
"""

from exporter.fonts.coverage import covered_codepoints, missing_characters, needs_glyph
from exporter.fonts.discovery import (
    BUNDLED_DIR,
    FACES,
    LAST_RESORT,
    SYMBOLS,
    Face,
    Region,
    bundled_families,
    cjk_region,
    face_chain,
    family_face,
    family_for,
    regional_family,
    resolve_face,
    used_family,
)
from exporter.fonts.facts import FontFacts, FontFile, font_facts

__all__ = [
    "BUNDLED_DIR",
    "FACES",
    "LAST_RESORT",
    "SYMBOLS",
    "Face",
    "FontFacts",
    "FontFile",
    "Region",
    "bundled_families",
    "cjk_region",
    "covered_codepoints",
    "face_chain",
    "family_face",
    "family_for",
    "font_facts",
    "missing_characters",
    "needs_glyph",
    "regional_family",
    "resolve_face",
    "used_family",
]
