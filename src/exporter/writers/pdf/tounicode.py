"""A correct ToUnicode map for characters outside the Basic Multilingual Plane.

reportlab 5 writes the code point of such a character as bare hex (``<1F44D>``), which is
not valid (PDF wants UTF-16BE: ``<D83DDC4D>``), so text extraction loses emoji and other
astral characters. :func:`install` swaps in a generator that writes UTF-16BE; the output is
the same as reportlab's for every BMP character.
"""

from __future__ import annotations

import functools

from reportlab.pdfbase import ttfonts


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of a font subset: subset code ``i`` stands for ``subset[i]``."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{code:02X}> <{_utf16_hex(value)}>" for code, value in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _utf16_hex(code_point: int) -> str:
    if code_point <= 0xFFFF:
        return f"{code_point:04X}"
    return chr(code_point).encode("utf-16-be").hex().upper()


@functools.cache
def install() -> None:
    """Make reportlab write :func:`to_unicode_cmap` (once per process)."""
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
