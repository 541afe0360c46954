"""The fonts installed on the system, as fontconfig lists them: asked once per process, and
remembered between processes until the fonts or fontconfig's configuration change.

One ``fc-list`` call lists every font with its families, weight, slant, width and face index;
lookups by family then happen in Python. Family names compare as fontconfig compares them,
ignoring case and spaces (``notoserif`` finds "Noto Serif"). Without fontconfig (Windows, a
minimal container) the system has no fonts as far as exporter is concerned, and the bundled
ones serve.

``fc-list`` takes ~8 ms (fontconfig reads its configuration at every start), so its answer is
kept in the ``fontconfig`` area of the user's cache directory (:mod:`exporter.diskcache`),
under a name derived from fontconfig's configuration (its environment variables and the
identity of ``fc-list``, ``fonts.conf`` and the ``conf.d`` folders), together with the
modification times of the folders holding the listed fonts and of the usual font folders
(``/usr/share/fonts``, ``~/.local/share/fonts``…): fontconfig itself notices new fonts by
these times, so when one changes, ``fc-list`` is asked again.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from exporter import diskcache
from exporter.fonts.facts import FontFile

#: Font formats whose outlines exporter can embed (CFF ones after conversion for the PDF).
_USABLE_FORMATS = ("TrueType", "CFF")

#: Bump when what a cache entry holds changes shape or meaning: older entries are then ignored.
_FORMAT = "1"

_AREA = "fontconfig"

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
    """Every usable installed font (static TrueType or CFF outlines), from one ``fc-list``
    (or its answer kept from an earlier process, while it still holds)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    listing = _listing(fc_list)
    if listing is None:
        return ()
    fonts = (_parsed(line) for line in listing.splitlines())
    usable = (font for font in fonts if font is not None)
    return tuple(sorted(usable, key=lambda font: (str(font.file.path), font.file.index)))


def _listing(fc_list: str) -> str | None:
    """``fc-list``'s answer: kept from an earlier process when fontconfig's configuration and
    the font folders are as they were then, else asked (and kept)."""
    name = diskcache.entry_name("fc-list", [_FORMAT, *_configuration(fc_list)], ".json")
    stored = diskcache.load(_AREA, name)
    kept = None if stored is None else _kept_listing(stored)
    if kept is not None:
        return kept
    listing = _run_fc_list(fc_list)
    if listing is not None:
        folders = _font_folders(listing)
        entry = {"folders": folders, "times": [_folder_time(folder) for folder in folders]}
        diskcache.store(_AREA, name, json.dumps({**entry, "listing": listing}).encode())
    return listing


def _run_fc_list(fc_list: str) -> str | None:
    import subprocess  # only when the kept answer no longer holds

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
        return None
    return completed.stdout if completed.returncode == 0 else None


def _kept_listing(stored: bytes) -> str | None:
    """The listing of a cache entry, if every folder it depends on is as it was."""
    try:
        entry = json.loads(stored)
        folders, times, listing = entry["folders"], entry["times"], entry["listing"]
        if not (isinstance(listing, str) and isinstance(folders, list) and isinstance(times, list)):
            return None
        if len(folders) != len(times) or not all(isinstance(f, str) for f in folders):
            return None
    except (ValueError, TypeError, KeyError):
        return None
    unchanged = all(
        _folder_time(folder) == time for folder, time in zip(folders, times, strict=True)
    )
    return listing if unchanged else None


def _configuration(fc_list: str) -> list[str]:
    """What fontconfig's answer depends on besides the fonts: its environment variables and
    configuration files, and the program itself."""
    home = Path.home() if "HOME" in os.environ else None
    config_home = os.environ.get("XDG_CONFIG_HOME") or (home and str(home / ".config"))
    folders = [Path("/etc/fonts")]
    if config_home:
        folders.append(Path(config_home) / "fontconfig")
    files = [Path(fc_list), *(home / name for name in (".fonts.conf",) if home is not None)]
    for folder in folders:  # fonts.conf, conf.d and what it links to
        files += [folder, folder / "fonts.conf", folder / "conf.d"]
        files += sorted(_entries(folder / "conf.d"))
    variables = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME")
    return [
        *(f"{name}={os.environ.get(name, '')}" for name in variables),
        *(f"{file}:{_folder_time(str(file))}" for file in files),
    ]


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _font_folders(listing: str) -> list[str]:
    """The folders whose modification time tells that fonts came or went: the usual font
    folders (present or not), and each listed font's folder with the folders above it, up to
    the usual folder it is in (or one level up, for a font elsewhere)."""
    home = Path.home() if "HOME" in os.environ else None
    data_home = os.environ.get("XDG_DATA_HOME") or (home and str(home / ".local" / "share"))
    usual = {Path("/usr/share/fonts"), Path("/usr/local/share/fonts")}
    if data_home:
        usual.add(Path(data_home) / "fonts")
    if home is not None:
        usual.add(home / ".fonts")
    folders = set(usual)
    for line in listing.splitlines():
        parents = Path(line.rsplit("\t", 1)[-1]).parents
        root = next((parent for parent in parents if parent in usual), None)
        if root is None:
            folders.update(list(parents)[:2])
        else:
            folders.update(parents[: list(parents).index(root)])
    return sorted(map(str, folders))


def _folder_time(folder: str) -> str:
    """A folder's (or file's) modification time and inode; ``-`` when it does not exist."""
    try:
        stat = Path(folder).stat()
    except OSError:
        return "-"
    return f"{stat.st_mtime_ns}:{stat.st_ino}"


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
