"""The CSS for the article document, every value taken from the theme."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from exporter.text.characters import storable
from exporter.theme import Font, Theme


@dataclass(frozen=True, slots=True)
class FontFace:
    """A font file the stylesheet declares: its family, its face (``regular``, ``bold``,
    ``italic`` or ``bold_italic``, as in :attr:`Font.files`) and the URL it is packaged at."""

    family: str
    face: str
    url: str


# CSS font-weight and font-style of each face name a theme may use.
FONT_FACES = {
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bold_italic": ("bold", "italic"),
}


#: Line height of the title and of headings, as a multiple of their size. Display type is set
#: tighter than running text (``spacing.line``); the PDF writer uses the same values.
TITLE_LEADING = 1.18
HEADING_LEADING = 1.25


def stylesheet(theme: Theme, font_faces: Sequence[FontFace] = ()) -> str:
    """The CSS for :func:`article_document`, every value taken from ``theme``.

    Sizes are in ``em`` relative to the body size, so a reader's own text size still applies;
    the theme's body size is the reference (``1em``). ``font_faces`` are the font files the
    caller packages beside the document; each gets an ``@font-face`` rule.
    """
    return _stylesheet(theme, tuple(font_faces))


@functools.lru_cache(maxsize=32)  # the same for every brief of a theme (and set of fonts)
def _stylesheet(theme: Theme, font_faces: tuple[FontFace, ...]) -> str:
    sizes, spacing, colors, box = theme.sizes, theme.spacing, theme.colors, theme.key_points
    quote = theme.quote

    def em(points: float, font_size: float = sizes.body) -> str:
        return f"{points / font_size:.4g}em"

    hyphens = "auto" if theme.hyphenate else "manual"
    marker = _css_string(f"{box.bullet} ")
    rules: dict[str, dict[str, str | tuple[str, ...]]] = {
        "body": {
            "font-family": _font_family(theme.fonts.body),
            "color": colors.text.css,
            "line-height": f"{spacing.line:.4g}",
            # Long web addresses wrap instead of running off narrow screens.
            "overflow-wrap": "break-word",
        },
        "p, li": {
            **({"text-align": "justify"} if theme.justify else {}),
            "hyphens": hyphens,
            "-webkit-hyphens": hyphens,
            "-epub-hyphens": hyphens,
        },
        "p": {"margin": f"0 0 {em(spacing.paragraph_after)} 0"},
        "h1, h2, h3, h4, h5, h6": {"page-break-after": "avoid", "break-after": "avoid"},
        ".title-block": {"margin": f"0 0 {em(spacing.heading_before)} 0"},
        "h1.title": {
            "font-family": _font_family(theme.fonts.title),
            "font-size": em(sizes.title),
            "color": colors.title.css,
            "line-height": f"{TITLE_LEADING:.4g}",
            "margin": f"0 0 {em(spacing.heading_after, sizes.title)} 0",
        },
        ".subtitle": {
            "font-family": _font_family(theme.fonts.title),
            "font-size": em(sizes.subtitle),
            "color": colors.muted.css,
            "line-height": f"{HEADING_LEADING:.4g}",
            "margin": f"0 0 {em(spacing.heading_after, sizes.subtitle)} 0",
        },
        ".byline": {
            "font-family": _font_family(theme.fonts.heading),
            "font-size": em(sizes.meta),
            "color": colors.muted.css,
            "margin": "0",
        },
        "h2": {
            "font-family": _font_family(theme.fonts.heading),
            "font-size": em(sizes.heading),
            "color": colors.heading.css,
            "line-height": f"{HEADING_LEADING:.4g}",
            "margin": f"{em(spacing.heading_before, sizes.heading)} 0 "
            f"{em(spacing.heading_after, sizes.heading)} 0",
        },
        **_subheadings(theme),
        "blockquote": {
            "margin": f"0 0 {em(spacing.paragraph_after)} 0",
            "padding": f"0 0 0 {em(quote.indent)}",
            "border-left": f"{quote.rule_width:.4g}pt solid {quote.rule_color.css}"
            if quote.rule_width
            else "none",
            "color": quote.color.css,
            "font-style": "italic" if quote.italic else "normal",
        },
        '[dir="rtl"] blockquote': {
            "padding": f"0 {em(quote.indent)} 0 0",
            "border-left": "none",
            "border-right": f"{quote.rule_width:.4g}pt solid {quote.rule_color.css}"
            if quote.rule_width
            else "none",
        },
        "blockquote p:last-child": {"margin-bottom": "0"},
        "code": {"font-family": _font_family(theme.fonts.code), "font-size": "0.92em"},
        "p.source": {
            "font-size": em(sizes.meta),
            "color": colors.muted.css,
            "margin": f"{em(spacing.heading_before, sizes.meta)} 0 0 0",
        },
        "ul, ol": {
            "margin": f"0 0 {em(spacing.paragraph_after)} 0",
            "padding": f"0 0 0 {em(spacing.list_indent)}",
        },
        "li": {"margin": f"0 0 {em(spacing.paragraph_after / 2)} 0"},
        "li:last-child": {"margin-bottom": "0"},  # the list's own margin follows it
        "li > ul, li > ol": {"margin": f"{em(spacing.paragraph_after / 2)} 0 0 0"},
        '[dir="rtl"] ul, [dir="rtl"] ol': {"padding": f"0 {em(spacing.list_indent)} 0 0"},
        # Readers that do not know string markers keep the disc declared first.
        "ul": {"list-style-type": ("disc", marker)},
        "ul > li::marker": {"color": colors.accent.css},
        "a": {"color": colors.link.css},
        "aside.key-points": {
            "font-size": em(sizes.key_points),
            "background-color": box.background.css,
            "border": f"{box.border_width:.4g}pt solid {box.border_color.css}",
            "padding": em(box.padding, sizes.key_points),
            "margin": f"0 0 {em(spacing.heading_before, sizes.key_points)} 0",
            "page-break-inside": "avoid",
            "break-inside": "avoid",
        },
        "aside.key-points h2": {
            "font-size": "1em",
            "color": box.label_color.css,
            "margin": f"0 0 {em(spacing.heading_after, sizes.key_points)} 0",
        },
        "aside.key-points ul": {"margin": "0"},
        # Short ragged lines, as in the PDF: justifying or hyphenating them gains nothing.
        "aside.key-points li": {
            "text-align": "start",
            "hyphens": "manual",
            "-webkit-hyphens": "manual",
            "-epub-hyphens": "manual",
        },
    }
    faces = "".join(_css_rule("@font-face", _font_face(face)) for face in font_faces)
    return faces + "".join(_css_rule(selector, block) for selector, block in rules.items())


def _subheadings(theme: Theme) -> dict[str, dict[str, str | tuple[str, ...]]]:
    """Subsection headings (``h3`` to ``h6``): the section heading's font and colour, each
    level smaller (:meth:`~exporter.theme.Sizes.heading_at`)."""
    sizes, spacing = theme.sizes, theme.spacing
    rules: dict[str, dict[str, str | tuple[str, ...]]] = {}
    for level in range(3, 7):
        size = sizes.heading_at(level)
        rules[f"h{level}"] = {
            "font-family": _font_family(theme.fonts.heading),
            "font-size": f"{size / sizes.body:.4g}em",
            "color": theme.colors.heading.css,
            "line-height": f"{HEADING_LEADING:.4g}",
            "margin": f"{spacing.heading_before * 0.75 / size:.4g}em 0 "
            f"{spacing.heading_after / size:.4g}em 0",
        }
    return rules


def _font_face(face: FontFace) -> dict[str, str | tuple[str, ...]]:
    weight, style = FONT_FACES[face.face]
    return {
        "font-family": _css_string(face.family),
        "font-weight": weight,
        "font-style": style,
        "src": f"url({_css_string(face.url)})",
    }


def _css_rule(selector: str, declarations: dict[str, str | tuple[str, ...]]) -> str:
    lines = [
        f"  {name}: {value};\n"
        for name, values in declarations.items()
        for value in ((values,) if isinstance(values, str) else values)
    ]
    return f"{selector} {{\n{''.join(lines)}}}\n"


_GENERIC_FAMILIES = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy"})


def _font_family(font: Font) -> str:
    """A CSS ``font-family`` chain, ending with the generic family the names suggest."""
    names = [name for name in font.chain if name.strip()]
    if any(name.lower() in _GENERIC_FAMILIES for name in names):
        generic = None
    elif any("mono" in name.lower() for name in names):
        generic = "monospace"
    elif any("sans" in name.lower() for name in names):
        generic = "sans-serif"
    else:
        generic = "serif"
    parts = [name if name.lower() in _GENERIC_FAMILIES else _css_string(name) for name in names]
    return ", ".join([*parts, *([generic] if generic else [])])


def _css_string(value: str) -> str:
    """A CSS string literal: quotes, backslashes and line breaks escaped."""
    escaped = re.sub(r'["\\\n\r\f]', lambda match: f"\\{ord(match.group()):x} ", value)
    return f'"{storable(escaped)}"'


def screen_stylesheet(theme: Theme) -> str:
    """Extra CSS for the document as a web page: the printed page's measure and margins, and
    the ``<nav>`` table of contents set like the running header (small, muted, heading font).

    The text column is as wide, relative to the body size, as the theme's printed text block,
    so a page in a browser keeps the line length the theme was designed for.
    """
    page, sizes, colors = theme.page, theme.sizes, theme.colors

    def em(points: float, font_size: float = sizes.body) -> str:
        return f"{points / font_size:.4g}em"

    measure = page.width - page.margin_left - page.margin_right
    rules: dict[str, dict[str, str | tuple[str, ...]]] = {
        "body": {
            "max-width": em(measure),
            # The printed page's margins, but no more than a sliver of a phone's screen.
            "margin": f"min({em(page.margin_top)}, 8vw) auto min({em(page.margin_bottom)}, 8vw)",
            "padding": f"0 {em(sizes.body)}",
        },
        "nav.contents": {
            "font-family": _font_family(theme.fonts.heading),
            "font-size": em(sizes.meta),
            "color": colors.muted.css,
            "margin": f"0 0 {em(theme.spacing.heading_before, sizes.meta)} 0",
        },
        "nav.contents ol": {"margin": "0", "padding": f"0 0 0 {em(theme.spacing.list_indent)}"},
        '[dir="rtl"] nav.contents ol': {"padding": f"0 {em(theme.spacing.list_indent)} 0 0"},
        "nav.contents li": {"margin": "0"},
    }
    return "".join(_css_rule(selector, block) for selector, block in rules.items())
