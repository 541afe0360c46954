"""What every command shares: the subparser type and how warnings are shown."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TypeAlias

from exporter.errors import compiler_line
from exporter.model import ParseWarning

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def warning_lines(
    source: str | None, warnings: Sequence[ParseWarning], *, notes: bool = True
) -> list[str]:
    """Warnings as ``FILE:LINE: warning: …`` lines (``FILE: warning: …`` for the whole file),
    notes as ``FILE: note: …`` lines, or left out when ``notes`` is false."""
    return [
        compiler_line(source, warning.line, warning.severity, warning.message)
        for warning in warnings
        if notes or warning.severity != "note"
    ]


def print_warnings(source: str | None, warnings: Sequence[ParseWarning]) -> None:
    for line in warning_lines(source, warnings):
        print(line, file=sys.stderr)
