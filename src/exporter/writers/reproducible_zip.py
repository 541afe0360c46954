"""Reproducible ZIP containers for the formats that are ZIP files (DOCX, EPUB).

Libraries write entries with the current time and their own order; :func:`reproducible_zip`
writes entries with one fixed timestamp, a stable order and fixed permissions, so equal input
gives equal bytes. A writer that can hand over its entries uncompressed uses it directly (each
entry is compressed once); :func:`normalise_zip` rewrites an archive a library has written.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable


def reproducible_zip(
    entries: Iterable[tuple[str, bytes]],
    date_time: tuple[int, int, int, int, int, int],
    *,
    first: str | None = None,
    stored: tuple[str, ...] = (),
) -> bytes:
    """A ZIP archive of ``entries`` (name, data), in their order, with fixed metadata.

    ``first`` names an entry that must come first and be stored uncompressed (EPUB's
    ``mimetype``); entries whose names end with one of ``stored`` are stored too (fonts: made
    once and carried by every document, deflating them again for each would be most of the
    document's cost); every other entry is deflated.
    """
    ordered = list(entries)
    names = [name for name, _ in ordered]
    if first is not None and first in names:
        ordered.insert(0, ordered.pop(names.index(first)))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name, data in ordered:
            info = zipfile.ZipInfo(name, date_time=date_time)
            keep = name == first or (bool(stored) and name.endswith(stored))
            info.compress_type = zipfile.ZIP_STORED if keep else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, data, compresslevel=6)
    return output.getvalue()


def normalise_zip(
    data: bytes,
    date_time: tuple[int, int, int, int, int, int],
    *,
    first: str | None = None,
) -> bytes:
    """Rewrite the ZIP ``data`` deterministically (see :func:`reproducible_zip`)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(name, source.read(name)) for name in source.namelist()]
    return reproducible_zip(entries, date_time, first=first)
