"""The public API: what `import exporter` offers, used the way embedding tools use it."""

from __future__ import annotations

import builtins
import inspect
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

import pypdf
import pytest

import exporter
from exporter.cli import main
from exporter.writers import registry
from tests.conftest import install_plugin

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
BUILT_IN = ("json", "html", "markdown", "docx", "pdf", "epub")


def test_everything_in_all_is_importable_and_documented() -> None:
    for name in exporter.__all__:
        value = getattr(exporter, name)
        if name == "__version__":
            assert isinstance(value, str)
            continue
        assert inspect.getdoc(value), f"exporter.{name} has no docstring"
    public = {name for name in vars(exporter) if not name.startswith("_")}
    modules = {name for name in public if inspect.ismodule(getattr(exporter, name))}
    assert public - modules - {"annotations"} <= set(exporter.__all__)


def test_the_wheel_ships_the_typing_marker_and_every_writer(tmp_path: Path) -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "Typing :: Typed" in config["project"]["classifiers"]
    project = tmp_path / "project"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(ROOT / "src", project / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, project / name)
    command = [sys.executable, "-m", "pip", "wheel", str(project), "--no-deps"]
    options = ["--no-build-isolation", "--quiet", "--wheel-dir", str(tmp_path)]
    subprocess.run([*command, *options], check=True, capture_output=True, cwd=tmp_path)
    (wheel,) = tmp_path.glob("exporter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "exporter/py.typed" in names
    # Data the package reads at run time: themes, fonts, the language model.
    assert {"exporter/styles/default.toml", "exporter/reading/lid/lid.176.ftz"} <= names
    assert "exporter/fonts/files/LICENSE-Noto.txt" in names
    # The metadata states the licence of everything the wheel ships, as SPDX, with the texts.
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("/METADATA")))
    assert b"License-Expression: MIT AND Bitstream-Vera AND OFL-1.1" in metadata
    licences = {name.rpartition("/licenses/")[2] for name in names if "/licenses/" in name}
    assert {"LICENSE", "src/exporter/reading/lid/README.md"} <= licences
    assert {
        f"src/exporter/fonts/files/LICENSE-{font}.txt" for font in ("DejaVu", "Noto")
    } <= licences
    for writer in registry.BUILTIN.values():
        module = writer.target.partition(":")[0].replace(".", "/")
        assert f"{module}.py" in names or f"{module}/__init__.py" in names


def test_parse_from_path_text_and_bytes_agree() -> None:
    from_path = exporter.parse(REFERENCE)
    from_text = exporter.parse_text(REFERENCE.read_text(encoding="utf-8"), str(REFERENCE))
    from_bytes = exporter.parse_bytes(REFERENCE.read_bytes(), str(REFERENCE))
    assert from_path == from_text == from_bytes
    assert from_path.title == "North Korea’s Unconditional Support for Russia in Ukraine"


def test_bad_input_names_the_source_and_line() -> None:
    with pytest.raises(exporter.BriefError) as raised:
        exporter.parse_bytes(b"---\ntitle: [unclosed\n---\nBody text.", "upload.txt")
    assert raised.value.path == "upload.txt"
    assert raised.value.line == 2
    assert str(raised.value).startswith("upload.txt:2: error: ")
    with pytest.raises(ValueError, match=r"empty|no text"):
        exporter.parse_text("   \n", "blank.txt")


def test_convert_raises_the_briefs_own_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("---\ntitle: [unclosed\n---\nBody text.\n")
    with pytest.raises(exporter.BriefError) as raised:
        exporter.convert(bad, tmp_path / "out")
    assert (raised.value.path, raised.value.line) == (str(bad), 2)
    styled = tmp_path / "styled.txt"
    styled.write_text("---\nstyle: newsrom\n---\nRates on Hold\nThe bank held.\n")
    with pytest.raises(exporter.ThemeError, match='did you mean "newsroom"') as theme_error:
        exporter.convert(styled, tmp_path / "out")
    assert theme_error.value.path == str(styled)
    result = exporter.convert(REFERENCE, tmp_path / "out", formats=["html"])
    assert result.status == "converted" and not list((tmp_path / "out").glob("bad*"))


def test_load_theme_by_name_or_path(tmp_path: Path) -> None:
    theme_file = tmp_path / "house.toml"
    theme_file.write_text('extends = "newsroom"\n[key_points]\nlabel = "In short"\n')
    assert exporter.load_theme("newsroom").name == "newsroom"
    assert exporter.load_theme(theme_file).key_points.label == "In short"
    with pytest.raises(exporter.ThemeError, match='did you mean "newsroom"'):
        exporter.load_theme("newsrom")


