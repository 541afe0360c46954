"""reportlab's fragments of a paragraph of plain markup, made without its XML parser.

reportlab turns a paragraph's markup into fragments (runs of text in one font and colour) with
an HTML parser written in Python, a sizeable part of the time a short paragraph costs. Most
paragraphs exporter makes have no tag at all (no link, no fallback font, no marked span): their
fragments are known in advance, the same as the parser makes. :func:`plain_fragments` makes
those; markup with tags still goes through the parser.

What the parser does with plain markup, and so what this does too: white space is collapsed as
``cleanBlockQuotedText`` does, and the text is cut into one fragment per escaped character
(``&amp;`` …) and one per run of text between them, each a copy of the paragraph's first
fragment (its font, size and colour from the style) sharing its link and line lists.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as _reportlab_paragraph

from exporter.writers.pdf import reportlab_release

# The parser and the functions around it (not in reportlab's type stubs).
_reportlab: Any = _reportlab_paragraph

# The escapes of exporter's markup (see markup.escape_markup) and what they stand for.
_ESCAPED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"'}
_ESCAPE = re.compile("&(amp|lt|gt|quot);")
# Text with no white space but single spaces between words (reportlab's white space is
# Python's and the zero-width space), which cleanBlockQuotedText returns unchanged.
_CLEAN = re.compile("(?:[^\\s\u200b]+(?: [^\\s\u200b]+)*)?")


def plain_fragments(markup: str, style: ParagraphStyle) -> tuple[str, list[Any]] | None:
    """The text and fragments reportlab's parser makes of ``markup`` in ``style``; ``None``
    for markup with a tag (which only the parser reads).

    >>> from reportlab.lib.styles import ParagraphStyle
    >>> text, fragments = plain_fragments("AT&amp;T  says", ParagraphStyle("x"))
    >>> text, [fragment.text for fragment in fragments]
    ('AT&amp;T says', ['AT', '&', 'T says'])
    """
    if "<" in markup or not reportlab_release.FAST_PATHS:
        return None
    # Words between single spaces are what the cleaning leaves as they are (most paragraphs).
    text = markup if _CLEAN.fullmatch(markup) else _reportlab.cleanBlockQuotedText(markup)
    first = _copy(_first_fragment(style))
    first.link = []  # the parser starts each paragraph with new lists, shared by its fragments
    first.us_lines = []
    fragments = []
    for index, piece in enumerate(_ESCAPE.split(text)):
        if piece:
            fragment = _copy(first)
            fragment.text = _ESCAPED[piece] if index % 2 else piece
            fragments.append(fragment)
    _reportlab.textTransformFrags(fragments, style)
    return text, fragments


def _copy(fragment: Any) -> Any:
    """What ``copy.copy`` makes of a fragment (a plain object), without its generic steps."""
    copied = object.__new__(type(fragment))
    copied.__dict__.update(fragment.__dict__)
    return copied


@functools.lru_cache(maxsize=256)  # one per style: a few cached sets, and long paragraphs' pieces
def _first_fragment(style: ParagraphStyle) -> Any:
    """The fragment reportlab's parser makes of a paragraph of one letter in ``style``."""
    _, fragments, _ = _reportlab.ParaParser().parse("x", style)
    return fragments[0]
