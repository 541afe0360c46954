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

#: Separates the parts of the byline under the title (author · date).
BYLINE_SEPARATOR = " · "

#: Joins the authors and what the byline says they are (Ana Souza, Health Reporter).
ROLE_SEPARATOR = ", "

#: The label of the line at the end of a handout that names the story's source. The one place
#: it is written: every format shows it through :func:`source_line`.
SOURCE_LABEL = "Source"

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


def credit(article: Article) -> str | None:
    """Who wrote the story, as the byline names them: the authors, then their role.

    >>> from exporter.model import Metadata
    >>> credit(Article("t", metadata=Metadata(author="Ana Souza", role="Health Reporter")))
    'Ana Souza, Health Reporter'
    """
    metadata = article.metadata
    author = metadata.author if metadata.author and metadata.author.strip() else None
    role = metadata.role if metadata.role and metadata.role.strip() else None
    if author and role:
        return f"{author}{ROLE_SEPARATOR}{role}"
    return author or role


def byline_parts(article: Article) -> tuple[str, ...]:
    """The parts of the byline, in order: the :func:`credit` and the date, where the brief has
    them."""
    date = article.metadata.date
    return tuple(part for part in (credit(article), date) if part and part.strip())


def byline(article: Article) -> str:
    """The line under the title: ``author, role · date``; empty when the brief has none.

    >>> from exporter.model import Metadata
    >>> byline(Article("t", metadata=Metadata(author="Ana Souza", date="2024-05-04")))
    'Ana Souza · 2024-05-04'
    >>> byline(Article("t", metadata=Metadata(authors=("Ana Souza",), role="Health Reporter")))
    'Ana Souza, Health Reporter'
    """
    return BYLINE_SEPARATOR.join(byline_parts(article))


def source_line(article: Article) -> Inline | None:
    """The line at the end of a handout naming the story's source (``Source: …``), or ``None``
    when the brief names none. Writers render it as any text, so an address in it is a link.

    >>> from exporter.model import Metadata
    >>> source_line(Article("t", metadata=Metadata(source="https://example.org/a"))).text
    'Source: https://example.org/a'
    """
    source = article.metadata.source
    if not source or not source.strip():
        return None
    return Inline(f"{SOURCE_LABEL}: {source.strip()}")
