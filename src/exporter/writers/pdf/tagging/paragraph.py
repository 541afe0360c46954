"""Paragraphs that know the structure element their text belongs to, and their bullet's.

On a tagged canvas, a :class:`TaggedParagraph` draws its bullet as content of its ``label``
element (``Lbl``) and its text as content of its ``element``, telling the text object how
each line reads (see :mod:`.reading`). The parts a paragraph splits into across pages keep
its elements and its place in the text. On any other canvas it draws as reportlab does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, Self

from reportlab.platypus import Flowable

from exporter.writers.pdf.splitting import SplittableParagraph
from exporter.writers.pdf.tagging.content import TaggedTextObject
from exporter.writers.pdf.tagging.reading import Chunk, LineReading, SourceText, line_readings
from exporter.writers.pdf.tagging.structure import Element
from exporter.writers.pdf.tagging.tagger import Tagger


class TaggedParagraph(SplittableParagraph):
    """A paragraph whose text is content of ``element``, its bullet of ``label``."""

    element: Element | None = None
    label: Element | None = None
    source: SourceText | None = None
    _readings: list[LineReading] | None = None

    def tagged(
        self, element: Element, label: Element | None = None, *, continued: bool = False
    ) -> Self:
        """This paragraph, as content of ``element`` (and its bullet of ``label``);
        ``continued``: another piece of the same paragraph follows it."""
        self.element = element
        self.label = label
        text = "".join(getattr(fragment, "text", "") for fragment in self.frags)
        self.source = SourceText(text, continued=continued)
        return self

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(available_width, available_height)
        for part in parts:
            if isinstance(part, TaggedParagraph) and part is not self:
                part.element, part.label, part.source = self.element, self.label, self.source
        return parts

    def drawn_lines(self, para: Any) -> Any:
        """The lines as drawn, from reportlab's broken lines (the same, unless a subclass
        draws them in another order)."""
        return para

    def draw(self) -> None:
        logical: Any = getattr(self, "blPara")  # noqa: B009 - reportlab sets it untyped in wrap
        drawn = self.drawn_lines(logical)
        tagger = self._tagger()
        self.blPara = drawn
        try:
            if tagger is None or self.element is None or self.source is None:
                super().draw()
                return
            texts = _texts(logical)
            chunks = (
                [(Chunk(text, _link(logical)),) for text in texts]  # one run: a chunk per line
                if drawn is logical and logical.kind == 0
                else _chunks(drawn)
            )
            self._readings = line_readings(texts, chunks, self.source)
            with tagger.drawing(self.label if self.bulletText else self.element):
                super().draw()
        finally:
            self.blPara = logical
            self._readings = None

    def beginText(self, x: float, y: float) -> Any:  # noqa: N802 - reportlab's name
        """The text object of the lines (the bullet, if any, has been drawn before)."""
        tagger = self._tagger()
        if tagger is not None and self.element is not None:
            tagger.current = self.element
        text = super().beginText(x, y)
        if isinstance(text, TaggedTextObject) and self._readings is not None and self.source:
            text.read_as(self._readings, self.source)
        return text

    @contextmanager
    def drawing_label(self, reads_as: str | None = None) -> Iterator[None]:
        """Draw inside as the bullet of this paragraph, which ``reads_as`` that text when the
        drawing shows it otherwise."""
        tagger = self._tagger()
        with nullcontext() if tagger is None else tagger.drawing(self.label, reads_as):
            yield

    def _tagger(self) -> Tagger | None:
        tagger = getattr(self.canv, "tagging", None)
        return tagger if isinstance(tagger, Tagger) else None


def _texts(para: Any) -> list[str]:
    """The text of each broken line."""
    if para.kind == 0:
        return [" ".join(words) for _, words in para.lines]
    return ["".join(_shown(word) for word in line.words) for line in para.lines]


def _chunks(para: Any) -> list[tuple[Chunk, ...]]:
    """What reportlab shows of each drawn line, piece by piece, with the link of each piece."""
    if para.kind == 0:
        link = _link(para)
        return [(Chunk(" ".join(words), link),) for _, words in para.lines]
    lines = []
    for line in para.lines:
        last = len(line.words) - 1
        lines.append(
            tuple(
                Chunk(_shown(word), _link(word))
                for index, word in enumerate(line.words)
                # a callback (an anchor) shows text only when it ends the line
                if not hasattr(word, "cbDefn") or index == last
            )
        )
    return lines


def _shown(fragment: Any) -> str:
    """The text reportlab shows for a fragment (none for a callback such as an anchor)."""
    return "" if hasattr(fragment, "cbDefn") else str(getattr(fragment, "text", ""))


def _link(fragment: Any) -> tuple[int, str] | None:
    links = getattr(fragment, "link", None)
    if not links:
        return None
    number, url = links[0]
    return (number, url)
