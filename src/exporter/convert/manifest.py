"""The incremental-build manifest: which inputs each output file was made from.

Stored as ``.exporter-manifest.json`` in the output folder. An output is rebuilt when the hash
of its inputs (the brief's bytes, the full resolved theme including its font files, the format
and the exporter version) differs from the recorded one, or when the file is missing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from exporter._version import __version__
from exporter.convert.files import write_atomic
from exporter.theme import Theme

MANIFEST_NAME = ".exporter-manifest.json"
_FORMAT_VERSION = 1


def build_key(brief: bytes, theme: Theme, format_name: str, language: str | None = None) -> str:
    """A hash of everything an output file depends on (``language``: an override, if any)."""
    digest = hashlib.sha256()
    for part in (__version__, format_name, repr(theme), language or ""):
        digest.update(part.encode())
        digest.update(b"\0")
    for font_file in sorted(_font_files(theme)):
        digest.update(_file_fingerprint(font_file).encode())
    digest.update(brief)
    return digest.hexdigest()


def read_manifest(out_dir: Path) -> dict[str, str]:
    """Output path (relative to ``out_dir``) → input hash; empty when absent or unreadable."""
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    outputs = data.get("outputs") if isinstance(data, dict) else None
    if data.get("format") != _FORMAT_VERSION or not isinstance(outputs, dict):
        return {}
    return {str(path): str(key) for path, key in outputs.items()}


def write_manifest(out_dir: Path, outputs: dict[str, str]) -> None:
    document = {"format": _FORMAT_VERSION, "outputs": dict(sorted(outputs.items()))}
    write_atomic(out_dir / MANIFEST_NAME, (json.dumps(document, indent=1) + "\n").encode())


def _font_files(theme: Theme) -> set[str]:
    fonts = (theme.fonts.body, theme.fonts.heading, theme.fonts.title)
    return {path for font in fonts for _face, path in font.files}


def _file_fingerprint(path: str) -> str:
    try:
        stat = Path(path).stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"
