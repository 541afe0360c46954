"""DAISY Ace, the reference EPUB accessibility checker (axe-core's rules in a browser plus the
EPUB Accessibility 1.1 checks), on many EPUB files at once.

``daisy-ace/check.js`` checks every file with one headless browser: Ace's own command line
starts a browser per file. Ace comes from the pinned ``daisy-ace/package-lock.json`` (install
it with the command in CONTRIBUTING.md) and drives the system's Chromium through Puppeteer
(``PUPPETEER_EXECUTABLE_PATH``): neither Electron's nor Puppeteer's own browser is downloaded.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from tests import tools

Report = dict[str, object]


def ace_reports(paths: Sequence[Path], folder: Path) -> dict[str, Report]:
    """Ace's report of each file, by file stem; the reports are written under ``folder``.

    Needs Ace, Node.js and Chromium (skips or fails the test without them, see
    :mod:`tests.tools`).
    """
    checker = tools.require("ace")
    node, browser = tools.find("node"), tools.find("chromium")
    assert node is not None and browser is not None  # required by "ace"
    environment = os.environ | {
        "PUPPETEER_EXECUTABLE_PATH": browser,
        "PUPPETEER_SKIP_DOWNLOAD": "1",
    }
    run = subprocess.run(
        [node, checker, str(folder), *map(str, paths)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=1200,
        check=False,
    )
    reports: dict[str, Report] = {}
    for path in paths:
        report = folder / path.stem / "report.json"
        if report.exists():
            reports[path.stem] = json.loads(report.read_text("utf-8"))
        else:
            reports[path.stem] = {"error": f"exit status {run.returncode}: {run.stderr}"}
    return reports


def violations(report: Report) -> list[str]:
    """Every rule the book fails, one line each: impact, rule, what and where."""
    if "error" in report:
        return [f"Ace could not check the book: {report['error']}"]
    found = []
    documents = report["assertions"]
    assert isinstance(documents, list)
    for document in documents:
        where = document["earl:testSubject"]["url"]
        for assertion in document.get("assertions", []):
            result, test = assertion["earl:result"], assertion["earl:test"]
            if result["earl:outcome"] != "pass":
                found.append(
                    f"{test['earl:impact']} {test['dct:title']} in {where}: "
                    f"{result.get('dct:description', test['dct:description'])}"
                )
    return found
