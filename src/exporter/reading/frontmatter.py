"""YAML front matter: the optional ``---`` block at the very top of a brief.

Loaded with a safe loader that also refuses aliases, so neither custom tags nor alias bombs
can run code or blow up memory. Known keys become typed metadata; every other key is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from exporter.errors import BriefError
from exporter.model import FrozenValue, Metadata, ParseWarning, freeze
from exporter.reading.decode import clean_value
from exporter.text.languages import LanguageTagError, normalise_language
from exporter.text.metadata import FRONT_MATTER_KEYS

_FENCE = "---"
_CLOSERS = ("---", "...")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the front matter says, and where the body starts (0-based line index)."""

    title: str | None = None
    subtitle: str | None = None
    title_line: int | None = None
    subtitle_line: int | None = None
    metadata: Metadata = field(default_factory=Metadata)
    body_start: int = 0
    warnings: tuple[ParseWarning, ...] = ()


#: Front matter is a few flat keys; nesting deeper than this is an attack or a mistake, and
#: would otherwise exhaust Python's recursion limit (or, for ``[[[[``, take PyYAML minutes).
MAX_DEPTH = 32


#: Front matter is a few keys; more text than this is a mistake (a brief pasted twice, a data
#: dump) that PyYAML, pure Python, would take seconds and hundreds of megabytes to read.
MAX_FRONT_MATTER_CHARS = 256 * 1024


def read_front_matter(lines: list[str], source: str | None) -> FrontMatter:
    """Parse the front matter at the top of ``lines``, if there is a closed ``---`` block."""
    if not lines or lines[0].strip() != _FENCE:
        return FrontMatter()
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in _CLOSERS), None)
    if closing is None:
        return FrontMatter()  # a lone rule at the top, not front matter
    dropped: list[str] = []
    text = "\n".join(lines[1:closing])
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise BriefError(
            f"the front matter is {len(text):,} characters long; front matter is limited to "
            f"{MAX_FRONT_MATTER_CHARS:,} (is the closing --- missing?)",
            path=source,
            line=1,
        )
    data = _cleaned(_load_yaml(text, source), dropped)
    if data is None:
        return FrontMatter(body_start=closing + 1)
    if not isinstance(data, Mapping):
        raise BriefError("front matter must be 'key: value' lines", path=source, line=2)
    front = _interpret(data, lines, closing + 1, source)
    if not dropped:
        return front
    names = ", ".join(dict.fromkeys(dropped))
    warning = ParseWarning(
        1, f"dropped characters no format can hold from the front matter: {names}"
    )
    return replace(front, warnings=(warning, *front.warnings))


def _cleaned(value: object, dropped: list[str]) -> object:
    """``value`` with every string in it (keys too) cleaned like the brief's own text."""
    if isinstance(value, str):
        text, names = clean_value(value)
        dropped.extend(names)
        return text
    if isinstance(value, list):
        return [_cleaned(item, dropped) for item in value]
    if isinstance(value, Mapping):
        return {_cleaned(key, dropped): _cleaned(item, dropped) for key, item in value.items()}
    return value


def _load_yaml(text: str, source: str | None) -> object:
    # PyYAML (~8 ms of imports) only for a brief that has front matter.
    import yaml

    from exporter.reading.front_matter_yaml import NoAliasLoader

    _refuse_deep_brackets(text, source)
    try:
        return yaml.load(text, Loader=NoAliasLoader)
    except ValueError as error:  # a date such as 2024-13-45, a number of 5,000 digits
        problem = str(error).split(":")[0]
        message = f"front matter holds a value that cannot be read: {problem}"
        raise BriefError(message, path=source) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the fence
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        hint = _quoting_hint(text.split("\n")[line - 2]) if mark is not None else ""
        message = f"front matter is not valid YAML: {problem}{hint}"
        raise BriefError(message, path=source, line=line) from None


