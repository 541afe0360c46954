"""Byline and date lines: ``By Ana Souza, Health Reporter`` and ``Updated 4 May 2024`` near the
top of a brief are metadata, not text.

A byline starts with the word a language puts before its authors (``By``, ``Par``, ``Von``,
``Por``, ``Di``, ``Door``, ``Av``, ``Przez``, ``Автор:``…), names one or more people (joined by
commas or the language's "and") and may end with their role (``Health Reporter``,
``correspondant à Lisbonne``) or a date. A date line is a date alone, or after a word such as
``Updated``, ``Published:``, ``Stand:``, ``Publié le`` or ``Aktualisiert am``, in ISO form, with
numbers in the language's order, or with month names in the brief's language (from the CLDR data
that Babel ships, loaded only when a line could be one). A dateline that opens a paragraph
(``LISBON, May 4 (Agency) —``) is text: only a whole line is a date line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from exporter.text.languages import primary_language


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote a brief, as its byline line says: the authors, their role, maybe the date."""

    authors: tuple[str, ...]
    role: str | None = None
    date: str | None = None


_BY = re.compile(
    r"^(?:written\s+by|reporting\s+by|words\s+by|by|par|von|por|di|door|av|af|przez|"
    r"autor(?:in)?\s*:|author\s*:|auteur(?:e)?\s*:|автор\s*:|yazan\s*:|text\s*:)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# Words that join the last two authors, by language.
_AND = re.compile(r"\s+(?:and|&|et|und|y|e|en|och|og|i|и|ve|και)\s+", re.IGNORECASE)
# Words that mark a segment of a byline as the authors' role or desk, not another author.
_ROLE_WORDS = frozenset(
    {
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "writer",
        "writers",
        "journalist",
        "journalists",
        "columnist",
        "contributor",
        "contributors",
        "staff",
        "desk",
        "bureau",
        "chief",
        "producer",
        "analyst",
        "analysts",
        "in",
        "at",
        "for",
        "correspondant",
        "correspondante",
        "envoyé",
        "envoyée",
        "spécial",
        "spéciale",
        "journaliste",
        "rédacteur",
        "rédactrice",
        "à",
        "korrespondent",
        "korrespondentin",
        "redakteur",
        "redakteurin",
        "reporterin",
        "journalistin",
        "aus",
        "corresponsal",
        "periodista",
        "redactor",
        "redactora",
        "en",
        "enviado",
        "enviada",
        "giornalista",
        "inviato",
        "inviata",
        "corrispondente",
        "a",
        "da",
        "repórter",
        "correspondente",
        "jornalista",
        "em",
        "verslaggever",
        "redacteur",
        "te",
        "w",
        "dziennikarz",
        "dziennikarka",
        "korespondent",
        "корреспондент",
        "журналист",
        "редактор",
        "muhabir",
        "editörü",
    }
)
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "le",
        "la",
        "di",
        "the",
        "of",
    }
)
_SEPARATOR = re.compile(r"\s+[|·•—–]\s+|\s*\|\s*")
_MAX_BYLINE_WORDS = 16


def read_byline(line: str, language: str | None) -> Byline | None:
    """The byline in ``line``, or ``None`` when the line is no byline.

    >>> read_byline("By Ana Souza, Health Reporter", "en")
    Byline(authors=('Ana Souza',), role='Health Reporter', date=None)
    >>> read_byline("Par Léa Martin et Hugo Bernard", "fr").authors
    ('Léa Martin', 'Hugo Bernard')
    >>> read_byline("By Wednesday, officials had agreed.", "en") is None
    True
    """
    match = _BY.match(line.strip())
    if match is None or len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    rest = match["rest"].strip().rstrip(".")
    found_date: str | None = None
    segments = [part.strip() for part in _SEPARATOR.split(rest) if part.strip()]
    if len(segments) > 1 and (found_date := read_date(segments[-1], language)) is not None:
        segments.pop()
    people_part, *role_parts = segments
    pieces = [part.strip() for part in people_part.split(",") if part.strip()]
    role = ", ".join(role_parts) or None
    while len(pieces) > 1 and _is_role(pieces[-1]):
        role = pieces.pop() if role is None else f"{pieces.pop()}, {role}"
    names = [name.strip() for piece in pieces for name in _AND.split(piece) if name.strip()]
    if not names or not all(map(_is_name, names)):
        return None
    return Byline(tuple(names), role, found_date)


