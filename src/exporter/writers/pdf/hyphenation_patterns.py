"""Hyphenation dictionaries parsed once per machine, not once per process.

pyphen parses a dictionary's patterns (``hyph_en_US.dic``: 11,000 of them) in Python when a
language is first hyphenated: ~45 ms, a tenth of a fresh ``exporter convert``. The parsed
patterns are kept in the ``hyphenation`` area of the user's cache directory
(:mod:`exporter.diskcache`), keyed by the dictionary file's identity, the installed pyphen and
:data:`FORMAT`, as JSON (no code runs when it is read), and handed to pyphen through its own
per-file cache (``pyphen.hdcache``), so hyphenation itself is pyphen's, unchanged. An entry
that is missing, damaged or not in the expected shape is ignored: pyphen parses the file.
"""

from __future__ import annotations

import json
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
    name = diskcache.entry_name(
        "patterns", [FORMAT, diskcache.package_identity("pyphen"), identity], ".json"
    )
    stored = diskcache.load(_AREA, name)
    dictionary = None if stored is None else _decoded(stored)
    if dictionary is None:
        dictionary = pyphen.HyphDict(path)
        encoded = _encoded(dictionary)
        if encoded is not None:
            diskcache.store(_AREA, name, encoded)
    pyphen.hdcache[path] = dictionary


def _encoded(dictionary: Any) -> bytes | None:
    """The patterns of a parsed dictionary as JSON, each distinct list of values once;
    ``None`` for a dictionary not in the shape this module knows (another pyphen)."""
    try:
        return _table(dictionary)
    except (AttributeError, TypeError, ValueError):
        return None


def _table(dictionary: Any) -> bytes | None:
    values: dict[tuple[object, ...], int] = {}
    keys: list[str] = []
    index: list[int] = []
    for key, (start, weights) in dictionary.patterns.items():
        encoded = (start, *(_encoded_value(weight) for weight in weights))
        keys.append(key)
        index.append(values.setdefault(encoded, len(values)))
    if not keys:
        return None
    table = {"keys": keys, "index": index, "values": list(values)}
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode()


def _encoded_value(weight: int) -> object:
    data = getattr(weight, "data", None)
    return int(weight) if data is None else (int(weight), *data)


def _decoded(stored: bytes) -> Any | None:
    """A pyphen dictionary made from an entry, or ``None`` for one not in the expected shape."""
    try:
        table = json.loads(stored)
        values = [_decoded_values(value) for value in table["values"]]
        patterns = dict(zip(table["keys"], map(values.__getitem__, table["index"]), strict=True))
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    if not patterns or not all(isinstance(key, str) and key for key in patterns):
        return None
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    # What HyphDict.__init__ leaves behind (pyphen 0.18; the key includes pyphen's identity,
    # and a test checks that a cached dictionary equals a parsed one).
    dictionary.patterns = patterns
    dictionary.cache = {}
    dictionary.maxlen = max(map(len, patterns))
    return dictionary


def _decoded_values(value: list[Any]) -> tuple[int, tuple[_Value, ...]]:
    start, *weights = value
    if not isinstance(start, int):
        raise TypeError("a pattern's start is a number")
    return start, tuple(_decoded_weight(weight) for weight in weights)


def _decoded_weight(weight: Any) -> Any:
    if isinstance(weight, int):
        return weight
    value, change, index, cut = weight
    if not (isinstance(value, int) and isinstance(change, str)):
        raise TypeError("a nonstandard break is a weight and a change")
    return pyphen.DataInt(value, (change, int(index), int(cut)))
