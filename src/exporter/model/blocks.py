"""The blocks of a section's body: paragraphs, lists and quotes, a closed set every writer
matches on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias, assert_never

from exporter.model.text import Inline, TextLike, inline


@dataclass(frozen=True, slots=True)
class Paragraph(Inline):
    """A paragraph of running text, already joined into one line."""

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        return {"type": "paragraph"} | Inline.to_dict(self, lines=lines)


@dataclass(frozen=True, slots=True)
class ListItem(Inline):
    """An item of a list: its text, and the list nested under it, if any."""

    sublist: ListBlock | None = None


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted (``ordered=False``) or numbered (``ordered=True``) list of items. A plain
    ``str`` or an :class:`Inline` is accepted as an item and becomes a :class:`ListItem`."""

    items: tuple[ListItem, ...]
    ordered: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(map(_list_item, self.items)))

    @property
    def line(self) -> int | None:
        return self.items[0].line if self.items else None

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        found: dict[str, object] = {
            "type": "list",
            "ordered": self.ordered,
            "items": [item.text for item in self.items],
        }
        if any(item.spans for item in self.items):
            found["item_spans"] = [item.span_dicts() for item in self.items]
        if any(item.sublist for item in self.items):
            found["sublists"] = [
                item.sublist.to_dict(lines=lines) if item.sublist else None for item in self.items
            ]
        if lines:
            found |= {"line": self.line, "item_lines": [item.line for item in self.items]}
        return found


def _list_item(value: TextLike) -> ListItem:
    if isinstance(value, ListItem):
        return value
    text = inline(value)
    return ListItem(text.text, text.spans, text.line)


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quotation: one or more paragraphs quoted from elsewhere."""

    paragraphs: tuple[Paragraph, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "paragraphs", tuple(map(_paragraph, self.paragraphs)))

    @property
    def line(self) -> int | None:
        return self.paragraphs[0].line if self.paragraphs else None

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        found: dict[str, object] = {
            "type": "quote",
            "paragraphs": [paragraph.to_dict(lines=lines) for paragraph in self.paragraphs],
        }
        if lines:
            found["line"] = self.line
        return found


def _paragraph(value: TextLike) -> Paragraph:
    if isinstance(value, Paragraph):
        return value
    text = inline(value)
    return Paragraph(text.text, text.spans, text.line)


#: The closed set of body blocks. Writers ``match`` on it and end with ``assert_never``.
Block: TypeAlias = Paragraph | ListBlock | Quote


def block_texts(block: Block) -> tuple[Inline, ...]:
    """The pieces of text of ``block``, in reading order (nested list items included)."""
    match block:
        case Paragraph():
            return (block,)
        case ListBlock():
            texts: list[Inline] = []
            for item in block.items:
                texts.append(item)
                if item.sublist is not None:
                    texts.extend(block_texts(item.sublist))
            return tuple(texts)
        case Quote():
            return block.paragraphs
        case _:
            assert_never(block)
