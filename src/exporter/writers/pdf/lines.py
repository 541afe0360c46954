"""A reportlab paragraph that breaks its text into lines once per width, not once per wrap.

platypus wraps a paragraph several times at the same width before it draws it: to measure a
heading's group (``keepWithNext``), the key-points box, a split, and again when the frame
places it. Each wrap breaks the whole text into lines again, measuring every word and asking
the hyphenation dictionary about every word that overflows a line: about half of all line
breaking in a handout repeated what was just done.

:class:`OnceBrokenParagraph` keeps the lines of its last break and hands them back when asked
for the same widths. Only the simple kind is kept (one run of text: reportlab's ``kind == 0``),
whose lines are a pure function of the text, style, bullet and widths; a split, which may
change the words of those lines (reportlab marks the hyphenated word it splits after), forgets
them, so that a paragraph wrapped after a split breaks its lines anew as before. A paragraph
of one run of plain text is broken by :mod:`.simplelines`, which measures each word once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from exporter.writers.pdf.simplelines import simple_lines


@dataclass(frozen=True, slots=True)
class _Broken:
    """One break into lines: what it was asked (compared by identity) and what it gave."""

    widths: tuple[float, ...]
    fragments: Any
    fragment: Any  # the one fragment, and its text (or words, once split off)
    content: Any
    style: Any
    bullet: Any
    lines: Any  # reportlab's ParaLines
    first_width: float  # the first line's width after reportlab made room for the bullet
    widest: float
    counts: tuple[int, int]  # the long words split and the words hyphenated

    def answers(self, paragraph: Paragraph, widths: tuple[float, ...]) -> bool:
        return (
            widths == self.widths
            and paragraph.frags is self.fragments
            and paragraph.frags[0] is self.fragment
            and _content(self.fragment) is self.content
            and paragraph.style is self.style
            and paragraph.bulletText is self.bullet
        )


class OnceBrokenParagraph(Paragraph):
    """A paragraph that breaks its lines once for each width (see the module)."""

    _broken: _Broken | None = None

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - reportlab's name
        widths = tuple(width) if isinstance(width, list | tuple) else (width,)
        broken = self._broken
        if broken is not None and broken.answers(self, widths):
            if isinstance(width, list):  # reportlab narrows the first line for a bullet
                width[0] = broken.first_width
            self.height = 0
            self._width_max = broken.widest
            self._splitLongWordCount, self._hyphenations = broken.counts
            return broken.lines
        lines = simple_lines(self, width)
        if lines is None:
            lines = super().breakLines(width)
        if lines.kind == 0 and len(self.frags) == 1:
            self._broken = _Broken(
                widths,
                self.frags,
                self.frags[0],
                _content(self.frags[0]),
                self.style,
                self.bulletText,
                lines,
                width[0] if isinstance(width, list) else widths[0],
                self._width_max,
                (self._splitLongWordCount, self._hyphenations),
            )
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._broken = None
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts


def _content(fragment: Any) -> Any:
    return getattr(fragment, "text", None) or getattr(fragment, "words", None)
