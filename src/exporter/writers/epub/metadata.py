"""What the package document says about the book: Dublin Core and accessibility metadata.

Every statement here must be true of the book that :mod:`exporter.writers.epub.package`
builds: one reflowable XHTML document of text, with headings, a navigation document and
links, styled by the theme. The conformance claim is made only when exporter's own checks
(:func:`meets_wcag_aa`) hold, and a certifier is named only when someone real is.
"""

from __future__ import annotations

import json
import uuid

from ebooklib import epub  # type: ignore[import-untyped]

from exporter.model import Article
from exporter.text.characters import storable
from exporter.text.dates import parse_brief_date
from exporter.text.languages import FALLBACK_LANGUAGE, document_language
from exporter.text.metadata import subject
from exporter.theme import Color, Theme
from exporter.writers.epub.summary import accessibility_summary

# Fixed forever: changing it would change the identifier of every book ever made.
_IDENTIFIER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:exporter:article")

#: The claim written when the book meets EPUB Accessibility 1.1 at WCAG 2.1 AA.
CONFORMANCE_CLAIM = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"

# WCAG 2.1 success criterion 1.4.3: normal-size text needs a 4.5:1 contrast ratio.
_MINIMUM_CONTRAST = 4.5
_PAGE = Color("FFFFFF")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability")
# Front-matter keys that name who checked this one book (they win over the theme's).
_CERTIFIER_KEYS = ("certified_by", "certifier_credential")


def identifier(article: Article) -> str:
    """A ``urn:uuid`` derived from the article's content: same brief, same identifier.

    >>> identifier(Article(title="Rates on hold")) == identifier(Article(title="Rates on hold"))
    True
    """
    content = json.dumps(_identity(article), ensure_ascii=False)
    return f"urn:uuid:{uuid.uuid5(_IDENTIFIER_NAMESPACE, content)}"


def _identity(article: Article) -> dict[str, object]:
    """The content an identifier is derived from: the model's JSON form as the first version of
    exporter wrote it, plus only what a brief adds that it could not hold, so that a new version
    does not renumber the books readers already hold. Where the brief was read from and what the
    parser repaired are not content: the same text read from another folder is the same book."""
    found = article.to_dict()
    found["warnings"] = []
    metadata = found["metadata"]
    assert isinstance(metadata, dict)
    del metadata["authors"], metadata["path"]  # "author" says who; the path is no content
    if metadata["role"] is None:
        del metadata["role"]
    sections = found["sections"]
    assert isinstance(sections, list)
    for section in sections:
        if section["level"] == 2:
            del section["level"]
    return found


def write_package_metadata(book: epub.EpubBook, article: Article, theme: Theme) -> None:
    """Write the Dublin Core and accessibility metadata of ``article`` into ``book``."""
    meta = article.metadata
    book.set_identifier(identifier(article))
    book.set_title(storable(article.title))
    book.set_language(document_language(article))
    if meta.author:
        book.add_author(storable(meta.author))
    moment = parse_brief_date(meta.date)
    if moment is not None:
        book.add_metadata("DC", "date", moment.date().isoformat())
    description = subject(article)
    if description:
        book.add_metadata("DC", "description", storable(description))
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", storable(keyword))
    _describe_accessibility(book, article, theme)


def _describe_accessibility(book: epub.EpubBook, article: Article, theme: Theme) -> None:
    """What the book offers (discovery metadata), and what it conforms to only when that is
    demonstrably true; who certified it only when a theme or the brief names a real evaluator.
    exporter checks its own output but is not a third party, so it never names itself."""
    properties = [
        ("schema:accessMode", "textual"),
        ("schema:accessMode", "visual"),  # the cover image
        ("schema:accessModeSufficient", "textual"),
        *(("schema:accessibilityFeature", feature) for feature in _FEATURES),
        ("schema:accessibilityHazard", "none"),
    ]
    if meets_wcag_aa(article, theme):
        properties.append(("dcterms:conformsTo", CONFORMANCE_CLAIM))
        certifier, credential = certification(article, theme)
        if certifier:
            properties.append(("a11y:certifiedBy", certifier))
            if credential:
                properties.append(("a11y:certifierCredential", credential))
    for name, value in properties:
        book.add_metadata(None, "meta", value, {"property": name})
    summary_language, summary = accessibility_summary(document_language(article))
    attributes = {"property": "schema:accessibilitySummary", _XML_LANG: summary_language}
    book.add_metadata(None, "meta", summary, attributes)


def certification(article: Article, theme: Theme) -> tuple[str | None, str | None]:
    """Who certified the book's accessibility, and their credential: from the brief's front
    matter (``certified_by``, ``certifier_credential``) when it names a certifier, else from the
    theme's ``[epub]`` table; ``None`` for what neither gives.

    >>> certification(Article("Rates"), Theme())
    (None, None)
    """
    extra = article.metadata.extra
    if _text(extra.get("certified_by")):
        certifier, credential = (_text(extra.get(key)) for key in _CERTIFIER_KEYS)
    else:
        certifier = _text(theme.epub.certified_by)
        credential = _text(theme.epub.certifier_credential)
    return (certifier, credential) if certifier else (None, None)


def _text(value: object) -> str | None:
    """``value`` as text the package document can hold, or ``None`` when it is not text or
    blank (a front-matter list or number is not a name)."""
    if not isinstance(value, str):
        return None
    return storable(value).strip() or None


def meets_wcag_aa(article: Article, theme: Theme) -> bool:
    """Whether the claim holds: a known language and enough contrast for every text colour.

    The structure (headings, lists, link text, reading order, navigation) is the same for
    every book; what varies is the language, which must be known (WCAG 3.1.1), and the
    theme's colours, which must contrast with the page and the key-points box (WCAG 1.4.3).
    """
    if document_language(article) == FALLBACK_LANGUAGE:
        return False
    colors, box = theme.colors, theme.key_points
    on_page = (colors.text, colors.title, colors.heading, colors.link, colors.muted)
    in_box = (colors.text, colors.link, box.label_color)
    return all(contrast(color, _PAGE) >= _MINIMUM_CONTRAST for color in on_page) and all(
        contrast(color, box.background) >= _MINIMUM_CONTRAST for color in in_box
    )


def contrast(first: Color, second: Color) -> float:
    """The WCAG 2.1 contrast ratio of two colours, from 1 to 21.

    >>> round(contrast(Color("000000"), Color("FFFFFF")), 1)
    21.0
    """
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(color: Color) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in color.rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
