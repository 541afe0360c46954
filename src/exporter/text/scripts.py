"""Writing systems in text: the script each letter belongs to, the runs of another script than
the document's inside mixed text (``Сергей Лавров`` in an English brief), the language such a
run is tagged with, which way a language or a document runs, and which languages are East Asian.

Shared by every writer that tags languages or lays out right-to-left text; the reader's
language detection uses it to recognise scripts that name their language outright. Language
tags are read with :mod:`exporter.text.languages`.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Literal, TypeAlias

from exporter.model import Article
from exporter.text.languages import (
    FALLBACK_LANGUAGE,
    document_language,
    primary_language,
    script_subtag,
)

Script: TypeAlias = Literal[
    "latin", "greek", "cyrillic", "arabic", "hebrew", "han", "hangul", "kana"
]
Direction: TypeAlias = Literal["ltr", "rtl"]

# (first, last, script) for the letters of each script exporter knows; sorted by first.
_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0041, 0x005A, "latin"),
    (0x0061, 0x007A, "latin"),
    (0x00AA, 0x00AA, "latin"),
    (0x00BA, 0x00BA, "latin"),
    (0x00C0, 0x024F, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0x1100, 0x11FF, "hangul"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0x1E00, 0x1EFF, "latin"),
    (0x1F00, 0x1FFF, "greek"),
    (0x2DE0, 0x2DFF, "cyrillic"),
    (0x2E80, 0x2FDF, "han"),
    (0x3005, 0x3007, "han"),
    (0x3021, 0x3029, "han"),
    (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"),
    (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xA640, 0xA69F, "cyrillic"),
    (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7FF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0xFF21, 0xFF3A, "latin"),
    (0xFF41, 0xFF5A, "latin"),
    (0xFF66, 0xFF9F, "kana"),
    (0x20000, 0x3FFFF, "han"),
)
_STARTS = tuple(first for first, _, _ in _RANGES)

#: The language a run of a script is tagged with when the text does not say: the script's most
#: widely read language (a guess, but one that picks the right fonts and voice).
SCRIPT_LANGUAGE: dict[Script, str] = {
    "latin": "en",
    "greek": "el",
    "cyrillic": "ru",
    "arabic": "ar",
    "hebrew": "he",
    "han": "zh",
    "hangul": "ko",
    "kana": "ja",
}

# The scripts a language is written in, beyond Latin (the default). Han belongs to Korean
# (hanja) and Japanese (kanji) text as much as to Chinese.
_LANGUAGE_SCRIPTS: dict[str, frozenset[Script]] = {
    **dict.fromkeys(
        ("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"), frozenset({"cyrillic"})
    ),
    "el": frozenset({"greek"}),
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ckb", "sd", "ug"), frozenset({"arabic"})),
    **dict.fromkeys(("he", "iw", "yi"), frozenset({"hebrew"})),
    **dict.fromkeys(("zh", "yue", "wuu"), frozenset({"han"})),
    "ko": frozenset({"hangul", "han"}),
    "ja": frozenset({"kana", "han"}),
}
_SCRIPT_SUBTAGS: dict[str, frozenset[Script]] = {
    "latn": frozenset({"latin"}),
    "cyrl": frozenset({"cyrillic"}),
    "grek": frozenset({"greek"}),
    "arab": frozenset({"arabic"}),
    "hebr": frozenset({"hebrew"}),
    "hans": frozenset({"han"}),
    "hant": frozenset({"han"}),
    "hani": frozenset({"han"}),
    "kore": frozenset({"hangul", "han"}),
    "jpan": frozenset({"kana", "han"}),
}

# Languages written from right to left unless a script subtag says otherwise, and the
# right-to-left scripts (ISO 15924 codes, lower-case).
_RIGHT_TO_LEFT_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)
_RIGHT_TO_LEFT_SCRIPTS = frozenset(
    {"adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa"}
)
# Chinese, Japanese and Korean: the languages word processors set in an East Asian font.
_EAST_ASIAN_LANGUAGES = frozenset({"zh", "ja", "ko", "yue", "wuu"})
# Of those, the ones whose lines may break between any two ideographs (Korean breaks at spaces).
_IDEOGRAPHIC_BREAK_LANGUAGES = _EAST_ASIAN_LANGUAGES - {"ko"}


@functools.lru_cache(maxsize=4096)  # called for every character of every brief, several times
def script_of(character: str) -> Script | None:
    """The script of a letter; ``None`` for digits, spaces, punctuation and unknown scripts.

    >>> script_of("Л"), script_of("최"), script_of("5")
    ('cyrillic', 'hangul', None)
    """
    code = ord(character)
    index = bisect.bisect_right(_STARTS, code) - 1
    if index < 0:
        return None
    _, last, script = _RANGES[index]
    if code > last or not unicodedata.category(character).startswith(("L", "M")):
        return None
    return script


def scripts_of(language: str) -> frozenset[Script]:
    """The scripts text in ``language`` (a BCP 47 tag) is written in.

    >>> sorted(scripts_of("ko-KR")), sorted(scripts_of("sr-Latn")), sorted(scripts_of("de"))
    (['han', 'hangul'], ['latin'], ['latin'])
    """
    script = script_subtag(language)
    if script in _SCRIPT_SUBTAGS:
        return _SCRIPT_SUBTAGS[script]
    return _LANGUAGE_SCRIPTS.get(primary_language(language), frozenset({"latin"}))


def foreign_runs(text: str, language: str) -> Iterator[tuple[str, str | None]]:
    """``text`` cut into runs, each with the language to tag it with: ``None`` for text in the
    document's ``language``, a tag for a run in another script.

    A foreign run starts and ends with a letter of its script; the spaces and punctuation
    around it stay with the surrounding text.

    >>> list(foreign_runs("Minister Сергей Лавров, again", "en"))
    [('Minister ', None), ('Сергей Лавров', 'ru'), (', again', None)]
    """
    native = scripts_of(language)
    spans: list[tuple[int, int, Script]] = []  # [start, end) of each foreign run
    # ASCII letters are Latin: in a Latin-script document only the other characters can be
    # foreign, so only those are looked at (most text has few or none).
    characters: Iterable[tuple[int, str]] = (
        ((match.start(), match.group()) for match in _NON_ASCII.finditer(text))
        if "latin" in native
        else enumerate(text)
    )
    for index, character in characters:
        script = script_of(character)
        if script is None or script in native:
            continue
        if spans and spans[-1][2] == script and _joinable(text, spans[-1][1], index, native):
            spans[-1] = (spans[-1][0], index + 1, script)
        else:
            spans.append((index, index + 1, script))
    position = 0
    for start, end, script in spans:
        if start > position:
            yield text[position:start], None
        yield text[start:end], SCRIPT_LANGUAGE[script]
        position = end
    if position < len(text) or not text:
        yield text[position:], None


_NON_ASCII = re.compile("[^\x00-\x7f]")


def _joinable(text: str, end: int, index: int, native: frozenset[Script]) -> bool:
    """Whether the gap ``text[end:index]`` between two letters of one foreign script holds no
    letter of the document's own scripts (so the two belong to one run)."""
    return not any(script_of(character) in native for character in text[end:index])


