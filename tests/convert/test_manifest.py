"""The manifest file: written a piece at a time, read back as the JSON it always was."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from exporter.convert.manifest import (
    MANIFEST_NAME,
    Manifest,
    Written,
    manifest_json,
    read_manifest,
    write_manifest,
)

_NAMES = st.text(min_size=1, max_size=12)
_MANIFESTS = st.dictionaries(_NAMES, st.tuples(st.text(max_size=8), _NAMES), max_size=5).map(
    lambda outputs: Manifest(
        {path: key for path, (key, _source) in outputs.items()},
        {path: Written(source, key * 2) for path, (key, source) in outputs.items()},
    )
)


@given(manifest=_MANIFESTS)
def test_the_manifest_is_laid_out_as_json_dumps_lays_it_out(manifest: Manifest) -> None:
    document = {
        "format": 1,
        "outputs": dict(sorted(manifest.keys.items())),
        "written": {
            path: {"source": record.source, "sha256": record.sha256}
            for path, record in sorted(manifest.written.items())
        },
    }
    expected = json.dumps(document, indent=1) + "\n"
    assert b"".join(manifest_json(manifest)).decode() == expected


def test_a_written_manifest_reads_back(tmp_path: Path) -> None:
    manifest = Manifest(
        {"a.pdf": "k1", 'sub/b "c".epub': "k2"},
        {"a.pdf": Written("../a.txt", "d1"), 'sub/b "c".epub': Written("b.txt", "d2")},
    )
    write_manifest(tmp_path, manifest)
    assert read_manifest(tmp_path) == manifest
    assert json.loads((tmp_path / MANIFEST_NAME).read_text())["format"] == 1
