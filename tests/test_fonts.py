"""Font discovery along fallback chains, the bundled fonts, and glyph coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter import fonts
from exporter.fonts import (
    BUNDLED_DIR,
    FACES,
    LAST_RESORT,
    SYMBOLS,
    bundled_families,
    discovery,
    face_chain,
    font_facts,
    missing_characters,
    resolve_face,
)
from exporter.theme import Font

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
