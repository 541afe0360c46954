"""The public way in: load a theme by name or path, list the shipped ones, pick one for a brief."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from exporter.errors import ThemeError
from exporter.theme._loader import (
    DEFAULT_NAME,
    find_theme,
    is_inside,
    is_path,
    load_path,
    shipped_names,
    shortened,
)
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


class StyleRefusedError(ThemeError):
    """A brief's ``style:`` names a file the brief may not choose; the message says why.

    Not a failure of the brief: the caller warns and uses its own or the default theme.
    """


def resolve_theme(
    choice: str | Path | None,
    requested: object = None,
    theme_dirs: Iterable[str | Path] = (),
) -> Theme:
    """The theme to use: the caller's ``choice`` (a name or path), else the theme a brief
    ``requested`` in its front matter (``style:``), else ``default``.

    A brief chooses no files: its ``style:`` may name a shipped theme, or a theme file by a
    relative path inside one of ``theme_dirs`` (the brief's own folder, folders the caller
    allows), checked on real paths so that neither ``..`` nor a symbolic link leads out; the
    themes it extends and its font files must lie there too. Any other ``style:`` raises
    :class:`StyleRefusedError`, without looking at the file it names.
    """
    if choice is not None:
        return load_theme(choice)
    if requested is None:
        return load_theme()
    if not isinstance(requested, str) or not requested.strip():
        raise StyleRefusedError(f'"style" must be a theme name, got {requested!r}')
    style = requested.strip()
    if not is_path(style):
        try:
            return load_path(find_theme(style))
        except ThemeError as error:
            raise ThemeError(f"style in the brief's front matter: {error.message}") from None
    roots = tuple(dict.fromkeys(os.path.realpath(folder) for folder in theme_dirs))
    relative = PurePosixPath(style.replace("\\", "/"))
    if relative.is_absolute() or style.startswith("~") or ".." in relative.parts or not roots:
        raise StyleRefusedError(_REFUSED.format(style=shortened(style)))
    inside = [
        candidate
        for root in roots
        if is_inside(candidate := Path(os.path.realpath(Path(root, relative))), roots)
    ]
    for candidate in inside:
        if _is_file(candidate):
            return load_path(candidate, roots)
    if not inside:  # a symbolic link that leads out: the brief learns nothing about the target
        raise StyleRefusedError(_REFUSED.format(style=shortened(style)))
    raise ThemeError(f"style in the brief's front matter: theme file not found: {inside[0]}")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the file system
        return False


_REFUSED = (
    'style "{style}" is not a shipped theme or a theme file in the brief\'s own folder; '
    "a brief cannot choose other files"
)
