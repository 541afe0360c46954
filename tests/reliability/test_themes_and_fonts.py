"""Themes that name missing, damaged or incomplete fonts: a clear error before anything is
written, or a fallback with a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.errors import ThemeError
from exporter.fonts import BUNDLED_DIR
from exporter.theme import load_theme
from tests.reliability.readers import read_pdf

REGULAR = BUNDLED_DIR / "NotoSans-Regular.ttf"
GOOD = "Rates on Hold\nThe bank kept rates unchanged.\n"


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


DAMAGED = {
    "missing": None,
    "empty": b"",
    "text": b"not a font at all",
    "garbage after a TrueType signature": b"\x00\x01\x00\x00" + b"garbage" * 20,
    "truncated": REGULAR.read_bytes()[:3_000],
}


@pytest.mark.parametrize("font_bytes", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_missing_or_damaged_font_file_is_a_theme_error_before_anything_is_written(
    font_bytes: bytes | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = theme_with(tmp_path, font_bytes)
    with pytest.raises(ThemeError, match=r"fonts\.body\.files\.regular"):
        load_theme(theme)
    (tmp_path / "brief.txt").write_text(GOOD)
    out = tmp_path / "out"
    status = main(
        ["convert", str(tmp_path / "brief.txt"), "--out", str(out), "--style", str(theme)]
    )
    errors = capsys.readouterr().err
    assert status == 3
    assert str(theme) in errors and "Traceback" not in errors
    assert not out.exists() or not any(out.iterdir())


def test_a_font_without_bold_falls_back_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = theme_with(tmp_path, REGULAR.read_bytes())
    (tmp_path / "brief.txt").write_text(GOOD)
    out = tmp_path / "out"
    status = main(
        ["convert", str(tmp_path / "brief.txt"), "--out", str(out), "--style", str(theme)]
    )
    errors = capsys.readouterr().err
    assert status == 0
    assert 'theme font "Brand" (fonts.heading) has no bold file' in errors
    assert "Rates on Hold" in read_pdf((out / "brief.pdf").read_bytes())


def test_a_complete_font_family_gives_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = theme_with(tmp_path, REGULAR.read_bytes(), faces="regular,bold")
    shutil.copy(REGULAR, tmp_path / "fonts" / "Brand.ttf")
    (tmp_path / "brief.txt").write_text(GOOD)
    assert (
        main(
            [
                "convert",
                str(tmp_path / "brief.txt"),
                "--out",
                str(tmp_path / "out"),
                "--style",
                str(theme),
                "--to",
                "pdf",
            ]
        )
        == 0
    )
    assert "has no" not in capsys.readouterr().err
