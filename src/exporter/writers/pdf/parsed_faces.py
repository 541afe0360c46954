"""reportlab's TrueType fonts without parsing the font file in Python at every start.

reportlab's ``TTFont`` reads a whole font file in Python when it is made (``extractInfo``:
names, metrics, the character map and every glyph's width and position): ~5 ms a face, eight
faces for a handout. What it learns depends only on the file, so it is kept in the ``fonts``
area of the user's cache directory (:mod:`exporter.diskcache`), keyed by the file's identity
(path, size, modification time, inode, face index), the installed reportlab, the reportlab
settings that change parsing, and :data:`FORMAT`. A later process reads the file's bytes
(which subsetting copies glyphs from) and the entry, and puts together the same face,
attribute for attribute, without parsing either: the entry is a line of JSON for the small
attributes and arrays of numbers for the large tables (no code runs when it is read). An
entry that is missing, damaged or not in the shape this module writes is ignored, and the
font is parsed as before.
"""

from __future__ import annotations

import array
import json
import sys
from collections.abc import Callable
from fnmatch import fnmatch
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from exporter import diskcache
from exporter.fonts import FontFile

#: Bump when what an entry holds changes shape or meaning: older entries are then ignored.
FORMAT = "1"

_AREA = "fonts"

# The large tables, kept as arrays: each is rebuilt from its arrays by the same steps.
_TABLES = ("charToGlyph", "charWidths", "glyphToChar", "glyphPos", "hmetrics")
# Rebuilt rather than stored: the file's bytes (read again) and a function.
_REBUILT = ("_ttf_data", "_pdfScale")


def truetype_font(name: str, file: FontFile) -> TTFont:
    """reportlab's ``TTFont`` called ``name`` for ``file``: its face from the cache when the
    cache has it, else parsed from the file (and then kept in the cache)."""
    try:
        identity = diskcache.file_identity(file.path, file.index)
    except OSError:
        return TTFont(name, str(file.path), subfontIndex=file.index)
    # reportlab's settings that change what parsing gives (a user may set them in
    # ~/.reportlab_settings): whether a font that forbids subsetting is embedded whole.
    missing_names = getattr(rl_config, "autoGenerateTTFMissingTTFName", None)
    settings = repr((rl_config.allowTTFSubsetting, missing_names))
    parts = [FORMAT, diskcache.package_identity("reportlab"), settings, sys.byteorder, identity]
    entry = diskcache.entry_name("reportlab-face", [*parts, str(file.path)], ".face")
    stored = diskcache.load(_AREA, entry)
    face = None if stored is None else _decoded(stored, file)
    if face is not None:
        return _font(name, face)
    font = TTFont(name, str(file.path), subfontIndex=file.index)
    encoded = _encoded(font.face)
    if encoded is not None:
        diskcache.store(_AREA, entry, encoded)
    return font


def _font(name: str, face: TTFontFace) -> TTFont:
    """A ``TTFont`` around a face already made: what ``TTFont.__init__`` does after parsing
    (reportlab 5.1; a test checks that such a font equals one reportlab makes)."""
    font: TTFont = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable  # type: ignore[attr-defined]
    unshaped = rl_config.unShapedFontGlob or ()
    font.shapable = not any(fnmatch(name, pattern) for pattern in unshaped)
    return font


# ---------------------------------------------------------------------------- writing


class _UnsupportedError(ValueError):
    """A face holding something this module does not know how to keep: it is not cached."""


def _encoded(face: TTFontFace) -> bytes | None:
    """The entry for ``face``: a JSON line of its small attributes and of the arrays' layout,
    then the arrays' bytes; ``None`` for a face that holds something unexpected."""
    state = vars(face)
    try:
        if isinstance(state.get("name"), bytes) and state["name"].startswith(b"_RL_"):
            raise _UnsupportedError("a name reportlab made up for this process")
        small = {
            key: _plain(value)
            for key, value in state.items()
            if key not in _TABLES and key not in _REBUILT
        }
        arrays = _table_arrays(state)
    except (_UnsupportedError, KeyError, TypeError, ValueError, OverflowError):
        return None
    layout = [(key, numbers.typecode, len(numbers)) for key, numbers in arrays]
    header = {"state": small, "arrays": layout, "size": len(state["_ttf_data"])}
    return b"".join(
        [json.dumps(header).encode(), b"\n", *(numbers.tobytes() for _, numbers in arrays)]
    )


