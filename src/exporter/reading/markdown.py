"""Markdown briefs: CommonMark, parsed by markdown-it-py, into the units the parser reads.

A ``.md`` brief (or any brief whose front matter says ``markup: markdown``) is read as
CommonMark: ``#`` headings with their level, lists (an item's nested list is kept), block
quotes, hard line breaks, and inline emphasis, strong emphasis, code and links, which become
:class:`~exporter.model.Span` runs. Raw HTML stays literal text; an image becomes its alt text,
with a warning. Bullets that editors paste (``•``, ``–``) count as list markers, as they do in
plain-text briefs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from exporter.model import LINE_BREAK, ListBlock, ListItem, Paragraph, ParseWarning, Span, marked
from exporter.reading.lines import Heading, ListRun, QuoteRun, Text, Unit
from exporter.text.links import link_target

if TYPE_CHECKING:
    from markdown_it.token import Token

# Bullets people paste from word processors, made CommonMark list markers.
_PASTED_BULLET = re.compile(r"^(\s*)[•‣◦▪–](?=\s)", re.MULTILINE)

#: Decides whether a line, alone, is a wrapper the parser reads on its own (a byline, a date, a
#: key-points label): a paragraph of short lines starting with one is cut into lines.
IsWrapperLine = Callable[[str], bool]


@functools.cache
def _parser() -> Any:
    from markdown_it import MarkdownIt  # ~0.1 s: only for Markdown briefs

    # No raw HTML: "<b>" in a brief is text, never markup. No typographer: the text is the
    # brief's own, quotes and dashes as written.
    return MarkdownIt("commonmark", {"html": False})


def markdown_units(
    lines: list[str],
    first_number: int,
    is_wrapper_line: IsWrapperLine,
    warnings: list[ParseWarning],
) -> list[Unit]:
    """The units of a Markdown brief's body (``lines``, numbered from ``first_number``)."""
    text = _PASTED_BULLET.sub(r"\1-", "\n".join(lines))
    tokens = _parser().parse(text)
    reader = _Reader(tokens, first_number, is_wrapper_line, warnings)
    return list(reader.units())


