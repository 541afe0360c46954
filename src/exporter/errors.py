"""The one exception hierarchy of exporter.

::

    ExporterError                      anything exporter reports on purpose
    ├── BriefError(ValueError)         a brief that cannot be read: path and line
    ├── ThemeError(ValueError)         a theme file that is missing or invalid: path, key, line
    ├── MissingGlyphError(ValueError)  characters no font has, in a format that must show them all
    └── OutputError(OSError)           an output file that cannot be written: path

Every error renders like a compiler message, ``path:line: error: what — hint``, which is what
the command line prints (one line, no traceback). Library callers catch the builtin they expect
(``ValueError`` for bad input) or :class:`ExporterError` for everything.
"""

from __future__ import annotations

from pathlib import Path


class ExporterError(Exception):
    """Base class: a problem exporter detected and can describe in one line."""

    #: The command line's exit status for this kind of error (documented in the README).
    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        location = self.path or "exporter"
        if self.line:
            location = f"{location}:{self.line}"
        return f"{location}: error: {self.message}"


class BriefError(ExporterError, ValueError):
    """A brief that cannot be turned into an article (empty, binary, malformed front matter)."""

    exit_code = 1


class ThemeError(ExporterError, ValueError):
    """A theme that cannot be found or does not validate."""

    exit_code = 3


class MissingGlyphError(ExporterError, ValueError):
    """Characters that no font of the theme has, in an output that may not print them as empty
    boxes (a tagged PDF: PDF/UA forbids the ``.notdef`` glyph). ``characters`` are the ones
    missing, so that whoever holds the brief can name their line."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        characters: str,
        path: str | Path | None = None,
        line: int | None = None,
    ):
        super().__init__(message, path=path, line=line)
        self.characters = characters


class OutputError(ExporterError, OSError):
    """An output that cannot be written (permissions, full disk, colliding names)."""

    exit_code = 4
