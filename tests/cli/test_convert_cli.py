"""``exporter convert`` as a user meets it: ``-o FILE``, exit statuses, messages, the report,
the summary and stale outputs, through ``main(argv)`` in-process (and a terminal for the bar)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from exporter.cli import main
from exporter.convert.manifest import MANIFEST_NAME

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "sources" / "fed-holds-rates.txt"
TITLE = "Fed Holds Rates Steady as Inflation Cools"
GOOD = "Rates on Hold\n\n- Held at 5%\n\nThe bank kept rates unchanged.\n"
SCHEMA = Draft202012Validator(json.loads((ROOT / "docs" / "report.schema.json").read_text()))


def report_of(path: Path) -> dict[str, object]:
    """The report at ``path``, after checking it against docs/report.schema.json."""
    report: dict[str, object] = json.loads(path.read_text())
    SCHEMA.validate(report)
    return report


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "one.txt").write_text(GOOD)
    (folder / "two.txt").write_text("Second Brief\n\n- A point\n\nMore text.\n")
    return folder


# -- -o FILE -------------------------------------------------------------------------------------


def text_of(path: Path) -> str:
    """What a reader of ``path`` sees, through a real reader of its format."""
    match path.suffix:
        case ".docx":
            import docx

            return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        case ".pdf":
            from pypdf import PdfReader

            return "".join(page.extract_text() for page in PdfReader(path).pages)
        case ".epub":
            with zipfile.ZipFile(path) as book:
                assert book.read("mimetype") == b"application/epub+zip"
                return "".join(
                    book.read(name).decode() for name in book.namelist() if name.endswith("html")
                )
        case _:
            return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["handout.pdf", "notes.docx", "book.epub", "page.html", "a.md"])
def test_dash_o_writes_one_file_in_the_format_its_suffix_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / "out" / name
    assert main(["convert", str(REFERENCE), "-o", str(target)]) == 0
    assert sorted(path.name for path in target.parent.iterdir()) == [name]  # no manifest
    assert "Inflation Cools" in text_of(target).replace("\n", " ")
    assert capsys.readouterr().err.startswith(f"exporter: wrote {target} in ")


def test_dash_o_takes_the_format_from_dash_t_when_the_suffix_names_none(tmp_path: Path) -> None:
    target = tmp_path / "model"
    assert main(["convert", str(REFERENCE), "-t", "json", "-o", str(target)]) == 0
    assert json.loads(target.read_text())["title"] == TITLE


def test_dash_o_with_a_folder_holding_one_brief(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "only.md").write_text("# Only One\n\nText.\n")
    assert main(["convert", str(folder), "-o", str(tmp_path / "only.json")]) == 0
    assert json.loads((tmp_path / "only.json").read_text())["title"] == "Only One"


def test_dash_o_naming_a_folder_acts_like_out(tmp_path: Path, briefs: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["convert", str(briefs), "-t", "json", "-o", str(out), "-q"]) == 0
    assert sorted(path.name for path in out.glob("[!.]*.json")) == ["one.json", "two.json"]
    new = tmp_path / "new"
    assert main(["convert", str(briefs), "-t", "json", "-o", f"{new}/", "-q"]) == 0
    assert sorted(path.name for path in new.glob("[!.]*.json")) == ["one.json", "two.json"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["BRIEFS"], "-o OUT/x.pdf writes one file, but BRIEFS holds 2 briefs; use --out DIR"),
        (["REF", "REF"], "-o OUT/x.pdf writes one file, but 2 paths were given"),
        (["REF", "-t", "docx"], "-o OUT/x.pdf is pdf, but --to asks for docx"),
        (["REF", "-t", "pdf,docx"], "-o OUT/x.pdf writes one file, but --to names 2 formats"),
        (["REF", "--out", "OUT"], "-o FILE writes one file and --out DIR a folder"),
        (["REF", "--prune"], "--prune works on --out DIR, not -o"),
    ],
)
def test_dash_o_refuses_what_it_cannot_do_with_a_usage_error(
    tmp_path: Path,
    briefs: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    names = {"BRIEFS": str(briefs), "REF": str(REFERENCE), "OUT": str(tmp_path)}
    args = [names.get(arg, arg) for arg in extra]
    report = tmp_path / "report.json"
    target = tmp_path / "x.pdf"
    assert main(["convert", *args, "-o", str(target), "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("exporter: error: ")
    assert message.replace("OUT", str(tmp_path)).replace("BRIEFS", str(briefs)) in err
    assert not target.exists()
    written = report_of(report)
    assert written["exit_status"] == 2 and written["ok"] is False
    assert written["error"]["kind"] == "usage"  # type: ignore[index]


def test_dash_o_with_an_unknown_suffix_lists_the_suffixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(REFERENCE), "-o", str(tmp_path / "handout.odt")]) == 2
    err = capsys.readouterr().err
    assert "cannot tell the format from the suffix '.odt'; add -t FORMAT" in err
    assert ".pdf (pdf)" in err


# -- honest exits and plain messages -------------------------------------------------------------


def test_no_briefs_found_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    report = tmp_path / "report.json"
    assert main(["convert", str(tmp_path / "empty"), "--report", str(report)]) == 1
    err = capsys.readouterr().err
    assert f"exporter: error: no briefs found in {tmp_path / 'empty'}" in err
    written = report_of(report)
    assert (written["exit_status"], written["briefs"]) == (1, 0)
    assert written["error"]["kind"] == "brief"  # type: ignore[index]


@pytest.mark.parametrize("to", ["", ",", " , "])
def test_an_empty_to_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(REFERENCE), "--to", to, "--out", str(out)]) == 2
    assert "exporter: error: --to names no format" in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_path_fails_alone_and_the_rest_converts(
    tmp_path: Path, briefs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nosuch.txt"
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    args = [str(missing), str(briefs), "-t", "json", "--out", str(out), "--report", str(report)]
    assert main(["convert", *args]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{missing}: error: no such file or folder"
    assert err[1].startswith("exporter: 3 briefs: 2 converted, 0 up to date, 1 failed; 2 files ")
    assert err[2:] == ["exporter: 1 brief failed:", f"{missing}: error: no such file or folder"]
    assert sorted(path.name for path in out.glob("[!.]*.json")) == ["one.json", "two.json"]
    failed = [result for result in report_of(report)["results"] if result["status"] == "failed"]  # type: ignore[attr-defined]
    assert failed[0]["error"] == {
        "kind": "brief",
        "message": "no such file or folder",
        "path": str(missing),
        "line": None,
    }


def test_an_unknown_format_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(REFERENCE), "--to", "pdff"]) == 2
    assert "unknown format 'pdff'; did you mean 'pdf'?" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("jobs", "message"),
    [
        ("two", "expected a whole number of worker processes, got 'two'"),
        ("0", "expected at least 1 worker process, got 0"),
    ],
)
def test_argument_errors_are_plain_words(
    capsys: pytest.CaptureFixture[str], jobs: str, message: str
) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["convert", "-j", jobs])
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert f"argument -j/--jobs: {message}" in err
    assert "_positive" not in err


def test_one_brief_is_counted_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(REFERENCE), "-t", "json", "--out", str(out)]) == 0
    summary = capsys.readouterr().err
    assert summary.startswith("exporter: 1 brief: 1 converted, 0 up to date, 0 failed; ")
    assert f"1 file written to {out} in " in summary


def test_short_flags(tmp_path: Path, briefs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = [str(briefs), "-t", "json", "-s", "minimal", "-j", "1", "--out", str(out)]
    assert main(["convert", *args, "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["convert", *args, "-v", "--force"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [
        ["written", str(out / "one.json")],
        ["written", str(out / "two.json")],
    ]


# -- the report, always --------------------------------------------------------------------------


def test_the_report_of_a_full_run_has_the_top_level_facts(tmp_path: Path, briefs: Path) -> None:
    (briefs / "bad.txt").write_text("---\ntitle: Budget: The Long Version\n---\nBody.\n")
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    assert main(["convert", str(briefs), "-t", "json", "--out", str(out), "--report", str(report)])
    written = report_of(report)
    from exporter import __version__

    assert {key: written[key] for key in ("ok", "exit_status", "error", "version", "out")} == {
        "ok": False,
        "exit_status": 1,
        "error": None,
        "version": __version__,
        "out": str(out),
    }
    bad = next(result for result in written["results"] if result["status"] == "failed")  # type: ignore[attr-defined]
    assert bad["error"]["line"] == 2 and bad["error"]["kind"] == "brief"


@pytest.mark.parametrize(
    ("args", "status", "kind"),
    [
        (["--style", "no-such-theme"], 3, "theme"),
        (["--set", "page.size=Huge"], 3, "theme"),
        (["--to", "xml"], 2, "format"),
        (["--to", ""], 2, "usage"),
    ],
)
def test_a_report_is_written_when_the_run_stops_early(
    tmp_path: Path, briefs: Path, args: list[str], status: int, kind: str
) -> None:
    report = tmp_path / "report.json"
    out = tmp_path / "out"
    assert main(["convert", str(briefs), *args, "--out", str(out), "--report", str(report)]) == (
        status
    )
    written = report_of(report)
    assert (written["ok"], written["exit_status"], written["results"]) == (False, status, [])
    assert written["error"]["kind"] == kind  # type: ignore[index]
    assert written["out"] == str(out)


def test_a_report_is_written_when_names_collide(tmp_path: Path, briefs: Path) -> None:
    (briefs / "one.md").write_text(GOOD)
    report = tmp_path / "report.json"
    args = [str(briefs), "-t", "json", "--out", str(tmp_path / "out"), "--report", str(report)]
    assert main(["convert", *args]) == 4
    written = report_of(report)
    assert written["error"]["kind"] == "output"  # type: ignore[index]
    assert "would be written as" in written["error"]["message"]  # type: ignore[index]


# -- what a run prints ---------------------------------------------------------------------------


def test_a_second_run_in_a_log_prints_only_its_summary(
    tmp_path: Path, briefs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["convert", str(briefs), "-t", "json", "--out", str(tmp_path / "out")]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        captured.err.splitlines()[0],
    ]
    assert "2 briefs: 0 converted, 2 up to date, 0 failed; 0 files written in" in captured.err


def test_on_a_terminal_the_bar_knows_the_total_and_problems_stay_on_one_line(
    tmp_path: Path, briefs: Path
) -> None:
    """A real terminal (a pseudo-terminal 40 columns wide) running the real command."""
    long_name = "a-brief-whose-name-alone-is-longer-than-the-terminal-is-wide.txt"
    (briefs / long_name).write_text("---\ntitle: Budget: The Long Version\n---\nBody.\n")
    command = [sys.executable, "-m", "exporter", "convert", str(briefs), "-t", "json", "-j", "1"]
    leader, follower = pty.openpty()
    environment = {**os.environ, "COLUMNS": "40", "LINES": "20", "TERM": "xterm"}
    with subprocess.Popen(
        [*command, "--out", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=environment,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command has ended
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait() == 1
    os.close(leader)
    screen = b"".join(chunks).decode()
    assert "/3" in screen  # the bar counted against the total, never `N/?`
    assert "/?" not in screen
    error = (
        f"{briefs / long_name}:2: error: front matter is not valid YAML: mapping values are not "
        'allowed here — put the value in quotes: title: "Budget: The Long Version"'
    )
    lines = [line.split("\x1b[2K")[-1] for line in screen.replace("\r", "\n").split("\n")]
    assert lines.count(error) == 2  # above the bar, unbroken; again in the summary


# -- stale outputs -------------------------------------------------------------------------------


def test_outputs_of_a_deleted_brief_are_named_and_pruned(
    tmp_path: Path, briefs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    args = ["convert", str(briefs), "-t", "json,markdown", "--out", str(out), "-q"]
    assert main(args) == 0
    (briefs / "two.txt").unlink()
    assert main([*args[:-1], "--report", str(report)]) == 0
    err = capsys.readouterr().err
    gone = briefs / "two.txt"
    for name in ("two.json", "two.md"):
        assert (
            f"{out / name}: warning: stale: its brief {gone} no longer exists (--prune deletes it)"
        ) in err
        assert (out / name).exists()
    assert [item["status"] for item in report_of(report)["stale"]] == ["stale", "stale"]  # type: ignore[attr-defined]
    (out / "two.md").write_text("edited by hand\n")
    assert main([*args[:-1], "--prune"]) == 0
    err = capsys.readouterr().err
    assert f"{out / 'two.json'}: note: pruned: its brief {gone} no longer exists" in err
    assert f"{out / 'two.md'}: warning: stale: its brief {gone} no longer exists, but the" in err
    assert not (out / "two.json").exists()
    assert (out / "two.md").read_text() == "edited by hand\n"  # not exporter's bytes: kept
    assert sorted(path.name for path in out.iterdir()) == [
        MANIFEST_NAME,
        "one.json",
        "one.md",
        "two.md",
    ]
    assert main([*args[:-1]]) == 0  # the pruned file is forgotten; the kept one still named
    err = capsys.readouterr().err
    assert "two.json" not in err and f"{out / 'two.md'}: warning: stale" in err


def test_a_subset_run_calls_no_existing_brief_stale(
    tmp_path: Path, briefs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(briefs), "-t", "json", "--out", str(out), "-q"]) == 0
    assert main(["convert", str(briefs / "one.txt"), "-t", "json", "--out", str(out)]) == 0
    assert "stale" not in capsys.readouterr().err


def test_a_manifest_from_before_hashes_is_migrated(tmp_path: Path, briefs: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(briefs), "-t", "json", "--out", str(out), "-q"]) == 0
    manifest = out / MANIFEST_NAME
    old = json.loads(manifest.read_text())
    del old["written"]  # what runs before stale outputs wrote
    manifest.write_text(json.dumps(old))
    assert main(["convert", str(briefs), "-t", "json", "--out", str(out), "-q"]) == 0
    (briefs / "two.txt").unlink()
    assert main(["convert", str(briefs), "-t", "json", "--out", str(out), "--prune", "-q"]) == 0
    assert not (out / "two.json").exists()
    # ...and runs that predate it still read its keys: the same two fields as before.
    assert set(json.loads(manifest.read_text())["outputs"]) == {"one.json"}


@pytest.mark.parametrize(
    "args",
    [["--jobs", "two"], ["--bogus"], ["-q", "-v"], ["--set", "nonsense"]],
)
def test_a_report_is_written_when_argparse_refuses_the_command_line(
    tmp_path: Path, args: list[str]
) -> None:
    report = tmp_path / "report.json"
    with pytest.raises(SystemExit) as usage:
        main(["convert", str(REFERENCE), *args, "--report", str(report)])
    assert usage.value.code == 2
    written = report_of(report)
    assert (written["ok"], written["exit_status"], written["results"]) == (False, 2, [])
    assert written["error"]["kind"] == "usage"  # type: ignore[index]


def test_prune_never_touches_a_file_outside_the_output_folder(tmp_path: Path, briefs: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(briefs), "-t", "json", "--out", str(out), "-q"]) == 0
    outside = tmp_path / "precious.json"
    outside.write_text("{}")
    manifest = out / MANIFEST_NAME
    data = json.loads(manifest.read_text())
    from exporter.convert.manifest import file_digest

    name = "../precious.json"  # as a tampered manifest might say
    data["outputs"][name] = "0" * 64
    data["written"][name] = {"source": "../gone.txt", "sha256": file_digest(outside)}
    manifest.write_text(json.dumps(data))
    assert main(["convert", str(briefs), "-t", "json", "--out", str(out), "--prune", "-q"]) == 0
    assert outside.read_text() == "{}"


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("title: Budget: The Long Version", 'title: "Budget: The Long Version"'),
        ('subtitle: He said: "no"', "subtitle: 'He said: \"no\"'"),
        ("title: [Draft] Budget of 2024", 'title: "[Draft] Budget of 2024"'),
        ("title: It's 5: a list", 'title: "It\'s 5: a list"'),
    ],
)
def test_a_front_matter_value_that_needs_quotes_gets_the_quoted_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, fixed: str
) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(f"---\nauthor: Ana\n{line}\n---\nBody.\n")
    assert main(["inspect", str(brief)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{brief}:3: error: front matter is not valid YAML: ")
    assert err.rstrip("\n").endswith(f" — put the value in quotes: {fixed}")
    import yaml

    assert yaml.safe_load(fixed)  # the line as shown is valid YAML


def test_the_installed_command_keeps_its_exit_statuses(tmp_path: Path) -> None:
    """The same contract through a real process, as a shell script or CI job sees it."""
    (tmp_path / "empty").mkdir()

    def exporter(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "exporter", "convert", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)

    made = exporter(str(REFERENCE), "-o", "handout.docx")
    assert (made.returncode, made.stderr) == (0, made.stderr)
    assert made.stderr.startswith("exporter: wrote handout.docx in ")
    assert TITLE in text_of(tmp_path / "handout.docx")
    assert exporter("empty").returncode == 1
    assert exporter(str(REFERENCE), "--to", "").returncode == 2
    assert exporter(str(REFERENCE), "--style", "nope").returncode == 3
    missing = exporter("nosuch.txt", str(REFERENCE), "-t", "json", "--out", "o")
    assert missing.returncode == 1
    assert (tmp_path / "o" / "fed-holds-rates.json").is_file()
    assert "Traceback" not in missing.stderr
