"""The flowables of a handout, in reading order: title block, key points, sections.

Each kind of block has one small function; :func:`block_flowables` is the one dispatch on the
block type. Each also builds the structure element its text belongs to in a tagged PDF, below
the ``Document`` element, in reading order (see :mod:`exporter.writers.pdf.tagging`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import HRFlowable

from exporter.model import Article, Block, Inline, ListBlock, Quote, Section, Span, marked
from exporter.model import Paragraph as ParagraphBlock
from exporter.text.metadata import byline, source_line
from exporter.text.scripts import has_right_to_left
from exporter.text.wording import Words
from exporter.theme import Theme
from exporter.writers.pdf.bidi import BidiParagraph, RightToLeftParagraph
from exporter.writers.pdf.box import BoxLook, FramedBox
from exporter.writers.pdf.fragments import plain_fragments
from exporter.writers.pdf.hyphenation import paragraph_style
from exporter.writers.pdf.kinsoku import KinsokuParagraph
from exporter.writers.pdf.markup import inline_markup
from exporter.writers.pdf.styles import Styles, TextStyle, rgb
from exporter.writers.pdf.tagging.paragraph import TaggedParagraph
from exporter.writers.pdf.tagging.structure import Element

#: Body paragraphs longer than this are set in pieces (see :func:`body_paragraph`).
_PIECE_CHARS = 10_000


#: The level of a section heading (the title is the one ``H1``), and its structure type.
SECTION_LEVEL = 2
SECTION_HEADING = f"H{SECTION_LEVEL}"
#: How a list numbers its items, as the ``ListNumbering`` attribute of its ``L`` element.
_LIST_NUMBERING = {"•": "Disc", "◦": "Circle", "▪": "Square", "■": "Square"}


class OutlineAnchor(Flowable):
    """A zero-size mark where a part starts: a PDF outline entry that opens at this spot.

    ``level`` nests the entry (0 at the top); an entry may be at most one level below the one
    before it.
    """

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.width = self.height = 0
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def story(
    article: Article, theme: Theme, styles: Styles, document: Element, words: Words
) -> list[Flowable]:
    """Every flowable of the document, in reading order, with their structure elements in
    ``document``, and the handout's ``words``. The outline starts with the title and the key
    points, then the sections."""
    flowables = list(title_block(article, theme, styles, document, words))
    flowables.extend(key_points_box(article, theme, styles, document))
    levels = heading_levels(article.sections)
    for number, (section, level) in enumerate(zip(article.sections, levels, strict=True), 1):
        flowables.extend(section_flowables(section, number, level, theme, styles, document))
    flowables.extend(source_flowables(article, theme, styles, document, words))
    return flowables


def source_flowables(
    article: Article, theme: Theme, styles: Styles, document: Element, words: Words
) -> Iterator[Flowable]:
    """The line naming the story's source, at the end, its address a link."""
    line = source_line(article, words)
    if line is not None:
        yield text(line, styles.source, theme, document.add("P"))


def heading_levels(sections: Sequence[Section]) -> list[int]:
    """The level of each section's heading, where no heading is more than one level below the
    one before it (the title is level 1): PDF/UA allows no gap, and neither does the outline.

    >>> heading_levels([Section("A", level=3), Section("B", level=2), Section("C", level=4)])
    [2, 2, 3]
    """
    levels, last = [], 1
    for section in sections:
        level = max(SECTION_LEVEL, min(section.level, last + 1)) if section.heading else last
        levels.append(level)
        if section.heading:
            last = level
    return levels


def text(
    value: Inline | str,
    style: TextStyle,
    theme: Theme,
    element: Element,
    *,
    bullet: str | None = None,
    label: Element | None = None,
    continued: bool = False,
) -> Paragraph:
    """A paragraph of article text in ``style`` (the only way article text becomes a Paragraph),
    as content of ``element`` (its ``bullet`` of ``label``); ``continued``: the text goes on
    in the next paragraph (see :func:`body_paragraph`)."""
    markup = inline_markup(value, style.chain, theme.colors.link, theme.fonts)
    plain = value if isinstance(value, str) else value.text
    kind = (
        RightToLeftParagraph
        if style.right_to_left
        else BidiParagraph
        if has_right_to_left(plain)
        else KinsokuParagraph
        if style.paragraph.wordWrap == "CJK"
        else TaggedParagraph
    )
    look = paragraph_style(markup, style.paragraph)
    fragments = plain_fragments(markup, look)  # None: reportlab parses the markup's tags
    if fragments is None:
        paragraph = kind(markup, look, bulletText=bullet)
    else:
        paragraph = kind(fragments[0], look, bulletText=bullet, frags=fragments[1])
    return paragraph.tagged(element, label, continued=continued)


def title_block(
    article: Article, theme: Theme, styles: Styles, document: Element, words: Words
) -> Iterator[Flowable]:
    yield OutlineAnchor("title", article.title)
    yield text(article.title, styles.title, theme, document.add("H1"))
    if article.subtitle:
        yield text(article.subtitle, styles.subtitle, theme, document.add("P"))
    line = byline(article, words)
    if line:
        yield text(line, styles.meta, theme, document.add("P"))
    yield HRFlowable(
        width="100%",
        thickness=theme.key_points.border_width,
        color=rgb(theme.colors.accent),
        spaceBefore=theme.spacing.paragraph_after,
        spaceAfter=theme.spacing.heading_before,
    )


