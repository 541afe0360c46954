#!/usr/bin/env python3
"""Set up and run exporter on a fresh machine with nothing but Python 3.11+.

    python3 dev.py run     install into .venv, then convert sources/ into build/
    python3 dev.py test    install into .venv, then lint, type-check and test

Both create ``.venv`` next to this file on first use and reinstall only when
pyproject.toml changed, so later runs start at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"

if sys.version_info < (3, 11):  # noqa: UP036 - this script must explain, not crash
    sys.exit(f"exporter needs Python 3.11 or newer; this is {sys.version.split()[0]}")


def run(*command: str | Path) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    completed = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def ensure_installed() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        venv.create(VENV, with_pip=True)
    pip = (BIN / "python", "-m", "pip", "--disable-pip-version-check", "--quiet")
    run(*pip, "install", "--upgrade", "pip")
    run(*pip, "install", "--editable", ".[dev]")
    STAMP.write_text(wanted)


def main_job(extra: list[str]) -> None:
    run(BIN / "exporter", "convert", *extra)


def test(extra: list[str]) -> None:
    run(BIN / "ruff", "check", "src", "tests", "dev.py")
    run(BIN / "ruff", "format", "--check", "src", "tests", "dev.py")
    run(BIN / "mypy")
    run(BIN / "python", "-m", "pytest", *extra)


def main() -> None:
    tasks = {"run": main_job, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        sys.exit(__doc__)
    ensure_installed()
    tasks[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
