"""Hyphenation that never removes, adds or moves a character of the brief's text.

reportlab (5.1) loses explicit hyphens: when a paragraph in more than one run (a link, a
fallback font) is split across pages, it rejoins the words it broke at a hyphen with
``rstrip('-')``, so "well-known" is printed "wellknown" (docs/reportlab-hyphenation-bug.md).
Its ``embeddedHyphenation`` also makes such paragraphs fail to split at all. So exporter:

- never turns ``embeddedHyphenation`` on;
- offers dictionary break points only inside words of letters alone: never in a word that
  holds a hyphen (so no break lands next to one), a digit, or anything of a URL or address
  (reportlab does not ask for those: it splits URLs at slashes, adding nothing);
- breaks at an explicit hyphen ("five-" / "year") only in a paragraph set in one run, where
  reportlab rejoins the pieces without touching them (:func:`paragraph_style`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pyphen  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle

from exporter.writers.pdf import hyphenation_patterns

#: Letters: German compounds run past 60, nothing in a dictionary to 100.
_LONGEST_HYPHENATED_WORD = 100

#: A word pyphen may break: letters alone (no hyphen, digit, dot, at sign or slash).
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Hyphenator:
    """reportlab's ``hyphenationLang`` callable: a word's break points as (head, tail) pairs,
    longest head first."""

    iterate: Callable[[str], Iterator[tuple[str, str]]]
    at_hyphens: bool = False

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        if _LETTERS.fullmatch(word):
            # reportlab measures the head of every break point of a word, again on every
            # line the word fills: cubic in its length, minutes for a 10,000-letter "word".
            # No word a dictionary knows is that long; such strings are split between
            # any two letters.
            if len(word) > _LONGEST_HYPHENATED_WORD:
                return iter(())
            return iter(_breaks(self.iterate, word))
        if self.at_hyphens and "-" in word.strip("-"):
            return _after_hyphens(word)
        return iter(())


@functools.lru_cache(maxsize=16_384)  # a word's breaks are asked for on every line it ends
def _breaks(
    iterate: Callable[[str], Iterator[tuple[str, str]]], word: str
) -> tuple[tuple[str, str], ...]:
    return tuple(iterate(word))


@functools.cache
def hyphenator(language: str) -> Hyphenator | str:
    """Break points for a BCP 47 language (``en-GB`` → pyphen's ``en_GB``); '' for none.

    Like TeX, no break leaves fewer than three letters on either side ("re-", "-ly").
    Words with a hyphen do not break; with ``at_hyphens`` (see :func:`paragraph_style`),
    they break after each of their hyphens, and only there.

    >>> list(hyphenator("en")("hyphenation")), list(hyphenator("en")("five-year"))
    ([('hyphena', 'tion'), ('hyphen', 'ation')], [])
    >>> list(replace(hyphenator("en"), at_hyphens=True)("long-term-care"))
    [('long-term-', 'care'), ('long-', 'term-care')]
    """
    dictionary = pyphen.language_fallback(language.replace("-", "_"))
    if not dictionary:
        return ""
    hyphenation_patterns.preload(pyphen.LANGUAGES[dictionary])
    return Hyphenator(pyphen.Pyphen(lang=dictionary, left=3, right=3).iterate)


def _after_hyphens(word: str) -> Iterator[tuple[str, str]]:
    """The breaks after each hyphen between two letters of ``word``, longest head first
    (reportlab takes the first that fits).

    >>> list(_after_hyphens("-year")), list(_after_hyphens("a--b")), list(_after_hyphens("x-1"))
    ([], [], [])
    """
    for index in range(len(word) - 1, 1, -1):
        if word[index - 1] == "-" and word[index - 2].isalpha() and word[index].isalpha():
            yield word[:index], word[index:]


def paragraph_style(markup: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for a paragraph of ``markup``: one set in a single run (no tag: no link, no
    fallback font), where reportlab keeps the hyphen of a compound it breaks (see the
    module), also breaks compounds after their hyphens."""
    hyphenate = style.hyphenationLang
    if "<" in markup or not isinstance(hyphenate, Hyphenator):
        return style
    return _breaking_at_hyphens(style, hyphenate)


@functools.lru_cache(maxsize=64)  # one per style of the few cached style sets
def _breaking_at_hyphens(style: ParagraphStyle, hyphenate: Hyphenator) -> ParagraphStyle:
    # reportlab's stubs type hyphenationLang as a language name; it also takes a callable.
    changes: dict[str, Any] = {"hyphenationLang": replace(hyphenate, at_hyphens=True)}
    return ParagraphStyle(style.name, parent=style, **changes)
