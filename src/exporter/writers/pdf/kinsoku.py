"""Line breaking for Chinese, Japanese and Korean text: kinsoku shori.

reportlab's CJK line breaker (``wordWrap="CJK"``) breaks before any character that does not
fit, and only pulls back a few kinds of closing punctuation: full-width commas (``，``), many
brackets and all opening punctuation still end up where typesetting forbids them. Following
JIS X 4051 and the W3C requirements for Chinese, Japanese and Korean text layout (clreq, jlreq,
klreq), :class:`KinsokuParagraph`:

- never starts a line with closing punctuation, a small kana, the prolonged sound mark or an
  iteration mark (:data:`NO_LINE_START`), and never ends one with an opening bracket or quote
  (:data:`NO_LINE_END`): the line is broken earlier, pushing the pair out to the next line
  (*oidashi*; reportlab cannot compress glyph spacing, which *oikomi* needs);
- breaks between any two ideographs or kana, and inside runs of Latin letters, digits and
  their punctuation only at spaces, so "2,500", "GDP" and URLs stay whole;
- breaks Korean at spaces, as Korean is written, unless that leaves the line loosely spaced
  (more than :data:`LOOSE` ems short of the margin): then between two Hangul syllables, as
  Korean typesetting allows;
- keeps every character: a space where a line breaks stays at the end of that line (it
  takes no room there), and a paragraph split across pages is rejoined exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import paragraph as _reportlab_paragraph
from reportlab.rl_config import _FUZZ

from exporter.writers.pdf.tagging.paragraph import TaggedParagraph

# The pieces of reportlab's own CJK breaker (not in its type stubs).
_reportlab: Any = _reportlab_paragraph

#: Characters no line may start with: closing brackets and quotes, stops and commas, small
#: kana, the prolonged sound mark, iteration marks, and their ASCII counterparts.
NO_LINE_START = frozenset(
    "，。、．；：！？）」』】》〉〕］｝〗〙〟”’｠»›"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ー々〻ゝゞヽヾ・…‥〜゠％‰℃°′″"
    ",.;:!?)]}%"
)
#: Characters no line may end with: opening brackets and quotes.
NO_LINE_END = frozenset("（「『【《〈〔［｛〖〘〝“‘｟«‹([{")


#: Ems a Korean line broken at a space may fall short of the margin before it breaks between
#: syllables instead (justified, two ems spread over a line's spaces still reads evenly).
LOOSE = 2.0

_HANGUL_SYLLABLES = range(0xAC00, 0xD7A4)


def _wide(character: str) -> bool:
    """An East Asian character a line may break before or after: ideographs, kana, Hangul,
    CJK punctuation and full-width forms (but not full-width letters and digits, which
    form words like their ASCII twins)."""
    if len(character) != 1:  # an empty glyph: a frag with no text
        return False
    code = ord(character)
    if 0xFF10 <= code <= 0xFF5A:
        return not character.isalnum()
    return (
        0x2E80 <= code <= 0xD7FF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFFEF
        or (code >= 0x20000)
    )


def may_break(before: str, after: str) -> bool:
    """Whether a line may break between ``before`` and ``after``.

    >>> may_break("中", "文"), may_break("文", "，"), may_break("「", "中"), may_break("한", "국")
    (True, False, False, True)
    >>> may_break("G", "D"), may_break(" ", "G"), may_break("P", " "), may_break("5", "年")
    (False, True, False, True)
    """
    if after in NO_LINE_START or before in NO_LINE_END or after.isspace():
        return False
    return before.isspace() or _wide(before) or _wide(after)


def line_ends(
    text: Sequence[str], widths: Sequence[float], max_widths: Sequence[float], loose: float
) -> list[int]:
    """Where each line of ``text`` ends (an index one past its last character), filling lines
    of ``max_widths`` (the last repeats) with characters of ``widths``; a Korean line may
    fall ``loose`` short of its width to break at a space.

    >>> line_ends("中文，中文", [1] * 5, [2], 0)
    [1, 3, 5]
    >>> line_ends("한국 사람들", [1] * 6, [5], 3.5), line_ends("한국 사람들", [1] * 6, [5], 1)
    ([3, 6], [5, 6])
    """
    ends: list[int] = []
    start, count = 0, len(text)
    while start < count:
        room = max_widths[min(len(ends), len(max_widths) - 1)] + _FUZZ
        used, index = 0.0, start
        while index < count:
            character = text[index]
            if used + widths[index] > room and not character.isspace() and index > start:
                index = _last_break(text, widths, start, index, loose - (room - used))
                break
            used += widths[index]
            index += 1
        ends.append(index)
        start = index
    return ends


def _last_break(
    text: Sequence[str], widths: Sequence[float], start: int, overflow: int, slack: float
) -> int:
    """The place before ``overflow`` to break the line at: the last allowed one, but a space
    between Korean words within ``slack`` of it rather than a break between syllables. At
    ``overflow`` itself when there is none (one long word, or a run of punctuation, wider than
    the line)."""
    found = None
    short = 0.0  # how far a break at index falls short of the overflowing line
    for index in range(overflow, start, -1):
        before = text[index - 1]
        if may_break(before, text[index]):
            if found is None:
                found = index
            if not _between_hangul(text, index):
                # a space that ends the line takes no room: it falls short too
                hanging = widths[index - 1] if before.isspace() else 0.0
                return found if short + hanging > slack else index
        short += widths[index - 1]
        if short > slack and found is not None:
            return found
    return overflow if found is None else found


def _between_hangul(text: Sequence[str], index: int) -> bool:
    """Whether a break at ``index`` falls between two Hangul syllables (inside a Korean word)."""
    before, after = text[index - 1], text[index]
    return (
        len(before) == len(after) == 1
        and ord(before) in _HANGUL_SYLLABLES
        and ord(after) in _HANGUL_SYLLABLES
    )


class KinsokuParagraph(TaggedParagraph):
    """A paragraph of East Asian text (style ``wordWrap="CJK"``) broken into lines by the
    rules above, in one font or several (tagged like any other paragraph)."""

    def breakLinesCJK(self, width: Any) -> Any:  # noqa: N802 - reportlab's name
        maxWidths = width if isinstance(width, list | tuple) else [width]  # noqa: N806
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # the first part of a split paragraph: lines already broken
        style = self.style
        _reportlab._handleBulletWidth(self.bulletText, style, maxWidths)
        # exporter's markup has no <br/>: every frag is a run of text
        glyphs = [
            _reportlab.cjkU(character, frag, "utf8")
            for frag in self.frags
            for character in frag.text
        ]
        if not glyphs:
            return super().breakLinesCJK(maxWidths)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        bounds = auto_leading not in ("", "off")
        lines = []
        start = 0
        loose = LOOSE * style.fontSize
        ends = line_ends(glyphs, [glyph.width for glyph in glyphs], maxWidths, loose)
        for number, end in enumerate(ends):
            line = glyphs[start:end]
            shown = len(line)
            while shown and line[shown - 1].isspace():  # a space where a line breaks hangs
                shown -= 1
            used = sum(glyph.width for glyph in line[:shown])
            width = maxWidths[min(number, len(maxWidths) - 1)]
            lines.append(_reportlab.makeCJKParaLine(line, width, used, width - used, False, bounds))
            start = end
        return _reportlab.ParaLines(kind=1, lines=lines)

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 - reportlab's name
        # reportlab appends a space to every line of the rest of a split paragraph, which
        # would put spaces between Chinese characters: the lines already hold every space.
        return _rest_of_lines


def _rest_of_lines(para: Any, start: int, stop: int) -> list[Any]:
    return [word for line in para.lines[start:stop] for word in line.words]
