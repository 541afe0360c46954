"""The page side of the PDF: paper and frame, running header and footer, outline and metadata.

The header and footer may show the total page count (``{pages}``), which is known only once
every page is laid out: :class:`PagedCanvas` holds the pages back and decorates them on save.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak

from exporter.model import Article
from exporter.text.metadata import subject
from exporter.text.templates import fill_template, running_values
from exporter.text.wording import Words
from exporter.theme import HeaderFooter, Theme
from exporter.writers.pdf.bidi import visual_runs
from exporter.writers.pdf.embedding import embed_fonts
from exporter.writers.pdf.logo import header_logo
from exporter.writers.pdf.styles import Styles, TextStyle
from exporter.writers.pdf.typefaces import FaceChain

_ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class RunningText:
    """The header and footer templates in the brief's language, and what they are filled with
    besides the page numbers."""

    values: tuple[tuple[str, str], ...]
    words: Words

    @classmethod
    def of(cls, article: Article, words: Words) -> RunningText:
        return cls(tuple(running_values(article, words).items()), words)

    def fill(self, template: str, page: int, pages: int) -> str:
        """``template`` filled for one page, the numbers in the handout's digits.

        >>> from exporter.text.wording import words_for
        >>> words = words_for(Article("T"), Theme())
        >>> RunningText((("title", "T"),), words).fill("{title}: {page} / {pages} {x}", 2, 5)
        'T: 2 / 5 {x}'
        """
        numbers = {"page": self.words.number(page), "pages": self.words.number(pages)}
        return fill_template(template, {**dict(self.values), **numbers})


class PagedCanvas(Canvas):
    """A canvas that draws each page's running header and footer once the page count is known."""

    def __init__(
        self,
        *args: Any,
        decorate: Callable[[PagedCanvas, int, int], None],
        moment: datetime,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self.moment = moment
        self._held_pages: list[dict[str, Any]] = []
        # Destinations name the page being drawn, which is emitted only on save.
        self._held_bookmarks: dict[int, list[tuple[str, dict[str, Any]]]] = {}
        stamp = moment.strftime("D:%Y%m%d%H%M%S+00'00'")
        self.setDateFormatter(lambda *_: stamp)
        self.showOutline()

    # Held until the page is emitted; callers in platypus do not use the return value.
    def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # type: ignore[override]  # noqa: N802
        self._held_bookmarks.setdefault(len(self._held_pages), []).append((key, kwargs))

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's page-reset hook

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            for key, kwargs in self._held_bookmarks.get(number - 1, []):
                super().bookmarkPage(key, **kwargs)
            self._decorate(self, number, total)
            super().showPage()
        self.finish_document()
        embed_fonts(self._doc)  # type: ignore[attr-defined]  # reportlab's document
        super().save()

    @contextmanager
    def pagination(self, part: str) -> Iterator[None]:
        """Draw the running ``part`` ("Header" or "Footer") inside (a tagged canvas marks it)."""
        yield

    def finish_document(self) -> None:
        """Called once every page is out, before the file is written (a tagged canvas adds
        its structure here)."""


def page_decorator(
    theme: Theme, styles: Styles, values: RunningText
) -> Callable[[PagedCanvas, int, int], None]:
    """Draw the running header and footer of one page.

    The first page has no running header: its title block says the same, larger. The theme's
    logo stands at the header's leading edge on every page, the header's text beside it.
    """
    page = theme.page
    width = page.width - page.margin_left - page.margin_right
    header_y = page.height - page.margin_top / 2
    footer_y = page.margin_bottom / 2
    running = styles.running
    size = running.paragraph.fontSize
    logo = header_logo(theme.brand.logo, size * 2.2)
    room = logo.width + size * 2 if logo is not None else 0.0  # what the logo takes

    def decorate(canvas: PagedCanvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(running.paragraph.textColor)
        if logo is not None:
            x = page.margin_left + width - logo.width if running.right_to_left else page.margin_left
            with canvas.pagination("Header"):
                logo.draw(canvas, x, header_y + size * 0.35 - logo.height / 2)
        lines = [("Footer", values.words.footer, footer_y, page.margin_left, width)]
        if number > 1:
            left = page.margin_left + (0 if running.right_to_left else room)
            lines.append(("Header", values.words.header, header_y, left, width - room))
        for part, parts, y, left, line_width in lines:
            if running.right_to_left:  # a right-to-left page reads from the right edge
                parts = replace(parts, left=parts.right, right=parts.left)
            with canvas.pagination(part):
                _draw_line(canvas, parts, y, left, line_width, values, number, total, running)
        canvas.restoreState()

    return decorate


def _draw_line(
    canvas: Canvas,
    parts: HeaderFooter,
    y: float,
    left: float,
    width: float,
    values: RunningText,
    page: int,
    pages: int,
    style: TextStyle,
) -> None:
    if parts.is_empty:
        return
    chain, size = style.chain, style.paragraph.fontSize
    base: Literal["L", "R"] = "R" if style.right_to_left else "L"
    gap = size * 2  # the least white space between two parts

    def filled(template: str, room: float) -> str:
        return fit(values.fill(template, page, pages), chain, size, max(room, 0))

    def draw(text: str, x: float, anchor: float) -> None:
        """Draw ``text`` with its left edge at ``x - anchor * width``."""
        runs = visual_runs(text, chain, base)
        x -= anchor * sum(stringWidth(run, font, size) for run, font in runs)
        for run, font in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += stringWidth(run, font, size)

    center = filled(parts.center, width / 2)
    if center:
        side_room = (width - text_width(center, chain, size)) / 2 - gap
        right = filled(parts.right, side_room)
        left_text = filled(parts.left, side_room)
        draw(center, left + width / 2, 0.5)
    else:
        right = filled(parts.right, width / 2 - gap / 2)
        left_text = filled(parts.left, width - text_width(right, chain, size) - gap)
    draw(left_text, left, 0)
    draw(right, left + width, 1)


def text_width(text: str, chain: FaceChain, size: float) -> float:
    """The width of ``text`` set along ``chain`` (each character in the font that has it)."""
    return sum(stringWidth(run, font, size) for run, font in visual_runs(text, chain, "L"))


@functools.lru_cache(maxsize=256)  # the same header on every page: measured once
def fit(line: str, chain: FaceChain, size: float, width: float) -> str:
    """``line`` shortened with an ellipsis until it is no wider than ``width``."""
    if not line or text_width(line, chain, size) <= width:
        return line
    while line and text_width(line + _ELLIPSIS, chain, size) > width:
        line = line[:-1]
    return line.rstrip() + _ELLIPSIS


def document_template(
    buffer: Any, article: Article, theme: Theme, styles: Styles, language: str
) -> BaseDocTemplate:
    """The one-frame page template with the document's metadata."""
    page = theme.page
    frame = Frame(
        page.margin_left,
        page.margin_bottom,
        page.width - page.margin_left - page.margin_right,
        page.height - page.margin_top - page.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    metadata = article.metadata
    return BaseDocTemplate(
        buffer,
        pagesize=(page.width, page.height),
        leftMargin=page.margin_left,
        rightMargin=page.margin_right,
        topMargin=page.margin_top,
        bottomMargin=page.margin_bottom,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        title=article.title,
        author=metadata.author or "",
        subject=subject(article) or "",
        keywords=list(metadata.keywords),
        creator="exporter",
        lang=language,
        displayDocTitle=1,
        invariant=1,
        initialFontName=styles.body.paragraph.fontName,
        initialFontSize=styles.body.paragraph.fontSize,
        initialLeading=styles.body.paragraph.leading,
        keepTogetherClass=_keep_heading_with_text(_first_lines(styles)),
    )


@functools.lru_cache(maxsize=16)  # making a class costs more than laying out a heading
def _keep_heading_with_text(first_lines: float) -> type[KeepTogether]:
    class KeepHeadingWithText(KeepTogether):
        """A heading and its next block (reportlab's ``keepWithNext`` group).

        reportlab's own group moves to the next page whenever the whole group does not fit,
        which leaves most of a page empty before a long paragraph. This one moves only when
        the heading and the first lines of what follows do not fit, and otherwise lets the
        text split after them.
        """

        def split(self, available_width: float, available_height: float) -> list[Flowable]:
            content: list[Flowable] = list(self._content)  # type: ignore[attr-defined]
            need = 0.0
            for index, item in enumerate(content):
                height = item.wrap(available_width, available_height)[1]
                if index == len(content) - 1:
                    need += item.getSpaceBefore() + min(height, first_lines)
                else:
                    need += item.getSpaceBefore() + height + item.getSpaceAfter()
            frame = getattr(self, "_frame", None)
            at_top = bool(frame is not None and getattr(frame, "_atTop", False))
            if need > available_height and not at_top:
                return [FrameBreak(), *content]
            if content[0].wrap(available_width, available_height)[1] > available_height:
                # A heading taller than the page (a giant word): it has to split itself.
                return [*content[0].split(available_width, available_height), *content[1:]]
            return content

    return KeepHeadingWithText


def _first_lines(styles: Styles) -> float:
    """How much of the text after a heading must fit below it: three lines, since two is
    the least a paragraph splits into without an orphan or a widow."""
    return float(3 * styles.body.paragraph.leading)
