"""Writing systems in text: the script each letter belongs to, the runs of another script than
the document's inside mixed text (``Сергей Лавров`` in an English brief), the language such a
run is tagged with, and which way a language runs.

Shared by every writer that tags languages or lays out right-to-left text; the reader's
language detection uses it to recognise scripts that name their language outright.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from typing import Literal, TypeAlias

Script: TypeAlias = Literal[
    "latin", "greek", "cyrillic", "arabic", "hebrew", "han", "hangul", "kana"
]

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

# Languages, and scripts, written from right to left.
_RIGHT_TO_LEFT_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)
_RIGHT_TO_LEFT_SUBTAGS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko", "yue", "wuu"})


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
    primary, *subtags = language.lower().replace("_", "-").split("-")
    for subtag in subtags:
        if subtag in _SCRIPT_SUBTAGS:
            return _SCRIPT_SUBTAGS[subtag]
    return _LANGUAGE_SCRIPTS.get(primary, frozenset({"latin"}))


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
    for index, character in enumerate(text):
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


def _joinable(text: str, end: int, index: int, native: frozenset[Script]) -> bool:
    """Whether the gap ``text[end:index]`` between two letters of one foreign script holds no
    letter of the document's own scripts (so the two belong to one run)."""
    return not any(script_of(character) in native for character in text[end:index])


def is_right_to_left(language: str) -> bool:
    """Whether text in ``language`` (a BCP 47 tag) runs from right to left.

    >>> is_right_to_left("ar-EG"), is_right_to_left("ku-Arab"), is_right_to_left("en-GB")
    (True, True, False)
    """
    primary, *subtags = language.lower().replace("_", "-").split("-")
    scripts = [subtag for subtag in subtags if len(subtag) == 4 and subtag.isalpha()]
    if scripts:
        return scripts[0] in _RIGHT_TO_LEFT_SUBTAGS
    return primary in _RIGHT_TO_LEFT_LANGUAGES


def is_cjk(language: str) -> bool:
    """Whether ``language`` is Chinese, Japanese or Korean (East Asian text in DOCX terms)."""
    return language.lower().replace("_", "-").split("-")[0] in _CJK_LANGUAGES


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter (Arabic, Hebrew and the like).

    >>> has_right_to_left("Tehran"), has_right_to_left("طهران")
    (False, True)
    """
    return any(unicodedata.bidirectional(character) in ("R", "AL") for character in text)
