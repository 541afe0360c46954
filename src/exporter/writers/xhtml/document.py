"""The article as one XHTML5 document, and the anchors a table of contents points at.

Text enters the tree in exactly one function, :func:`_append_text`; lxml escapes it on
output, so no input can produce markup, and :func:`~exporter.text.characters.storable` drops
characters that XML cannot hold before they reach lxml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from lxml import etree

from exporter.model import Article, Block, ListBlock, Paragraph, Quote, Section
from exporter.text.characters import storable
from exporter.text.dates import parse_brief_date
from exporter.text.languages import FALLBACK_LANGUAGE, document_language
from exporter.text.links import Link, split_links
from exporter.text.metadata import BYLINE_SEPARATOR, subject
from exporter.text.readable import readable
from exporter.text.scripts import document_direction, foreign_runs, is_right_to_left
from exporter.theme import Theme

XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place in the document that a table of contents links to: its label and element id."""

    label: str
    id: str


def navigation(article: Article) -> tuple[Anchor, ...]:
    """One anchor per section heading, in order; the title alone when there are no headings."""
    article = readable(article)
    anchors = tuple(
        Anchor(heading, _section_id(number))
        for number, heading in enumerate(article.headings, start=1)
    )
    return anchors or (Anchor(article.title, "title"),)


def _section_id(number: int) -> str:
    return f"section-{number}"


def article_document(
    article: Article, theme: Theme, *, stylesheet_href: str | None = None
) -> bytes:
    """The whole article as a UTF-8 XHTML5 document (title block, key points, sections).

    >>> b"Rates &lt;on&gt; hold</h1>" in article_document(Article("Rates <on> hold"), Theme())
    True
    """
    html = article_tree(article, theme, stylesheet_href=stylesheet_href)
    return b"".join(
        (
            b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n',
            etree.tostring(html, encoding="utf-8"),
            b"\n",
        )
    )


def article_tree(
    article: Article,
    theme: Theme,
    *,
    stylesheet_href: str | None = None,
    style: str | None = None,
    web_page: bool = False,
) -> etree._Element:
    """The ``html`` element of :func:`article_document`, for writers that serialise it their way.

    ``style`` is CSS to put in a ``<style>`` element. A ``web_page`` (for browsers, not
    reading systems) gets a viewport and a ``<nav>`` table of contents (the anchors of
    :func:`navigation`) after the title block.
    """
    article = readable(article)
    language = document_language(article)
    html = etree.fromstring(f'<html xmlns="{XHTML_NAMESPACE}"/>')
    html.set("lang", language)
    html.set(_XML_LANG, language)
    html.set("dir", document_direction(article))
    _head(html, article, stylesheet_href, style, web_page)
    body = _element(html, "body")
    _title_block(body, article)
    if web_page:
        _contents(body, article)
    _key_points(body, article, theme.key_points.label_for(article.metadata.language))
    headed = 0
    for section in article.sections:
        headed += bool(section.heading)
        _section(body, section, _section_id(headed) if section.heading else None)
    return html


def _head(
    html: etree._Element,
    article: Article,
    stylesheet_href: str | None,
    style: str | None,
    web_page: bool,
) -> None:
    head = _element(html, "head")
    _element(head, "meta", {"charset": "utf-8"})
    if web_page:
        _element(head, "meta", {"name": "viewport", "content": "width=device-width"})
    _append_text(_element(head, "title"), article.title)
    about = subject(article)
    if about:
        _element(head, "meta", {"name": "description", "content": about})
    if article.metadata.author:
        _element(head, "meta", {"name": "author", "content": article.metadata.author})
    if stylesheet_href is not None:
        _element(head, "link", {"rel": "stylesheet", "type": "text/css", "href": stylesheet_href})
    if style is not None:
        _append_text(_element(head, "style"), style)


def _contents(body: etree._Element, article: Article) -> None:
    """A ``<nav>`` listing the sections; the title's anchor when the article has none."""
    items = _element(_element(body, "nav", {"class": "contents"}), "ol")
    for anchor in navigation(article):
        _append_text(_element(_element(items, "li"), "a", {"href": f"#{anchor.id}"}), anchor.label)


