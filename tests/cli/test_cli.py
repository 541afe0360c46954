"""End-to-end tests of the command line, run in-process through ``exporter.cli.main``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from exporter import __version__
from exporter.cli import main

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"


def test_inspect_json_shows_the_reference_brief(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(REFERENCE), "--json"]) == 0
    model = json.loads(capsys.readouterr().out)
    assert model["title"] == "North Korea’s Unconditional Support for Russia in Ukraine"
    assert len(model["key_points"]) == 5
    assert [section["heading"] for section in model["sections"]] == [
        None,
        "Strengthening Ties Through Diplomacy and Tourism",
        "Joint Efforts Against External Regional Threats",
    ]
    assert set(model) == {"title", "subtitle", "key_points", "sections", "metadata", "warnings"}


def test_inspect_prints_a_readable_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(ROOT / "sources" / "fed-holds-rates.txt")]) == 0
    out = capsys.readouterr().out
    assert "Title:      Fed Holds Rates Steady as Inflation Cools" in out
    assert "Key points: 4" in out
    assert "  § Why Not Cut Now?" in out
    assert "numbered list of 3" in out


def test_warnings_go_to_stderr_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text("Rates on Hold\nA stray\x0c form feed.\n")
    assert main(["inspect", str(brief)]) == 0
    captured = capsys.readouterr()
    assert f"{brief}:2: warning: dropped 1 character" in captured.err
    assert "warning" not in captured.out


def test_characters_no_font_has_are_named_with_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text("Rates on Hold\n\nThe bank held rates.\nA Yi syllable \ua000 here.\n")
    out = tmp_path / "out"
    convert = ["convert", str(brief), "--to", "pdf,docx", "--out", str(out)]
    assert main([*convert, "--set", "pdf.missing_glyphs=warn"]) == 0
    errors = capsys.readouterr().err.splitlines()
    found = [line for line in errors if "no font has" in line]
    assert found == [
        f"{brief}:4: warning: PDF: no font has 'ꀀ' (U+A000) in the body text; they would print "
        "as empty boxes — add a font that has them to the theme's body font fallbacks"
    ]


def test_a_tagged_pdf_refuses_characters_no_font_has_naming_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text("Rates on Hold\n\nThe bank held rates.\nA Yi syllable \ua000 here.\n")
    assert main(["convert", str(brief), "--to", "pdf", "--out", str(tmp_path / "out")]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert [line for line in errors if "no font has" in line] == [
        f"{brief}:4: error: PDF: no font has 'ꀀ' (U+A000) in the body text; a tagged PDF "
        "(PDF/UA) may not print them as empty boxes — add a font that has them to the theme's "
        'body font fallbacks, or set pdf.missing_glyphs = "warn"'
    ]
    assert not (tmp_path / "out" / "brief.pdf").exists()


def test_the_detected_language_is_a_note_shown_with_verbose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(REFERENCE), "--to", "json", "--out", str(out)]) == 0
    assert "note:" not in capsys.readouterr().err  # (the path itself says "detected")
    assert (
        main(["convert", str(REFERENCE), "--to", "json", "--out", str(out), "-v", "--force"]) == 0
    )
    assert f"{REFERENCE}: note: no language given: detected en from the text" in (
        capsys.readouterr().err
    )
    assert main(["inspect", str(REFERENCE)]) == 0
    assert "note: no language given: detected en" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "error: the file is empty"),
        (b"%PDF-1.4\n", "error: this is a PDF document, not a text brief"),
        (b"---\ntitle: [oops\n---\nBody.\n", ":2: error: front matter is not valid YAML"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    brief = tmp_path / "bad.txt"
    brief.write_bytes(content)
    assert main(["inspect", str(brief)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(str(brief))
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_missing_file_and_folder_are_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", str(tmp_path / "nope.txt")]) == 1
    assert main(["inspect", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{tmp_path / 'nope.txt'}: error: no such file",
        f"{tmp_path}: error: is a folder, not a brief",
    ]


def test_version_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    assert capsys.readouterr().out.strip() == f"exporter {__version__}"
    with pytest.raises(SystemExit) as usage:
        main(["inspect"])
    assert usage.value.code == 2


def test_console_script_runs_as_a_module() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "exporter", "inspect", str(REFERENCE), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["title"].startswith("North Korea")
