"""Finding the font file for a theme font, a face and a fallback chain.

A face is looked up, for each family of :attr:`Font.chain` in turn, in three places:

1. the theme's own ``Font.files`` (for the font's main family only);
2. the fonts bundled with exporter (``exporter/fonts/files``), by family name;
3. the system, through fontconfig (:mod:`exporter.fonts.fontconfig`).

A file is used only if fontTools reads it as a font (:mod:`exporter.fonts.facts`); TrueType
and CFF (OpenType) outlines both qualify, CFF ones being converted where a format needs
TrueType. A font of a collection (``.ttc``) is a :class:`FontFile` with its index. A fallback
family without the face asked for (most CJK families have no italic, some no bold) lends its
regular face: an upright glyph beats an empty box.

Pan-CJK families are named without their region (``"Noto Serif CJK"``), and the brief's
language picks the regional font of the collection (:func:`cjk_region`): a Japanese brief is
set in Noto Serif CJK JP, a Korean one in KR, traditional Chinese in TC or HK, and everything
else in SC, so that each character takes the shape its readers expect.

Every chain ends with the bundled :data:`LAST_RESORT` family, so a document renders on a machine
with no fonts installed at all, then the installed :data:`SYSTEM_SCRIPT_FAMILIES`, and then
:data:`SYMBOLS` (monochrome emoji and symbols) for the characters no text font has.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal, TypeAlias

from exporter.fonts.facts import FontFile, font_facts
from exporter.fonts.fontconfig import family_key, find_system_font
from exporter.text.languages import primary_language, region_subtag, script_subtag
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
#: any theme shows Chinese, Japanese and Korean where a font for them is installed (Debian and
#: Ubuntu: fonts-noto-cjk, else fonts-wqy-microhei and fonts-nanum), and Arabic and Hebrew in
#: a font made for them (fonts-noto-core).
SYSTEM_SCRIPT_FAMILIES = (
    "Noto Sans CJK",
    "WenQuanYi Micro Hei",
    "NanumGothic",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
)

#: The family after the last resort: symbols and emoji, in its one face for every face.
SYMBOLS = "Symbola"

#: The regional fonts of a pan-CJK collection: Simplified and Traditional Chinese (Taiwan,
#: Hong Kong), Japanese, Korean.
Region: TypeAlias = Literal["SC", "TC", "HK", "JP", "KR"]

# The families named without a region, and each region's family name. Source Han names its
# regions differently, and its unsuffixed family is the Japanese one.
_PAN_CJK: dict[str, dict[Region, str]] = {
    family_key(family): {region: f"{family} {region}" for region in ("SC", "TC", "HK", "JP", "KR")}
    for family in ("Noto Sans CJK", "Noto Serif CJK", "Noto Sans Mono CJK")
} | {
    family_key(family): {
        "SC": f"{family} SC",
        "TC": f"{family} TC",
        "HK": f"{family} HC",
        "JP": family,
        "KR": f"{family} K",
    }
    for family in ("Source Han Sans", "Source Han Serif")
}


def bundled_families() -> tuple[str, ...]:
    """The family names exporter ships, usable in any theme without installing anything."""
    return tuple(BUNDLED)


def cjk_region(language: str | None) -> Region:
    """The region whose glyph shapes a document in ``language`` (BCP 47) should use.

    >>> [cjk_region(tag) for tag in ("ja", "ko-KR", "zh-Hant", "zh-HK", "zh", "en", None)]
    ['JP', 'KR', 'TC', 'HK', 'SC', 'SC', 'SC']
    """
    tag = language or ""
    primary = primary_language(tag.replace("_", "-"))
    if primary == "ja":
        return "JP"
    if primary == "ko":
        return "KR"
    region = region_subtag(tag)
    if primary == "yue" or (primary == "zh" and region == "hk"):
        return "HK"
    if primary == "zh" and (script_subtag(tag) == "hant" or region in ("tw", "mo")):
        return "TC"
    return "SC"


def regional_family(family: str, region: Region) -> str:
    """``family`` with the region's suffix when it is a pan-CJK family named without one.

    >>> regional_family("Noto Serif CJK", "KR"), regional_family("Noto Serif", "KR")
    ('Noto Serif CJK KR', 'Noto Serif')
    """
    regions = _PAN_CJK.get(family_key(family))
    return family if regions is None else regions[region]


def face_chain(font: Font, face: Face, language: str | None = None) -> tuple[FontFile, ...]:
    """Every available font for ``face`` along the font's chain, best first, without repeats.

    The chain is the font's own families, the bundled :data:`LAST_RESORT`, the installed
    :data:`SYSTEM_SCRIPT_FAMILIES` and the bundled :data:`SYMBOLS`, so it is never empty.
    ``language`` picks the regional font of pan-CJK families (:func:`cjk_region`).

    >>> face_chain(Font("DejaVu Serif"), "bold")[0].name
    'DejaVuSerif-Bold.ttf'
    """
    return tuple(file for _, file in chain_families(font, face, cjk_region(language)))


def resolve_face(font: Font, face: Face, language: str | None = None) -> FontFile:
    """The one font a writer uses for ``face`` of ``font`` (the first of :func:`face_chain`)."""
    return face_chain(font, face, language)[0]


def used_family(font: Font, face: Face = "regular", language: str | None = None) -> str:
    """The family that ``face`` of ``font`` is set in on this machine: the font's own family
    when it is available, else the first fallback that is.

    >>> used_family(Font("No Such Family 7c1e", fallbacks=("DejaVu Serif",)))
    'DejaVu Serif'
    """
    return chain_families(font, face, cjk_region(language))[0][0]


@functools.cache
def chain_families(font: Font, face: Face, region: Region) -> tuple[tuple[str, FontFile], ...]:
    """:func:`face_chain` with the family each font stands for (regional names for pan-CJK)."""
    found: dict[FontFile, str] = {}
    for number, family in enumerate((*font.chain, LAST_RESORT, *SYSTEM_SCRIPT_FAMILIES)):
        name = regional_family(family, region)
        file = family_face(font, name, face)
        if file is None and number > 0 and face != "regular":
            file = family_face(font, name, "regular")
        if file is not None:
            found.setdefault(file, name)
    symbols = _bundled_face(SYMBOLS, "regular")
    if symbols is not None:
        found.setdefault(symbols, SYMBOLS)
    return tuple((family, file) for file, family in found.items())


@functools.cache
def family_for(font: Font, character: str, language: str | None = None) -> str | None:
    """The first family along the font's chain (as :func:`face_chain` walks it) whose regular
    face draws ``character``: what a format that names fonts (DOCX's East Asian and complex
    script fonts) should name for that script; ``None`` when no available font has it.

    >>> family_for(Font("DejaVu Serif"), "ع")
    'DejaVu Sans'
    """
    from exporter.fonts.coverage import has_glyph

    for family, file in chain_families(font, "regular", cjk_region(language)):
        if has_glyph(file, character):
            return family
    return None


def family_face(font: Font, family: str, face: Face) -> FontFile | None:
    """The font of ``family`` in exactly ``face``: from the theme's files when ``family`` is
    the font's own, else bundled, else installed; ``None`` when there is none."""
    if family == font.family:
        own = dict(font.files).get(face)
        if own:
            file = FontFile(Path(own).resolve())
            if font_facts(file) is not None:
                return file
    bundled = _bundled_face(family, face)
    if bundled is not None:
        return bundled
    return _system_face(family, face)


def _bundled_face(family: str, face: Face) -> FontFile | None:
    for name, faces in BUNDLED.items():
        if name.casefold() == family.casefold() and face in faces:
            return FontFile(BUNDLED_DIR / faces[face])
    return None


@functools.cache
def _system_face(family: str, face: Face) -> FontFile | None:
    """The installed font of ``family`` in ``face``, if fontTools reads it and it is not
    variable (reportlab would embed only its default instance)."""
    file = find_system_font(family, bold="bold" in face, italic="italic" in face)
    if file is None:
        return None
    facts = font_facts(file)
    return file if facts is not None and not facts.variable else None
