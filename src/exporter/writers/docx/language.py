"""The document's language: what Word proofs it as, and which way its paragraphs run."""

from __future__ import annotations

import re

from exporter.model import Article

DEFAULT_LANGUAGE = "en-US"
# A BCP 47 tag in the shape Word accepts: language, then optional script/region/variants.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Languages, and scripts, written from right to left.
_RIGHT_TO_LEFT_LANGUAGES = frozenset(
    ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi"]
)
_RIGHT_TO_LEFT_SCRIPTS = frozenset(["arab", "hebr", "syrc", "thaa", "nkoo", "adlm"])


def document_language(article: Article) -> str:
    """The brief's language as a BCP 47 tag; ``en-US`` when unknown or malformed.

    >>> from exporter.model import Metadata
    >>> document_language(Article(title="x", metadata=Metadata(language="pt_BR")))
    'pt-BR'
    """
    language = (article.metadata.language or "").strip().replace("_", "-")
    return language if _LANGUAGE_TAG.fullmatch(language) else DEFAULT_LANGUAGE


def is_right_to_left(tag: str) -> bool:
    """Whether text in language ``tag`` runs from right to left.

    >>> is_right_to_left("ar-EG"), is_right_to_left("ku-Arab"), is_right_to_left("en-GB")
    (True, True, False)
    """
    primary, *subtags = tag.lower().split("-")
    return primary in _RIGHT_TO_LEFT_LANGUAGES or any(
        subtag in _RIGHT_TO_LEFT_SCRIPTS for subtag in subtags
    )
