"""Writers: pure functions ``(Article, Theme) -> bytes``, one module or package per format.

:func:`render` is the way in for callers: it finds the writer by format name (built-in or
plugin, see :mod:`exporter.writers.registry`), picks the theme the brief asks for when none is
given and applies options (theme keys set by dotted name). :func:`render_with_warnings` returns
the same bytes with what the caller should know about them: the warnings (an encoding guessed,
characters dropped, glyphs no font has) and the media type to serve them as.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from exporter.errors import ThemeError
from exporter.model import Article, ParseWarning
from exporter.theme import Theme, apply_options, resolve_theme
from exporter.writers.registry import Writer, available_writers, get_writer

#: What :func:`render` accepts as a theme: a loaded theme, a shipped name or a file path.
ThemeChoice = Theme | str | Path | None


@dataclass(frozen=True, slots=True)
class Rendered:
    """One rendered file: its bytes, the writer that made it and the warnings about it.

    ``warnings`` are the article's own (from reading the brief) followed by the writer's (what
    this format cannot show). Use ``writer.media_type`` for a ``Content-Type`` header and
    ``writer.extension`` for a file name.
    """

    data: bytes
    writer: Writer
    warnings: tuple[ParseWarning, ...]


def render(
    article: Article,
    to: str,
    theme: ThemeChoice = None,
    *,
    options: Mapping[str, object] | None = None,
) -> bytes:
    """Render ``article`` to the bytes of one file in format ``to`` (``"pdf"``, ``"docx"``, …).

    ``theme`` is a loaded :class:`Theme`, a theme name or path, or ``None`` for the theme the
    brief names in its front matter (else ``default``). ``options`` set theme keys by dotted
    name for this call only (``{"page.size": "Letter"}``), checked like a theme file: an
    unknown key raises :class:`~exporter.errors.ThemeError` with a suggestion. Nothing is
    written to disk; warnings are dropped (see :func:`render_with_warnings`).

    >>> from exporter.reading import parse_text
    >>> data = render(parse_text("Rates on Hold\\nThe bank held."), "json")
    >>> data.startswith(b'{')
    True
    """
    return render_with_warnings(article, to, theme, options=options).data


def render_with_warnings(
    article: Article,
    to: str,
    theme: ThemeChoice = None,
    *,
    options: Mapping[str, object] | None = None,
) -> Rendered:
    """Like :func:`render`, but return a :class:`Rendered`: the bytes, writer and warnings.

    >>> from exporter.reading import parse_text
    >>> article = parse_text("- Held\\nRates on Hold\\nThe bank held.", language="en")
    >>> result = render_with_warnings(article, "html")
    >>> result.writer.media_type, result.warnings
    ('text/html', ())
    """
    writer = get_writer(to)
    data, warnings = render_format(article, writer, choose_theme(article, theme, options))
    return Rendered(data, writer, (*article.warnings, *warnings))


def render_format(
    article: Article, writer: Writer, theme: Theme
) -> tuple[bytes, tuple[ParseWarning, ...]]:
    """The one place a writer runs, for every entry point (:func:`render`, ``convert``): its
    check (what the format cannot show), then its renderer. Returns the bytes and the check's
    warnings, each naming the brief's line where it can."""
    warnings = writer.warnings(article, theme)
    return writer.render(article, theme), warnings


def choose_theme(
    article: Article, theme: ThemeChoice = None, options: Mapping[str, object] | None = None
) -> Theme:
    """The theme to render ``article`` with: ``theme`` (a :class:`Theme`, name or path), else
    the one the brief names in its front matter, else ``default``; with ``options`` set."""
    if isinstance(theme, Theme):
        return apply_options(theme, options or {})
    metadata = article.metadata
    requested = metadata.extra.get("style")
    try:
        chosen = resolve_theme(theme, requested)
    except ThemeError as error:
        if theme is not None or requested is None or error.path is not None:
            raise
        # The brief named a theme that cannot be had: the brief's line says so.
        raise ThemeError(
            error.message, path=metadata.path, line=metadata.lines.get("style")
        ) from None
    return apply_options(chosen, options or {})


__all__ = [
    "Rendered",
    "ThemeChoice",
    "Writer",
    "available_writers",
    "choose_theme",
    "get_writer",
    "render",
    "render_format",
    "render_with_warnings",
]
