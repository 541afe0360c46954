"""Marked content: every graphics object on a page is either content of a structure element
(in a sequence with an MCID) or an artifact.

reportlab appends one complete graphics object per entry of a page's code list (a text object,
a rectangle, a line), so :class:`MarkedCode` wraps each entry as it arrives: as content of the
element being drawn, or as an artifact when none is. Text objects of tagged elements mark
themselves (:class:`TaggedTextObject`), because their text is marked finer than one entry: a
link is an element of its own, a hyphenated word reads as a whole, a line drawn in visual order
carries its text in reading order, a run in another script names its language, and each line
end gets back the space reportlab drops.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject

from exporter.text.scripts import foreign_runs
from exporter.writers.pdf.subsetcodes import first_subset_bytes
from exporter.writers.pdf.tagging.reading import Chunk, LineReading, SourceText
from exporter.writers.pdf.tagging.structure import Element, LinkElement

if TYPE_CHECKING:
    from exporter.writers.pdf.tagging.tagger import Tagger

END = "EMC"
# The last operator of an entry that paints (or ends a path), and of one that builds a path.
_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "sh", "Do", "EI"})
_PATH = frozenset({"m", "l", "c", "v", "y", "h", "re"})


def begin_content(
    role: str, mcid: int, *, actual_text: str | None = None, language: str | None = None
) -> str:
    """A marked-content sequence of an element; one may carry the text it reads as, or its
    language (a sequence inside another would hide the rest of the outer one from poppler)."""
    properties = [f"/MCID {mcid}"]
    if actual_text is not None:
        properties.append(f"/ActualText {text_string(actual_text)}")
    if language is not None:
        properties.append(f"/Lang {text_string(language)}")
    return f"/{role} <<{' '.join(properties)}>> BDC"


def begin_artifact(pagination: str | None) -> str:
    """An artifact; the running header and footer are pagination artifacts."""
    if pagination is None:
        return "/Artifact BMC"
    return f"/Artifact <</Type /Pagination /Subtype /{pagination}>> BDC"


def text_string(text: str) -> str:
    """A PDF text string as hexadecimal UTF-16BE with its byte order mark: any text, no escapes.

    >>> text_string("é")
    '<FEFF00E9>'
    """
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class MarkedCode(list[str]):
    """The code list of one page: each graphics object appended is marked as it arrives."""

    def __init__(self, tagger: Tagger, page: int) -> None:
        super().__init__()
        self.tagger = tagger
        self.page = page
        self._path: list[str] = []  # path construction waiting for the operator that paints it

    def append(self, entry: str) -> None:
        if entry.startswith("BT"):
            painting = " Tj" in entry or " TJ" in entry
        else:
            operators = entry.split()
            last = operators[-1] if operators else ""
            if last in _PATH:
                self._path.append(entry)
                return
            painting = last in _PAINTING
        if not painting:
            super().append(entry)
            return
        if self._path:
            entry = " ".join([*self._path, entry])
            self._path.clear()
        element = self.tagger.current
        if element is None:
            super().append(f"{begin_artifact(self.tagger.pagination)}\n{entry}\n{END}")
        else:
            mcid = self.tagger.mark(self.page, element)
            super().append(f"{begin_content(element.role, mcid)}\n{entry}\n{END}")

    def append_marked(self, entry: str) -> None:
        """Append a graphics object that carries its own marks."""
        super().append(entry)


# reportlab's own way to show text on a line, which the tagged text object marks around.
_show_text: Callable[[Any, str, int], None] = PDFTextObject._textOut  # type: ignore[attr-defined]


class TaggedTextObject(PDFTextObject):
    """A text object whose text is content of the element being drawn when it is made (an
    artifact when there is none).

    Marked-content sequences in it never nest: poppler ends the outer sequence at the first
    ``EMC`` of an inner one. So a word that reads differently, or a run in another language,
    is a sequence of its own, and the text after it goes on in a new one.
    """

    # reportlab's members that its type stubs leave out
    _code: list[str]
    _fontname: str
    _fontsize: float
    _leading: float
    _curSubset: int  # noqa: N815

    def __init__(
        self,
        canvas: Any,
        x: float = 0,
        y: float = 0,
        direction: Literal["LTR", "RTL"] | None = None,
    ) -> None:
        super().__init__(canvas, x, y, direction)
        self.tagger: Tagger = canvas.tagging
        self.page: int = canvas._code.page
        self.element: Element | None = self.tagger.current
        self.reads_as = self.tagger.reads_as
        self._open: Element | None = None  # the element of the open marked-content sequence
        self._open_as: tuple[str | None, str | None] = (None, None)  # and its properties
        self._readings: list[LineReading] | None = None
        self._source: SourceText | None = None
        self._line = 0  # the line being drawn
        self._chunk = 0  # the next chunk of that line
        self._offset = 0  # characters of the line drawn so far

    @property
    def marked(self) -> bool:
        return self.element is not None

    def read_as(self, readings: list[LineReading], source: SourceText) -> None:
        """Draw the lines of a paragraph, which read as ``readings``."""
        self._readings = readings
        self._source = source

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        # Text whose characters all have codes in the font's first subset (the usual case):
        # what reportlab writes, without its walk over every character (see subsetcodes).
        font: Any = pdfmetrics.getFont(self._fontname)
        if type(text) is str and getattr(font, "_dynamicFont", False):
            canvas: Any = getattr(self, "_canvas")  # noqa: B009 - not in reportlab's stubs
            shown = first_subset_bytes(font, canvas._doc, text)
            if shown is not None:
                showing = f"({canvas._escape(shown)}) Tj"
                if self._curSubset == 0:
                    return showing
                self._curSubset = 0  # reportlab selects the subset first
                subset = font.getSubsetInternalName(0, canvas._doc)
                return f"{subset} {fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL {showing}"
        formatted: str = super()._formatText(text)  # type: ignore[misc]
        return formatted

    def getCode(self) -> str:  # noqa: N802 - reportlab's name
        self._close()
        code: str = super().getCode()
        return code

    def textOut(self, text: str) -> None:  # noqa: N802
        self._open_for(self.element, actual_text=self.reads_as)
        super().textOut(text)

    def textLine(self, text: str = "") -> None:  # noqa: N802
        self._open_for(self.element, actual_text=self.reads_as)
        super().textLine(text)

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803
        reading = self._reading()
        if self.element is None or reading is None:
            self._open_for(self.element, actual_text=self.reads_as)
            _show_text(self, text, TStar)
            return
        if self._offset == 0 and self._chunk == 0:
            self.tagger.line_links.clear()  # the annotations of the line before are made
        link = self._chunk_link(reading, text)
        if reading.actual_text is not None:
            if text:
                self._actual_line(reading, text)
        else:
            # The space reportlab broke the line at, drawn (invisibly) at the line's end.
            space = bool(TStar) and reading.space and _has_space(self._fontname)
            self._show(reading, text, link, space)
        if TStar:
            self._end_line(reading)

    def _reading(self) -> LineReading | None:
        readings = self._readings
        if readings is None or self._line >= len(readings):
            return None
        return readings[self._line]

    def _chunk_link(self, reading: LineReading, text: str) -> LinkElement | None:
        """The link of the chunk reportlab shows now (chunks come in the order planned); it is
        noted for the annotation made after the line."""
        if self._chunk >= len(reading.chunks) or reading.chunks[self._chunk].text != text:
            self._chunk = len(reading.chunks)  # not as planned: the rest stays with the element
            return None
        chunk: Chunk = reading.chunks[self._chunk]
        self._chunk += 1
        if chunk.link is None or self._source is None or self.element is None:
            return None
        links = self._source.links
        if chunk.link not in links:
            links[chunk.link] = LinkElement(self.element, chunk.link[1])
        link = links[chunk.link]
        noted = self.tagger.line_links
        if not noted or noted[-1] is not link:
            noted.append(link)
        return link

    def _actual_line(self, reading: LineReading, text: str) -> None:
        """A chunk of a line drawn in visual order: the line is one sequence, read as a whole."""
        if self._offset == 0:
            self._close()
            self._open_for(self.element, actual_text=reading.actual_text)
        self._code.append(self._formatText(text))
        self._offset += len(text)

    def _show(self, reading: LineReading, text: str, link: LinkElement | None, space: bool) -> None:
        """``text`` with its hyphenated-word and other-language parts in sequences of their
        own, and a ``space`` after it."""
        element = self.element if link is None else link
        start, end = self._offset, self._offset + len(text)
        head = reading.head
        if head is None and not reading.tail:  # the common case: no word broken here
            self._languages(element, text, space)
            self._offset = end
            if link is not None:
                link.text += text
            return
        edges = (reading.tail, -1 if head is None else head)
        cuts = sorted({0, len(text)} | {edge - start for edge in edges if start < edge < end})
        for left, right in itertools.pairwise(cuts):
            piece = text[left:right]
            last = space and right == len(text)
            if start + left < reading.tail:
                self._piece(element, piece, actual_text="")
            elif head is not None and start + left >= head:
                # the whole word on its first piece: it reads once, where it starts
                whole = reading.word if start + left == head else ""
                self._piece(element, piece, actual_text=whole)
            else:
                self._languages(element, piece, last)
                continue
            if last:
                self._piece(element, " ")
        if space and not text:
            self._piece(element, " ")
        if link is not None:
            link.text += text
        self._offset = end

    def _languages(self, element: Element | None, text: str, space: bool) -> None:
        """``text`` (and a ``space`` after it), its runs in other scripts marked as such."""
        if not self.tagger.may_be_foreign(text):
            self._piece(element, text + " " if space else text)
            return
        runs = list(foreign_runs(text, self.tagger.language))
        for index, (run, run_language) in enumerate(runs):
            ends = space and index == len(runs) - 1
            if run_language is None:
                self._piece(element, run + " " if ends else run)
            else:
                self._piece(element, run, language=run_language)
                if ends:
                    self._piece(element, " ")

    def _piece(
        self,
        element: Element | None,
        text: str,
        *,
        actual_text: str | None = None,
        language: str | None = None,
    ) -> None:
        """``text`` as content of ``element``: in the open sequence when it is that element's
        and plain, else in a new one (which stays open only when plain)."""
        if actual_text is None and language is None:
            self._open_for(element)
            self._code.append(self._formatText(text))
            return
        self._close()
        self._open_for(element, actual_text=actual_text, language=language)
        self._code.append(self._formatText(text))
        self._close()

    def _end_line(self, reading: LineReading) -> None:
        if reading.actual_text is not None:
            self._close()
        self._code.append("T*")
        self._line += 1
        self._chunk = 0
        self._offset = 0

    def _open_for(
        self,
        element: Element | None,
        *,
        actual_text: str | None = None,
        language: str | None = None,
    ) -> None:
        if element is None or (element is self._open and self._open_as == (actual_text, language)):
            return
        self._close()
        mcid = self.tagger.mark(self.page, element)
        self._code.append(
            begin_content(element.role, mcid, actual_text=actual_text, language=language)
        )
        self._open = element
        self._open_as = (actual_text, language)

    def _close(self) -> None:
        if self._open is not None:
            self._code.append(END)
            self._open = None


@functools.cache
def _has_space(font_name: str) -> bool:
    """Whether the font has a glyph for the space (else it would draw ``.notdef``)."""
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    return face is None or 32 in getattr(face, "charToGlyph", {32: 0})
