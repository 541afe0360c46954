"""Reading an input file (a brief, a theme, a font, the manifest): regular files only, bounded.

exporter is pointed at folders others write to, so a path may name a FIFO (opening it would wait
forever for a writer), a device such as ``/dev/zero`` (endless bytes) or a socket, directly or
through a symbolic link. Every input is opened without blocking, checked to be a regular file on
the open descriptor (so a file swapped after a check is still caught), and read up to its limit
plus one byte: a file that grows while it is read never costs more memory than the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableFileError(Exception):
    """Why an input file cannot be read, in words a user understands (``"no such file"``);
    ``kind`` says what the path is instead when it is no regular file (``"a named pipe"``)."""

    def __init__(self, reason: str, kind: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


class FileTooLargeError(UnreadableFileError):
    """The file holds more than the limit; ``size`` is at least ``limit + 1`` bytes."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the file is {size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB")
        self.size = size
        self.limit = limit


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`UnreadableFileError` for a missing file, a folder, a FIFO, a device or a socket
    (never opening it in a way that could block), and :class:`FileTooLargeError` for a file over
    ``limit`` bytes, having read no more than ``limit + 1``.
    """
    descriptor = open_regular_file(path)
    try:
        size = os.fstat(descriptor).st_size
        if size > limit:
            raise FileTooLargeError(size, limit)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(_CHUNK, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLargeError(len(data), limit)
    return data


def open_regular_file(path: str | Path) -> int:
    """A read-only descriptor of the regular file at ``path``; :class:`UnreadableFileError` if it
    is anything else. The caller closes it."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise UnreadableFileError("no such file") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = error.strerror if isinstance(error, OSError) else None
        raise UnreadableFileError(f"cannot read the file: {reason or error}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "a special file")
            raise UnreadableFileError(f"is {kind}, not a regular file", kind)
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor
