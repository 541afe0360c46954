"""PDF handouts with reportlab platypus: :func:`render_pdf` and :func:`uncovered_characters`.

Fonts are embedded and subset (bundled fonts when the system has none); the outline lists the
title, the key points and every section; the running header and footer come from the theme's
templates. Unless the theme says ``pdf.tagged = false``, the PDF is tagged to meet the
machine-checkable rules of PDF/UA-1 (see :mod:`exporter.writers.pdf.tagging` and
``docs/pdf-accessibility.md``). The output is byte-identical for the same article and theme.
"""

from __future__ import annotations

# First: before anything imports reportlab.platypus (~25 ms less; see the module).
import exporter.writers.pdf.reportlab_patterns  # noqa: F401  # isort: skip
import functools
from io import BytesIO
from typing import Any

from exporter.errors import MissingGlyphError
from exporter.model import Article
from exporter.text.dates import document_timestamp
from exporter.text.languages import document_language
from exporter.text.readable import readable
from exporter.text.scripts import document_direction
from exporter.text.wording import words_for
from exporter.theme import Theme
from exporter.writers.pdf import embedding
from exporter.writers.pdf.coverage import (
    refuse_drawn_without_glyph,
    refuse_missing_glyphs,
    refuses_missing_glyphs,
    uncovered_characters,
)
from exporter.writers.pdf.pages import (
    PagedCanvas,
    RunningText,
    document_template,
    page_decorator,
)
from exporter.writers.pdf.story import story
from exporter.writers.pdf.styles import build_styles, conversion_characters
from exporter.writers.pdf.tagging.canvas import TaggedCanvas
from exporter.writers.pdf.tagging.structure import Element
from exporter.writers.pdf.tagging.tagger import Tagger

__all__ = ["render_pdf", "uncovered_characters"]


def render_pdf(article: Article, theme: Theme) -> bytes:
    """The article as a printable PDF handout.

    Raises :class:`~exporter.errors.MissingGlyphError` for characters no font has, in a tagged
    PDF that refuses them (the default).

    >>> render_pdf(Article(title="Rates on hold"), Theme())[:8]
    b'%PDF-1.7'
    """
    article = readable(article)
    try:
        return _render(article, theme)
    except MissingGlyphError as error:  # it names the line; the brief it is in, too
        error.path = error.path or article.metadata.path
        raise


def _render(article: Article, theme: Theme) -> bytes:
    embedding.install()
    strict = refuses_missing_glyphs(theme)
    words = words_for(article, theme)
    if strict:
        refuse_missing_glyphs(article, theme, words)
    language = document_language(article)
    characters = conversion_characters(article, theme, language)
    styles = build_styles(theme, language, document_direction(article), characters)
    buffer = BytesIO()
    document = document_template(buffer, article, theme, styles, language)
    canvas: dict[str, Any] = {
        "decorate": page_decorator(theme, styles, RunningText.of(article, words)),
        "moment": document_timestamp(article),
    }
    root = Element("Document")
    if theme.pdf.tagged:
        # Told to print what no font has ("warn"), the file cannot claim PDF/UA when it does.
        conforms = strict or not any(
            warning.characters for warning in uncovered_characters(article, theme)
        )
        canvas["tagging"] = Tagger(root, language, article.metadata.keywords, conforms=conforms)
    canvasmaker = functools.partial(TaggedCanvas if theme.pdf.tagged else PagedCanvas, **canvas)
    document.build(story(article, theme, styles, root, words), canvasmaker=canvasmaker)
    if strict:
        refuse_drawn_without_glyph(document.canv)
    return buffer.getvalue()