def _plain(value: object) -> object:
    """``value`` as JSON that tells tuples, bytes and reportlab's name strings apart."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, TTFNameBytes):
        if value != value.ustr.encode("utf8"):
            raise _UnsupportedError("a name whose bytes are not its text")
        return {"name": value.ustr}
    if type(value) is bytes:
        return {"bytes": value.decode("latin-1")}
    if type(value) is tuple:
        return {"tuple": [_plain(item) for item in value]}
    if type(value) is list:
        return [_plain(item) for item in value]
    if type(value) is dict:
        return {"dict": [[_plain(key), _plain(item)] for key, item in value.items()]}
    raise _UnsupportedError(f"a {type(value).__name__}")


_SCALARS = (type(None), bool, int, float, str)


def _table_arrays(state: dict[str, Any]) -> list[tuple[str, array.array[Any]]]:
    glyphs: dict[int, int] = state["charToGlyph"]
    widths: dict[int, int | float] = state["charWidths"]
    chars: dict[int, list[int]] = state["glyphToChar"]
    metrics: list[tuple[int | float, int]] = state["hmetrics"]
    columns: list[tuple[str, list[Any]]] = [
        ("charToGlyph.keys", list(glyphs)),
        ("charToGlyph.values", list(glyphs.values())),
        ("charWidths.keys", list(widths)),
        ("charWidths.values", list(widths.values())),
        ("glyphToChar.keys", list(chars)),
        ("glyphToChar.counts", list(map(len, chars.values()))),
        ("glyphToChar.values", [code for codes in chars.values() for code in codes]),
        ("glyphPos", list(state["glyphPos"])),
        ("hmetrics.advances", [advance for advance, _ in metrics]),
        ("hmetrics.bearings", [bearing for _, bearing in metrics]),
    ]
    return [encoded for key, values in columns for encoded in _column(key, values)]


def _column(key: str, values: list[Any]) -> list[tuple[str, array.array[Any]]]:
    """A column of numbers as an array: of whole numbers, or of floats. reportlab mixes the
    two (widths are ints in a font of 1,000 units per em, else floats; the advances of
    ``hmetrics`` are ints up to ``numberOfHMetrics``, then floats), and the type of each is
    kept, so that arithmetic on them is exactly reportlab's: a mixed column has a companion
    ``KEY#ints`` listing the positions of its ints."""
    kinds = set(map(type, values))
    if kinds <= {int}:
        return [(key, array.array("q", values))]
    if not kinds <= {int, float}:
        raise _UnsupportedError(f"{key} holds {kinds}")
    floats = array.array("d", values)
    if any(number != value for number, value in zip(floats, values, strict=True)):
        raise _UnsupportedError(f"{key} holds a number a float cannot hold")
    if kinds == {float}:
        return [(key, floats)]
    ints = [index for index, value in enumerate(values) if type(value) is int]
    return [(key, floats), (f"{key}#ints", array.array("q", ints))]


# ---------------------------------------------------------------------------- reading


class _KeptFace(TTFontFace):
    """A face read from the cache. Its large tables are made from the entry's arrays when
    reportlab first asks for one: a face that is registered but never drawn needs none, one
    that is drawn but not embedded needs no glyph positions, and ``glyphToChar`` (used only
    while parsing) is never made."""

    _kept_tables: dict[str, array.array[Any]]

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance does not hold (yet): one of the tables.
        tables = self.__dict__.get("_kept_tables")
        if tables is None or name not in _TABLES:
            raise AttributeError(name)
        value = _table(name, tables)
        setattr(self, name, value)
        return value


def _decoded(stored: bytes, file: FontFile) -> TTFontFace | None:
    """The face kept in entry ``stored`` for ``file``; ``None`` when the entry does not hold
    one or the file is no longer the one it was made from."""
    header, _, data = stored.partition(b"\n")
    try:
        fields = json.loads(header)
        state = {key: _restored(value) for key, value in fields["state"].items()}
        tables = _arrays(fields["arrays"], data)
        content = file.path.read_bytes()
        if len(content) != fields["size"]:
            return None
        state["_ttf_data"] = content
        state["_pdfScale"] = _scale(state["unitsPerEm"])
    except (OSError, ValueError, TypeError, KeyError, IndexError, ZeroDivisionError):
        return None
    face = _KeptFace.__new__(_KeptFace)
    face.__dict__.update(state, _kept_tables=tables)
    return face


