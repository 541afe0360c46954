"""``exporter styles``: list the shipped themes."""

from __future__ import annotations

import argparse

from exporter.cli._common import Subcommands


def register(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "styles",
        help="list the themes that ship with exporter",
        description="List the themes that ship with exporter, each with a one-line description.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from exporter.theme import available_themes

    themes = available_themes()
    width = max(len(theme.name) for theme in themes)
    for theme in themes:
        print(f"{theme.name:<{width}}  {theme.description}")
    return 0
