"""Text as the brief wrote it: :class:`Inline` pieces of text with their line, and the inline
:class:`Span` runs (strong, emphasis, code, links) a Markdown brief may mark inside them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text inside a piece of text, with how it is marked: ``strong``, ``emphasis``,
    ``code`` (literal: an address in it is never made a link), and the ``link`` it points to (a
    valid URL; a code span inside a link has it too). A span whose text is ``"\\n"`` is a hard
    line break."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    link: str | None = None

    @property
    def plain(self) -> bool:
        """Whether the span carries no marking at all."""
        return not (self.strong or self.emphasis or self.code or self.link)

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {"text": self.text}
        found |= {flag: True for flag in ("strong", "emphasis", "code") if getattr(self, flag)}
        if self.link is not None:
            found["link"] = self.link
        return found


#: A hard line break inside a paragraph (Markdown's trailing backslash or two spaces).
LINE_BREAK = Span("\n")


@dataclass(frozen=True, slots=True)
class Inline:
    """A piece of text the brief wrote: its plain ``text``, its ``spans`` when parts of it are
    marked (empty for plain text; joined, the spans' texts are ``text``), and the 1-based
    ``line`` it starts on (``None`` when not read from a brief; not part of equality)."""

    text: str
    spans: tuple[Span, ...] = ()
    line: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return self.text

    def runs(self) -> tuple[Span, ...]:
        """The spans of this text; a plain text is one plain span."""
        return self.spans or (Span(self.text),)

    def span_dicts(self) -> list[dict[str, object]] | None:
        """The JSON form of the spans; ``None`` for plain text."""
        return [span.to_dict() for span in self.spans] if self.spans else None

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        """``{"text": …}``, with ``"spans"`` when the text is marked and ``"line"`` if asked."""
        found: dict[str, object] = {"text": self.text}
        if self.spans:
            found["spans"] = self.span_dicts()
        if lines:
            found["line"] = self.line
        return found


def marked(spans: Iterable[Span], line: int | None = None) -> Inline:
    """An :class:`Inline` of ``spans``, merged where neighbours are marked alike; plain text has
    no spans.

    >>> marked([Span("a "), Span("b", strong=True), Span("c", strong=True)]).spans
    (Span(text='a ', strong=False, emphasis=False, code=False, link=None), \
Span(text='bc', strong=True, emphasis=False, code=False, link=None))
    """
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        previous = merged[-1] if merged else None
        if previous is not None and _alike(previous, span):
            merged[-1] = Span(
                previous.text + span.text, span.strong, span.emphasis, span.code, span.link
            )
        else:
            merged.append(span)
    text = "".join(span.text for span in merged)
    # A hard break is a mark: a text that has one keeps its spans, so that a "\n" in a text
    # without spans stays what it always was, a line end inside a paragraph.
    if all(span.plain and span.text != "\n" for span in merged):
        return Inline(text, (), line)
    return Inline(text, tuple(merged), line)


def _alike(first: Span, second: Span) -> bool:
    breaks = first.text == "\n" or second.text == "\n"
    return not breaks and (first.strong, first.emphasis, first.code, first.link) == (
        second.strong,
        second.emphasis,
        second.code,
        second.link,
    )


#: What model constructors accept where text is expected.
TextLike: TypeAlias = Inline | str


def inline(value: TextLike) -> Inline:
    """``value`` as an :class:`Inline` (a plain string has no line and no spans)."""
    return value if isinstance(value, Inline) else Inline(value)


def inlines(values: Iterable[TextLike]) -> tuple[Inline, ...]:
    return tuple(map(inline, values))
