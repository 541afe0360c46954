"""Fonts cut down to what a document draws: for the formats that carry their fonts.

A document's characters are rounded up to whole *pages* of 128 code points (``A`` brings all
of Basic Latin), and text fonts always carry the pages Latin text needs (:data:`BASE_PAGES`),
so most briefs ask for the same subset and find it made already. Only the blocks too large to
carry whole (ideographs, Hangul syllables, private use) are subset character by character.

:func:`subset_font` keeps a font's outlines as they are (for EPUB and for DOCX);
:func:`truetype_font` always gives TrueType outlines, converting CFF ones
(:mod:`exporter.fonts.quadratic`), for the PDF and for DOCX. Each result is kept in memory and in
the user's cache directory, keyed by the font file's identity and the code points, so a
subset is made once per machine, and every document after costs a lookup.
"""

from __future__ import annotations

import functools
import hashlib
import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from exporter.fonts import cache
from exporter.fonts.coverage import covered_codepoints, needs_glyph
from exporter.fonts.facts import FontFile, checked_facts

_PAGE_BITS = 7

#: Pages (code point >> 7) every text font's subset carries: Basic Latin, Latin-1, Latin
#: Extended-A, General Punctuation and the currency symbols, which cover English and most
#: European text, so that Latin briefs share one subset.
BASE_PAGES = frozenset({0x00, 0x01, 0x02, 0x40, 0x41})

# Blocks subset character by character: carried whole they would be most of a CJK font.
_LARGE_BLOCKS = (
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7AF),  # Hangul Syllables
    (0xE000, 0xF8FF),  # Private Use Area
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x10FFFF),  # supplementary ideographs and private use planes
)

# Tables fontTools subsets without being told to drop them but that a subset should not keep:
# hints are meaningless without the glyphs they were written for, and digital signatures
# would no longer match.
_HINTING_AND_SIGNATURES = ("DSIG", "hdmx", "VDMX", "LTSH", "cvt ", "fpgm", "prep", "cvar")

# fontTools reads lazily from shared file handles; concurrent subsetting must not interleave.
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class CharacterPages:
    """The characters of a document as a subset asks for them: whole pages, and single code
    points from the large blocks. Equal for most briefs in one script, so it keys caches."""

    pages: frozenset[int]
    singles: frozenset[int]

    @classmethod
    def of(cls, characters: Iterable[str], *, base: bool = True) -> CharacterPages:
        """The pages of ``characters``, with :data:`BASE_PAGES` when ``base``.

        >>> pages = CharacterPages.of("Ωmega 中", base=False)
        >>> sorted(pages.pages), sorted(pages.singles)
        ([0, 7], [20013])
        """
        codes = {ord(character) for character in characters}
        singles = {code for code in codes if code >= _LARGE_BLOCKS[0][0] and _in_large_block(code)}
        pages = {code >> _PAGE_BITS for code in codes - singles}
        return cls(frozenset(pages | BASE_PAGES if base else pages), frozenset(singles))

    def codepoints(self, coverage: frozenset[int]) -> frozenset[int]:
        """The code points of these pages and singles that ``coverage`` (a font's) has."""
        found = {
            code
            for page in self.pages
            for code in range(page << _PAGE_BITS, (page + 1) << _PAGE_BITS)
            if code in coverage
        }
        return frozenset(found | (self.singles & coverage))


def needed_codepoints(
    file: FontFile, characters: Iterable[str], *, behind: FontFile | None = None
) -> frozenset[int]:
    """What a document with ``characters`` needs of ``file``, page by page.

    For a main font (``behind`` is ``None``): every page of the characters it has, and the
    base pages. For a fallback behind the main font ``behind``: the pages of the characters
    that font lacks, without the base pages (a CJK font's Latin letters are never used), and
    the document's spaces, so that a line of Korean keeps one font across its words.
    The PDF and DOCX writers ask the same question, so they share one subset.
    """
    if behind is None:
        pages = CharacterPages.of(characters)
    else:
        main = covered_codepoints(behind)
        coverage = covered_codepoints(file)
        lacking = [c for c in characters if ord(c) not in main and needs_glyph(c)]
        drawn = CharacterPages.of(lacking, base=False).codepoints(coverage)
        if not drawn:
            return frozenset()  # it would draw nothing the main font does not
        spaces = {ord(c) for c in characters if not needs_glyph(c)}
        return drawn | (spaces & coverage)
    return pages.codepoints(covered_codepoints(file))


def _in_large_block(code: int) -> bool:
    return any(first <= code <= last for first, last in _LARGE_BLOCKS)


@dataclass(frozen=True, slots=True)
class FontSubset:
    """A font made for a document: its bytes, the code points it maps, and its SHA-256
    (which names it, and from which DOCX derives the key that obfuscates it)."""

    data: bytes = field(repr=False, compare=False)
    codepoints: frozenset[int] = field(repr=False, compare=False)
    digest: str


def subset_font(file: FontFile, codepoints: frozenset[int]) -> FontSubset:
    """``file`` with only the glyphs of ``codepoints`` (and those its default layout features
    reach from them, so kerning, ligatures and Arabic joining forms stay), outlines
    unchanged, hints dropped. Raises :class:`~exporter.fonts.facts.UnusableFontError` for a
    file that is not a font."""
    checked_facts(file)
    return _cached("subset", file, codepoints)


def truetype_font(file: FontFile, codepoints: frozenset[int]) -> FontSubset:
    """A font with TrueType outlines for ``codepoints`` of ``file``: a subset of a TrueType
    font, a conversion of a CFF one (without layout tables, which reportlab does not use)."""
    kind = "truetype" if checked_facts(file).outlines == "cff" else "subset"
    return _cached(kind, file, codepoints)


@functools.lru_cache(maxsize=64)
def _cached(kind: str, file: FontFile, codepoints: frozenset[int]) -> FontSubset:
    listed = ",".join(map(str, sorted(codepoints)))
    identity = cache.file_identity(file.path, file.index)
    name = cache.entry_name(kind, [identity, listed], ".font")
    data = cache.load(name)
    if data is None:
        with _LOCK:
            if kind == "subset":
                data = _subset(file, codepoints)
            else:
                from exporter.fonts.quadratic import truetype_from_cff  # CFF fonts only

                data = truetype_from_cff(file, codepoints)
        cache.store(name, data)
    return FontSubset(data, codepoints, hashlib.sha256(data).hexdigest())


def _subset(file: FontFile, codepoints: frozenset[int]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(file.path), fontNumber=file.index, recalcTimestamp=False)
    # fontTools' default layout features are those text engines apply on their own (kerning,
    # ligatures, marks, Arabic joining): what a reader needs without the user choosing any.
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    options.drop_tables = [*options.drop_tables, *_HINTING_AND_SIGNATURES, *_unknown(font)]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    return buffer.getvalue()


def _unknown(font: Any) -> list[str]:
    """Tables fontTools cannot subset (``FFTM``, vendor tables): dropped, rather than dropped
    with a warning on the terminal."""
    from fontTools import subset
    from fontTools.ttLib import getTableClass

    keep = set(subset.Options().no_subset_tables)
    return [
        tag
        for tag in font.keys()  # noqa: SIM118 - a TTFont iterates by index, not by tag
        if tag != "GlyphOrder"
        and tag.strip() not in keep
        and not hasattr(getTableClass(tag), "subset_glyphs")
    ]
