"""The HTML writer: the article as one self-contained web page.

The page is the EPUB's content document (:mod:`exporter.writers.xhtml`: same markup, same
theme CSS) with the stylesheet inlined, a screen layout and a ``<nav>`` table of contents,
serialised as HTML5. It references nothing outside itself: fonts come from the reader's
system through the theme's font-family chains, which end in a generic family.
"""

from __future__ import annotations

from lxml import etree

from exporter.model import Article
from exporter.theme import Theme
from exporter.writers.xhtml import article_tree, screen_stylesheet, stylesheet

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_html(article: Article, theme: Theme) -> bytes:
    """The article as a UTF-8 HTML5 page with its CSS inlined.

    >>> page = render_html(Article("Rates <on> hold"), Theme())
    >>> page.startswith(b"<!DOCTYPE html>"), b'id="title">Rates &lt;on&gt; hold</h1>' in page
    (True, True)
    """
    css = _style_text(stylesheet(theme) + screen_stylesheet(theme))
    html = article_tree(article, theme, style=css, web_page=True)
    _to_html_names(html)
    return etree.tostring(html, method="html", encoding="utf-8", doctype="<!DOCTYPE html>") + b"\n"


def _style_text(css: str) -> str:
    """CSS safe inside ``<style>``: a ``</`` in a string would otherwise end the element."""
    return "\n" + css.replace("</", "<\\/")


def _to_html_names(html: etree._Element) -> None:
    """Drop the XHTML namespace and ``xml:lang`` (``lang`` says it in HTML)."""
    for element in html.iter():
        element.tag = etree.QName(element).localname
        element.attrib.pop(_XML_LANG, "")  # the root and spans in another script
    etree.cleanup_namespaces(html)
