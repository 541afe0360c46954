"""Files that cannot be read or written: a clear error naming the path, and the batch goes on.

Tests run as root in CI, where permission bits stop nothing, so permissions and a full disk
are simulated in-process (monkeypatched ``PermissionError`` / ``ENOSPC``); the chmod variants
run only for ordinary users.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from exporter.cli import main
from exporter.convert import convert_many
from exporter.convert.run import Report

GOOD = "Rates on Hold\nThe bank kept rates unchanged.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    (folder / "locked").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "locked/c.txt"):
        (folder / name).write_text(GOOD)
    return folder


def failing(report: Report) -> dict[str, str]:
    return {Path(result.source).name: str(result.error) for result in report.failed}


def written(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if not p.name.startswith("."))


def refuse_path(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str, target: Path, error: OSError
) -> None:
    """Make ``owner.name(path, ...)`` raise ``error`` for ``target`` only."""
    original: Callable[..., object] = getattr(owner, name)

    def refusing(path: object, *args: object, **kwargs: object) -> object:
        if Path(str(path)) == target:
            error.filename = str(target)
            raise error
        return original(path, *args, **kwargs)

    monkeypatch.setattr(owner, name, refusing)


# -- reading -------------------------------------------------------------------------------------


def test_an_unreadable_brief_fails_alone_naming_its_path(
    briefs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = convert_many([briefs], tmp_path / "out", formats=["json"], jobs=1)
    assert failing(report) == {
        "a.txt": f"{briefs / 'a.txt'}: error: cannot read the file: Permission denied"
    }
    assert written(tmp_path / "out") == ["b.json", "locked", "locked/c.json"]


@pytest.mark.skipif(IS_ROOT, reason="root reads any file whatever its permissions")
def test_an_unreadable_brief_by_permissions(briefs: Path, tmp_path: Path) -> None:
    (briefs / "a.txt").chmod(0)
    report = convert_many([briefs], tmp_path / "out", formats=["json"], jobs=1)
    assert "Permission denied" in failing(report)["a.txt"]


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_convert(
    briefs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = briefs / "locked"
    refuse_path(
        monkeypatch, os, "scandir", locked, PermissionError(errno.EACCES, "Permission denied")
    )
    report = convert_many([briefs], tmp_path / "out", formats=["json"], jobs=1)
    assert failing(report) == {
        "locked": f"{locked}: error: cannot read the folder: Permission denied"
    }
    assert written(tmp_path / "out") == ["a.json", "b.json"]


@pytest.mark.skipif(IS_ROOT, reason="root lists any folder whatever its permissions")
def test_a_folder_without_permission(briefs: Path, tmp_path: Path) -> None:
    (briefs / "locked").chmod(0)
    try:
        report = convert_many([briefs], tmp_path / "out", formats=["json"], jobs=1)
    finally:
        (briefs / "locked").chmod(0o755)
    assert "cannot read the folder" in failing(report)["locked"]


def test_symbolic_link_loops_neither_hang_nor_stop_the_batch(briefs: Path, tmp_path: Path) -> None:
    (briefs / "loop").symlink_to(briefs, target_is_directory=True)  # a folder loop: not followed
    (briefs / "self.txt").symlink_to(briefs / "self.txt")  # a file that points at itself
    (briefs / "dangling.txt").symlink_to(briefs / "missing.txt")
    report = convert_many([briefs], tmp_path / "out", formats=["json"], jobs=1)
    errors = failing(report)
    assert set(errors) == {"self.txt", "dangling.txt"}
    assert errors["self.txt"].startswith(f"{briefs / 'self.txt'}: error: cannot read the file")
    assert errors["dangling.txt"] == f"{briefs / 'dangling.txt'}: error: no such file"
    assert written(tmp_path / "out") == ["a.json", "b.json", "locked", "locked/c.json"]


@pytest.mark.parametrize(
    "name",
    ["with spaces.txt", "émigrés – naïve.txt", "日本語の記事.txt", "-dash.txt", "'quote\".txt"],
)
def test_names_with_spaces_and_non_ascii_characters(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "dossier d’été"
    folder.mkdir()
    (folder / name).write_text(GOOD)
    out = tmp_path / "sortie à part"
    assert main(["convert", str(folder), "--out", str(out), "-q"]) == 0
    stem = name.removesuffix(".txt")
    assert written(out) == sorted(f"{stem}{ext}" for ext in (".docx", ".epub", ".pdf"))


# -- writing -------------------------------------------------------------------------------------


def test_an_output_folder_that_is_not_writable_names_the_folder(
    briefs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    original = tempfile.mkstemp

    def mkstemp(*args: object, dir: object = None, **kwargs: object) -> tuple[int, str]:
        if Path(str(dir)) == out / "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return original(*args, dir=dir, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    status = main(["convert", str(briefs), "--out", str(out), "--to", "json", "--jobs", "1"])
    errors = capsys.readouterr().err
    assert status == 1
    assert f"{out / 'locked'}: error: cannot write: Permission denied" in errors
    assert "Traceback" not in errors
    assert written(out) == ["a.json", "b.json", "locked"]


@pytest.mark.skipif(IS_ROOT, reason="root writes into any folder whatever its permissions")
def test_an_output_folder_without_write_permission(briefs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        report = convert_many([briefs], out, formats=["json"], jobs=1)
    finally:
        out.chmod(0o755)
    assert all("cannot write" in error for error in failing(report).values())


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int], None]]:
    """``fill(n)``: the disk fills up after ``n`` more files have been written.

    The write itself fails, as it does on a full disk: outputs are not synced one by one.
    """
    room = [1_000_000]
    original = os.fdopen

    class FullDiskFile(io.BufferedWriter):
        def write(self, data: Any) -> int:
            if room[0] <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            room[0] -= 1
            return super().write(data)

    def fdopen(descriptor: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if mode != "wb":
            return original(descriptor, mode, *args, **kwargs)
        return FullDiskFile(io.FileIO(descriptor, "wb"))

    monkeypatch.setattr(os, "fdopen", fdopen)

    def fill(files: int) -> None:
        room[0] = files

    yield fill


def test_a_full_disk_is_a_clear_error_and_leaves_no_partial_file(
    briefs: Path,
    tmp_path: Path,
    full_disk: Callable[[int], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    full_disk(2)
    status = main(["convert", str(briefs), "--out", str(out), "--to", "json", "--jobs", "1"])
    errors = capsys.readouterr().err
    assert status != 0
    assert "No space left on device" in errors and "Traceback" not in errors
    assert not [p for p in out.rglob(".*.part")], "no temporary file is left behind"
    for path in out.rglob("*.json"):
        path.read_text()  # whatever was written is complete
    full_disk(1_000)
    assert main(["convert", str(briefs), "--out", str(out), "--to", "json", "-q"]) == 0
    assert written(out) == ["a.json", "b.json", "locked", "locked/c.json"]
