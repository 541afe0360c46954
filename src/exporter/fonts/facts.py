"""What exporter needs to know about a font file, read once with fontTools and kept on disk.

A file counts as a font only if fontTools parses it: its table directory lies inside the file,
and the tables every writer relies on (``head``, ``hhea``, ``hmtx``, ``maxp``, a Unicode
``cmap``, and ``glyf`` outlines or ``CFF `` ones) decompile. A file that merely starts like a
font is refused. The answer, and the :class:`FontFacts` of a good font, are cached in memory
and in the user's cache directory (:mod:`exporter.fonts.cache`), so a later run reads a few
kilobytes (a JSON header and the coverage as an array of numbers) instead of the font, and
does not import fontTools at all. Coverage is kept as runs of code points and expanded only
for a font whose characters are looked up (:func:`exporter.fonts.covered_codepoints`): a CJK
font's 44,000 code points cost a fresh process nothing when only its format is asked.
"""

from __future__ import annotations

import array
import bisect
import functools
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeAlias

from exporter.fonts import cache

Outlines: TypeAlias = Literal["truetype", "cff"]

# OS/2 fsType bits (OpenType spec): what a font's licence lets a document do with it.
_RESTRICTED_LICENSE = 0x0002
_NO_SUBSETTING = 0x0100
_BITMAP_ONLY = 0x0200

_REQUIRED_TABLES = ("head", "hhea", "hmtx", "maxp", "cmap")
_HEAD_MAGIC = 0x5F0F3CF5


@dataclass(frozen=True, slots=True)
class FontFile:
    """One font in a file: ``index`` picks it from a collection (``.ttc``), 0 otherwise."""

    path: Path
    index: int = 0

    @property
    def name(self) -> str:
        """The file name, with ``#index`` for a later font of a collection."""
        return f"{self.path.name}#{self.index}" if self.index else self.path.name


@dataclass(frozen=True, slots=True)
class FontFacts:
    """A font's family name, outline format, coverage and the OS/2 values that other formats
    name it by (DOCX's font table) or that say whether it may be embedded."""

    family: str
    outlines: Outlines
    #: The code points the font maps to a glyph, as runs in order, flattened: ``(first, last,
    #: first, last, …)``; a CJK font's 44,000 code points are ~3,000 runs.
    runs: tuple[int, ...]
    embedding: int  # OS/2 fsType
    panose: str  # the 10 PANOSE bytes as 20 hex digits
    family_class: int  # OS/2 sFamilyClass
    fixed_pitch: bool
    unicode_ranges: tuple[int, int, int, int]
    code_page_ranges: tuple[int, int]
    weight: int  # OS/2 usWeightClass
    variable: bool

    @property
    def codepoints(self) -> frozenset[int]:
        """The code points the font maps to a glyph (expanded from :attr:`runs` at each call:
        :func:`~exporter.fonts.covered_codepoints` keeps them per file)."""
        # Expanded in C, one range per run: a CJK font's 44,000 code points in ~1 ms.
        runs = self.runs
        return frozenset(
            itertools.chain.from_iterable(map(range, runs[::2], (end + 1 for end in runs[1::2])))
        )

    def covers(self, code: int) -> bool:
        """Whether the font maps code point ``code`` to a glyph, without expanding its runs.

        >>> facts = FontFacts("X", "truetype", (65, 90, 97, 97), 0, "", 0, False, (0,) * 4,
        ...                   (0, 0), 400, False)
        >>> [facts.covers(code) for code in (64, 65, 80, 90, 91, 97, 98)]
        [False, True, True, True, False, True, False]
        """
        index = bisect.bisect_left(self.runs, code)
        # On a run's first or last code point, or between them (an odd index: after a first).
        return index < len(self.runs) and (self.runs[index] == code or index % 2 == 1)

    @property
    def embeddable(self) -> bool:
        """Whether the licence lets a document carry a subset of the font (fsType neither
        restricted nor bitmap-only, and subsetting allowed)."""
        return not self.embedding & (_RESTRICTED_LICENSE | _NO_SUBSETTING | _BITMAP_ONLY)


