"""The fonts installed on the system, as fontconfig lists them: asked once per process.

One ``fc-list`` call lists every font with its families, weight, slant, width and face index;
lookups by family then happen in Python. Family names compare as fontconfig compares them,
ignoring case and spaces (``notoserif`` finds "Noto Serif"). Without fontconfig (Windows, a
minimal container) the system has no fonts as far as exporter is concerned, and the bundled
ones serve.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from exporter.fonts.facts import FontFile

#: Font formats whose outlines exporter can embed (CFF ones after conversion for the PDF).
_USABLE_FORMATS = ("TrueType", "CFF")

_FIELDS = ("family", "weight", "slant", "width", "index", "variable", "fontformat", "file")

# fontconfig's scales: weight 80 regular, 200 bold; slant 0 roman, 100 italic, 110 oblique;
# width 100 normal.
_BOLD_FROM = 180
_REGULAR_WEIGHT = 80
_BOLD_WEIGHT = 200
_NORMAL_WIDTH = 100


@dataclass(frozen=True, slots=True)
class SystemFont:
    """One installed font: its family names (the first is the main one) and style."""

    families: tuple[str, ...]
    file: FontFile
    weight: int
    slant: int
    width: int


def family_key(name: str) -> str:
    """A family name as fontconfig compares it: without case or spaces."""
    return "".join(name.split()).casefold()


def find_system_font(family: str, bold: bool, italic: bool) -> FontFile | None:
    """The installed font of ``family`` in the face asked for; ``None`` when the family is not
    installed or lacks that face (fontconfig would answer with another family or face)."""
    matches = [
        font
        for font in _by_family().get(family_key(family), ())
        if (font.weight >= _BOLD_FROM) == bold and (font.slant > 0) == italic
    ]
    if not matches:
        return None
    wanted = _BOLD_WEIGHT if bold else _REGULAR_WEIGHT
    best = min(
        matches,
        key=lambda font: (
            font.width != _NORMAL_WIDTH,  # DejaVu Sans Condensed is also "DejaVu Sans"
            abs(font.weight - wanted),
            str(font.file.path),
            font.file.index,
        ),
    )
    return best.file


def system_families() -> tuple[str, ...]:
    """Every installed family name, sorted (for suggestions when a theme names a missing one)."""
    return tuple(sorted({name for font in installed_fonts() for name in font.families}))


@functools.cache
def _by_family() -> dict[str, tuple[SystemFont, ...]]:
    found: dict[str, list[SystemFont]] = {}
    for font in installed_fonts():
        for key in {family_key(name) for name in font.families}:
            found.setdefault(key, []).append(font)
    return {key: tuple(fonts) for key, fonts in found.items()}


@functools.cache
def installed_fonts() -> tuple[SystemFont, ...]:
    """Every usable installed font (static TrueType or CFF outlines), from one ``fc-list``."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    line_format = "\t".join(f"%{{{field}}}" for field in _FIELDS) + "\n"
    try:
        completed = subprocess.run(
            [fc_list, "--format", line_format],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    if completed.returncode != 0:
        return ()
    fonts = (_parsed(line) for line in completed.stdout.splitlines())
    usable = (font for font in fonts if font is not None)
    return tuple(sorted(usable, key=lambda font: (str(font.file.path), font.file.index)))


def _parsed(line: str) -> SystemFont | None:
    fields = line.split("\t")
    if len(fields) != len(_FIELDS):
        return None
    family, weight, slant, width, index, variable, font_format, file = fields
    # A weight range ("[100 900]") is a variable font, which would embed only its default
    # instance: the bold the theme asked for would silently be regular.
    numbers = (weight, slant, width or str(_NORMAL_WIDTH), index or "0")
    if variable == "True" or font_format not in _USABLE_FORMATS:
        return None
    if not all(number.isdigit() for number in numbers):
        return None
    families = tuple(name.strip() for name in family.split(",") if name.strip())
    if not families or not file:
        return None
    return SystemFont(
        families=families,
        file=FontFile(Path(file), int(numbers[3])),
        weight=int(numbers[0]),
        slant=int(numbers[1]),
        width=int(numbers[2]),
    )
