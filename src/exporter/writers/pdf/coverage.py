"""Characters that no configured font can draw, found before rendering, so that the command
line can name them instead of printing a silent empty box."""

from __future__ import annotations

from collections.abc import Iterable

from exporter.fonts import missing_characters
from exporter.fonts.missing import font_warnings
from exporter.fonts.usage import body_texts
from exporter.model import Article, ListBlock, ParseWarning
from exporter.theme import Theme
from exporter.writers.pdf.styles import USED_FACES
from exporter.writers.pdf.typefaces import FaceChain, faces

_SHOWN = 12


def uncovered_characters(article: Article, theme: Theme) -> list[ParseWarning]:
    """One warning per theme family that cannot be found, per face a theme's own font files
    lack, and per part of the handout with characters its fonts lack. The last hold no
    line, only the ``characters``: the article does not know its lines (see
    :func:`exporter.reading.locate_characters`).

    >>> from exporter.model import Article
    >>> uncovered_characters(Article(title="Ωmega"), Theme())
    []
    """
    language = article.metadata.language
    body = faces(theme.fonts.body, "regular", language)
    heading = faces(theme.fonts.heading, "bold", language)
    running = faces(theme.fonts.heading, "regular", language)
    title = faces(theme.fonts.title, "bold", language)
    subtitle = faces(theme.fonts.title, "regular", language)
    parts: list[tuple[str, str, Iterable[str], FaceChain, bool]] = [
        ("title", "title", [article.title], title, True),
        ("subtitle", "title", [article.subtitle or ""], subtitle, True),
        ("author and date", "heading", _meta(article), running, True),
        ("key points label", "heading", _label(article, theme), heading, True),
        ("section headings", "heading", article.headings, heading, True),
        ("body text", "body", body_texts(article), body, True),
        ("header and footer", "heading", _running_texts(article, theme), running, True),
        # Bullets are drawn in the main font only, without fallbacks.
        ("bullets", "body", _bullets(article, theme), body, False),
    ]
    warnings = font_warnings(article, theme)
    warnings += [ParseWarning(0, message) for message in _missing_faces(theme, language)]
    for where, role, texts, chain, with_fallbacks in parts:
        missing = _missing("".join(texts), chain, with_fallbacks)
        if missing:
            warnings.append(ParseWarning(0, _message(missing, where, role), characters=missing))
    return warnings


def _missing_faces(theme: Theme, language: str | None) -> Iterable[str]:
    """A theme font given as files that lacks a face the PDF needs falls back, and says so."""
    for role, face in USED_FACES:
        font = getattr(theme.fonts, role)
        if font.files and face not in dict(font.files):
            used = faces(font, face, language).files[0].name
            yield (
                f'theme font "{font.family}" (fonts.{role}) has no {face.replace("_", " ")} '
                f"file; {role} text is set in {used} instead"
            )


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
        sorted(missing_characters(text, chain.files if with_fallbacks else chain.files[:1]))
    )


def _message(missing: str, where: str, role: str) -> str:
    shown = ", ".join(f"{character!r} (U+{ord(character):04X})" for character in missing[:_SHOWN])
    more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
    return (
        f"PDF: no font has {shown}{more} in the {where}; they would print as empty boxes — "
        f"add a font that has them to the theme's {role} font fallbacks"
    )
