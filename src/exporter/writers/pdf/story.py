"""The flowables of a handout, in reading order: title block, key points, sections.

Each kind of block has one small function; :func:`block_flowables` is the one dispatch on the
block type.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import HRFlowable

from exporter.model import Article, Block, ListBlock, Quote, Section
from exporter.model import Paragraph as ParagraphBlock
from exporter.text.metadata import byline
from exporter.text.scripts import has_right_to_left
from exporter.theme import Theme
from exporter.writers.pdf.bidi import BidiParagraph, RightToLeftParagraph
from exporter.writers.pdf.box import BoxLook, FramedBox
from exporter.writers.pdf.markup import inline_markup
from exporter.writers.pdf.splitting import SplittableParagraph
from exporter.writers.pdf.styles import Styles, TextStyle, rgb

#: Body paragraphs longer than this are set in pieces (see :func:`body_paragraph`).
_PIECE_CHARS = 10_000


class OutlineAnchor(Flowable):
    """A zero-size mark where a section starts: a PDF outline entry that opens at this spot."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.width = self.height = 0
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)


def story(article: Article, theme: Theme, styles: Styles) -> list[Flowable]:
    """Every flowable of the document, in reading order."""
    flowables = list(title_block(article, theme, styles))
    flowables.extend(key_points_box(article, theme, styles))
    for number, section in enumerate(article.sections, start=1):
        flowables.extend(section_flowables(section, number, theme, styles))
    return flowables


def text(value: str, style: TextStyle, theme: Theme, bullet: str | None = None) -> Paragraph:
    """A paragraph of article text in ``style`` (the only way article text becomes a Paragraph)."""
    markup = inline_markup(value, style.chain, theme.colors.link)
    kind = (
        RightToLeftParagraph
        if style.right_to_left
        else BidiParagraph
        if has_right_to_left(value)
        else SplittableParagraph
    )
    return kind(markup, style.paragraph, bulletText=bullet)


def title_block(article: Article, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    yield text(article.title, styles.title, theme)
    if article.subtitle:
        yield text(article.subtitle, styles.subtitle, theme)
    line = byline(article)
    if line:
        yield text(line, styles.meta, theme)
    yield HRFlowable(
        width="100%",
        thickness=theme.key_points.border_width,
        color=rgb(theme.colors.accent),
        spaceBefore=theme.spacing.paragraph_after,
        spaceAfter=theme.spacing.heading_before,
    )


def key_points_box(article: Article, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    """The boxed key points, absent when there are none."""
    if not article.key_points:
        return
    box = theme.key_points
    label = box.label_for(article.metadata.language)
    content: list[Flowable] = [text(label, styles.label, theme)] if label else []
    content.extend(
        text(point.text, styles.key_point, theme, bullet=box.bullet) for point in article.key_points
    )
    look = BoxLook(
        padding=box.padding,
        border_width=box.border_width,
        border_color=rgb(box.border_color),
        background=rgb(box.background),
    )
    page = theme.page
    framed = FramedBox(content, look, room=page.height - page.margin_top - page.margin_bottom)
    framed.spaceAfter = theme.spacing.heading_before
    yield framed


def section_flowables(
    section: Section, number: int, theme: Theme, styles: Styles
) -> Iterator[Flowable]:
    if section.heading:
        yield OutlineAnchor(f"section-{number}", section.heading.text)
        yield text(section.heading.text, styles.heading, theme)
    for block in section.blocks:
        yield from block_flowables(block, theme, styles)


def block_flowables(block: Block, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    match block:
        case ParagraphBlock():
            yield from body_paragraph(block.text, theme, styles)
        case ListBlock():
            yield from list_items(block, theme, styles)
        case Quote():
            for paragraph in block.paragraphs:
                yield from body_paragraph(paragraph.text, theme, styles)
        case _:
            assert_never(block)


def body_paragraph(value: str, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    """A body paragraph; a very long one as a run of pieces with no space between them.

    reportlab breaks all the remaining text of a paragraph into lines again on every page it
    flows onto, so one paragraph of a million characters would take hours: pieces of a few
    pages each keep the time linear, at the cost of a ragged line where one piece ends.
    """
    *pieces, last = _pieces(value)
    if pieces:
        joined = ParagraphStyle("body_piece", parent=styles.body.paragraph, spaceAfter=0)
        for piece in pieces:
            yield text(piece, TextStyle(joined, styles.body.chain), theme)
    yield text(last, styles.body, theme)


def _pieces(value: str) -> list[str]:
    """``value`` cut after a sentence (else a word) into pieces of at most ``_PIECE_CHARS``."""
    pieces = []
    while len(value) > _PIECE_CHARS:
        cut = value.rfind(". ", 0, _PIECE_CHARS) + 1
        if cut < _PIECE_CHARS // 2:
            cut = value.rfind(" ", 0, _PIECE_CHARS)
        if cut < _PIECE_CHARS // 2:  # one enormous word: cut it, but not off its marks
            cut = _PIECE_CHARS
            while cut > 1 and unicodedata.combining(value[cut]):
                cut -= 1
        pieces.append(value[:cut])
        value = value[cut:].lstrip(" ")
    return [*pieces, value]


def list_items(block: ListBlock, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    """Items with hanging indents: the bullet (or number) in the indent, wrapped lines aligned."""
    last = len(block.items) - 1
    for index, item in enumerate(block.items):
        bullet = f"{index + 1}." if block.ordered else theme.key_points.bullet
        style = styles.list_last if index == last else styles.list_item
        yield text(item.text, style, theme, bullet=bullet)
