"""WordprocessingML building blocks: the text guard, units, and elements in schema order.

Word rejects a file whose property elements are out of the order its schema prescribes, even
where LibreOffice is forgiving, so every property container is built through :func:`properties`,
which sorts its children into that order. All text enters the document through
:func:`ooxml_text`, the writer's one escaping point (lxml escapes ``<``, ``&`` and quotes; this
removes what no format can hold, :func:`exporter.text.characters.storable`).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from exporter.fonts import used_family
from exporter.text.characters import storable
from exporter.theme import Color, Font

# A Word paragraph is one line: a line break inside its text reads as a space.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Child order of w:pPr and w:rPr (ECMA-376 Part 1, CT_PPrBase and CT_RPr), as local names.
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)
_BORDER_ORDER = ("top", "left", "bottom", "right", "between", "bar")
_SCHEMA_ORDER = {"pPr": _PPR_ORDER, "rPr": _RPR_ORDER, "pBdr": _BORDER_ORDER}


def ooxml_text(text: str) -> str:
    """Make ``text`` safe to store in a WordprocessingML document, keeping it literal.

    >>> ooxml_text("a\\x00b <c> & {d}\\nnext")
    'ab <c> & {d} next'
    """
    return _LINE_BREAK.sub(" ", storable(text))


def element(tag: str, children: Iterable[etree._Element] = (), **attributes: str) -> etree._Element:
    """A WordprocessingML element with ``w:``-prefixed ``attributes`` and ``children``.

    >>> etree.tostring(element("w:jc", val="both")).endswith(b'w:val="both"/>')
    True
    """
    name, namespaces = _tag(tag)
    node = oxml_parser.makeelement(
        name, {_attribute(key): value for key, value in attributes.items()}, namespaces
    )
    # An element has one parent: a child already placed elsewhere (a shared border) is copied.
    node.extend(
        copy.deepcopy(child) if child.getparent() is not None else child for child in children
    )
    return node


@functools.cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    """A prefixed tag's qualified name and its one namespace declaration: what python-docx's
    ``OxmlElement`` works out anew for every element (a dozen a paragraph)."""
    prefix = tag.split(":")[0]
    return qn(tag), {prefix: nsmap[prefix]}


@functools.cache
def _attribute(name: str) -> str:
    return qn(f"w:{name}")


def properties(tag: str, children: Iterable[etree._Element]) -> etree._Element:
    """A property container (``w:pPr``, ``w:rPr``, ``w:pBdr``) with children in schema order."""
    order = _SCHEMA_ORDER[tag.split(":")[1]]
    return element(
        tag, sorted(children, key=lambda child: order.index(etree.QName(child).localname))
    )


def add_property(container: etree._Element, child: etree._Element) -> None:
    """Insert ``child`` into an existing property container at its place in schema order."""
    order = _SCHEMA_ORDER[etree.QName(container).localname]
    successors = set(order[order.index(etree.QName(child).localname) + 1 :])
    for sibling in container:
        if etree.QName(sibling).localname in successors:
            sibling.addprevious(child)
            return
    container.append(child)


# -- units ---------------------------------------------------------------------------------------


def twips(points: float) -> str:
    """Twentieths of a point: page geometry, indents and paragraph spacing."""
    return str(round(points * 20))


def half_points(points: float) -> str:
    """Font sizes."""
    return str(round(points * 2))


def line_pitch(multiple: float) -> str:
    """An ``auto`` line pitch: 240 is single spacing."""
    return str(round(multiple * 240))


# -- properties shared by styles and direct formatting ---------------------------------------------


def fonts(font: Font) -> etree._Element:
    """The family ``font`` is set in (its own, or the fallback it falls back to when it cannot
    be found), for Latin, East Asian and complex scripts alike until the document's language
    picks the families of its scripts."""
    family = used_family(font)
    return element("w:rFonts", ascii=family, hAnsi=family, eastAsia=family, cs=family)


def size(points: float) -> list[etree._Element]:
    return [element("w:sz", val=half_points(points)), element("w:szCs", val=half_points(points))]


def color(value: Color) -> etree._Element:
    return element("w:color", val=value.hex)


def bold() -> list[etree._Element]:
    return [element("w:b"), element("w:bCs")]


def italic() -> list[etree._Element]:
    return [element("w:i"), element("w:iCs")]


def border(side: str, line_color: Color, width: float, space: float) -> etree._Element:
    """A single-line border; ``width`` in points, ``space`` (padding) in whole points up to 31."""
    return element(
        f"w:{side}",
        val="single",
        sz=str(max(2, min(96, round(width * 8)))),
        space=str(max(0, min(31, round(space)))),
        color=line_color.hex,
    )


def shading(fill: Color) -> etree._Element:
    return element("w:shd", val="clear", color="auto", fill=fill.hex)
