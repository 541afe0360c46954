"""The `exporter` command ends without Python's teardown, but loses nothing by it: exit
handlers run, everything printed arrives, and the exit status is main's."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import atexit, sys
    from exporter.cli import command

    atexit.register(lambda: print("an exit handler ran"))
    sys.argv = ["exporter", *sys.argv[1:]]
    command()
    """
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", SCRIPT, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_exit_handlers_run_and_what_was_printed_arrives() -> None:
    done = run("formats")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[-1] == "an exit handler ran"
    assert any(line.startswith("pdf ") for line in lines)


def test_the_exit_status_is_main_s(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    done = run("convert", str(missing), "--out", str(tmp_path / "out"), "-q")
    assert done.returncode == 1
    assert done.stderr.startswith(f"{missing}: error: ")
    assert done.stdout == "an exit handler ran\n"
