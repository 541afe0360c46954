"""The article model: the one contract between the brief parser and every writer.

Everything here is an immutable value object with no knowledge of any output format. A writer
receives an :class:`Article` and walks it; the parser is the only producer.

Every piece of text the brief wrote (a key point, a heading, a paragraph, a list item) is an
:class:`Inline`: its plain text, the :class:`Span` runs marked inside it (strong, emphasis, code,
links; only in briefs written in Markdown), and the line of the brief it starts on, so that
whoever reports on it can name the line. Lines are not part of equality: the same text read from
another place is the same article. Where text is expected, a plain ``str`` is accepted too.

The JSON form returned by :meth:`Article.to_dict` is part of the command-line contract
(``exporter inspect --json``); ``docs/brief-format.md`` documents it. Plain strings stay where
they always were (``"text"``, ``"items"``, ``"key_points"``, ``"heading"``); the marked runs are
added beside them only when a text has some (``"spans"``, ``"item_spans"``,
``"key_point_spans"``, ``"heading_spans"``), so older readers keep working.
"""

from exporter.model.article import (
    Article,
    FrozenValue,
    Metadata,
    ParseWarning,
    Section,
    Severity,
    freeze,
)
from exporter.model.blocks import Block, ListBlock, ListItem, Paragraph, Quote, block_texts
from exporter.model.text import LINE_BREAK, Inline, Span, TextLike, inline, inlines, marked

__all__ = [
    "LINE_BREAK",
    "Article",
    "Block",
    "FrozenValue",
    "Inline",
    "ListBlock",
    "ListItem",
    "Metadata",
    "Paragraph",
    "ParseWarning",
    "Quote",
    "Section",
    "Severity",
    "Span",
    "TextLike",
    "block_texts",
    "freeze",
    "inline",
    "inlines",
    "marked",
]
