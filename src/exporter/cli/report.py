"""The ``--report FILE.json`` of ``exporter convert``: the run as data, for tools.

Written on every run that gets as far as knowing where to write it, including runs that stop
early (a usage, theme or collision error, no briefs found): ``ok``, ``exit_status`` and
``error`` then say why. The shape is documented as a JSON Schema in ``docs/report.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from exporter.convert import Report
from exporter.convert.files import write_atomic
from exporter.errors import Problem


def write_report(
    path: Path | None,
    report: Report | None,
    exit_status: int,
    error: Problem | None = None,
    out: Path | None = None,
) -> None:
    """Write the report of a run to ``path`` (nothing when ``None``); ``report`` is ``None``
    when the run stopped before converting, ``error`` when it stopped on an error."""
    if path is None:
        return
    payload = report_payload(report, exit_status, error, out)
    write_atomic(path, (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode())


def report_payload(
    report: Report | None, exit_status: int, error: Problem | None, out: Path | None
) -> dict[str, object]:
    body = (report or Report((), 0.0, str(out) if out is not None else None)).to_dict()
    return {
        "ok": exit_status == 0,
        "exit_status": exit_status,
        "error": error.to_dict() if error is not None else None,
        **body,
    }
