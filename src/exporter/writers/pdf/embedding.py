"""Embedded font subsets made and compressed once per process, not once per document.

For every font a document uses, reportlab embeds a subset: it builds the subset's TrueType
program (``makeSubset``) and its ToUnicode map, and deflates both. That was a fifth of a
handout's PDF time. A subset holds printable ASCII in fixed places and the document's other
characters in the order they first appear, so handouts in one language mostly embed the very
same subsets (300 subsets of 170 briefs held 49 different ones). :func:`install` makes
reportlab remember the last few it made, and hand back the same bytes it would make again:

- a font's subset program, by font and characters (``TTFontFile.makeSubset``);
- the ToUnicode map, by subset name and characters (see :mod:`.tounicode`);
- the deflated stream of either, by its content; other streams (page contents, images,
  metadata) are deflated as before;
- the widths array of a subset's font dictionary, written once (:func:`embed_fonts`).
"""

from __future__ import annotations

import functools
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc, ttfonts

from exporter.writers.pdf import reportlab_release, tounicode

#: Subsets remembered: a handout embeds two to six; a batch in a few languages reuses dozens.
_SUBSETS = 64
#: How the streams to remember start: a TrueType program (version 1.0 or "true"), a ToUnicode map.
_REMEMBERED = (b"\x00\x01\x00\x00", b"true", b"/CIDInit ")

_make_subset = ttfonts.TTFontFile.makeSubset


@functools.cache
def install() -> None:
    """Make reportlab remember subsets, ToUnicode maps and their compressed streams (once per
    process; the output is byte for byte the same)."""
    tounicode.install()
    if not reportlab_release.FAST_PATHS:
        return
    ttfonts.TTFontFile.makeSubset = _remembered_subset  # type: ignore[method-assign,assignment]
    ttfonts.makeToUnicodeCMap = _remembered_map
    pdfdoc.PDFZCompress = _RememberingFlate()


def _remembered_subset(face: Any, subset: list[int]) -> bytes:
    return _subset(face, tuple(subset))


@functools.lru_cache(maxsize=_SUBSETS)
def _subset(face: Any, codes: tuple[int, ...]) -> bytes:
    program: bytes = _make_subset(face, list(codes))
    return program


def _remembered_map(fontname: str, subset: list[int]) -> str:
    return _map(fontname, tuple(subset))


@functools.lru_cache(maxsize=_SUBSETS)
def _map(fontname: str, codes: tuple[int, ...]) -> str:
    return tounicode.to_unicode_cmap(fontname, list(codes))


class _RememberingFlate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's deflate filter, remembering what it made of font programs and maps."""

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        if data.startswith(_REMEMBERED):
            return _deflated(data)
        return zlib.compress(data)


@functools.lru_cache(maxsize=2 * _SUBSETS)
def _deflated(data: bytes) -> bytes:
    return zlib.compress(data)


def embed_fonts(document: Any) -> None:
    """Add the fonts of reportlab's ``document`` to it, as its save does first thing, with
    each subset's widths array written once per process (256 numbers, each formatted through
    several layers of reportlab). Call it when nothing more is drawn, just before saving."""
    for font in document.delayedFonts:
        font.addObjects(document)
    document.delayedFonts = []
    for font in document.idToObject["BasicFonts"].dict.values():
        widths = getattr(font, "Widths", None)
        if isinstance(font, pdfdoc.PDFTrueTypeFont) and type(widths) is pdfdoc.PDFArray:
            font.Widths = _WrittenArray(_written_array(tuple(widths.sequence)))  # type: ignore[attr-defined]


class _WrittenArray(pdfdoc.PDFObject):
    """A PDF array of numbers, already written."""

    def __init__(self, written: bytes) -> None:
        self.written = written

    def format(self, document: Any) -> bytes:
        return self.written


@functools.lru_cache(maxsize=_SUBSETS)
def _written_array(numbers: tuple[float, ...]) -> bytes:
    written: bytes = pdfdoc.PDFArray(list(numbers)).format(None)  # numbers need no document
    return written
