"""fontconfig's answer kept between processes: used while the fonts and fontconfig's
configuration are as they were, asked again as soon as a font folder changes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from exporter import diskcache
from exporter.fonts import BUNDLED_DIR, fontconfig
from tests.conftest import clear_font_caches, count_fc_list

# fontconfig is part of every supported Linux set-up (and of CI's).
pytestmark = pytest.mark.skipif(shutil.which("fc-list") is None, reason="no fontconfig")


@pytest.fixture
def fc_list_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Calls of ``fc-list``, with a cache directory and a font folder of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    calls = count_fc_list(monkeypatch)
    clear_font_caches()
    yield calls
    monkeypatch.undo()
    clear_font_caches()


def listed_again() -> tuple[fontconfig.SystemFont, ...]:
    """The installed fonts as a new process would find them (nothing kept in memory)."""
    fontconfig.installed_fonts.cache_clear()
    return fontconfig.installed_fonts()


def test_a_later_process_reuses_the_answer(fc_list_calls: list[object]) -> None:
    first = listed_again()
    assert first and len(fc_list_calls) == 1
    assert listed_again() == first and len(fc_list_calls) == 1


def test_a_new_font_folder_is_noticed(
    fc_list_calls: list[object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desktop's fontconfig reads ``$XDG_DATA_HOME/fonts``; a font put there is listed at the
    next run. (A configuration of this test's own, which reads that folder whatever the
    machine's does.)"""
    folder = tmp_path / "data" / "fonts"
    configuration = tmp_path / "fonts.conf"
    configuration.write_text(
        '<?xml version="1.0"?>\n<fontconfig>\n'
        "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
        f"  <dir>{folder}</dir>\n"
        f"  <cachedir>{tmp_path / 'fontconfig-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(configuration))
    before = listed_again()
    folder.mkdir(parents=True)
    shutil.copy(BUNDLED_DIR / "NotoSans-Regular.ttf", folder / "Added.ttf")
    after = listed_again()
    assert len(fc_list_calls) == 2
    assert {font.file.path for font in after} - {font.file.path for font in before} == {
        folder / "Added.ttf"
    }


@pytest.mark.parametrize("content", [b"", b"{}", b'{"folders": [], "times": [], "listing": 5}'])
def test_a_damaged_entry_is_asked_again(fc_list_calls: list[object], content: bytes) -> None:
    first = listed_again()
    folder = diskcache.directory("fontconfig")
    assert folder is not None
    (entry,) = folder.iterdir()
    entry.unlink()
    diskcache.store("fontconfig", entry.name, content)
    assert listed_again() == first and len(fc_list_calls) == 2