class UnusableFontError(ValueError):
    """A file fontTools cannot read as a usable font; the message says why."""


def font_facts(file: FontFile) -> FontFacts | None:
    """The facts of ``file``, or ``None`` when it is missing or not a usable font."""
    found = _lookup(file)
    return found if isinstance(found, FontFacts) else None


def checked_facts(file: FontFile) -> FontFacts:
    """The facts of ``file``; :class:`UnusableFontError` saying why when it is not a font."""
    found = _lookup(file)
    if isinstance(found, str):
        raise UnusableFontError(found)
    return found


@functools.cache
def _lookup(file: FontFile) -> FontFacts | str:
    """The facts of ``file``, or what is wrong with it (from memory, disk, or fontTools)."""
    try:
        identity = cache.file_identity(file.path, file.index)
    except OSError as error:
        return error.strerror or str(error)
    name = cache.entry_name("facts", [identity, sys.byteorder], ".facts")
    stored = cache.load(name)
    found = None if stored is None else _decoded(stored)
    if found is not None:
        return found
    try:
        facts: FontFacts | str = _read(file)
    except UnusableFontError as problem:
        facts = str(problem)
    cache.store(name, _encoded(facts))
    return facts


def _read(file: FontFile) -> FontFacts:
    from fontTools.ttLib import TTFont

    try:
        size = file.path.stat().st_size
        font = TTFont(str(file.path), fontNumber=file.index, lazy=True)
    except OSError as error:
        raise UnusableFontError(error.strerror or str(error)) from None
    except Exception as error:  # fontTools reports malformed data with many exception types
        raise UnusableFontError(f"unreadable table directory ({error})") from None
    with font:
        return _facts(font, size)


def _facts(font: Any, size: int) -> FontFacts:
    if font.flavor is not None:
        raise UnusableFontError(
            f"a {font.flavor.upper()} web font; give its .ttf or .otf file instead"
        )
    tables = font.reader.tables
    for tag, entry in tables.items():
        if entry.offset + entry.length > size:
            raise UnusableFontError(f"table {tag.strip()!r} runs past the end of the file")
    missing = [tag for tag in _REQUIRED_TABLES if tag not in tables]
    if missing:
        raise UnusableFontError(f"no {', '.join(missing)} table")
    if "glyf" in tables and "loca" in tables:
        outlines: Outlines = "truetype"
    elif "CFF " in tables:
        outlines = "cff"
    else:
        raise UnusableFontError("no TrueType (glyf) or CFF outlines")
    try:
        return _decompiled_facts(font, outlines)
    except UnusableFontError:
        raise
    except Exception as error:  # as above: a damaged table fails in its own way
        raise UnusableFontError(f"damaged tables ({type(error).__name__}: {error})") from None


def _decompiled_facts(font: Any, outlines: Outlines) -> FontFacts:
    if font["head"].magicNumber != _HEAD_MAGIC:
        raise UnusableFontError("not a font header (head.magicNumber)")
    glyphs = font["maxp"].numGlyphs
    if glyphs < 1 or len(font["hmtx"].metrics) < glyphs:
        raise UnusableFontError("no glyphs, or metrics for fewer glyphs than it has")
    if font["hhea"].numberOfHMetrics < 1:
        raise UnusableFontError("no horizontal metrics (hhea)")
    outline_count = (
        len(font["loca"]) - 1 if outlines == "truetype" else len(font["CFF "].cff[0].CharStrings)
    )
    if outline_count < glyphs:
        raise UnusableFontError("fewer outlines than glyphs")
    codepoints = font.getBestCmap()
    if not codepoints:
        raise UnusableFontError("no Unicode character map")
    os2 = font.get("OS/2")
    post = font.get("post")
    return FontFacts(
        family=_family_name(font),
        outlines=outlines,
        runs=_runs(frozenset(codepoints)),
        embedding=os2.fsType if os2 else 0,
        panose=_panose(os2),
        family_class=os2.sFamilyClass if os2 else 0,
        fixed_pitch=bool(post and post.isFixedPitch),
        unicode_ranges=(
            (os2.ulUnicodeRange1, os2.ulUnicodeRange2, os2.ulUnicodeRange3, os2.ulUnicodeRange4)
            if os2
            else (0, 0, 0, 0)
        ),
        code_page_ranges=(
            (os2.ulCodePageRange1, os2.ulCodePageRange2) if os2 and os2.version >= 1 else (0, 0)
        ),
        weight=os2.usWeightClass if os2 else 400,
        variable="fvar" in font,
    )


