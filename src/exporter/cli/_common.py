"""What every command shares: the subparser type and how warnings are shown."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TypeAlias

from exporter.model import ParseWarning

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def warning_lines(
    source: str | None, warnings: Sequence[ParseWarning], *, notes: bool = True
) -> list[str]:
    """Warnings as ``FILE:LINE: warning: …`` lines (``FILE: warning: …`` for the whole file),
    notes as ``FILE: note: …`` lines, or left out when ``notes`` is false."""
    lines = []
    for warning in warnings:
        if warning.severity == "note" and not notes:
            continue
        location = source or "exporter"
        if warning.line:
            location = f"{location}:{warning.line}"
        lines.append(f"{location}: {warning.severity}: {warning.message}")
    return lines


def print_warnings(source: str | None, warnings: Sequence[ParseWarning]) -> None:
    for line in warning_lines(source, warnings):
        print(line, file=sys.stderr)
