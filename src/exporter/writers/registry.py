"""The list of output formats: built-in writers, and plugins found by entry point.

A writer is a pure function ``(Article, Theme) -> bytes`` plus what a caller needs to know to
store its output (name, file extension, media type). Built-in writers are listed in
:data:`BUILTIN` by import path, so a run that only makes DOCX never imports reportlab or
ebooklib. Third-party writers register a :class:`Writer` under the ``exporter.writers``
entry-point group and are looked up only when a name is not built in::

    # pyproject.toml of a plugin package
    [project.entry-points."exporter.writers"]
    odt = "exporter_odt:WRITER"      # WRITER = Writer("odt", ".odt", "application/…", …)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from exporter.errors import ExporterError, UnknownFormatError
from exporter.model import Article, ParseWarning
from exporter.theme import Theme

#: The signature every writer implements.
Render = Callable[[Article, Theme], bytes]
#: An optional check run before rendering: what this format cannot show (missing glyphs, …).
Check = Callable[[Article, Theme], Sequence[ParseWarning]]

ENTRY_POINT_GROUP = "exporter.writers"


@dataclass(frozen=True, slots=True)
class Writer:
    """An output format: its name (``--to NAME``), file extension, media type and renderer.

    ``target`` is ``"module:function"``; the module is imported on first use only. ``check``,
    when set, names a function of the same signature that returns warnings about what this
    format cannot show (characters no font has), run before rendering.
    """

    name: str
    extension: str
    media_type: str
    description: str
    target: str
    check: str | None = None
    origin: str = field(default="exporter", compare=False)

    def render(self, article: Article, theme: Theme) -> bytes:
        """Render ``article`` with ``theme`` to the bytes of one file in this format."""
        render: Render = _import(self.target)
        return render(article, theme)

    def warnings(self, article: Article, theme: Theme) -> tuple[ParseWarning, ...]:
        """What this format cannot show of ``article``; empty when the writer has no check."""
        if self.check is None:
            return ()
        check: Check = _import(self.check)
        return tuple(check(article, theme))


# The check of every format that names fonts: theme families that cannot be found.
_FONT_WARNINGS = "exporter.fonts.missing:font_warnings"


BUILTIN: dict[str, Writer] = {
    writer.name: writer
    for writer in (
        Writer(
            "json",
            ".json",
            "application/json",
            "the article model as JSON (what `inspect --json` prints)",
            "exporter.writers.json_model:render_json",
        ),
        Writer(
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word document with real styles, numbering and page fields",
            "exporter.writers.docx:render_docx",
            check="exporter.writers.docx:docx_warnings",
        ),
        Writer(
            "pdf",
            ".pdf",
            "application/pdf",
            "print-ready PDF with bookmarks and embedded fonts",
            "exporter.writers.pdf:render_pdf",
            check="exporter.writers.pdf:uncovered_characters",
        ),
        Writer(
            "epub",
            ".epub",
            "application/epub+zip",
            "EPUB 3 e-book with navigation, accessibility metadata and theme CSS",
            "exporter.writers.epub:render_epub",
            check=_FONT_WARNINGS,
        ),
        Writer(
            "html",
            ".html",
            "text/html",
            "one self-contained web page: theme CSS inlined, table of contents",
            "exporter.writers.html:render_html",
            check=_FONT_WARNINGS,
        ),
        Writer(
            "markdown",
            ".md",
            "text/markdown",
            "Markdown that exporter reads back as the same article",
            "exporter.writers.markdown:render_markdown",
        ),
    )
}


def get_writer(name: str) -> Writer:
    """The writer called ``name``: a built-in, else an installed plugin.

    Raises :class:`UnknownFormatError` listing the formats that exist.
    """
    key = name.strip().lower()
    if key in BUILTIN:
        return BUILTIN[key]
    plugins = _plugins()
    if key in plugins:
        return plugins[key]
    names = sorted({*BUILTIN, *plugins})
    import difflib  # for a suggestion, after a mistake: not at start-up

    close = difflib.get_close_matches(key, names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise UnknownFormatError(
        f"unknown format {name!r}; {hint}available formats: {', '.join(names)}"
    )


def available_writers() -> list[Writer]:
    """Every writer, built-ins first, then plugins by name."""
    plugins = _plugins()
    return [*BUILTIN.values(), *(plugins[name] for name in sorted(plugins))]


@cache
def _plugins() -> dict[str, Writer]:
    from importlib.metadata import entry_points  # slow to import; plugins are looked up rarely

    found: dict[str, Writer] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        origin = entry.dist.name if entry.dist else entry.value
        try:
            loaded = entry.load()
        except Exception as error:  # a broken plugin is reported by name, not as a traceback
            raise ExporterError(
                f"writer plugin {entry.name!r} ({entry.value}, from {origin}) cannot be loaded: "
                f"{type(error).__name__}: {error}"
            ) from error
        if not isinstance(loaded, Writer):
            raise ExporterError(
                f"entry point {entry.value!r} in {ENTRY_POINT_GROUP!r} is not an exporter Writer"
            )
        writer = replace(loaded, name=loaded.name.strip().lower(), origin=origin)
        clash = BUILTIN.get(writer.name) or found.get(writer.name)
        if clash is not None:
            raise ExporterError(
                f"two writers are called {writer.name!r}: {_describe(clash)} and "
                f"{_describe(writer)}; uninstall one of them"
            )
        found[writer.name] = writer
    return found


def _describe(writer: Writer) -> str:
    return f"{writer.target} (from {writer.origin})"


@cache
def _import(target: str) -> Callable[..., Any]:
    module_name, _, function_name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module_name), function_name)
    return function
