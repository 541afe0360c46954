"""Paragraph styles from a theme: every size, colour, font and spacing of the PDF comes from here.

A :class:`TextStyle` pairs a reportlab ``ParagraphStyle`` with the font chain its text is set
in, because inline markup needs the chain to pick fallback fonts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

from reportlab.lib.colors import Color as ReportlabColor
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from exporter.fonts import Face, FontFile, covered_codepoints, needs_glyph
from exporter.fonts.usage import document_characters
from exporter.model import Article
from exporter.text.scripts import Direction, is_east_asian
from exporter.theme import Color, Font, Theme
from exporter.writers.pdf.bidi import shape_arabic
from exporter.writers.pdf.hyphenation import hyphenator
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
    # Added for marked briefs: subsection headings (levels 3 to 6), quotations, the items of a
    # nested list, and the source line at the end.
    heading_3: TextStyle
    heading_4: TextStyle
    heading_5: TextStyle
    heading_6: TextStyle
    quote: TextStyle
    nested_item: TextStyle
    nested_last: TextStyle
    source: TextStyle

    def heading_at(self, level: int) -> TextStyle:
        """The heading style of a section at ``level`` (2 is a section, down to 6)."""
        return {
            3: self.heading_3,
            4: self.heading_4,
            5: self.heading_5,
            6: self.heading_6,
        }.get(min(level, 6), self.heading)


def rgb(color: Color) -> ReportlabColor:
    """A theme colour as a reportlab colour."""
    return HexColor(color.css)


# Every face a span may be set in (strong, emphasis, code): the chains a CFF font may be in.
_ROLES = ("title", "heading", "body", "code")
_FACES: tuple[Face, ...] = ("regular", "bold", "italic", "bold_italic")


@functools.lru_cache(maxsize=16)  # styles are immutable once built; building costs ~0.5 ms
def build_styles(
    theme: Theme,
    language: str,
    direction: Direction = "ltr",
    characters: frozenset[str] = frozenset(),
) -> Styles:
    """All styles for ``theme`` in ``language`` (BCP 47) and the document's ``direction``: the
    language picks the hyphenation patterns, line breaking between characters for Chinese,
    Japanese and Korean (kinsoku.py), and the regional fonts of pan-CJK families.
    ``characters`` are what CFF fonts of the chains may have to draw
    (:func:`conversion_characters`), usually none."""
    styles = _left_to_right_styles(theme, language, characters)
    if direction == "rtl":
        styles = Styles(
            **{item.name: _mirrored(getattr(styles, item.name)) for item in fields(Styles)}
        )
    if is_east_asian(language):  # see kinsoku.py: Korean breaks between syllables too
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


def conversion_characters(article: Article, theme: Theme, language: str) -> frozenset[str]:
    """The characters of the document that a CFF font of its chains may have to draw: none
    when the main fonts are TrueType and have every character (the usual case, which keeps
    the styles cached and reads no fallback font), else all of them, as drawn (Arabic
    joined), if some chain holds a CFF font."""
    if not _holds_cff(theme, language):  # no CFF font to convert: no need to read the text
        return frozenset()
    characters = document_characters(article, theme)
    drawn = characters | frozenset(shape_arabic("".join(characters)))
    mains = _mains(theme, language)
    if not any(is_cff(main) for main in mains) and _all_covered(drawn, mains):
        return frozenset()
    return drawn


def _chains(theme: Theme, language: str) -> list[FaceChain]:
    return [faces(getattr(theme.fonts, role), face, language) for role in _ROLES for face in _FACES]


@functools.lru_cache(maxsize=16)
def _mains(theme: Theme, language: str) -> frozenset[FontFile]:
    return frozenset(chain.files[0] for chain in _chains(theme, language))


@functools.lru_cache(maxsize=16)
def _holds_cff(theme: Theme, language: str) -> bool:
    return any(is_cff(file) for chain in _chains(theme, language) for file in chain.files)


def _all_covered(characters: Iterable[str], fonts: Iterable[FontFile]) -> bool:
    codes = set(map(ord, characters))
    for font in fonts:  # set differences in C; what is left is usually nothing
        if any(needs_glyph(chr(code)) for code in codes - covered_codepoints(font)):
            return False
    return True


#: Makes the chain of a theme font's face for one document.
ChainOf = Callable[[Font, Face], FaceChain]


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
        hyphenationLang=hyphenator(language) if theme.hyphenate else "",
        embeddedHyphenation=0,  # reportlab's breaks at hyphens lose them: see hyphenation.py
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
            keepWithNext=1,  # never alone at the foot of a page (see box.py)
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
        **_marked_text_styles(theme, body, list_item, chain),
    )


def _marked_text_styles(
    theme: Theme, body: TextStyle, list_item: ParagraphStyle, chain: ChainOf
) -> dict[str, TextStyle]:
    """The styles of subsection headings, quotations, nested list items and the source line."""
    sizes, spacing, quote = theme.sizes, theme.spacing, theme.quote
    heading_font = chain(theme.fonts.heading, "bold")
    subheadings = {
        f"heading_{level}": _style(
            f"heading_{level}",
            heading_font,
            sizes.heading_at(level),
            sizes.heading_at(level) * _HEADING_LEADING,
            theme.colors.heading,
            spaceBefore=spacing.heading_before * 0.75,
            spaceAfter=spacing.heading_after,
            keepWithNext=1,
        )
        for level in range(3, 7)
    }
    quote_font = chain(theme.fonts.body, "italic") if quote.italic else body.chain
    quotation = _derive(
        body.paragraph,
        "quote",
        fontName=quote_font.primary,
        textColor=rgb(quote.color),
        leftIndent=quote.indent,
        rightIndent=quote.indent,
    )
    nested = _derive(
        list_item,
        "nested_item",
        leftIndent=2 * spacing.list_indent,
        bulletIndent=spacing.list_indent,
    )
    meta_font = chain(theme.fonts.heading, "regular")
    return subheadings | {
        "quote": TextStyle(quotation, quote_font),
        "nested_item": TextStyle(nested, body.chain),
        "nested_last": TextStyle(
            _derive(nested, "nested_last", spaceAfter=spacing.paragraph_after), body.chain
        ),
        "source": _style(
            "source",
            meta_font,
            sizes.meta,
            sizes.meta * _META_LEADING,
            theme.colors.muted,
            spaceBefore=spacing.heading_before,
        ),
    }


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
