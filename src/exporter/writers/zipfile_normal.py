"""Reproducible ZIP containers for the formats that are ZIP files (DOCX, EPUB).

Libraries write entries with the current time and their own order; this rewrites an archive
with one fixed timestamp, a stable order and fixed permissions, so equal input gives equal bytes.
"""

from __future__ import annotations

import io
import zipfile


def normalise_zip(
    data: bytes,
    date_time: tuple[int, int, int, int, int, int],
    *,
    first: str | None = None,
) -> bytes:
    """Rewrite the ZIP ``data`` deterministically.

    ``first`` names an entry that must come first and be stored uncompressed (EPUB's
    ``mimetype``); every other entry keeps its order and is deflated.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        if first is not None and first in names:
            names.remove(first)
            names.insert(0, first)
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for name in names:
                info = zipfile.ZipInfo(name, date_time=date_time)
                info.compress_type = zipfile.ZIP_STORED if name == first else zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 0
                target.writestr(info, source.read(name), compresslevel=6)
    return output.getvalue()
