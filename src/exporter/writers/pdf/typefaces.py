"""Fonts as reportlab sees them: theme fonts registered once per process, with their coverage.

A :class:`FaceChain` is one face of one theme font along its fallback chain, as registered
reportlab font names, so that inline markup can switch to a fallback font for the characters
the main font does not have.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exporter.fonts import Face, covered_codepoints, face_chain
from exporter.theme import Font
from exporter.writers.pdf import tounicode


@dataclass(frozen=True, slots=True)
class FaceChain:
    """One face along a font's fallback chain: its files, best first.

    A fallback font is read and registered with reportlab only when some character needs
    it, so an English document does not pay for the CJK fonts of its chain.
    """

    paths: tuple[Path, ...]

    @property
    def primary(self) -> str:
        return self.name(0)

    def name(self, index: int) -> str:
        """The registered reportlab name of the chain's font ``index``."""
        return register(self.paths[index])

    def covers(self, index: int, character: str) -> bool:
        """Whether the chain's font ``index`` has a glyph for ``character``."""
        return ord(character) in covered_codepoints(self.paths[index])

    def font_index(self, character: str) -> int | None:
        """The first font of the chain with a glyph for ``character``; ``None`` if none has one."""
        for index in range(len(self.paths)):
            if self.covers(index, character):
                return index
        return None


@functools.cache
def faces(font: Font, face: Face) -> FaceChain:
    """The chain for ``face`` of ``font``; its main font registered with reportlab."""
    chain = FaceChain(face_chain(font, face))
    register(chain.paths[0])
    return chain


@functools.cache
def register(path: Path) -> str:
    """Register a TrueType file with reportlab once per process; return its font name.

    The name stays inside reportlab (PDF resources use the font's own PostScript name), so
    only its uniqueness matters: two files with the same stem get different names.
    """
    tounicode.install()
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:8]
    name = f"exporter-{path.stem}-{digest}"
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name
