"""Hyphenation dictionaries parsed once per machine, not once per process.

pyphen parses a dictionary's patterns (``hyph_en_US.dic``: 11,000 of them) in Python when a
language is first hyphenated: ~45 ms, a tenth of a fresh ``exporter convert``. The parsed
patterns are kept in the ``hyphenation`` area of the user's cache directory
(:mod:`exporter.diskcache`), keyed by the dictionary file's identity, the installed pyphen and
:data:`FORMAT`, as JSON, text and an array of numbers (no code runs when it is read), and
handed to pyphen through its own per-file cache (``pyphen.hdcache``), so hyphenation itself
is pyphen's, unchanged. An entry that is missing, damaged or not in the expected shape is
ignored: pyphen parses the file.
"""

from __future__ import annotations

import array
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import pyphen  # type: ignore[import-untyped]

from exporter import diskcache

#: Bump when what an entry holds changes shape or meaning: older entries are then ignored.
FORMAT = "1"

_AREA = "hyphenation"

# One pattern's values: a break weight, or (for nonstandard hyphenation, as in Hungarian
# "ssz" → "sz-sz") a weight with the change to make there.
_Value = int | tuple[int, str, int, int]


def preload(path: Path) -> None:
    """Give pyphen the parsed patterns of dictionary ``path`` from the cache, or parse them
    and keep them there; pyphen's own cache then serves ``Pyphen(lang=...)``."""
    if path in pyphen.hdcache:
        return
    try:
        identity = diskcache.file_identity(Path(path))
    except (OSError, TypeError):  # a dictionary inside a zipped install: pyphen reads it
        return
    parts = [FORMAT, diskcache.package_identity("pyphen"), sys.byteorder, identity]
    name = diskcache.entry_name("patterns", parts, ".patterns")
    stored = diskcache.load(_AREA, name)
    dictionary = None if stored is None else _decoded(stored)
    if dictionary is None:
        dictionary = pyphen.HyphDict(path)
        encoded = _encoded(dictionary)
        if encoded is not None:
            diskcache.store(_AREA, name, encoded)
    pyphen.hdcache[path] = dictionary


def _encoded(dictionary: Any) -> bytes | None:
    """The entry for a parsed dictionary; ``None`` for one not in the shape this module knows
    (another pyphen)."""
    try:
        return _entry(dictionary)
    except (AttributeError, TypeError, ValueError, OverflowError):
        return None


# An entry: a line of JSON with each distinct (start, weights…) list once, weights of
# nonstandard breaks apart, then the patterns one per line (a pattern holds no line break:
# pyphen reads them from lines), then the number of each pattern's list, as an array of
# unsigned 32-bit numbers in the machine's byte order (part of the entry's name). Reading it
# is a split and a zip, in C.
_NUMBERS = "I" if array.array("I").itemsize == 4 else "L"


def _entry(dictionary: Any) -> bytes | None:
    lists: list[list[int]] = []
    shared: dict[tuple[int, ...], int] = {}
    nonstandard: list[list[object]] = []
    index = array.array(_NUMBERS)
    for start, weights in dictionary.patterns.values():
        numbers = [int(start), *map(int, weights)]
        special = [
            [position + 1, *weight.data]
            for position, weight in enumerate(weights)
            if getattr(weight, "data", None) is not None
        ]
        if special:  # a list of its own, with the changes its breaks make to the word
            nonstandard.extend([len(lists), *change] for change in special)
            number = len(lists)
        else:
            number = shared.setdefault(tuple(numbers), len(lists))
        if number == len(lists):
            lists.append(numbers)
        index.append(number)
    keys = "\n".join(dictionary.patterns).encode()
    if not index or any("\n" in key or not key for key in dictionary.patterns):
        return None
    header = {"values": lists, "nonstandard": nonstandard, "keys": len(keys), "count": len(index)}
    return b"".join([json.dumps(header).encode(), b"\n", keys, index.tobytes()])


def _decoded(stored: bytes) -> Any | None:
    """A pyphen dictionary made from an entry, or ``None`` for one not in the expected shape."""
    head, _, data = stored.partition(b"\n")
    try:
        header = json.loads(head)
        values = _values(header["values"], header["nonstandard"])
        keys = data[: header["keys"]].decode().split("\n")
        index = array.array(_NUMBERS)
        index.frombytes(data[header["keys"] :])
        if not (len(keys) == len(index) == header["count"] and all(keys)):
            return None
        patterns = dict(zip(keys, map(values.__getitem__, index), strict=True))
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    # What HyphDict.__init__ leaves behind (pyphen 0.18; the key includes pyphen's identity,
    # and a test checks that a cached dictionary equals a parsed one).
    dictionary.patterns = patterns
    dictionary.cache = {}
    dictionary.maxlen = max(map(len, patterns))
    return dictionary


def _values(lists: list[Any], nonstandard: list[Any]) -> list[tuple[int, tuple[_Value, ...]]]:
    """Each pattern's start and weights, as pyphen keeps them."""
    if set(map(type, lists)) != {list} or set(map(type, itertools.chain(*lists))) != {int}:
        raise TypeError("weights are lists of numbers")
    weights: list[list[Any]] = [numbers[1:] for numbers in lists]
    for number, position, change, offset, cut in nonstandard:
        value = weights[number][position - 1]
        if not isinstance(change, str) or position < 1:
            raise TypeError("a nonstandard break is a weight and a change")
        weights[number][position - 1] = pyphen.DataInt(value, (change, int(offset), int(cut)))
    return [(numbers[0], tuple(found)) for numbers, found in zip(lists, weights, strict=True)]
