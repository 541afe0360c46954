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

from exporter.model import Article, Block, Inline, ListBlock, Quote, Section, Span, marked
from exporter.model import Paragraph as ParagraphBlock
from exporter.text.metadata import byline, source_line
from exporter.text.scripts import has_right_to_left
from exporter.theme import Theme
from exporter.writers.pdf.bidi import BidiParagraph, RightToLeftParagraph
from exporter.writers.pdf.box import BoxLook, FramedBox
from exporter.writers.pdf.markup import inline_markup
from exporter.writers.pdf.styles import Styles, TextStyle, rgb

#: Body paragraphs longer than this are set in pieces (see :func:`body_paragraph`).
_PIECE_CHARS = 10_000


class OutlineAnchor(Flowable):
    """A zero-size mark where a section starts: a PDF outline entry that opens at this spot."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level  # 0 for a section, 1 for its subsections…
        self.width = self.height = 0
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def story(article: Article, theme: Theme, styles: Styles) -> list[Flowable]:
    """Every flowable of the document, in reading order."""
    flowables = list(title_block(article, theme, styles))
    flowables.extend(key_points_box(article, theme, styles))
    levels = outline_levels(article.sections)
    for number, (section, level) in enumerate(zip(article.sections, levels, strict=True), 1):
        flowables.extend(section_flowables(section, number, theme, styles, outline_level=level))
    flowables.extend(source_flowables(article, theme, styles))
    return flowables


def outline_levels(sections: tuple[Section, ...]) -> list[int]:
    """Each section's depth in the PDF outline: its level below a section, but never more than
    one deeper than the entry before it (an outline cannot skip a level)."""
    levels: list[int] = []
    previous = -1
    for section in sections:
        depth = max(0, min(section.level - 2, previous + 1))
        levels.append(depth)
        if section.heading:
            previous = depth
    return levels


def source_flowables(article: Article, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    """The line naming the story's source, at the end, its address a link."""
    line = source_line(article)
    if line is not None:
        yield text(line, styles.source, theme)


def text(
    value: Inline | str, style: TextStyle, theme: Theme, bullet: str | None = None
) -> Paragraph:
    """A paragraph of article text in ``style`` (the only way article text becomes a Paragraph)."""
    markup = inline_markup(value, style.chain, theme.colors.link, theme.fonts)
    plain = value if isinstance(value, str) else value.text
    kind = (
        RightToLeftParagraph
        if style.right_to_left
        else BidiParagraph
        if has_right_to_left(plain)
        else Paragraph
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
        text(point, styles.key_point, theme, bullet=box.bullet) for point in article.key_points
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
    section: Section, number: int, theme: Theme, styles: Styles, *, outline_level: int = 0
) -> Iterator[Flowable]:
    if section.heading:
        yield OutlineAnchor(f"section-{number}", section.heading.text, outline_level)
        yield text(section.heading, styles.heading_at(section.level), theme)
    for block in section.blocks:
        yield from block_flowables(block, theme, styles)


def block_flowables(block: Block, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    match block:
        case ParagraphBlock():
            yield from body_paragraph(block, theme, styles)
        case ListBlock():
            yield from list_items(block, theme, styles)
        case Quote():
            for paragraph in block.paragraphs:
                yield text(paragraph, styles.quote, theme)
        case _:
            assert_never(block)


def body_paragraph(value: Inline | str, theme: Theme, styles: Styles) -> Iterator[Flowable]:
    """A body paragraph; a very long one as a run of pieces with no space between them.

    reportlab breaks all the remaining text of a paragraph into lines again on every page it
    flows onto, so one paragraph of a million characters would take hours: pieces of a few
    pages each keep the time linear, at the cost of a ragged line where one piece ends.
    """
    *pieces, last = _marked_pieces(value) if isinstance(value, Inline) else _pieces(value)
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


def _marked_pieces(value: Inline) -> list[Inline]:
    """A marked ``value`` cut as :func:`_pieces` cuts text, each piece keeping its marks."""
    if len(value.text) <= _PIECE_CHARS:
        return [value]
    pieces: list[list[Span]] = [[]]
    size = 0
    for span in value.runs():
        for part in _pieces(span.text):
            if size + len(part) > _PIECE_CHARS and pieces[-1]:
                pieces.append([])
                size = 0
            pieces[-1].append(Span(part, span.strong, span.emphasis, span.code, span.link))
            size += len(part)
    return [marked(piece) for piece in pieces]


def list_items(
    block: ListBlock, theme: Theme, styles: Styles, *, nested: bool = False, closing: bool = True
) -> Iterator[Flowable]:
    """Items with hanging indents: the bullet (or number) in the indent, wrapped lines aligned;
    an item's nested list follows it, indented one step further. The item that ``closing``
    the whole list is spaced like the end of a paragraph."""
    last = len(block.items) - 1
    item_style, last_style = (
        (styles.nested_item, styles.nested_last) if nested else (styles.list_item, styles.list_last)
    )
    for index, item in enumerate(block.items):
        bullet = f"{index + 1}." if block.ordered else theme.key_points.bullet
        ends = closing and index == last
        style = last_style if ends and item.sublist is None else item_style
        yield text(item, style, theme, bullet=bullet)
        if item.sublist is not None:
            yield from list_items(item.sublist, theme, styles, nested=True, closing=ends)
