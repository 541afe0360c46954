"""The Markdown writer: the article as Markdown that exporter reads back as the same article.

The title, subtitle and metadata go in YAML front matter (as Pandoc, Jekyll and Hugo read
them); the key points are the list that opens the body, as in the reference brief; sections
are ``##`` headings (``###`` and below for subsections); blocks are separated by blank lines;
quotes are ``>`` blocks and a nested list is indented under its item. Marked spans are written
back as CommonMark reads them: ``**strong**``, ``*emphasis*``, backtick code (with as many
backticks as it takes), ``[text](<url>)`` links and ``\\`` line breaks. Text enters the output
in exactly one function, :func:`_escape_inline`, so every Markdown renderer shows it literally.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import assert_never

import yaml

from exporter.model import (
    Article,
    Block,
    Inline,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Quote,
    Section,
    Span,
)
from exporter.text.links import Link, split_links
from exporter.text.metadata import FRONT_MATTER_KEYS
from exporter.text.readable import readable
from exporter.theme import Theme

# Markup anywhere in a line: emphasis, code, links and images, raw HTML, strikethrough.
_INLINE = re.compile(r"[\\`*_\[\]<~]|&(?=#?[0-9A-Za-z]+;)")
# Characters that would end or mark up a web address left as written.
_UNSAFE_IN_LINK = re.compile(r"[\\`*\[\]<~&]")
# What makes a line a heading, list item, quote, rule, setext underline or table of content.
_LINE_START = re.compile(r"^(?:[#>+=-]|\d{1,9}(?=[.)]))")
# An ATX heading's closing sequence: "#" characters at the end of the line.
_TRAILING_HASHES = re.compile(r"(?<=\s)#+$")

# Front-matter keys of the metadata fields, in the order they are written.
_KNOWN_KEYS = ("author", "role", "date", "language", "keywords", "description", "source")


def render_markdown(article: Article, theme: Theme) -> bytes:
    """The article as UTF-8 Markdown with YAML front matter.

    >>> article = Article("Rates *on* hold", key_points=("1. Held",))
    >>> print(render_markdown(article, Theme()).decode())
    ---
    title: Rates *on* hold
    ---
    <BLANKLINE>
    - 1\\. Held
    <BLANKLINE>
    """
    del theme  # Markdown carries structure, not looks
    article = readable(article)
    parts = [_front_matter(article), *_key_points(article), *_sections(article.sections)]
    return "\n\n".join(parts).encode("utf-8") + b"\n"


def escape_markdown(text: str) -> str:
    """``text`` with every character Markdown would read as markup escaped by a backslash.

    Web addresses stay as written, so renderers still link them, unless they hold a
    character that would end or mark up a link there (then they are escaped like text).

    >>> escape_markdown("1. *Not* <b>bold</b> at www.example.org/a_b_c")
    '1\\\\. \\\\*Not\\\\* \\\\<b>bold\\\\</b> at www.example.org/a_b_c'
    """
    return _escape_line(_escape_inline(text))


def _escape_inline(text: str) -> str:
    """``text`` with every character that marks up text inside a line escaped."""
    pieces = []
    for part in split_links(text):
        literal = part.text if isinstance(part, Link) else part
        if isinstance(part, Link) and not _UNSAFE_IN_LINK.search(literal):
            pieces.append(literal)
        else:
            pieces.append(_INLINE.sub(lambda match: "\\" + match.group(), literal))
    return "".join(pieces)


def _escape_line(line: str) -> str:
    """An escaped line with what would make it a block (a heading, a list item, a quote) or
    close a heading escaped too."""
    line = _TRAILING_HASHES.sub(lambda match: "\\#" * len(match.group()), line)
    return _LINE_START.sub(_escape_line_start, line, count=1)


def markdown_text(text: Inline) -> str:
    """``text`` as Markdown, its marked spans as CommonMark marks them; a hard line break is a
    backslash at the end of a line.

    >>> from exporter.model import Span
    >>> markdown_text(Inline("a b c", (Span("a "), Span("b", strong=True), Span(" c"))))
    'a **b** c'
    """
    pieces = []
    for link, group in itertools.groupby(text.runs(), key=lambda span: span.link):
        inner = "".join(map(_span, group))
        pieces.append(inner if link is None else f"[{inner}](<{link}>)")
    return "\n".join(map(_escape_line, "".join(pieces).split("\n")))


def _span(span: Span) -> str:
    if span.text == "\n":
        return "\\\n"
    if span.code:
        before, core, after = "", _code(span.text), ""
    else:
        stripped = span.text.strip()
        start = span.text.index(stripped) if stripped else len(span.text)
        before, after = span.text[:start], span.text[start + len(stripped) :]
        core = _escape_inline(stripped)
    # Whitespace cannot open or close emphasis in CommonMark: it stays outside the marks.
    mark = "*" * (2 * span.strong + span.emphasis)
    if not (mark and core):
        return before + core + after
    return f"{before}{mark}{core}{mark}{after}"


def _code(text: str) -> str:
    """A code span holding ``text`` exactly: fenced by one backtick more than its longest run
    of them, padded by a space where CommonMark strips one (or a backtick would touch the
    fence)."""
    fence = "`" * (1 + max(map(len, re.findall("`+", text)), default=0))
    padded = text.startswith("`") or text.endswith("`")
    padded |= text.startswith(" ") and text.endswith(" ") and bool(text.strip())
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"


def _escape_line_start(match: re.Match[str]) -> str:
    start = match.group()
    if start.isdigit():  # "1." or "1)": escape the punctuation after the number
        return start + "\\"
    return "\\" + start


def _front_matter(article: Article) -> str:
    fields: dict[str, object] = {"title": article.title}
    if article.subtitle:
        fields["subtitle"] = article.subtitle
    fields |= _metadata_fields(article.metadata)
    dumped = yaml.safe_dump(
        fields, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**9
    )
    return f"---\n{dumped}---"


def _metadata_fields(metadata: Metadata) -> dict[str, object]:
    fields = metadata.to_dict()
    del fields["path"]  # where the brief was read from, not part of it
    # One author as "author: Name", several as a list (both read back the same).
    authors = fields.pop("authors")
    fields["author"] = authors[0] if isinstance(authors, list) and len(authors) == 1 else authors
    return {
        key: value
        for key, value in fields.items()
        if (
            value not in (None, [])
            if key in _KNOWN_KEYS
            else key.strip().lower() not in FRONT_MATTER_KEYS
        )
    }


def _key_points(article: Article) -> Iterator[str]:
    if article.key_points:
        points = tuple(ListItem(point.text, point.spans) for point in article.key_points)
        yield _list(ListBlock(points))


def _sections(sections: tuple[Section, ...]) -> Iterator[str]:
    for section in sections:
        if section.heading:
            level = min(max(section.level, 2), 6)
            yield f"{'#' * level} {markdown_text(section.heading)}"
        yield from (_block(block) for block in section.blocks)


def _block(block: Block) -> str:
    match block:
        case Paragraph():
            return markdown_text(block)
        case ListBlock():
            return _list(block)
        case Quote():
            return "\n>\n".join(_indented(markdown_text(p), "> ", "> ") for p in block.paragraphs)
        case _:
            assert_never(block)


def _list(block: ListBlock) -> str:
    """A list; each item's continuation lines and nested list are indented to its text."""
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.ordered else "- "
        indent = " " * len(marker)
        lines.append(_indented(markdown_text(item), marker, indent))
        if item.sublist is not None:
            lines.append(_indented(_list(item.sublist), indent, indent))
    return "\n".join(lines)


def _indented(text: str, first: str, rest: str) -> str:
    """``text`` with ``first`` before its first line and ``rest`` before the others."""
    head, *tail = text.split("\n")
    return "\n".join([first + head, *(rest + line for line in tail)])
