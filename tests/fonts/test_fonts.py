"""Font discovery along fallback chains, the bundled fonts, and glyph coverage."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from exporter import fonts
from exporter.fonts import (
    BUNDLED_DIR,
    FACES,
    LAST_RESORT,
    SYMBOLS,
    FontFile,
    bundled_families,
    discovery,
    face_chain,
    family_for,
    font_facts,
    fontconfig,
    missing_characters,
    quadratic,
    resolve_face,
    subsets,
)
from exporter.fonts.facts import UnusableFontError, checked_facts
from exporter.fonts.fontconfig import SystemFont
from exporter.fonts.subsets import truetype_font
from exporter.theme import Font
from tests.conftest import clear_font_caches, count_fc_list
from tests.font_files import NOTO_SANS, cff_font, noto_cjk_files
from tests.outlines import outline_distance

GREEK_CYRILLIC = "Καλημέρα κόσμε — Привет, мир"


def test_bundled_families_ship_with_their_licences() -> None:
    assert {"DejaVu Serif", "DejaVu Sans", "Noto Serif", "Noto Sans"} <= set(bundled_families())
    for licence in ("DejaVu", "Noto", "Symbola"):
        assert (BUNDLED_DIR / f"LICENSE-{licence}.txt").is_file()


@pytest.mark.parametrize("family", ["DejaVu Serif", "DejaVu Sans", "Noto Serif"])
@pytest.mark.parametrize("face", FACES)
def test_every_face_of_a_full_bundled_family_is_a_truetype_file(family: str, face: str) -> None:
    file = resolve_face(Font(family), face)  # type: ignore[arg-type]
    assert file.path.parent == BUNDLED_DIR
    facts = font_facts(file)
    assert facts is not None and facts.outlines == "truetype"


@pytest.mark.parametrize("family", sorted(set(bundled_families()) - {SYMBOLS}))
def test_bundled_fonts_cover_latin_greek_and_cyrillic(family: str) -> None:
    assert (
        missing_characters("Hello " + GREEK_CYRILLIC, [resolve_face(Font(family), "regular")])
        == set()
    )


def test_family_names_match_without_regard_to_case() -> None:
    assert resolve_face(Font("dejavu serif"), "bold").name == "DejaVuSerif-Bold.ttf"


def test_font_files_of_the_theme_come_first(tmp_path: Path) -> None:
    own = resolve_face(Font("Noto Serif"), "regular")
    font = Font("House Serif", fallbacks=("DejaVu Serif",), files=(("regular", str(own.path)),))
    assert face_chain(font, "regular")[0] == own
    # A face the theme does not give is looked up along the chain.
    assert face_chain(font, "bold")[0].name == "DejaVuSerif-Bold.ttf"


def test_a_file_that_is_not_a_font_is_skipped(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"OTTO" + bytes(100))
    font = Font("Fake", fallbacks=("Noto Serif",), files=(("regular", str(fake)),))
    assert resolve_face(font, "regular").name == "NotoSerif-Regular.ttf"


def test_every_chain_ends_with_the_bundled_last_resort_and_symbols() -> None:
    chain = face_chain(Font("No Such Family 7c1e"), "italic")
    # Between them: the installed script families (CJK, Arabic, Hebrew), if any.
    assert chain[0] == resolve_face(Font(LAST_RESORT), "italic")
    assert chain[-1] == resolve_face(Font(SYMBOLS), "regular")
    assert all(file.path.parent != BUNDLED_DIR for file in chain[1:-1])


def test_emoji_are_covered_by_the_symbols_font() -> None:
    chain = face_chain(Font("DejaVu Serif"), "bold")
    assert missing_characters("👍 🇺🇦 ☃ ✔", chain) == set()


@pytest.mark.usefixtures("no_system_fonts")
def test_a_missing_face_falls_through_to_the_next_family() -> None:
    chain = face_chain(Font("Noto Sans", fallbacks=("DejaVu Serif",)), "italic")
    assert chain[0].name == "DejaVuSerif-Italic.ttf"


@pytest.mark.usefixtures("no_system_fonts")
def test_without_fontconfig_only_bundled_fonts_are_found() -> None:
    assert discovery._system_face("DejaVu Serif", "regular") is None
    assert resolve_face(Font("DejaVu Serif"), "regular").path.parent == BUNDLED_DIR


def test_fontconfig_answers_for_another_family_are_refused() -> None:
    assert discovery._system_face("No Such Family 7c1e", "regular") is None


def test_missing_characters_names_what_no_file_covers() -> None:
    serif = resolve_face(Font("Noto Serif"), "regular")
    sans = resolve_face(Font("DejaVu Sans"), "regular")
    assert missing_characters("Ωmega ☃ 中文", [serif]) == {"☃", "中", "文"}
    assert missing_characters("Ωmega ☃ 中文", [serif, sans]) == {"中", "文"}


def test_spaces_and_format_characters_need_no_glyph() -> None:
    serif = resolve_face(Font("Noto Serif"), "regular")
    assert missing_characters("a\u00a0b\u2003c\u200d", [serif]) == set()


def test_the_package_exports_what_it_documents() -> None:
    assert set(fonts.__all__) <= set(dir(fonts))


# ---------------------------------------------------------------------------- font files


def test_a_file_fonttools_cannot_read_is_not_a_font(tmp_path: Path) -> None:
    for name, content in {
        "zeros.ttf": b"\x00\x01\x00\x00" + bytes(200),
        "collection.ttc": b"ttcf" + bytes(200),
        "truncated.ttf": NOTO_SANS.read_bytes()[:5_000],
    }.items():
        (tmp_path / name).write_bytes(content)
        assert font_facts(FontFile(tmp_path / name)) is None, name
        with pytest.raises(UnusableFontError):
            checked_facts(FontFile(tmp_path / name))


def test_a_damaged_installed_font_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "Damaged.ttf"
    damaged.write_bytes(NOTO_SANS.read_bytes()[:5_000])
    listed = SystemFont(("Damaged Sans",), FontFile(damaged), weight=80, slant=0, width=100)
    monkeypatch.setattr(fontconfig, "installed_fonts", lambda: (listed,))
    clear_font_caches()
    try:
        assert fontconfig.find_system_font("Damaged Sans", bold=False, italic=False)
        chain = face_chain(Font("Damaged Sans", fallbacks=("DejaVu Serif",)), "regular")
        assert chain[0].name == "DejaVuSerif.ttf"
    finally:
        monkeypatch.undo()
        clear_font_caches()


def run_twice(script: str, cache: Path) -> list[subprocess.CompletedProcess[str]]:
    """``script`` run by two Python processes in turn, sharing the font cache ``cache``."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return [
        subprocess.run(
            [sys.executable, "-c", script], env=environment, capture_output=True, text=True
        )
        for _ in range(2)
    ]


