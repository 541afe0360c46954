"""Writers: pure functions ``(Article, Theme) -> bytes``, one module or package per format.

:func:`render` is the way in for callers: it finds the writer by format name (built-in or
plugin, see :mod:`exporter.writers.registry`) and picks the theme the brief asks for when none
is given.
"""

from __future__ import annotations

from pathlib import Path

from exporter.model import Article
from exporter.theme import Theme, resolve_theme
from exporter.writers.registry import Writer, available_writers, get_writer


def render(article: Article, to: str, theme: Theme | str | Path | None = None) -> bytes:
    """Render ``article`` to the bytes of one file in format ``to`` (``"pdf"``, ``"docx"``, …).

    ``theme`` is a loaded :class:`Theme`, a theme name or path, or ``None`` for the theme the
    brief names in its front matter (else ``default``). Nothing is written to disk.

    >>> from exporter.reading import parse_text
    >>> data = render(parse_text("Rates on Hold\\nThe bank held."), "json")
    >>> data.startswith(b'{')
    True
    """
    if not isinstance(theme, Theme):
        theme = resolve_theme(None if theme is None else str(theme), article)
    return get_writer(to).render(article, theme)


__all__ = ["Writer", "available_writers", "get_writer", "render"]
