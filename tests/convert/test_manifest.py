"""The manifest file: written a piece at a time, read back as the JSON it always was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.convert import convert_many
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


def test_one_brief_syncs_its_own_files_and_a_batch_syncs_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the manifest records them, outputs are on the disk: a batch syncs the machine's
    disks once at the end; one brief syncs just its own few files."""
    calls: list[str] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for name in ("a", "b"):
        (briefs / f"{name}.txt").write_text(f"Brief {name}\n\nBody.\n", encoding="utf-8")
    convert_many([briefs / "a.txt"], tmp_path / "one", formats=["json", "html"], jobs=1)
    assert "sync" not in calls and calls.count("fsync") >= 2
    calls.clear()
    convert_many([briefs], tmp_path / "many", formats=["json", "html"], jobs=1)
    assert calls.count("sync") == 1
