"""The article as one XHTML5 document, and the anchors a table of contents points at.

Text enters the tree in exactly one function, :func:`_append_text`; lxml escapes it on
output, so no input can produce markup, and :func:`~exporter.text.characters.storable` drops
characters that XML cannot hold before they reach lxml.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import assert_never

from lxml import etree

from exporter.model import Article, Block, Inline, ListBlock, Paragraph, Quote, Section, Span
from exporter.text.characters import storable
from exporter.text.dates import parse_brief_date
from exporter.text.languages import FALLBACK_LANGUAGE, document_language
from exporter.text.links import linked_spans
from exporter.text.metadata import BYLINE_SEPARATOR, credit, source_line, subject
from exporter.text.readable import readable
from exporter.text.scripts import document_direction, foreign_runs, is_right_to_left
from exporter.theme import Theme

XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place in the document that a table of contents links to: its label, element id and
    heading level (2 for a section, 3 for a subsection…)."""

    label: str
    id: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class NavEntry:
    """An anchor of a table of contents and the entries nested under it."""

    anchor: Anchor
    children: tuple[NavEntry, ...] = ()


def navigation(article: Article) -> tuple[Anchor, ...]:
    """One anchor per section heading, in order; the title alone when there are no headings."""
    article = readable(article)
    headed = (section for section in article.sections if section.heading)
    anchors = tuple(
        Anchor(section.heading.text, _section_id(number), section.level)
        for number, section in enumerate(headed, start=1)
        if section.heading
    )
    return anchors or (Anchor(article.title, "title"),)


def navigation_tree(anchors: Sequence[Anchor]) -> tuple[NavEntry, ...]:
    """``anchors`` nested by level: each under the nearest anchor before it of a lower level.

    >>> tree = navigation_tree([Anchor("A", "a"), Anchor("B", "b", 3), Anchor("C", "c")])
    >>> [(entry.anchor.id, [child.anchor.id for child in entry.children]) for entry in tree]
    [('a', ['b']), ('c', [])]
    """
    roots: list[_OpenEntry] = []
    chain: list[_OpenEntry] = []  # the entries a later anchor may nest under, outermost first
    for anchor in anchors:
        while chain and chain[-1].anchor.level >= anchor.level:
            chain.pop()
        entry = _OpenEntry(anchor, [])
        (chain[-1].children if chain else roots).append(entry)
        chain.append(entry)
    return tuple(entry.frozen() for entry in roots)


@dataclass(slots=True)
class _OpenEntry:
    anchor: Anchor
    children: list[_OpenEntry]

    def frozen(self) -> NavEntry:
        return NavEntry(self.anchor, tuple(child.frozen() for child in self.children))


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
    _source(body, article)
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
    """A ``<nav>`` listing the sections, subsections nested under theirs; the title's anchor
    when the article has none."""
    _contents_list(
        _element(body, "nav", {"class": "contents"}), navigation_tree(navigation(article))
    )


def _contents_list(parent: etree._Element, entries: Sequence[NavEntry]) -> None:
    items = _element(parent, "ol")
    for entry in entries:
        item = _element(items, "li")
        _append_text(_element(item, "a", {"href": f"#{entry.anchor.id}"}), entry.anchor.label)
        if entry.children:
            _contents_list(item, entry.children)


def _title_block(body: etree._Element, article: Article) -> None:
    header = _element(body, "header", {"class": "title-block"})
    _inline(_element(header, "h1", {"class": "title", "id": "title"}), article.title)
    if article.subtitle:
        _inline(_element(header, "p", {"class": "subtitle"}), article.subtitle)
    author, date = credit(article), article.metadata.date
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
        _inline(_element(bullets, "li"), point)


def _section(body: etree._Element, section: Section, section_id: str | None) -> None:
    element = _element(body, "section", {"id": section_id} if section_id else {"class": "lead"})
    if section.heading:
        _inline(_element(element, heading_tag(section.level)), section.heading)
    for block in section.blocks:
        _block(element, block)


def heading_tag(level: int) -> str:
    """The element of a section heading: ``h2`` for a section, ``h3`` for a subsection, to
    ``h6`` (the title is the one ``h1``)."""
    return f"h{min(max(level, 2), 6)}"


def _block(parent: etree._Element, block: Block) -> None:
    match block:
        case Paragraph():
            _inline(_element(parent, "p"), block)
        case ListBlock():
            _list(parent, block)
        case Quote(paragraphs=paragraphs):
            quote = _element(parent, "blockquote")
            for paragraph in paragraphs:
                _inline(_element(quote, "p"), paragraph)
        case _:
            assert_never(block)


def _list(parent: etree._Element, block: ListBlock) -> None:
    """A list; an item's nested list goes inside the item, after its text."""
    items = _element(parent, "ol" if block.ordered else "ul")
    for item in block.items:
        element = _element(items, "li")
        _inline(element, item)
        if item.sublist is not None:
            _list(element, item.sublist)


def _source(body: etree._Element, article: Article) -> None:
    """The line naming the story's source, at the end, its address a link."""
    line = source_line(article)
    if line is not None:
        _inline(_element(body, "p", {"class": "source"}), line)


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


def _inline(element: etree._Element, text: Inline | str) -> None:
    """Text with its marked spans as ``strong``, ``em`` and ``code``, its links (and web
    addresses: an address that is no valid URL stays text) as ``a``, and its line breaks as
    ``br``. Neighbouring spans with the same link share one ``a``."""
    spans = linked_spans(text if isinstance(text, Inline) else Inline(text))
    for link, group in itertools.groupby(spans, key=lambda span: span.link):
        parent = element if link is None else _element(element, "a", {"href": link})
        for span in group:
            _span(parent, span)


def _span(parent: etree._Element, span: Span) -> None:
    if span.text == "\n":
        _element(parent, "br")
        return
    if span.strong:
        parent = _element(parent, "strong")
    if span.emphasis:
        parent = _element(parent, "em")
    if span.code:
        parent = _element(parent, "code")
    _tagged_text(parent, span.text)


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
