"""``exporter convert --watch``: a real process that sees a brief change, rebuilds it, and
stops on Ctrl-C with status 130."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from queue import Empty, Queue

import pytest

pytestmark = pytest.mark.slow


def lines_of(process: subprocess.Popen[str]) -> Queue[str]:
    """The process's stderr lines, as they come, without blocking the test."""
    lines: Queue[str] = Queue()

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return lines


def wait_for(lines: Queue[str], text: str, seen: list[str], seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except Empty:
            continue
        seen.append(line)
        if text in line:
            return line
    raise AssertionError(f"no line with {text!r} in {seen}")


@pytest.fixture
def watching(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Queue[str], Path]]:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "one.txt").write_text("First Title\n\nText.\n")
    (briefs / "two.txt").write_text("Second Title\n\nText.\n")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "exporter", "convert", str(briefs), "--out", str(out)]
    process = subprocess.Popen(
        [*command, "-t", "json", "--watch"], stderr=subprocess.PIPE, text=True
    )
    try:
        yield process, lines_of(process), briefs
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def test_a_changed_brief_is_rebuilt_alone_until_ctrl_c(
    watching: tuple[subprocess.Popen[str], Queue[str], Path], tmp_path: Path
) -> None:
    process, lines, briefs = watching
    seen: list[str] = []
    wait_for(lines, "2 briefs: 2 converted", seen)
    wait_for(lines, "watching for changes", seen)
    (briefs / "one.txt").write_text("Edited Title\n\nText.\n")
    out = tmp_path / "out"
    rebuilt = wait_for(lines, "rebuilt", seen)
    assert rebuilt.startswith(f"rebuilt {briefs / 'one.txt'} → {out / 'one.json'} (")
    assert json.loads((out / "one.json").read_text())["title"] == "Edited Title"
    (briefs / "two.txt").unlink()
    stale = wait_for(lines, "stale", seen)
    assert stale.startswith(f"{out / 'two.json'}: warning: stale: its brief")
    (briefs / "three.md").write_text("# Third Title\n\nText.\n")
    assert f"rebuilt {briefs / 'three.md'}" in wait_for(lines, "rebuilt", seen)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
    assert "rebuilt" not in "".join(seen[:2])
    assert not list(out.rglob("*.part")), "no partial files"
    rebuilds = [line for line in seen if line.startswith("rebuilt")]
    assert len(rebuilds) == 2, seen  # the edit and the new brief: nothing else was rebuilt


def test_an_edited_theme_rebuilds_every_brief(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for name in ("one", "two"):
        (briefs / f"{name}.txt").write_text(f"{name.title()} Title\n\nText.\n")
    theme = tmp_path / "house.toml"
    theme.write_text('extends = "default"\njustify = false\n')
    out = tmp_path / "out"
    command = [sys.executable, "-m", "exporter", "convert", str(briefs), "--out", str(out)]
    process = subprocess.Popen(
        [*command, "-t", "html", "-s", str(theme), "--watch"], stderr=subprocess.PIPE, text=True
    )
    try:
        lines = lines_of(process)
        seen: list[str] = []
        wait_for(lines, "watching for changes", seen)
        theme.write_text('extends = "default"\njustify = true\n')
        first, second = wait_for(lines, "rebuilt", seen), wait_for(lines, "rebuilt", seen)
        assert sorted([first.split()[1], second.split()[1]]) == [
            str(briefs / "one.txt"),
            str(briefs / "two.txt"),
        ]
        theme.write_text("justify = 12\n")  # broken: said, and the watch goes on
        assert f"{theme}:1: error:" in wait_for(lines, "error", seen)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
