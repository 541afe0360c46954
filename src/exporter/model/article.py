"""The article, its sections and what is known about it: the root of the model."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, TypeAlias

from exporter.model.blocks import Block, block_texts
from exporter.model.text import Inline, inline, inlines

#: A front-matter value after freezing: JSON-compatible scalars, tuples and read-only mappings.
FrozenValue: TypeAlias = (
    "str | int | float | bool | tuple[FrozenValue, ...] | Mapping[str, FrozenValue] | None"
)

_EMPTY_EXTRA: Mapping[str, FrozenValue] = MappingProxyType({})
_EMPTY_LINES: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under an optional heading (the lead section before any heading has none).

    ``level`` is the heading's level below the title (the title is 1, a section heading 2, a
    subsection 3, down to 6).
    """

    heading: Inline | None
    blocks: tuple[Block, ...] = ()
    level: int = 2

    def __post_init__(self) -> None:
        if self.heading is not None:
            object.__setattr__(self, "heading", inline(self.heading))

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        heading = self.heading
        found: dict[str, object] = {"heading": heading.text if heading else None}
        if heading is not None and heading.spans:
            found["heading_spans"] = heading.span_dicts()
        found["level"] = self.level
        if lines:
            found["line"] = heading.line if heading is not None else None
        return found | {"blocks": [block.to_dict(lines=lines) for block in self.blocks]}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a brief besides its text: from its front matter, and from the
    wrapper lines the reader recognised (a byline, a date line, e-mail headers, a source line).

    ``authors`` are the people named (``author`` is them joined, for formats that hold one
    string; give either, the other follows), ``role`` what the byline says they are ("Health
    Reporter"). ``date`` is ``YYYY-MM-DD`` when it is a calendar date, else as written.
    ``language`` is a BCP 47 tag (``en-GB``). ``source`` is where the story comes from (a URL
    or a name, from ``source:`` or a ``Source:`` line); ``path`` is the file the brief was read
    from. ``extra`` holds every other front-matter key. ``lines`` gives the line each part was
    read from, by field name for the known fields and by key for the others (``style``); it is
    not part of equality, and neither is ``path``. ``theme_dirs`` are the folders whose theme
    files the brief's ``style:`` may name: the brief's own folder when it was read from a file,
    none for text or bytes (the caller may allow more when rendering); not part of equality,
    and never written to an output.
    """

    author: str | None = None
    date: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()
    description: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    role: str | None = None
    path: str | None = field(default=None, compare=False)
    extra: Mapping[str, FrozenValue] = field(default_factory=lambda: _EMPTY_EXTRA, hash=False)
    lines: Mapping[str, int] = field(
        default_factory=lambda: _EMPTY_LINES, hash=False, compare=False, repr=False
    )
    theme_dirs: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.authors and not self.author:
            object.__setattr__(self, "author", ", ".join(self.authors))
        elif self.author and not self.authors:
            object.__setattr__(self, "authors", (self.author,))

    def to_dict(self) -> dict[str, object]:
        known: dict[str, object] = {
            "author": self.author,
            "authors": list(self.authors),
            "role": self.role,
            "date": self.date,
            "language": self.language,
            "keywords": list(self.keywords),
            "description": self.description,
            "source": self.source,
            "path": self.path,
        }
        extra = {key: _thaw(value) for key, value in self.extra.items() if key not in known}
        return known | extra

    def __reduce__(self) -> tuple[object, tuple[dict[str, object]]]:
        # Read-only mappings do not pickle: ``extra`` and ``lines`` travel as plain dicts and
        # are made read-only again (an article sent to another process, such as the forked
        # one that renders a handout's PDF on a second core).
        state = {name: getattr(self, name) for name in self.__dataclass_fields__}
        state["extra"] = {key: _thaw(value) for key, value in self.extra.items()}
        state["lines"] = dict(self.lines)
        return (_unpickled_metadata, (state,))


def _unpickled_metadata(state: dict[str, object]) -> Metadata:
    extra = state["extra"]
    lines = state["lines"]
    assert isinstance(extra, dict) and isinstance(lines, dict)
    state["extra"] = MappingProxyType({key: freeze(value) for key, value in extra.items()})
    state["lines"] = MappingProxyType(lines)
    return Metadata(**state)  # type: ignore[arg-type]


Severity: TypeAlias = Literal["warning", "note"]


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something repaired, guessed or missing; ``line`` is 1-based, ``None`` for the whole file.

    A ``"note"`` is a guess that is most likely right and needs no action (the language
    detected from the text); the command line shows notes only with ``--verbose``.
    ``characters`` are the characters a warning is about, when it is about some (those no
    font has).
    """

    line: int | None
    message: str
    severity: Severity = "warning"
    characters: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "severity": self.severity, "message": self.message}


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed brief: title, optional subtitle, key points, sections and metadata.

    ``warnings`` records what the parser repaired on the way (an encoding it had to guess,
    characters it dropped). Writers ignore it; it is there for the people running them.
    ``title_line`` and ``subtitle_line`` are where they were read (not part of equality).

    >>> article = Article(title="Rates on hold", key_points=("No change",))
    >>> article.to_dict()["key_points"]
    ['No change']
    """

    title: str
    subtitle: str | None = None
    key_points: tuple[Inline, ...] = ()
    sections: tuple[Section, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[ParseWarning, ...] = ()
    title_line: int | None = field(default=None, compare=False)
    subtitle_line: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key_points", inlines(self.key_points))

    @property
    def headings(self) -> tuple[str, ...]:
        """The section headings in order: what every format's navigation lists."""
        return tuple(section.heading.text for section in self.sections if section.heading)

    def blocks(self) -> Iterator[Block]:
        """Every body block in reading order, across sections."""
        for section in self.sections:
            yield from section.blocks

    def texts(self) -> Iterator[Inline]:
        """Every piece of the brief's text in reading order, each with its line: title,
        subtitle, key points, then each section's heading and blocks (not the metadata)."""
        yield Inline(self.title, line=self.title_line)
        if self.subtitle:
            yield Inline(self.subtitle, line=self.subtitle_line)
        yield from self.key_points
        for section in self.sections:
            if section.heading is not None:
                yield section.heading
            for block in section.blocks:
                yield from block_texts(block)

    def plain_texts(self) -> Iterator[str]:
        """The text of :meth:`texts`, as strings."""
        return (piece.text for piece in self.texts())

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        found: dict[str, object] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "key_points": [point.text for point in self.key_points],
        }
        if any(point.spans for point in self.key_points):
            found["key_point_spans"] = [point.span_dicts() for point in self.key_points]
        found |= {
            "sections": [section.to_dict(lines=lines) for section in self.sections],
            "metadata": self.metadata.to_dict(),
            "warnings": [warning.to_dict() for warning in self.warnings],
        }
        if lines:
            found |= {
                "title_line": self.title_line,
                "subtitle_line": self.subtitle_line,
                "key_point_lines": [point.line for point in self.key_points],
            }
        return found

    def to_json(self, *, indent: int | None = 2, lines: bool = False) -> str:
        """The JSON form of :meth:`to_dict`, with non-ASCII text kept readable."""
        return json.dumps(self.to_dict(lines=lines), ensure_ascii=False, indent=indent)


def freeze(value: object) -> FrozenValue:
    """Make a parsed front-matter value immutable (lists become tuples, dicts read-only)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return tuple(freeze(item) for item in value)
    if isinstance(value, Mapping):
        return MappingProxyType({str(key): freeze(item) for key, item in value.items()})
    return str(value)


def _thaw(value: FrozenValue) -> object:
    if isinstance(value, tuple):
        return [_thaw(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _thaw(item) for key, item in value.items()}
    return value
