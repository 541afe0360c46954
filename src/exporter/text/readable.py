"""An article with no blank text where a handout needs some, for every format alike.

The parser never makes blank parts, but a hand-built article may (``Article("")``, an empty
heading), and formats differ in what they do with one: EPUB refuses an empty title or heading,
a Word file shows an empty line. :func:`readable` settles it once: blank optional parts go, and a
blank title becomes the first text the article has.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from exporter.model import Article, block_texts

#: The title of an article whose title is blank and that has no other text to name it by.
NO_TITLE = "\u2014"


def readable(article: Article) -> Article:
    """``article`` without blank text where a format needs some.

    >>> from exporter.model import Section
    >>> readable(Article("  ", sections=(Section(" ", ()), Section("Why", ())))).title
    'Why'
    """
    if article.title.strip() and not _has_blanks(article):
        return article  # what the parser makes: nothing to do

    def present(text: str | None) -> str | None:
        return text if text and text.strip() else None

    sections = tuple(
        section
        if section.heading is None or present(section.heading.text)
        else replace(section, heading=None)
        for section in article.sections
    )
    meta = article.metadata
    title = present(article.title) or next(
        filter(None, map(present, _candidates(article))), NO_TITLE
    )
    return replace(
        article,
        title=title,
        subtitle=present(article.subtitle),
        key_points=tuple(point for point in article.key_points if present(point.text)),
        sections=sections,
        metadata=replace(
            meta,
            author=None,
            authors=tuple(filter(present, meta.authors)),
            role=present(meta.role),
            date=present(meta.date),
            description=present(meta.description),
            keywords=tuple(filter(present, meta.keywords)),
        ),
    )


def _candidates(article: Article) -> Iterator[str | None]:
    """What may stand in for a blank title, best first: the subtitle, then the headings, the
    key points and the body."""
    yield article.subtitle
    yield from article.headings
    yield from (point.text for point in article.key_points)
    for block in article.blocks():
        yield from (piece.text for piece in block_texts(block))


def _has_blanks(article: Article) -> bool:
    meta = article.metadata
    optional = (article.subtitle, meta.role, meta.date, meta.description, *meta.keywords)
    optional += meta.authors
    return (
        any(text is not None and not text.strip() for text in optional)
        or any(not point.text.strip() for point in article.key_points)
        or any(
            section.heading is not None and not section.heading.text.strip()
            for section in article.sections
        )
    )
