"""Web addresses found in text, made into valid link targets or left as text."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
import urllib.parse


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
