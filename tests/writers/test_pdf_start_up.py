"""What the PDF writer keeps on disk so that a fresh process does not parse fonts and
hyphenation dictionaries in Python: the kept state is exactly what parsing gives, and a
damaged or forged entry is ignored."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyphen  # type: ignore[import-untyped]
import pytest
from reportlab.pdfbase.ttfonts import TTFont

from exporter import diskcache
from exporter.fonts import BUNDLED_DIR, FontFile, font_facts
from exporter.fonts.fontconfig import installed_fonts
from exporter.writers.pdf import hyphenation_patterns, parsed_faces


def same(first: Any, second: Any) -> bool:
    """Equal values of the same types all the way down (``1 == 1.0`` is not enough: reportlab's
    arithmetic on widths depends on which it is)."""
    if type(first) is not type(second):
        return False
    if isinstance(first, dict):
        return list(first) == list(second) and all(
            same(value, second[key]) for key, value in first.items()
        )
    if isinstance(first, list | tuple):
        return len(first) == len(second) and all(map(same, first, second))
    if isinstance(first, bytes) and hasattr(first, "ustr"):
        return first == second and first.ustr == second.ustr
    return bool(first == second)


def entries(area: str) -> list[Path]:
    folder = diskcache.directory(area)
    assert folder is not None
    return sorted(folder.glob("*")) if folder.is_dir() else []


def truetype_files() -> list[FontFile]:
    bundled = [FontFile(path) for path in sorted(BUNDLED_DIR.glob("*.ttf"))]
    # A face of an installed collection, when there is one (fonts-wqy-microhei's .ttc).
    collections = [
        font.file
        for font in installed_fonts()
        if font.file.path.suffix == ".ttc"
        and (facts := font_facts(font.file)) is not None
        and facts.outlines == "truetype"
        and font.file.path.stat().st_size < 8_000_000
    ]
    return bundled + collections[:1]


@pytest.mark.parametrize("file", truetype_files(), ids=lambda file: file.name)
def test_a_kept_face_is_the_face_reportlab_parses(file: FontFile) -> None:
    parsed = TTFont("parsed", str(file.path), subfontIndex=file.index)
    parsed_faces.truetype_font("kept", file)  # parses, and keeps it
    kept = parsed_faces.truetype_font("kept", file)
    # Layout first, as a document does: the tables are made when reportlab asks for them.
    text = "Straße Ωmega Привет ﬁ"
    assert kept.stringWidth(text, 11) == parsed.stringWidth(text, 11)
    assert kept.face.makeSubset([32, 65, 0xDF]) == parsed.face.makeSubset([32, 65, 0xDF])
    assert isinstance(kept.face, type(parsed.face))
    for name, value in vars(parsed.face).items():
        if name != "_pdfScale":
            assert same(value, getattr(kept.face, name)), name
    assert [parsed.face._pdfScale(n) for n in (1, 1000, 2048)] == [
        kept.face._pdfScale(n) for n in (1, 1000, 2048)
    ]
    font_state = {name: value for name, value in vars(parsed).items() if name != "fontName"}
    assert sorted(font_state) == sorted(set(vars(kept)) - {"fontName"})
    for name, value in font_state.items():
        if name in ("face", "encoding", "state"):
            assert isinstance(vars(kept)[name], type(value))
        else:
            assert same(value, vars(kept)[name]), name


def damage(folder_area: str, forge: bool) -> int:
    """Spoil every entry of an area: flip a byte (the digest no longer matches), or ``forge``
    one that passes the digest but holds nonsense. Returns how many were spoiled."""
    spoiled = entries(folder_area)
    for entry in spoiled:
        if forge:
            entry.write_bytes(b"")
            name = entry.name
            entry.unlink()
            diskcache.store(folder_area, name, b'{"state": {"name": 5}, "arrays": [["x"]]}\n\x00')
        else:
            data = bytearray(entry.read_bytes())
            data[len(data) // 2] ^= 0xFF
            entry.write_bytes(bytes(data))
    return len(spoiled)


@pytest.mark.parametrize("forge", [False, True], ids=["torn", "forged"])
def test_a_damaged_face_entry_is_parsed_again(
    forge: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    file = FontFile(BUNDLED_DIR / "DejaVuSerif-Italic.ttf")
    expected = vars(TTFont("parsed", str(file.path)).face)["charWidths"]
    parsed_faces.truetype_font("kept", file)
    assert damage("fonts", forge) == 1
    font = parsed_faces.truetype_font("kept", file)
    assert same(font.face.charWidths, expected) and "_kept_tables" not in vars(font.face)


def test_a_changed_font_file_never_meets_its_old_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    copy = tmp_path / "font.ttf"
    copy.write_bytes((BUNDLED_DIR / "DejaVuSans.ttf").read_bytes())
    first = parsed_faces.truetype_font("first", FontFile(copy))
    copy.write_bytes((BUNDLED_DIR / "NotoSans-Regular.ttf").read_bytes())
    os.utime(copy, ns=(1, 1))
    second = parsed_faces.truetype_font("second", FontFile(copy))
    assert (first.face.name, second.face.name) == (b"DejaVuSans", b"NotoSans-Regular")
    assert len(entries("fonts")) == 2


@pytest.mark.parametrize("language", ["en_US", "hu_HU", "ca", "de_DE"])
def test_kept_hyphenation_patterns_are_pyphens(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = pyphen.LANGUAGES[language]
    parsed = pyphen.HyphDict(path)
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation_patterns.preload(path)  # parses, and keeps it
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation_patterns.preload(path)
    kept = pyphen.hdcache[path]
    assert same(kept.patterns, parsed.patterns) and kept.maxlen == parsed.maxlen
    assert [getattr(v, "data", None) for _, values in kept.patterns.values() for v in values] == [
        getattr(v, "data", None) for _, values in parsed.patterns.values() for v in values
    ]
    assert len(entries("hyphenation")) == 1


@pytest.mark.parametrize("forge", [False, True], ids=["torn", "forged"])
def test_a_damaged_hyphenation_entry_is_parsed_again(
    forge: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = pyphen.LANGUAGES["en_US"]
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation_patterns.preload(path)
    assert damage("hyphenation", forge) == 1
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation_patterns.preload(path)
    assert same(pyphen.hdcache[path].patterns, pyphen.HyphDict(path).patterns)
    words = pyphen.Pyphen(lang="en_US", left=3, right=3)
    assert list(words.iterate("hyphenation")) == [("hyphen", "ation")]