def is_right_to_left(language: str) -> bool:
    """Whether text in ``language`` (a BCP 47 tag) runs from right to left.

    >>> is_right_to_left("ar-EG"), is_right_to_left("ku-Arab"), is_right_to_left("en-GB")
    (True, True, False)
    >>> is_right_to_left("xx-Samr"), is_right_to_left("az-Latn")
    (True, False)
    """
    script = script_subtag(language)
    if script is not None:
        return script in _RIGHT_TO_LEFT_SCRIPTS
    return primary_language(language) in _RIGHT_TO_LEFT_LANGUAGES


def is_east_asian(language: str) -> bool:
    """Whether ``language`` is Chinese, Japanese or Korean (East Asian text in DOCX terms)."""
    return primary_language(language) in _EAST_ASIAN_LANGUAGES


def breaks_between_ideographs(language: str) -> bool:
    """Whether lines of ``language`` may break between any two ideographs (Chinese, Japanese;
    Korean breaks at spaces)."""
    return primary_language(language) in _IDEOGRAPHIC_BREAK_LANGUAGES


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter (Arabic, Hebrew and the like).

    >>> has_right_to_left("Tehran"), has_right_to_left("طهران")
    (False, True)
    """
    if text.isascii():  # the common case, quick
        return False
    # The blocks are found in C; only a character in one is looked up (most there are letters).
    return any(
        unicodedata.bidirectional(found.group()) in _RIGHT_TO_LEFT_CLASSES
        for found in _RIGHT_TO_LEFT_BLOCK.finditer(text)
    )


def document_direction(article: Article) -> Direction:
    """Which way the whole document runs: its language's direction; for an undetermined
    language, the direction most of its letters run.

    >>> from exporter.model import Metadata
    >>> document_direction(Article("x", metadata=Metadata(language="fa")))
    'rtl'
    >>> document_direction(Article("שלום עולם"))
    'rtl'
    """
    language = document_language(article)
    if language != FALLBACK_LANGUAGE:
        return "rtl" if is_right_to_left(language) else "ltr"
    return dominant_direction(article.plain_texts())


def dominant_direction(texts: Iterable[str]) -> Direction:
    """``rtl`` when more letters of ``texts`` run right to left than left to right."""
    text = " ".join(texts)
    if text.isascii():
        return "ltr"
    return _dominant_direction(text)


@functools.lru_cache(maxsize=4)  # one document asks several times about the same text
def _dominant_direction(text: str) -> Direction:
    classes = Counter(map(unicodedata.bidirectional, text))  # a C loop: briefs are short
    return "rtl" if classes["R"] + classes["AL"] > classes["L"] else "ltr"


# The blocks holding every right-to-left letter (bidi class R or AL) Unicode has; a test checks
# this against the whole code space of Python's Unicode database.
_RIGHT_TO_LEFT_BLOCKS = (
    (0x0590, 0x08FF),  # Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic extensions
    (0x200F, 0x200F),  # RIGHT-TO-LEFT MARK
    (0xFB1D, 0xFDFF),  # Hebrew and Arabic presentation forms
    (0xFE70, 0xFEFF),  # Arabic presentation forms-B
    (0x10800, 0x10FFF),  # historic right-to-left scripts
    (0x1E800, 0x1EFFF),  # Mende Kikakui, Adlam, Indic Siyaq numbers, Arabic mathematical letters
)

# Any character of those blocks: six ranges, which compile at once and are searched ten times
# quicker than the hundreds of ranges of exactly the right-to-left letters (listing those one
# code point at a time and compiling their class took ~1.5 ms in every fresh process).
_RIGHT_TO_LEFT_BLOCK = re.compile(
    "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _RIGHT_TO_LEFT_BLOCKS) + "]"
)

_RIGHT_TO_LEFT_CLASSES = frozenset({"R", "AL"})
