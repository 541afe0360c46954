"""The on-disk font cache: what is slow to work out from a font file, kept between runs.

Facts read from a font (its coverage, its embedding permissions), fonts made from it (a
subset, a TrueType conversion of CFF outlines) and reportlab's parsed metrics of it are stored
in the ``fonts`` area of the user's cache directory (:mod:`exporter.diskcache`:
``$XDG_CACHE_HOME/exporter/fonts``, else ``~/.cache/exporter/fonts``), under a name derived from
everything they depend on: the font file's identity (path, size, modification time, inode,
face index), what was asked of it, :data:`FORMAT`, exporter's version and the installed
fontTools. A changed font file therefore never meets a stale entry, and entries are never
updated, only added.

Every entry is written atomically and starts with the SHA-256 of its content, so a torn or
damaged file reads as missing. A cache that cannot be read or written (a read-only home, a
full disk) costs time, never a failure.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from exporter import diskcache

#: Bump when what the cache holds changes shape or meaning: older entries are then ignored.
FORMAT = "1"

_AREA = "fonts"

file_identity = diskcache.file_identity


def cache_directory() -> Path | None:
    """Where font cache entries live; ``None`` when the user has no home to keep them in."""
    return diskcache.directory(_AREA)


def entry_name(kind: str, parts: Iterable[str], suffix: str) -> str:
    """The file name of the cache entry for ``kind`` (``facts``, ``subset``…) and the strings
    it depends on, which :data:`FORMAT` and the installed fontTools are added to."""
    return diskcache.entry_name(
        kind, [FORMAT, diskcache.package_identity("fontTools"), *parts], suffix
    )


def load(name: str) -> bytes | None:
    """The content of cache entry ``name``, or ``None`` when it is missing or damaged."""
    return diskcache.load(_AREA, name)


def store(name: str, content: bytes) -> Path | None:
    """Keep ``content`` as cache entry ``name``; its path, or ``None`` if it could not be written.

    The entry appears whole or not at all (written to a temporary file, then renamed), so
    processes converting in parallel never read each other's half-written entries.
    """
    return diskcache.store(_AREA, name, content)
