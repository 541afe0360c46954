"""List numbering: real Word bullets and numbers (``numbering.xml``), never typed characters.

Three list definitions come from the theme: the key-points bullets, body bullets and body
numbers, the body lists with a second level, indented further, for a list nested in an item
(the same bullet, numbers counting from 1 again under each item, as in the PDF and e-book). The
list styles point at them, and every numbered list gets its own ``w:num`` that restarts at 1, so
two numbered lists in one brief do not continue each other.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from exporter.theme import Theme
from exporter.writers.docx.ooxml import color, element, fonts, ooxml_text, properties, twips

#: ``w:numId`` of the list definitions the styles refer to.
KEY_POINTS_LIST = 1
BULLET_LIST = 2
NUMBERED_LIST = 3


def numbering_definitions(theme: Theme) -> etree._Element:
    """The ``w:numbering`` root: abstract definitions first, then the numbers that use them."""
    box = theme.key_points
    indent = theme.spacing.list_indent
    bullet = ooxml_text(box.bullet)
    accent = [fonts(theme.fonts.body), color(theme.colors.accent)]
    levels = [
        [_level("bullet", bullet, left=box.padding + indent, hanging=indent, run=accent)],
        [
            _level("bullet", bullet, left=indent, hanging=indent, run=accent),
            _level("bullet", bullet, left=2 * indent, hanging=indent, run=accent, ilvl=1),
        ],
        [
            _level("decimal", "%1.", left=indent, hanging=indent, run=[]),
            _level("decimal", "%2.", left=2 * indent, hanging=indent, run=[], ilvl=1),
        ],
    ]
    abstracts = [
        element(
            "w:abstractNum",
            [
                element("w:multiLevelType", val="singleLevel" if len(lvls) == 1 else "multilevel"),
                *lvls,
            ],
            abstractNumId=str(number),
        )
        for number, lvls in enumerate(levels)
    ]
    numbers = [
        element("w:num", [element("w:abstractNumId", val=str(num_id - 1))], numId=str(num_id))
        for num_id in (KEY_POINTS_LIST, BULLET_LIST, NUMBERED_LIST)
    ]
    return element("w:numbering", [*abstracts, *numbers])


def restarted_numbers(document: Document) -> int:
    """A new ``w:numId`` for one numbered list, counting from 1 again."""
    numbering = document.part.numbering_part.element
    num_id = 1 + max(int(num.get(qn("w:numId"), "0")) for num in numbering.iter(qn("w:num")))
    restarts = [
        element("w:lvlOverride", [element("w:startOverride", val="1")], ilvl=str(level))
        for level in (0, 1)
    ]
    abstract = element("w:abstractNumId", val=str(NUMBERED_LIST - 1))
    numbering.append(element("w:num", [abstract, *restarts], numId=str(num_id)))
    return num_id


def list_membership(num_id: int, level: int = 0) -> etree._Element:
    """The ``w:numPr`` that puts a paragraph (or a style) into list ``num_id`` at ``level``
    (0 for an item, 1 for an item of a list nested in one)."""
    return element(
        "w:numPr", [element("w:ilvl", val=str(level)), element("w:numId", val=str(num_id))]
    )


def _level(
    kind: str,
    text: str,
    *,
    left: float,
    hanging: float,
    run: list[etree._Element],
    ilvl: int = 0,
) -> etree._Element:
    children = [
        element("w:start", val="1"),
        element("w:numFmt", val=kind),
        element("w:lvlText", val=text),
        element("w:lvlJc", val="left"),
        properties("w:pPr", [element("w:ind", left=twips(left), hanging=twips(hanging))]),
    ]
    if run:
        children.append(properties("w:rPr", run))
    return element("w:lvl", children, ilvl=str(ilvl))