def _restored(value: Any) -> Any:
    if isinstance(value, list):
        return [_restored(item) for item in value]
    if not isinstance(value, dict):
        return value
    ((kind, content),) = value.items()
    if kind == "name":
        return TTFNameBytes(str(content).encode("utf8"), "utf8")
    if kind == "bytes":
        return str(content).encode("latin-1")
    if kind == "tuple":
        return tuple(_restored(item) for item in content)
    if kind == "dict":
        return {_restored(key): _restored(item) for key, item in content}
    raise ValueError(f"unknown kind {kind!r}")


# The arrays of each table, which must be as long as each other.
_COLUMNS = {
    "charToGlyph": ("charToGlyph.keys", "charToGlyph.values"),
    "charWidths": ("charWidths.keys", "charWidths.values"),
    "glyphToChar": ("glyphToChar.keys", "glyphToChar.counts"),
    "glyphPos": ("glyphPos",),
    "hmetrics": ("hmetrics.advances", "hmetrics.bearings"),
}


def _arrays(layout: list[list[Any]], data: bytes) -> dict[str, array.array[Any]]:
    """The arrays of an entry, checked so that every table can be made from them later."""
    arrays: dict[str, array.array[Any]] = {}
    offset = 0
    for key, typecode, length in layout:
        if typecode not in ("q", "d"):
            raise ValueError(f"unknown array type {typecode!r}")
        numbers = array.array(typecode)
        end = offset + length * numbers.itemsize
        numbers.frombytes(data[offset:end])
        if len(numbers) != length:
            raise ValueError("an array runs past the entry")
        arrays[str(key)] = numbers
        offset = end
    if offset != len(data):
        raise ValueError("bytes after the arrays")
    for columns in _COLUMNS.values():
        if len({len(arrays[column]) for column in columns}) != 1:
            raise ValueError("a table's arrays differ in length")
    counts = arrays["glyphToChar.counts"]
    if sum(counts) != len(arrays["glyphToChar.values"]) or (counts and min(counts) < 0):
        raise ValueError("the characters of the glyphs do not add up")
    for key, positions in arrays.items():
        if (
            "#" in key
            and positions
            and not 0 <= min(positions) <= max(positions) < len(arrays[key.partition("#")[0]])
        ):
            raise ValueError("positions outside their column")
    return arrays


def _read_column(arrays: dict[str, array.array[Any]], key: str) -> Any:
    """A column's numbers, with the whole numbers of a mixed one made ints again."""
    column = arrays[key]
    ints = arrays.get(f"{key}#ints")
    if ints is None:
        return column
    numbers = column.tolist()
    for index in ints:
        numbers[index] = int(numbers[index])
    return numbers


def _table(name: str, arrays: dict[str, array.array[Any]]) -> Any:
    """reportlab's table ``name``, made from its arrays (checked by :func:`_arrays`)."""
    first, *rest = (_read_column(arrays, key) for key in _COLUMNS[name])
    if name == "glyphPos":
        return list(first)
    if name == "hmetrics":
        return list(zip(first, rest[0], strict=True))
    if name == "glyphToChar":
        return _characters(first, rest[0], arrays["glyphToChar.values"])
    return dict(zip(first, rest[0], strict=True))


def _characters(glyphs: Any, counts: Any, codes: Any) -> dict[int, list[int]]:
    """reportlab's ``glyphToChar``: the characters of each glyph, from the count of each."""
    if len(counts) == len(codes) and (not counts or min(counts) == 1):
        # One character per glyph (the counts add up to as many): the lists made in C.
        return dict(zip(glyphs, map(list, zip(codes)), strict=True))
    characters: dict[int, list[int]] = {}
    start = 0
    for glyph, count in zip(glyphs, counts, strict=True):
        characters[glyph] = codes[start : start + count].tolist()
        start += count
    return characters


def _scale(units_per_em: int) -> Callable[[float], float]:
    """reportlab's conversion from font units to thousandths of an em (``extractInfo``)."""
    if units_per_em == 1000:
        return lambda x: x
    thousands = 1000 / units_per_em
    return lambda x: x * thousands
