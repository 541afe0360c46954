"""What a handout says about its brief besides the text: the choices every format shares.

Which field is a document's subject, how the byline under the title reads, and which front-matter
keys mean which field. Each is decided here once, so that the DOCX core properties, the PDF
document information, the EPUB package metadata and the Markdown front matter agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from exporter.model import Article

#: Separates the parts of the byline under the title (author · date).
BYLINE_SEPARATOR = " · "

#: Front-matter keys, lower-case, and the field each one fills. Every other key is kept as is
#: in ``Metadata.extra``; the Markdown writer avoids these names for extra keys.
FRONT_MATTER_KEYS: Mapping[str, str] = MappingProxyType(
    {
        "title": "title",
        "subtitle": "subtitle",
        "author": "author",
        "authors": "author",
        "by": "author",
        "role": "role",
        "date": "date",
        "language": "language",
        "lang": "language",
        "keywords": "keywords",
        "tags": "keywords",
        "description": "description",
        "summary": "description",
        "abstract": "description",
        "source": "source",
        "via": "source",
    }
)


def subject(article: Article) -> str | None:
    """What the document is about, for its metadata: the brief's description, else its
    subtitle.

    >>> from exporter.model import Metadata
    >>> subject(Article("t", subtitle="A pause", metadata=Metadata(description="Rates held")))
    'Rates held'
    """
    return article.metadata.description or article.subtitle or None


def byline_parts(article: Article) -> tuple[str, ...]:
    """The parts of the byline, in order: the author and the date, where the brief has them."""
    metadata = article.metadata
    return tuple(part for part in (metadata.author, metadata.date) if part and part.strip())


def byline(article: Article) -> str:
    """The line under the title: ``author · date``; empty when the brief has neither.

    >>> from exporter.model import Metadata
    >>> byline(Article("t", metadata=Metadata(author="Ana Souza", date="2024-05-04")))
    'Ana Souza · 2024-05-04'
    """
    return BYLINE_SEPARATOR.join(byline_parts(article))
