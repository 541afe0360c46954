"""PDF handouts with reportlab platypus: :func:`render_pdf` and :func:`uncovered_characters`.

Fonts are embedded and subset (bundled fonts when the system has none); every section heading
has an outline entry; the running header and footer come from the theme's templates. The
output is byte-identical for the same article and theme. reportlab writes no tagged PDF, so
no PDF/UA or PDF/A conformance is claimed.
"""

from __future__ import annotations

import functools
from io import BytesIO

from exporter.model import Article
from exporter.theme import Theme
from exporter.timestamps import document_timestamp
from exporter.writers.pdf.coverage import uncovered_characters
from exporter.writers.pdf.pages import (
    PagedCanvas,
    RunningText,
    document_template,
    page_decorator,
)
from exporter.writers.pdf.story import story
from exporter.writers.pdf.styles import build_styles, conversion_characters

__all__ = ["DEFAULT_LANGUAGE", "render_pdf", "uncovered_characters"]

#: The document language when the brief does not name one.
DEFAULT_LANGUAGE = "en-US"


def render_pdf(article: Article, theme: Theme) -> bytes:
    """The article as a printable PDF handout.

    >>> render_pdf(Article(title="Rates on hold"), Theme())[:8]
    b'%PDF-1.4'
    """
    language = article.metadata.language or DEFAULT_LANGUAGE
    styles = build_styles(theme, language, conversion_characters(article, theme, language))
    buffer = BytesIO()
    document = document_template(buffer, article, theme, styles, language)
    canvasmaker = functools.partial(
        PagedCanvas,
        decorate=page_decorator(theme, styles, RunningText.of(article)),
        moment=document_timestamp(article),
    )
    document.build(story(article, theme, styles), canvasmaker=canvasmaker)
    return buffer.getvalue()
