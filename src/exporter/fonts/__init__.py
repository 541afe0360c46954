"""Fonts for the writers that embed them: discovery along a theme's fallback chain, the fonts
bundled with exporter, and glyph coverage checks.

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
    bundled_families,
    face_chain,
    family_for,
    is_truetype,
    resolve_face,
)

__all__ = [
    "BUNDLED_DIR",
    "FACES",
    "LAST_RESORT",
    "SYMBOLS",
    "Face",
    "bundled_families",
    "covered_codepoints",
    "face_chain",
    "family_for",
    "is_truetype",
    "missing_characters",
    "needs_glyph",
    "resolve_face",
]
