"""exporter touches only its own files, where the user said, with the user's permissions.

Each test is a row of issue 19's table about the files a run writes and deletes: another
program's ``.part`` files, an output that is one of the inputs, the umask, a symbolic link
planted inside the output folder, a manifest that is not one, absurd theme sizes that would
fail after some files were written, and the exit statuses the documentation promises.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from exporter import ThemeError, convert_many, load_theme
from exporter.cli import main

BODY = "Rates on Hold\n\nThe central bank kept its main rate unchanged on Tuesday.\n"
LEFTOVER = ".a.json.exporter-0123456789abcdef.part"  # what a killed run leaves


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    return folder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


# -- the user's own .part files ------------------------------------------------------------------


def test_only_exporters_own_temporary_files_are_cleared(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    (out / ".thesis.pdf.part").write_text("the user's", encoding="utf-8")
    (out / "sub" / LEFTOVER).write_text("a killed run's", encoding="utf-8")
    assert main(["convert", str(src), "--out", str(out), "--to", "json", "-q"]) == 0
    assert (out / ".thesis.pdf.part").read_text(encoding="utf-8") == "the user's"
    assert not (out / "sub" / LEFTOVER).exists()


def test_no_clean_up_through_a_symbolic_link_in_the_output_folder(
    src: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / LEFTOVER).write_text("not exporter's to delete", encoding="utf-8")
    (outside / ".thesis.pdf.part").write_text("the user's", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    status = main(["convert", str(src), "--out", str(out), "--to", "json", "-q"])
    assert status == 4
    assert {path.name for path in outside.iterdir()} == {".thesis.pdf.part", LEFTOVER}


# -- outputs written through a symbolic link -----------------------------------------------------


def test_outputs_are_never_written_through_a_link_inside_the_output_folder(
    src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to("../outside", target_is_directory=True)
    assert main(["convert", str(src), "--out", str(out), "--to", "json"]) == 4
    assert not any(outside.iterdir())
    assert (out / "a.json").is_file(), "the other brief converts"
    err = capsys.readouterr().err
    assert f"{out / 'sub'}: error: is a symbolic link; exporter writes only inside" in err


def test_a_linked_output_folder_itself_is_followed(src: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "out").symlink_to(real, target_is_directory=True)
    assert main(["convert", str(src), "--out", str(tmp_path / "out"), "--to", "json", "-q"]) == 0
    assert (real / "a.json").is_file() and (real / "sub" / "a.json").is_file()


# -- an output that is one of the inputs ---------------------------------------------------------


def test_markdown_into_the_source_folder_never_overwrites_a_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "x.md").write_text(f"# Rates on Hold\n\n{BODY}", encoding="utf-8")
    (notes / "y.txt").write_text(BODY, encoding="utf-8")
    before = (notes / "x.md").read_bytes()
    status = main(["convert", str(notes), "--out", str(notes), "--to", "markdown"])
    assert status == 4
    assert (notes / "x.md").read_bytes() == before
    assert (notes / "y.md").is_file(), "the brief whose output is no input converts"
    err = capsys.readouterr().err
    assert f"{notes / 'x.md'}: error: its .md output would replace {notes / 'x.md'}" in err


def test_an_output_named_like_the_manifest_is_refused(tmp_path: Path) -> None:
    brief = tmp_path / ".exporter-manifest.txt"
    brief.write_text(BODY, encoding="utf-8")
    report = convert_many([brief], tmp_path, formats=["json"], jobs=1)
    (result,) = report.results
    assert result.status == "failed" and result.error is not None
    assert "would replace" in result.error.message
    manifest = tmp_path / ".exporter-manifest.json"
    if manifest.exists():  # the run's own manifest, never the brief's output
        assert json.loads(manifest.read_text(encoding="utf-8"))["format"] == 1


# -- umask and modes -----------------------------------------------------------------------------


def test_new_files_respect_the_umask(src: Path, tmp_path: Path, umask: None) -> None:
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    args = ["convert", str(src), "--out", str(out), "--to", "json", "-q", "--report", str(report)]
    assert main(args) == 0
    for path in (out / "a.json", out / "sub" / "a.json", out / ".exporter-manifest.json", report):
        assert mode(path) == 0o600, path


def test_a_rebuilt_file_keeps_its_mode(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(src), "--out", str(out), "--to", "json", "-q"]) == 0
    (out / "a.json").chmod(0o600)
    (out / "sub" / "a.json").chmod(0o640)
    assert main(["convert", str(src), "--out", str(out), "--to", "json", "-q", "--force"]) == 0
    assert mode(out / "a.json") == 0o600
    assert mode(out / "sub" / "a.json") == 0o640


# -- a manifest that is not one ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("[]", "it is not an exporter manifest"),
        ('{"format": 1, "outputs": []}', "it is not an exporter manifest"),
        ('"text"', "it is not an exporter manifest"),
        ("{not json", "it is not valid JSON"),
        ("\udcff", "it is not valid JSON"),
    ],
)
def test_a_manifest_that_is_not_one_is_ignored_with_a_warning(
    content: str, why: str, src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    manifest = out / ".exporter-manifest.json"
    manifest.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert main(["convert", str(src), "--out", str(out), "--to", "json"]) == 0
    err = capsys.readouterr().err
    assert f"{manifest}: warning: manifest ignored: {why}" in err
    assert "Traceback" not in err
    assert json.loads(manifest.read_text(encoding="utf-8"))["format"] == 1, "written anew"
    assert main(["convert", str(src), "--out", str(out), "--to", "json"]) == 0
    assert "manifest ignored" not in capsys.readouterr().err


# -- absurd theme sizes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[page]\nsize = ["1e6in", "1e6in"]\n', "expected a page side from 1in to 22in"),
        ('[page]\nsize = ["23in", "11in"]\n', "expected a page side from 1in to 22in"),
        ('[sizes]\ntitle = "1e300pt"\n', "expected a font size from 1pt to 1638pt"),
        ('[sizes]\nbody = "1e-300pt"\n', "expected a font size from 1pt to 1638pt"),
        ('[sizes]\nbody = "1639pt"\n', "expected a font size from 1pt to 1638pt"),
        ('[spacing]\nparagraph_after = "1e300pt"\n', "expected a length from 0 to 22in"),
        ('[page]\nmargin_top = "150mm"\n', "is half the 842pt page height or more"),
    ],
)
def test_absurd_theme_sizes_fail_before_anything_is_written(
    toml: str, message: str, src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = tmp_path / "absurd.toml"
    theme.write_text(toml, encoding="utf-8")
    with pytest.raises(ThemeError, match=message):
        load_theme(theme)
    out = tmp_path / "out"
    assert main(["convert", str(src), "--out", str(out), "--style", str(theme)]) == 3
    assert not out.exists()
    assert message in capsys.readouterr().err


def test_the_extremes_word_accepts_still_load(tmp_path: Path) -> None:
    theme = tmp_path / "edge.toml"
    theme.write_text(
        '[page]\nsize = ["22in", "22in"]\n[sizes]\ntitle = "1638pt"\nmeta = "1pt"\n',
        encoding="utf-8",
    )
    loaded = load_theme(theme)
    assert (loaded.page.width, loaded.sizes.title, loaded.sizes.meta) == (1584.0, 1638.0, 1.0)


# -- exit statuses -------------------------------------------------------------------------------


def test_a_missing_path_among_good_ones_fails_alone(
    src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    assert (
        main(["convert", str(src / "a.txt"), str(missing), "--out", str(out), "--to", "json"]) == 1
    )
    assert (out / "a.json").is_file()
    err = capsys.readouterr().err
    assert f"{missing}: error: no such file or folder" in err
    assert "2 briefs: 1 converted, 0 up to date, 1 failed" in err