def _family_name(font: Any) -> str:
    names = font.get("name")
    if names is None:
        return ""
    # Typographic family (16) first: it groups all weights, as the theme names them.
    for name_id in (16, 1):
        record = names.getDebugName(name_id)
        if record:
            return str(record)
    return ""


_PANOSE_FIELDS = (
    "bFamilyType",
    "bSerifStyle",
    "bWeight",
    "bProportion",
    "bContrast",
    "bStrokeVariation",
    "bArmStyle",
    "bLetterForm",
    "bMidline",
    "bXHeight",
)


def _panose(os2: Any) -> str:
    if os2 is None:
        return "0" * 20
    return "".join(f"{getattr(os2.panose, field):02X}" for field in _PANOSE_FIELDS)


# A cache entry: the facts as one line of JSON, then the coverage's runs as an array of
# unsigned 32-bit numbers (first, last, first, last…) in the machine's byte order (part of
# the entry's name), which loads without parsing.
_NUMBERS = "I" if array.array("I").itemsize == 4 else "L"


def _encoded(facts: FontFacts | str) -> bytes:
    if isinstance(facts, str):
        return json.dumps({"problem": facts}).encode() + b"\n"
    header = {
        "family": facts.family,
        "outlines": facts.outlines,
        "embedding": facts.embedding,
        "panose": facts.panose,
        "family_class": facts.family_class,
        "fixed_pitch": facts.fixed_pitch,
        "unicode_ranges": list(facts.unicode_ranges),
        "code_page_ranges": list(facts.code_page_ranges),
        "weight": facts.weight,
        "variable": facts.variable,
    }
    runs = array.array(_NUMBERS, facts.runs)
    return json.dumps(header).encode() + b"\n" + runs.tobytes()


def _decoded(stored: bytes) -> FontFacts | str | None:
    """The facts of a cache entry; ``None`` for one that does not hold them (then the font
    is read again)."""
    header, _, numbers = stored.partition(b"\n")
    try:
        fields = json.loads(header)
        if "problem" in fields:
            return str(fields["problem"])
        outlines: Outlines = fields["outlines"]
        if outlines not in ("cff", "truetype"):
            return None
        runs = array.array(_NUMBERS)
        runs.frombytes(numbers)
        if len(runs) % 2 or runs != array.array(_NUMBERS, sorted(runs)):
            return None
        first, second, third, fourth = map(int, fields["unicode_ranges"])
        pages_one, pages_two = map(int, fields["code_page_ranges"])
        facts = FontFacts(
            family=str(fields["family"]),
            outlines=outlines,
            runs=tuple(runs),
            embedding=int(fields["embedding"]),
            panose=str(fields["panose"]),
            family_class=int(fields["family_class"]),
            fixed_pitch=bool(fields["fixed_pitch"]),
            unicode_ranges=(first, second, third, fourth),
            code_page_ranges=(pages_one, pages_two),
            weight=int(fields["weight"]),
            variable=bool(fields["variable"]),
        )
    except (ValueError, TypeError, KeyError):  # bad JSON, numbers or fields: not our entry
        return None
    return facts


def _runs(codepoints: frozenset[int]) -> tuple[int, ...]:
    """Code points as runs, flattened (``first, last, first, last…``): a CJK font's 44,000
    fit in a few kilobytes.

    >>> _runs(frozenset({1, 2, 3, 7, 9, 10}))
    (1, 3, 7, 7, 9, 10)
    """
    runs: list[int] = []
    for code in sorted(codepoints):
        if runs and runs[-1] == code - 1:
            runs[-1] = code
        else:
            runs += (code, code)
    return tuple(runs)
