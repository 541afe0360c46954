"""The brief parser: bytes or text to an :class:`~exporter.model.Article`, read as a person
would.

The order of decisions follows how an editor reads a brief: the front matter, an e-mail's
wrapper (headers, greeting, signature), the brief's language (stated, or detected), then its
lines, read as plain text or as Markdown (``.md`` briefs, or ``markup: markdown`` in the front
matter), and last what each piece is (:mod:`exporter.reading.builder`). The rules are documented
in ``docs/brief-format.md``.
"""

from __future__ import annotations

from pathlib import Path

from exporter.errors import BriefError
from exporter.model import Article, ParseWarning
from exporter.reading.builder import ArticleBuilder
from exporter.reading.bylines import read_byline, read_date
from exporter.reading.decode import DecodedText, decode_brief, sanitise_text
from exporter.reading.frontmatter import FrontMatter, read_front_matter
from exporter.reading.hyphens import hyphen_joiner
from exporter.reading.labels import is_label, labelled_point
from exporter.reading.language import settle_language
from exporter.reading.lines import Unit, tokenise
from exporter.reading.markdown import markdown_units
from exporter.reading.wrappers import source_of, unwrap_email
from exporter.text.languages import LanguageTagError, normalise_language


def parse_text(
    text: str, source: str | Path | None = None, *, language: str | None = None
) -> Article:
    """Parse a brief given as text; ``source`` names it in messages and metadata.

    ``language`` (a BCP 47 tag) overrides the brief's own; without either, the language is
    detected from the text and a warning says so.

    >>> article = parse_text("- Rates held\\nRates on Hold\\nThe bank kept rates unchanged.")
    >>> article.title, [(point.text, point.line) for point in article.key_points]
    ('Rates on Hold', [('Rates held', 1)])
    """
    name = str(source) if source is not None else None
    return _parse_clean(sanitise_text(text, name), name, language)


def parse_bytes(
    data: bytes, source: str | Path | None = None, *, language: str | None = None
) -> Article:
    """Parse a brief given as bytes in any common encoding (UTF-8 preferred)."""
    name = str(source) if source is not None else None
    return _parse_clean(decode_brief(data, name), name, language)


def parse_file(path: str | Path, *, language: str | None = None) -> Article:
    """Read and parse the brief at ``path``.

    Raises :class:`BriefError` (a ``ValueError``) with the path and line for bad input.
    """
    return parse_bytes(read_brief(path), path, language=language)


def read_brief(path: str | Path) -> bytes:
    """The bytes of the brief at ``path``, or a :class:`BriefError` saying why not."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise BriefError("is a folder, not a brief", path=path) from None
    except FileNotFoundError:
        raise BriefError("no such file", path=path) from None
    except OSError as error:
        raise BriefError(f"cannot read the file: {error.strerror or error}", path=path) from None


def _parse_clean(decoded: DecodedText, source: str | None, language: str | None) -> Article:
    override = _override(language, source)
    lines = decoded.text.split("\n")
    front = read_front_matter(lines, source)
    email = unwrap_email(lines[front.body_start :], front.body_start + 1)
    settled, language_notes = settle_language(
        override, front.metadata.language, "\n".join(email.lines)
    )
    warnings: list[ParseWarning] = [*decoded.warnings, *front.warnings, *email.notes]
    units = _units(email.lines, email.first_number, source, front, settled, warnings)
    if not units and front.title is None and email.title is None:
        where = "after its front matter" if front.body_start else "besides rules and markup"
        raise BriefError(f"the brief has no text {where}", path=source)
    builder = ArticleBuilder(units, front, email, source, settled)
    return builder.build(warnings=(*warnings, *language_notes))


def _override(language: str | None, source: str | None) -> str | None:
    if language is None:
        return None
    try:
        return normalise_language(language)
    except LanguageTagError as error:
        raise BriefError(f"language override: {error}", path=source) from None


def _units(
    lines: list[str],
    first_number: int,
    source: str | None,
    front: FrontMatter,
    language: str | None,
    warnings: list[ParseWarning],
) -> list[Unit]:
    """The brief's body as units: read as Markdown when it says so, else as plain text."""

    def is_wrapper_line(text: str) -> bool:
        return (
            is_label(text)
            or labelled_point(text) is not None
            or read_byline(text, language) is not None
            or read_date(text, language) is not None
            or source_of(text) is not None
        )

    if is_markdown(source, front):
        return markdown_units(lines, first_number, is_wrapper_line, warnings)
    join_hyphen = hyphen_joiner("\n".join(lines), language)
    return tokenise(lines, first_number, join_hyphen, is_wrapper_line)


def is_markdown(source: str | None, front: FrontMatter) -> bool:
    """Whether a brief is Markdown: its name ends in ``.md`` (or ``.markdown``), or its front
    matter says ``markup: markdown``; any other ``markup`` value (``text``) means plain text."""
    markup = front.metadata.extra.get("markup")
    if isinstance(markup, str) and markup.strip():
        return markup.strip().lower() in ("markdown", "md", "commonmark")
    return source is not None and Path(source).suffix.lower() in (".md", ".markdown")
