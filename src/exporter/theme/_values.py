"""Theme value objects: every visual choice the writers make, in one immutable object.

A theme is read from a TOML file in ``styles/`` (or any path) by the theme loader. Lengths are
stored in PostScript points and colours as :class:`Color`, so a writer only converts units
(``Pt``, EMU, CSS ``pt``) and never parses strings.

Header and footer parts are templates with these placeholders:
``{title}``, ``{short_title}``, ``{author}``, ``{date}``, ``{page}``, ``{pages}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from exporter.text.languages import translated


@dataclass(frozen=True, slots=True)
class Color:
    """An sRGB colour; ``hex`` is six upper-case hex digits without ``#`` (``"1F3A5F"``)."""

    hex: str

    @property
    def rgb(self) -> tuple[int, int, int]:
        return (int(self.hex[0:2], 16), int(self.hex[2:4], 16), int(self.hex[4:6], 16))

    @property
    def css(self) -> str:
        return f"#{self.hex.lower()}"


@dataclass(frozen=True, slots=True)
class Font:
    """A font family with a fallback chain and, optionally, the font files that implement it.

    ``family`` is the name written into documents that reference fonts by name (DOCX, CSS).
    ``fallbacks`` are further family names tried in order. ``files`` maps a face
    (``regular``, ``bold``, ``italic``, ``bold_italic``) to a font file path, for formats that
    embed fonts (PDF, DOCX, EPUB); when empty, the font is found by family name.
    """

    family: str
    fallbacks: tuple[str, ...] = ()
    files: tuple[tuple[str, str], ...] = ()

    @property
    def chain(self) -> tuple[str, ...]:
        return (self.family, *self.fallbacks)


@dataclass(frozen=True, slots=True)
class Page:
    """Paper size and margins, in points."""

    width: float = 595.276  # A4
    height: float = 841.89
    margin_top: float = 72.0
    margin_right: float = 72.0
    margin_bottom: float = 72.0
    margin_left: float = 72.0


@dataclass(frozen=True, slots=True)
class Fonts:
    """The font of each kind of text: body, headings, the title block and code."""

    body: Font = field(default_factory=lambda: Font("DejaVu Serif"))
    heading: Font = field(default_factory=lambda: Font("DejaVu Sans"))
    title: Font = field(default_factory=lambda: Font("DejaVu Sans"))
    code: Font = field(default_factory=lambda: Font("DejaVu Sans Mono"))


@dataclass(frozen=True, slots=True)
class Sizes:
    """Font sizes in points."""

    body: float = 11.0
    title: float = 24.0
    subtitle: float = 14.0
    heading: float = 15.0
    meta: float = 9.5  # author/date line under the title
    key_points: float = 11.0
    header_footer: float = 8.5

    def heading_at(self, level: int) -> float:
        """The size of a heading at ``level`` (2 is a section heading, down to 6): ``heading``
        for level 2, each level below a third of the way nearer the body size, never below it.

        >>> Sizes(body=10.0, heading=16.0).heading_at(3), Sizes(body=10.0).heading_at(6)
        (14.0, 10.0)
        """
        step = (self.heading - self.body) / 3
        return max(self.body, self.heading - step * (max(level, 2) - 2))


@dataclass(frozen=True, slots=True)
class Spacing:
    """``line`` is a multiple of the font size; the rest are points."""

    line: float = 1.3
    paragraph_after: float = 8.0
    heading_before: float = 16.0
    heading_after: float = 6.0
    list_indent: float = 18.0


@dataclass(frozen=True, slots=True)
class Colors:
    """The colour of each kind of text, and of the accents (rules, the cover's band)."""

    text: Color = field(default_factory=lambda: Color("222222"))
    title: Color = field(default_factory=lambda: Color("111111"))
    heading: Color = field(default_factory=lambda: Color("1F3A5F"))
    accent: Color = field(default_factory=lambda: Color("1F3A5F"))
    link: Color = field(default_factory=lambda: Color("1A5FB4"))
    muted: Color = field(default_factory=lambda: Color("666666"))


# Regions whose Chinese is written in traditional characters, for tags that leave it implied.


@dataclass(frozen=True, slots=True)
class KeyPointsBox:
    """The key-points box. ``label`` heads it; ``translations`` give the label in other
    languages, as ``(BCP 47 tag, label)`` pairs, and the brief's language picks one."""

    label: str = "Key points"
    translations: tuple[tuple[str, str], ...] = ()
    background: Color = field(default_factory=lambda: Color("EEF3F8"))
    border_color: Color = field(default_factory=lambda: Color("1F3A5F"))
    border_width: float = 1.0
    padding: float = 10.0
    bullet: str = "•"
    label_color: Color = field(default_factory=lambda: Color("1F3A5F"))

    def label_for(self, language: str | None) -> str:
        """The label in ``language``: its own translation, else that of a broader tag
        (``pt-BR`` finds ``pt``), else ``label``.

        >>> box = KeyPointsBox("Key points", (("pt", "Pontos-chave"), ("zh-Hant", "要點")))
        >>> box.label_for("pt-BR"), box.label_for("zh-TW"), box.label_for("de")
        ('Pontos-chave', '要點', 'Key points')
        """
        return translated(self.label, self.translations, language)


