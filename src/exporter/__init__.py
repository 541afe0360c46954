"""exporter: plain-text news briefs in, polished DOCX, PDF, EPUB, HTML and Markdown out.

The public API, for tools that embed exporter::

    import exporter

    article = exporter.parse("sources/brief.txt")          # or parse_text / parse_bytes
    pdf = exporter.render(article, "pdf")                    # bytes; nothing touches the disk
    theme = exporter.load_theme("newsroom")                  # a name or a path to a TOML file
    docx = exporter.render(article, "docx", theme, options={"page.size": "Letter"})
    exporter.write(article, "out/brief.epub")                # format from the suffix, atomic
    result = exporter.render_with_warnings(article, "pdf")   # bytes, media type and warnings
    exporter.convert("sources/brief.txt", "build")           # build/brief.{docx,pdf,epub}
    report = exporter.convert_many(["sources"], "build", jobs=4)

Warnings are data, never printed: :attr:`Article.warnings` (what reading the brief repaired),
:attr:`Rendered.warnings` (those plus what a format cannot show), :attr:`BriefResult.warnings`.
Every error is an :class:`ExporterError`; bad input raises :class:`BriefError` (a
``ValueError``) carrying the path and line. Writers are plugins: see :class:`Writer`.
Rendering is thread- and process-safe: writers are pure functions of the article and theme.
"""

from __future__ import annotations

from exporter._version import __version__
from exporter.convert import BriefResult, Report, convert, convert_file, convert_many
from exporter.convert.write import write
from exporter.errors import (
    BriefError,
    ExporterError,
    MissingGlyphError,
    OutputError,
    Problem,
    ThemeError,
    UnknownFormatError,
    UsageError,
)
from exporter.model import Article, ListBlock, Metadata, Paragraph, ParseWarning, Section
from exporter.reading import parse_bytes, parse_text
from exporter.reading import parse_file as parse
from exporter.theme import Theme, available_themes, load_theme
from exporter.writers import Rendered, Writer, available_writers, render, render_with_warnings

__all__ = [
    "Article",
    "BriefError",
    "BriefResult",
    "ExporterError",
    "ListBlock",
    "Metadata",
    "MissingGlyphError",
    "OutputError",
    "Paragraph",
    "ParseWarning",
    "Problem",
    "Rendered",
    "Report",
    "Section",
    "Theme",
    "ThemeError",
    "UnknownFormatError",
    "UsageError",
    "Writer",
    "__version__",
    "available_themes",
    "available_writers",
    "convert",
    "convert_file",
    "convert_many",
    "load_theme",
    "parse",
    "parse_bytes",
    "parse_text",
    "render",
    "render_with_warnings",
    "write",
]
