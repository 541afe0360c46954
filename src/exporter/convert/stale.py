"""Stale outputs: files in the output folder whose brief no longer exists.

Whoever ships an output folder ships everything in it, so an old handout left behind by a
deleted or renamed brief must at least be named. With ``prune`` it is deleted, but only when its
bytes are still the ones exporter wrote (the manifest keeps their SHA-256): a file someone
edited, or replaced, by hand is kept and reported as modified.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from exporter.convert.manifest import Manifest, file_digest

#: ``stale``: still there; ``pruned``: deleted; ``modified``: kept, changed since exporter
#: wrote it (or it could not be deleted).
StaleStatus = Literal["stale", "pruned", "modified"]


@dataclass(frozen=True, slots=True)
class StaleOutput:
    """An output whose brief is gone: its path, the brief it was made from, what was done."""

    path: str
    source: str
    status: StaleStatus

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "source": self.source, "status": self.status}


def settle_stale(out: Path, manifest: Manifest, *, prune: bool) -> tuple[StaleOutput, ...]:
    """The stale outputs recorded in ``manifest``, pruned when asked; ``manifest`` forgets
    outputs that are gone (deleted by hand or pruned here)."""
    found: list[StaleOutput] = []
    for name, record in sorted(manifest.written.items()):
        if not _is_inside(name):  # a manifest edited to point outside: never touched
            continue
        source = out / record.source
        if source.exists():
            continue
        path = out / name
        if not path.is_file():
            manifest.forget(name)
            continue
        shown = os.path.normpath(source)
        if not prune:
            found.append(StaleOutput(str(path), shown, "stale"))
        elif file_digest(path) == record.sha256 and _delete(path):
            manifest.forget(name)
            found.append(StaleOutput(str(path), shown, "pruned"))
        else:
            found.append(StaleOutput(str(path), shown, "modified"))
    return tuple(found)


def source_in_manifest(source: str, out: Path) -> str:
    """``source`` as the manifest records it: relative to the output folder."""
    return os.path.relpath(Path(source).absolute(), out.absolute())


def _is_inside(name: str) -> bool:
    """Whether the manifest path ``name`` names a file inside the output folder."""
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts


def _delete(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    with contextlib.suppress(OSError):
        path.parent.rmdir()  # a folder the pruned file leaves empty goes too (never a full one)
    return True
