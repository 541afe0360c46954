"""The ``exporter`` command line: argument parsing and presentation only.

Every command is a thin shell around a library function. Errors from the library arrive as
:class:`~exporter.errors.ExporterError` and leave as one ``FILE:LINE: error: …`` line on stderr
with the error class's exit status; argparse usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from exporter._version import __version__
from exporter.cli import convert, formats, inspect, styles
from exporter.cli._common import Subcommands
from exporter.errors import ExporterError, Problem

#: A subcommand: adds its arguments to a subparser and returns the function that runs it.
Command = Callable[[argparse.Namespace], int]


class UsageExit(SystemExit):
    """argparse's exit on a usage error (status 2), keeping the message for ``--report``."""

    def __init__(self, message: str) -> None:
        super().__init__(2)
        self.message = message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # As argparse prints it; the message travels on for the report.
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise UsageExit(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="exporter",
        description="Turn plain-text news briefs into DOCX, PDF and EPUB handouts.",
    )
    parser.add_argument("--version", action="version", version=f"exporter {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in (convert, inspect, styles, formats):
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageExit as stop:
        _report_usage_error(sys.argv[1:] if argv is None else argv, stop.message)
        raise
    run: Command = args.run
    try:
        return run(args)
    except ExporterError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("exporter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`exporter … | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def command() -> NoReturn:
    """The ``exporter`` command (and ``python -m exporter``): :func:`main`, then a quick end.

    Python's own teardown of a finished process (freeing some 700 modules one object at a time)
    takes ~40 ms after a handout is made, a seventh of the whole run. Nothing is left for it to
    do once main has returned: every file exporter writes is closed (and synced) by then. So
    the process runs its exit handlers, flushes its output and ends at once; where another
    thread still runs (it would be joined) or exit handlers cannot be run, it ends as usual.
    """
    status = main()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or threading.active_count() > 1:
        sys.exit(status)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        # A reader gone away, a stream closed: nothing is left to keep.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def _report_usage_error(argv: Sequence[str], message: str) -> None:
    """``convert --report FILE`` whose command line argparse refused: the report says so."""
    from exporter.cli.report import write_report

    probe = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    probe.add_argument("command", nargs="?")
    probe.add_argument("--report", type=Path)
    try:
        known, _rest = probe.parse_known_args(argv)
    except SystemExit:  # ``--report`` without its value: nowhere to write
        return
    if known.command == "convert" and known.report is not None:
        write_report(known.report, None, 2, Problem("usage", message))


__all__ = ["Subcommands", "UsageExit", "build_parser", "command", "main"]
