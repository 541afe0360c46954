"""Characters that no configured font can draw, found before rendering, so that the command
line can name them instead of printing a silent empty box: a warning, or an error for a tagged
PDF (PDF/UA forbids the empty box, the ``.notdef`` glyph)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.pdfbase import pdfmetrics

from exporter.errors import MissingGlyphError
from exporter.fonts import Face, missing_characters, needs_glyph
from exporter.model import Article, ListBlock, ParseWarning
from exporter.model import Paragraph as ParagraphBlock
from exporter.theme import Theme
from exporter.writers.pdf.typefaces import FaceChain, faces

_SHOWN = 12


def drawable(text: str, chain: FaceChain) -> str:
    """``text`` without the invisible characters (format characters, unusual spaces) that no
    font of ``chain`` has: drawn, they would print the font's empty box (``.notdef``).

    >>> from exporter.fonts import resolve_face
    >>> from exporter.theme import Font
    >>> drawable("a\u061cb", FaceChain((resolve_face(Font("DejaVu Sans"), "regular"),)))
    'ab'
    """
    characters = set(text)
    if all(chain.covers(0, character) for character in characters):
        return text  # the common case, decided once per distinct character
    dropped = {
        character
        for character in characters
        if not needs_glyph(character) and chain.font_index(character) is None
    }
    if not dropped:
        return text
    return "".join(character for character in text if character not in dropped)


def uncovered_characters(article: Article, theme: Theme) -> list[ParseWarning]:
    """One warning per part of the handout with characters its fonts lack (and one per face
    a theme's own font files lack). The warnings hold no line, only the ``characters``: the
    article does not know its lines (see :func:`exporter.reading.locate_characters`).

    A tagged PDF that refuses such characters (see :func:`refuse_missing_glyphs`) gets no
    warning about them: rendering fails with the same news as an error.

    >>> from exporter.model import Article
    >>> uncovered_characters(Article(title="Ωmega"), Theme())
    []
    """
    warnings = [ParseWarning(0, message) for message in _missing_faces(theme)]
    if refuses_missing_glyphs(theme):
        return warnings
    for where, role, missing in _uncovered(article, theme):
        warnings.append(ParseWarning(0, _message(missing, where, role), characters=missing))
    return warnings


def refuses_missing_glyphs(theme: Theme) -> bool:
    """Whether a character no font has stops rendering (a tagged PDF, unless the theme says
    ``pdf.missing_glyphs = "warn"``)."""
    return theme.pdf.tagged and theme.pdf.missing_glyphs == "error"


def refuse_missing_glyphs(article: Article, theme: Theme) -> None:
    """Raise :class:`~exporter.errors.MissingGlyphError` naming every character of ``article``
    that no font of ``theme`` has; the error holds no line (as the warnings)."""
    found = _uncovered(article, theme)
    if not found:
        return
    parts = "; ".join(f"{_named(missing)} in the {where}" for where, _, missing in found)
    roles = sorted({role for _, role, _ in found})
    raise _error(parts, "".join(missing for _, _, missing in found), " and ".join(roles))


def refuse_drawn_without_glyph(canvas: Any) -> None:
    """Raise :class:`~exporter.errors.MissingGlyphError` if the document drawn on ``canvas``
    shows a character with the ``.notdef`` glyph of a font that lacks it (a last check after
    :func:`refuse_missing_glyphs`, for characters it lets through as invisible)."""
    document = canvas._doc
    missing: set[str] = set()
    for name in document.fontMapping:
        font = pdfmetrics.getFont(name)
        state = getattr(font, "state", {}).get(document)
        glyphs = getattr(getattr(font, "face", None), "charToGlyph", None)
        if state is not None and glyphs is not None:
            missing.update(chr(code) for code in state.assignments if code and code not in glyphs)
    if missing:
        characters = "".join(sorted(missing))
        raise _error(_named(characters), characters, "")


def _error(found: str, characters: str, roles: str) -> MissingGlyphError:
    fonts = f"the theme's {roles} font fallbacks" if roles else "the theme's font fallbacks"
    return MissingGlyphError(
        f"PDF: no font has {found}; a tagged PDF (PDF/UA) may not print them as empty boxes — "
        f'add a font that has them to {fonts}, or set pdf.missing_glyphs = "warn"',
        characters="".join(sorted(set(characters))),
    )


def _uncovered(article: Article, theme: Theme) -> list[tuple[str, str, str]]:
    """``(part, theme font role, characters)`` for each part of the handout with characters
    that its fonts lack."""
    body = faces(theme.fonts.body, "regular")
    heading = faces(theme.fonts.heading, "bold")
    running = faces(theme.fonts.heading, "regular")
    parts: list[tuple[str, str, Iterable[str], FaceChain, bool]] = [
        ("title", "title", [article.title], faces(theme.fonts.title, "bold"), True),
        ("subtitle", "title", [article.subtitle or ""], faces(theme.fonts.title, "regular"), True),
        ("author and date", "heading", _meta(article), running, True),
        ("key points label", "heading", _label(article, theme), heading, True),
        ("section headings", "heading", article.headings, heading, True),
        ("body text", "body", _body_texts(article), body, True),
        ("header and footer", "heading", _running_texts(article, theme), running, True),
        # Bullets are drawn in the main font only, without fallbacks.
        ("bullets", "body", _bullets(article, theme), body, False),
    ]
    found = []
    for where, role, texts, chain, with_fallbacks in parts:
        missing = _missing("".join(texts), chain, with_fallbacks)
        if missing:
            found.append((where, role, missing))
    return found


# The faces the PDF sets each theme font in.
_USED_FACES: tuple[tuple[str, Face], ...] = (
    ("title", "bold"),
    ("title", "regular"),
    ("heading", "bold"),
    ("heading", "regular"),
    ("body", "regular"),
)


def _missing_faces(theme: Theme) -> Iterable[str]:
    """A theme font given as files that lacks a face the PDF needs falls back, and says so."""
    for role, face in _USED_FACES:
        font = getattr(theme.fonts, role)
        if font.files and face not in dict(font.files):
            used = faces(font, face).paths[0].name
            yield (
                f'theme font "{font.family}" (fonts.{role}) has no {face.replace("_", " ")} '
                f"file; {role} text is set in {used} instead"
            )


def _body_texts(article: Article) -> Iterable[str]:
    yield from article.key_points
    for block in article.blocks():
        match block:
            case ParagraphBlock():
                yield block.text
            case ListBlock():
                yield from block.items


def _meta(article: Article) -> Iterable[str]:
    return [article.metadata.author or "", article.metadata.date or ""]


def _label(article: Article, theme: Theme) -> Iterable[str]:
    return [theme.key_points.label_for(article.metadata.language)] if article.key_points else []


def _bullets(article: Article, theme: Theme) -> Iterable[str]:
    if article.key_points or any(isinstance(block, ListBlock) for block in article.blocks()):
        yield theme.key_points.bullet


def _running_texts(article: Article, theme: Theme) -> Iterable[str]:
    templates = " ".join(
        f"{part.left} {part.center} {part.right}" for part in (theme.header, theme.footer)
    )
    yield templates.translate(str.maketrans("", "", "{}"))
    if "title}" in templates:
        yield article.title
    if "{author}" in templates:
        yield article.metadata.author or ""
    if "{date}" in templates:
        yield article.metadata.date or ""


def _missing(text: str, chain: FaceChain, with_fallbacks: bool) -> str:
    return "".join(
        sorted(missing_characters(text, chain.paths if with_fallbacks else chain.paths[:1]))
    )


def _message(missing: str, where: str, role: str) -> str:
    return (
        f"PDF: no font has {_named(missing)} in the {where}; they would print as empty boxes — "
        f"add a font that has them to the theme's {role} font fallbacks"
    )


def _named(missing: str) -> str:
    """``'ꀀ' (U+A000), 'ꀁ' (U+A001)``: the first few characters, and how many more."""
    shown = ", ".join(f"{character!r} (U+{ord(character):04X})" for character in missing[:_SHOWN])
    return shown + (f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else "")
