"""Bytes to clean text: encoding detection, newline handling and sanitising, in one place.

After :func:`decode_brief` the text is NFC-normalised, uses ``\\n`` line endings and holds no
character that an output format cannot store (C0/C1 controls other than tab, lone surrogates,
U+FFFE/U+FFFF). Every repair is reported as a :class:`ParseWarning` naming the line, so the
writers never need to sanitise again.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from exporter.errors import BriefError
from exporter.model import ParseWarning
from exporter.text.characters import UNSTORABLE, describe_character

#: Briefs are a few kilobytes; anything this large is a mistake, refused before decoding.
MAX_BRIEF_BYTES = 20 * 1024 * 1024
#: A paragraph is one line, but no paragraph is a million characters: such a line is a mistake
#: (a data dump, a minified file) that would only make the writers crawl.
MAX_LINE_CHARS = 1_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Well-known signatures of files that are certainly not briefs, named in the error message.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/EPUB file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)

# Line and paragraph separators would shift line numbers; they read as spaces.
_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_NEWLINES = re.compile(r"\r\n?")

# More unstorable characters than this share of the text means the file is not text at all.
_BINARY_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[ParseWarning, ...]


def decode_brief(data: bytes, source: str | None = None) -> DecodedText:
    """Decode a brief's bytes to clean text, or raise :class:`BriefError` for non-text input.

    >>> decode_brief("Caf\\u00e9 \\u201cnews\\u201d\\r\\n".encode("cp1252")).text
    'Café “news”\\n'
    """
    _refuse_non_text(data, source)
    text, encoding, guessed = _decode_bytes(data, source)
    cleaned = sanitise_text(text, source)
    if not guessed:
        return DecodedText(cleaned.text, encoding, cleaned.warnings)
    guess = ParseWarning(None, f"not valid UTF-8; decoded as {encoding} (save the file as UTF-8)")
    return DecodedText(cleaned.text, encoding, (guess, *cleaned.warnings))


def sanitise_text(text: str, source: str | None = None) -> DecodedText:
    """Clean text that arrived as ``str`` (the library API) exactly as decoded bytes are."""
    text = _unified_breaks(text.removeprefix("\ufeff"))
    _refuse_long_lines(text, source)
    text, dropped = _drop_unstorable(text, source)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise BriefError("the brief is blank: it holds no text", path=source)
    return DecodedText(text, "utf-8", tuple(dropped))


def clean_value(text: str) -> tuple[str, tuple[str, ...]]:
    """A value from front matter, cleaned as :func:`sanitise_text` cleans the brief.

    YAML escapes (``"\\0"``, ``"\\ud800"``) can spell characters the raw text could not hold,
    so parsed values are cleaned again. Returns the text and the names of the dropped characters.

    >>> clean_value("Rates\\0 on Hold")
    ('Rates on Hold', ('U+0000 (NUL)',))
    """
    text = _unified_breaks(text)
    dropped = tuple(describe_character(match.group()) for match in UNSTORABLE.finditer(text))
    return unicodedata.normalize("NFC", UNSTORABLE.sub("", text)), dropped


def _unified_breaks(text: str) -> str:
    """``\n`` for every line ending; a space for line and paragraph separators."""
    return _SEPARATORS.sub(" ", _NEWLINES.sub("\n", text))


def _refuse_non_text(data: bytes, source: str | None) -> None:
    if len(data) > MAX_BRIEF_BYTES:
        raise BriefError(
            f"the file is {len(data) / 1e6:.1f} MB; briefs are limited to "
            f"{MAX_BRIEF_BYTES // (1024 * 1024)} MB",
            path=source,
        )
    if not data:
        raise BriefError("the file is empty", path=source)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise BriefError(f"this is {kind}, not a text brief", path=source)


def _refuse_long_lines(text: str, source: str | None) -> None:
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if end - start > MAX_LINE_CHARS:
            raise BriefError(
                f"this line is {end - start:,} characters long; lines are limited to "
                f"{MAX_LINE_CHARS:,} (break it into paragraphs)",
                path=source,
                line=number,
            )
        start, number = end + 1, number + 1


def _decode_bytes(data: bytes, source: str | None) -> tuple[str, str, bool]:
    """Return (text, encoding name, whether the encoding was guessed)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding, False
            except UnicodeDecodeError as error:
                message = f"starts like {encoding} but is not: {error.reason}"
                raise BriefError(message, path=source) from None
    bomless_utf16 = _bomless_utf16(data)
    if bomless_utf16:
        try:
            return data.decode(bomless_utf16), bomless_utf16, True
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    western = _as_western(data)
    if western is not None:
        return western, "windows-1252", True
    import charset_normalizer  # only for the rare brief that is neither UTF-8 nor Western

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise BriefError("this is not text in any known encoding (a binary file?)", path=source)
    return str(best), codecs.lookup(best.encoding).name, True


def _as_western(data: bytes) -> str | None:
    """Decode as Windows-1252 when that gives Western text: accents sprinkled among ASCII.

    Statistical detectors guess wrongly on short briefs (a few curly quotes read as Cyrillic
    or Central European), and Windows-1252 is by far the most common non-UTF-8 brief. Text in
    another single-byte code page decodes to words made only of accented letters instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    foreign = sum(1 for char in letters if not char.isascii())
    return text if letters and foreign <= 0.2 * len(letters) else None


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by its zero bytes in every other place."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _drop_unstorable(text: str, source: str | None) -> tuple[str, list[ParseWarning]]:
    found = list(UNSTORABLE.finditer(text))
    if not found:
        return text, []
    if len(found) > max(8, _BINARY_SHARE * len(text)):
        raise BriefError(
            f"this does not look like text: {len(found)} of its {len(text)} characters "
            "are control characters (a binary file?)",
            path=source,
        )
    by_line: dict[int, list[str]] = {}
    line_starts = _line_starts(text)
    for match in found:
        line = _line_of(match.start(), line_starts)
        by_line.setdefault(line, []).append(describe_character(match.group()))
    warnings = [
        ParseWarning(
            line,
            f"dropped {_plural(len(names), 'character')} no format can hold: "
            + ", ".join(dict.fromkeys(names)),
        )
        for line, names in by_line.items()
    ]
    return UNSTORABLE.sub("", text), warnings


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    return starts


def _line_of(offset: int, line_starts: list[int]) -> int:
    return bisect_right(line_starts, offset)