def _is_role(text: str) -> bool:
    return any(word.casefold() in _ROLE_WORDS for word in re.findall(r"\w+", text))


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    named = [word for word in words if word.casefold() not in _PARTICLES]
    return bool(named) and all(
        (word[0].isupper() or not word[0].isalpha()) and not word[0].isdigit() for word in named
    )


# -- dates ---------------------------------------------------------------------------------------

# Words that say what a date is: kept out of the date itself.
_DATE_PREFIX = re.compile(
    r"^(?:last\s+updated|updated|published|posted|first\s+published|date|dated|as\s+of|"
    r"stand|aktualisiert(?:\s+am)?|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|"
    r"publié\s+le|mis\s+à\s+jour\s+le|mise\s+à\s+jour|publicado(?:\s+(?:el|em))?|"
    r"actualizado(?:\s+el)?|atualizado(?:\s+em)?|pubblicato(?:\s+il)?|aggiornato(?:\s+il)?|"
    r"gepubliceerd(?:\s+op)?|bijgewerkt(?:\s+op)?|opublikowano|zaktualizowano|"
    r"опубликовано|обновлено|yayınlanma(?:\s+tarihi)?|güncellendi|güncelleme)"
    r"\s*[:：]?\s*",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"^[^\W\d_]{2,12}\.?,\s*")
_TIME = re.compile(
    r"(?:,?\s*(?:at|um|à|a\s+las|alle|às|om|o|в)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr|h))?"
    r"(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?|\s*\([A-Z]{2,4}\))?)$",
    re.IGNORECASE,
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_EAST_ASIAN = re.compile(r"^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]$")
_DAY_FIRST = re.compile(
    r"^(\d{1,2})(?:er|st|nd|rd|th|\.|º|-?го|-?е)?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?,?\s+"
    r"(?:de\s+)?(\d{4})(?:\s*(?:г\.?|года|yılı))?$",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    r"^(?P<month>[^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.IGNORECASE
)
# Languages whose month names are tried, after the brief's own.
_MONTH_LANGUAGES = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "uk",
    "tr",
    "sv",
    "da",
    "nb",
)


def read_date(line: str, language: str | None) -> str | None:
    """The calendar date a whole line states, as ``YYYY-MM-DD``; ``None`` for anything else.

    >>> read_date("Updated 4 May 2024", "en"), read_date("Stand: 04.05.2024", "de")
    ('2024-05-04', '2024-05-04')
    >>> read_date("Publié le 12 janvier 2024", "fr"), read_date("May 4, 2024, 10:32 GMT", None)
    ('2024-01-12', '2024-05-04')
    >>> read_date("LISBON, May 4 (Agency) — Talks resumed.", "en") is None
    True
    """
    text = " ".join(line.split()).strip().rstrip(".").strip()
    text = _DATE_PREFIX.sub("", text, count=1)
    if not text or len(text) > 60 or not any(char.isdigit() for char in text):
        return None
    text = _TIME.sub("", text).strip().rstrip(",").strip()
    if match := _ISO.match(text):
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    if match := _EAST_ASIAN.match(text):
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    text = _WEEKDAY.sub("", text, count=1)
    if match := _NUMERIC.match(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        month_first = first <= 12 < second or (
            second <= 12 and first <= 12 and primary_language(language or "en") == "en"
        )
        return _iso(year, first, second) if month_first else _iso(year, second, first)
    if match := _DAY_FIRST.match(text):
        month = _month_number(match["month"], language)
        return None if month is None else _iso(int(match[3]), month, int(match[1]))
    if match := _MONTH_FIRST.match(text):
        month = _month_number(match["month"], language)
        return None if month is None else _iso(int(match[3]), month, int(match[2]))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_number(name: str, language: str | None) -> int | None:
    key = name.casefold().rstrip(".")
    own = primary_language(language) if language else None
    for candidate in dict.fromkeys((own, "en", *_MONTH_LANGUAGES)):
        if candidate is not None:
            month = _month_names(candidate).get(key)
            if month is not None:
                return month
    return None


@functools.cache
def _month_names(language: str) -> dict[str, int]:
    """Month names of ``language`` (wide and abbreviated, in running text and alone), from CLDR."""
    from babel import Locale, UnknownLocaleError  # ~15 ms, and only for a line with a month name

    try:
        months = Locale.parse(language).months
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in months[context][width].items():
                names.setdefault(str(name).casefold().rstrip("."), int(number))
    return names