#: A text by language: ``(BCP 47 tag, text)`` pairs.
Translations = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class QuoteStyle:
    """How a block quotation is set: indented by ``indent`` on the reading side, in ``color``,
    in the italic face if ``italic``, with a rule of ``rule_width`` in ``rule_color`` beside it
    (``0`` for none)."""

    indent: float = 18.0
    color: Color = field(default_factory=lambda: Color("444444"))
    italic: bool = True
    rule_width: float = 2.0
    rule_color: Color = field(default_factory=lambda: Color("1F3A5F"))


@dataclass(frozen=True, slots=True)
class HeaderFooter:
    """Left, centre and right templates of a running header or footer ('' for nothing).

    Each part may vary by language: ``*_translations`` give it as ``(BCP 47 tag, template)``
    pairs, and :meth:`for_language` picks the templates of one brief's language.
    """

    left: str = ""
    center: str = ""
    right: str = ""
    left_translations: Translations = ()
    center_translations: Translations = ()
    right_translations: Translations = ()

    @property
    def is_empty(self) -> bool:
        return not (self.left or self.center or self.right)

    def for_language(self, language: str | None) -> HeaderFooter:
        """The templates for ``language``, with no translations left to choose from."""
        return HeaderFooter(
            translated(self.left, self.left_translations, language),
            translated(self.center, self.center_translations, language),
            translated(self.right, self.right_translations, language),
        )


#: How a calendar date is written (CLDR's date format lengths), or ``iso`` for YYYY-MM-DD.
DATE_STYLES = ("full", "long", "medium", "short", "iso")
#: Which digits numbers are written in: Latin (0-9), or the native digits CLDR gives the
#: language (Arabic-Indic for ``ar``, Persian for ``fa``, Devanagari for ``hi``).
NUMBER_STYLES = ("latin", "native")


@dataclass(frozen=True, slots=True)
class Wording:
    """The words exporter adds to a handout, each a template or label that may vary by
    language (``*_translations``, as for :class:`HeaderFooter`), and how dates and numbers are
    written. :func:`exporter.text.wording.words_for` resolves them for one brief.

    ``byline`` fills ``{authors}`` (the names joined as the language joins a list), ``source``
    fills ``{source}``, ``link`` (a link's description for assistive technology) fills
    ``{target}``; ``contents`` heads a table of contents.
    """

    byline: str = "{authors}"
    source: str = "Source: {source}"
    contents: str = "Contents"
    link: str = "Link to {target}"
    date: str = "long"
    numbers: str = "latin"
    byline_translations: Translations = ()
    source_translations: Translations = ()
    contents_translations: Translations = ()
    link_translations: Translations = ()
    date_translations: Translations = ()
    numbers_translations: Translations = ()


#: What a tagged PDF does with a character no font has: refuse to render, or warn and draw
#: the font's empty box (``.notdef``), which PDF/UA forbids.
MissingGlyphs = Literal["error", "warn"]


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """What the PDF promises beyond its looks.

    ``tagged`` writes a tagged PDF meant to meet PDF/UA-1 (structure tree, marked content,
    XMP); ``missing_glyphs`` says whether a tagged PDF refuses a character no font has.
    """

    tagged: bool = True
    missing_glyphs: MissingGlyphs = "error"


@dataclass(frozen=True, slots=True)
class Epub:
    """What only the EPUB has: who checked its accessibility, and its cover.

    ``certified_by`` names the evaluator (a person or organisation, never exporter itself) and
    ``certifier_credential`` their credential; empty when nobody has. ``cover`` is an image
    file (PNG, JPEG or SVG; absolute path) for the cover, instead of the cover generated from
    the title, subtitle and date.
    """

    certified_by: str = ""
    certifier_credential: str = ""
    cover: str | None = None


@dataclass(frozen=True, slots=True)
class Brand:
    """The ``[brand]`` table: marks of the publisher shown in every format."""

    #: A logo (PNG or SVG; absolute path) for the PDF and DOCX header and the EPUB cover.
    logo: str | None = None


@dataclass(frozen=True, slots=True)
class DocxOptions:
    """What only the Word file does: ``embed_fonts`` carries subsets of the fonts it names, so
    that it looks the same on a machine without them."""

    embed_fonts: bool = True


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything a writer needs to know about how a handout looks."""

    name: str = "default"
    description: str = ""
    source: str | None = None
    page: Page = field(default_factory=Page)
    fonts: Fonts = field(default_factory=Fonts)
    sizes: Sizes = field(default_factory=Sizes)
    spacing: Spacing = field(default_factory=Spacing)
    colors: Colors = field(default_factory=Colors)
    key_points: KeyPointsBox = field(default_factory=KeyPointsBox)
    quote: QuoteStyle = field(default_factory=QuoteStyle)
    header: HeaderFooter = field(default_factory=HeaderFooter)
    footer: HeaderFooter = field(default_factory=lambda: HeaderFooter(right="{page} / {pages}"))
    pdf: PdfOptions = field(default_factory=PdfOptions)
    justify: bool = False
    hyphenate: bool = False
    docx: DocxOptions = field(default_factory=DocxOptions)
    epub: Epub = field(default_factory=Epub)
    wording: Wording = field(default_factory=Wording)
    brand: Brand = field(default_factory=Brand)
