"""Right-to-left text in the PDF: Arabic letters joined, every line in visual order.

PDF draws glyphs left to right as given, and reportlab neither joins Arabic letters nor
reorders right-to-left text (its own support needs ``rlbidi``, which is not published). So:

1. :func:`shape_arabic` replaces Arabic letters by their joined presentation forms before the
   text becomes markup (logical order is kept; widths are then right for line breaking);
2. :class:`BidiParagraph` breaks lines on the logical text as any paragraph does, and only
   when drawing puts each line in visual order with the Unicode bidirectional algorithm
   (python-bidi), keeping every piece of text in its own font and link. Reordering per line,
   after line breaking, is what keeps the lines of a paragraph in reading order.

A right-to-left paragraph (:class:`RightToLeftParagraph`) also draws its bullet on the right.
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from bidi import algorithm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth

from exporter.fonts import needs_glyph
from exporter.writers.pdf.coverage import covered_by_main_font, drawable
from exporter.writers.pdf.tagging.paragraph import TaggedParagraph
from exporter.writers.pdf.typefaces import FaceChain

_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")

# python-bidi's per-character algorithm predates the isolates of Unicode 6.3 and fails on
# them, so it is given their nearest older classes; like every explicit directional format
# character they then leave the drawn line (rule X9). Characters Python's Unicode database
# does not know yet have no class at all: they get the default one, left-to-right.
_OLDER_CLASS = {"LRI": "LRE", "RLI": "RLE", "FSI": "LRE", "PDI": "PDF", "": "L"}


@functools.cache
def _reshaper() -> Any:
    # Imported for Arabic text only: with the fontTools it loads, ~12 ms of a fresh process.
    import arabic_reshaper  # type: ignore[import-untyped]

    # Keep diacritics (harakat): a handout must not drop what the brief wrote.
    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "support_ligatures": True}
    )


def shape_arabic(text: str) -> str:
    """``text`` with Arabic letters in their joined forms, still in logical order.

    >>> shape_arabic("abc") == "abc", shape_arabic("عربي") != "عربي"
    (True, True)
    """
    if text.isascii() or _ARABIC_LETTER.search(text) is None:  # decided in C
        return text
    shaped: str = _reshaper().reshape(text)
    return shaped


def visual_order(pieces: Sequence[tuple[str, int]], base: Literal["L", "R"]) -> list[list[Any]]:
    """One line's characters in the order they are drawn, left to right.

    ``pieces`` are ``(text, tag)`` in logical order; the result is ``[text, tag]`` runs in
    visual order, where a run's characters share a tag (the piece they came from), so each
    run keeps its piece's font and link. Mirrored characters (brackets) are mirrored in
    right-to-left runs.

    >>> visual_order([("abc ", 0), ("אבג", 1)], "R")
    [['גבא', 1], [' abc', 0]]
    >>> visual_order([("\u2067אב\u2069 \U00013439", 0)], "L")  # an isolate, a Unicode 15 letter
    [['בא \U00013439', 0]]
    """
    if base == "L" and all(_stays_in_place(piece) for piece, _ in pieces):
        return _joined_runs(pieces)
    return _reordered(pieces, base)


def _reordered(pieces: Sequence[tuple[str, int]], base: Literal["L", "R"]) -> list[list[Any]]:
    """:func:`visual_order` by the whole Unicode bidirectional algorithm."""
    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    text = "".join(piece for piece, _ in pieces)
    algorithm.get_embedding_levels(text, storage)
    tags = [tag for piece, tag in pieces for _ in piece]
    for character, tag in zip(storage["chars"], tags, strict=True):
        character["tag"] = tag
        if character["type"] in _OLDER_CLASS:
            character["type"] = character["orig"] = _OLDER_CLASS[character["type"]]
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    runs: list[list[Any]] = []
    for character in storage["chars"]:
        if runs and runs[-1][1] == character["tag"]:
            runs[-1][0] += character["ch"]
        else:
            runs.append([character["ch"], character["tag"]])
    return runs


# The bidirectional classes of characters that a left-to-right line leaves where they are, at
# its base level, unmirrored: no right-to-left letter or number, and no explicit formatting
# character or boundary neutral (the algorithm drops those from the drawn line).
_IN_PLACE = frozenset({"L", "EN", "ES", "ET", "CS", "NSM", "WS", "ON"})
_BEYOND_PRINTABLE_ASCII = re.compile("[^\x20-\x7e]")


def _stays_in_place(text: str) -> bool:
    """Whether a left-to-right line keeps ``text`` as it is (most text: decided per distinct
    character, ASCII in C)."""
    if text.isascii():
        return text.isprintable()
    # Printable ASCII is all in place: look up the others only.
    others = set(_BEYOND_PRINTABLE_ASCII.findall(text))
    return all(unicodedata.bidirectional(character) in _IN_PLACE for character in others)


def _joined_runs(pieces: Sequence[tuple[str, int]]) -> list[list[Any]]:
    """``pieces`` as :func:`visual_order` gives a line it leaves in place: the text of
    neighbours with the same tag joined."""
    runs: list[list[Any]] = []
    for piece, tag in pieces:
        if not piece:
            continue
        if runs and runs[-1][1] == tag:
            runs[-1][0] += piece
        else:
            runs.append([piece, tag])
    return runs


class BidiParagraph(TaggedParagraph):
    """A paragraph holding right-to-left text, in a left-to-right paragraph (base ``L``)."""

    base: ClassVar[Literal["L", "R"]] = "L"

    def drawn_lines(self, para: Any) -> Any:
        """The lines in visual order."""
        visual = copy.copy(para)
        if para.kind == 0:  # one font: lines are (free space, [words])
            visual.lines = [
                (free, _visual_text(" ".join(words), self.base).split(" "))
                for free, words in para.lines
            ]
            return visual
        lines = []
        for line in para.lines:
            pieces = [(word.text, index) for index, word in enumerate(line.words)]
            moved = copy.copy(line)
            moved.words = [
                _with_text(line.words[index], run) for run, index in visual_order(pieces, self.base)
            ]
            lines.append(moved)
        visual.lines = lines
        return visual


class RightToLeftParagraph(BidiParagraph):
    """A right-to-left paragraph: lines in visual order, the bullet in the right indent.

    Its style is right-aligned with the list indent on the right (see the PDF styles).
    """

    base = "R"

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - reportlab's name
        # The bullet hangs in the right indent, so it takes no room from the first line.
        bullet, self.bulletText = self.bulletText, None
        try:
            return super().breakLines(width)
        finally:
            self.bulletText = bullet

    def draw(self) -> None:
        bullet, self.bulletText = self.bulletText, None
        try:
            super().draw()
        finally:
            self.bulletText = bullet
        if bullet:
            self._draw_bullet(bullet)

    def _draw_bullet(self, bullet: str) -> None:
        style = self.style
        para: Any = getattr(self, "blPara")  # noqa: B009
        first = para if para.kind == 0 else para.lines[0]
        y = self.height - getattr(first, "ascent", style.fontSize)
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        canvas.setFillColor(getattr(style, "bulletColor", style.textColor))
        shown = _visual_text(bullet, "R")
        width = stringWidth(shown, style.bulletFontName, style.bulletFontSize)
        # a number drawn in visual order ("1." as ".1") reads as written
        with self.drawing_label(reads_as=None if shown == bullet else bullet):
            canvas.drawString(self.width - style.bulletIndent - width, y, shown)
        canvas.restoreState()


def visual_runs(text: str, chain: FaceChain, base: Literal["L", "R"]) -> list[tuple[str, str]]:
    """A line of plain text as ``(text, font name)`` runs in drawing order: Arabic joined,
    each character in the first font of ``chain`` that has it (for running heads, which are
    drawn straight onto the canvas)."""
    shaped = shape_arabic(text)
    pieces = [(shaped, 0)] if covered_by_main_font(shaped, chain) else _font_pieces(shaped, chain)
    return [(run, chain.name(index)) for run, index in visual_order(pieces, base)]


def _font_pieces(text: str, chain: FaceChain) -> list[tuple[str, int]]:
    """``text`` in ``(text, chain index)`` pieces, each character in the first font that has
    it (spaces and joiners in the font before them), those no font has left out."""
    pieces: list[tuple[str, int]] = []
    for character in drawable(text, chain):
        index = chain.font_index(character)
        if index is None or (pieces and not needs_glyph(character)):
            index = pieces[-1][1] if pieces else 0
        if pieces and pieces[-1][1] == index:
            pieces[-1] = (pieces[-1][0] + character, index)
        else:
            pieces.append((character, index))
    return pieces


def _visual_text(text: str, base: Literal["L", "R"]) -> str:
    return "".join(run for run, _ in visual_order([(text, 0)], base))


def _with_text(word: Any, text: str) -> Any:
    piece = copy.copy(word)
    piece.text = text
    return piece
