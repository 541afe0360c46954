"""``word/fontTable.xml``: each family a Word file names, described so that a reader without it
substitutes a similar one, with the fonts the file carries (ECMA-376 Part 1, §17.8).

A family is described as Word describes it: PANOSE classification, generic family (roman,
swiss…), pitch, and the Unicode and code page ranges it covers (``w:sig``), which Word matches
substitutes by. A carried font is an *obfuscated* font part (``.odttf``): its first 32 bytes
XORed with a key, a GUID that the table gives beside the reference to the part.
"""

from __future__ import annotations

import hashlib
import uuid

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from exporter.fonts import Face, FontFacts
from exporter.writers.docx.ooxml import element

#: The content type of an obfuscated font part (ECMA-376 Part 1, §15.2.13).
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

_EMBED_ELEMENT: dict[Face, str] = {
    "regular": "w:embedRegular",
    "bold": "w:embedBold",
    "italic": "w:embedItalic",
    "bold_italic": "w:embedBoldItalic",
}

# IBM font classes (OS/2 sFamilyClass, high byte): serifs, sans serif, ornamentals, scripts.
_FAMILY_CLASS = {1: "roman", 2: "roman", 3: "roman", 4: "roman", 5: "roman", 7: "roman"} | {
    8: "swiss",
    9: "decorative",
    10: "script",
}


def font_table() -> etree._Element:
    """An empty ``w:fonts`` root, declaring the ``r:`` prefix its font references use."""
    return OxmlElement("w:fonts", nsdecls={"w": nsmap["w"], "r": nsmap["r"]})


def family_entry(
    table: etree._Element, name: str, alternative: str | None, facts: FontFacts | None
) -> etree._Element:
    """Add a ``w:font`` describing family ``name`` to ``table``: ``alternative`` is the name
    Word may try instead, ``facts`` those of the font the document uses (``None`` when no
    font of the family is available). Returns it, for :func:`add_embedded`."""
    children = [element("w:altName", val=alternative)] if alternative else []
    if facts is not None:
        if facts.panose.strip("0"):
            children.append(element("w:panose1", val=facts.panose))
        if facts.code_page_ranges[0] & 1:  # Latin 1: the font has an ANSI character set
            children.append(element("w:charset", val="00"))
        children.append(element("w:family", val=generic_family(facts)))
        children.append(element("w:pitch", val="fixed" if facts.fixed_pitch else "variable"))
        children.append(_signature(facts))
    entry = element("w:font", children, name=name)
    table.append(entry)
    return entry


def add_embedded(entry: etree._Element, face: Face, relationship: str, font_key: str) -> None:
    """Reference the carried ``face`` of ``entry``'s family: the font part's relationship id
    and the key that de-obfuscates it. (Set on the element once it is in the table, so that
    the ``r:`` prefix declared there is reused.)"""
    embed = element(_EMBED_ELEMENT[face], fontKey=font_key)
    entry.append(embed)
    embed.set(qn("r:id"), relationship)


def obfuscated(font: bytes) -> tuple[str, bytes]:
    """The font key (an upper-case GUID in braces, as LibreOffice requires) and ``font`` with
    its first 32 bytes XORed with the key's bytes, last first (ECMA-376 Part 1, §17.8.1).

    The key comes from the font's SHA-256, so the same font gives the same bytes every time.

    >>> key, data = obfuscated(bytes(40))
    >>> key  # the first 16 bytes of the SHA-256 of 40 zero bytes
    '{2C34CE1D-F23B-838C-5ABF-2A7F6437CCA3}'
    >>> data[:4].hex(), data[15:17].hex(), data[31:].hex()  # A3 first, 2C sixteenth, twice
    ('a3cc3764', '2ca3', '2c0000000000000000')
    """
    guid = uuid.UUID(bytes=hashlib.sha256(font).digest()[:16])
    key = bytes.fromhex(guid.hex)[::-1]
    head = bytes(byte ^ key[index % 16] for index, byte in enumerate(font[:32]))
    return "{" + str(guid).upper() + "}", head + font[32:]


def generic_family(facts: FontFacts) -> str:
    """The generic family Word substitutes within when the font is missing (``w:family``):
    from the PANOSE classification, else the IBM font class.

    Noto Serif is ``roman``, Noto Sans and DejaVu Sans ``swiss``, a monospaced font ``modern``.
    """
    family_type, serif_style, proportion = (int(facts.panose[i : i + 2], 16) for i in (0, 2, 6))
    if facts.fixed_pitch or (family_type == 2 and proportion == 9):
        return "modern"
    if family_type == 2:  # Latin text
        return "swiss" if serif_style >= 11 else "roman"
    if family_type == 3:
        return "script"
    if family_type in (4, 5):
        return "decorative"
    return _FAMILY_CLASS.get(facts.family_class >> 8, "auto")


def _signature(facts: FontFacts) -> etree._Element:
    """``w:sig``: the OS/2 Unicode and code page ranges, which Word matches substitutes by."""
    ranges = [
        *((f"usb{index}", value) for index, value in enumerate(facts.unicode_ranges)),
        *((f"csb{index}", value) for index, value in enumerate(facts.code_page_ranges)),
    ]
    signature = element("w:sig")
    for name, value in ranges:
        signature.set(qn(f"w:{name}"), f"{value:08X}")
    return signature


def table_xml(table: etree._Element) -> bytes:
    """The part's bytes."""
    return etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
