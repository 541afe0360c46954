"""The on-disk font cache: what is slow to work out from a font file, kept between runs.

Facts read from a font (its coverage, its embedding permissions) and fonts made from it (a
subset, a TrueType conversion of CFF outlines) are stored in the user's cache directory
(``$XDG_CACHE_HOME/exporter/fonts``, else ``~/.cache/exporter/fonts``), under a name derived
from everything they depend on: the font file's identity (path, size, modification time, face
index), what was asked of it, :data:`FORMAT` and the installed fontTools. A changed font
file therefore never meets a stale entry, and entries are never updated, only added.

Every entry is written atomically and starts with the SHA-256 of its content, so a torn or
damaged file reads as missing. A cache that cannot be read or written (a read-only home, a
full disk) costs time, never a failure.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

#: Bump when what the cache holds changes shape or meaning: older entries are then ignored.
FORMAT = "1"

_DIGEST_SIZE = 32


def cache_directory() -> Path | None:
    """Where font cache entries live; ``None`` when the user has no home to keep them in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base and Path(base).is_absolute():
        return Path(base) / "exporter" / "fonts"
    try:
        return Path.home() / ".cache" / "exporter" / "fonts"
    except RuntimeError:  # no HOME and no password entry: nowhere to keep a cache
        return None


def file_identity(path: Path, index: int = 0) -> str:
    """What tells one font file version from another without reading it: its resolved path,
    size and modification time (and the face ``index`` inside a collection)."""
    resolved = path.resolve()
    stat = resolved.stat()
    return f"{resolved}\0{stat.st_size}\0{stat.st_mtime_ns}\0{index}"


def entry_name(kind: str, parts: Iterable[str], suffix: str) -> str:
    """The file name of the cache entry for ``kind`` (``facts``, ``subset``…) and the strings
    it depends on, which :data:`FORMAT` and the installed fontTools are added to."""
    digest = hashlib.sha256()
    for part in (FORMAT, _fonttools_identity(), kind, *parts):
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return f"{kind}-{digest.hexdigest()[:40]}{suffix}"


@functools.cache
def _fonttools_identity() -> str:
    """The installed fontTools, told apart without importing it (which costs ~30 ms): an
    upgrade replaces its files, and with them this identity."""
    spec = importlib.util.find_spec("fontTools")
    if spec is None or spec.origin is None:
        return "no fontTools"
    return file_identity(Path(spec.origin))


def load(name: str) -> bytes | None:
    """The content of cache entry ``name``, or ``None`` when it is missing or damaged."""
    directory = cache_directory()
    if directory is None:
        return None
    try:
        stored = (directory / name).read_bytes()
    except OSError:
        return None
    content = stored[_DIGEST_SIZE:]
    if hashlib.sha256(content).digest() != stored[:_DIGEST_SIZE]:
        return None
    return content


def store(name: str, content: bytes) -> Path | None:
    """Keep ``content`` as cache entry ``name``; its path, or ``None`` if it could not be written.

    The entry appears whole or not at all (written to a temporary file, then renamed), so
    processes converting in parallel never read each other's half-written entries.
    """
    directory = cache_directory()
    if directory is None:
        return None
    target = directory / name
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(hashlib.sha256(content).digest())
                stream.write(content)
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return None
    return target
