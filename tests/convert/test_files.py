"""Atomic writes leave no temporary file behind, however they end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from exporter.convert import files
from exporter.convert.files import write_atomic


def test_ctrl_c_as_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interrupt may land as the call that made the file returns, before there is a file
    object to clean up after (seen with --watch and Ctrl-C)."""
    real_open = os.open

    def interrupted_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        descriptor = real_open(path, flags, mode, **kwargs)
        if not str(path).endswith(".part"):  # the folders on the way
            return descriptor
        os.close(descriptor)
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "open", interrupted_open)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out" / "brief.pdf", b"%PDF", root=tmp_path)
    monkeypatch.undo()
    assert list((tmp_path / "out").iterdir()) == []


def test_pieces_are_written_in_order(tmp_path: Path) -> None:
    write_atomic(tmp_path / "manifest.json", iter([b"{", b'"a": 1', b"}"]), root=tmp_path)
    assert (tmp_path / "manifest.json").read_bytes() == b'{"a": 1}'
