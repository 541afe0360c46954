"""The public way in: load a theme by name or path, list the shipped ones, pick one for a brief."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from exporter.errors import ThemeError
from exporter.theme._loader import DEFAULT_NAME, find_theme, load_path, shipped_names
from exporter.theme._values import Theme

#: The theme used when neither the command line nor the brief names one.
DEFAULT_THEME = DEFAULT_NAME


class ThemeInfo(NamedTuple):
    """A shipped theme as ``exporter styles`` lists it."""

    name: str
    description: str
    path: Path


def load_theme(name_or_path: str | Path | None = None) -> Theme:
    """Load a theme: a shipped theme's name, or the path of a theme file.

    A bare name (``"newsroom"``) finds a shipped theme; a :class:`~pathlib.Path`, or a string
    with a path separator or a ``.toml`` suffix, is a file. ``None`` means ``"default"``. Each
    file is loaded once per process and the same immutable :class:`Theme` is returned after.
    Raises :class:`~exporter.errors.ThemeError` naming the file, key and line of a problem.

    >>> load_theme("newsroom").name
    'newsroom'
    >>> load_theme().page.width  # A4, in points
    595.276
    """
    return load_path(find_theme(DEFAULT_THEME if name_or_path is None else name_or_path))


def available_themes() -> list[ThemeInfo]:
    """The shipped themes, ``default`` first, each with its one-line description."""
    themes = (load_theme(name) for name in shipped_names())
    return [ThemeInfo(theme.name, theme.description, Path(theme.source or "")) for theme in themes]


def resolve_theme(choice: str | Path | None, requested: object = None) -> Theme:
    """The theme to use: the caller's ``choice`` (a name or path), else the theme a brief
    ``requested`` in its front matter (``style:``), else ``default``.

    A relative path in the brief's front matter is taken from the current directory, like one
    given on the command line.
    """
    if choice is not None:
        return load_theme(choice)
    style = requested
    if style is None:
        return load_theme()
    if not isinstance(style, str) or not style.strip():
        raise ThemeError(f'the brief\'s "style" must be a theme name, got {style!r}')
    try:
        path = find_theme(style.strip())
    except ThemeError as error:
        raise ThemeError(f"style in the brief's front matter: {error.message}") from None
    return load_path(path)
