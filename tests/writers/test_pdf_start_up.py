"""What the PDF writer does so that a fresh process starts quickly: it keeps on disk what it
would parse in Python (fonts, hyphenation dictionaries), exactly as parsing gives it, ignoring
damaged or forged entries; and it compiles reportlab's slowest patterns in quick forms that
match exactly the same."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyphen  # type: ignore[import-untyped]
import pytest
from reportlab.pdfbase.ttfonts import TTFont

from exporter import diskcache
from exporter.fonts import BUNDLED_DIR, FontFile, font_facts
from exporter.fonts.fontconfig import installed_fonts
from exporter.writers.pdf import hyphenation_patterns, parsed_faces, reportlab_patterns


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


@pytest.mark.parametrize("slow", list(reportlab_patterns.FAST_CLASSES))
def test_a_quick_class_holds_exactly_the_characters_of_reportlabs(slow: str) -> None:
    """Every code point, under the flags of reportlab's pattern that holds the class."""
    (flags,) = {flags for pattern, flags in reportlab_patterns.PATTERNS if slow in pattern}
    quick = reportlab_patterns.FAST_CLASSES[slow]
    slow_class, quick_class = re.compile(slow, flags), re.compile(quick, flags)
    differing = [
        code
        for code in range(sys.maxunicode + 1)
        if bool(slow_class.fullmatch(chr(code))) != bool(quick_class.fullmatch(chr(code)))
    ]
    assert differing == []


@pytest.mark.parametrize(
    "text",
    [
        "https://www.example.com/news/2024/06/rates-held",
        "HTTP://Straße.example.de:8080/a?b#c",
        "ftp://user:pw@127.0.0.1/x",
        "http://[::1]/",
        "http://localhost",
        "https://президент.рф/news",
        "https://ex-ample.com-/",
        "http://xn--p1ai.xn--p1ai/",
        "mailto:someone@example.com",
        "漢字かなカナ한글 text",
    ],
)
def test_quick_patterns_match_as_reportlabs(text: str) -> None:
    for pattern, flags in reportlab_patterns.PATTERNS:
        slow = re.compile(pattern, flags)
        quick = re.compile(reportlab_patterns.quick_form(pattern), flags)
        slow_match, quick_match = slow.match(text), quick.match(text)
        assert (slow_match and slow_match.groups()) == (quick_match and quick_match.groups())
        assert slow.sub("|", text) == quick.sub("|", text)


def test_reportlab_compiles_its_patterns_from_the_seeded_cache() -> None:
    """In a fresh process that imports the PDF writer first, reportlab's patterns are the
    quick forms: its patterns are still the ones the seed is for."""
    script = (
        "import exporter.writers.pdf\n"
        "from reportlab.lib import textsplit\n"
        "from reportlab.platypus import paragraph\n"
        "from exporter.writers.pdf.reportlab_patterns import CJK, URL, quick_form\n"
        "print(paragraph.uri_pat.pattern == quick_form(URL))\n"
        "print(textsplit.rx.pattern == quick_form(CJK))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "True"]
