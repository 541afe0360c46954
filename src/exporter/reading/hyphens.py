"""Words broken across a line end in hard-wrapped text: ``fed-`` / ``eral`` is "federal", but
``well-`` / ``known`` is "well-known".

The brief itself is asked first: the word written whole elsewhere in it is joined, the word
written with its hyphen elsewhere keeps it. Otherwise the joined word is looked up in a word list
of the brief's language (pyspellchecker's, for the languages it has: English, Spanish, French,
Italian, Portuguese, German, Russian, Arabic, Latvian, Basque, Dutch and Persian), loaded only
when a brief needs it. With no word list, the hyphen stays: a visible hyphen in a word is a
smaller fault than two words run together.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from exporter.reading.lines import JoinHyphen
from exporter.text.languages import primary_language

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_DICTIONARY_LANGUAGES = frozenset(
    {"en", "es", "fr", "it", "pt", "de", "ru", "ar", "lv", "eu", "nl", "fa"}
)


def hyphen_joiner(text: str, language: str | None) -> JoinHyphen:
    """The rule for ``text`` (the brief's body) in ``language`` (``None`` when unknown).

    >>> join = hyphen_joiner("The federal budget, a well-known fight.", "en")
    >>> join("fed", "eral"), join("well", "known")
    (True, False)
    """

    @functools.cache
    def words() -> frozenset[str]:
        return frozenset(word.casefold() for word in _WORD.findall(text))

    def join(head: str, tail: str) -> bool:
        joined = (head + tail).casefold()
        if f"{head}-{tail}".casefold() in words():
            return False
        if joined in words():
            return True
        if tail[:1].isupper():  # Franco-German, Coca-Cola: a hyphen between capitals stays
            return False
        dictionary = _dictionary(primary_language(language) if language else "")
        return dictionary is not None and bool(dictionary.known([joined]))

    return join


@functools.cache
def _dictionary(language: str) -> Any:
    """pyspellchecker's word list for ``language``, or ``None`` when it has none."""
    if language not in _DICTIONARY_LANGUAGES:
        return None
    from spellchecker import SpellChecker  # ~0.5 s to load a list: only for briefs that need it

    return SpellChecker(language=language, distance=1)
