"""Text into reportlab's paragraph mini-markup: the one place where article text enters it.

reportlab parses paragraph text as XML-like markup, so raw text would be misread (``x<y``
aborts a document, ``AT&T`` gains a semicolon, ``<b>`` turns bold). :func:`escape_markup`
is the only escaping function; :func:`inline_markup` is the only caller that turns text
into markup, adding links, line breaks, the faces of marked spans and fallback fonts around
escaped runs.

A marked span is set in a face of its own, named outright (``<font face=…>``) rather than by
reportlab's ``<b>``/``<i>``, so that it takes that face of the theme font's whole fallback
chain: strong text the bold face, emphasis the italic (bold italic for both, or inside a bold
heading), code the theme's code font.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from exporter.fonts import Face, face_chain, needs_glyph
from exporter.model import Inline, Span
from exporter.text.characters import storable
from exporter.text.links import linked_spans
from exporter.theme import Color, Font, Fonts
from exporter.writers.pdf.bidi import shape_arabic
from exporter.writers.pdf.coverage import covered_by_main_font, drawable
from exporter.writers.pdf.typefaces import FaceChain


def escape_markup(text: str) -> str:
    """Make ``text`` literal inside reportlab markup, including attribute values.

    >>> escape_markup('x<y & "z"')
    'x&lt;y &amp; &quot;z&quot;'
    """
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def inline_markup(
    text: Inline | str, chain: FaceChain, link_color: Color, fonts: Fonts | None = None
) -> str:
    """Markup for one piece of article text: links are clickable (the spans of one link in
    one ``<a>``), line breaks are ``<br/>``, marked spans are set in their faces of ``fonts``
    (given the theme's fonts; else in ``chain``), and characters a font lacks are set in the
    first fallback font that has them.

    >>> from exporter.fonts import resolve_face
    >>> plain = FaceChain((resolve_face(Font("DejaVu Sans"), "regular"),))
    >>> inline_markup("a<b", plain, Color("0000FF"))
    'a&lt;b'
    """
    if isinstance(text, str):
        text = Inline(storable(text))
    elif text.spans:
        text = replace(text, spans=tuple(replace(s, text=storable(s.text)) for s in text.spans))
    else:
        text = Inline(storable(text.text))
    parts: list[str] = []
    for link, group in itertools.groupby(linked_spans(text), key=lambda span: span.link):
        label = "".join(_span_markup(span, chain, fonts) for span in group)
        if link is None:
            parts.append(label)
        else:
            parts.append(f'<a href="{escape_markup(link)}" color="{link_color.css}">{label}</a>')
    return "".join(parts)


def _span_markup(span: Span, chain: FaceChain, fonts: Fonts | None) -> str:
    if span.text == "\n":
        return "<br/>"
    marked = chain if fonts is None else span_chain(chain, fonts, span)
    runs = "".join(_font_runs(span.text, marked))
    return runs if marked == chain else f'<font face="{marked.primary}">{runs}</font>'


def span_chain(chain: FaceChain, fonts: Fonts, span: Span) -> FaceChain:
    """The chain to set ``span`` in, for text whose style sets it in ``chain``: the face of
    the same theme font that adds the span's marks (code in the code font instead)."""
    if not (span.strong or span.emphasis or span.code):
        return chain
    font, face = _origin(chain, fonts)
    bold = span.strong or "bold" in face
    italic = span.emphasis or "italic" in face
    if span.code:
        font = fonts.code
    marked: Face = (
        "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    )
    return chain.sibling(font, marked)


@functools.cache
def _origin(chain: FaceChain, fonts: Fonts) -> tuple[Font, Face]:
    """Which theme font, in which face, ``chain`` is (the body's regular face if none)."""
    for font in (fonts.body, fonts.heading, fonts.title):
        for face in _FACES:
            if face_chain(font, face, chain.language) == chain.files:
                return font, face
    return fonts.body, "regular"


_FACES: tuple[Face, ...] = ("regular", "bold", "italic", "bold_italic")


def _font_runs(text: str, chain: FaceChain) -> Iterator[str]:
    """Escaped text, Arabic joined, with runs in fallback fonts wrapped in ``<font face=...>``.

    A word is set in one font when one font of the chain has all its glyphs: every change of
    font is a fragment that reportlab measures again on every line it breaks, so text that
    alternates scripts within words (``a☃ a☃ …``) would otherwise take 15 times longer to lay
    out. Only a word no single font covers is split character by character.
    """
    text = shape_arabic(text)
    if covered_by_main_font(text, chain):
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
            for index in range(len(chain.files))
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
