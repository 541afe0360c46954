"""The Word file's fonts: which family each script is set in, the font table, and the fonts the
file carries, so that it looks the same on a machine without them (ECMA-376 Part 1, §17.8).

Each theme font names three families (``w:rFonts``): its own for Latin text, and the first
family of its chain with the document's East Asian and complex script. The font table
(``word/fontTable.xml``) describes each family the way Word does (PANOSE, generic family, pitch,
Unicode and code page signature), so that a reader without it substitutes a similar one, and,
unless the theme says ``docx.embed_fonts = false``, carries a subset of every face the document
uses: the pages of characters the document has (:mod:`exporter.fonts.subsets`), obfuscated
as ``word/fonts/fontN.odttf`` with a key derived from the font's bytes. Fonts whose licence
(OS/2 ``fsType``) forbids embedding or subsetting are named but not carried. CFF fonts (Noto
CJK) are carried as their TrueType conversion, which Word and LibreOffice both read.

What a document needs is worked out once per theme, language and set of character pages, so a
batch of briefs in one script shares one set of font parts.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from exporter.fonts import (
    Face,
    FontFacts,
    FontFile,
    covered_codepoints,
    family_face,
    family_for,
    font_facts,
    needs_glyph,
    used_family,
)
from exporter.fonts.missing import font_warnings as family_warnings
from exporter.fonts.subsets import CharacterPages, FontSubset, needed_codepoints, subset_font
from exporter.fonts.subsets import truetype_font as truetype_subset
from exporter.fonts.usage import document_characters
from exporter.model import Article, ParseWarning
from exporter.theme import Font, Theme
from exporter.writers.docx.language import document_language
from exporter.writers.docx.ooxml import element

#: The content type of an obfuscated font part (ECMA-376 Part 1, §15.2.13).
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

# The faces the styles set each theme font in (title bold; subtitle, byline and running
# heads in the heading font's regular face; headings and the key-points label bold).
_USED_FACES: tuple[tuple[str, Face], ...] = (
    ("body", "regular"),
    ("heading", "regular"),
    ("heading", "bold"),
    ("title", "bold"),
)
_EMBED_ELEMENT: dict[Face, str] = {
    "regular": "w:embedRegular",
    "bold": "w:embedBold",
    "italic": "w:embedItalic",
    "bold_italic": "w:embedBoldItalic",
}

# A character of each script Word sets in the East Asian or complex-script font, by language.
_EAST_ASIAN_SAMPLE = {"ko": "한", "ja": "あ"}
_COMPLEX_SAMPLE = {"he": "א", "iw": "א", "yi": "א"}


@dataclass(frozen=True, slots=True)
class ScriptFamilies:
    """The families ``w:rFonts`` names for a theme font: Latin text, the East Asian script and
    the complex script (``None`` where no available font has that script)."""

    latin: str
    east_asian: str | None
    complex_script: str | None


@functools.cache
def script_families(font: Font, language: str) -> ScriptFamilies:
    """What ``font`` is set in for a document in ``language``: its own family (or the fallback
    it falls back to, when it cannot be found), and the first family of its chain with the
    document's East Asian script (Chinese unless the document is Japanese or Korean) and
    complex script (Arabic unless Hebrew): Word looks glyphs up only in the font it is told.
    """
    primary = language.lower().split("-")[0]
    return ScriptFamilies(
        latin=used_family(font, "regular", language),
        east_asian=family_for(font, _EAST_ASIAN_SAMPLE.get(primary, "中"), language),
        complex_script=family_for(font, _COMPLEX_SAMPLE.get(primary, "ع"), language),
    )


def write_fonts(document: Document, article: Article, theme: Theme, language: str) -> None:
    """Give ``document`` its font table and, when the theme embeds fonts, the fonts it uses."""
    plan = _plan(theme, language, _character_key(article, theme, language))
    package = document.part.package
    table = Part(PackURI("/word/fontTable.xml"), CONTENT_TYPE.WML_FONT_TABLE, plan.table, package)
    document.part.relate_to(table, RELATIONSHIP_TYPE.FONT_TABLE)
    for number, blob in enumerate(plan.fonts, start=1):
        part = Part(PackURI(f"/word/fonts/font{number}.odttf"), OBFUSCATED_FONT, blob, package)
        # The table names its fonts rId1, rId2, … in this order: the ids relate_to gives.
        table.relate_to(part, RELATIONSHIP_TYPE.FONT)


def font_warnings(article: Article, theme: Theme) -> list[ParseWarning]:
    """Theme families that cannot be found, and fonts whose licence forbids carrying them."""
    warnings = family_warnings(article, theme)
    if theme.docx.embed_fonts:
        language = document_language(article)
        plan = _plan(theme, language, _character_key(article, theme, language))
        warnings += [
            ParseWarning(
                0,
                f'DOCX: the licence of font "{family}" does not allow carrying it in a document '
                "(OS/2 fsType); the Word file names it, and machines without it substitute another",
            )
            for family in plan.restricted
        ]
    return warnings


@functools.lru_cache(maxsize=4)  # the check and the writer ask for the same document in turn
def _character_key(article: Article, theme: Theme, language: str) -> _CharacterKey:
    return _CharacterKey.of(article, theme, language)


@dataclass(frozen=True, slots=True)
class _CharacterKey:
    """What decides the fonts a document carries: the pages of its characters (what its Latin
    fonts carry), and the characters some Latin font lacks, with the spaces (what fallbacks
    carry). Most briefs in one script share it, and with it their font parts."""

    pages: CharacterPages
    lacking: frozenset[str]

    @classmethod
    def of(cls, article: Article, theme: Theme, language: str) -> _CharacterKey:
        characters = document_characters(article, theme)
        mains = {main for _, main, _ in _latin_faces(theme, language) if main is not None}
        coverages = [covered_codepoints(main) for main in mains]
        lacking = frozenset(
            character
            for character in characters
            if not needs_glyph(character)
            or any(ord(character) not in coverage for coverage in coverages)
        )
        return cls(CharacterPages.of(characters), lacking)


@dataclass(frozen=True, slots=True)
class _Plan:
    """A document's font table and obfuscated font parts (in the table's order), and the
    families left out for their licence."""

    table: bytes
    fonts: tuple[bytes, ...]
    restricted: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Family:
    """One family of the font table: what describes it, its fallback name, and its faces to
    carry with the code points each needs."""

    name: str
    alternative: str | None
    facts: FontFacts | None
    faces: tuple[tuple[Face, FontFile, frozenset[int]], ...]


@functools.lru_cache(maxsize=32)
def _plan(theme: Theme, language: str, key: _CharacterKey) -> _Plan:
    families = _families(theme, language, key)
    restricted = tuple(
        family.name
        for family in families
        if family.faces and family.facts is not None and not family.facts.embeddable
    )
    fonts: list[bytes] = []
    table = OxmlElement("w:fonts", nsdecls={"w": nsmap["w"], "r": nsmap["r"]})
    for family in families:
        entry = _table_entry(family)
        table.append(entry)
        if not theme.docx.embed_fonts or family.name in restricted:
            continue
        for face, file, codepoints in family.faces:
            font_key, blob = _obfuscated(_carried(file, codepoints))
            fonts.append(blob)
            # Attached first, so that the ``r:`` prefix declared on the table is reused.
            embed = element(_EMBED_ELEMENT[face], fontKey=font_key)
            entry.append(embed)
            embed.set(qn("r:id"), f"rId{len(fonts)}")
    return _Plan(_xml(table), tuple(fonts), restricted)


def _families(theme: Theme, language: str, key: _CharacterKey) -> list[_Family]:
    """Every family the styles name, in the order they first appear, with the faces and code
    points the document needs of each."""
    fonts: dict[str, Font] = {}
    files: dict[str, FontFile | None] = {}
    faces: dict[str, dict[Face, tuple[FontFile, frozenset[int]]]] = {}

    def need(
        name: str, font: Font, face: Face, file: FontFile | None, codes: frozenset[int]
    ) -> None:
        fonts.setdefault(name, font)
        files[name] = files.get(name) or file
        if file is not None and codes:
            _, known = faces.setdefault(name, {}).get(face, (file, frozenset()))
            faces[name][face] = (file, codes | known)

    latin_faces = _latin_faces(theme, language)
    for font, main, face in latin_faces:
        codes = key.pages.codepoints(covered_codepoints(main)) if main else frozenset()
        need(script_families(font, language).latin, font, face, main, codes)
    for font, main, _ in latin_faces:
        scripts = script_families(font, language)
        for fallback in (scripts.east_asian, scripts.complex_script):
            if fallback is None or fallback == scripts.latin:
                continue
            # Only the regular face: bold text in another script is then emboldened from it,
            # by Word and LibreOffice alike, and a CJK face costs far more than a Latin one.
            file = family_face(font, fallback, "regular")
            codes = (
                needed_codepoints(file, key.lacking, behind=main) if file and main else frozenset()
            )
            need(fallback, font, "regular", file, codes)
    return [
        _Family(
            name,
            font.fallbacks[0] if font.fallbacks and name == font.family else None,
            _facts_of(files[name]),
            tuple((face, file, codes) for face, (file, codes) in faces.get(name, {}).items()),
        )
        for name, font in fonts.items()
    ]


@functools.lru_cache(maxsize=32)
def _latin_faces(theme: Theme, language: str) -> tuple[tuple[Font, FontFile | None, Face], ...]:
    """Each theme font and face the styles use, with the font file of its Latin family in
    exactly that face (``None`` when the family lacks it: Word then emboldens the regular)."""
    found = []
    for role, face in _USED_FACES:
        font: Font = getattr(theme.fonts, role)
        family = script_families(font, language).latin
        found.append((font, family_face(font, family, face), face))
    return tuple(found)


def _facts_of(file: FontFile | None) -> FontFacts | None:
    return None if file is None else font_facts(file)


def _carried(file: FontFile, codepoints: frozenset[int]) -> FontSubset:
    facts = font_facts(file)
    if facts is not None and facts.outlines == "cff":
        return truetype_subset(file, codepoints)
    return subset_font(file, codepoints)


@functools.lru_cache(maxsize=64)
def _obfuscated(subset: FontSubset) -> tuple[str, bytes]:
    """The font key (an upper-case GUID in braces, as LibreOffice requires) and the font with
    its first 32 bytes XORed with the key's bytes, last first (ECMA-376 Part 1, §17.8.1).

    The key comes from the font's SHA-256, so the same font gives the same bytes every time.
    """
    guid = uuid.UUID(bytes=hashlib.sha256(subset.data).digest()[:16])
    font_key = "{" + str(guid).upper() + "}"
    key = bytes.fromhex(guid.hex)[::-1]
    head = bytes(byte ^ key[index % 16] for index, byte in enumerate(subset.data[:32]))
    return font_key, head + subset.data[32:]


def _table_entry(family: _Family) -> etree._Element:
    """A ``w:font`` describing ``family``; the fonts it carries are added after it."""
    children = []
    if family.alternative:
        children.append(element("w:altName", val=family.alternative))
    facts = family.facts
    if facts is not None:
        if facts.panose.strip("0"):
            children.append(element("w:panose1", val=facts.panose))
        if facts.code_page_ranges[0] & 1:  # Latin 1: the font has an ANSI character set
            children.append(element("w:charset", val="00"))
        children.append(element("w:family", val=generic_family(facts)))
        children.append(element("w:pitch", val="fixed" if facts.fixed_pitch else "variable"))
        children.append(_signature(facts))
    return element("w:font", children, name=family.name)


def generic_family(facts: FontFacts) -> str:
    """The generic family Word substitutes within when the font is missing (``w:family``):
    from the PANOSE classification, else the IBM font class.

    Noto Serif is ``roman``, Noto Sans and DejaVu Sans ``swiss``, a monospaced font ``modern``.
    """
    family_type, serif_style, proportion = (int(facts.panose[i : i + 2], 16) for i in (0, 2, 6))
    if facts.fixed_pitch or (family_type == 2 and proportion == 9):
        return "modern"
    if family_type == 2:  # Latin text
        return "swiss" if serif_style >= 11 else "roman"
    if family_type == 3:
        return "script"
    if family_type in (4, 5):
        return "decorative"
    return _FAMILY_CLASS.get(facts.family_class >> 8, "auto")


# IBM font classes (OS/2 sFamilyClass, high byte): serifs, sans serif, ornamentals, scripts.
_FAMILY_CLASS = {1: "roman", 2: "roman", 3: "roman", 4: "roman", 5: "roman", 7: "roman"} | {
    8: "swiss",
    9: "decorative",
    10: "script",
}


def _signature(facts: FontFacts) -> etree._Element:
    """``w:sig``: the OS/2 Unicode and code page ranges, which Word matches substitutes by."""
    ranges = [
        *((f"usb{index}", value) for index, value in enumerate(facts.unicode_ranges)),
        *((f"csb{index}", value) for index, value in enumerate(facts.code_page_ranges)),
    ]
    signature = element("w:sig")
    for name, value in ranges:
        signature.set(qn(f"w:{name}"), f"{value:08X}")
    return signature


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
