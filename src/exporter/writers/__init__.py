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
    >>> article = parse_text("Rates on Hold\\nThe bank held.", language="en")
    >>> result = render_with_warnings(article, "html")
    >>> result.writer.media_type, result.warnings
    ('text/html', ())
    """
    writer = get_writer(to)
    chosen = choose_theme(article, theme, options)
    warnings = (*article.warnings, *writer.warnings(article, chosen))
    return Rendered(writer.render(article, chosen), writer, warnings)


def choose_theme(
    article: Article, theme: ThemeChoice = None, options: Mapping[str, object] | None = None
) -> Theme:
    """The theme to render ``article`` with: ``theme`` (or the brief's), with ``options`` set."""
    if not isinstance(theme, Theme):
        theme = resolve_theme(None if theme is None else str(theme), article)
    return apply_options(theme, options or {})


__all__ = [
    "Rendered",
    "ThemeChoice",
    "Writer",
    "available_writers",
    "choose_theme",
    "get_writer",
    "render",
    "render_with_warnings",
]
