"""An article as one XHTML document and a stylesheet from the theme, for EPUB and (later) HTML.

This module knows nothing about EPUB packaging: it makes a standalone, polyglot XHTML5
document (``article_document``), the CSS that styles it (``stylesheet``) and the list of
anchors that a table of contents points at (``navigation``). Text enters the tree in exactly
one function, :func:`_append_text`; lxml escapes it on output, so no input can produce
markup, and characters that XML cannot hold are replaced before they reach lxml.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, assert_never

from lxml import etree

from exporter.inline import Link, split_links
from exporter.model import Article, Block, ListBlock, Paragraph, Section
from exporter.theme import Font, Theme
from exporter.timestamps import parse_brief_date

XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

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


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place in the document that a table of contents links to: its label and element id."""

    label: str
    id: str


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
        scripts = [tag for tag in subtags[1:] if len(tag) == 4]
        if scripts:
            return "rtl" if scripts[0] in _RTL_SCRIPTS else "ltr"
        return "rtl" if subtags[0] in _RTL_LANGUAGES else "ltr"
    return _dominant_direction(article)


def _dominant_direction(article: Article) -> Direction:
    blocks = (_block_text(block) for block in article.blocks())
    text = " ".join((article.title, *article.key_points, *article.headings, *blocks))
    classes = [unicodedata.bidirectional(char) for char in text]
    right_to_left = sum(1 for kind in classes if kind in ("R", "AL"))
    return "rtl" if right_to_left > classes.count("L") else "ltr"


def _block_text(block: Block) -> str:
    match block:
        case Paragraph(text=text):
            return text
        case ListBlock(items=items):
            return " ".join(items)
        case _:
            assert_never(block)


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
    article = readable(article)
    language = language_tag(article)
    html = etree.fromstring(f'<html xmlns="{XHTML_NAMESPACE}"/>')
    html.set("lang", language)
    html.set(_XML_LANG, language)
    html.set("dir", text_direction(article))
    _head(html, article, stylesheet_href)
    body = _element(html, "body")
    _title_block(body, article)
    _key_points(body, article, theme.key_points.label)
    headed = 0
    for section in article.sections:
        headed += bool(section.heading)
        _section(body, section, _section_id(headed) if section.heading else None)
    return b"".join(
        (
            b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n',
            etree.tostring(html, encoding="utf-8"),
            b"\n",
        )
    )


def _head(html: etree._Element, article: Article, stylesheet_href: str | None) -> None:
    head = _element(html, "head")
    _element(head, "meta", {"charset": "utf-8"})
    _append_text(_element(head, "title"), article.title)
    if stylesheet_href is not None:
        _element(head, "link", {"rel": "stylesheet", "type": "text/css", "href": stylesheet_href})


def _title_block(body: etree._Element, article: Article) -> None:
    header = _element(body, "header", {"class": "title-block"})
    _inline(_element(header, "h1", {"class": "title", "id": "title"}), article.title)
    if article.subtitle:
        _inline(_element(header, "p", {"class": "subtitle"}), article.subtitle)
    if article.metadata.author:
        _inline(_element(header, "p", {"class": "author"}), article.metadata.author)
    if article.metadata.date:
        paragraph = _element(header, "p", {"class": "date"})
        moment = parse_brief_date(article.metadata.date)
        if moment is None:
            _append_text(paragraph, article.metadata.date)
        else:
            time = _element(paragraph, "time", {"datetime": moment.date().isoformat()})
            _append_text(time, article.metadata.date)


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
        _inline(_element(element, "h2"), section.heading)
    for block in section.blocks:
        _block(element, block)


def _block(parent: etree._Element, block: Block) -> None:
    match block:
        case Paragraph(text=text):
            _inline(_element(parent, "p"), text)
        case ListBlock(items=items, ordered=ordered):
            items_element = _element(parent, "ol" if ordered else "ul")
            for item in items:
                _inline(_element(items_element, "li"), item)
        case _:
            assert_never(block)


def _element(
    parent: etree._Element, tag: str, attributes: dict[str, str] | None = None
) -> etree._Element:
    """A child element; inside block containers each child starts a line, for readable source."""
    element = etree.SubElement(parent, f"{{{XHTML_NAMESPACE}}}{tag}")
    for name, value in (attributes or {}).items():
        element.set(name, xml_storable(value))
    if etree.QName(parent).localname in _BLOCK_CONTAINERS:
        if len(parent) == 1:
            parent.text = "\n"
        element.tail = "\n"
    return element


# Elements whose children are all blocks, so whitespace between them carries no meaning.
_BLOCK_CONTAINERS = frozenset({"html", "head", "body", "header", "aside", "section", "ul", "ol"})


