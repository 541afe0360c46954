"""Lines of a paragraph in one run of text, broken as reportlab breaks them, measuring each
word once per process.

reportlab's ``Paragraph.breakLines`` measures every word of a paragraph through three layers
of calls (``stringWidth``, the font's ``stringWidth``, the C measure), a third of the time it
takes, and measures the same words again in every paragraph. :func:`simple_lines` is its loop
for a paragraph of one run of plain text (reportlab's ``kind == 0``: no link, no fallback
font, no soft hyphen, no right-to-left or East Asian line breaking), step for step, with each
word's width looked up in a table per font and size. It hyphenates and splits long words
with reportlab's own functions. Anything else is left to reportlab (``None``).
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus import paragraph as _reportlab_paragraph

from exporter.writers.pdf import reportlab_release

# The pieces of reportlab's line breaking (not in its type stubs).
_reportlab: Any = _reportlab_paragraph

#: Words remembered per font and size before the table starts again (about 1 MB each).
_WORDS_PER_TABLE = 10_000


def simple_lines(paragraph: Any, width: Any) -> Any:
    """reportlab's ``ParaLines`` for ``paragraph`` broken at ``width`` (a width or a list of
    line widths, the last repeated), or ``None`` when it is not one run of plain text."""
    if not reportlab_release.FAST_PATHS:
        return None
    frags, style = paragraph.frags, paragraph.style
    hyphenator = getattr(style, "hyphenationLang", "")
    if isinstance(hyphenator, str):
        if hyphenator.strip():  # a language name: reportlab makes its own hyphenator
            return None
        hyphenator = None
    elif not callable(hyphenator):
        return None
    if (
        len(frags) != 1
        or style.wordWrap
        or style.shaping
        or style.endDots
        or style.embeddedHyphenation > 1
        or not hasattr(frags[0], "text")
        or hasattr(frags[0], "cbDefn")
        or hasattr(frags[0], "backColor")
        or _reportlab._processed_frags(frags)
        or _reportlab._shy in frags[0].text
    ):
        return None
    return _broken(paragraph, width, hyphenator)


def _broken(paragraph: Any, width: Any, hyphenator: Any) -> Any:
    """reportlab's loop for one run of text (``Paragraph.breakLines``, 5.1), in its order."""
    paragraph._width_max = 0
    max_widths = width if isinstance(width, tuple | list) else [width]
    lines: list[tuple[float, list[str]]] = []
    paragraph.height = line_number = 0
    last_line = len(max_widths) - 1
    style = paragraph.style
    uri_waste_reduce = style.uriWasteReduce
    embedded = style.embeddedHyphenation
    shrinkage = style.spaceShrinkage
    split_long_words = style.splitLongWords
    attempt_hyphenation = hyphenator or uri_waste_reduce or embedded
    shortest = getattr(style, "hyphenationMinWordLength", _reportlab.hyphenationMinWordLength)
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    _reportlab._handleBulletWidth(paragraph.bulletText, style, max_widths)
    max_width = max_widths[0]
    fragment = paragraph.frags[0]
    size, font_name = fragment.fontSize, fragment.fontName
    ascent, descent = getAscentDescent(font_name, size)
    text = _reportlab.strip(fragment.text)
    if not text:
        return fragment.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=size)
    words = _reportlab.split(text)
    widths = _word_widths(getFont(font_name), font_name, size, paragraph.encoding)
    space = _width(widths, " ", font_name, size, paragraph.encoding)
    space_shrink = shrinkage * space
    line: list[str] = []
    current = -space
    forced = False
    may_hyphenate = not getattr(fragment, "nobr", False)
    split_word, split_word_h = _reportlab._SplitWord, _reportlab._SplitWordH
    while words:
        word = words.pop(0)
        if not word and isinstance(word, split_word):
            forced = True
        word_width = widths.get(word)
        if word_width is None:
            word_width = _width(widths, word, font_name, size, paragraph.encoding)
        new_width = current + space + word_width
        limit = max_width + space_shrink * len(line)
        if new_width > limit and not (isinstance(word, split_word_h) or forced):
            if attempt_hyphenation:
                pieces = _reportlab._hyphenateWord(
                    hyphenator if may_hyphenate else None,
                    font_name,
                    size,
                    word,
                    word_width,
                    new_width,
                    limit,
                    uri_waste_reduce if may_hyphenate else False,
                    embedded and may_hyphenate,
                    shortest,
                )
                if pieces:
                    words[0:0] = pieces
                    paragraph._hyphenations += 1
                    forced = True
                    continue
            if split_long_words and not (isinstance(word, split_word) or forced):
                at = min(line_number, last_line)
                if word_width > max(max_widths[at : at + 1]):
                    words[0:0] = _reportlab._splitWord(
                        word,
                        current + space,
                        max_widths,
                        line_number,
                        font_name,
                        size,
                        paragraph.encoding,
                    )
                    paragraph._splitLongWordCount += 1
                    forced = True
                    continue
        if new_width <= limit or not line or forced:
            if word:
                line.append(word)
            if forced:
                forced = False
                paragraph._width_max = max(paragraph._width_max, new_width)
                lines.append((max_width - new_width, line))
                line = []
                current = -space
                line_number += 1
                max_width = max_widths[min(last_line, line_number)]
            else:
                current = new_width
        else:
            paragraph._width_max = max(paragraph._width_max, current)
            lines.append((max_width - current, line))
            line = [word]
            current = word_width
            line_number += 1
            max_width = max_widths[min(last_line, line_number)]
    if line:
        paragraph._width_max = max(paragraph._width_max, current)
        lines.append((max_width - current, line))
    return fragment.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


@functools.lru_cache(maxsize=32)  # the fonts and sizes of the few cached style sets
def _word_widths(font: Any, font_name: str, size: float, encoding: str) -> dict[str, float]:
    """The widths of words measured so far in ``font`` at ``size``."""
    return {}


def _width(
    widths: dict[str, float], word: str, font_name: str, size: float, encoding: str
) -> float:
    if len(widths) >= _WORDS_PER_TABLE:
        widths.clear()
    measured: float = stringWidth(word, font_name, size, encoding)
    widths[word] = measured
    return measured
