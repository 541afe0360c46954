"""The ``exporter`` command line: argument parsing and presentation only.

Every command is a thin shell around a library function. Errors from the library arrive as
:class:`~exporter.errors.ExporterError` and leave as one ``FILE:LINE: error: …`` line on stderr
with the error class's exit status; argparse usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from exporter import __version__
from exporter.errors import ExporterError
from exporter.theme import available_themes

#: A subcommand: adds its arguments to a subparser and returns the function that runs it.
Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exporter",
        description="Turn plain-text news briefs into DOCX, PDF and EPUB handouts.",
    )
    parser.add_argument("--version", action="version", version=f"exporter {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in _COMMANDS:
        register(commands)
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


# Each entry adds one subcommand; commands live below, one small function pair each.
_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


def _register_styles(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "styles",
        help="list the themes that ship with exporter",
        description="List the themes that ship with exporter, each with a one-line description.",
    )
    parser.set_defaults(run=_run_styles)


def _run_styles(args: argparse.Namespace) -> int:
    themes = available_themes()
    width = max(len(theme.name) for theme in themes)
    for theme in themes:
        print(f"{theme.name:<{width}}  {theme.description}")
    return 0


_COMMANDS.append(_register_styles)
