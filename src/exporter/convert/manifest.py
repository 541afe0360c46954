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
from exporter.inputs import UnreadableFileError, read_regular_file
from exporter.theme import Theme

MANIFEST_NAME = ".exporter-manifest.json"
#: A manifest lists one line per output; this is millions of them.
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
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


def read_manifest(out_dir: Path) -> tuple[dict[str, str], str | None]:
    """Output path (relative to ``out_dir``) → input hash, and a warning when the manifest is
    there but unusable (then every output is rebuilt and the manifest written anew).

    Read like any input: only a regular file, and at most :data:`MAX_MANIFEST_BYTES`.
    """
    path = out_dir / MANIFEST_NAME
    try:
        data = json.loads(read_regular_file(path, MAX_MANIFEST_BYTES).decode("utf-8"))
    except UnreadableFileError as error:
        if error.reason == "no such file":
            return {}, None
        return {}, f"{path}: warning: manifest ignored: {error.reason}"
    except ValueError:  # not UTF-8 or not JSON
        return {}, f"{path}: warning: manifest ignored: it is not valid JSON"
    outputs = data.get("outputs") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("format") != _FORMAT_VERSION:
        return {}, f"{path}: warning: manifest ignored: it is not an exporter manifest"
    if not isinstance(outputs, dict):
        return {}, f"{path}: warning: manifest ignored: it is not an exporter manifest"
    return {str(path): str(key) for path, key in outputs.items()}, None


def write_manifest(out_dir: Path, outputs: dict[str, str]) -> None:
    document = {"format": _FORMAT_VERSION, "outputs": dict(sorted(outputs.items()))}
    payload = (json.dumps(document, indent=1) + "\n").encode()
    write_atomic(out_dir / MANIFEST_NAME, payload, root=out_dir)


def _font_files(theme: Theme) -> set[str]:
    fonts = (theme.fonts.body, theme.fonts.heading, theme.fonts.title)
    return {path for font in fonts for _face, path in font.files}


def _file_fingerprint(path: str) -> str:
    try:
        stat = Path(path).stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"
