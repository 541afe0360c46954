"""Finding briefs and deciding where their outputs go.

A folder is searched recursively for ``*.txt`` and ``*.md`` briefs and its tree is mirrored
under the output folder (``sources/a/b.txt`` → ``build/a/b.pdf``); a file given by itself goes
straight into the output folder. Every output path is built from a path *relative* to what the
user named, so nothing can land outside the output folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from exporter.errors import BriefError, OutputError

BRIEF_SUFFIXES = frozenset({".txt", ".md"})


@dataclass(frozen=True, slots=True)
class Brief:
    """A brief to convert and the output path of its files, without the extension."""

    source: Path
    output_stem: Path


def find_briefs(
    paths: Iterable[Path], out_dir: Path, unreadable: list[BriefError] | None = None
) -> list[Brief]:
    """The briefs under ``paths``, each with its output stem inside ``out_dir``.

    Raises :class:`OutputError` when two briefs would write the same output file (before
    anything is written). A path that does not exist, or a folder inside that cannot be read,
    is reported in ``unreadable`` so the others still convert (raised as a :class:`BriefError`
    when ``unreadable`` is ``None``).
    """
    briefs: list[Brief] = []
    for path in paths:
        if path.is_dir():
            briefs.extend(
                Brief(source, out_dir / source.relative_to(path).with_suffix(""))
                for source in _walk(path, _real(out_dir), unreadable)
            )
        elif path.is_file():
            briefs.append(Brief(path, out_dir / path.stem))
        else:
            _missing(path, unreadable)
    return _unique(briefs)


def _missing(path: Path, unreadable: list[BriefError] | None) -> None:
    """A named path that is not there: recorded beside the briefs, or raised without a list."""
    error = BriefError("no such file or folder", path=path)
    if unreadable is None:
        raise error
    unreadable.append(error)


def _walk(folder: Path, skip: Path, unreadable: list[BriefError] | None) -> list[Path]:
    """Briefs in ``folder`` and below, in a stable order; hidden folders and ``skip`` excluded.

    Symbolic links to folders are not followed, so a link loop cannot trap the search.
    """
    found: list[Path] = []

    def report(error: OSError) -> None:
        if unreadable is not None:
            reason = error.strerror or str(error)
            unreadable.append(BriefError(f"cannot read the folder: {reason}", path=error.filename))

    for root, folders, files in os.walk(folder, onerror=report, followlinks=False):
        here = Path(root)
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and _real(here / name) != skip
        )
        found.extend(
            here / name
            for name in sorted(files)
            if Path(name).suffix.lower() in BRIEF_SUFFIXES and not name.startswith(".")
        )
    return found


def _unique(briefs: list[Brief]) -> list[Brief]:
    """Drop a brief named twice; refuse two briefs that would write the same files."""
    seen: dict[Path, Path] = {}
    unique: list[Brief] = []
    for brief in briefs:
        earlier = seen.setdefault(brief.output_stem, brief.source)
        if _real(earlier) != _real(brief.source):
            raise OutputError(
                f"both {earlier} and {brief.source} would be written as "
                f"{brief.output_stem}.*; rename one of them",
                path=brief.source,
            )
        if earlier is brief.source:
            unique.append(brief)
    return unique


def _real(path: Path) -> Path:
    """``path`` with symbolic links resolved; unlike ``Path.resolve``, a link loop is no error."""
    return Path(os.path.realpath(path))
