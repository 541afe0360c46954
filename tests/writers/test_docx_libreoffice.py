"""A Word file looks the same on a machine without its fonts: LibreOffice, with a fresh profile
and a fontconfig that shows only DejaVu, lays the default theme's DOCX out in Noto Serif, the
font it carries (and in something else when it carries none, which proves the point)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

from exporter.reading import parse_file
from exporter.theme import DocxOptions, load_theme
from exporter.writers.docx import render_docx
from tests.font_files import fontconfig_with_only
from tests.tools import require

REFERENCE = Path(__file__).resolve().parents[2] / "sources" / "000_9308d7e73d83f95c.txt"


def fonts_libreoffice_uses(docx: bytes, folder: Path) -> set[str]:
    """The fonts of the PDF LibreOffice makes of ``docx`` on a machine with only DejaVu, as
    ``pdffonts`` names them (without the subset prefix)."""
    soffice = require("soffice")
    pdffonts = require("pdffonts")
    source = folder / "handout.docx"
    source.write_bytes(docx)
    environment = {
        **os.environ,
        **fontconfig_with_only(folder / "machine", "DejaVu"),
        "HOME": str(folder / "home"),
    }
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        env=environment,
        capture_output=True,
        timeout=300,
        check=True,
    )
    listing = subprocess.run(
        [pdffonts, str(folder / "handout.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}


def test_libreoffice_sets_the_default_theme_in_the_noto_serif_it_carries(tmp_path: Path) -> None:
    fonts = fonts_libreoffice_uses(render_docx(parse_file(REFERENCE), load_theme()), tmp_path)
    assert {"NotoSerif-Regular", "NotoSerif-Bold"} <= fonts, fonts


def test_without_the_fonts_it_carries_libreoffice_substitutes(tmp_path: Path) -> None:
    theme = replace(load_theme(), docx=DocxOptions(embed_fonts=False))
    fonts = fonts_libreoffice_uses(render_docx(parse_file(REFERENCE), theme), tmp_path)
    assert not any(font.startswith("NotoSerif") for font in fonts), fonts
