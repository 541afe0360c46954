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
    missing = {character for character in set(text) if needs_glyph(character)}
    for path in font_files:  # a font is read only while some character is still missing
        if not missing:
            break
        codes = covered_codepoints(Path(path))
        missing = {character for character in missing if ord(character) not in codes}
    return missing
