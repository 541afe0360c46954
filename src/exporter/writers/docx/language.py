"""The document's language: what Word proofs it as (its direction: :mod:`exporter.scripts`)."""

from __future__ import annotations

import re

from exporter.model import Article

DEFAULT_LANGUAGE = "en-US"
# A BCP 47 tag in the shape Word accepts: language, then optional script/region/variants.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def document_language(article: Article) -> str:
    """The brief's language as a BCP 47 tag; ``en-US`` when unknown or malformed.

    >>> from exporter.model import Metadata
    >>> document_language(Article(title="x", metadata=Metadata(language="pt_BR")))
    'pt-BR'
    """
    language = (article.metadata.language or "").strip().replace("_", "-")
    return language if _LANGUAGE_TAG.fullmatch(language) else DEFAULT_LANGUAGE
