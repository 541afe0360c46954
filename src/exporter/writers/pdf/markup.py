"""Text into reportlab's paragraph mini-markup: the one place where article text enters it.

reportlab parses paragraph text as XML-like markup, so raw text would be misread (``x<y``
aborts a document, ``AT&T`` gains a semicolon, ``<b>`` turns bold). :func:`escape_markup`
is the only escaping function; :func:`inline_markup` is the only caller that turns text
into markup, adding links and fallback fonts around escaped runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exporter.fonts import needs_glyph
from exporter.text.characters import storable
from exporter.text.links import Link, split_links
from exporter.theme import Color
from exporter.writers.pdf.bidi import shape_arabic
from exporter.writers.pdf.coverage import drawable
from exporter.writers.pdf.typefaces import FaceChain


def escape_markup(text: str) -> str:
    """Make ``text`` literal inside reportlab markup, including attribute values.

    >>> escape_markup('x<y & "z"')
    'x&lt;y &amp; &quot;z&quot;'
    """
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def inline_markup(text: str, chain: FaceChain, link_color: Color) -> str:
    """Markup for one run of article text: links are clickable, and characters the main font
    lacks are set in the first fallback font that has them.

    >>> from exporter.fonts import resolve_face
    >>> from exporter.theme import Font
    >>> plain = FaceChain((resolve_face(Font("DejaVu Sans"), "regular"),))
    >>> inline_markup("a<b", plain, Color("0000FF"))
    'a&lt;b'
    """
    parts: list[str] = []
    for part in split_links(storable(text)):
        if isinstance(part, Link):
            href = escape_markup(part.target)
            label = "".join(_font_runs(part.text, chain))
            parts.append(f'<a href="{href}" color="{link_color.css}">{label}</a>')
        else:
            parts.extend(_font_runs(part, chain))
    return "".join(parts)


def _font_runs(text: str, chain: FaceChain) -> Iterator[str]:
    """Escaped text, Arabic joined, with runs in fallback fonts wrapped in ``<font face=...>``.

    A word is set in one font when one font of the chain has all its glyphs: every change of
    font is a fragment that reportlab measures again on every line it breaks, so text that
    alternates scripts within words (``a☃ a☃ …``) would otherwise take 15 times longer to lay
    out. Only a word no single font covers is split character by character.
    """
    text = shape_arabic(text)
    if all(chain.covers(0, character) for character in set(text)):
        yield escape_markup(text)  # the common case, without a walk over every word
        return
    text = drawable(text, chain)
    run: list[str] = []
    run_font = 0
    for word, space in _WORD.findall(text):
        for piece, font in _word_pieces(word, space, chain, run_font):
            if font != run_font and run:
                yield _wrap(escape_markup("".join(run)), chain.name(run_font) if run_font else None)
                run = []
            run_font = font
            run.append(piece)
    if run:
        yield _wrap(escape_markup("".join(run)), chain.name(run_font) if run_font else None)


_WORD = re.compile(r"(\S*)(\s*)")


def _word_pieces(
    word: str, space: str, chain: FaceChain, current: int
) -> Iterator[tuple[str, int]]:
    """``word`` and the ``space`` after it as (text, chain index) pieces."""
    characters = set(word)
    whole = next(
        (
            index
            for index in range(len(chain.paths))
            if all(chain.covers(index, character) for character in characters)
        ),
        None,
    )
    if whole is not None and any(map(needs_glyph, characters)):
        current = whole
        yield word, whole
    else:
        for character in word:
            current = _font_for(character, chain, current)
            yield character, current
    for character in space:
        yield character, _font_for(character, chain, current)


def _font_for(character: str, chain: FaceChain, current: int) -> int:
    """The chain index to set ``character`` in: spaces and joiners stay in the current font
    when it has them; a character no font has stays in the main font (the coverage check
    warns about it)."""
    if not needs_glyph(character) and chain.covers(current, character):
        return current
    index = chain.font_index(character)
    return 0 if index is None else index


def _wrap(markup: str, font_name: str | None) -> str:
    return f'<font face="{font_name}">{markup}</font>' if font_name else markup
