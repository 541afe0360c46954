"""Loading theme files: TOML to a validated, immutable :class:`Theme`.

A file is read, each key checked against the schema (errors name the file, the key and its
line), then merged over the theme it ``extends``: tables merge key by key, so a theme states only
what it changes. A file without ``extends`` extends ``default``, which sets every key, so the
:class:`Theme` dataclass defaults never show through. Each theme is loaded once per process.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from exporter.errors import ThemeError
from exporter.theme import _schema
from exporter.theme._units import describe_value
from exporter.theme._values import Page, Theme

#: The themes that ship with exporter (``styles/`` at the repository root links here).
SHIPPED_STYLES = Path(__file__).resolve().parent.parent / "styles"

#: The root theme: it sets every key, and a theme that names no ``extends`` builds on it.
DEFAULT_NAME = "default"

#: The least width and height, in points, the margins must leave for text.
MIN_TEXT_EXTENT = 72.0

#: A theme file after validation: tables of converted values, not yet merged with defaults.
Values = dict[str, Any]

_TABLE_HEADER = re.compile(r"\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?")
_KEY = re.compile(r"\s*(?P<name>[\w.\-\"' ]+?)\s*=")
_TOML_LINE = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")


def shipped_names() -> list[str]:
    """The names of the shipped themes, ``default`` first."""
    names = sorted(path.stem for path in SHIPPED_STYLES.glob("*.toml"))
    return sorted(names, key=lambda name: name != "default")


def is_path(name_or_path: str | Path) -> bool:
    """A :class:`Path`, or a string with a path separator or a ``.toml`` suffix, names a file."""
    if isinstance(name_or_path, Path):
        return True
    return "/" in name_or_path or "\\" in name_or_path or name_or_path.endswith(".toml")


def find_theme(name_or_path: str | Path, *, relative_to: Path | None = None) -> Path:
    """The absolute path of a shipped theme name or a theme file; :class:`ThemeError` if none."""
    if is_path(name_or_path):
        path = (relative_to or Path.cwd()) / Path(name_or_path).expanduser()
        if not path.is_file():
            raise ThemeError(f"theme file not found: {path}", path=name_or_path)
        return path.resolve()
    path = SHIPPED_STYLES / f"{name_or_path}.toml"
    if not path.is_file():
        known = shipped_names()
        hint = _schema.suggest(str(name_or_path), known)
        raise ThemeError(f'no theme named "{name_or_path}"{hint}')
    return path.resolve()


@functools.cache
def load_path(path: Path) -> Theme:
    """The theme in the file at the absolute ``path`` (cached: loaded once per process)."""
    values = _load_chain(path, ())
    return _build(values, path)


def forget_loaded_themes() -> None:
    """Forget the themes loaded so far, so the next load reads the files again (``--watch``)."""
    load_path.cache_clear()


def _load_chain(path: Path, seen: tuple[Path, ...]) -> Values:
    """A file's values merged over those of the themes it extends, nearest last."""
    if path in seen:
        cycle = " → ".join(part.name for part in (*seen, path))
        raise ThemeError(
            f"extends cycle: {cycle}", path=seen[-1], line=_line_in(seen[-1], "extends")
        )
    text = _read(path)
    values = _validate(_parse(text, path), path, _KeyLines(text))
    parent_name = values.pop("extends", None)
    if parent_name is None:
        # Every theme but the root one builds on default, which sets every key.
        if path == find_theme(DEFAULT_NAME):
            return values
        parent_name = DEFAULT_NAME
    try:
        parent = find_theme(parent_name, relative_to=path.parent)
    except ThemeError as error:
        raise ThemeError(
            f"extends: {error.message}", path=path, line=_line_in(path, "extends")
        ) from None
    return _merge(_load_chain(parent, (*seen, path)), values)


def _read(path: Path) -> str:
    try:
        # utf-8-sig: editors on Windows like to start files with a byte-order mark.
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ThemeError(f"theme file is not UTF-8 text ({error.reason})", path=path) from None
    except OSError as error:
        raise ThemeError(f"cannot read theme file: {error.strerror}", path=path) from None


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found["line"]) if found else None
        # The line goes in front, as for every error; keep the column for the reader.
        message = _TOML_LINE.sub(r"(column \g<column>)", str(error))
        raise ThemeError(f"invalid TOML: {message}", path=path, line=line) from None


def _validate(raw: Mapping[str, Any], path: Path, lines: _KeyLines) -> Values:
    """Check every key of one file against the schema and convert its values."""
    known = [*_schema.TOP_LEVEL, *_schema.TABLES]
    values: Values = {}
    for key, value in raw.items():
        if key in _schema.TOP_LEVEL:
            values[key] = _convert(_schema.TOP_LEVEL[key], key, value, path, lines)
        elif key in _schema.TABLES:
            values[key] = _validate_table(key, value, path, lines)
        else:
            hint = _schema.suggest(key, known)
            raise ThemeError(f'unknown key "{key}"{hint}', path=path, line=lines.find(key))
    return values


def _validate_table(table: str, raw: object, path: Path, lines: _KeyLines) -> Values:
    schema = _schema.TABLES[table]
    if not isinstance(raw, dict):
        raise ThemeError(
            f'"{table}" must be a table ([{table}]), got {describe_value(raw)}',
            path=path,
            line=lines.find(table),
        )
    values: Values = {}
    for key, value in raw.items():
        dotted = f"{table}.{key}"
        if key not in schema:
            hint = _schema.suggest(key, schema, f"{table}.")
            raise ThemeError(f'unknown key "{dotted}"{hint}', path=path, line=lines.find(dotted))
        converted = _convert(schema[key], dotted, value, path, lines)
        if isinstance(converted, _schema.Fields):
            values.update(converted)
        else:
            values[key] = converted
    return values


