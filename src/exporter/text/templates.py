"""What fills a running header or footer: the theme's templates and the brief's facts.

Format-free and shared, so the Word file and the PDF show the same header. A template is
literal text with placeholders ``{title}``, ``{short_title}``, ``{author}``, ``{date}``,
``{page}`` and ``{pages}``; any other brace is text. The page numbers are left to each writer
(a live field in DOCX, a number drawn per page in PDF).
"""

from __future__ import annotations

import re

from exporter.model import Article

#: Every placeholder a template may use, in the order the theme documentation lists them.
PLACEHOLDERS = ("title", "short_title", "author", "date", "page", "pages")
#: The placeholders each writer fills per page.
PAGE_PLACEHOLDERS = frozenset({"page", "pages"})

_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
_SHORT_TITLE_LENGTH = 48


def running_values(article: Article) -> dict[str, str]:
    """The values of every placeholder except the page numbers."""
    return {
        "title": article.title,
        "short_title": short_title(article.title),
        "author": article.metadata.author or "",
        "date": article.metadata.date or "",
    }


def short_title(title: str, limit: int = _SHORT_TITLE_LENGTH) -> str:
    """``title`` cut at a word boundary to at most ``limit`` characters, with an ellipsis.

    >>> short_title("North Korea’s Unconditional Support for Russia in Ukraine", 30)
    'North Korea’s Unconditional…'
    >>> short_title("Rates on hold")
    'Rates on hold'
    """
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def split_template(template: str) -> list[tuple[str, bool]]:
    """``template`` as ``(text, is_placeholder)`` pieces, in order; empty text is left out.

    >>> split_template("p. {page} of {pages} {x}")
    [('p. ', False), ('page', True), (' of ', False), ('pages', True), (' {x}', False)]
    """
    # re.split with one group alternates literal text (even) and placeholder names (odd).
    pieces = _PLACEHOLDER.split(template)
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece]


def fill_template(template: str, values: dict[str, str]) -> str:
    """``template`` with every placeholder in ``values`` replaced; others stay as written.

    >>> fill_template("{page} / {pages} {x}", {"page": "2", "pages": "5"})
    '2 / 5 {x}'
    """
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), template)