#: ``key: value`` where the value would need quotes: it holds ``: `` or starts with a character
#: YAML reads as syntax (a flow list or map, an alias, a tag, a block scalar, a reserved one).
_NEEDS_QUOTES = re.compile(
    r"^(?P<key>\s*[^\s:#'\"][^:]*):\s+(?P<value>(?:.*:\s.*|[\[{*&!|>@`%].*))$"
)


def _quoting_hint(line: str) -> str:
    """A hint for the YAML error on ``line``: quote the value, and the line as it should be."""
    match = _NEEDS_QUOTES.match(line)
    value = match["value"].rstrip() if match else ""
    if not match or value[0] in "\"'":
        return ""
    single = '"' in value or "\\" in value  # in single quotes, only ' needs escaping
    quoted = "'" + value.replace("'", "''") + "'" if single else f'"{value}"'
    return f" — put the value in quotes: {match['key']}: {quoted}"


def _refuse_deep_brackets(text: str, source: str | None) -> None:
    """Refuse ``[[[[…`` before PyYAML's scanner, which is quadratic in the depth, sees it."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=2):
        for char in line:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"front matter is nested more than {MAX_DEPTH} levels deep"
                    raise BriefError(message, path=source, line=number)
            elif char in "]}":
                depth = max(0, depth - 1)


def _interpret(
    data: Mapping[Any, Any], lines: list[str], body_start: int, source: str | None
) -> FrontMatter:
    known: dict[str, object] = {}
    extra: dict[str, FrozenValue] = {}
    warnings: list[ParseWarning] = []
    for raw_key, value in data.items():
        key = str(raw_key).strip()
        target = FRONT_MATTER_KEYS.get(key.lower())
        if target is None:
            extra[key] = freeze(_plain(value))
        elif value is not None:
            known[target] = value
    line_of = _key_lines(lines[:body_start])

    def text(name: str) -> str | None:
        value = known.get(name)
        if value is None:
            return None
        if isinstance(value, Mapping):
            raise BriefError(
                f"front matter '{name}' must be text, not a mapping",
                path=source,
                line=line_of.get(name),
            )
        if isinstance(value, list):
            return ", ".join(str(_plain(item)) for item in value if item is not None) or None
        return str(_plain(value)).strip() or None

    language = text("language")
    if language is not None:
        try:
            language = normalise_language(language)
        except LanguageTagError:
            warnings.append(
                ParseWarning(
                    line_of.get("language", 1),
                    f"language {language!r} is not a BCP 47 tag such as 'en' or 'en-GB'; ignored",
                )
            )
            language = None
    metadata = Metadata(
        authors=_authors(known.get("author")),
        date=text("date"),
        language=language,
        keywords=_keywords(known.get("keywords")),
        description=text("description"),
        role=text("role"),
        source=text("source"),
        path=source,
        extra=freeze(extra),  # type: ignore[arg-type]
        lines=MappingProxyType(line_of),
    )
    return FrontMatter(
        title=text("title"),
        subtitle=text("subtitle"),
        title_line=line_of.get("title"),
        subtitle_line=line_of.get("subtitle"),
        metadata=metadata,
        body_start=body_start,
        warnings=tuple(warnings),
    )


def _authors(value: object) -> tuple[str, ...]:
    """``author: Ana Souza`` or ``authors: [Ana Souza, João Lima]`` as a tuple of names."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(name for item in items if (name := str(_plain(item)).strip()))


def _keywords(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else str(_plain(value)).split(",")
    return tuple(word for item in items if (word := str(_plain(item)).strip()))


def _plain(value: object) -> object:
    """YAML dates and times as ISO 8601 text; everything else unchanged."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _key_lines(lines: list[str]) -> dict[str, int]:
    """The 1-based line of each top-level key, for error messages."""
    found: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            key = match.group(1).lower()
            found.setdefault(FRONT_MATTER_KEYS.get(key, key), number)
    return found
