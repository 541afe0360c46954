"""Finding the line of a brief that a warning about some characters is about.

Writers see the article, which keeps no line numbers, so a warning such as "no font has ㉿"
leaves its line at 0 and lists the characters; whoever holds the brief's bytes finds the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from exporter.errors import BriefError
from exporter.model import ParseWarning
from exporter.reading.decode import decode_brief


def locate_characters(warnings: Iterable[ParseWarning], data: bytes) -> tuple[ParseWarning, ...]:
    """``warnings``, each one about characters given the first line of ``data`` holding one.

    >>> warning = ParseWarning(0, "no font has ㉿", characters="㉿")
    >>> locate_characters([warning], "Title\\n\\nA seal ㉿ here.\\n".encode())[0].line
    3
    """
    warnings = tuple(warnings)
    if not any(warning.characters and not warning.line for warning in warnings):
        return warnings
    try:
        text = decode_brief(data).text
    except BriefError:  # the brief parsed, so this cannot happen; the warnings stay as they are
        return warnings
    return tuple(_located(warning, text) for warning in warnings)


def line_of(characters: str, data: bytes) -> int | None:
    """The first line of the brief ``data`` holding one of ``characters``; ``None`` if none.

    >>> line_of("㉿", "Title\\n\\nA seal ㉿ here.\\n".encode())
    3
    """
    try:
        text = decode_brief(data).text
    except BriefError:  # the brief parsed, so this cannot happen
        return None
    return _line_in(characters, text)


def _located(warning: ParseWarning, text: str) -> ParseWarning:
    if warning.line or not warning.characters:
        return warning
    line = _line_in(warning.characters, text)
    # None: the characters come from the theme (a label, a bullet), not the brief
    return warning if line is None else replace(warning, line=line)


def _line_in(characters: str, text: str) -> int | None:
    if not characters:
        return None
    # One pass over the text, however many characters there are.
    first = re.search(f"[{re.escape(characters)}]", text)
    return None if first is None else text.count("\n", 0, first.start()) + 1