class _Reader:
    """A walk over markdown-it's block tokens, one method per kind of block."""

    def __init__(
        self,
        tokens: Sequence[Token],
        first_number: int,
        is_wrapper_line: IsWrapperLine,
        warnings: list[ParseWarning],
    ) -> None:
        self.tokens = tokens
        self.index = 0
        self.first_number = first_number
        self.is_wrapper_line = is_wrapper_line
        self.warnings = warnings

    def units(self) -> Iterator[Unit]:
        while self.index < len(self.tokens):
            token = self.tokens[self.index]
            if token.type == "heading_open":
                yield self._heading(token)
            elif token.type == "paragraph_open":
                yield from self._paragraph_units()
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                yield self._list_run(token)
            elif token.type == "blockquote_open":
                yield self._quote(token)
            elif token.type in ("fence", "code_block"):
                yield self._code(token)
            else:  # hr, and closing tokens already consumed
                self.index += 1

    # -- blocks ----------------------------------------------------------------------------------

    def _line(self, token: Token) -> int:
        return self.first_number + (token.map[0] if token.map else 0)

    def _heading(self, token: Token) -> Heading:
        inline = self.tokens[self.index + 1]
        self.index += 3  # heading_open, inline, heading_close
        content = marked(self._spans(inline), self._line(token))
        return Heading(int(token.tag[1:]), content.text, content.line or 0, content.spans)

    def _paragraph_units(self) -> Iterator[Text]:
        opening = self.tokens[self.index]
        inline = self.tokens[self.index + 1]
        self.index += 3  # paragraph_open, inline, paragraph_close
        line = self._line(opening)
        lines = _split_at_soft_breaks(self._spans(inline, keep_soft_breaks=True))
        if len(lines) > 1 and (
            self.is_wrapper_line(_plain(lines[0])) or self.is_wrapper_line(_plain(lines[-1]))
        ):
            for offset, spans in enumerate(lines):
                content = marked(spans, line + offset)
                yield Text(content.text, line + offset, False, content.spans, markup=True)
            return
        joined = [Span(" ") if span.text == "\0" else span for span in _flatten(lines)]
        content = marked(joined, line)
        yield Text(content.text, line, len(lines) > 1, content.spans, markup=True)

    def _list_run(self, opening: Token) -> ListRun:
        block = self._list(opening)
        marker = ""
        if block.ordered:
            marker = f"{opening.attrs.get('start', 1)}{opening.markup or '.'}"
        return ListRun(block.items, block.ordered, self._line(opening), marker)

    def _list(self, opening: Token, depth: int = 0) -> ListBlock:
        """A list and, within it, one level of nesting; deeper lists join their parent's."""
        closing = opening.type.replace("_open", "_close")
        self.index += 1
        items: list[ListItem] = []
        while self.tokens[self.index].type != closing:
            token = self.tokens[self.index]
            if token.type == "list_item_open":
                items.extend(self._item(token, depth))
            else:
                self.index += 1
        self.index += 1
        return ListBlock(tuple(items), ordered=opening.type == "ordered_list_open")

    def _item(self, opening: Token, depth: int) -> list[ListItem]:
        self.index += 1
        spans: list[Span] = []
        nested: list[ListItem] = []
        nested_ordered: bool | None = None  # the first nested list's kind
        while self.tokens[self.index].type != "list_item_close":
            token = self.tokens[self.index]
            if token.type == "inline":
                if spans:
                    spans.append(Span(" "))
                spans.extend(self._spans(token))
                self.index += 1
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                sublist = self._list(token, depth + 1)
                nested.extend(sublist.items)
                if nested_ordered is None:
                    nested_ordered = sublist.ordered
            else:
                self.index += 1
        self.index += 1
        content = marked(spans, self._line(opening))
        if depth > 0:  # a list two levels down joins its parent's nested list
            flat = [ListItem(content.text, content.spans, content.line)]
            return flat + [ListItem(item.text, item.spans, item.line) for item in nested]
        nested_list = ListBlock(tuple(nested), bool(nested_ordered)) if nested else None
        return [ListItem(content.text, content.spans, content.line, nested_list)]

    def _quote(self, opening: Token) -> QuoteRun:
        self.index += 1
        paragraphs: list[Paragraph] = []
        depth = 1
        while depth:
            token = self.tokens[self.index]
            if token.type == "blockquote_open":
                depth += 1
            elif token.type == "blockquote_close":
                depth -= 1
            elif token.type == "inline":
                content = marked(self._spans(token), self._line(token))
                paragraphs.append(Paragraph(content.text, content.spans, content.line))
            elif token.type in ("fence", "code_block"):
                content = self._code_content(token)
                paragraphs.append(Paragraph(content.text, content.spans, content.line))
            self.index += 1
        return QuoteRun(tuple(paragraphs), self._line(opening))

    def _code(self, token: Token) -> Text:
        self.index += 1
        content = self._code_content(token)
        return Text(content.text, content.line or 0, True, content.spans, markup=True)

    def _code_content(self, token: Token) -> Paragraph:
        spans: list[Span] = []
        for number, line in enumerate(token.content.rstrip("\n").split("\n")):
            if number:
                spans.append(LINE_BREAK)
            spans.append(Span(line, code=True))
        content = marked(spans, self._line(token))
        return Paragraph(content.text, content.spans, content.line)

    # -- inline ----------------------------------------------------------------------------------

    def _spans(self, inline: Token, *, keep_soft_breaks: bool = False) -> list[Span]:
        """The inline children of ``inline`` as spans; a soft break is a space (or ``"\\0"``
        when the caller cuts the paragraph at them)."""
        spans: list[Span] = []
        strong = emphasis = 0
        links: list[str | None] = []
        for child in inline.children or ():
            kind = child.type
            link = links[-1] if links else None
            if kind == "text":
                spans.append(Span(child.content, strong > 0, emphasis > 0, False, link))
            elif kind == "code_inline":
                # Literal text: never made a link itself, but part of a link it is in.
                spans.append(Span(child.content, strong > 0, emphasis > 0, True, link))
            elif kind == "softbreak":
                spans.append(Span("\0" if keep_soft_breaks else " "))
            elif kind == "hardbreak":
                spans.append(LINE_BREAK)
            elif kind in ("strong_open", "strong_close"):
                strong += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                emphasis += 1 if kind == "em_open" else -1
            elif kind == "link_open":
                links.append(link_target(str(child.attrs.get("href", ""))))
            elif kind == "link_close" and links:
                links.pop()
            elif kind == "image":
                spans.append(Span(child.content, strong > 0, emphasis > 0, False, link))
                self._image_warning(child, inline)
            elif kind == "html_inline":  # only with html on; kept as text regardless
                spans.append(Span(child.content, strong > 0, emphasis > 0, False, link))
        return spans

    def _image_warning(self, image: Token, inline: Token) -> None:
        alt = image.content or "(no alt text)"
        source = image.attrs.get("src", "")
        self.warnings.append(
            ParseWarning(
                self._line(inline),
                f"image {source!r} is shown as its alt text {alt!r}: handouts hold text only",
            )
        )


def _split_at_soft_breaks(spans: list[Span]) -> list[list[Span]]:
    lines: list[list[Span]] = [[]]
    for span in spans:
        if span.text == "\0":
            lines.append([])
        else:
            lines[-1].append(span)
    return lines


def _flatten(lines: list[list[Span]]) -> list[Span]:
    flat: list[Span] = []
    for number, line in enumerate(lines):
        if number:
            flat.append(Span("\0"))
        flat.extend(line)
    return flat


def _plain(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)
