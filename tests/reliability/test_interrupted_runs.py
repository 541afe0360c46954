"""Interrupted runs: killed at random moments, a run leaves only complete files.

Each round starts ``exporter convert`` in its own process group and interrupts it after a
random delay, with SIGKILL (no clean-up at all), SIGINT (Ctrl-C, sent to the whole group as a
terminal does, once the run has started) or SIGTERM. After every interruption each output
that exists opens in its reader; the last run finishes the job.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import children
from tests.reliability.readers import read_docx, read_epub, read_pdf

pytestmark = pytest.mark.slow  # starts and kills real runs

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
READERS = {".docx": read_docx, ".pdf": read_pdf, ".epub": read_epub}
ROUNDS = [signal.SIGKILL, signal.SIGINT, signal.SIGTERM, signal.SIGKILL, signal.SIGINT]


def check_complete(out: Path) -> int:
    """Open every finished-looking output; return how many there are."""
    found = [path for path in out.rglob("*") if path.suffix in READERS]
    for path in found:
        READERS[path.suffix](path.read_bytes())
    return len(found)


def started(process: subprocess.Popen[bytes]) -> bool:
    """Whether the run has ended or started its worker processes (Linux's /proc tells)."""
    return process.poll() is not None or bool(children(process.pid))


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes in /proc")
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_runs_killed_at_random_moments_leave_complete_files_and_the_next_run_finishes(
    tmp_path: Path,
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for index in range(6):
        shutil.copy(REFERENCE, briefs / f"brief {index}.txt")
    (briefs / "long.txt").write_text("Long Brief\n" + "A sentence of the long brief. " * 4_000)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "exporter", "convert", str(briefs), "--out", str(out)]
    rng = random.Random(9)
    for number, sent in enumerate(ROUNDS):
        process = subprocess.Popen(
            [*command, "--jobs", "2", "--force" if number % 2 else "-q"],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if sent == signal.SIGINT:
            # Ctrl-C before Python has even imported exporter ends in Python's own traceback;
            # once the run has started its workers, exporter handles it.
            deadline = time.monotonic() + 60
            while not started(process) and time.monotonic() < deadline:
                time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 3.0))
        if process.poll() is None:
            os.killpg(process.pid, sent)
        _, errors = process.communicate(timeout=120)  # an interrupted run ends; it never hangs
        assert b"Traceback" not in errors, errors.decode()
        check_complete(out)
    finished = subprocess.run([*command, "-q"], capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert check_complete(out) == 7 * 3
    assert not list(out.rglob(".*.part")), "the next run clears temporary files of a killed run"
