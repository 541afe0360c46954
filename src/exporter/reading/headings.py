"""Which lines of a brief are headings: marked ones (``## Why``, an underlined line), and short
lines that read as headings and stand above body text."""

from __future__ import annotations

import re
from pathlib import Path

from exporter.reading.labels import is_label
from exporter.reading.lines import Heading, ListRun, Text, Unit

_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 16
# A heading does not end like a sentence or a clause; a question mark is allowed.
_NOT_HEADING_END = re.compile(r"[.!,;:…。！，；：][\"'”’»)\]]*$")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# What may stand before a headline's first word: quotes and brackets.
_OPENING = "\"'“‘«„(["


def section_headings(body: list[Unit]) -> list[str | None]:
    """For each unit, the section heading it opens, or ``None`` when it is body text.

    A heading-like line opens a section only when body text follows it, and whether the next
    line is body text depends on the line after that, so this walks from the end.
    """
    headings: list[str | None] = [None] * len(body)
    next_is_body = False  # whether body[index + 1] is body text
    next_is_paragraph = False
    for index in range(len(body) - 1, -1, -1):
        unit = body[index]
        heading: str | None = None
        if isinstance(unit, Heading) or (
            isinstance(unit, Text) and not unit.markup and reads_as_heading(unit) and next_is_body
        ):
            heading = unit.text
        elif (
            isinstance(unit, ListRun)
            and unit.ordered
            and len(unit.items) == 1
            and heading_like(unit.items[0].text)
            and next_is_paragraph
        ):
            # "1. Introduction" above a paragraph is a numbered heading, not a one-item list.
            heading = f"{unit.first_marker} {unit.items[0].text}"
        headings[index] = heading
        next_is_body = heading is None
        next_is_paragraph = next_is_body and isinstance(unit, Text)
    return headings


def reads_as_heading(unit: Text) -> bool:
    return not unit.wrapped and heading_like(unit.text)


def heading_like(text: str) -> bool:
    """Short, not ending like a sentence, no web address, and not starting with a lower-case
    letter: a headline may start with a capital, an uncased letter, a digit, a currency sign or a
    quotation mark (``€3bn deal for Lisbon port``, ``“Nobody Expected This”``).

    >>> heading_like("€3bn deal for Lisbon port"), heading_like("and then it rained")
    (True, False)
    """
    if len(text) > _MAX_HEADING_CHARS or len(text.split()) > _MAX_HEADING_WORDS:
        return False
    if _NOT_HEADING_END.search(text) or _URL.search(text):
        return False
    start = text.lstrip(_OPENING)
    if not start:
        return False
    if start[0].isalpha():
        return not start[0].islower()
    return any(char.isalpha() for char in start)


def is_label_unit(unit: Unit | None) -> bool:
    """Whether ``unit`` is a key-points label line (``Key points:``, ``## Key Points``)."""
    return isinstance(unit, Heading | Text) and is_label(unit.text)


def title_from_source(source: str | None) -> str:
    """A readable title from a file name: ``rates-on-hold.txt`` → ``Rates on hold``."""
    if not source:
        return "Untitled brief"
    words = re.sub(r"[\s_\-.]+", " ", Path(source).stem).strip()
    if not words:
        return "Untitled brief"
    return words[0].upper() + words[1:]
