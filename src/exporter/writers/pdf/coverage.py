"""Characters that no configured font can draw, found before rendering, so that the command
line can name them instead of printing a silent empty box: a warning, or an error for a tagged
PDF (PDF/UA forbids the empty box, the ``.notdef`` glyph)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from reportlab.pdfbase import pdfmetrics

from exporter.errors import MissingGlyphError
from exporter.fonts import Face, missing_characters, needs_glyph
from exporter.fonts.missing import font_warnings
from exporter.model import Article, Inline, ListBlock, ParseWarning, block_texts
from exporter.text.languages import document_language
from exporter.text.metadata import credit
from exporter.text.wording import Words, words_for
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
    if covered_by_main_font(text, chain):
        return text  # the common case
    characters = set(text)
    dropped = {
        character
        for character in characters
        if not needs_glyph(character) and chain.font_index(character) is None
    }
    if not dropped:
        return text
    return "".join(character for character in text if character not in dropped)


def covered_by_main_font(text: str, chain: FaceChain) -> bool:
    """Whether the main font of ``chain`` has a glyph for every character of ``text``.

    Each character is looked up in the font once per process: text is mostly characters
    seen before, and comparing sets is done in C (only the characters beyond printable ASCII,
    found by a regex, when the font has all of ASCII).

    >>> from exporter.fonts import resolve_face
    >>> from exporter.theme import Font
    >>> chain = FaceChain((resolve_face(Font("DejaVu Sans"), "regular"),))
    >>> covered_by_main_font("Ωmega", chain), covered_by_main_font("中", chain)
    (True, False)
    """
    known, has_ascii = _main_font(chain)
    characters = set(_BEYOND_ASCII.findall(text)) if has_ascii else set(text)
    if characters <= known:
        return True
    new = characters - known
    covered = {character for character in new if chain.covers(0, character)}
    known.update(covered)
    return len(covered) == len(new)


_PRINTABLE_ASCII = "".join(map(chr, range(0x20, 0x7F)))
_BEYOND_ASCII = re.compile("[^\x20-\x7e]")


@functools.lru_cache(maxsize=64)  # a chain per face of the few cached style sets
def _main_font(chain: FaceChain) -> tuple[set[str], bool]:
    """The characters found so far that the main font of ``chain`` has (only ever grows), and
    whether it has all of printable ASCII."""
    has_ascii = all(chain.covers(0, character) for character in _PRINTABLE_ASCII)
    return set(), has_ascii


def uncovered_characters(article: Article, theme: Theme) -> list[ParseWarning]:
    """One warning per part of the handout with characters its fonts lack (and one per face
    a theme's own font files lack, and one per theme family that cannot be found), naming the
    first line of the brief that holds one.

    A tagged PDF that refuses such characters (see :func:`refuse_missing_glyphs`) gets no
    warning about them: rendering fails with the same news as an error.

    >>> from exporter.model import Article
    >>> uncovered_characters(Article(title="Ωmega"), Theme())
    []
    """
    language = document_language(article)
    warnings = font_warnings(article, theme)
    warnings += [ParseWarning(None, message) for message in _missing_faces(theme, language)]
    if refuses_missing_glyphs(theme):
        return warnings
    for found in _uncovered(article, theme):
        message = _message(found.characters, found.where, found.role)
        warnings.append(ParseWarning(found.line, message, characters=found.characters))
    return warnings


def refuses_missing_glyphs(theme: Theme) -> bool:
    """Whether a character no font has stops rendering (a tagged PDF, unless the theme says
    ``pdf.missing_glyphs = "warn"``)."""
    return theme.pdf.tagged and theme.pdf.missing_glyphs == "error"


def refuse_missing_glyphs(article: Article, theme: Theme, words: Words | None = None) -> None:
    """Raise :class:`~exporter.errors.MissingGlyphError` naming every character of ``article``
    that no font of ``theme`` has, and the first line of the brief that holds one (``words``:
    the handout's, when the caller has them)."""
    found = _uncovered(article, theme, words)
    if not found:
        return
    characters = "".join(sorted({char for part in found for char in part.characters}))
    where = _listed([part.where for part in found])
    roles = _listed(sorted({part.role for part in found}))
    lines = [part.line for part in found if part.line is not None]
    raise _error(
        f"{_named(characters)} in the {where}", characters, roles, min(lines, default=None)
    )


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
        raise _error(_named(characters), characters, "", None)


def _listed(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``.

    >>> _listed(["title"]), _listed(["body", "heading", "title"])
    ('title', 'body, heading and title')
    """
    return " and ".join(filter(None, (", ".join(words[:-1]), words[-1])))


def _error(found: str, characters: str, roles: str, line: int | None) -> MissingGlyphError:
    fonts = f"the theme's {roles} font fallbacks" if roles else "the theme's font fallbacks"
    return MissingGlyphError(
        f"PDF: no font has {found}; a tagged PDF (PDF/UA) may not print them as empty boxes — "
        f'add a font that has them to {fonts}, or set pdf.missing_glyphs = "warn"',
        characters="".join(sorted(set(characters))),
        line=line,
    )


class _Uncovered(NamedTuple):
    """Characters that the fonts of one part of the handout lack, and the first line of the
    brief holding one (``None`` when they come from the theme)."""

    where: str
    role: str  # the theme font of the part
    characters: str
    line: int | None


def _uncovered(article: Article, theme: Theme, words: Words | None = None) -> list[_Uncovered]:
    """Each part of the handout with characters that its fonts lack."""
    language = document_language(article)
    body = faces(theme.fonts.body, "regular", language)
    heading = faces(theme.fonts.heading, "bold", language)
    running = faces(theme.fonts.heading, "regular", language)
    words = words or words_for(article, theme)
    title = Inline(article.title, line=article.title_line)
    subtitle = Inline(article.subtitle or "", line=article.subtitle_line)
    parts: list[tuple[str, str, Sequence[Inline], FaceChain, bool]] = [
        ("title", "title", [title], faces(theme.fonts.title, "bold", language), True),
        ("subtitle", "title", [subtitle], faces(theme.fonts.title, "regular", language), True),
        ("author and date", "heading", _meta(article, words), running, True),
        ("key points label", "heading", _label(article, theme), heading, True),
        ("section headings", "heading", _headings(article), heading, True),
        ("body text", "body", _body_texts(article), body, True),
        ("header and footer", "heading", _running_texts(article, words), running, True),
        # Bullets are drawn in the main font only, without fallbacks.
        ("bullets", "body", _bullets(article, theme), body, False),
    ]
    found = []
    for where, role, texts, chain, with_fallbacks in parts:
        missing = _missing("".join(piece.text for piece in texts), chain, with_fallbacks)
        if missing:
            found.append(_Uncovered(where, role, missing, _first_line(missing, texts)))
    return found


def _first_line(characters: str, texts: Iterable[Inline]) -> int | None:
    """The line of the first of ``texts`` that holds one of ``characters``."""
    wanted = re.compile(f"[{re.escape(characters)}]")
    return next((piece.line for piece in texts if wanted.search(piece.text)), None)


# The faces the PDF sets each theme font in (spans add others, which fall back silently).
_USED_FACES: tuple[tuple[str, Face], ...] = (
    ("title", "bold"),
    ("title", "regular"),
    ("heading", "bold"),
    ("heading", "regular"),
    ("body", "regular"),
)


def _missing_faces(theme: Theme, language: str | None) -> Iterable[str]:
    """A theme font given as files that lacks a face the PDF needs falls back, and says so."""
    for role, face in _USED_FACES:
        font = getattr(theme.fonts, role)
        if font.files and face not in dict(font.files):
            used = faces(font, face, language).files[0].name
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


def _meta(article: Article, words: Words) -> list[Inline]:
    """The byline's credit and date, in the words and digits the handout shows them in."""
    metadata = article.metadata
    return [
        Inline(credit(article, words) or "", line=metadata.lines.get("author")),
        Inline(words.date(metadata.date), line=metadata.lines.get("date")),
    ]


def _label(article: Article, theme: Theme) -> list[Inline]:
    label = theme.key_points.label_for(article.metadata.language)
    return [Inline(label)] if article.key_points else []


def _bullets(article: Article, theme: Theme) -> list[Inline]:
    if article.key_points or any(isinstance(block, ListBlock) for block in article.blocks()):
        return [Inline(theme.key_points.bullet)]
    return []


def _running_texts(article: Article, words: Words) -> list[Inline]:
    templates = " ".join(
        f"{part.left} {part.center} {part.right}" for part in (words.header, words.footer)
    )
    texts = [Inline(templates.translate(str.maketrans("", "", "{}")))]
    if "title}" in templates:
        texts.append(Inline(article.title, line=article.title_line))
    if "{author}" in templates:
        texts.append(Inline(words.names(article.metadata.authors)))
    if "{date}" in templates:
        texts.append(_meta(article, words)[1])
    if "{page" in templates:
        texts.append(Inline(words.digits))
    return texts


def _missing(text: str, chain: FaceChain, with_fallbacks: bool) -> str:
    if covered_by_main_font(text, chain):  # the usual case, quickly
        return ""
    return "".join(
        sorted(missing_characters(text, chain.files if with_fallbacks else chain.files[:1]))
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
