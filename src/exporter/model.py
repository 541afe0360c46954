"""The article model: the one contract between the brief parser and every writer.

Everything here is an immutable value object with no knowledge of any output format.
A writer receives an :class:`Article` and walks it; the parser is the only producer.

The JSON form returned by :meth:`Article.to_dict` is part of the command-line contract
(``exporter inspect --json``) and keeps this shape::

    {"title": str, "subtitle": str | None, "key_points": [str],
     "sections": [{"heading": str | None,
                   "blocks": [{"type": "paragraph", "text": str}
                              | {"type": "list", "ordered": bool, "items": [str]}]}],
     "metadata": {"author": ..., "date": ..., "language": ..., "keywords": [str],
                  "description": ..., "source": ..., <other front-matter keys>},
     "warnings": [{"line": int, "message": str}]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, TypeAlias

#: A front-matter value after freezing: JSON-compatible scalars, tuples and read-only mappings.
FrozenValue: TypeAlias = (
    "str | int | float | bool | tuple[FrozenValue, ...] | Mapping[str, FrozenValue] | None"
)

_EMPTY_EXTRA: Mapping[str, FrozenValue] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of running text, already joined into one line."""

    text: str

    def to_dict(self) -> dict[str, object]:
        return {"type": "paragraph", "text": self.text}


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted (``ordered=False``) or numbered (``ordered=True``) list of plain-text items."""

    items: tuple[str, ...]
    ordered: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"type": "list", "ordered": self.ordered, "items": list(self.items)}


#: The closed set of body blocks. Writers ``match`` on it and end with ``assert_never``.
Block: TypeAlias = Paragraph | ListBlock


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under an optional heading (the lead section before any heading has none)."""

    heading: str | None
    blocks: tuple[Block, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"heading": self.heading, "blocks": [block.to_dict() for block in self.blocks]}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a brief besides its text, mostly from its front matter.

    ``date`` is kept as written when it is not a calendar date, and as ``YYYY-MM-DD`` when it is.
    ``language`` is a BCP 47 tag (``en-GB``). ``extra`` holds every other front-matter key.
    """

    author: str | None = None
    date: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()
    description: str | None = None
    source: str | None = None
    extra: Mapping[str, FrozenValue] = field(default_factory=lambda: _EMPTY_EXTRA, hash=False)

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
    """Something repaired, guessed or missing; ``line`` is 1-based, 0 for the whole file.

    A ``"note"`` is a guess that is most likely right and needs no action (the language
    detected from the text); the command line shows notes only with ``--verbose``.
    ``characters`` are the characters a warning is about, when it is about some (those no
    font has), so that a caller holding the brief's text can find their line.
    """

    line: int
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

    >>> article = Article(title="Rates on hold", key_points=("No change",))
    >>> article.to_dict()["key_points"]
    ['No change']
    """

    title: str
    subtitle: str | None = None
    key_points: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[ParseWarning, ...] = ()

    @property
    def headings(self) -> tuple[str, ...]:
        """The section headings in order: what every format's navigation lists."""
        return tuple(section.heading for section in self.sections if section.heading)

    def blocks(self) -> Iterator[Block]:
        """Every body block in reading order, across sections."""
        for section in self.sections:
            yield from section.blocks

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "key_points": list(self.key_points),
            "sections": [section.to_dict() for section in self.sections],
            "metadata": self.metadata.to_dict(),
            "warnings": [warning.to_dict() for warning in self.warnings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON form of :meth:`to_dict`, with non-ASCII text kept readable."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


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