def test_facts_are_kept_on_disk_for_the_next_process(tmp_path: Path) -> None:
    script = (
        "import sys; from exporter.fonts import FontFile, font_facts; "
        f"facts = font_facts(FontFile(__import__('pathlib').Path({str(NOTO_SANS)!r}))); "
        "print(facts.family, 'fontTools' in sys.modules)"
    )
    runs = [run.stdout.split() for run in run_twice(script, tmp_path)]
    assert runs == [["Noto", "Sans", "True"], ["Noto", "Sans", "False"]]
    assert list((tmp_path / "exporter" / "fonts").glob("facts-*.facts"))


def test_fontconfig_is_asked_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_fc_list(monkeypatch)
    clear_font_caches()
    try:
        for family in ("NanumGothic", "No Such Family 7c1e", "WenQuanYi Micro Hei"):
            for face in FACES:
                face_chain(Font(family), face)
        assert len(calls) <= 1  # none without fontconfig
    finally:
        monkeypatch.undo()
        clear_font_caches()


def test_a_docx_only_run_imports_neither_reportlab_nor_ebooklib(tmp_path: Path) -> None:
    script = (
        "import sys, exporter; "
        "article = exporter.parse_text('Rates\\nThe bank held. Ωmega 中文', language='en'); "
        "exporter.render_with_warnings(article, 'docx'); "
        "print(sorted(m for m in ('reportlab', 'ebooklib', 'fontTools') if m in sys.modules))"
    )
    runs = run_twice(script, tmp_path)
    assert [run.stderr for run in runs] == ["", ""]
    # The first run reads fonts with fontTools; the next finds all it needs in the cache.
    assert [run.stdout.strip() for run in runs] == ["['fontTools']", "[]"]


