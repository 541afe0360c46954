"""Which characters a handout draws: what the fonts it carries must have.

Every format draws the article's text and some of the theme's (the key-points label in the
brief's language, the bullet, the running header and footer), so one function lists them all
for the writers that subset or convert fonts.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterator

from exporter.model import Article, block_texts
from exporter.text.metadata import byline, source_line
from exporter.text.wording import words_for
from exporter.theme import Theme

# What running heads and page numbers add: digits, the separator and the ellipsis that
# shortens a long title.
_RUNNING_EXTRAS = "0123456789/…"


@functools.lru_cache(maxsize=4)  # the writers of one brief ask in turn: work it out once
def document_characters(article: Article, theme: Theme) -> frozenset[str]:
    """Every character of ``article`` and of the theme text it is shown with.

    >>> from exporter.model import Article
    >>> "".join(sorted(document_characters(Article(title="Ωmega"), Theme())))
    ' /0123456789aegmΩ•…'
    """
    return frozenset("".join(document_texts(article, theme)))


def document_texts(article: Article, theme: Theme) -> Iterator[str]:
    """The pieces of text a handout of ``article`` shows, in no particular order."""
    metadata = article.metadata
    words = words_for(article, theme)
    yield from article.plain_texts()
    yield metadata.author or ""
    yield metadata.date or ""
    yield byline(article, words)
    source = source_line(article, words)
    yield source.text if source is not None else ""
    if article.key_points:
        yield theme.key_points.label_for(metadata.language)
    yield theme.key_points.bullet
    for part in (words.header, words.footer):
        for template in (part.left, part.center, part.right):
            # The literal text around the placeholders, which are filled from the above.
            yield "".join(literal for literal, *_ in string.Formatter().parse(template))
    yield words.digits  # page numbers and dates, in the handout's digits
    yield _RUNNING_EXTRAS


def body_texts(article: Article) -> Iterator[str]:
    """The text set in the body font: key points, paragraphs, quotes and list items."""
    for point in article.key_points:
        yield point.text
    for block in article.blocks():
        for piece in block_texts(block):
            yield piece.text
