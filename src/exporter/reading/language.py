"""The brief's language, a parse step: an override (``--lang``) wins, then the front matter's
``language:``, else it is detected from the text and a note says so.

Detection uses fastText's language-identification model ``lid.176.ftz`` (176 languages, 0.9 MB,
shipped in ``lid/`` with its licence; deterministic, offline) through fasttext-predict, the
prediction-only build of fastText that SearXNG maintains: it loads in ~60 ms, where langid.py's
model took ~0.6 s. Scripts that name their language outright (Hangul, kana, Hebrew, Greek, Han
alone) are recognised without the model, so it is loaded only for Latin, Cyrillic and Arabic
text, once per process.
"""

from __future__ import annotations

import functools
import re
import string
from collections import Counter
from pathlib import Path
from typing import Any

from exporter.model import ParseWarning
from exporter.text.scripts import Script, script_of

_MODEL = Path(__file__).with_name("lid") / "lid.176.ftz"

# Fewer letters than this say too little to name a language.
_MIN_LETTERS = 20
# The model's normalised probability below which a guess is not worth stating.
_MIN_CONFIDENCE = 0.6
# The share of letters a script needs to name the language by itself.
_DOMINANT_SHARE = 0.8
_TEXT_SAMPLE = 4000  # characters: enough for a confident answer, quick to score
# Characters whose scripts are counted: a long brief's opening pages tell its script as well
# as the whole of it, at a fixed cost (counting is per character, in Python).
_SCRIPT_SAMPLE = 50_000


def settle_language(
    override: str | None, stated: str | None, text: str
) -> tuple[str | None, tuple[ParseWarning, ...]]:
    """The brief's language: ``override`` (``--lang``), else the ``stated`` one (front matter),
    else detected from ``text`` with a note saying so, else unknown (``None``).

    Both tags must already be normalised (see :mod:`exporter.text.languages`).

    >>> text = "Сергей Лавров прибыл в Пхеньян для переговоров с министром иностранных дел."
    >>> language, notes = settle_language(None, None, text)
    >>> language, notes[0].message[:30]
    ('ru', 'no language given: detected ru')
    """
    if override or stated:
        return override or stated, ()
    detected = detect_language(text)
    if detected is None:
        return None, ()
    note = ParseWarning(
        None,
        f"no language given: detected {detected} from the text "
        "(set `language:` in the front matter or pass --lang to be sure)",
        severity="note",
    )
    return detected, (note,)


def detect_language(text: str) -> str | None:
    """The language of ``text`` as an ISO 639 code, or ``None`` when it cannot be told.

    >>> detect_language("최선희 외무상은 원산에서 러시아 대표단을 맞이했다")
    'ko'
    >>> detect_language("OK") is None
    True
    """
    text = text[:_SCRIPT_SAMPLE]
    scripts = _script_counts(text)
    letters = sum(scripts.values())
    if letters < _MIN_LETTERS:
        return None
    if scripts["hangul"] / letters >= _DOMINANT_SHARE / 2:
        return "ko"
    if scripts["kana"] / letters >= _DOMINANT_SHARE / 4:
        return "ja"
    named: tuple[tuple[Script, str], ...] = (("hebrew", "he"), ("greek", "el"), ("han", "zh"))
    for script, language in named:
        if scripts[script] / letters >= _DOMINANT_SHARE:
            return language
    language, confidence = _classify(text[:_TEXT_SAMPLE])
    return language if confidence >= _MIN_CONFIDENCE else None


def _script_counts(text: str) -> Counter[Script]:
    """How many letters of ``text`` each script has; ASCII letters, most of many a brief, are
    counted in C, the other characters one by one."""
    ascii_part = _NON_ASCII.sub("", text).encode("ascii")
    scripts = Counter(
        script for script in map(script_of, _ASCII.sub("", text)) if script is not None
    )
    latin = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    if latin:
        scripts["latin"] += latin
    return scripts


_ASCII = re.compile("[\x00-\x7f]+")
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")


@functools.cache
def _identifier() -> Any:  # fasttext-predict ships no type information
    import fasttext  # type: ignore[import-untyped]  # installed by fasttext-predict

    return fasttext.load_model(str(_MODEL))


def _classify(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` and its probability."""
    # fastText reads one line: newlines would be refused, runs of spaces mean nothing.
    (label,), (probability,) = _identifier().predict(" ".join(text.split()), k=1)
    return str(label).removeprefix("__label__"), float(probability)
