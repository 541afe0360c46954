"""The ``exporter`` command line: argument parsing and presentation only.

Every command is a thin shell around a library function. Errors from the library arrive as
:class:`~exporter.errors.ExporterError` and leave as one ``FILE:LINE: error: …`` line on stderr
with the error class's exit status; argparse usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from exporter._version import __version__
from exporter.cli import convert, formats, inspect, styles
from exporter.cli._common import Subcommands
from exporter.errors import ExporterError

#: A subcommand: adds its arguments to a subparser and returns the function that runs it.
Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    args = parser.parse_args(argv)
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


__all__ = ["Subcommands", "build_parser", "main"]