def _inline(element: etree._Element, text: str) -> None:
    """Text with its web addresses as links (an address that is no valid URL stays text)."""
    for part in split_links(text):
        href = link_href(part.target) if isinstance(part, Link) else None
        if isinstance(part, Link) and href is not None:
            _append_text(_element(element, "a", {"href": href}), part.text)
        else:
            _append_text(element, part.text if isinstance(part, Link) else part)


def link_href(target: str) -> str | None:
    """``target`` as a valid URL, stray characters percent-encoded; ``None`` if it cannot be one.

    Reading systems (and EPUBCheck) reject an ``href`` that is no valid URL, and text may hold
    things that look like addresses but are not (``https://x.com/a|b``, ``www.a..b``).

    >>> link_href("https://example.org/a|b?q=50%#top#2")
    'https://example.org/a%7Cb?q=50%25#top%232'
    >>> link_href("https://www.a..b") is None
    True
    """
    scheme, separator, rest = target.partition("://")
    end = next((index for index, char in enumerate(rest) if char in "/?#"), len(rest))
    authority, path = rest[:end], rest[end:]
    if not separator or not _valid_authority(authority):
        return None
    before_fragment, hash_sign, fragment = path.partition("#")
    encoded = _percent_encode(before_fragment) + hash_sign + _percent_encode(fragment, also="#")
    return f"{scheme}://{authority}{encoded}"


def _valid_authority(authority: str) -> bool:
    userinfo, _, host_and_port = authority.rpartition("@")
    match = _HOST_AND_PORT.fullmatch(host_and_port)
    if match is None or _percent_encode(userinfo) != userinfo:
        return False
    host, port = match.group(1), match.group(2) or ""
    if port and int(port) > 65535:
        return False
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return False
        return True
    try:
        ascii_host = host.encode("idna").decode("ascii")
        ascii_host.encode("ascii").decode("idna")  # rejects xn-- labels that are no Punycode
    except UnicodeError:
        return False
    if _ASCII_HOST.fullmatch(ascii_host) is None:
        return False
    # A host whose last label is a number is an IPv4 address to a browser, so it must be one.
    if _NUMERIC_LABEL.fullmatch(ascii_host.rstrip(".").rpartition(".")[2]):
        try:
            ipaddress.IPv4Address(ascii_host.rstrip("."))
        except ValueError:
            return False
    return True


_HOST_AND_PORT = re.compile(r"(\[[^\]]*\]|[^:]*)(?::([0-9]*))?")
_NUMERIC_LABEL = re.compile(r"[0-9]+|0[xX][0-9A-Fa-f]*")
_ASCII_HOST = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?")
_URL_PUNCTUATION = frozenset("!$&'()*+,-./:;=?@_~%")


def _percent_encode(text: str, also: str = "") -> str:
    """Percent-encode what a URL's path, query or fragment may not hold as it is."""
    text = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", text)
    return "".join(
        urllib.parse.quote(char, safe="") if _unsafe_in_url(char) or char in also else char
        for char in text
    )


def _unsafe_in_url(char: str) -> bool:
    if char.isascii():
        return not (char.isalnum() or char in _URL_PUNCTUATION)
    return unicodedata.category(char) in ("Cc", "Cf", "Cn", "Co", "Cs", "Zs", "Zl", "Zp")


