"""The first pass of the parser for plain-text briefs: lines of text to a flat list of units.

A unit is what a reader sees at a glance before deciding what it means: an explicit heading
(Markdown ``#`` or an underlined line), a run of list items (with items indented under an item as
its nested list), a quotation, or a piece of text (one line, or a hard-wrapped paragraph already
joined). Markdown briefs become the same units through :mod:`exporter.reading.markdown`. The
second pass (:mod:`exporter.reading.parser`) decides which text is a title, a heading, a byline,
a key point or a paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from exporter.model import ListBlock, ListItem, Paragraph, Span

_BULLET = re.compile(r"^[-*+•‣◦▪–]\s+(?P<text>\S.*)$")
# At most three digits, so "2025 was a year…" and "2025. A year…" stay text.
_NUMBERED = re.compile(r"^(?P<number>\d{1,3}[.)])\s+(?P<text>\S.*)$")
_ATX = re.compile(r"^(?P<marks>#{1,6})(?:\s+(?P<text>.*?))?(?:\s+#+)?\s*$")
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,})\s*$")
_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_SPACES = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

# Hard wrapping: the longest line of a wrapped paragraph lies between these bounds.
_WRAP_MIN, _WRAP_MAX = 40, 100
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading marked up as one: ``# Title``, ``## Section`` or an underlined line."""

    level: int
    text: str
    line: int
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class ListRun:
    """Consecutive list items of one kind (blank lines between items are allowed)."""

    items: tuple[ListItem, ...]
    ordered: bool
    line: int
    first_marker: str  # the first item's marker as written ("1."), empty for bullets


@dataclass(frozen=True, slots=True)
class Text:
    """A line of text, or several hard-wrapped lines joined into one (``wrapped``). Text from a
    markup language that marks its headings (``markup``: Markdown) is never read as one."""

    text: str
    line: int
    wrapped: bool = False
    spans: tuple[Span, ...] = ()
    markup: bool = False


@dataclass(frozen=True, slots=True)
class QuoteRun:
    """A block quotation (Markdown ``>``): its paragraphs."""

    paragraphs: tuple[Paragraph, ...]
    line: int


Unit = Heading | ListRun | Text | QuoteRun

#: Decides whether a word broken across a line end (``fed-`` / ``eral``) is one word written
#: without its hyphen: given the two halves, it answers whether to join them without it.
JoinHyphen = Callable[[str, str], bool]
#: Decides whether a line is one the parser reads on its own (a key-points label, a byline, a
#: date line, a source line), so that it is never joined to the lines around it.
OwnLine = Callable[[str], bool]


def keep_hyphens(head: str, tail: str) -> bool:
    """The cautious answer: a hyphen at a line end is kept (``well-`` / ``known``)."""
    return False


@dataclass(slots=True)
class _Line:
    number: int  # 1-based, in the whole file
    raw: str  # as written, without the newline
    text: str  # whitespace collapsed and stripped

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def indented(self) -> bool:
        return self.raw[:1] in (" ", "\t")


def tokenise(
    lines: list[str],
    first_number: int,
    join_hyphen: JoinHyphen = keep_hyphens,
    own_line: OwnLine = lambda text: False,
) -> list[Unit]:
    """Turn body lines (numbered from ``first_number``) into units, in order."""
    rows = [
        _Line(first_number + index, raw.rstrip(), _SPACES.sub(" ", raw).strip())
        for index, raw in enumerate(lines)
    ]
    units: list[Unit] = []
    text_run: list[_Line] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        if row.blank or _RULE.match(row.text):
            explicit: Unit | None = None
            index += 1
        elif _is_underlined(rows, index):
            level = 1 if rows[index + 1].text.startswith("=") else 2
            explicit = Heading(level, row.text, row.number)
            index += 2
        elif match := _ATX.match(row.text):
            text = match["text"]
            explicit = Heading(len(match["marks"]), text, row.number) if text else None
            index += 1
        elif _list_item(row.text) is not None:
            explicit, index = _list_run(rows, index)
        elif own_line(row.text):
            explicit = Text(row.text, row.number)
            index += 1
        else:
            text_run.append(row)
            index += 1
            continue
        # Anything but a text line ends the current run of text lines.
        units.extend(_text_units(text_run, join_hyphen))
        text_run = []
        if explicit is not None:
            units.append(explicit)
    units.extend(_text_units(text_run, join_hyphen))
    return units


def _is_underlined(rows: list[_Line], index: int) -> bool:
    """A setext heading: a plain text line directly above a line of ``===`` or ``---``."""
    if index + 1 >= len(rows) or not _UNDERLINE.match(rows[index + 1].text):
        return False
    text = rows[index].text
    return _list_item(text) is None and not _ATX.match(text)


