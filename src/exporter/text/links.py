"""Web addresses in text: the one rule every format uses to decide what is a link and where it
points, so that a brief's links are the same in DOCX, PDF, EPUB, HTML and Markdown.

A link is an address written as ``http://…``, ``https://…`` or ``www.…`` with a host a browser
would accept. Punctuation that ends the sentence is not part of it (``see www.example.org.``),
nor is a closing bracket that opens outside it (``(see https://example.org/a)``), but brackets
the address balances are (``https://en.wikipedia.org/wiki/Python_(programming_language)``).
Anything else that looks like an address (``https://www.a..b/x``, ``http://0x7f.1/``,
``javascript:…``, ``file:…``) stays text in every format. Targets are valid URLs: characters a
URL may not hold as they are (spaces, ``|``, a stray ``%``) are percent-encoded.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, replace

from exporter.model import Inline as InlineText
from exporter.model import Span


@dataclass(frozen=True, slots=True)
class Link:
    """A web address as written (``text``) and the valid URL it points to (``target``)."""

    text: str
    target: str


#: A run of inline content: literal text or a link.
Inline = str | Link

# A candidate address runs from its scheme (or "www.") to the next space or quotation mark;
# :func:`_trimmed` then gives back the punctuation that belongs to the sentence.
_CANDIDATE = re.compile(r"""\b(?:https?://|www\.)[^\s<>"“”‘’«»]+""", re.IGNORECASE)
_SENTENCE_PUNCTUATION = frozenset(".,;:!?'…*_~")
_CLOSING = {")": "(", "]": "[", "}": "{"}


def split_links(text: str) -> tuple[Inline, ...]:
    """Split ``text`` into literal strings and :class:`Link` parts, in order.

    >>> split_links("See www.example.org/report.")
    ('See ', Link(text='www.example.org/report', target='https://www.example.org/report'), '.')
    >>> split_links("(https://en.wikipedia.org/wiki/C_(language))")[1].text
    'https://en.wikipedia.org/wiki/C_(language)'
    >>> split_links("https://www.a..b/x")
    ('https://www.a..b/x',)
    """
    if "://" not in text and "www." not in text.lower():  # the common case, decided in C
        return (text,) if text else ()
    parts: list[Inline] = []
    position = 0
    for match in _CANDIDATE.finditer(text):
        address = _trimmed(match.group())
        target = link_target(address if "://" in address else f"https://{address}")
        if target is None:
            continue
        if match.start() > position:
            parts.append(text[position : match.start()])
        parts.append(Link(address, target))
        position = match.start() + len(address)
    if position < len(text):
        parts.append(text[position:])
    return tuple(parts)


def _trimmed(address: str) -> str:
    """``address`` without the punctuation after it that belongs to the sentence.

    >>> _trimmed("https://example.org/a)."), _trimmed("https://example.org/f(x))")
    ('https://example.org/a', 'https://example.org/f(x)')
    """
    # Counted once, so that a run of thousands of brackets stays linear.
    opened = {closing: address.count(opening) for closing, opening in _CLOSING.items()}
    closed = {closing: address.count(closing) for closing in _CLOSING}
    end = len(address)
    while end:
        last = address[end - 1]
        if last in _CLOSING and opened[last] < closed[last]:
            closed[last] -= 1
        elif last not in _SENTENCE_PUNCTUATION:
            break
        end -= 1
    return address[:end]


def link_target(address: str) -> str | None:
    """``address`` as a valid web URL, stray characters percent-encoded; ``None`` if it cannot
    be one (no ``http``/``https`` scheme, or a host no browser would accept).

    Reading systems (and EPUBCheck) reject an ``href`` that is no valid URL, and text may hold
    things that look like addresses but are not.

    >>> link_target("https://example.org/a|b?q=50%#top#2")
    'https://example.org/a%7Cb?q=50%25#top%232'
    >>> link_target("https://www.a..b") is None, link_target("javascript:alert(1)") is None
    (True, True)
    """
    scheme, separator, rest = address.partition("://")
    if not separator or scheme.lower() not in ("http", "https"):
        return None
    end = next((index for index, char in enumerate(rest) if char in "/?#"), len(rest))
    authority, path = rest[:end], rest[end:]
    if not _valid_authority(authority):
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
    if not host or (port and int(port) > 65535):
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
    if text.isascii() and not also and all(map(_safe_ascii, text)):
        return text
    return "".join(
        urllib.parse.quote(char, safe="") if _unsafe_in_url(char) or char in also else char
        for char in text
    )


def _safe_ascii(char: str) -> bool:
    return char.isalnum() or char in _URL_PUNCTUATION


def _unsafe_in_url(char: str) -> bool:
    if char.isascii():
        return not _safe_ascii(char)
    return unicodedata.category(char) in ("Cc", "Cf", "Cn", "Co", "Cs", "Zs", "Zl", "Zp")


def linked_spans(text: InlineText) -> tuple[Span, ...]:
    """The spans of ``text`` with every web address in unlinked, non-code text made a link: what
    every writer renders, so that a bare address is a link in every format alike.

    >>> [(span.text, span.link) for span in linked_spans(InlineText("See www.example.org."))]
    [('See ', None), ('www.example.org', 'https://www.example.org'), ('.', None)]
    """
    if not text.spans and text.text == "\n":
        # Hard breaks are spans of marked text; a line end alone in plain text is a space, as
        # every line end in plain text always was.
        return (Span(" "),)
    spans: list[Span] = []
    for span in text.runs():
        if span.code or span.link is not None:
            spans.append(span)
            continue
        for part in split_links(span.text):
            if isinstance(part, Link):
                spans.append(replace(span, text=part.text, link=part.target))
            else:
                spans.append(replace(span, text=part))
    return tuple(spans)
