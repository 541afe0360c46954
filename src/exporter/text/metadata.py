"""What a handout says about its brief besides the text: the choices every format shares.

Which field is a document's subject, how the byline under the title and the source line at the
end read, and which front-matter keys mean which field. Each is decided here once, so that the
DOCX core properties, the PDF document information, the EPUB package metadata and the Markdown
front matter agree, and every format shows the same byline and source line.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from exporter.model import Article, Inline
from exporter.text.wording import Words

#: Separates the parts of the byline under the title (author · date).
BYLINE_SEPARATOR = " · "

#: Joins the authors and what the byline says they are (By Ana Souza, Health Reporter).
ROLE_SEPARATOR = ", "

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


def credit(article: Article, words: Words) -> str | None:
    """Who wrote the story, in the theme's wording for the brief's language: the authors
    joined as the language joins a list, then their role.

    >>> from exporter.model import Metadata
    >>> from exporter.theme import Theme
    >>> from exporter.text.wording import words_for
    >>> article = Article("t", metadata=Metadata(authors=("Ana Souza",), role="Health Reporter"))
    >>> credit(article, words_for(article, Theme()))
    'Ana Souza, Health Reporter'
    """
    metadata = article.metadata
    author = words.credit(metadata.authors) or None
    role = metadata.role.strip() if metadata.role and metadata.role.strip() else None
    if author and role:
        return f"{author}{ROLE_SEPARATOR}{role}"
    return author or role


def byline_parts(article: Article, words: Words) -> tuple[str, ...]:
    """The parts of the byline, in order: the :func:`credit` and the date, where the brief has
    them, in the brief's language."""
    parts = (credit(article, words), words.date(article.metadata.date))
    return tuple(part for part in parts if part and part.strip())


def byline(article: Article, words: Words) -> str:
    """The line under the title: ``By author, role · date``; empty when the brief has none.

    >>> from exporter.model import Metadata
    >>> from exporter.theme import Theme
    >>> from exporter.text.wording import words_for
    >>> brief = Metadata(author="Ana Souza", date="2024-05-04", language="en")
    >>> byline(Article("t", metadata=brief), words_for(Article("t", metadata=brief), Theme()))
    'Ana Souza · May 4, 2024'
    """
    return BYLINE_SEPARATOR.join(byline_parts(article, words))


def source_line(article: Article, words: Words) -> Inline | None:
    """The line naming the story's source, in the theme's wording for the brief's language
    (``Source: …``, ``Quelle: …``), or ``None`` when the brief names none. Writers render it as
    any text, so an address in it is a link.

    >>> from exporter.model import Metadata
    >>> from exporter.theme import load_theme
    >>> from exporter.text.wording import words_for
    >>> article = Article("t", metadata=Metadata(source="https://example.org/a", language="de"))
    >>> source_line(article, words_for(article, load_theme("default"))).text
    'Quelle: https://example.org/a'
    """
    source = article.metadata.source
    if not source or not source.strip():
        return None
    return Inline(words.source_line(source))