def _list_item(text: str) -> tuple[bool, str] | None:
    """``(ordered, item text)`` when ``text`` is a list item, else ``None``."""
    if match := _BULLET.match(text):
        return False, match["text"]
    if match := _NUMBERED.match(text):
        return True, match["text"]
    return None


def _list_run(rows: list[_Line], start: int) -> tuple[ListRun, int]:
    """Collect the list starting at ``rows[start]``; indented lines continue an item, and items
    indented under an item are its nested list (deeper ones join that nested list)."""
    first = _list_item(rows[start].text)
    assert first is not None
    ordered = first[0]
    items: list[tuple[str, int, list[tuple[str, int, bool]]]] = [(first[1], rows[start].number, [])]
    index = start + 1
    while index < len(rows):
        row = rows[index]
        item = _list_item(row.text)
        if item is not None and row.indented:
            items[-1][2].append((item[1], row.number, item[0]))
        elif item is not None:
            if item[0] != ordered:
                break
            items.append((item[1], row.number, []))
        elif row.blank:
            # A loose list has blank lines between items; anything else after them ends it.
            following = next((i for i in range(index, len(rows)) if not rows[i].blank), len(rows))
            after = _list_item(rows[following].text) if following < len(rows) else None
            if after is None or (after[0] != ordered and not rows[following].indented):
                break
            index = following
            continue
        elif row.indented and not _RULE.match(row.text):
            text, number, nested = items[-1]
            if nested:
                nested_text, nested_number, nested_ordered = nested[-1]
                nested[-1] = (f"{nested_text} {row.text}", nested_number, nested_ordered)
            else:
                items[-1] = (f"{text} {row.text}", number, nested)
        else:
            break
        index += 1
    marker = match["number"] if (match := _NUMBERED.match(rows[start].text)) else ""
    list_items = tuple(
        ListItem(text, line=number, sublist=_sublist(nested)) for text, number, nested in items
    )
    return ListRun(list_items, ordered, rows[start].number, marker), index


def _sublist(nested: list[tuple[str, int, bool]]) -> ListBlock | None:
    if not nested:
        return None
    ordered = nested[0][2]
    return ListBlock(tuple(ListItem(text, line=number) for text, number, _ in nested), ordered)


def _text_units(run: list[_Line], join_hyphen: JoinHyphen) -> list[Text]:
    """Units for a run of text lines with no blank line between them.

    A run that a text tool hard-wrapped becomes one paragraph; a heading line directly above a
    wrapped paragraph stays its own unit; anything else is one unit per line (the reference
    style: one paragraph per line).
    """
    if not run:
        return []
    if _is_wrapped(run):
        return [Text(_join(run, join_hyphen), run[0].number, wrapped=True)]
    if len(run) > 2 and _is_wrapped(run[1:]):
        return [
            Text(run[0].text, run[0].number),
            Text(_join(run[1:], join_hyphen), run[1].number, True),
        ]
    return [Text(row.text, row.number) for row in run]


def _is_wrapped(run: list[_Line]) -> bool:
    """Whether ``run`` reads as one paragraph broken into lines by a person or a text tool.

    Such a paragraph breaks mid-sentence near a fixed width (~72 columns) on its first line and
    on most others; one-paragraph-per-line text breaks after sentences, and headings are short.
    """
    if len(run) < 2:
        return False
    longest = max(len(row.raw) for row in run)
    if not _WRAP_MIN <= longest <= _WRAP_MAX:
        return False
    breaks = run[:-1]
    full = [len(row.raw) >= 0.6 * longest and not _is_title_case(row.text) for row in breaks]
    mid_sentence = [not _SENTENCE_END.search(row.text) for row in breaks]
    return full[0] and 3 * sum(full) >= 2 * len(breaks) and 2 * sum(mid_sentence) >= len(breaks)


def _is_title_case(text: str) -> bool:
    """Most longer words capitalised, as in "Port Strike Enters Second Week"."""
    words = [word for word in _WORD.findall(text) if len(word) > 3]
    return len(words) >= 2 and 4 * sum(word[0].isupper() for word in words) >= 3 * len(words)


def _join(run: list[_Line], join_hyphen: JoinHyphen) -> str:
    """Join wrapped lines. A word broken across a line end stays one word: without its hyphen
    when ``join_hyphen`` says the hyphen was only the break's (``fed-`` / ``eral``), else with it
    (``well-`` / ``known``)."""
    parts = [run[0].text]
    for previous, row in itertools.pairwise(run):
        joiner = " "
        if (
            previous.text[-2:-1].isalpha()
            and previous.text.endswith("-")
            and row.text[:1].isalpha()
        ):
            head = _LAST_WORD.search(previous.text[:-1])
            tail = _FIRST_WORD.match(row.text)
            joined = head is not None and tail is not None and join_hyphen(head[0], tail[0])
            if joined:
                parts[-1] = parts[-1][:-1]
            joiner = ""
        parts.append(joiner + row.text)
    return "".join(parts)


_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
