"""The Word file's fonts: which family each script is set in, and the fonts the file carries,
so that it looks the same on a machine without them (ECMA-376 Part 1, §17.8).

Each theme font names three families (``w:rFonts``): its own for Latin text, and the first
family of its chain with the document's East Asian and complex script. Every family named
goes into the font table (:mod:`exporter.writers.docx.font_table`), and, unless the theme says
``docx.embed_fonts = false``, the file carries a subset of every face the document uses: the
pages of characters the document has (:mod:`exporter.fonts.subsets`), as an obfuscated
``word/fonts/fontN.odttf``. Fonts whose licence (OS/2 ``fsType``) forbids embedding or
subsetting are named but not carried. CFF fonts (Noto CJK) are carried as their TrueType
conversion, which Word and LibreOffice both read.

What a document needs is worked out once per theme, language and set of character pages, so a
batch of briefs in one script shares one set of font parts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from exporter.fonts import (
    FACES,
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
from exporter.text.languages import document_language, primary_language
from exporter.theme import Font, Theme
from exporter.writers.docx.font_table import (
    OBFUSCATED_FONT,
    add_embedded,
    family_entry,
    font_table,
    obfuscated,
    table_xml,
)

# The faces the styles set each theme font in (title bold; subtitle, byline and running
# heads in the heading font's regular face; headings and the key-points label bold).
_USED_FACES: tuple[tuple[str, Face], ...] = (
    ("body", "regular"),
    ("heading", "regular"),
    ("heading", "bold"),
    ("title", "bold"),
)

# A character of each script Word sets in the East Asian or complex-script font, by language.
_EAST_ASIAN_SAMPLE = {"ko": "한", "ja": "あ"}
_COMPLEX_SAMPLE = {"he": "א", "yi": "א"}  # tags are normalised: "iw" is read as "he"


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
    primary = primary_language(language)
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
                None,
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
    marked_faces: tuple[tuple[str, Face], ...] = ()

    @classmethod
    def of(cls, article: Article, theme: Theme, language: str) -> _CharacterKey:
        characters = document_characters(article, theme)
        everywhere = _in_every_latin_font(theme, language)
        lacking = {c for c in characters if ord(c) not in everywhere}
        lacking.update(c for c in characters if not needs_glyph(c))
        return cls(CharacterPages.of(characters), frozenset(lacking), _marked_faces(article))


def _marked_faces(article: Article) -> tuple[tuple[str, Face], ...]:
    """The faces beyond the styles' own that marked text sets (strong, emphasis, code):
    carried only by documents that have such text."""
    found: set[tuple[str, Face]] = set()
    for piece in article.texts():
        for span in piece.spans:
            if span.code:
                found.add(("code", "regular"))
            elif span.strong or span.emphasis:
                face: Face = (
                    "bold_italic"
                    if span.strong and span.emphasis
                    else "bold"
                    if span.strong
                    else "italic"
                )
                found.add(("body", face))
    return tuple(sorted(found))


@functools.lru_cache(maxsize=32)
def _in_every_latin_font(theme: Theme, language: str) -> frozenset[int]:
    """The code points every Latin font of the styles has (what no fallback is needed for)."""
    mains = [main for _, main, _ in _latin_faces(theme, language) if main is not None]
    coverages = [covered_codepoints(main) for main in mains]
    return frozenset.intersection(*coverages) if coverages else frozenset()


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
    table = font_table()
    for family in families:
        entry = family_entry(table, family.name, family.alternative, family.facts)
        if not theme.docx.embed_fonts or family.name in restricted:
            continue
        for face, file, codepoints in family.faces:
            font_key, blob = _obfuscated(_carried(file, codepoints))
            fonts.append(blob)
            # The relationships are made in this order, so these are the ids they get.
            add_embedded(entry, face, f"rId{len(fonts)}", font_key)
    return _Plan(table_xml(table), tuple(fonts), restricted)


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

    latin_faces = _latin_faces(theme, language, key.marked_faces)
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
            # In the order the font table's schema lists the faces (regular, bold, italic…).
            tuple(
                (face, file, codes)
                for face, (file, codes) in sorted(
                    faces.get(name, {}).items(), key=lambda item: FACES.index(item[0])
                )
            ),
        )
        for name, font in fonts.items()
    ]


@functools.lru_cache(maxsize=32)
def _latin_faces(
    theme: Theme, language: str, marked: tuple[tuple[str, Face], ...] = ()
) -> tuple[tuple[Font, FontFile | None, Face], ...]:
    """Each theme font and face the styles use (and the ``marked`` faces marked text sets),
    with the font file of its Latin family in exactly that face (``None`` when the family
    lacks it: Word then emboldens or slants the regular)."""
    found = []
    for role, face in dict.fromkeys((*_USED_FACES, *marked)):
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
    return obfuscated(subset.data)
