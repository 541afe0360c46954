"""Characters no output format can hold, and the one thing every format does with them: drop them.

XML 1.0 (DOCX, EPUB, HTML) cannot hold C0 controls other than tab and line breaks, lone
surrogates or U+FFFE/U+FFFF; C1 controls and DEL are legal there but never text, and PDF text
has no use for any of them. Reading drops them from a brief with a warning naming the line
(:mod:`exporter.reading.decode`), so a parsed article never holds one; a writer still passes every
text through :func:`storable` at its one escaping point, because a hand-built article may, and
every format then drops the same characters.
"""

from __future__ import annotations

import re

#: C0 controls except tab and line breaks, DEL, C1 controls except NEL (which reading turns into
#: a space), lone surrogates and the two non-characters XML forbids.
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "bell",
    0x08: "backspace",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x1B: "escape",
    0x7F: "delete",
}


def storable(text: str) -> str:
    """``text`` without the characters no format can hold.

    >>> storable("a\\x00b <c>\\x7f")
    'ab <c>'
    """
    if text.isprintable():  # the common case, decided in C: no control character at all
        return text
    return UNSTORABLE.sub("", text)


def describe_character(char: str) -> str:
    """``char`` as a reader can identify it: ``U+0000 (NUL)``.

    >>> describe_character("\\x0c"), describe_character("\\ud800")
    ('U+000C (form feed)', 'U+D800 (lone surrogate)')
    """
    code = ord(char)
    name = _CONTROL_NAMES.get(code)
    if 0xD800 <= code <= 0xDFFF:
        name = "lone surrogate"
    return f"U+{code:04X}" + (f" ({name})" if name else "")
