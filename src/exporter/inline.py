"""Inline structure of a text run, shared by every writer: plain text and web links.

The model keeps text literal; this module finds the parts that every format shows as a
clickable link, so that DOCX, PDF and EPUB agree on what a link is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A URL ends before trailing punctuation that belongs to the sentence, not to the address.
_URL = re.compile(r"""\b(?:https?://|www\.)[^\s<>"“”‘’]+[^\s<>"“”‘’.,;:!?)\]}'»…]""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """A web address as written (``text``) and where it points (``target``)."""

    text: str
    target: str


#: A run of inline content: literal text or a link.
Inline = str | Link


def split_links(text: str) -> tuple[Inline, ...]:
    """Split ``text`` into literal strings and :class:`Link` parts, in order.

    >>> split_links("See www.example.org/report.")
    ('See ', Link(text='www.example.org/report', target='https://www.example.org/report'), '.')
    """
    parts: list[Inline] = []
    position = 0
    for match in _URL.finditer(text):
        if match.start() > position:
            parts.append(text[position : match.start()])
        address = match.group()
        target = address if "://" in address else f"https://{address}"
        parts.append(Link(address, target))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return tuple(parts)