def _title_block(body: etree._Element, article: Article) -> None:
    header = _element(body, "header", {"class": "title-block"})
    _inline(_element(header, "h1", {"class": "title", "id": "title"}), article.title)
    if article.subtitle:
        _inline(_element(header, "p", {"class": "subtitle"}), article.subtitle)
    author, date = article.metadata.author, article.metadata.date
    if not (author or date):
        return
    byline = _element(header, "p", {"class": "byline"})
    if author:
        _inline(_element(byline, "span", {"class": "author"}), author)
    if author and date:
        _append_text(byline, BYLINE_SEPARATOR)
    if date:
        moment = parse_brief_date(date)
        if moment is None:
            _append_text(_element(byline, "span", {"class": "date"}), date)
        else:
            time = _element(
                byline, "time", {"class": "date", "datetime": moment.date().isoformat()}
            )
            _append_text(time, date)


def _key_points(body: etree._Element, article: Article, label: str) -> None:
    if not article.key_points:
        return
    if label.strip():
        aside = _element(body, "aside", {"class": "key-points", "aria-labelledby": "key-points"})
        _append_text(_element(aside, "h2", {"id": "key-points"}), label)
    else:  # a theme without a label gets no empty heading
        aside = _element(body, "aside", {"class": "key-points"})
    bullets = _element(aside, "ul")
    for point in article.key_points:
        _inline(_element(bullets, "li"), point.text)


def _section(body: etree._Element, section: Section, section_id: str | None) -> None:
    element = _element(body, "section", {"id": section_id} if section_id else {"class": "lead"})
    if section.heading:
        _inline(_element(element, "h2"), section.heading.text)
    for block in section.blocks:
        _block(element, block)


def _block(parent: etree._Element, block: Block) -> None:
    match block:
        case Paragraph(text=text):
            _inline(_element(parent, "p"), text)
        case ListBlock(items=items, ordered=ordered):
            items_element = _element(parent, "ol" if ordered else "ul")
            for item in items:
                _inline(_element(items_element, "li"), item.text)
        case Quote(paragraphs=paragraphs):
            quote = _element(parent, "blockquote")
            for paragraph in paragraphs:
                _inline(_element(quote, "p"), paragraph.text)
        case _:
            assert_never(block)


def _element(
    parent: etree._Element, tag: str, attributes: dict[str, str] | None = None
) -> etree._Element:
    """A child element; inside block containers each child starts a line, for readable source."""
    element = etree.SubElement(parent, f"{{{XHTML_NAMESPACE}}}{tag}")
    for name, value in (attributes or {}).items():
        element.set(name, storable(value))
    if etree.QName(parent).localname in _BLOCK_CONTAINERS:
        if element.getprevious() is None:  # the first child (len() would count them all)
            parent.text = "\n"
        element.tail = "\n"
    return element


# Elements whose children are all blocks, so whitespace between them carries no meaning.
_BLOCK_CONTAINERS = frozenset(
    {"html", "head", "body", "header", "nav", "aside", "section", "ul", "ol"}
)


def _inline(element: etree._Element, text: str) -> None:
    """Text with its web addresses as links (an address that is no valid URL stays text)."""
    for part in split_links(text):
        if isinstance(part, Link):
            _append_text(_element(element, "a", {"href": part.target}), part.text)
        else:
            _tagged_text(element, part)


def _tagged_text(element: etree._Element, text: str) -> None:
    """Text with each run in another script than the document's in a ``span`` naming its
    language (and its direction, where it differs), for fonts, hyphenation and voices."""
    root = element.getroottree().getroot()
    language = root.get("lang") or FALLBACK_LANGUAGE
    document_rtl = root.get("dir") == "rtl"
    for run, run_language in foreign_runs(text, language):
        if run_language is None:
            _append_text(element, run)
            continue
        attributes = {"lang": run_language, _XML_LANG: run_language}
        if is_right_to_left(run_language) != document_rtl:
            attributes["dir"] = "rtl" if is_right_to_left(run_language) else "ltr"
        _append_text(_element(element, "span", attributes), run)


def _append_text(element: etree._Element, text: str) -> None:
    """The one place where text enters the document (lxml escapes it on output)."""
    text = storable(text)
    children = list(element)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text
