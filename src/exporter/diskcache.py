"""The user's cache directory: what is slow to work out at start-up, kept between runs.

Several things cost a fresh process tens of milliseconds and depend only on files that rarely
change: a font's coverage and metrics (:mod:`exporter.fonts.cache`), a hyphenation dictionary's
patterns, the fonts fontconfig lists. Each is kept here, in an *area* of
``$XDG_CACHE_HOME/exporter`` (else ``~/.cache/exporter``), under a name derived from everything
it depends on: the source file's identity (:func:`file_identity`), the versions of exporter and
of the library that read it, and the caller's format number. A changed source therefore never
meets a stale entry. Entries are added, not updated (except fontconfig's listing, which a newer
listing replaces), and the cache may be deleted at any time.

Every entry is written atomically and starts with the SHA-256 of its content, so a torn or
damaged file reads as missing; callers decode entries with parsers that cannot run code (JSON,
arrays of numbers) and treat anything unexpected as missing. The cache is never required: one
that cannot be read or written (a read-only home, a full disk) costs time, never a failure. A
brief never chooses what is cached: keys name fonts, dictionaries and configuration files.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from exporter._version import __version__

_DIGEST_SIZE = 32


def directory(area: str) -> Path | None:
    """The folder of cache ``area`` (``fonts``, ``hyphenation``…); ``None`` when the user has
    no home to keep a cache in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base and Path(base).is_absolute():
        return Path(base) / "exporter" / area
    try:
        return Path.home() / ".cache" / "exporter" / area
    except RuntimeError:  # no HOME and no password entry: nowhere to keep a cache
        return None


def file_identity(path: Path, index: int = 0) -> str:
    """What tells one version of a file from another without reading it: its resolved path,
    size, modification time and inode (and ``index``, a face inside a font collection).

    Raises :class:`OSError` when the file cannot be found.
    """
    resolved = path.resolve()
    stat = resolved.stat()
    return f"{resolved}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}\0{index}"


@functools.cache
def package_identity(package: str) -> str:
    """An installed package, told apart without importing it: an upgrade replaces its files,
    and with them this identity (its version string alone misses a patched reinstall)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return f"no {package}"
    try:
        return file_identity(Path(spec.origin))
    except OSError:
        return f"unreadable {package}"


def entry_name(kind: str, parts: Iterable[str], suffix: str) -> str:
    """The file name of the entry of ``kind`` that depends on ``parts`` (with exporter's
    version added to them)."""
    digest = hashlib.sha256()
    for part in (__version__, kind, *parts):
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return f"{kind}-{digest.hexdigest()[:40]}{suffix}"


def load(area: str, name: str) -> bytes | None:
    """The content of entry ``name`` of ``area``, or ``None`` when it is missing or damaged."""
    folder = directory(area)
    if folder is None:
        return None
    try:
        stored = (folder / name).read_bytes()
    except OSError:
        return None
    content = stored[_DIGEST_SIZE:]
    if hashlib.sha256(content).digest() != stored[:_DIGEST_SIZE]:
        return None
    return content


def store(area: str, name: str, content: bytes) -> Path | None:
    """Keep ``content`` as entry ``name`` of ``area``; its path, or ``None`` if it could not be
    written.

    The entry appears whole or not at all (written to a temporary file, then renamed), so
    processes converting in parallel never read each other's half-written entries.
    """
    folder = directory(area)
    if folder is None:
        return None
    target = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
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
