"""The bytes a text is shown as in an embedded font subset, without reportlab's loop per character.

reportlab shows text in a TrueType font as the codes of its characters in the document's
subsets of that font, handed out as characters first appear (``TTFont.splitString``), one
Python step per character of every line drawn. Once every character of a text has its code
in the first subset (printable ASCII has from the start, and a handout's few other characters
soon do), those codes are one translation away: :func:`first_subset_bytes` keeps a
translation table per font and document and gives the same bytes, or ``None`` when a
character has no code yet or is in another subset (reportlab's own loop then hands them out).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from exporter.writers.pdf import reportlab_release

#: Per font and document (reportlab's state of the font in the document): how many codes the
#: table was made from, the table, and the characters it holds.
_TABLES: WeakKeyDictionary[Any, tuple[int, dict[int, int], frozenset[str]]] = WeakKeyDictionary()

_SPACE, _NO_BREAK_SPACE = 0x20, 0xA0


def first_subset_bytes(font: Any, document: Any, text: str) -> bytes | None:
    """The codes ``text`` is shown as in the first subset of TrueType ``font`` (reportlab's)
    in ``document``, as ``splitString`` would give them; ``None`` when it would hand out a
    new code or use another subset."""
    state = font.state.get(document)
    # reportlab shows no text as nothing at all
    if state is None or not text or not reportlab_release.FAST_PATHS:
        return None
    assignments = state.assignments
    known = _TABLES.get(state)
    if known is None or known[0] != len(assignments):  # codes are only ever added
        table = {code: index for code, index in assignments.items() if index < 256}
        if _SPACE in table:  # reportlab shows a no-break space as a space
            table[_NO_BREAK_SPACE] = table[_SPACE]
        known = (len(assignments), table, frozenset(map(chr, table)))
        _TABLES[state] = known
    _, table, characters = known
    if not characters.issuperset(text):
        return None
    return text.translate(table).encode("latin-1")
