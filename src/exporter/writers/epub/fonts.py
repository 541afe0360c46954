"""The theme's font files, embedded in the book so that it looks the same on every reader.

Each is cut down to the pages of characters the book has (:mod:`exporter.fonts.subsets`), so a
book carries a few dozen kilobytes of each face rather than the whole font, and the subsets of
one theme are shared by the briefs in one script.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporter.errors import ThemeError
from exporter.fonts import FontFile, covered_codepoints
from exporter.fonts.facts import UnusableFontError
from exporter.fonts.subsets import CharacterPages, subset_font
from exporter.theme import Theme
from exporter.writers.xhtml import FONT_FACES, FontFace

# The font formats EPUB 3 lists as core media types that a theme may give (WOFF web fonts are
# not among them: PDF and DOCX need the fonts they wrap).
_MEDIA_TYPES = {".ttf": "font/ttf", ".otf": "font/otf"}


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    """One font file as it goes into the book: its ``@font-face`` entry, media type and bytes."""

    face: FontFace
    media_type: str
    data: bytes


def embedded_fonts(
    theme: Theme, folder: str, characters: frozenset[str]
) -> tuple[EmbeddedFont, ...]:
    """Every face of the theme's body, heading and title fonts that names a file, with the
    glyphs of the pages of ``characters`` (the book's).

    Relative paths are read from the theme file's folder. A family used by two roles is
    embedded once.
    """
    pages = CharacterPages.of(characters)
    fonts: dict[tuple[str, str], EmbeddedFont] = {}
    for role in ("body", "heading", "title"):
        font = getattr(theme.fonts, role)
        for face, file in font.files:
            if (font.family, face) in fonts:
                continue
            path = _resolve(file, theme)
            media_type = _MEDIA_TYPES.get(path.suffix.lower())
            if face not in FONT_FACES or media_type is None:
                raise ThemeError(
                    f"fonts.{role}: cannot embed {face!r} face {file!r} — faces are "
                    f"{', '.join(FONT_FACES)}; files are {', '.join(_MEDIA_TYPES)}",
                    path=theme.source,
                )
            url = f"{folder}/font-{len(fonts) + 1}{path.suffix.lower()}"
            data = _subset(path, pages, theme.source)
            fonts[font.family, face] = EmbeddedFont(
                FontFace(font.family, face, url), media_type, data
            )
    return tuple(fonts.values())


def _resolve(file: str, theme: Theme) -> Path:
    path = Path(file).expanduser()
    if not path.is_absolute() and theme.source:
        path = Path(theme.source).parent / path
    return path


def _subset(path: Path, pages: CharacterPages, theme_source: str | None) -> bytes:
    file = FontFile(path)
    try:
        return subset_font(file, pages.codepoints(covered_codepoints(file))).data
    except (OSError, UnusableFontError) as error:  # the file changed since the theme loaded
        reason = error.strerror if isinstance(error, OSError) else error
        raise ThemeError(f"cannot read font file {path}: {reason}", path=theme_source) from error
