"""Reproducible ZIP containers for the formats that are ZIP files (DOCX, EPUB).

Libraries write entries with the current time and their own order; :func:`reproducible_zip`
writes entries with one fixed timestamp, a stable order and fixed permissions, so equal input
gives equal bytes. The DOCX and EPUB writers hand over their entries uncompressed (python-docx's
and ebooklib's own ZIP writing is bypassed), so each entry is compressed once.

The archive is laid out byte for byte as :mod:`zipfile` lays it out (a test compares the two),
but written here: most entries of a handout (styles, numbering, stylesheets, fonts) are the
same for every brief of a theme, and zipfile cannot take an entry compressed earlier, so it
would deflate them again for every document. Small entries' deflated bytes and checksums are
kept for the next document instead.
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

#: The ZIP version exporter's archives need and are made by (2.0: deflate), as zipfile writes.
_VERSION = 20
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
_END_RECORD = struct.Struct("<4s4H2LH")
_PERMISSIONS = 0o644 << 16
_UTF8_NAME = 0x800  # general-purpose flag: the entry's name is UTF-8
#: Entries up to this size are remembered deflated; larger ones (a long brief's text) are
#: seldom seen twice and would hold memory.
_REMEMBERED_SIZE = 256 * 1024
#: Beyond this the archive would need ZIP64 records; zipfile writes those.
_ZIP64_LIMIT = (1 << 31) - 1


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

    >>> archive = reproducible_zip([("a.txt", b"hello")], (2020, 1, 1, 0, 0, 0))
    >>> zipfile.ZipFile(io.BytesIO(archive)).read("a.txt")
    b'hello'
    """
    ordered = _ordered(entries, first)
    if sum(len(data) for _, data in ordered) > _ZIP64_LIMIT // 2:
        return zipfile_archive(ordered, date_time, first=first, stored=stored)
    dosdate = (date_time[0] - 1980) << 9 | date_time[1] << 5 | date_time[2]
    dostime = date_time[3] << 11 | date_time[4] << 5 | (date_time[5] // 2)
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in ordered:
        keep = name == first or (bool(stored) and name.endswith(stored))
        method = zipfile.ZIP_STORED if keep else zipfile.ZIP_DEFLATED
        crc, body = _packed(data, keep) if len(data) <= _REMEMBERED_SIZE else _pack(data, keep)
        encoded, flags = _encoded_name(name)
        sizes = (crc, len(body), len(data), len(encoded))
        header = _LOCAL_HEADER.pack(
            b"PK\003\004", _VERSION, 0, flags, method, dostime, dosdate, *sizes, 0
        )
        local += (header, encoded, body)
        # Made by and needing version 2.0, on MS-DOS (create_system 0); no extra field,
        # comment, disk number or internal attributes.
        fixed = (_VERSION, 0, _VERSION, 0, flags, method, dostime, dosdate)
        central.append(
            _CENTRAL_HEADER.pack(b"PK\001\002", *fixed, *sizes, 0, 0, 0, 0, _PERMISSIONS, offset)
            + encoded
        )
        offset += len(header) + len(encoded) + len(body)
    directory = b"".join(central)
    count = len(central)
    end = _END_RECORD.pack(b"PK\005\006", 0, 0, count, count, len(directory), offset, 0)
    return b"".join((*local, directory, end))


def zipfile_archive(
    entries: Iterable[tuple[str, bytes]],
    date_time: tuple[int, int, int, int, int, int],
    *,
    first: str | None = None,
    stored: tuple[str, ...] = (),
) -> bytes:
    """The same archive as :func:`reproducible_zip`, written by :mod:`zipfile` (which also
    writes archives too large for the plain ZIP records)."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name, data in _ordered(entries, first):
            info = zipfile.ZipInfo(name, date_time=date_time)
            keep = name == first or (bool(stored) and name.endswith(stored))
            info.compress_type = zipfile.ZIP_STORED if keep else zipfile.ZIP_DEFLATED
            info.external_attr = _PERMISSIONS
            info.create_system = 0
            target.writestr(info, data, compresslevel=6)
    return output.getvalue()


def _ordered(entries: Iterable[tuple[str, bytes]], first: str | None) -> list[tuple[str, bytes]]:
    ordered = list(entries)
    names = [name for name, _ in ordered]
    if first is not None and first in names:
        ordered.insert(0, ordered.pop(names.index(first)))
    return ordered


@functools.lru_cache(maxsize=128)
def _packed(data: bytes, stored: bool) -> tuple[int, bytes]:
    return _pack(data, stored)


def _pack(data: bytes, stored: bool) -> tuple[int, bytes]:
    """The CRC-32 of ``data`` and its bytes in the archive: as they are, or deflated at level
    6 as a raw stream, as zipfile deflates them."""
    if stored:
        return zlib.crc32(data), data
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(data), compressor.compress(data) + compressor.flush()


def _encoded_name(name: str) -> tuple[bytes, int]:
    """The name's bytes and flags, as zipfile encodes them: ASCII, else UTF-8 and flagged."""
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME
