"""Which characters a set of font files can draw: so that no character prints as an empty box
without someone being told."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from exporter.fonts.facts import FontFile, font_facts


def covered_codepoints(font: FontFile | Path) -> frozenset[int]:
    """The code points that ``font`` maps to a glyph (its ``cmap``); none for a file that is
    not a usable font. Read once with fontTools, then kept in memory and on disk."""
    return _covered(font if isinstance(font, FontFile) else FontFile(font))


def has_glyph(file: FontFile, character: str) -> bool:
    """Whether ``file`` maps ``character`` to a glyph: for a question about one character,
    which needs no set of all the font's code points (a CJK font has 44,000)."""
    facts = font_facts(file)
    return facts is not None and facts.covers(ord(character))


@functools.cache
def _covered(file: FontFile) -> frozenset[int]:
    facts = font_facts(file)
    return frozenset() if facts is None else facts.codepoints


def needs_glyph(character: str) -> bool:
    """Whether ``character`` is drawn at all: spaces, line breaks and format characters are not."""
    return not character.isspace() and unicodedata.category(character) not in ("Cf", "Cc")


def missing_characters(text: str, font_files: Iterable[FontFile | Path | str]) -> set[str]:
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
        codes = covered_codepoints(path if isinstance(path, FontFile) else Path(path))
        missing = {character for character in missing if ord(character) not in codes}
    return missing
