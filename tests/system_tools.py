"""What some tests need from the system (a program, a font): without it they skip on a
developer's machine, naming the package to install, and fail in CI (``CI`` is set), which
installs everything (``.ci/run``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from exporter.fonts.fontconfig import installed_fonts

#: Noto Sans and Serif CJK, as Debian and Ubuntu package them.
NOTO_CJK_PACKAGE = "fonts-noto-cjk"


def require(present: bool, what: str, package: str) -> None:
    """Skip (fail in CI) unless ``present``, saying what is missing and how to install it."""
    if present:
        return
    message = f"{what} is not installed: apt-get install -y --no-install-recommends {package}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_program(name: str, package: str) -> str:
    """The path of program ``name``, or a skip (a failure in CI) naming ``package``."""
    path = shutil.which(name)
    require(path is not None, name, package)
    assert path is not None
    return path


def noto_cjk_files() -> list[str]:
    """The installed Noto Sans and Serif CJK collections (skip, or fail in CI, without them)."""
    files = sorted(
        {
            str(font.file.path)
            for font in installed_fonts()
            if any(name.startswith(("Noto Sans CJK", "Noto Serif CJK")) for name in font.families)
        }
    )
    require(bool(files), "Noto CJK", NOTO_CJK_PACKAGE)
    return files


def fontconfig_with_only(folder: Path, *families: str) -> dict[str, str]:
    """Environment variables for a fontconfig that shows only the installed fonts of
    ``families`` (names as fontconfig lists them, or their beginnings): what a program started
    with them sees, as on a machine where nothing else is installed."""
    fonts = folder / "fonts"
    fonts.mkdir(parents=True)
    for font in installed_fonts():
        if any(name.startswith(families) for name in font.families):
            link = fonts / font.file.path.name
            if not link.exists():
                link.symlink_to(font.file.path)
    configuration = folder / "fonts.conf"
    configuration.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{folder / 'fontconfig-cache'}</cachedir>"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(configuration)}
