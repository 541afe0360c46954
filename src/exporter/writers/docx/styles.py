"""The style sheet: every paragraph and character style the document uses, from the theme.

The body carries no direct formatting beyond list numbering, so a user who edits a style in
Word or LibreOffice changes every place it is used. Built-in styles keep Word's internal names
(``heading 1``, ``header``) so that Word recognises them (navigation pane, table of contents).
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml.ns import qn
from lxml import etree

from exporter.fonts import used_family
from exporter.text.languages import FALLBACK_LANGUAGE
from exporter.text.scripts import Direction
from exporter.theme import Theme
from exporter.writers.docx.fonts import script_families
from exporter.writers.docx.numbering import (
    BULLET_LIST,
    KEY_POINTS_LIST,
    NUMBERED_LIST,
    list_membership,
)
from exporter.writers.docx.ooxml import (
    add_property,
    bold,
    border,
    color,
    element,
    fonts,
    italic,
    line_pitch,
    properties,
    shading,
    size,
    twips,
)

#: Style names (as Word and python-docx show them) the writers refer to.
TITLE = "Title"
SUBTITLE = "Subtitle"
BYLINE = "Byline"
HEADING = "Heading 1"
BODY = "Body Text"
FIRST_PARAGRAPH = "First Paragraph"
LIST_BULLET = "List Bullet"
LIST_NUMBER = "List Number"
KEY_POINTS_LABEL = "Key Points Label"
KEY_POINTS = "Key Points"
HEADER = "Header"
FOOTER = "Footer"
HYPERLINK = "Hyperlink"
STRONG = "Strong"
EMPHASIS = "Emphasis"
CODE = "Verbatim Char"
QUOTE = "Quote"
SOURCE = "Source"
LIST_BULLET_2 = "List Bullet 2"
LIST_NUMBER_2 = "List Number 2"

#: The heading styles of the model's levels 2 to 6: a section is "Heading 1", as Word outlines.
HEADINGS = (HEADING, "Heading 2", "Heading 3", "Heading 4", "Heading 5")

# Built-in styles Word knows by a lower-case internal name.
_INTERNAL_NAMES = {
    **{name: name.lower() for name in HEADINGS},
    HEADER: "header",
    FOOTER: "footer",
}


def heading_style(level: int) -> str:
    """The heading style of a section at model ``level`` (2 → ``Heading 1``, 6 → ``Heading 5``)."""
    return HEADINGS[min(max(level, 2), 6) - 2]


_NORMAL = "Normal"
_SINGLE = 1.0


def style_sheet(theme: Theme) -> etree._Element:
    """The ``w:styles`` root for ``theme``; :func:`set_language` sets the language per document."""
    return element(
        "w:styles",
        [
            _document_defaults(theme),
            *_base_styles(theme),
            *_title_styles(theme),
            *_body_styles(theme),
            *_key_points_styles(theme),
            *_running_head_styles(theme),
            *_marked_text_styles(theme),
        ],
    )


def set_language(
    styles: etree._Element, tag: str, theme: Theme, direction: Direction = "ltr"
) -> None:
    """Set the whole document's proofing language, its East Asian and complex-script fonts,
    and its ``direction``."""
    for lang in styles.iter(qn("w:lang")):
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), tag)
    _set_script_fonts(styles, tag, theme)
    if direction == "rtl":
        for defaults in styles.iter(qn("w:pPrDefault")):
            add_property(defaults[0], element("w:bidi"))


def _set_script_fonts(styles: etree._Element, tag: str, theme: Theme) -> None:
    """Name, for each theme font, the families it is set in for the document's language: for
    Latin text, its East Asian and its complex script (see :func:`script_families`)."""
    # The template names each theme font by the family it is set in (:func:`fonts`).
    by_family = {
        used_family(font): font
        for font in (theme.fonts.body, theme.fonts.heading, theme.fonts.title, theme.fonts.code)
    }
    for node in styles.iter(qn("w:rFonts")):
        font = by_family.get(node.get(qn("w:ascii")) or "")
        if font is None:
            continue
        families = script_families(font, tag)
        for attribute in ("w:ascii", "w:hAnsi"):
            node.set(qn(attribute), families.latin)
        for attribute, family in (
            ("w:eastAsia", families.east_asian),
            ("w:cs", families.complex_script),
        ):
            if family is not None:
                node.set(qn(attribute), family)


def _document_defaults(theme: Theme) -> etree._Element:
    language = element("w:lang", val=FALLBACK_LANGUAGE)
    run = properties("w:rPr", [fonts(theme.fonts.body), *size(theme.sizes.body), language])
    paragraph = properties("w:pPr", [_spacing(after=0, line=_SINGLE)])
    return element(
        "w:docDefaults",
        [element("w:rPrDefault", [run]), element("w:pPrDefault", [paragraph])],
    )


def _base_styles(theme: Theme) -> list[etree._Element]:
    normal = _style(
        "paragraph",
        _NORMAL,
        default=True,
        paragraph=[element("w:widowControl")],
        run=[color(theme.colors.text)],
    )
    default_font = _style("character", "Default Paragraph Font", default=True)
    hyperlink = _style(
        "character",
        HYPERLINK,
        based_on="Default Paragraph Font",
        run=[color(theme.colors.link), element("w:u", val="single")],
    )
    return [normal, default_font, hyperlink]


def _title_styles(theme: Theme) -> list[etree._Element]:
    sizes, spacing, colors = theme.sizes, theme.spacing, theme.colors
    title = _style(
        "paragraph",
        TITLE,
        paragraph=[element("w:keepNext"), _spacing(after=spacing.heading_after, line=_SINGLE)],
        run=[fonts(theme.fonts.title), *bold(), color(colors.title), *size(sizes.title)],
    )
    subtitle = _style(
        "paragraph",
        SUBTITLE,
        paragraph=[element("w:keepNext"), _spacing(after=spacing.heading_after, line=_SINGLE)],
        run=[fonts(theme.fonts.heading), color(colors.muted), *size(sizes.subtitle)],
    )
    byline = _style(
        "paragraph",
        BYLINE,
        paragraph=[_spacing(after=spacing.heading_after, line=_SINGLE)],
        run=[fonts(theme.fonts.heading), color(colors.muted), *size(sizes.meta)],
    )
    return [title, subtitle, byline]


def _body_styles(theme: Theme) -> list[etree._Element]:
    spacing = theme.spacing
    heading = _style(
        "paragraph",
        HEADING,
        next_style=BODY,
        paragraph=[
            element("w:keepNext"),
            element("w:keepLines"),
            _spacing(before=spacing.heading_before, after=spacing.heading_after, line=_SINGLE),
            element("w:outlineLvl", val="0"),
        ],
        run=[
            fonts(theme.fonts.heading),
            *bold(),
            color(theme.colors.heading),
            *size(theme.sizes.heading),
        ],
    )
    justification = [element("w:jc", val="both")] if theme.justify else []
    body = _style(
        "paragraph",
        BODY,
        paragraph=[_spacing(after=spacing.paragraph_after, line=spacing.line), *justification],
    )
    # The opening paragraph sits apart from the title block or box above it, as a heading does.
    first = _style(
        "paragraph",
        FIRST_PARAGRAPH,
        based_on=BODY,
        next_style=BODY,
        paragraph=[
            _spacing(
                before=spacing.heading_before, after=spacing.paragraph_after, line=spacing.line
            )
        ],
    )
    bullets = _list_style(theme, LIST_BULLET, BULLET_LIST)
    numbers = _list_style(theme, LIST_NUMBER, NUMBERED_LIST)
    return [heading, body, first, bullets, numbers]


def _list_style(theme: Theme, name: str, num_id: int, level: int = 0) -> etree._Element:
    # Contextual spacing keeps the items of one list together and spaces the list as a whole.
    spacing = theme.spacing
    indent = spacing.list_indent
    return _style(
        "paragraph",
        name,
        paragraph=[
            list_membership(num_id, level),
            _spacing(after=spacing.paragraph_after, line=spacing.line),
            element("w:ind", left=twips(indent * (level + 1)), hanging=twips(indent)),
            element("w:contextualSpacing"),
        ],
    )


def _marked_text_styles(theme: Theme) -> list[etree._Element]:
    """Subsection headings, nested list items, quotations, the source line, and the character
    styles of marked text (strong, emphasis, code)."""
    spacing, quote = theme.spacing, theme.quote
    subheadings = [
        _style(
            "paragraph",
            name,
            based_on=HEADING,
            next_style=BODY,
            paragraph=[element("w:outlineLvl", val=str(depth))],
            run=[*size(theme.sizes.heading_at(depth + 2))],
        )
        for depth, name in enumerate(HEADINGS)
        if depth
    ]
    nested = [
        _list_style(theme, LIST_BULLET_2, BULLET_LIST, level=1),
        _list_style(theme, LIST_NUMBER_2, NUMBERED_LIST, level=1),
    ]
    rule = (
        [
            properties(
                "w:pBdr", [border("left", quote.rule_color, quote.rule_width, quote.indent / 2)]
            )
        ]
        if quote.rule_width > 0
        else []
    )
    quotation = _style(
        "paragraph",
        QUOTE,
        based_on=BODY,
        next_style=BODY,
        paragraph=[*rule, element("w:ind", left=twips(quote.indent), right=twips(quote.indent))],
        run=[color(quote.color), *(italic() if quote.italic else [])],
    )
    source = _style(
        "paragraph",
        SOURCE,
        paragraph=[_spacing(before=spacing.heading_before, after=0, line=_SINGLE)],
        run=[fonts(theme.fonts.heading), color(theme.colors.muted), *size(theme.sizes.meta)],
    )
    characters = [
        _style("character", STRONG, based_on="Default Paragraph Font", run=bold()),
        _style("character", EMPHASIS, based_on="Default Paragraph Font", run=italic()),
        _style("character", CODE, based_on="Default Paragraph Font", run=[fonts(theme.fonts.code)]),
    ]
    return [*subheadings, *nested, quotation, source, *characters]


def _key_points_styles(theme: Theme) -> list[etree._Element]:
    """The box: label and items share borders, shading and indents, so they merge into one box."""
    box = theme.key_points
    spacing = theme.spacing
    sides = ("top", "left", "bottom", "right")
    # Without a visible border the box still needs one, in its own colour: it carries the padding
    # and tells Word and LibreOffice which paragraphs form one box.
    line = box.border_color if box.border_width > 0 else box.background
    frame = [
        properties("w:pBdr", [border(side, line, box.border_width, box.padding) for side in sides]),
        shading(box.background),
        element(
            "w:ind",
            left=twips(box.padding + spacing.list_indent),
            right=twips(box.padding),
            hanging=twips(spacing.list_indent),
        ),
    ]
    label = _style(
        "paragraph",
        KEY_POINTS_LABEL,
        next_style=KEY_POINTS,
        paragraph=[
            element("w:keepNext"),
            *frame,
            _spacing(before=spacing.heading_before, after=spacing.heading_after, line=_SINGLE),
        ],
        run=[
            fonts(theme.fonts.heading),
            *bold(),
            color(box.label_color),
            *size(theme.sizes.key_points),
        ],
    )
    items = _style(
        "paragraph",
        KEY_POINTS,
        paragraph=[
            element("w:keepLines"),
            list_membership(KEY_POINTS_LIST),
            *frame,
            _spacing(after=spacing.paragraph_after, line=spacing.line),
            element("w:contextualSpacing"),
        ],
        run=[*size(theme.sizes.key_points)],
    )
    return [label, items]


def _running_head_styles(theme: Theme) -> list[etree._Element]:
    page = theme.page
    width = page.width - page.margin_left - page.margin_right
    tabs = element(
        "w:tabs",
        [
            element("w:tab", val="center", pos=twips(width / 2)),
            element("w:tab", val="right", pos=twips(width)),
        ],
    )
    run = [fonts(theme.fonts.heading), color(theme.colors.muted), *size(theme.sizes.header_footer)]
    return [_style("paragraph", name, paragraph=[tabs], run=run) for name in (HEADER, FOOTER)]


def _style(
    kind: str,
    name: str,
    *,
    default: bool = False,
    based_on: str | None = None,
    next_style: str | None = None,
    paragraph: Sequence[etree._Element] = (),
    run: Sequence[etree._Element] = (),
) -> etree._Element:
    if based_on is None and kind == "paragraph" and name != _NORMAL:
        based_on = _NORMAL
    children = [element("w:name", val=_INTERNAL_NAMES.get(name, name))]
    if based_on is not None:
        children.append(element("w:basedOn", val=style_id(based_on)))
    if next_style is not None:
        children.append(element("w:next", val=style_id(next_style)))
    children.append(element("w:qFormat"))
    if paragraph:
        children.append(properties("w:pPr", paragraph))
    if run:
        children.append(properties("w:rPr", run))
    attributes = {"type": kind, "styleId": style_id(name)} | ({"default": "1"} if default else {})
    return element("w:style", children, **attributes)


def style_id(name: str) -> str:
    """The id Word stores a style ``name`` under (``Body Text`` → ``BodyText``)."""
    return name.replace(" ", "")


def _spacing(*, before: float = 0, after: float, line: float) -> etree._Element:
    return element(
        "w:spacing",
        before=twips(before),
        after=twips(after),
        line=line_pitch(line),
        lineRule="auto",
    )