# ---------------------------------------------------------------------------- regional fonts


@pytest.mark.parametrize(
    ("language", "family"),
    [
        ("ja", "Noto Sans CJK JP"),
        ("ko-KR", "Noto Sans CJK KR"),
        ("zh-Hans", "Noto Sans CJK SC"),
        ("zh-TW", "Noto Sans CJK TC"),
        ("zh-HK", "Noto Sans CJK HK"),
        ("ru", "Noto Sans CJK SC"),
    ],
)
def test_the_briefs_language_picks_the_regional_font_of_a_collection(
    language: str, family: str
) -> None:
    noto_cjk_files()
    font = resolve_face(Font("Noto Sans CJK"), "regular", language)
    facts = font_facts(font)
    assert facts is not None and facts.family == family and facts.outlines == "cff"
    serif = Font("Noto Serif", fallbacks=("Noto Serif CJK",))
    assert family_for(serif, "中", language) == family.replace("Sans", "Serif")


# ---------------------------------------------------------------------------- conversions


def assert_faithful(source: Path, index: int, converted: bytes, sample: str) -> None:
    """Every glyph of ``sample`` in ``converted`` within 0.3/1000 em of the source's, with the
    same advance width (in thousandths of an em, as a PDF uses them)."""
    original = TTFont(str(source), fontNumber=index, lazy=True)
    result = TTFont(io.BytesIO(converted))
    assert "glyf" in result and "CFF " not in result
    upem, result_upem = original["head"].unitsPerEm, result["head"].unitsPerEm
    original_glyphs, result_glyphs = original.getGlyphSet(), result.getGlyphSet()
    original_map, result_map = original.getBestCmap(), result.getBestCmap()
    for character in sample:
        before, after = original_map[ord(character)], result_map[ord(character)]
        distance = outline_distance(
            original_glyphs[before], result_glyphs[after], scale=upem / result_upem, step=2.0
        )
        assert distance * 1000 / upem <= 0.3, (character, distance)
        advance = original["hmtx"][before][0] * 1000 / upem
        assert result["hmtx"][after][0] * 1000 / result_upem == advance, character


def test_cff_outlines_become_faithful_truetype(tmp_path: Path) -> None:
    otf = cff_font(tmp_path / "Brand.otf")
    sample = "Rag& 5%“é"
    converted = truetype_font(FontFile(otf), frozenset(map(ord, sample)))
    assert_faithful(otf, 0, converted.data, sample.replace(" ", ""))
    assert set(TTFont(io.BytesIO(converted.data)).getBestCmap()) == set(map(ord, sample))


def test_noto_cjk_converts_faithfully_deterministically_and_once(tmp_path: Path) -> None:
    noto_cjk_files()
    sample = "元觀鮮최선かカ"
    file = resolve_face(Font("Noto Sans CJK"), "regular", "ko")
    codepoints = frozenset(map(ord, sample))
    first = truetype_font(file, codepoints)
    assert_faithful(file.path, file.index, first.data, sample)
    cached = list((Path(os.environ["XDG_CACHE_HOME"]) / "exporter" / "fonts").glob("truetype-*"))
    assert cached
    subsets._cached.cache_clear()  # memory forgotten: the disk cache answers
    assert truetype_font(file, codepoints).data == first.data
    # Made again from nothing, it is the same font, byte for byte.
    assert quadratic.truetype_from_cff(file, codepoints) == first.data


def test_a_cache_that_cannot_be_written_costs_time_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    otf = cff_font(tmp_path / "Brand.otf")
    subsets._cached.cache_clear()
    converted = truetype_font(FontFile(otf), frozenset(map(ord, "abc")))
    assert set(TTFont(io.BytesIO(converted.data)).getBestCmap()) == set(map(ord, "abc"))
    assert blocked.read_text() == "a file where the cache folder would go"