def _append_text(element: etree._Element, text: str) -> None:
    """The one place where text enters the document (lxml escapes it on output)."""
    text = xml_storable(text)
    children = list(element)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def xml_storable(text: str) -> str:
    """``text`` with each character XHTML cannot hold replaced by U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class FontFace:
    """A font file the stylesheet declares: its family, its face (``regular``, ``bold``,
    ``italic`` or ``bold_italic``, as in :attr:`Font.files`) and the URL it is packaged at."""

    family: str
    face: str
    url: str


# CSS font-weight and font-style of each face name a theme may use.
FONT_FACES = {
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bold_italic": ("bold", "italic"),
}


def stylesheet(theme: Theme, font_faces: Sequence[FontFace] = ()) -> str:
    """The CSS for :func:`article_document`, every value taken from ``theme``.

    Sizes are in ``em`` relative to the body size, so a reader's own text size still applies;
    the theme's body size is the reference (``1em``). ``font_faces`` are the font files the
    caller packages beside the document; each gets an ``@font-face`` rule.
    """
    sizes, spacing, colors, box = theme.sizes, theme.spacing, theme.colors, theme.key_points

    def em(points: float, font_size: float = sizes.body) -> str:
        return f"{points / font_size:.4g}em"

    hyphens = "auto" if theme.hyphenate else "manual"
    marker = _css_string(f"{box.bullet} ")
    rules: dict[str, dict[str, str | tuple[str, ...]]] = {
        "body": {
            "font-family": _font_family(theme.fonts.body),
            "color": colors.text.css,
            "line-height": f"{spacing.line:.4g}",
            # Long web addresses wrap instead of running off narrow screens.
            "overflow-wrap": "break-word",
        },
        "p, li": {
            **({"text-align": "justify"} if theme.justify else {}),
            "hyphens": hyphens,
            "-webkit-hyphens": hyphens,
            "-epub-hyphens": hyphens,
        },
        "p": {"margin": f"0 0 {em(spacing.paragraph_after)} 0"},
        "h1, h2": {"page-break-after": "avoid", "break-after": "avoid"},
        ".title-block": {"margin": f"0 0 {em(spacing.heading_before)} 0"},
        "h1.title": {
            "font-family": _font_family(theme.fonts.title),
            "font-size": em(sizes.title),
            "color": colors.title.css,
            "margin": f"0 0 {em(spacing.heading_after, sizes.title)} 0",
        },
        ".subtitle": {
            "font-family": _font_family(theme.fonts.title),
            "font-size": em(sizes.subtitle),
            "color": colors.muted.css,
            "margin": f"0 0 {em(spacing.heading_after, sizes.subtitle)} 0",
        },
        ".author, .date": {"font-size": em(sizes.meta), "color": colors.muted.css, "margin": "0"},
        "h2": {
            "font-family": _font_family(theme.fonts.heading),
            "font-size": em(sizes.heading),
            "color": colors.heading.css,
            "margin": f"{em(spacing.heading_before, sizes.heading)} 0 "
            f"{em(spacing.heading_after, sizes.heading)} 0",
        },
        "ul, ol": {
            "margin": f"0 0 {em(spacing.paragraph_after)} 0",
            "padding": f"0 0 0 {em(spacing.list_indent)}",
        },
        '[dir="rtl"] ul, [dir="rtl"] ol': {"padding": f"0 {em(spacing.list_indent)} 0 0"},
        # Readers that do not know string markers keep the disc declared first.
        "ul": {"list-style-type": ("disc", marker)},
        "ul > li::marker": {"color": colors.accent.css},
        "a": {"color": colors.link.css},
        "aside.key-points": {
            "font-size": em(sizes.key_points),
            "background-color": box.background.css,
            "border": f"{box.border_width:.4g}pt solid {box.border_color.css}",
            "padding": em(box.padding, sizes.key_points),
            "margin": f"0 0 {em(spacing.heading_before, sizes.key_points)} 0",
            "page-break-inside": "avoid",
            "break-inside": "avoid",
        },
        "aside.key-points h2": {
            "font-size": "1em",
            "color": box.label_color.css,
            "margin": f"0 0 {em(spacing.heading_after, sizes.key_points)} 0",
        },
        "aside.key-points ul": {"margin": "0"},
    }
    faces = "".join(_css_rule("@font-face", _font_face(face)) for face in font_faces)
    return faces + "".join(_css_rule(selector, block) for selector, block in rules.items())


def _font_face(face: FontFace) -> dict[str, str | tuple[str, ...]]:
    weight, style = FONT_FACES[face.face]
    return {
        "font-family": _css_string(face.family),
        "font-weight": weight,
        "font-style": style,
        "src": f"url({_css_string(face.url)})",
    }


def _css_rule(selector: str, declarations: dict[str, str | tuple[str, ...]]) -> str:
    lines = [
        f"  {name}: {value};\n"
        for name, values in declarations.items()
        for value in ((values,) if isinstance(values, str) else values)
    ]
    return f"{selector} {{\n{''.join(lines)}}}\n"


_GENERIC_FAMILIES = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy"})


def _font_family(font: Font) -> str:
    """A CSS ``font-family`` chain, ending with the generic family the names suggest."""
    names = [name for name in font.chain if name.strip()]
    if any(name.lower() in _GENERIC_FAMILIES for name in names):
        generic = None
    elif any("mono" in name.lower() for name in names):
        generic = "monospace"
    elif any("sans" in name.lower() for name in names):
        generic = "sans-serif"
    else:
        generic = "serif"
    parts = [name if name.lower() in _GENERIC_FAMILIES else _css_string(name) for name in names]
    return ", ".join([*parts, *([generic] if generic else [])])


def _css_string(value: str) -> str:
    """A CSS string literal: quotes, backslashes and line breaks escaped."""
    escaped = re.sub(r'["\\\n\r\f]', lambda match: f"\\{ord(match.group()):x} ", value)
    return f'"{xml_storable(escaped)}"'
