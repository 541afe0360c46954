"""Chinese, Japanese and Korean PDFs on a machine whose only CJK fonts are Noto CJK (CFF outlines
in collections, what Ubuntu and Fedora install): every character is drawn, embedded and
extractable, in the regional font of the brief's language, and the conversion is done once."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from exporter import render_with_warnings
from exporter.errors import MissingGlyphError
from exporter.model import Article
from exporter.reading import parse_file
from exporter.theme import apply_options, load_theme
from exporter.writers.pdf import render_pdf
from tests.font_files import fontconfig_with_only, noto_cjk_files
from tests.tools import require

SOURCES = Path(__file__).resolve().parents[2] / "sources"

JAPANESE = """\
---
language: ja
---
- ロシアのラブロフ外相が北朝鮮の元山を訪れた。
- 両国は観光と航空路線の拡大で合意した。

ラブロフ外相、元山で崔善姫外相と会談

ロシアのセルゲイ・ラブロフ外相は、北朝鮮東部の港湾都市・元山を訪れ、崔善姫外相と二日間にわたり会談した。

両外相は、新たに開業した葛麻海岸観光地区でロシア人観光客の受け入れを拡大する方針を確認した。
"""

BRIEFS = {
    "zh": (SOURCES / "zh-wonsan-tourism.txt", "NotoSerifCJKsc"),
    "ja": (None, "NotoSerifCJKjp"),
    "ko": (SOURCES / "ko-choe-wonsan.txt", "NotoSerifCJKkr"),
}


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a machine with only Noto CJK and DejaVu, and an empty font cache."""
    noto_cjk_files()
    folder = tmp_path_factory.mktemp("noto-cjk-machine")
    return {
        **os.environ,
        **fontconfig_with_only(folder, "Noto Sans CJK", "Noto Serif CJK", "DejaVu"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }


def brief_path(language: str, folder: Path) -> Path:
    source, _ = BRIEFS[language]
    if source is not None:
        return source
    path = folder / "ja-lavrov-wonsan.txt"
    path.write_text(JAPANESE, encoding="utf-8")
    return path


def convert(brief: Path, out: Path, environment: dict[str, str]) -> tuple[bytes, str]:
    """The PDF ``exporter convert`` makes of ``brief`` in ``environment``, and its warnings."""
    completed = subprocess.run(
        [sys.executable, "-m", "exporter", "convert", str(brief), "--to", "pdf", "--out", str(out)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return (out / f"{brief.stem}.pdf").read_bytes(), completed.stderr


def words(article: Article) -> list[str]:
    texts = list(article.plain_texts())
    return [
        "".join(c for c in word if c.isalnum()) for text in texts for word in text.split() if word
    ]


@pytest.mark.parametrize("language", BRIEFS)
def test_noto_cjk_alone_draws_every_character_embedded_and_extractable(
    language: str, machine: dict[str, str], tmp_path: Path
) -> None:
    pdftotext = require("pdftotext")
    pdffonts = require("pdffonts")
    brief = brief_path(language, tmp_path)
    data, warnings = convert(brief, tmp_path / "first", machine)
    assert "no font has" not in warnings
    pdf = tmp_path / "first" / f"{brief.stem}.pdf"
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    squeezed = "".join(c for c in text if c.isalnum())
    missing = [word for word in words(parse_file(brief)) if word not in squeezed]
    assert missing == []
    listing = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True).stdout
    fonts = [line.split() for line in listing.splitlines()[2:]]
    assert fonts and all(row[-5] == "yes" for row in fonts), listing  # the "emb" column
    regional = BRIEFS[language][1]
    assert any(regional in row[0] for row in fonts), listing
    # Converted once: the next run (forced, another folder) finds the conversion on disk and
    # makes the same bytes.
    cache = Path(machine["XDG_CACHE_HOME"]) / "exporter" / "fonts"
    assert list(cache.glob("truetype-*.font"))
    again, _ = convert(brief, tmp_path / "second", machine)
    assert again == data


def test_each_document_gets_the_glyphs_it_needs_in_one_process() -> None:
    noto_cjk_files()
    chinese = render_pdf(parse_file(SOURCES / "zh-wonsan-tourism.txt"), load_theme())
    mixed = render_pdf(parse_file(SOURCES / "mixed-script-names.txt"), load_theme())
    assert "元山" in _text(chinese)
    # Converted for the second document, not the first one's glyphs under the same name.
    assert "최선희" in _text(mixed)
    assert "元山" in _text(mixed)


def _text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.usefixtures("no_system_fonts")
def test_a_machine_without_cjk_fonts_names_the_characters_and_still_renders() -> None:
    article = parse_file(SOURCES / "zh-wonsan-tourism.txt")
    with pytest.raises(MissingGlyphError) as refused:  # a tagged PDF refuses them
        render_pdf(article, load_theme())
    assert "元" in refused.value.characters
    warn = apply_options(load_theme(), {"pdf.missing_glyphs": "warn"})
    rendered = render_with_warnings(article, "pdf", warn)
    missing = [warning for warning in rendered.warnings if "no font has" in warning.message]
    assert missing and "元" in "".join(warning.characters for warning in missing)
    assert rendered.data.startswith(b"%PDF-")
    for to in ("docx", "epub"):
        assert render_with_warnings(article, to, load_theme()).data.startswith(b"PK")
