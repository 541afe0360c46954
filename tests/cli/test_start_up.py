"""One brief from a fresh ``exporter convert`` process: what it imports, and the start-up
caches it keeps in the user's cache directory (fonts, hyphenation, fontconfig's answers),
which never change a byte of the output, whether cold, warm or damaged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools import ROOT

BRIEF = ROOT / "sources" / "000_9308d7e73d83f95c.txt"  # names no language


def convert(cache: Path, out: Path) -> dict[str, bytes]:
    """The outputs of a fresh ``exporter convert`` of the reference brief with ``cache``."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "exporter", "convert", str(BRIEF), "--out", str(out), "-q"]
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return {path.name: path.read_bytes() for path in sorted(out.glob(f"{BRIEF.stem}.*"))}


def test_cold_warm_and_damaged_caches_give_the_same_bytes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = convert(cache, tmp_path / "cold")
    assert sorted(cold) == [f"{BRIEF.stem}{suffix}" for suffix in (".docx", ".epub", ".pdf")]
    kept = sorted(path for path in cache.rglob("*") if path.is_file())
    areas = {path.relative_to(cache / "exporter").parts[0] for path in kept}
    assert {"fonts", "hyphenation"} <= areas
    assert convert(cache, tmp_path / "warm") == cold
    for number, entry in enumerate(kept):  # torn entries, and entries of another shape
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2] if number % 2 else b"")
    assert convert(cache, tmp_path / "damaged") == cold


def test_an_unwritable_cache_costs_time_only(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert convert(blocked, tmp_path / "blocked") == convert(tmp_path / "cache", tmp_path / "ok")


def imported(script: str, cache: Path) -> set[str]:
    """The top-level packages a fresh process running ``script`` imported."""
    code = (
        f"import sys\n{script}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("theme", ["default", "minimal", "newsroom"])
def test_loading_a_shipped_theme_needs_no_language_data(theme: str, tmp_path: Path) -> None:
    """Every label tag of the shipped themes is recognised by the shortcut, without langcodes
    (~20 ms of data to import)."""
    found = imported(f"import exporter; exporter.load_theme({theme!r})", tmp_path)
    assert "exporter" in found and "langcodes" not in found


def test_an_english_brief_imports_only_what_its_formats_need(tmp_path: Path) -> None:
    """A brief that states its language needs no language model, no tag data and no Arabic
    shaping, and (with a warm font cache) no fontTools; an EPUB needs no reportlab and no
    python-docx."""
    script = (
        "import exporter\n"
        "article = exporter.parse_text('---\\nlanguage: en\\n---\\nRates\\n\\nThe bank held.')\n"
        "exporter.render(article, 'epub')\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'docx'})))\n"
        "for fmt in ('docx', 'pdf'):\n"
        "    exporter.render(article, fmt)"
    )
    unwanted = {"langcodes", "arabic_reshaper", "fasttext", "fontTools"}
    imported(script, tmp_path)  # fills the font cache
    code = (
        f"import sys\n{script}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    for_epub, everything = result.stdout.splitlines()
    assert for_epub == ""
    assert "reportlab" in everything.split() and not unwanted & set(everything.split())


def test_one_brief_from_the_command_line_imports_only_what_it_needs(tmp_path: Path) -> None:
    """The reference brief (no front matter, no e-mail headers) converted by a fresh process:
    no pool, no YAML, no e-mail parsing, no network modules, no fontconfig subprocess (its
    answer is cached), no name suggestions. (With one job: with two, the PDF is made by a
    forked child, whose imports this process would not see.)"""

    def script(out: str) -> str:
        command = ["convert", str(BRIEF), "--out", str(tmp_path / out), "-q", "--jobs", "1"]
        return f"from exporter.cli import main\nmain({command!r})"

    imported(script("first"), tmp_path)  # fills the cache
    code = f"import sys\n{script('second')}\nprint(' '.join(sorted(sys.modules)))"
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    modules = set(result.stdout.split())
    unwanted = {
        "concurrent.futures",
        "multiprocessing",
        "yaml",
        "email.utils",
        "urllib.request",
        "http.client",
        "ssl",
        "subprocess",
        "difflib",
        "langcodes",
        "arabic_reshaper",
        "fontTools",
    }
    assert {"reportlab", "docx", "ebooklib", "fasttext"} <= modules
    assert unwanted & modules == set()
