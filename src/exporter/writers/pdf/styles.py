"""Paragraph styles from a theme: every size, colour, font and spacing of the PDF comes from here.

A :class:`TextStyle` pairs a reportlab ``ParagraphStyle`` with the font chain its text is set
in, because inline markup needs the chain to pick fallback fonts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

import pyphen  # type: ignore[import-untyped]
from reportlab.lib.colors import Color as ReportlabColor
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from exporter.fonts import Face, FontFile, covered_codepoints, needs_glyph
from exporter.fonts.usage import document_characters
from exporter.model import Article
from exporter.scripts import is_right_to_left
from exporter.theme import Color, Font, Theme
from exporter.writers.pdf.bidi import shape_arabic
from exporter.writers.pdf.typefaces import FaceChain, faces, is_cff

# Display type is set tighter than running text; these ratios are typographic, not a look.
_TITLE_LEADING = 1.18
_HEADING_LEADING = 1.25
_META_LEADING = 1.4


@dataclass(frozen=True, slots=True)
class TextStyle:
    """A paragraph style and the font chain its text is set in; ``right_to_left`` for the
    styles of a right-to-left document (right-aligned, indents and bullets on the right)."""

    paragraph: ParagraphStyle
    chain: FaceChain
    right_to_left: bool = False


@dataclass(frozen=True, slots=True)
class Styles:
    """Every text style of the handout."""

    title: TextStyle
    subtitle: TextStyle
    meta: TextStyle
    label: TextStyle
    key_point: TextStyle
    heading: TextStyle
    body: TextStyle
    list_item: TextStyle
    list_last: TextStyle  # the last item of a list, spaced like the end of a paragraph
    running: TextStyle  # header and footer


def rgb(color: Color) -> ReportlabColor:
    """A theme colour as a reportlab colour."""
    return HexColor(color.css)


#: The faces the PDF sets each theme font in.
USED_FACES: tuple[tuple[str, Face], ...] = (
    ("title", "bold"),
    ("title", "regular"),
    ("heading", "bold"),
    ("heading", "regular"),
    ("body", "regular"),
)


@functools.lru_cache(maxsize=16)  # styles are immutable once built; building costs ~0.5 ms
def build_styles(theme: Theme, language: str, characters: frozenset[str] = frozenset()) -> Styles:
    """All styles for ``theme`` in ``language`` (BCP 47): it picks the hyphenation patterns,
    line breaking between ideographs for Chinese and Japanese, the text direction, and the
    regional fonts of pan-CJK families. ``characters`` are what CFF fonts of the chains may
    have to draw (:func:`conversion_characters`), usually none."""
    styles = _left_to_right_styles(theme, language, characters)
    if is_right_to_left(language):
        styles = Styles(
            **{item.name: _mirrored(getattr(styles, item.name)) for item in fields(Styles)}
        )
    if _breaks_between_ideographs(language):
        styles = Styles(
            **{
                item.name: _with_changes(getattr(styles, item.name), wordWrap="CJK")
                for item in fields(Styles)
            }
        )
    return styles


def _mirrored(style: TextStyle) -> TextStyle:
    """``style`` for right-to-left text: right-aligned, indents swapped, no justification
    (Arabic justifies by stretching joins, which PDF text cannot do)."""
    paragraph = style.paragraph
    mirrored = _with_changes(
        style,
        alignment=TA_RIGHT,
        leftIndent=paragraph.rightIndent,
        rightIndent=paragraph.leftIndent,
        hyphenationLang="",
        embeddedHyphenation=0,
    )
    return replace(mirrored, right_to_left=True)


def _with_changes(style: TextStyle, **changes: Any) -> TextStyle:
    return replace(style, paragraph=_derive(style.paragraph, style.paragraph.name, **changes))


def _breaks_between_ideographs(language: str) -> bool:
    # Korean is written with spaces between words and breaks there; Chinese and Japanese
    # break between any two ideographs.
    return language.lower().split("-")[0] in ("zh", "ja", "yue", "wuu")


def conversion_characters(article: Article, theme: Theme, language: str) -> frozenset[str]:
    """The characters of the document that a CFF font of its chains may have to draw: none
    when the main fonts are TrueType and have every character (the usual case, which keeps
    the styles cached and reads no fallback font), else all of them, as drawn (Arabic
    joined), if some chain holds a CFF font."""
    characters = document_characters(article, theme)
    drawn = characters | frozenset(shape_arabic("".join(characters)))
    mains = _mains(theme, language)
    if not any(is_cff(main) for main in mains) and _all_covered(drawn, mains):
        return frozenset()
    return drawn if _holds_cff(theme, language) else frozenset()


def _chains(theme: Theme, language: str) -> list[FaceChain]:
    return [faces(getattr(theme.fonts, role), face, language) for role, face in USED_FACES]


@functools.lru_cache(maxsize=16)
def _mains(theme: Theme, language: str) -> frozenset[FontFile]:
    return frozenset(chain.files[0] for chain in _chains(theme, language))


@functools.lru_cache(maxsize=16)
def _holds_cff(theme: Theme, language: str) -> bool:
    return any(is_cff(file) for chain in _chains(theme, language) for file in chain.files)


def _all_covered(characters: Iterable[str], fonts: Iterable[FontFile]) -> bool:
    coverages = [covered_codepoints(font) for font in fonts]
    return all(
        ord(character) in coverage
        for character in characters
        if needs_glyph(character)
        for coverage in coverages
    )


def _left_to_right_styles(theme: Theme, language: str, characters: frozenset[str]) -> Styles:
    def chain(font: Font, face: Face) -> FaceChain:
        return faces(font, face, language).for_document(characters)

    body_font = chain(theme.fonts.body, "regular")
    heading_font = chain(theme.fonts.heading, "bold")
    sizes, spacing, colors = theme.sizes, theme.spacing, theme.colors
    body = _style(
        "body",
        body_font,
        sizes.body,
        sizes.body * spacing.line,
        colors.text,
        alignment=TA_JUSTIFY if theme.justify else TA_LEFT,
        hyphenationLang=_hyphenator(language) if theme.hyphenate else "",
        embeddedHyphenation=1 if theme.hyphenate else 0,
        spaceAfter=spacing.paragraph_after,
        allowWidows=0,
        allowOrphans=0,
    )
    list_item = _derive(
        body.paragraph,
        "list_item",
        leftIndent=spacing.list_indent,
        bulletIndent=0,
        spaceAfter=spacing.paragraph_after / 2,
    )
    key_point_size = sizes.key_points
    key_point = _derive(
        list_item,
        "key_point",
        fontSize=key_point_size,
        leading=key_point_size * spacing.line,
        bulletFontSize=key_point_size,
        alignment=TA_LEFT,
        hyphenationLang="",  # short ragged lines: breaking words gains nothing
        embeddedHyphenation=0,
        spaceAfter=spacing.paragraph_after / 2,
    )
    return Styles(
        title=_style(
            "title",
            chain(theme.fonts.title, "bold"),
            sizes.title,
            sizes.title * _TITLE_LEADING,
            colors.title,
            spaceAfter=sizes.title * 0.25,
        ),
        subtitle=_style(
            "subtitle",
            chain(theme.fonts.title, "regular"),
            sizes.subtitle,
            sizes.subtitle * _HEADING_LEADING,
            colors.muted,
            spaceAfter=sizes.subtitle * 0.4,
        ),
        meta=_style(
            "meta",
            chain(theme.fonts.heading, "regular"),
            sizes.meta,
            sizes.meta * _META_LEADING,
            colors.muted,
        ),
        label=_style(
            "label",
            heading_font,
            sizes.key_points,
            sizes.key_points * _HEADING_LEADING,
            theme.key_points.label_color,
            spaceAfter=spacing.heading_after,
        ),
        key_point=TextStyle(key_point, body_font),
        heading=_style(
            "heading",
            heading_font,
            sizes.heading,
            sizes.heading * _HEADING_LEADING,
            colors.heading,
            spaceBefore=spacing.heading_before,
            spaceAfter=spacing.heading_after,
            keepWithNext=1,
        ),
        body=body,
        list_item=TextStyle(list_item, body_font),
        list_last=TextStyle(
            _derive(list_item, "list_last", spaceAfter=spacing.paragraph_after),
            body_font,
        ),
        running=_style(
            "running",
            chain(theme.fonts.heading, "regular"),
            sizes.header_footer,
            sizes.header_footer * _META_LEADING,
            colors.muted,
        ),
    )


def _style(
    name: str, chain: FaceChain, size: float, leading: float, color: Color, **extra: Any
) -> TextStyle:
    style = ParagraphStyle(
        name,
        fontName=chain.primary,
        bulletFontName=chain.primary,  # the default would reference unembedded Helvetica
        fontSize=size,
        bulletFontSize=size,
        leading=leading,
        textColor=rgb(color),
        **extra,
    )
    return TextStyle(style, chain)


def _derive(base: ParagraphStyle, name: str, **changes: Any) -> ParagraphStyle:
    return ParagraphStyle(name, parent=base, **changes)


#: Letters: German compounds run past 60, nothing in a dictionary to 100.
_LONGEST_HYPHENATED_WORD = 100


@functools.cache
def _hyphenator(language: str) -> Callable[[str], Iterator[tuple[str, str]]] | str:
    """Break points for a BCP 47 language (``en-GB`` → pyphen's ``en_GB``); '' for none.

    Like TeX, no break leaves fewer than three letters on either side ("re-", "-ly").
    """
    dictionary = pyphen.language_fallback(language.replace("-", "_"))
    if not dictionary:
        return ""
    iterate = pyphen.Pyphen(lang=dictionary, left=3, right=3).iterate

    def hyphenate(word: str) -> Iterator[tuple[str, str]]:
        # reportlab measures the head of every break point of a word, again on every line
        # the word fills: cubic in its length, minutes for a 10,000-letter "word". No word a
        # dictionary knows is that long; such strings are split between any two letters.
        return iter(()) if len(word) > _LONGEST_HYPHENATED_WORD else iterate(word)

    return hyphenate
