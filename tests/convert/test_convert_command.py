"""End-to-end tests of ``exporter convert`` on temporary folders (JSON output keeps them fast)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.convert import convert_many
from tests.processes import children

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
GOOD = "Rates on Hold\nThe bank kept rates unchanged.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """briefs/ with a nested folder, a Markdown brief and a file that is not a brief."""
    briefs = tmp_path / "briefs"
    (briefs / "world" / "asia").mkdir(parents=True)
    shutil.copy(REFERENCE, briefs / "world" / "asia" / "korea.txt")
    (briefs / "rates.md").write_text("# Rates on Hold\n\nThe bank held.\n")
    (briefs / "notes.docx").write_bytes(b"PK\x03\x04 not a brief")
    (briefs / ".hidden").mkdir()
    (briefs / ".hidden" / "skip.txt").write_text(GOOD)
    return briefs


def outputs(folder: Path) -> list[str]:
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    )


def test_folder_tree_is_mirrored_under_out(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(tree), "--to", "json", "--out", str(out), "-q"]) == 0
    assert outputs(out) == ["rates.json", "world/asia/korea.json"]
    model = json.loads((out / "world" / "asia" / "korea.json").read_text())
    assert model["title"] == "North Korea’s Unconditional Support for Russia in Ukraine"


def test_second_run_skips_and_force_rebuilds(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["convert", str(tree), "--to", "json", "--out", str(out)]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 0
    assert "0 converted, 2 up to date, 0 failed; 0 files written" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0
    assert "2 converted, 0 up to date, 0 failed; 2 files written" in capsys.readouterr().err


def test_a_changed_brief_or_theme_is_rebuilt(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = convert_many([tree], out, formats=["json"], jobs=1)
    assert report.files_written == 2
    (tree / "rates.md").write_text("# Rates on Hold\n\nThe bank held again.\n")
    report = convert_many([tree], out, formats=["json"], jobs=1)
    assert [r.status for r in report.results] == ["converted", "skipped"]
    report = convert_many([tree], out, formats=["json"], jobs=1, style="minimal")
    assert report.files_written == 2


def test_a_deleted_output_is_rebuilt(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_many([tree], out, formats=["json"], jobs=1)
    (out / "rates.json").unlink()
    report = convert_many([tree], out, formats=["json"], jobs=1)
    assert report.files_written == 1
    assert (out / "rates.json").is_file()


def test_a_bad_brief_fails_alone_with_exit_status_1(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "broken.txt").write_bytes(b"---\ntitle: [oops\n---\nBody\n")
    (tree / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["convert", str(tree), "--to", "json", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{tree / 'broken.txt'}:2: error: front matter is not valid YAML" in err
    assert f"{tree / 'empty.txt'}: error: the file is empty" in err
    assert "2 converted, 0 up to date, 2 failed" in err
    assert outputs(out) == ["rates.json", "world/asia/korea.json"]


def test_a_missing_theme_named_by_a_brief_fails_that_brief(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "styled.txt").write_text(f"---\nstyle: no-such-theme\n---\n{GOOD}")
    assert main(["convert", str(tree), "--to", "json", "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert f"{tree / 'styled.txt'}:2: error: style in the brief's front matter" in err


def test_colliding_output_names_are_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "same.txt").write_text(GOOD)
    (briefs / "same.md").write_text(GOOD)
    out = tmp_path / "out"
    assert main(["convert", str(briefs), "--to", "json", "--out", str(out)]) == 4
    assert "would be written as" in capsys.readouterr().err
    assert not out.exists()


def test_a_brief_named_twice_is_converted_once(tmp_path: Path) -> None:
    brief = tmp_path / "a.txt"
    brief.write_text(GOOD)
    report = convert_many([brief, brief], tmp_path / "out", formats=["json"], jobs=1)
    assert len(report.results) == 1


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "a.txt"
    brief.write_text(GOOD)
    assert main(["convert", str(brief), "--to", "json,xml", "--out", str(tmp_path)]) == 2
    assert "unknown format 'xml'" in capsys.readouterr().err
    assert main(["convert", str(brief), "--to", "json", "--style", "nope"]) == 3
    assert main(["convert", str(tmp_path / "missing.txt"), "--to", "json"]) == 1
    with pytest.raises(SystemExit):
        main(["convert", "--jobs", "0"])


def test_report_json_describes_every_brief(tree: Path, tmp_path: Path) -> None:
    (tree / "bad.txt").write_bytes(b"")
    report_path = tmp_path / "report.json"
    out = tmp_path / "out"
    main(["convert", str(tree), "--to", "json", "--out", str(out), "--report", str(report_path)])
    report = json.loads(report_path.read_text())
    assert (report["briefs"], report["converted"], report["failed"]) == (3, 2, 1)
    by_source = {Path(result["source"]).name: result for result in report["results"]}
    assert by_source["bad.txt"]["error"] == {
        "kind": "brief",
        "message": "the file is empty",
        "path": str(tree / "bad.txt"),
        "line": None,
    }
    korea = by_source["korea.txt"]
    assert korea["status"] == "converted"
    assert korea["outputs"][0]["format"] == "json"
    assert Path(korea["outputs"][0]["path"]).is_file()


def test_parallel_run_matches_serial_run(tree: Path, tmp_path: Path) -> None:
    for index in range(6):
        (tree / f"extra{index}.txt").write_text(f"Brief {index}\nBody {index}.\n")
    serial = convert_many([tree], tmp_path / "one", formats=["json"], jobs=1)
    parallel = convert_many([tree], tmp_path / "two", formats=["json"], jobs=2)
    assert [r.source for r in serial.results] == [r.source for r in parallel.results]
    for name in outputs(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_any_executor_can_run_the_briefs(tree: Path, tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as executor:
        report = convert_many([tree], tmp_path / "out", formats=["json"], executor=executor)
    assert report.ok and report.files_written == 2


def test_no_path_converts_sources_into_build(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    shutil.copy(REFERENCE, tmp_path / "sources" / "brief.txt")
    completed = subprocess.run(
        [sys.executable, "-m", "exporter", "convert", "--to", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "build" / "brief.json").is_file()


def test_a_killed_run_leaves_no_partial_files_and_the_next_run_completes(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    big = "Big Brief\n" + "A long paragraph of text that goes on. " * 20_000 + "\n"
    for index in range(40):
        (briefs / f"b{index:02}.txt").write_text(big)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "exporter", "convert", str(briefs), "--out", str(out)]
    process = subprocess.Popen([*command, "--to", "json", "--jobs", "2"])
    deadline = time.monotonic() + 60
    while not list(out.glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.01)
    pool = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    while any(Path(f"/proc/{pid}").exists() for pid in pool) and time.monotonic() < deadline:
        time.sleep(0.05)  # workers follow their killed parent instead of waiting forever
    assert not [pid for pid in pool if Path(f"/proc/{pid}").exists()]
    for path in out.glob("b*.json"):
        json.loads(path.read_text())  # every file that looks finished is complete
    subprocess.run([*command, "--to", "json", "-q"], check=True)
    assert outputs(out) == [f"b{index:02}.json" for index in range(40)]
    assert not list(out.glob(".*.part")), "the next run clears temporary files of a killed run"


def test_default_formats_are_docx_pdf_and_epub_and_every_file_opens(
    tree: Path, tmp_path: Path
) -> None:
    import zipfile

    import docx
    from pypdf import PdfReader

    out = tmp_path / "out"
    assert main(["convert", str(tree), "--out", str(out), "-q"]) == 0
    assert outputs(out) == [
        "rates.docx",
        "rates.epub",
        "rates.pdf",
        "world/asia/korea.docx",
        "world/asia/korea.epub",
        "world/asia/korea.pdf",
    ]
    korea = out / "world" / "asia"
    assert docx.Document(str(korea / "korea.docx")).paragraphs[0].text.startswith("North Korea")
    assert "Wonsan" in "".join(page.extract_text() for page in PdfReader(korea / "korea.pdf").pages)
    with zipfile.ZipFile(korea / "korea.epub") as book:
        assert book.namelist()[0] == "mimetype"
        assert book.testzip() is None
