"""Writing output files so that a finished-looking file is always a finished file.

Each file is written to a temporary file in the same folder and renamed over the target, so an
interrupted run (Ctrl-C, kill, full disk) leaves either the old file or the new one, never a
truncated one; the temporary file is removed on any failure.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from exporter.errors import OutputError


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, creating its folder; raise :class:`OutputError`.

    ``durable`` flushes the file to the disk before it replaces the old one, so that it
    survives a power cut too; a caller writing many files can instead sync once at the end.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
    except OSError as error:
        raise OutputError(_reason(error), path=path.parent) from None
    temporary = Path(temporary_name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        temporary.chmod(0o644)  # mkstemp makes it private; outputs are ordinary files
        temporary.replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise OutputError(_reason(error), path=path) from None
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporary files a killed run left in ``folder`` (never finished outputs)."""
    for leftover in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _reason(error: OSError) -> str:
    return f"cannot write: {error.strerror or error}"
