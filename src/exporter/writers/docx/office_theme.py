"""The document's Office theme part: Word's theme colours and fonts, taken from our theme.

Word expects every document to carry one (Open XML validators flag a document without it), and
it is what Word's colour and font pickers offer first, so a user who adds a heading or recolours
a word is offered the handout's own colours and fonts.
"""

from __future__ import annotations

from lxml import etree

from exporter.fonts import used_family
from exporter.theme import Color, Theme
from exporter.writers.docx.ooxml import ooxml_text

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# The paper: Word's "light 1" is the page colour, and handouts are printed on white.
_PAPER = Color("FFFFFF")
# A format scheme needs at least three entries in each list; plain ones suffice for a text document.
_STYLE_COUNT = 3


def office_theme(theme: Theme) -> etree._Element:
    """The ``a:theme`` root for ``theme``."""
    root = _a("theme", name=ooxml_text(theme.name))
    elements = etree.SubElement(root, f"{{{_A}}}themeElements")
    elements.extend([_color_scheme(theme), _font_scheme(theme), _format_scheme(theme)])
    etree.SubElement(root, f"{{{_A}}}objectDefaults")
    etree.SubElement(root, f"{{{_A}}}extraClrSchemeLst")
    etree.cleanup_namespaces(root)  # one ``xmlns:a`` on the root, not one per element
    return root


def _color_scheme(theme: Theme) -> etree._Element:
    colors, box = theme.colors, theme.key_points
    slots = {
        "dk1": colors.text,
        "lt1": _PAPER,
        "dk2": colors.heading,
        "lt2": box.background,
        "accent1": colors.accent,
        "accent2": colors.heading,
        "accent3": colors.link,
        "accent4": box.border_color,
        "accent5": colors.title,
        "accent6": colors.muted,
        "hlink": colors.link,
        "folHlink": colors.link,
    }
    scheme = _a("clrScheme", name=ooxml_text(theme.name))
    for slot, color in slots.items():
        etree.SubElement(scheme, f"{{{_A}}}{slot}").append(_a("srgbClr", val=color.hex))
    return scheme


def _font_scheme(theme: Theme) -> etree._Element:
    scheme = _a("fontScheme", name=ooxml_text(theme.name))
    for kind, font in (("majorFont", theme.fonts.heading), ("minorFont", theme.fonts.body)):
        fonts = etree.SubElement(scheme, f"{{{_A}}}{kind}")
        for script in ("latin", "ea", "cs"):
            etree.SubElement(fonts, f"{{{_A}}}{script}", typeface=used_family(font))
    return scheme


def _format_scheme(theme: Theme) -> etree._Element:
    scheme = _a("fmtScheme", name=ooxml_text(theme.name))
    for kind in ("fillStyleLst", "lnStyleLst", "effectStyleLst", "bgFillStyleLst"):
        styles = etree.SubElement(scheme, f"{{{_A}}}{kind}")
        for _ in range(_STYLE_COUNT):
            styles.append(_plain_style(kind))
    return scheme


def _plain_style(kind: str) -> etree._Element:
    fill = _a("solidFill")
    fill.append(_a("schemeClr", val="phClr"))
    if kind == "lnStyleLst":
        line = _a("ln", w="6350")
        line.append(fill)
        return line
    if kind == "effectStyleLst":
        effect = _a("effectStyle")
        effect.append(_a("effectLst"))
        return effect
    return fill


def _a(tag: str, **attributes: str) -> etree._Element:
    return etree.Element(f"{{{_A}}}{tag}", attributes, nsmap={"a": _A})
