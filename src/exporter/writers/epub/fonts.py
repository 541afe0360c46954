"""The theme's font files, embedded in the book so that it looks the same on every reader."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from exporter.errors import ThemeError
from exporter.theme import Theme
from exporter.writers.xhtml import FONT_FACES, FontFace

# The font formats EPUB 3 lists as core media types.
_MEDIA_TYPES = {
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    """One font file as it goes into the book: its ``@font-face`` entry, media type and bytes."""

    face: FontFace
    media_type: str
    data: bytes


def embedded_fonts(theme: Theme, folder: str) -> tuple[EmbeddedFont, ...]:
    """Every face of the theme's body, heading and title fonts that names a file.

    Relative paths are read from the theme file's folder. A family used by two roles is
    embedded once.
    """
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
            data = _read(path, theme.source)
            fonts[font.family, face] = EmbeddedFont(
                FontFace(font.family, face, url), media_type, data
            )
    return tuple(fonts.values())


def _resolve(file: str, theme: Theme) -> Path:
    path = Path(file).expanduser()
    if not path.is_absolute() and theme.source:
        path = Path(theme.source).parent / path
    return path


@functools.cache
def _read(path: Path, theme_source: str | None) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ThemeError(
            f"cannot read font file {path}: {error.strerror}", path=theme_source
        ) from error
