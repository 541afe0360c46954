"""Two of reportlab's import-time regular expressions, compiled in a millisecond instead of 25.

``reportlab.platypus.paragraph`` compiles, when it is imported, a URL pattern with four
case-insensitive classes of 65,000 characters (``[a-z\\xa1-\\uffff0-9]``), and
``reportlab.lib.textsplit`` one with a class of 53,000 (``[\\u2e80-\\uffff]``). Python 3.11's
compiler walks such a class one character at a time, in Python: ~25 ms of every fresh process
that makes a PDF, a tenth of a handout's start-up.

:func:`seed`, run when this module is imported (first thing in :mod:`exporter.writers.pdf`),
puts into Python's own cache of compiled patterns (``re._cache``, which ``re.compile``
consults first) the same two patterns with each of those classes written as the complement of
a few small ranges, ``(?-i:[^...])``: exactly the same characters (a test checks every code
point), and so exactly the same matches and groups, compiled in ~1 ms. reportlab's
``re.compile`` then finds them there. If reportlab changes its patterns, or Python its cache,
nothing is found and reportlab compiles its own, as before: a missed saving, never
a different match.
"""

from __future__ import annotations

import re

# reportlab 5.1's patterns and flags, as its modules write them.
URL = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)"
    "(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-z\xa1-\uffff0-9]"
    "(?:[a-z\xa1-\uffff0-9-]{0,61}[a-z\xa1-\uffff0-9])?(?:\\.(?!-)[a-z\xa1-\uffff0-9-]{1,63}"
    "(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))"
    "(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z"
)
CJK = "([\u2e80-\uffff])"

#: Each slow class, and the same characters as the complement of small ranges (the code points
#: outside the class: astral ones, and the few below U+00A1 it lacks), matched case-sensitively.
FAST_CLASSES = {
    # 0-9, A-Z, a-z (case-insensitively: both cases), U+00A1–U+FFFF
    "[a-z\xa1-\uffff0-9]": r"(?-i:[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xa0\U00010000-\U0010ffff])",
    # the same and "-"
    "[a-z\xa1-\uffff0-9-]": (
        r"(?-i:[^\x00-\x2c\x2e-\x2f\x3a-\x40\x5b-\x60\x7b-\xa0\U00010000-\U0010ffff])"
    ),
    # A-Z, a-z, U+00A1–U+FFFF and "-"
    "[a-z\xa1-\uffff-]": r"(?-i:[^\x00-\x2c\x2e-\x40\x5b-\x60\x7b-\xa0\U00010000-\U0010ffff])",
    # U+2E80–U+FFFF
    "[\u2e80-\uffff]": r"[^\x00-\u2e7f\U00010000-\U0010ffff]",
}

#: reportlab's patterns with their flags (as ``re.compile`` keys its cache).
PATTERNS = ((URL, re.IGNORECASE), (CJK, re.UNICODE))


def quick_form(pattern: str) -> str:
    """``pattern`` with every slow class replaced by its quick form."""
    for slow, quick in FAST_CLASSES.items():
        pattern = pattern.replace(slow, quick)
    return pattern


def seed() -> None:
    """Put the quick forms of reportlab's patterns where ``re.compile`` looks first."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):  # another Python: reportlab compiles its own
        return
    for pattern, flags in PATTERNS:
        cache.setdefault((str, pattern, int(flags)), re.compile(quick_form(pattern), flags))


seed()
