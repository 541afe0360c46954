"""Units a theme file is written in: lengths with units, hex colours and named paper sizes.

Every parser here takes the raw TOML value and returns the value the theme stores (points,
:class:`Color`), or raises :class:`ValueError` whose message says what was expected and why the
value is not that; the loader adds the file, key and line.

>>> parse_length("2.54cm")
72.0
>>> parse_color("#1f3a5f")
Color(hex='1F3A5F')
"""

from __future__ import annotations

import math
import re

from exporter.theme._values import Color

#: Points per unit. A bare number means points; ``px`` is the CSS pixel (1/96 in).
LENGTH_UNITS: dict[str, float] = {
    "pt": 1.0,
    "px": 0.75,
    "pc": 12.0,
    "in": 72.0,
    "cm": 72.0 / 2.54,
    "mm": 72.0 / 25.4,
}

#: Named paper sizes, portrait, in points.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A3": (841.89, 1190.551),
    "A4": (595.276, 841.89),
    "A5": (419.528, 595.276),
    "B5": (498.898, 708.661),
    "Letter": (612.0, 792.0),
    "Legal": (612.0, 1008.0),
}

_LENGTH = re.compile(
    r"(?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(?P<unit>[a-zA-Z%]*)"
)
_HEX = re.compile(r"#(?P<digits>[0-9a-fA-F]+)")
_UNIT_LIST = ", ".join(LENGTH_UNITS)


def parse_length(value: object) -> float:
    """A length in points from a number (points) or a string with a unit (``"2cm"``, ``"11pt"``)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f'expected a length such as "11pt" or "2cm", got {describe_value(value)}')
    if not isinstance(value, str):
        return _finite(float(value), value)
    match = _LENGTH.fullmatch(value.strip())
    if match is None:
        raise ValueError(
            f'expected a length: a number and a unit ({_UNIT_LIST}), such as "2cm", got "{value}"'
        )
    unit = match["unit"].lower() or "pt"
    if unit not in LENGTH_UNITS:
        raise ValueError(f'unknown unit "{match["unit"]}" in "{value}" (use {_UNIT_LIST})')
    return _finite(float(match["number"]) * LENGTH_UNITS[unit], value)


def _finite(points: float, value: object) -> float:
    if not math.isfinite(points):
        raise ValueError(f"expected a finite length, got {quoted(value)}")
    return points


def format_length(points: float, unit: str = "pt") -> str:
    """The string form of a length in ``unit``, exact enough to parse back to the same points."""
    return f"{points / LENGTH_UNITS[unit]!r}{unit}"


def parse_color(value: object) -> Color:
    """A :class:`Color` from ``"#RRGGBB"`` or ``"#RGB"`` (either case)."""
    if not isinstance(value, str):
        raise ValueError(f'expected a colour such as "#1F3A5F", got {describe_value(value)}')
    match = _HEX.fullmatch(value.strip())
    if match is None:
        raise ValueError(f'expected a colour written "#RRGGBB" or "#RGB" in hex, got "{value}"')
    digits = match["digits"].upper()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    if len(digits) != 6:
        raise ValueError(f'colour "{value}" has {len(match["digits"])} hex digits; expected 3 or 6')
    return Color(digits)


def page_size_names() -> list[str]:
    return list(PAGE_SIZES)


def lookup_page_size(name: str) -> tuple[float, float] | None:
    """The portrait size of a named paper size, case-insensitively; ``None`` when unknown."""
    for known, size in PAGE_SIZES.items():
        if known.lower() == name.strip().lower():
            return size
    return None


def quoted(value: object) -> str:
    """A TOML scalar as it was written: strings in quotes, numbers bare."""
    return f'"{value}"' if isinstance(value, str) else str(value)


def describe_value(value: object) -> str:
    """A TOML value and its TOML type, for error messages: ``"yes" (a string)``."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, str):
        return f'"{value}" (a string)'
    if isinstance(value, int):
        return f"{value} (an integer)"
    if isinstance(value, float):
        return f"{value} (a number)"
    return f"{value} (a {type(value).__name__})"