def _convert(
    converter: _schema.Converter, dotted: str, value: object, path: Path, lines: _KeyLines
) -> object:
    try:
        return converter(value, path.parent)
    except _schema.NestedValueError as error:
        dotted = f"{dotted}.{error.key}"
        raise ThemeError(f'"{dotted}": {error}', path=path, line=lines.find(dotted)) from None
    except ValueError as error:
        raise ThemeError(f'"{dotted}": {error}', path=path, line=lines.find(dotted)) from None


def _merge(parent: Values, child: Values) -> Values:
    """Tables merge key by key; any other value (a font, a page size) is replaced whole."""
    merged = dict(parent)
    for key, value in child.items():
        inherited = merged.get(key)
        if isinstance(inherited, dict) and isinstance(value, dict):
            merged[key] = _merge(inherited, value)
        else:
            merged[key] = value
    return merged


# The tables that become one theme value each, key for field (``page`` is built by a function).
_PLAIN_TABLES = tuple(name for name in _schema.TABLES if name != "page")


def _build(values: Values, path: Path) -> Theme:
    base = Theme()
    parts = {
        name: dataclasses.replace(getattr(base, name), **values.get(name, {}))
        for name in _PLAIN_TABLES
    }
    return Theme(
        name=path.stem,
        description=values.get("description", ""),
        source=str(path),
        page=_build_page(values.get("page", {}), path),
        justify=values.get("justify", base.justify),
        hyphenate=values.get("hyphenate", base.hyphenate),
        **parts,
    )


def _build_page(values: Values, path: Path | None, base: Page | None = None) -> Page:
    base = base or Page()
    width, height = values.get("size", (base.width, base.height))
    if values.get("orientation") == "landscape":
        width, height = max(width, height), min(width, height)
    elif values.get("orientation") == "portrait":
        width, height = min(width, height), max(width, height)
    margins = {key: value for key, value in values.items() if key.startswith("margin_")}
    page = dataclasses.replace(base, width=width, height=height, **margins)
    room = (
        ("width", page.width, "margin_left", "margin_right"),
        ("height", page.height, "margin_top", "margin_bottom"),
    )
    for dimension, extent, first, second in room:
        margins_total = getattr(page, first) + getattr(page, second)
        if extent - margins_total < MIN_TEXT_EXTENT:
            raise ThemeError(
                f'"page.{first}" + "page.{second}" = {margins_total:.0f}pt leave '
                f"{extent - margins_total:.0f}pt of the {extent:.0f}pt page {dimension} for text; "
                f"expected at least {MIN_TEXT_EXTENT:.0f}pt (1in)",
                path=path,
                line=None
                if path is None
                else _line_in(path, f"page.{first}") or _line_in(path, f"page.{second}"),
            )
    return page


def apply_options(theme: Theme, options: Mapping[str, object]) -> Theme:
    """``theme`` with some keys set, given as dotted keys (``{"page.size": "Letter"}``).

    Keys and values are checked exactly as in a theme file (same schema, same messages, a
    suggestion for a misspelt key); values are what TOML would give (``"Letter"``, ``False``,
    ``11``, ``["8in", "10in"]``), and a relative font path is taken from the current directory.
    """
    if not options:
        return theme
    raw: dict[str, Any] = {}
    for dotted, value in options.items():
        table, _, key = dotted.strip().partition(".")
        if table == "extends":
            raise ThemeError('"extends" cannot be set as an option; use another theme instead')
        if key and table in _schema.TABLES:
            raw.setdefault(table, {})[key] = value
        elif key:
            every = [f"{name}.{inner}" for name, keys in _schema.TABLES.items() for inner in keys]
            raise ThemeError(f'option unknown key "{dotted}"{_schema.suggest(dotted, every)}')
        else:
            raw[dotted.strip()] = value
    try:
        values = _validate(raw, Path.cwd() / "options", _KeyLines(""))
    except ThemeError as error:
        raise ThemeError(f"option {error.message}") from None
    changed: dict[str, Any] = {
        name: dataclasses.replace(getattr(theme, name), **values[name])
        for name in _PLAIN_TABLES
        if name in values
    }
    if "page" in values:
        try:
            changed["page"] = _build_page(values["page"], None, theme.page)
        except ThemeError as error:
            raise ThemeError(f"option {error.message}") from None
    top: dict[str, Any] = {
        key: values[key] for key in ("description", "justify", "hyphenate") if key in values
    }
    return dataclasses.replace(theme, **changed, **top)


def _line_in(path: Path, dotted: str) -> int | None:
    try:
        return _KeyLines(path.read_text(encoding="utf-8-sig")).find(dotted)
    except (OSError, UnicodeDecodeError):
        return None


class _KeyLines:
    """Where each key is set in a TOML text: tomllib reports no positions, so we look."""

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        table = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if header := _TABLE_HEADER.match(line):
                table = _dotted(header["name"])
                self._lines.setdefault(table, number)
            elif key := _KEY.match(line):
                dotted = _dotted(key["name"])
                self._lines.setdefault(f"{table}.{dotted}" if table else dotted, number)

    def find(self, dotted: str) -> int | None:
        """The line of ``dotted`` (``"fonts.body.family"``), else of its nearest parent."""
        parts = dotted.split(".")
        while parts:
            line = self._lines.get(".".join(parts))
            if line is not None:
                return line
            parts.pop()
        return None


def _dotted(name: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in name.split("."))
