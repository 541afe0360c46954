"""How each drawn line of a paragraph reads: the text a screen reader or a copy should get.

reportlab keeps none of the white space it breaks lines at, so the tagged text of "met again"
broken after "met" would read "metagain"; and it shows what it draws: the hyphen it added to a
broken word ("dis-" / "cuss"), right-to-left lines in visual order. :func:`line_readings` works
out, for every line against the paragraph's own text, whether a space follows it, which drawn
characters are the head of a hyphenated word (to be read as the whole word) or the rest of one
(read as nothing), and, for a line whose characters are not in reading order, its whole text in
reading order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from exporter.writers.pdf.tagging.structure import LinkElement

#: reportlab's link of a text fragment: its number in the paragraph and its address.
LinkKey = tuple[int, str]

# What reportlab breaks lines at (its own list, with the zero-width space) and Python's spaces.
_SPACE = re.compile(r"[\s\u200b]+")
# The last space of a line (where its last word starts, just after it).
_LAST_SPACE = re.compile(r"[\s\u200b][^\s\u200b]*\Z")
# Arabic presentation forms: how Arabic letters are drawn here, joined (see the bidi module).
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")


# Named tuples rather than frozen dataclasses: one of each is made for every line drawn.
class Chunk(NamedTuple):
    """One piece of text reportlab shows on a line (one ``_textOut``), and its link."""

    text: str
    link: LinkKey | None = None


class LineReading(NamedTuple):
    """How one drawn line reads.

    ``chunks`` are what reportlab shows, in drawing order. ``space``: the reading goes on with a
    space after the line, which the line does not show. ``head``: the characters drawn from
    this offset to the line's end (the hyphen included) are the start of ``word``, broken by a
    hyphen. ``tail``: the first ``tail`` characters drawn belong to a word broken on an earlier
    line. ``actual_text``: the whole line in reading order, when its characters are drawn in
    another order.
    """

    chunks: tuple[Chunk, ...]
    space: bool
    head: int | None = None
    word: str = ""
    tail: int = 0
    actual_text: str | None = None


class SourceText:
    """A paragraph's text as reportlab holds it, shared by the parts it splits into across
    pages, and how far drawing has read it.

    ``continued``: another piece of the same paragraph follows (a very long paragraph is set
    in pieces), so the reading goes on with a space after the last line. ``links`` keeps the
    ``Link`` element of each link of the paragraph, so that a link broken across a page is one.
    """

    __slots__ = ("broken", "continued", "links", "position", "text")

    def __init__(self, text: str, *, continued: bool = False) -> None:
        self.text = text
        self.continued = continued
        self.position = 0
        self.broken = False  # the last line read ended inside a word broken by a hyphen
        self.links: dict[LinkKey, LinkElement] = {}

    def read(self, line: str) -> tuple[bool, str | None]:
        """Move past one drawn ``line`` (in reading order): whether a space follows it, and
        the whole word when it ends with the hyphen of a broken word."""
        text = self.text
        start = _after_space(text, self.position)
        drawn = line.strip()
        hyphenated = False
        if text.startswith(drawn, start):
            end = start + len(drawn)
        elif drawn.endswith("-") and text.startswith(drawn[:-1], start):
            end, hyphenated = start + len(drawn) - 1, True
        else:
            end, hyphenated = _matched_end(text, start, drawn)
        self.position = end
        following = _after_space(text, end)
        if hyphenated and following == end < len(text):
            word_start = _word_start(text, end)
            return False, text[word_start : _word_end(text, end)]
        if following >= len(text):
            return self.continued, None
        return following > end, None


def line_readings(
    logical: Sequence[str], drawn: Sequence[tuple[Chunk, ...]], source: SourceText
) -> list[LineReading]:
    """The reading of each line: ``logical`` are the lines' texts in reading order, ``drawn``
    the chunks reportlab shows for them (in visual order for right-to-left text)."""
    readings = []
    for line, chunks in zip(logical, drawn, strict=True):
        continues_word = source.broken
        space, word = source.read(line)
        source.broken = word is not None or (continues_word and not space and _is_one_word(line))
        shown = "".join(chunk.text for chunk in chunks)
        tail = _first_word_length(shown) if continues_word else 0
        head = None
        if word is not None and not (continues_word and _is_one_word(shown)):
            head = _last_word_start(shown.rstrip())
        actual = None
        if shown != line:  # drawn in another order than read
            actual = _reading(line, continues_word, word if head is not None else None, space)
        if _SPACE.fullmatch(shown[-1:]):  # the line shows the space it ends with
            space = False
        readings.append(LineReading(chunks, space, head, word or "", tail, actual))
    return readings


def unshaped(text: str) -> str:
    """``text`` with Arabic presentation forms back as the letters they stand for.

    >>> unshaped("\ufedf\ufe8e") == "\u0644\u0627"
    True
    """
    return _PRESENTATION_FORMS.sub(lambda found: unicodedata.normalize("NFKC", found[0]), text)


def _reading(line: str, continues_word: bool, word: str | None, space: bool) -> str:
    """A logical line as it reads: the rest of an earlier broken word dropped, a broken word at
    its end whole, a space after it when the text goes on."""
    body = line.strip()
    if continues_word:
        body = body[_first_word_length(body) :]
    if word is not None:
        body = body[: _last_word_start(body)] + word
    return unshaped(body + (" " if space else ""))


def _after_space(text: str, position: int) -> int:
    found = _SPACE.match(text, position)
    return found.end() if found else position


def _word_start(text: str, position: int) -> int:
    while position > 0 and not _SPACE.match(text, position - 1):
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    found = _SPACE.search(text, position)
    return found.start() if found else len(text)


def _is_one_word(line: str) -> bool:
    return _SPACE.search(line.strip()) is None


def _first_word_length(line: str) -> int:
    found = _SPACE.search(line)
    return found.start() if found else len(line)


def _last_word_start(line: str) -> int:
    found = _LAST_SPACE.search(line)
    return found.start() + 1 if found else 0


def _matched_end(text: str, start: int, drawn: str) -> tuple[int, bool]:
    """Where ``drawn`` ends in ``text`` from ``start``, when they differ in white space or
    soft hyphens (and whether it ends with a hyphen that ``text`` does not have)."""
    position = start
    for index, character in enumerate(drawn):
        if _SPACE.match(character):
            position = _after_space(text, position)
            continue
        while position < len(text) and (text[position] == "\u00ad" or _SPACE.match(text, position)):
            position += 1
        if position < len(text) and text[position] == character:
            position += 1
        elif character == "-" and index == len(drawn) - 1:
            return position, True
        else:  # not this paragraph's text after all: read on as if the line ended a word
            return min(start + len(drawn), len(text)), False
    return position, False
