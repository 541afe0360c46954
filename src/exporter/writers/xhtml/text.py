"""Text as the XHTML formats need it: storable characters, no blank parts, language, direction."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from typing import Literal, assert_never

from exporter.model import Article, Block, ListBlock, Paragraph

#: The language written when a brief names none: BCP 47 "undetermined".
UNDETERMINED_LANGUAGE = "und"

Direction = Literal["ltr", "rtl"]

# Languages written right to left unless a script subtag says otherwise.
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"})
# A well-formed BCP 47 (RFC 5646) language tag: language, extlang, script, region, variants,
# extensions, private use. EPUBCheck rejects a tag that is not (OPF-092).
_LANGUAGE_TAG = re.compile(
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"
    r"(?:-[a-z]{4})?"
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?",
    re.IGNORECASE,
)

# Characters XML 1.0 cannot hold or that XHTML forbids (C0/C1 controls, surrogates,
# non-characters). The model is already clean; this guard keeps the output well-formed anyway.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

#: The title of an article whose title is blank and that has no other text to name it by.
_NO_TITLE = "\u2014"


def readable(article: Article) -> Article:
    """``article`` without blank text where a format needs some (an empty heading, title,
    author or keyword is invalid in EPUB): blank optional parts go, a blank title is replaced
    by the first text the article has. The parser never makes blank parts; hand-built ones may.
    """

    def present(text: str | None) -> str | None:
        return text if text and text.strip() else None

    sections = tuple(
        replace(section, heading=present(section.heading)) for section in article.sections
    )
    meta = article.metadata
    candidates = (
        article.subtitle,
        *article.headings,
        *article.key_points,
        *map(_block_text, article.blocks()),
    )
    title = present(article.title) or next(filter(None, map(present, candidates)), _NO_TITLE)
    return replace(
        article,
        title=title,
        subtitle=present(article.subtitle),
        key_points=tuple(filter(present, article.key_points)),
        sections=sections,
        metadata=replace(
            meta,
            author=present(meta.author),
            date=present(meta.date),
            description=present(meta.description),
            keywords=tuple(filter(present, meta.keywords)),
        ),
    )


def language_tag(article: Article) -> str:
    """The article's BCP 47 language tag (``en_GB`` is repaired to ``en-GB``), or ``und``."""
    tag = (article.metadata.language or "").strip().replace("_", "-")
    return tag if _LANGUAGE_TAG.fullmatch(tag) else UNDETERMINED_LANGUAGE


def text_direction(article: Article) -> Direction:
    """``rtl`` for right-to-left languages; for an undetermined language, what the text says."""
    subtags = language_tag(article).lower().split("-")
    if subtags[0] != UNDETERMINED_LANGUAGE:
        scripts = [tag for tag in subtags[1:] if len(tag) == 4 and tag.isalpha()]
        if scripts:
            return "rtl" if scripts[0] in _RTL_SCRIPTS else "ltr"
        return "rtl" if subtags[0] in _RTL_LANGUAGES else "ltr"
    return _dominant_direction(article)


def _dominant_direction(article: Article) -> Direction:
    blocks = (_block_text(block) for block in article.blocks())
    return _text_direction(
        " ".join((article.title, *article.key_points, *article.headings, *blocks))
    )


@functools.lru_cache(maxsize=4)  # one document asks several times about the same text
def _text_direction(text: str) -> Direction:
    classes = Counter(map(unicodedata.bidirectional, text))  # C loops: a brief has ~3,000 chars
    return "rtl" if classes["R"] + classes["AL"] > classes["L"] else "ltr"


def _block_text(block: Block) -> str:
    match block:
        case Paragraph(text=text):
            return text
        case ListBlock(items=items):
            return " ".join(items)
        case _:
            assert_never(block)


def xml_storable(text: str) -> str:
    """``text`` with each character XHTML cannot hold replaced by U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text)
