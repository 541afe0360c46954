#!/usr/bin/env python3
"""Set up and run exporter on a fresh machine with nothing but Python 3.11+.

    python3 dev.py run     install exporter into .venv, then convert sources/ into build/
    python3 dev.py test    install it with the development tools, then lint, type-check and test

Both create ``.venv`` next to this file on first use. ``run`` installs only what converting
needs; ``test`` adds the development tools. Each reinstalls only when pyproject.toml changed
(one stamp per kind of install), so later runs start at once.
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
#: The install each task needs, and the stamp recording the pyproject.toml it was made from.
INSTALLS = {"run": (".", VENV / ".installed-run"), "test": (".[dev]", VENV / ".installed-dev")}

if sys.version_info < (3, 11):  # noqa: UP036 - this script must explain, not crash
    sys.exit(f"exporter needs Python 3.11 or newer; this is {sys.version.split()[0]}")


def run(*command: str | Path) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    completed = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def ensure_installed(task: str) -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    target, stamp = INSTALLS[task]
    # The development install holds everything running needs too.
    stamps = (stamp, INSTALLS["test"][1])
    if any(path.exists() and path.read_text() == wanted for path in stamps):
        return
    if not (BIN / "python").exists():
        venv.create(VENV, with_pip=True)
    pip = (BIN / "python", "-m", "pip", "--disable-pip-version-check", "--quiet")
    run(*pip, "install", "--upgrade", "pip")
    run(*pip, "install", "--editable", target)
    stamp.write_text(wanted)


# The sample briefs include Chinese, Japanese and Korean ones. A tagged PDF refuses characters
# that no installed font has (PDF/UA forbids the empty boxes they would print as), so that the
# quick start works on a machine with no CJK font, it asks for the boxes and a warning instead.
DEMO_OPTIONS = ("--set", "pdf.missing_glyphs=warn")


def main_job(extra: list[str]) -> None:
    run(BIN / "exporter", "convert", *DEMO_OPTIONS, *extra)


def test(extra: list[str]) -> None:
    run(BIN / "ruff", "check", "src", "tests", "dev.py")
    run(BIN / "ruff", "format", "--check", "src", "tests", "dev.py")
    run(BIN / "mypy")
    run(BIN / "python", "-m", "pytest", *extra)


def main() -> None:
    tasks = {"run": main_job, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        sys.exit(__doc__)
    ensure_installed(sys.argv[1])
    tasks[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
