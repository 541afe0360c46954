"""The second pass of the parser: units to an :class:`~exporter.model.Article`, decided the way
an editor reads a brief.

Front to back: key points at the very start, the title (front matter, an e-mail's subject, a
``#`` heading or the first heading-like line), a subtitle, then the lines editors put around a
story's top (a byline, a date line, key points under a label, a ``TL;DR:`` line), until the first
paragraph; labelled key points may also follow the lead paragraphs, up to the first section
heading. ``Source:`` lines at the very end name the source. The rest is the body: sections under
headings, with paragraphs, lists and quotes. Every wrapper line taken out of the text is reported
in a note naming its line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import assert_never

from exporter.model import (
    Article,
    Block,
    Inline,
    ListBlock,
    Metadata,
    Paragraph,
    ParseWarning,
    Quote,
    Section,
)
from exporter.reading.bylines import Byline, read_byline, read_date
from exporter.reading.frontmatter import FrontMatter
from exporter.reading.headings import (
    is_label_unit,
    reads_as_heading,
    section_headings,
    title_from_source,
)
from exporter.reading.labels import labelled_point
from exporter.reading.lines import Heading, ListRun, QuoteRun, Text, Unit
from exporter.reading.wrappers import EmailWrapper, source_of

_NO_KEY_POINTS = (
    "no key points found: the handout will have no key-points box; start the brief with a list "
    "(lines starting with '- '), or put a label line such as 'Key points:' above one"
)


@dataclass
class ArticleBuilder:
    """Decides what each unit is, front to back; ``consumed`` units are no body text."""

    units: list[Unit]
    front: FrontMatter
    email: EmailWrapper
    path: str | None
    language: str | None
    position: int = 0
    title_index: int = -1  # the unit the title was read from, if any
    consumed: set[int] = field(default_factory=set)
    warnings: list[ParseWarning] = field(default_factory=list)
    byline: Byline | None = None
    byline_line: int | None = None
    date: str | None = None
    date_line: int | None = None
    sources: list[tuple[str, int]] = field(default_factory=list)

    def build(self, warnings: tuple[ParseWarning, ...]) -> Article:
        self.warnings.extend(warnings)
        key_points = self._take_key_points()
        title = self._take_title()
        subtitle = None
        if self.front.subtitle is not None:
            subtitle = Inline(self.front.subtitle, line=self.front.subtitle_line)
        elif key_points is None:
            subtitle = self._take_subtitle()
        if key_points is None:
            key_points = self._take_key_points()
        key_points = self._scan_top(key_points)
        key_points = key_points or self._labelled_key_points_before_first_heading()
        self._take_source_lines()
        sections = self._sections()
        if not key_points:
            self.warnings.append(ParseWarning(None, _NO_KEY_POINTS))
        return Article(
            title=title.text,
            subtitle=subtitle.text if subtitle else None,
            key_points=key_points or (),
            sections=sections,
            metadata=self._metadata(),
            warnings=tuple(sorted(self.warnings, key=lambda warning: warning.line or 0)),
            title_line=title.line,
            subtitle_line=subtitle.line if subtitle else None,
        )

    # -- the top of the brief -------------------------------------------------------------------

    def _peek(self, offset: int = 0) -> Unit | None:
        index = self.position + offset
        return self.units[index] if index < len(self.units) else None

    def _take_key_points(self) -> tuple[Inline, ...] | None:
        first = self._peek()
        if isinstance(first, ListRun):
            self.position += 1
            return _points(first)
        following = self._peek(1)
        if is_label_unit(first) and isinstance(following, ListRun):
            self.position += 2
            return _points(following)
        return None

    def _take_title(self) -> Inline:
        stated = self.front.title or self.email.title
        if stated is not None:
            line = self.front.title_line if self.front.title else self.email.title_line
            first = self._peek()
            # The same title repeated as the first line is the title, not a section.
            if isinstance(first, Heading | Text) and first.text == stated:
                self.title_index = self.position
                self.position += 1
            return Inline(stated, line=line)
        first = self._peek()
        if isinstance(first, Heading) and not is_label_unit(first):
            self.title_index = self.position
            self.position += 1
            return Inline(first.text, line=first.line)
        if (
            isinstance(first, Text)
            and reads_as_heading(first)
            and not is_label_unit(first)
            and not self._is_wrapper_line(first)
        ):
            self.title_index = self.position
            self.position += 1
            return Inline(first.text, line=first.line)
        self.warnings.append(
            ParseWarning(None, "no title line found; the title comes from the file name")
        )
        return Inline(title_from_source(self.path))

    def _take_subtitle(self) -> Inline | None:
        """A heading-like line between the title and the byline, date or labelled key points."""
        candidate, following = self._peek(), self._peek(1)
        if (
            isinstance(candidate, Text)
            and reads_as_heading(candidate)
            and not self._is_wrapper_line(candidate)
            and not is_label_unit(candidate)
            and (self._is_wrapper_line(following) or is_label_unit(following))
        ):
            self.position += 1
            return Inline(candidate.text, line=candidate.line)
        return None

    def _is_wrapper_line(self, unit: Unit | None) -> bool:
        """A byline or a date line: metadata, never text."""
        if not isinstance(unit, Text) or unit.wrapped:
            return False
        return (
            read_byline(unit.text, self.language) is not None
            or read_date(unit.text, self.language) is not None
        )

    def _scan_top(self, key_points: tuple[Inline, ...] | None) -> tuple[Inline, ...] | None:
        """Bylines, date lines and labelled key points between the title and the first body
        paragraph, in any order."""
        while (unit := self._peek()) is not None:
            if isinstance(unit, Text) and not unit.wrapped and self._take_wrapper(unit):
                self._consume(self.position)
                continue
            if key_points is None and (found := self._key_points_at(self.position)):
                key_points = found
                continue
            break
        return key_points

    def _take_wrapper(self, unit: Text) -> bool:
        if self.byline is None and (byline := read_byline(unit.text, self.language)):
            self.byline, self.byline_line = byline, unit.line
            if byline.date is not None and self.date is None:
                self.date, self.date_line = byline.date, unit.line
            self._note(unit.line, f"read as the byline: {unit.text!r}")
            return True
        if self.date is None and (found := read_date(unit.text, self.language)):
            self.date, self.date_line = found, unit.line
            self._note(unit.line, f"read as the date ({found}): {unit.text!r}")
            return True
        return False

    def _key_points_at(self, index: int) -> tuple[Inline, ...] | None:
        """Key points starting at unit ``index``: a label above a list, or a labelled line."""
        unit = self.units[index]
        following = self.units[index + 1] if index + 1 < len(self.units) else None
        if is_label_unit(unit) and isinstance(following, ListRun):
            self._consume(index, index + 1)
            return _points(following)
        if isinstance(unit, Text) and (point := labelled_point(unit.text)):
            self._consume(index)
            return (Inline(point, line=unit.line),)
        return None

    def _labelled_key_points_before_first_heading(self) -> tuple[Inline, ...] | None:
        """Key points under a label after the lead paragraphs (``In brief:`` and a list)."""
        rest = [index for index in range(self.position, len(self.units))]
        headings = section_headings([self.units[index] for index in rest])
        for index, heading in zip(rest, headings, strict=True):
            if index in self.consumed:
                continue
            if heading is not None and not is_label_unit(self.units[index]):
                return None
            if found := self._key_points_at(index):
                return found
        return None

    def _consume(self, *indexes: int) -> None:
        self.consumed.update(indexes)
        while self.position in self.consumed:
            self.position += 1

    # -- the end of the brief --------------------------------------------------------------------

    def _take_source_lines(self) -> None:
        """``Source:`` and ``Via:`` lines that end the brief."""
        index = len(self.units) - 1
        while index >= self.position and index not in self.consumed:
            unit = self.units[index]
            if not isinstance(unit, Text) or (source := source_of(unit.text)) is None:
                break
            self.sources.insert(0, (source, unit.line))
            self.consumed.add(index)
            self._note(unit.line, f"read as the source: {unit.text!r}")
            index -= 1

    # -- the body --------------------------------------------------------------------------------

    def _sections(self) -> tuple[Section, ...]:
        body = [
            unit
            for index, unit in enumerate(self.units)
            if index >= self.position and index not in self.consumed
        ]
        levels = _relative_levels(self.units[self.title_index + 1 :])
        sections: list[Section] = []
        heading: Inline | None = None
        level = 2
        blocks: list[Block] = []
        for unit, new_heading in zip(body, section_headings(body), strict=True):
            if new_heading is not None:
                if heading is not None or blocks:
                    sections.append(Section(heading, tuple(blocks), level))
                spans = unit.spans if isinstance(unit, Heading) else ()
                heading = Inline(new_heading, spans, _line_of(unit))
                level = levels(unit)
                blocks = []
            else:
                blocks.append(_block(unit))
        if heading is not None or blocks:
            sections.append(Section(heading, tuple(blocks), level))
        return tuple(sections)

    def _metadata(self) -> Metadata:
        front = self.front.metadata
        lines = dict(front.lines)
        authors, role = front.authors, front.role
        if not authors and self.byline is not None:
            authors, role = self.byline.authors, self.byline.role
            lines["author"] = self.byline_line or 0
        elif not authors and self.email.author:
            authors = (self.email.author,)
        date = front.date
        if date is None and self.date is not None:
            date, lines["date"] = self.date, self.date_line or 0
        elif date is None and self.email.date is not None:
            date, lines["date"] = self.email.date, self.email.date_line or 0
        source = front.source
        if source is None and self.sources:
            source = "; ".join(text for text, _ in self.sources)
            lines["source"] = self.sources[0][1]
        return replace(
            front,
            author=None,
            authors=authors,
            role=role,
            date=date,
            source=source,
            language=self.language,
            path=self.path,
            lines=MappingProxyType(lines),
        )

    def _note(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(line, message, severity="note"))


def _points(run: ListRun) -> tuple[Inline, ...]:
    """A list's items as key points; an item's nested items are points of their own."""
    points: list[Inline] = []
    for item in run.items:
        points.append(Inline(item.text, item.spans, item.line))
        if item.sublist is not None:
            points.extend(Inline(sub.text, sub.spans, sub.line) for sub in item.sublist.items)
    return tuple(points)


def _line_of(unit: Unit) -> int:
    return unit.line


def _block(unit: Unit) -> Block:
    match unit:
        case ListRun():
            return ListBlock(unit.items, ordered=unit.ordered)
        case QuoteRun():
            return Quote(unit.paragraphs)
        case Heading() | Text():
            return Paragraph(unit.text, unit.spans, unit.line)
        case _:
            assert_never(unit)


def _relative_levels(body: list[Unit]) -> Callable[[Unit], int]:
    """Section levels that start at 2 under the title, whatever marks the brief used: its
    shallowest heading is a section, deeper ones are subsections. A heading read from a plain
    line is a section."""
    marked = [unit.level for unit in body if isinstance(unit, Heading)]
    top = min(marked, default=2)

    def level_of(unit: Unit) -> int:
        if isinstance(unit, Heading):
            return min(6, 2 + unit.level - top)
        return 2

    return level_of
