"""Themes that name missing, damaged or incomplete fonts: a clear error before anything is
written, or a fallback with a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exporter import parse_text, render_with_warnings
from exporter.cli import main
from exporter.errors import ThemeError
from exporter.fonts import BUNDLED_DIR
from exporter.theme import load_theme
from tests.reliability.readers import read_pdf

REGULAR = BUNDLED_DIR / "NotoSans-Regular.ttf"
GOOD = "Rates on Hold\n\n- Rates unchanged.\n\nThe bank kept rates unchanged.\n"


def theme_with(folder: Path, font_bytes: bytes | None, *, faces: str = "regular") -> Path:
    """A theme whose body, heading and title font is the file ``fonts/Brand.ttf``."""
    (folder / "fonts").mkdir(exist_ok=True)
    if font_bytes is not None:
        (folder / "fonts" / "Brand.ttf").write_bytes(font_bytes)
    files = ", ".join(f'{face} = "fonts/Brand.ttf"' for face in faces.split(","))
    font = f'{{ family = "Brand", files = {{ {files} }} }}'
    theme = folder / "brand.toml"
    theme.write_text(f"[fonts]\nbody = {font}\nheading = {font}\ntitle = {font}\n")
    return theme


def convert_with(theme: Path, folder: Path, *options: str) -> int:
    """``exporter convert`` of a good brief in ``folder`` into ``folder/out`` with ``theme``."""
    (folder / "brief.txt").write_text(GOOD)
    brief, out = str(folder / "brief.txt"), str(folder / "out")
    return main(["convert", brief, "--out", out, "--style", str(theme), *options])


DAMAGED = {
    "missing": None,
    "empty": b"",
    "text": b"not a font at all",
    "garbage after a TrueType signature": b"\x00\x01\x00\x00" + b"garbage" * 20,
    "truncated": REGULAR.read_bytes()[:3_000],
    "garbage after a collection signature": b"ttcf" + b"garbage" * 20,
    "a directory of tables that are not there": REGULAR.read_bytes()[:400],
}


@pytest.mark.parametrize("font_bytes", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_missing_or_damaged_font_file_is_a_theme_error_before_anything_is_written(
    font_bytes: bytes | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = theme_with(tmp_path, font_bytes)
    with pytest.raises(ThemeError, match=r"fonts\.body\.files\.regular"):
        load_theme(theme)
    status = convert_with(theme, tmp_path)
    errors = capsys.readouterr().err
    out = tmp_path / "out"
    assert status == 3
    assert str(theme) in errors and "Traceback" not in errors
    assert not out.exists() or not any(out.iterdir())


def test_a_font_without_bold_falls_back_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = theme_with(tmp_path, REGULAR.read_bytes())
    status = convert_with(theme, tmp_path)
    errors = capsys.readouterr().err
    out = tmp_path / "out"
    assert status == 0
    assert 'theme font "Brand" (fonts.heading) has no bold file' in errors
    assert "Rates on Hold" in read_pdf((out / "brief.pdf").read_bytes())


def test_a_complete_font_family_gives_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = theme_with(tmp_path, REGULAR.read_bytes(), faces="regular,bold")
    assert convert_with(theme, tmp_path, "--to", "pdf") == 0
    assert "has no" not in capsys.readouterr().err


MISSPELT = (
    'theme font "Noto Sanz" (fonts.body) is not bundled, installed or given as files; the '
    'handout is set in "DejaVu Sans" instead — did you mean "Noto Sans"?'
)


def test_a_misspelt_family_is_a_warning_with_a_suggestion_once_per_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = tmp_path / "misspelt.toml"
    theme.write_text('[fonts]\nbody = "Noto Sanz"\n')
    report = tmp_path / "report.json"
    assert convert_with(theme, tmp_path, "--report", str(report)) == 0
    assert capsys.readouterr().err.count(MISSPELT) == 1  # three formats, one warning
    warnings = json.loads(report.read_text())["results"][0]["warnings"]
    assert [warning["message"] for warning in warnings].count(MISSPELT) == 1


@pytest.mark.parametrize("to", ["docx", "pdf", "epub", "html"])
def test_every_format_that_names_fonts_warns_of_a_missing_family(to: str, tmp_path: Path) -> None:
    theme = tmp_path / "misspelt.toml"
    theme.write_text('[fonts]\nbody = "Noto Sanz"\n')
    rendered = render_with_warnings(parse_text(GOOD, language="en"), to, load_theme(theme))
    assert [warning.message for warning in rendered.warnings] == [MISSPELT]


@pytest.mark.parametrize("to", ["json", "markdown"])
def test_formats_without_fonts_do_not_warn_about_them(to: str, tmp_path: Path) -> None:
    theme = tmp_path / "misspelt.toml"
    theme.write_text('[fonts]\nbody = "Noto Sanz"\n')
    rendered = render_with_warnings(parse_text(GOOD, language="en"), to, load_theme(theme))
    assert rendered.warnings == ()


def test_a_family_with_no_close_name_gets_no_suggestion(tmp_path: Path) -> None:
    theme = tmp_path / "fancy.toml"
    theme.write_text(
        '[fonts]\nheading = { family = "Zapfino Pro 7c1e", fallbacks = ["DejaVu Serif"] }\n'
    )
    rendered = render_with_warnings(parse_text(GOOD, language="en"), "pdf", load_theme(theme))
    assert [warning.message for warning in rendered.warnings] == [
        'theme font "Zapfino Pro 7c1e" (fonts.heading) is not bundled, installed or given as '
        'files; the handout is set in "DejaVu Serif" instead'
    ]
