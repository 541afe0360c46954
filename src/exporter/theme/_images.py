"""Image files a theme names (cover, logo): what kind each is, and its bytes read once."""

from __future__ import annotations

import functools
from pathlib import Path


def image_kind(head: bytes) -> str | None:
    """``png``, ``jpeg`` or ``svg`` from the first bytes of an image file; ``None`` otherwise."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg")) and b"<svg" in head:
        return "svg"
    return None


@functools.cache
def image_bytes(path: str) -> bytes:
    """The bytes of the image file at ``path``, read once per process (like the theme)."""
    return Path(path).read_bytes()
