"""What a theme file may contain: every table, key and the converter that checks its value.

A converter takes the raw TOML value and returns what the :class:`~exporter.theme.Theme` stores,
or raises :class:`ValueError` saying what was expected. The schema is the single list of keys:
the loader validates against it and ``docs/themes.md`` documents it.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from exporter.inputs import UnreadableFileError, open_regular_file
from exporter.text.languages import FALLBACK_LANGUAGE, is_language_tag
from exporter.text.templates import PLACEHOLDERS
from exporter.theme._images import image_kind
from exporter.theme._units import (
    describe_value,
    lookup_page_size,
    page_size_names,
    parse_color,
    parse_length,
    quoted,
)
from exporter.theme._values import DATE_STYLES, NUMBER_STYLES, Color, Font

#: Turns a raw TOML value into a theme value. ``base`` is the theme file's folder, for paths.

Converter = Callable[[object, Path], object]

#: The keys of a font table.
FONT_KEYS = ("family", "fallbacks", "files")

#: The faces a font's ``files`` table may name.
FONT_FACES = ("regular", "bold", "italic", "bold_italic")


class NestedValueError(ValueError):
    """A problem with one key inside a table value (``files.regular`` of a font)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def text(value: object, _base: Path) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {describe_value(value)}")
    return value


class Fields(dict[str, object]):
    """What a converter returns when one key of the file sets several fields of the theme."""


def label(value: object, _base: Path) -> Fields:
    """A label, or a table of labels by language tag (the first one for other languages).

    Either way it sets ``label`` and ``translations`` together, so a theme that changes the
    label never keeps the translations of the label it replaced.
    """
    if isinstance(value, str):
        return Fields(label=value, translations=())
    if not isinstance(value, dict) or not value:
        raise ValueError(
            'expected a string, or a table of labels by language such as { en = "Key points", '
            f'fr = "Points clés" }}, got {describe_value(value)}'
        )
    for tag, translated in value.items():
        if not is_language_tag(tag):
            raise NestedValueError(tag, 'expected a language tag such as "fr" or "pt-BR"')
        if not isinstance(translated, str):
            raise NestedValueError(tag, f"expected a string, got {describe_value(translated)}")
    pairs = tuple(value.items())
    return Fields(label=pairs[0][1], translations=pairs)


def localised(key: str, check: Converter = text) -> Converter:
    """A converter for ``key``: a string, or a table of strings by language tag, each passed
    through ``check`` (the first one is used for languages not listed).

    Either way it sets ``key`` and ``{key}_translations`` together, as :func:`label` does, so a
    theme that changes the text never keeps the translations of the text it replaced.
    """

    def convert(value: object, base: Path) -> Fields:
        if not isinstance(value, dict):
            return Fields({key: check(value, base), f"{key}_translations": ()})
        if not value:
            raise ValueError(
                "expected a string, or a table by language such as "
                f'{{ en = "…", fr = "…" }}, got {describe_value(value)}'
            )
        pairs = []
        for tag, translated in value.items():
            # "und" (undetermined) is a tag too: an entry for any language not listed.
            if tag != FALLBACK_LANGUAGE and not is_language_tag(tag):
                raise NestedValueError(tag, 'expected a language tag such as "fr" or "pt-BR"')
            try:
                pairs.append((tag, check(translated, base)))
            except ValueError as error:
                raise NestedValueError(tag, str(error)) from None
        return Fields({key: pairs[0][1], f"{key}_translations": tuple(pairs)})

    return convert


def choice(*names: str) -> Converter:
    """One of ``names``."""

    def convert(value: object, base: Path) -> str:
        name = text(value, base)
        if name not in names:
            expected = ", ".join(f'"{known}"' for known in names)
            raise ValueError(f'expected one of {expected}, got "{name}"')
        return name

    return convert


def flag(value: object, _base: Path) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {describe_value(value)}")
    return value


def missing_glyphs(value: object, base: Path) -> str:
    choice = text(value, base)
    if choice not in ("error", "warn"):
        raise ValueError(f'expected "error" or "warn", got "{choice}"')
    return choice


def bullet(value: object, base: Path) -> str:
    glyph = text(value, base)
    if not 1 <= len(glyph.strip()) <= 3:
        raise ValueError(f'expected a short bullet of 1 to 3 characters such as "•", got "{glyph}"')
    return glyph.strip()


#: The largest page side, and so the largest length of any kind: 22 inches, Word's limit.
MAX_LENGTH = 22 * 72.0
#: The smallest page side: a page must hold an inch of text besides its margins anyway.
MIN_PAGE_SIDE = 72.0
#: Font sizes a word processor accepts: 1pt to Word's 1,638pt.
MIN_FONT_SIZE, MAX_FONT_SIZE = 1.0, 1638.0


def length(value: object, _base: Path) -> float:
    """A length from zero to 22 inches (margins, spacing, border widths)."""
    points = parse_length(value)
    if not 0 <= points <= MAX_LENGTH:
        raise ValueError(f"expected a length from 0 to 22in, got {quoted(value)}")
    return points


