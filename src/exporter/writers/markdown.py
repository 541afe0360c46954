"""The Markdown writer: the article as Markdown that exporter reads back as the same article.

The title, subtitle and metadata go in YAML front matter (as Pandoc, Jekyll and Hugo read
them); the key points are the list that opens the body, as in the reference brief; sections
are ``##`` headings; blocks are separated by blank lines. Text enters the output in exactly one
function, :func:`escape_markdown`, so every Markdown renderer shows it literally.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import assert_never

import yaml

from exporter.model import (
    Article,
    Block,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Quote,
    Section,
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
    pieces = []
    for part in split_links(text):
        literal = part.text if isinstance(part, Link) else part
        if isinstance(part, Link) and not _UNSAFE_IN_LINK.search(literal):
            pieces.append(literal)
        else:
            pieces.append(_INLINE.sub(lambda match: "\\" + match.group(), literal))
    escaped = "".join(pieces)
    escaped = _TRAILING_HASHES.sub(lambda match: "\\#" * len(match.group()), escaped)
    return _LINE_START.sub(_escape_line_start, escaped, count=1)


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
        yield _list(ListBlock(tuple(ListItem(point.text) for point in article.key_points)))


def _sections(sections: tuple[Section, ...]) -> Iterator[str]:
    for section in sections:
        if section.heading:
            yield f"## {escape_markdown(section.heading.text)}"
        yield from (_block(block) for block in section.blocks)


def _block(block: Block) -> str:
    match block:
        case Paragraph(text=text):
            return escape_markdown(text)
        case ListBlock():
            return _list(block)
        case Quote():
            return "\n>\n".join(f"> {escape_markdown(p.text)}" for p in block.paragraphs)
        case _:
            assert_never(block)


def _list(block: ListBlock) -> str:
    markers = (f"{number}." for number in range(1, len(block.items) + 1))
    return "\n".join(
        f"{next(markers) if block.ordered else '-'} {escape_markdown(item.text)}"
        for item in block.items
    )
