"""The one exception hierarchy of exporter.

::

    ExporterError                      anything exporter reports on purpose
    ├── BriefError(ValueError)         a brief that cannot be read: path and line
    ├── ThemeError(ValueError)         a theme file that is missing or invalid: path, key, line
    ├── MissingGlyphError(ValueError)  characters no font has, in a format that must show them all
    ├── OutputError(OSError)           an output file that cannot be written: path
    ├── UnknownFormatError(ValueError) a format no writer provides (exporter.writers.registry)
    └── UsageError(ValueError)         a request that cannot be carried out as asked (``-o``
                                       for several briefs, no format at all)

Every error renders like a compiler message, ``path:line: error: what — hint``, which is what
the command line prints (one line, no traceback). Library callers catch the builtin they expect
(``ValueError`` for bad input) or :class:`ExporterError` for everything.

Where an error must travel as data (a batch run's result for one brief, a JSON report, a worker
process's answer) it becomes a :class:`Problem`, and back: ``Problem.of(error).to_error()`` is an
error of the same class, message, path and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeAlias


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
        return compiler_line(self.path, self.line, "error", self.message)


def compiler_line(path: str | None, line: int | None, severity: str, message: str) -> str:
    """``path:line: severity: message`` (``path: …`` without a line, ``exporter: …``
    without a path): how every error, warning and note reads."""
    location = path or "exporter"
    if line:
        location = f"{location}:{line}"
    return f"{location}: {severity}: {message}"


class BriefError(ExporterError, ValueError):
    """A brief that cannot be turned into an article (empty, binary, malformed front matter)."""

    exit_code = 1


class ThemeError(ExporterError, ValueError):
    """A theme that cannot be found or does not validate."""

    exit_code = 3


class MissingGlyphError(ExporterError, ValueError):
    """Characters that no font of the theme has, in an output that may not print them as empty
    boxes (a tagged PDF: PDF/UA forbids the ``.notdef`` glyph); ``characters`` are the ones
    missing, ``line`` the first line of the brief that holds one."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        characters: str = "",
        path: str | Path | None = None,
        line: int | None = None,
    ):
        super().__init__(message, path=path, line=line)
        self.characters = characters


class OutputError(ExporterError, OSError):
    """An output that cannot be written (permissions, full disk, colliding names)."""

    exit_code = 4


class UnknownFormatError(ExporterError, ValueError):
    """A format name that no built-in or installed writer provides."""

    exit_code = 2


class UsageError(ExporterError, ValueError):
    """A request that makes no sense as asked: the command line's usage errors."""

    exit_code = 2


#: What went wrong, for a :class:`Problem`: the error class it stands for, or ``internal`` for a
#: bug in exporter or a plugin (an exception that is no :class:`ExporterError`).
ProblemKind: TypeAlias = Literal[
    "brief", "theme", "glyphs", "output", "format", "usage", "error", "internal"
]


@dataclass(frozen=True, slots=True)
class Problem:
    """An error as data: what kind, what it says, and where (path and line, when known)."""

    kind: ProblemKind
    message: str
    path: str | None = None
    line: int | None = None

    @classmethod
    def of(cls, error: BaseException, *, path: str | None = None) -> Problem:
        """``error`` as data; ``path`` names the file when the error names none."""
        if isinstance(error, ExporterError):
            return cls(_kind_of(error), error.message, error.path or path, error.line)
        message = f"internal error ({type(error).__name__}: {error}); please report it"
        return cls("internal", message, path)

    @property
    def exit_code(self) -> int:
        """The command line's exit status for this problem."""
        return _ERROR_CLASSES.get(self.kind, ExporterError).exit_code

    def to_error(self) -> ExporterError:
        """An :class:`ExporterError` of the class this problem stands for."""
        error_class = _ERROR_CLASSES.get(self.kind, ExporterError)
        return error_class(self.message, path=self.path, line=self.line)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "message": self.message, "path": self.path, "line": self.line}

    def __str__(self) -> str:
        return compiler_line(self.path, self.line, "error", self.message)


def _kind_of(error: ExporterError) -> ProblemKind:
    specific = (kind for kind, error_class in _ERROR_CLASSES.items() if kind != "error")
    return next((kind for kind in specific if isinstance(error, _ERROR_CLASSES[kind])), "error")


_ERROR_CLASSES: dict[ProblemKind, type[ExporterError]] = {
    "brief": BriefError,
    "theme": ThemeError,
    "glyphs": MissingGlyphError,
    "output": OutputError,
    "format": UnknownFormatError,
    "usage": UsageError,
    "error": ExporterError,
}
