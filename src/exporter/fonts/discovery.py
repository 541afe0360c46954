"""Finding the font file for a theme font, a face and a fallback chain.

A face is looked up, for each family of :attr:`Font.chain` in turn, in three places:

1. the theme's own ``Font.files`` (for the font's main family only);
2. the fonts bundled with exporter (``exporter/fonts/files``), by family name;
3. the system, through fontconfig's ``fc-match`` when it is installed.

Only TrueType-outline files are returned (``glyf``; what PDF and EPUB embed without conversion),
and of a TrueType collection (``.ttc``) only its first font. A fallback family without the face
asked for (most CJK families have no italic, some no bold) lends its regular face: an upright
glyph beats an empty box.
Every chain ends with the bundled :data:`LAST_RESORT` family, so a document renders on a machine
with no fonts installed at all, and then with :data:`SYMBOLS` (monochrome emoji and symbols) for
the characters no text font has.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path
from typing import Literal, TypeAlias

from exporter.theme import Font

Face: TypeAlias = Literal["regular", "bold", "italic", "bold_italic"]

#: Every face a theme font may provide, in the order writers usually need them.
FACES: tuple[Face, ...] = ("regular", "bold", "italic", "bold_italic")

#: The folder of the fonts shipped inside the package, with their licence files.
BUNDLED_DIR = Path(__file__).resolve().parent / "files"

#: Bundled families and the file of each face they provide.
BUNDLED: dict[str, dict[Face, str]] = {
    "DejaVu Serif": {
        "regular": "DejaVuSerif.ttf",
        "bold": "DejaVuSerif-Bold.ttf",
        "italic": "DejaVuSerif-Italic.ttf",
        "bold_italic": "DejaVuSerif-BoldItalic.ttf",
    },
    "DejaVu Sans": {
        "regular": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "italic": "DejaVuSans-Oblique.ttf",
        "bold_italic": "DejaVuSans-BoldOblique.ttf",
    },
    "Noto Serif": {
        "regular": "NotoSerif-Regular.ttf",
        "bold": "NotoSerif-Bold.ttf",
        "italic": "NotoSerif-Italic.ttf",
        "bold_italic": "NotoSerif-BoldItalic.ttf",
    },
    # Upright faces only, to keep the package small: italics fall through the chain.
    "Noto Sans": {
        "regular": "NotoSans-Regular.ttf",
        "bold": "NotoSans-Bold.ttf",
    },
    # Symbola cut down to symbols and emoji; one face, used for every face.
    "Symbola": {"regular": "Symbola-Symbols.ttf"},
}

#: The family every chain ends with: bundled, wide coverage (Latin, Greek, Cyrillic and more).
LAST_RESORT = "DejaVu Sans"

#: Families tried after the last resort when the system has them (through fontconfig), so that
#: any theme shows Chinese, Japanese and Korean where a TrueType font for them is installed
#: (Debian: fonts-wqy-microhei, fonts-nanum; Noto CJK has CFF outlines, which PDF writers
#: cannot embed as TrueType).
SYSTEM_SCRIPT_FAMILIES = (
    "WenQuanYi Micro Hei",
    "NanumGothic",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
)

#: The family after the last resort: symbols and emoji, in its one face for every face.
SYMBOLS = "Symbola"

_FONTCONFIG_STYLE: dict[Face, str] = {
    "regular": ":weight=regular:slant=roman",
    "bold": ":weight=bold:slant=roman",
    "italic": ":weight=regular:slant=italic",
    "bold_italic": ":weight=bold:slant=italic",
}

# sfnt versions of fonts with TrueType outlines ("OTTO" would be CFF, which PDF writers
# such as reportlab cannot embed as TrueType).
_TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")
_COLLECTION_TAG = b"ttcf"


def bundled_families() -> tuple[str, ...]:
    """The family names exporter ships, usable in any theme without installing anything."""
    return tuple(BUNDLED)


def face_chain(font: Font, face: Face) -> tuple[Path, ...]:
    """Every available file for ``face`` along the font's chain, best first, without repeats.

    The chain is the font's own families, the bundled :data:`LAST_RESORT`, the installed
    :data:`SYSTEM_SCRIPT_FAMILIES` and the bundled :data:`SYMBOLS`, so it is never empty.

    >>> face_chain(Font("DejaVu Serif"), "bold")[0].name
    'DejaVuSerif-Bold.ttf'
    """
    found: list[Path] = []
    for number, family in enumerate((*font.chain, LAST_RESORT, *SYSTEM_SCRIPT_FAMILIES)):
        path = _family_face(font, family, face)
        if path is None and number > 0 and face != "regular":
            path = _family_face(font, family, "regular")
        if path is not None and path not in found:
            found.append(path)
    symbols = _bundled_face(SYMBOLS, "regular")
    if symbols is not None and symbols not in found:
        found.append(symbols)
    return tuple(found)


@functools.cache
def family_for(font: Font, character: str) -> str | None:
    """The first family along the font's chain (as :func:`face_chain` walks it) whose regular
    face draws ``character``: what a format that names fonts (DOCX's East Asian and complex
    script fonts) should name for that script; ``None`` when no available font has it.

    >>> family_for(Font("DejaVu Serif"), "ع")
    'DejaVu Sans'
    """
    from exporter.fonts.coverage import covered_codepoints

    for family in (*font.chain, LAST_RESORT, *SYSTEM_SCRIPT_FAMILIES):
        path = _family_face(font, family, "regular")
        if path is not None and ord(character) in covered_codepoints(path):
            return family
    return None


def resolve_face(font: Font, face: Face) -> Path:
    """The one file a writer uses for ``face`` of ``font`` (the first of :func:`face_chain`)."""
    return face_chain(font, face)[0]


def _family_face(font: Font, family: str, face: Face) -> Path | None:
    if family == font.family:
        own = dict(font.files).get(face)
        if own and is_truetype(Path(own)):
            return Path(own).resolve()
    bundled = _bundled_face(family, face)
    if bundled is not None:
        return bundled
    return _system_face(family, face)


def _bundled_face(family: str, face: Face) -> Path | None:
    for name, faces in BUNDLED.items():
        if name.casefold() == family.casefold() and face in faces:
            return BUNDLED_DIR / faces[face]
    return None


@functools.cache
def _system_face(family: str, face: Face) -> Path | None:
    """Ask fontconfig, and accept its answer only if it is the family and face asked for.

    fontconfig always answers with something: another family when the one asked for is not
    installed, the regular face when a family has no bold or italic.
    """
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = family.replace("-", r"\-").replace(":", r"\:") + _FONTCONFIG_STYLE[face]
    try:
        completed = subprocess.run(
            [fc_match, "--format=%{file}\n%{family}\n%{weight}\n%{slant}\n%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = completed.stdout.split("\n")
    if completed.returncode != 0 or len(lines) != 5:
        return None
    file, families, weight, slant, index = lines
    if index not in ("", "0"):  # a later font of a collection: reportlab reads only the first
        return None
    names = {name.strip().casefold() for name in families.split(",")}
    if family.casefold() not in names or not _style_is(face, weight, slant):
        return None
    path = Path(file)
    return path if is_truetype(path) else None


def _style_is(face: Face, weight: str, slant: str) -> bool:
    # fontconfig weights: 80 regular, 200 bold; slants: 0 roman, 100 italic, 110 oblique.
    # A range ("[100 900]") is a variable font, which would embed only its default instance.
    if not (weight.isdigit() and slant.isdigit()):
        return False
    return (int(weight) >= 180) == ("bold" in face) and (int(slant) > 0) == ("italic" in face)


@functools.cache
def is_truetype(path: Path) -> bool:
    """Whether ``path`` is a readable font file with TrueType (``glyf``) outlines; for a
    collection (``.ttc``), whether its first font is."""
    try:
        with path.open("rb") as stream:
            tag = stream.read(4)
            if tag == _COLLECTION_TAG:
                stream.seek(12)  # the offset table of the first font
                stream.seek(int.from_bytes(stream.read(4), "big"))
                tag = stream.read(4)
            return tag in _TRUETYPE_TAGS
    except OSError:
        return False
