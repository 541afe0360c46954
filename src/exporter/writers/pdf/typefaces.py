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
    """Registered font names for one face, best first, their files and the code points each
    one covers."""

    names: tuple[str, ...]
    paths: tuple[Path, ...]
    coverage: tuple[frozenset[int], ...]

    @property
    def primary(self) -> str:
        return self.names[0]

    def font_index(self, character: str) -> int | None:
        """The first font of the chain with a glyph for ``character``; ``None`` if none has one."""
        code = ord(character)
        for index, codes in enumerate(self.coverage):
            if code in codes:
                return index
        return None


@functools.cache
def faces(font: Font, face: Face) -> FaceChain:
    """The chain for ``face`` of ``font``, every file registered with reportlab."""
    paths = face_chain(font, face)
    return FaceChain(
        names=tuple(register(path) for path in paths),
        paths=paths,
        coverage=tuple(covered_codepoints(path) for path in paths),
    )


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