def size(value: object, _base: Path) -> float:
    """A font size a word processor accepts: 1pt to 1,638pt."""
    points = parse_length(value)
    if not MIN_FONT_SIZE <= points <= MAX_FONT_SIZE:
        raise ValueError(f"expected a font size from 1pt to 1638pt, got {quoted(value)}")
    return points


def page_side(value: object, _base: Path) -> float:
    """One side of a page: 1 inch to 22 inches, what a word processor accepts."""
    points = parse_length(value)
    if not MIN_PAGE_SIDE <= points <= MAX_LENGTH:
        raise ValueError(f"expected a page side from 1in to 22in, got {quoted(value)}")
    return points


def line_multiple(value: object, _base: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(
            f"expected a multiple of the font size such as 1.3 (a bare number, not a length), "
            f"got {describe_value(value)}"
        )
    if not 0.5 <= value <= 5:
        raise ValueError(f"expected a multiple of the font size from 0.5 to 5, got {value}")
    return float(value)


def color(value: object, _base: Path) -> Color:
    return parse_color(value)


def page_size(value: object, base: Path) -> tuple[float, float]:
    """A paper name (``"A4"``) or ``[width, height]`` with units."""
    if isinstance(value, str):
        named = lookup_page_size(value)
        if named is None:
            raise ValueError(
                f'unknown page size "{value}"; expected one of {", ".join(page_size_names())} '
                f'or [width, height] such as ["210mm", "297mm"]'
            )
        return named
    if isinstance(value, list) and len(value) == 2:
        width, height = (page_side(part, base) for part in value)
        return (width, height)
    raise ValueError(
        f"expected a paper name ({', '.join(page_size_names())}) or [width, height] such as "
        f'["210mm", "297mm"], got {describe_value(value)}'
    )


def orientation(value: object, base: Path) -> str:
    name = text(value, base)
    if name not in ("portrait", "landscape"):
        raise ValueError(f'expected "portrait" or "landscape", got "{name}"')
    return name


def template(value: object, base: Path) -> str:
    """A header or footer template; only the known placeholders are allowed."""
    return checked_template(text(value, base), PLACEHOLDERS)


def wording_template(*placeholders: str) -> Converter:
    """A converter for a generated line's template, which may use only ``placeholders``."""
    return lambda value, base: checked_template(text(value, base), placeholders)


def checked_template(pattern: str, placeholders: Sequence[str]) -> str:
    """``pattern``, when its braces balance and it uses only ``placeholders``, bare."""
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ValueError(
            f'unbalanced brace in "{pattern}"; write {{{{ or }}}} for a literal brace'
        ) from None
    for _, field_name, format_spec, conversion in parts:
        if field_name is None:
            continue
        if field_name not in placeholders:
            raise ValueError(
                f'unknown placeholder "{{{field_name}}}" in "{pattern}"'
                f"{suggest(field_name, placeholders, '{', '}')}"
            )
        # Writers substitute placeholders themselves (DOCX turns {page} into a field).
        if format_spec or conversion:
            raise ValueError(
                f'placeholders take no format or conversion in "{pattern}"; write {{{field_name}}}'
            )
    return pattern


def font(value: object, base: Path) -> Font:
    """A font: a family name, or a table with ``family``, ``fallbacks`` and ``files``."""
    if isinstance(value, str):
        value = {"family": value}
    if not isinstance(value, dict):
        raise ValueError(
            f'expected a family name or a table with "family", got {describe_value(value)}'
        )
    for key in value:
        if key not in FONT_KEYS:
            raise NestedValueError(key, f"unknown key{suggest(key, FONT_KEYS)}")
    family = value.get("family")
    if not isinstance(family, str) or not family.strip():
        raise NestedValueError(
            "family", f"expected a font family name, got {describe_value(family)}"
        )
    fallbacks = value.get("fallbacks", [])
    if not isinstance(fallbacks, list) or not all(
        isinstance(name, str) and name.strip() for name in fallbacks
    ):
        raise NestedValueError(
            "fallbacks", f"expected an array of family names, got {describe_value(fallbacks)}"
        )
    return Font(
        family=family.strip(),
        fallbacks=tuple(name.strip() for name in fallbacks),
        files=font_files(value.get("files", {}), base),
    )


def font_files(value: object, base: Path) -> tuple[tuple[str, str], ...]:
    """``{face = "path"}``, paths relative to the theme file, made absolute and checked."""
    if not isinstance(value, dict):
        raise NestedValueError(
            "files", f'expected a table of face = "path", got {describe_value(value)}'
        )
    files = []
    for face, raw_path in value.items():
        key = f"files.{face}"
        if face not in FONT_FACES:
            raise NestedValueError(key, f"unknown face{suggest(face, FONT_FACES)}")
        if not isinstance(raw_path, str) or not raw_path:
            raise NestedValueError(
                key, f"expected a font file path, got {describe_value(raw_path)}"
            )
        path = (base / raw_path).resolve()
        if not path.exists():
            raise NestedValueError(key, f"font file not found: {path}")
        problem = _font_problem(path)
        if problem is not None:
            raise NestedValueError(
                key, f"not a TrueType or OpenType font file, or a damaged one ({problem}): {path}"
            )
        files.append((face, str(path)))
    return tuple(sorted(files, key=lambda pair: FONT_FACES.index(pair[0])))


def image_file(*kinds: str) -> Converter:
    """A converter for the path of an image file of one of ``kinds`` (``png``, ``jpeg``,
    ``svg``), relative to the theme file, made absolute and checked."""

    def convert(value: object, base: Path) -> str:
        if not isinstance(value, str) or not value:
            raise ValueError(f"expected an image file path, got {describe_value(value)}")
        path = (base / value).resolve()
        if not path.exists():
            raise ValueError(f"image file not found: {path}")
        if image_kind(_first_bytes(path, 1024)) not in kinds:
            names = [kind.upper() for kind in kinds]
            expected = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
            raise ValueError(f"expected a {expected} image: {path}")
        return str(path)

    return convert


def _first_bytes(path: Path, count: int) -> bytes:
    """The first ``count`` bytes of the regular file at ``path`` (a FIFO or a device is
    refused without blocking)."""
    try:
        descriptor = open_regular_file(path)
    except UnreadableFileError as error:
        raise ValueError(f"{error.reason}: {path}") from None
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(count)


#: A font file larger than this is refused unread (the largest CJK collections are ~120 MB).
MAX_FONT_BYTES = 256 * 1024 * 1024


def _font_problem(path: Path) -> str | None:
    """What is wrong with the font file at ``path`` (no regular file, too large, fontTools
    cannot read it, or its tables are damaged), or ``None`` for a good one.

    Starting like a font is not enough: a file that only begins with ``ttcf`` would otherwise
    be embedded byte for byte in an EPUB, and a truncated font would crash a writer later,
    after other files were written.
    """
    try:
        descriptor = open_regular_file(path)  # a FIFO or a device is refused without blocking
    except UnreadableFileError as error:
        return error.reason
    with os.fdopen(descriptor, "rb"):
        if os.fstat(descriptor).st_size > MAX_FONT_BYTES:
            return f"larger than {MAX_FONT_BYTES // 2**20} MB"
    # Imported here: the font package builds on theme values, so it loads after this module.
    from exporter.fonts.facts import FontFile, UnusableFontError, checked_facts

    try:
        checked_facts(FontFile(path))
    except UnusableFontError as problem:
        return str(problem)
    return None


def suggest(word: str, known: Iterable[str], prefix: str = "", suffix: str = "") -> str:
    """`` — did you mean "x"?`` for the closest known word, else the list of known words."""
    import difflib  # for a suggestion, after a mistake: not at start-up

    choices = [f"{prefix}{name}{suffix}" for name in known]
    matches = difflib.get_close_matches(f"{prefix}{word}{suffix}", choices, n=1)
    if matches:
        return f' — did you mean "{matches[0]}"?'
    return f" — expected one of: {', '.join(choices)}"


def _each(keys: str, converter: Converter) -> dict[str, Converter]:
    return dict.fromkeys(keys.split(), converter)


#: Every top-level key of a theme file. ``extends`` is resolved by the loader.
TOP_LEVEL: dict[str, Converter] = {
    "description": text,
    "extends": text,
    "justify": flag,
    "hyphenate": flag,
}

#: Every table of a theme file and the keys it may set.
TABLES: dict[str, dict[str, Converter]] = {
    "page": {"size": page_size, "orientation": orientation}
    | _each("margin_top margin_right margin_bottom margin_left", length),
    "fonts": _each("body heading title code", font),
    "sizes": _each("body title subtitle heading meta key_points header_footer", size),
    "spacing": {"line": line_multiple}
    | _each("paragraph_after heading_before heading_after list_indent", length),
    "colors": _each("text title heading accent link muted", color),
    "key_points": {
        "label": label,
        "background": color,
        "border_color": color,
        "border_width": length,
        "padding": length,
        "bullet": bullet,
        "label_color": color,
    },
    "quote": {
        "indent": length,
        "color": color,
        "italic": flag,
        "rule_width": length,
        "rule_color": color,
    },
    "header": {key: localised(key, template) for key in ("left", "center", "right")},
    "footer": {key: localised(key, template) for key in ("left", "center", "right")},
    "wording": {
        "byline": localised("byline", wording_template("authors")),
        "source": localised("source", wording_template("source")),
        "contents": localised("contents"),
        "link": localised("link", wording_template("target")),
        "date": localised("date", choice(*DATE_STYLES)),
        "numbers": localised("numbers", choice(*NUMBER_STYLES)),
    },
    "docx": {"embed_fonts": flag},
    "epub": _each("certified_by certifier_credential", text)
    | {"cover": image_file("png", "jpeg", "svg")},
    "brand": {"logo": image_file("png", "svg")},
    "pdf": {"tagged": flag, "missing_glyphs": missing_glyphs},
}