def key_points_box(
    article: Article, theme: Theme, styles: Styles, document: Element
) -> Iterator[Flowable]:
    """The boxed key points, absent when there are none: an aside (a ``Sect`` titled with the
    box's label) holding the label as a heading and the points as a list."""
    if not article.key_points:
        return
    box = theme.key_points
    label = box.label_for(article.metadata.language)
    aside = document.add("Aside", title=label.strip() or None)
    content: list[Flowable] = []
    if label.strip():  # a theme without a label gets no empty heading or outline entry
        yield OutlineAnchor("key-points", label)
        content.append(text(label, styles.label, theme, aside.add(SECTION_HEADING)))
    items = aside.add("L", attributes=_list_attributes(box.bullet, ordered=False))
    content.extend(
        _item(point, styles.key_point, theme, items, box.bullet) for point in article.key_points
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
    section: Section, number: int, level: int, theme: Theme, styles: Styles, document: Element
) -> Iterator[Flowable]:
    """A section; its heading is ``H{level}`` and nests in the outline by that level."""
    if section.heading:
        heading = section.heading
        yield OutlineAnchor(f"section-{number}", heading.text, level - SECTION_LEVEL)
        yield text(heading, styles.heading_at(level), theme, document.add(f"H{level}"))
    for block in section.blocks:
        yield from block_flowables(block, theme, styles, document)


def block_flowables(
    block: Block, theme: Theme, styles: Styles, parent: Element
) -> Iterator[Flowable]:
    match block:
        case ParagraphBlock():
            yield from body_paragraph(block, theme, styles, parent.add("P"))
        case ListBlock():
            yield from list_items(block, theme, styles, parent)
        case Quote():
            quote = parent.add("BlockQuote")
            for paragraph in block.paragraphs:
                yield text(paragraph, styles.quote, theme, quote.add("P"))
        case _:
            assert_never(block)


def body_paragraph(
    value: Inline | str, theme: Theme, styles: Styles, element: Element
) -> Iterator[Flowable]:
    """A body paragraph; a very long one as a run of pieces with no space between them.

    reportlab breaks all the remaining text of a paragraph into lines again on every page it
    flows onto, so one paragraph of a million characters would take hours: pieces of a few
    pages each keep the time linear, at the cost of a ragged line where one piece ends. In a
    tagged PDF the pieces are one paragraph.
    """
    *pieces, last = _marked_pieces(value) if isinstance(value, Inline) else _pieces(value)
    if pieces:
        joined = ParagraphStyle("body_piece", parent=styles.body.paragraph, spaceAfter=0)
        for piece in pieces:
            style = TextStyle(joined, styles.body.chain)
            yield text(piece, style, theme, element, continued=True)
    yield text(last, styles.body, theme, element)


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
    block: ListBlock,
    theme: Theme,
    styles: Styles,
    parent: Element,
    *,
    nested: bool = False,
    closing: bool = True,
) -> Iterator[Flowable]:
    """Items with hanging indents: the bullet (or number) in the indent, wrapped lines aligned;
    an item's nested list follows it, indented one step further (an ``L`` in the item's
    ``LBody``). The item that ``closing`` the whole list is spaced like the end of a paragraph."""
    bullet = theme.key_points.bullet
    items = parent.add("L", attributes=_list_attributes(bullet, ordered=block.ordered))
    item_style, last_style = (
        (styles.nested_item, styles.nested_last) if nested else (styles.list_item, styles.list_last)
    )
    last = len(block.items) - 1
    for index, item in enumerate(block.items):
        mark = f"{index + 1}." if block.ordered else bullet
        ends = closing and index == last
        style = last_style if ends and item.sublist is None else item_style
        paragraph, content = _item_text(item, style, theme, items.add("LI"), mark)
        yield paragraph
        if item.sublist is not None:
            yield from list_items(item.sublist, theme, styles, content, nested=True, closing=ends)


def _item(
    value: Inline | str, style: TextStyle, theme: Theme, items: Element, mark: str
) -> Paragraph:
    """One list item: ``LI`` with its mark (``Lbl``) and its text (``LBody``)."""
    return _item_text(value, style, theme, items.add("LI"), mark)[0]


def _item_text(
    value: Inline | str, style: TextStyle, theme: Theme, item: Element, mark: str
) -> tuple[Paragraph, Element]:
    """The mark (``Lbl``) and text of list item ``item``, and its ``LBody`` (where a nested
    list goes)."""
    label = item.add("Lbl")
    content = item.add("LBody")
    return text(value, style, theme, content, bullet=mark, label=label), content


def _list_attributes(bullet: str, *, ordered: bool) -> dict[str, str]:
    numbering = "Decimal" if ordered else _LIST_NUMBERING.get(bullet, "None")
    return {"O": "List", "ListNumbering": numbering}
