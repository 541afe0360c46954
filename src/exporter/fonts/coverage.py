"""Which characters a set of font files can draw: so that no character prints as an empty box
without someone being told."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile


@functools.cache
def covered_codepoints(path: Path) -> frozenset[int]:
    """The code points that the font file at ``path`` maps to a glyph (its ``cmap``)."""
    face = TTFontFile(str(path), validate=0)
    return frozenset(face.charToGlyph)


def needs_glyph(character: str) -> bool:
    """Whether ``character`` is drawn at all: spaces, line breaks and format characters are not."""
    return not character.isspace() and unicodedata.category(character) not in ("Cf", "Cc")


def missing_characters(text: str, font_files: Iterable[Path | str]) -> set[str]:
    """The characters of ``text`` that none of ``font_files`` has a glyph for.

    >>> from exporter.fonts import resolve_face
    >>> from exporter.theme import Font
    >>> sorted(missing_characters("Ωmega 中", [resolve_face(Font("DejaVu Sans"), "regular")]))
    ['中']
    """
    coverage = [covered_codepoints(Path(path)) for path in font_files]
    return {
        character
        for character in set(text)
        if needs_glyph(character) and not any(ord(character) in codes for codes in coverage)
    }
