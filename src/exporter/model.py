"""The article model: the one contract between the brief parser and every writer.

Everything here is an immutable value object with no knowledge of any output format.
A writer receives an :class:`Article` and walks it; the parser is the only producer.

Every piece of text the brief wrote (a key point, a heading, a paragraph, a list item) is an
:class:`Inline`: its text and the line of the brief it starts on, so that whoever reports on it
(a writer that cannot show a character, a reader's warning) can name the line. Lines are not part
of equality: the same text read from another place is the same article. Where text is expected,
a plain ``str`` is accepted too and becomes an :class:`Inline` with no line.

The JSON form returned by :meth:`Article.to_dict` is part of the command-line contract
(``exporter inspect --json``) and keeps this shape::

    {"title": str, "subtitle": str | None, "key_points": [str],
     "sections": [{"heading": str | None, "level": int,
                   "blocks": [{"type": "paragraph", "text": str}
                              | {"type": "list", "ordered": bool, "items": [str]}]}],
     "metadata": {"author": ..., "date": ..., "language": ..., "keywords": [str],
                  "description": ..., "source": ..., <other front-matter keys>},
     "warnings": [{"line": int | null, "severity": "warning" | "note", "message": str}]}

``to_dict(lines=True)`` adds the source lines: ``"title_line"``, ``"key_point_lines"``, and a
``"line"`` on each section (its heading's), paragraph and list, and ``"item_lines"`` on lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, TypeAlias, assert_never

#: A front-matter value after freezing: JSON-compatible scalars, tuples and read-only mappings.
FrozenValue: TypeAlias = (
    "str | int | float | bool | tuple[FrozenValue, ...] | Mapping[str, FrozenValue] | None"
)

_EMPTY_EXTRA: Mapping[str, FrozenValue] = MappingProxyType({})
_EMPTY_LINES: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Inline:
    """Text the brief wrote, and the 1-based line it starts on (``None`` when not read from a
    brief). The line is not part of equality."""

    text: str
    line: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return self.text


#: What model constructors accept where text is expected.
TextLike: TypeAlias = Inline | str


def inline(value: TextLike) -> Inline:
    """``value`` as an :class:`Inline` (a plain string has no line)."""
    return value if isinstance(value, Inline) else Inline(value)


def inlines(values: Iterable[TextLike]) -> tuple[Inline, ...]:
    return tuple(map(inline, values))


@dataclass(frozen=True, slots=True)
class Paragraph(Inline):
    """A paragraph of running text, already joined into one line."""

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        return {"type": "paragraph", "text": self.text} | _line(self.line, lines)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted (``ordered=False``) or numbered (``ordered=True``) list of items."""

    items: tuple[Inline, ...]
    ordered: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", inlines(self.items))

    @property
    def line(self) -> int | None:
        return self.items[0].line if self.items else None

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        found: dict[str, object] = {
            "type": "list",
            "ordered": self.ordered,
            "items": [item.text for item in self.items],
        }
        if lines:
            found |= {"line": self.line, "item_lines": [item.line for item in self.items]}
        return found


#: The closed set of body blocks. Writers ``match`` on it and end with ``assert_never``.
Block: TypeAlias = Paragraph | ListBlock


def block_texts(block: Block) -> tuple[Inline, ...]:
    """The pieces of text of ``block``, in reading order."""
    match block:
        case Paragraph():
            return (block,)
        case ListBlock():
            return block.items
        case _:
            assert_never(block)


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
        heading = self.heading.text if self.heading is not None else None
        found: dict[str, object] = {"heading": heading, "level": self.level}
        if lines:
            found["line"] = self.heading.line if self.heading is not None else None
        return found | {"blocks": [block.to_dict(lines=lines) for block in self.blocks]}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a brief besides its text, mostly from its front matter.

    ``date`` is kept as written when it is not a calendar date, and as ``YYYY-MM-DD`` when it is.
    ``language`` is a BCP 47 tag (``en-GB``). ``extra`` holds every other front-matter key.
    ``lines`` gives the line each front-matter key was read from, by field name for the known
    fields (``author``) and by key for the others (``style``); not part of equality.
    ``theme_dirs`` are the folders whose theme files the brief's ``style:`` may name: the
    brief's own folder when it was read from a file, none for text or bytes (the caller may
    allow more when rendering); not part of equality and never written to an output.
    """

    author: str | None = None
    date: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()
    description: str | None = None
    source: str | None = None
    extra: Mapping[str, FrozenValue] = field(default_factory=lambda: _EMPTY_EXTRA, hash=False)
    lines: Mapping[str, int] = field(
        default_factory=lambda: _EMPTY_LINES, hash=False, compare=False, repr=False
    )
    theme_dirs: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, object]:
        known: dict[str, object] = {
            "author": self.author,
            "date": self.date,
            "language": self.language,
            "keywords": list(self.keywords),
            "description": self.description,
            "source": self.source,
        }
        extra = {key: _thaw(value) for key, value in self.extra.items() if key not in known}
        return known | extra


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
        yield Inline(self.title, self.title_line)
        if self.subtitle:
            yield Inline(self.subtitle, self.subtitle_line)
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


def _line(line: int | None, wanted: bool) -> dict[str, object]:
    return {"line": line} if wanted else {}


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
