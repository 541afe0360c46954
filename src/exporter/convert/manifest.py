"""The incremental-build manifest: which inputs each output file was made from.

Stored as ``.exporter-manifest.json`` in the output folder. An output is rebuilt when the hash
of its inputs (the brief's bytes, the full resolved theme including its font and image files,
the format and the exporter version) differs from the recorded one, or when the file is missing.

Beside those keys (``outputs``), ``written`` records for each output the brief it was made from
(relative to the output folder, so a moved project keeps its manifest) and the SHA-256 of the
bytes exporter wrote: what finds stale outputs and proves a file unchanged before ``--prune``
deletes it. Runs that predate ``written`` read ``outputs`` alone and ignore it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from exporter._version import __version__
from exporter.convert.files import write_atomic
from exporter.inputs import UnreadableFileError, open_regular_file, read_regular_file
from exporter.theme import Theme

MANIFEST_NAME = ".exporter-manifest.json"
#: A manifest lists one line per output; this is millions of them.
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
_FORMAT_VERSION = 1


def build_key(brief: bytes, theme: Theme, format_name: str, language: str | None = None) -> str:
    """A hash of everything an output file depends on (``language``: an override, if any)."""
    digest = _settings_digest(theme, format_name, language).copy()
    # The files, unlike the settings, may change while a process runs (watch mode).
    for file in sorted(theme_files(theme)):
        digest.update(_file_fingerprint(file).encode())
    digest.update(brief)
    return digest.hexdigest()


@functools.lru_cache(maxsize=64)
def _settings_digest(theme: Theme, format_name: str, language: str | None) -> hashlib._Hash:
    """The hash of the settings part of a key, for many briefs: the theme's text alone is a
    few kilobytes, three times per brief."""
    digest = hashlib.sha256()
    for part in (__version__, format_name, repr(theme), language or ""):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest


@dataclass(frozen=True, slots=True)
class Written:
    """Where an output came from and what it held when exporter wrote it."""

    source: str  # the brief, relative to the output folder
    sha256: str  # of the file's bytes


@dataclass(slots=True)
class Manifest:
    """The manifest of one output folder; paths are relative to that folder."""

    keys: dict[str, str] = field(default_factory=dict)  # output path → input hash
    written: dict[str, Written] = field(default_factory=dict)  # output path → its origin
    #: Why the file on disk was ignored (``path: warning: …``); ``None`` when it was read or
    #: there was none.
    warning: str | None = None

    def forget(self, path: str) -> None:
        self.keys.pop(path, None)
        self.written.pop(path, None)


def read_manifest(out_dir: Path) -> Manifest:
    """The manifest in ``out_dir``: empty when absent, and empty with a warning when the file
    there is unusable (then every output is rebuilt and the manifest written anew).

    Read like any input: only a regular file, and at most :data:`MAX_MANIFEST_BYTES`.
    """
    path = out_dir / MANIFEST_NAME
    try:
        data = json.loads(read_regular_file(path, MAX_MANIFEST_BYTES).decode("utf-8"))
    except UnreadableFileError as error:
        if error.reason == "no such file":
            return Manifest()
        return Manifest(warning=f"{path}: warning: manifest ignored: {error.reason}")
    except ValueError:  # not UTF-8 or not JSON
        return Manifest(warning=f"{path}: warning: manifest ignored: it is not valid JSON")
    outputs = data.get("outputs") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("format") != _FORMAT_VERSION:
        outputs = None
    if not isinstance(outputs, dict):
        return Manifest(
            warning=f"{path}: warning: manifest ignored: it is not an exporter manifest"
        )
    written = data.get("written")
    keys = {str(path): str(key) for path, key in outputs.items()}
    records = {
        str(path): Written(str(record["source"]), str(record["sha256"]))
        for path, record in (written.items() if isinstance(written, dict) else ())
        if isinstance(record, dict) and {"source", "sha256"} <= record.keys() and path in keys
    }
    return Manifest(keys, records)


def write_manifest(out_dir: Path, manifest: Manifest) -> None:
    write_atomic(out_dir / MANIFEST_NAME, manifest_json(manifest), root=out_dir)


def manifest_json(manifest: Manifest) -> Iterator[bytes]:
    """The manifest file, a piece at a time (``json``'s own encoder, laid out with
    ``indent=1``), so the text of many thousand outputs is never held whole."""
    document = {
        "format": _FORMAT_VERSION,
        "outputs": dict(sorted(manifest.keys.items())),
        "written": {
            path: {"source": record.source, "sha256": record.sha256}
            for path, record in sorted(manifest.written.items())
        },
    }
    for piece in json.JSONEncoder(indent=1).iterencode(document):
        yield piece.encode()
    yield b"\n"


def file_digest(path: Path) -> str | None:
    """The SHA-256 of the file at ``path``; ``None`` when it cannot be read."""
    try:
        descriptor = open_regular_file(path)  # a FIFO named like an output must not block
    except UnreadableFileError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


def theme_files(theme: Theme) -> set[str]:
    """The files a theme draws on besides its own: font files, cover image, logo."""
    fonts = (theme.fonts.body, theme.fonts.heading, theme.fonts.title)
    images = (theme.epub.cover, theme.brand.logo)
    return {path for font in fonts for _face, path in font.files} | {
        path for path in images if path is not None
    }


def _file_fingerprint(path: str) -> str:
    try:
        stat = Path(path).stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"
