"""``exporter formats``: list the output formats (built-in writers and installed plugins)."""

from __future__ import annotations

import argparse

from exporter.cli._common import Subcommands


def register(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "formats",
        help="list the output formats",
        description="List every output format: built-in writers and installed plugins.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from exporter.writers.registry import available_writers

    writers = available_writers()
    width = max(len(writer.name) for writer in writers)
    for writer in writers:
        origin = "" if writer.origin == "exporter" else f"  [{writer.origin}]"
        print(f"{writer.name:<{width}}  {writer.extension:<6} {writer.description}{origin}")
    return 0
