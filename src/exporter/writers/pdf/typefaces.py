"""Fonts as reportlab sees them: theme fonts registered once per process, with their coverage.

A :class:`FaceChain` is one face of one theme font along its fallback chain, so that inline
markup can switch to a fallback font for the characters the main font does not have.
TrueType fonts are registered with reportlab as they are. A font with CFF outlines (Noto CJK,
what Linux desktops install for Chinese, Japanese and Korean) is registered as the TrueType
conversion of the glyphs the document needs (:func:`exporter.fonts.subsets.truetype_font`),
which is why a chain holding one is made per document (:meth:`FaceChain.for_document`).
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass, replace

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exporter.fonts import Face, FontFile, covered_codepoints, face_chain, font_facts
from exporter.fonts.subsets import FontSubset, needed_codepoints, truetype_font
from exporter.theme import Font
from exporter.writers.pdf import parsed_faces, tounicode


@dataclass(frozen=True, slots=True)
class FaceChain:
    """One face along a font's fallback chain: its fonts, best first.

    A fallback font is read and registered with reportlab only when some character needs
    it, so an English document does not pay for the CJK fonts of its chain. A CFF font is
    drawn only in a chain made for a document (:meth:`for_document`), which knows what its
    conversion holds; elsewhere it counts as having no glyphs.
    """

    files: tuple[FontFile, ...]
    # The code points each font is converted with for this document; ``None`` for a
    # TrueType font, used whole.
    subsets: tuple[frozenset[int] | None, ...] = ()
    # The document's language and the characters it draws, so that the chain of another face
    # (a bold or code span) is made for the same document (:meth:`sibling`).
    language: str | None = None
    characters: frozenset[str] = frozenset()

    @property
    def primary(self) -> str:
        return self.name(0)

    def name(self, index: int) -> str:
        """The registered reportlab name of the chain's font ``index``."""
        file = self.files[index]
        if not is_cff(file):
            return register(file)
        if not self.subsets:
            raise ValueError(f"{file.name} has CFF outlines: draw with a chain for_document")
        return register_converted(truetype_font(file, self._codepoints(index)), file.path.stem)

    def covers(self, index: int, character: str) -> bool:
        """Whether the chain's font ``index`` has a glyph for ``character``."""
        return ord(character) in self._codepoints(index)

    def _codepoints(self, index: int) -> frozenset[int]:
        file = self.files[index]
        if not is_cff(file):
            return covered_codepoints(file)
        return self.subsets[index] or frozenset() if self.subsets else frozenset()

    def font_index(self, character: str) -> int | None:
        """The first font of the chain with a glyph for ``character``; ``None`` if none has one."""
        for index in range(len(self.files)):
            if self.covers(index, character):
                return index
        return None

    def for_document(self, characters: frozenset[str]) -> FaceChain:
        """This chain for a document drawing ``characters`` (itself without CFF fonts)."""
        if not characters:
            return self
        if not any(is_cff(file) for file in self.files):
            return replace(self, characters=characters)
        subsets = tuple(
            needed_codepoints(file, characters, behind=None if index == 0 else self.files[0])
            if is_cff(file)
            else None
            for index, file in enumerate(self.files)
        )
        return replace(self, subsets=subsets, characters=characters)

    def sibling(self, font: Font, face: Face) -> FaceChain:
        """The chain of ``face`` of ``font`` for the same document as this one."""
        return faces(font, face, self.language).for_document(self.characters)


@functools.cache
def faces(font: Font, face: Face, language: str | None = None) -> FaceChain:
    """The chain for ``face`` of ``font`` in a document in ``language`` (which picks the
    regional fonts of pan-CJK families); its main font registered with reportlab when it
    is TrueType."""
    chain = FaceChain(face_chain(font, face, language), language=language)
    if not is_cff(chain.files[0]):
        register(chain.files[0])
    return chain


def is_cff(file: FontFile) -> bool:
    """Whether ``file`` has CFF outlines, which reportlab cannot embed without conversion."""
    facts = font_facts(file)
    return facts is not None and facts.outlines == "cff"


@functools.cache
def register(file: FontFile) -> str:
    """Register a TrueType font with reportlab once per process; return its font name.

    The name stays inside reportlab (PDF resources use the font's own PostScript name), so
    only its uniqueness matters: two files with the same stem get different names.
    """
    tounicode.install()
    digest = hashlib.sha256(f"{file.path}#{file.index}".encode()).hexdigest()[:8]
    name = f"exporter-{file.path.stem}-{digest}"
    pdfmetrics.registerFont(parsed_faces.truetype_font(name, file))
    return name


@functools.cache
def register_converted(subset: FontSubset, stem: str) -> str:
    """Register a font converted for a document once per process; return its font name."""
    tounicode.install()
    name = f"exporter-{stem}-{subset.digest[:12]}"
    pdfmetrics.registerFont(TTFont(name, io.BytesIO(subset.data)))
    return name
