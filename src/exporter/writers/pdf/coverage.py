"""Characters that no configured font can draw, found before rendering, so that the command
line can name them instead of printing a silent empty box."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from exporter.fonts import Face, missing_characters
from exporter.model import Article, Inline, ListBlock, ParseWarning, block_texts
from exporter.theme import Theme
from exporter.writers.pdf.typefaces import FaceChain, faces

_SHOWN = 12


def uncovered_characters(article: Article, theme: Theme) -> list[ParseWarning]:
    """One warning per part of the handout with characters its fonts lack (and one per face
    a theme's own font files lack), naming the first line of the brief that holds one.

    >>> from exporter.model import Article
    >>> uncovered_characters(Article(title="Ωmega"), Theme())
    []
    """
    body = faces(theme.fonts.body, "regular")
    heading = faces(theme.fonts.heading, "bold")
    running = faces(theme.fonts.heading, "regular")
    title = Inline(article.title, line=article.title_line)
    subtitle = Inline(article.subtitle or "", line=article.subtitle_line)
    parts: list[tuple[str, str, Sequence[Inline], FaceChain, bool]] = [
        ("title", "title", [title], faces(theme.fonts.title, "bold"), True),
        ("subtitle", "title", [subtitle], faces(theme.fonts.title, "regular"), True),
        ("author and date", "heading", _meta(article), running, True),
        ("key points label", "heading", _label(article, theme), heading, True),
        ("section headings", "heading", _headings(article), heading, True),
        ("body text", "body", _body_texts(article), body, True),
        ("header and footer", "heading", _running_texts(article, theme), running, True),
        # Bullets are drawn in the main font only, without fallbacks.
        ("bullets", "body", _bullets(article, theme), body, False),
    ]
    warnings = [ParseWarning(None, message) for message in _missing_faces(theme)]
    for where, role, texts, chain, with_fallbacks in parts:
        missing = _missing("".join(piece.text for piece in texts), chain, with_fallbacks)
        if missing:
            line = _first_line(missing, texts)
            message = _message(missing, where, role)
            warnings.append(ParseWarning(line, message, characters=missing))
    return warnings


def _first_line(characters: str, texts: Iterable[Inline]) -> int | None:
    """The line of the first of ``texts`` that holds one of ``characters``."""
    wanted = re.compile(f"[{re.escape(characters)}]")
    return next((piece.line for piece in texts if wanted.search(piece.text)), None)


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


def _headings(article: Article) -> list[Inline]:
    return [section.heading for section in article.sections if section.heading is not None]


def _body_texts(article: Article) -> list[Inline]:
    texts = list(article.key_points)
    for block in article.blocks():
        texts.extend(block_texts(block))
    return texts


def _meta(article: Article) -> list[Inline]:
    metadata = article.metadata
    return [
        Inline(metadata.author or "", line=metadata.lines.get("author")),
        Inline(metadata.date or "", line=metadata.lines.get("date")),
    ]


def _label(article: Article, theme: Theme) -> list[Inline]:
    label = theme.key_points.label_for(article.metadata.language)
    return [Inline(label)] if article.key_points else []


def _bullets(article: Article, theme: Theme) -> list[Inline]:
    if article.key_points or any(isinstance(block, ListBlock) for block in article.blocks()):
        return [Inline(theme.key_points.bullet)]
    return []


def _running_texts(article: Article, theme: Theme) -> list[Inline]:
    templates = " ".join(
        f"{part.left} {part.center} {part.right}" for part in (theme.header, theme.footer)
    )
    texts = [Inline(templates.translate(str.maketrans("", "", "{}")))]
    if "title}" in templates:
        texts.append(Inline(article.title, line=article.title_line))
    if "{author}" in templates:
        texts.append(_meta(article)[0])
    if "{date}" in templates:
        texts.append(_meta(article)[1])
    return texts


def _missing(text: str, chain: FaceChain, with_fallbacks: bool) -> str:
    return "".join(
        sorted(missing_characters(text, chain.paths if with_fallbacks else chain.paths[:1]))
    )


def _message(missing: str, where: str, role: str) -> str:
    shown = ", ".join(f"{character!r} (U+{ord(character):04X})" for character in missing[:_SHOWN])
    more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
    return (
        f"PDF: no font has {shown}{more} in the {where}; they would print as empty boxes — "
        f"add a font that has them to the theme's {role} font fallbacks"
    )
