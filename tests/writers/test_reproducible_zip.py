"""The ZIP container of DOCX and EPUB: what zipfile would write, read back by zipfile."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from exporter.writers.reproducible_zip import reproducible_zip, zipfile_archive

_NAMES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), min_size=1)
_ENTRIES = st.dictionaries(_NAMES, st.binary(max_size=3000), max_size=6).map(
    lambda entries: list(entries.items())
)
_DATE = (2026, 11, 29, 8, 30, 58)


@given(entries=_ENTRIES, first=st.booleans(), stored=st.booleans())
def test_the_archive_is_the_one_zipfile_writes(
    entries: list[tuple[str, bytes]], first: bool, stored: bool
) -> None:
    start = entries[-1][0] if first and entries else None
    kept = (entries[0][0][-1:],) if stored and entries else ()
    archive = reproducible_zip(entries, _DATE, first=start, stored=kept)
    assert archive == zipfile_archive(entries, _DATE, first=start, stored=kept)
    # Again: the second time, entries seen before come from the cache of deflated entries.
    assert reproducible_zip(entries, _DATE, first=start, stored=kept) == archive
    with zipfile.ZipFile(io.BytesIO(archive)) as read:
        assert read.testzip() is None
        assert {name: read.read(name) for name in read.namelist()} == dict(entries)
        if start is not None:
            assert read.infolist()[0].filename == start
            assert read.infolist()[0].compress_type == zipfile.ZIP_STORED


def test_an_epub_starts_with_its_stored_mimetype() -> None:
    archive = reproducible_zip(
        [("EPUB/a.xhtml", b"<html/>" * 50), ("mimetype", b"application/epub+zip")],
        _DATE,
        first="mimetype",
    )
    # Reading systems look for the name and media type at fixed offsets.
    assert archive[30:38] == b"mimetype" and archive[38:58] == b"application/epub+zip"