def test_render_touches_no_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = exporter.parse(REFERENCE)
    cwd, scratch = tmp_path / "cwd", tmp_path / "tmp"
    cwd.mkdir()
    scratch.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    written: list[str] = []
    real_open = os.open

    def spy_open(path: str, flags: int, *args: object, **kwargs: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            written.append(str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    real_builtin_open = builtins.open

    def spy_builtin_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if any(flag in mode for flag in "wax+"):
            written.append(str(file))
        return real_builtin_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", spy_open)
    monkeypatch.setattr(builtins, "open", spy_builtin_open)
    for name in BUILT_IN:
        assert exporter.render(article, name)
    assert written == []
    assert list(cwd.iterdir()) == [] and list(scratch.iterdir()) == []


def test_render_with_warnings_returns_what_the_caller_must_know() -> None:
    article = exporter.parse_bytes(
        "Café Prices Rise\nThe café raised prices by ꀀꀁ (Yi) percent.".encode(), "cafe.txt"
    )
    result = exporter.render_with_warnings(article, "pdf", options={"pdf.missing_glyphs": "warn"})
    assert result.data.startswith(b"%PDF")
    assert result.writer.media_type == "application/pdf"
    assert any("ꀀ" in warning.message for warning in result.warnings)
    with pytest.raises(exporter.MissingGlyphError, match="ꀀ") as refused:
        exporter.render_with_warnings(article, "pdf")  # a tagged PDF cannot show it
    assert refused.value.characters == "ꀀꀁ"
    guessed = exporter.parse_bytes("Café Prices\nThe café “rose”.".encode("cp1252"), "c.txt")
    assert any("windows-1252" in w.message for w in guessed.warnings)
    assert exporter.render_with_warnings(guessed, "json").warnings == guessed.warnings


def test_write_to_a_path_takes_the_format_from_the_suffix(tmp_path: Path) -> None:
    article = exporter.parse(REFERENCE)
    rendered = exporter.write(article, tmp_path / "out" / "brief.md")
    assert rendered.writer.name == "markdown"
    assert (tmp_path / "out" / "brief.md").read_bytes() == rendered.data
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["brief.md"]  # no leftovers
    exporter.write(article, str(tmp_path / "brief.dat"), to="json")
    assert json.loads((tmp_path / "brief.dat").read_text())["title"] == article.title
    with pytest.raises(exporter.UnknownFormatError, match=r"\.pdf \(pdf\)"):
        exporter.write(article, tmp_path / "brief.xyz")


def test_write_to_a_binary_file_object() -> None:
    article = exporter.parse(REFERENCE)
    buffer = io.BytesIO()
    exporter.write(article, buffer, "docx")
    assert buffer.getvalue() == exporter.render(article, "docx")
    with pytest.raises(exporter.ExporterError, match="needs a format"):
        exporter.write(article, io.BytesIO())


def test_options_set_theme_keys_for_one_call() -> None:
    article = exporter.parse(REFERENCE)
    pdf = exporter.render(article, "pdf", options={"page.size": "Letter"})
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    html = exporter.render(article, "html", "newsroom", options={"key_points.label": "In short"})
    assert b">In short</h2>" in html
    assert exporter.load_theme("newsroom").key_points.label == "At a glance"  # not changed
    plain = exporter.render(article, "html", options={"justify": False, "sizes.body": 11})
    assert b"text-align: justify" not in plain


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page.sise": "Letter"}, 'unknown key "page.sise" — did you mean "page.size"?'),
        ({"key_point.label": "x"}, 'did you mean "key_points.label"?'),
        ({"page.size": "A7x"}, 'unknown page size "A7x"'),
        ({"justify": "maybe"}, "expected true or false"),
        ({"extends": "minimal"}, '"extends" cannot be set'),
    ],
)
def test_unknown_or_invalid_options_are_theme_errors(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(exporter.ThemeError, match=message):
        exporter.render(exporter.parse(REFERENCE), "json", options=options)


def test_cli_set_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    base = [str(REFERENCE), "--to", "pdf", "--out", str(out), "--quiet"]
    assert main(["convert", *base, "--set", "page.size=Letter"]) == 0
    pdf = out / "000_9308d7e73d83f95c.pdf"
    assert round(float(pypdf.PdfReader(pdf).pages[0].mediabox.width)) == 612
    mtime = pdf.stat().st_mtime_ns
    again = ["convert", *base, "--set", "page.size=Letter", "--report", str(tmp_path / "r")]
    assert main(again) == 0
    report = json.loads((tmp_path / "r").read_text())
    assert report["skipped"] == 1 and pdf.stat().st_mtime_ns == mtime
    assert main(["convert", *base, "--set", "page.size=A5"]) == 0  # changed options rebuild
    assert round(float(pypdf.PdfReader(pdf).pages[0].mediabox.width)) == 420
    typed = ["--set", "justify=false", "--set", "sizes.body=11", "--set", "key_points.label=In a"]
    assert main(["convert", *base, *typed]) == 0  # TOML values; anything else is text
    capsys.readouterr()
    assert main(["convert", *base, "--set", "page.sise=A5"]) == 3
    assert 'did you mean "page.size"?' in capsys.readouterr().err
    with pytest.raises(SystemExit) as raised:
        main(["convert", *base, "--set", "page.size"])
    assert raised.value.code == 2


def test_plugin_writer_is_listed_and_converts(
    plugin_on_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["formats"]) == 0
    listing = capsys.readouterr().out
    assert "shout" in listing and "[exporter-shout]" in listing
    for name in BUILT_IN:
        assert any(line.startswith(name) for line in listing.splitlines())
    out = tmp_path / "out"
    assert main(["convert", str(REFERENCE), "--to", "shout,json", "--out", str(out), "-q"]) == 0
    shouted = (out / "000_9308d7e73d83f95c.shout").read_text()
    assert shouted.startswith("NORTH KOREA’S UNCONDITIONAL SUPPORT")
    assert exporter.render(exporter.parse(REFERENCE), "shout").decode() == shouted


def test_duplicate_writer_names_are_an_error_naming_both(
    plugin_on_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_plugin(plugin_on_path, {"pdf": "exporter_shout:CLASH"}, name="fancy-pdf")
    registry._plugins.cache_clear()
    assert main(["formats"]) == 1
    error = capsys.readouterr().err
    assert "two writers are called 'pdf'" in error
    assert "exporter.writers.pdf:render_pdf (from exporter)" in error
    assert "exporter_shout:render_shout (from fancy-pdf)" in error


def test_broken_plugin_is_reported_by_name(
    plugin_on_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_plugin(plugin_on_path, {"odt": "exporter_missing:WRITER"}, name="broken-odt")
    registry._plugins.cache_clear()
    assert main(["formats"]) == 1
    assert "'odt' (exporter_missing:WRITER, from broken-odt) cannot be loaded" in (
        capsys.readouterr().err
    )
