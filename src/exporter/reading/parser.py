"""The brief parser: clean text to an :class:`~exporter.model.Article`, read as a person would.

The order of decisions follows how an editor reads a brief: front matter first, then the key
points (a list at the very start, with or without a label), the title (front matter, a Markdown
``#`` heading, or the first heading-like line), then the body, where a short line that reads as
a heading and is followed by body text opens a new section. The rules are documented in the
README under "The brief format".
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from exporter.errors import BriefError
from exporter.inputs import FileTooLargeError, UnreadableFileError, read_regular_file
from exporter.model import (
    Article,
    Block,
    Inline,
    ListBlock,
    Metadata,
    Paragraph,
    ParseWarning,
    Section,
)
from exporter.reading.decode import (
    MAX_BRIEF_BYTES,
    DecodedText,
    decode_brief,
    sanitise_text,
    too_large,
)
from exporter.reading.frontmatter import FrontMatter, read_front_matter
from exporter.reading.language import with_language
from exporter.reading.lines import Heading, ListRun, Text, Unit, tokenise
from exporter.text.languages import LanguageTagError, normalise_language

# A line introducing the key points. It is not itself a key point or a section.
_KEY_POINTS_LABEL = re.compile(
    r"^[*_]{0,2}(?:key\s+(?:points?|takeaways?|facts|findings|messages|highlights)|main\s+points"
    r"|takeaways?|highlights|at\s+a\s+glance|in\s+brief|the\s+essentials|what\s+to\s+know"
    r"|tl;?\s?dr|summary|in\s+short|bottom\s+line)[*_]{0,2}\s*[:.—–-]?[*_]{0,2}\s*$",
    re.IGNORECASE,
)
_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 16
# A heading does not end like a sentence or a clause; a question mark is allowed.
_NOT_HEADING_END = re.compile(r"[.!,;:…。！，；：][\"'”’»)\]]*$")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)


def parse_text(
    text: str, source: str | Path | None = None, *, language: str | None = None
) -> Article:
    """Parse a brief given as text; ``source`` names it in messages and metadata.

    ``language`` (a BCP 47 tag) overrides the brief's own; without either, the language is
    detected from the text and a warning says so.

    >>> article = parse_text("- Rates held\\nRates on Hold\\nThe bank kept rates unchanged.")
    >>> article.title, article.key_points
    ('Rates on Hold', (Inline(text='Rates held', line=1),))
    """
    name = str(source) if source is not None else None
    return _parse_clean(sanitise_text(text, name), name, language)


def parse_bytes(
    data: bytes, source: str | Path | None = None, *, language: str | None = None
) -> Article:
    """Parse a brief given as bytes in any common encoding (UTF-8 preferred)."""
    name = str(source) if source is not None else None
    return _parse_clean(decode_brief(data, name), name, language)


def parse_file(path: str | Path, *, language: str | None = None) -> Article:
    """Read and parse the brief at ``path``.

    Raises :class:`BriefError` (a ``ValueError``) with the path and line for bad input. The
    brief's ``style:`` may name a theme file in the brief's own folder (``Metadata.theme_dirs``).
    """
    article = parse_bytes(read_brief(path), path, language=language)
    folder = str(Path(os.path.realpath(path)).parent)
    return replace(article, metadata=replace(article.metadata, theme_dirs=(folder,)))


def read_brief(path: str | Path) -> bytes:
    """The bytes of the brief at ``path``, or a :class:`BriefError` saying why not.

    Only a regular file is read (a FIFO or a link to ``/dev/zero`` is refused without blocking),
    and never more than :data:`~exporter.reading.decode.MAX_BRIEF_BYTES` plus one byte.
    """
    try:
        return read_regular_file(path, MAX_BRIEF_BYTES)
    except FileTooLargeError as error:
        raise BriefError(too_large(error.size), path=path) from None
    except UnreadableFileError as error:
        reason = f"is {error.kind}, not a brief" if error.kind else error.reason
        raise BriefError(reason, path=path) from None


def _parse_clean(decoded: DecodedText, source: str | None, language: str | None) -> Article:
    if language is not None:
        try:
            language = normalise_language(language)
        except LanguageTagError as error:
            raise BriefError(f"language override: {error}", path=source) from None
    lines = decoded.text.split("\n")
    front = read_front_matter(lines, source)
    units = tokenise(lines[front.body_start :], first_number=front.body_start + 1)
    if not units and front.title is None:
        where = "after its front matter" if front.body_start else "besides rules and markup"
        raise BriefError(f"the brief has no text {where}", path=source)
    builder = _ArticleBuilder(units, front, source)
    return with_language(builder.build(warnings=(*decoded.warnings, *front.warnings)), language)


@dataclass
class _ArticleBuilder:
    """The second pass: decides what each unit is, front to back."""

    units: list[Unit]
    front: FrontMatter
    source: str | None
    position: int = 0
    warnings: list[ParseWarning] = field(default_factory=list)

    def build(self, warnings: tuple[ParseWarning, ...]) -> Article:
        self.warnings.extend(warnings)
        key_points = self._take_key_points()
        title = self._take_title()
        subtitle = (
            Inline(self.front.subtitle, self.front.subtitle_line) if self.front.subtitle else None
        )
        if key_points is None:
            if subtitle is None:
                subtitle = self._take_subtitle()
            key_points = self._take_key_points()
        sections = self._sections()
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
            return first.items
        following = self._peek(1)
        if _is_label(first) and isinstance(following, ListRun):
            self.position += 2
            return following.items
        return None

    def _take_title(self) -> Inline:
        if self.front.title is not None:
            first = self._peek()
            # The same title repeated as the first line is the title, not a section.
            if isinstance(first, Heading | Text) and first.text == self.front.title:
                self.position += 1
            return Inline(self.front.title, self.front.title_line)
        first = self._peek()
        if isinstance(first, Heading) and not _is_label(first):
            self.position += 1
            return Inline(first.text, first.line)
        if isinstance(first, Text) and _reads_as_heading(first) and not _is_label(first):
            self.position += 1
            return Inline(first.text, first.line)
        self.warnings.append(
            ParseWarning(None, "no title line found; the title comes from the file name")
        )
        return Inline(title_from_source(self.source))

    def _take_subtitle(self) -> Inline | None:
        """A heading-like line between the title and labelled key points is a subtitle."""
        candidate, label, items = self._peek(), self._peek(1), self._peek(2)
        if (
            isinstance(candidate, Text)
            and _reads_as_heading(candidate)
            and _is_label(label)
            and isinstance(items, ListRun)
        ):
            self.position += 1
            return Inline(candidate.text, candidate.line)
        return None

    # -- the body ------------------------------------------------------------------------------

    def _sections(self) -> tuple[Section, ...]:
        body = self.units[self.position :]
        sections: list[Section] = []
        heading: Inline | None = None
        blocks: list[Block] = []
        for unit, new_heading in zip(body, _section_headings(body), strict=True):
            if new_heading is not None:
                if heading is not None or blocks:
                    sections.append(Section(heading, tuple(blocks)))
                heading, blocks = Inline(new_heading, unit.line), []
            elif isinstance(unit, ListRun):
                blocks.append(ListBlock(unit.items, ordered=unit.ordered))
            else:
                blocks.append(Paragraph(unit.text, unit.line))
        if heading is not None or blocks:
            sections.append(Section(heading, tuple(blocks)))
        return tuple(sections)

    def _metadata(self) -> Metadata:
        return replace(self.front.metadata, source=self.source)


def _section_headings(body: list[Unit]) -> list[str | None]:
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
            isinstance(unit, Text) and _reads_as_heading(unit) and next_is_body
        ):
            heading = unit.text
        elif (
            isinstance(unit, ListRun)
            and unit.ordered
            and len(unit.items) == 1
            and _heading_like(unit.items[0].text)
            and next_is_paragraph
        ):
            # "1. Introduction" above a paragraph is a numbered heading, not a one-item list.
            heading = f"{unit.first_marker} {unit.items[0].text}"
        headings[index] = heading
        next_is_body = heading is None
        next_is_paragraph = next_is_body and isinstance(unit, Text)
    return headings


def _reads_as_heading(unit: Text) -> bool:
    return not unit.wrapped and _heading_like(unit.text)


def _heading_like(text: str) -> bool:
    """Short, not ending like a sentence, with a capital (or uncased) start and no URL."""
    if len(text) > _MAX_HEADING_CHARS or len(text.split()) > _MAX_HEADING_WORDS:
        return False
    if _NOT_HEADING_END.search(text) or _URL.search(text):
        return False
    first_letter = next((char for char in text if char.isalpha()), None)
    return first_letter is not None and not first_letter.islower()


def _is_label(unit: Unit | None) -> bool:
    return isinstance(unit, Heading | Text) and bool(_KEY_POINTS_LABEL.match(unit.text))


def title_from_source(source: str | None) -> str:
    """A readable title from a file name: ``rates-on-hold.txt`` → ``Rates on hold``."""
    if not source:
        return "Untitled brief"
    words = re.sub(r"[\s_\-.]+", " ", Path(source).stem).strip()
    if not words:
        return "Untitled brief"
    return words[0].upper() + words[1:]
