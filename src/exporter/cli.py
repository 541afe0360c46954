"""The ``exporter`` command line: argument parsing and presentation only.

Every command is a thin shell around a library function. Errors from the library arrive as
:class:`~exporter.errors.ExporterError` and leave as one ``FILE:LINE: error: …`` line on stderr
with the error class's exit status; argparse usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias, assert_never

from exporter import __version__
from exporter.errors import ExporterError
from exporter.model import Article, ListBlock, Paragraph, ParseWarning

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


Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def print_warnings(source: str | None, warnings: Sequence[ParseWarning]) -> None:
    """Report warnings as ``FILE:LINE: warning: …`` lines on stderr."""
    for warning in warnings:
        location = source or "exporter"
        if warning.line:
            location = f"{location}:{warning.line}"
        print(f"{location}: warning: {warning.message}", file=sys.stderr)


# -- exporter inspect ----------------------------------------------------------------------------


def _register_inspect(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "inspect",
        help="show how a brief is read: title, key points, sections",
        description="Parse a brief and print its structure (or the model as JSON).",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the brief to read")
    parser.add_argument("--json", action="store_true", help="print the article model as JSON")
    parser.set_defaults(run=_run_inspect)


def _run_inspect(args: argparse.Namespace) -> int:
    from exporter.reading import parse_file

    article = parse_file(args.file)
    print_warnings(str(args.file), article.warnings)
    print(article.to_json() if args.json else format_outline(article))
    return 0


def format_outline(article: Article, width: int = 100) -> str:
    """A readable outline of ``article``: what a person checks before converting it."""
    meta = article.metadata
    lines = [f"Title:      {article.title}"]
    if article.subtitle:
        lines.append(f"Subtitle:   {article.subtitle}")
    facts = [
        ("Author", meta.author),
        ("Date", meta.date),
        ("Language", meta.language),
        ("Keywords", ", ".join(meta.keywords)),
        ("Description", meta.description),
    ]
    lines.extend(f"{name + ':':<11} {value}" for name, value in facts if value)
    lines.extend(f"{key + ':':<11} {value}" for key, value in meta.extra.items())
    lines.append(f"Key points: {len(article.key_points)}")
    lines.extend(_shorten(f"  • {point}", width) for point in article.key_points)
    lines.append(f"Sections:   {len(article.sections)}")
    for section in article.sections:
        lines.append(f"  § {section.heading}" if section.heading else "  § (lead, no heading)")
        for block in section.blocks:
            match block:
                case Paragraph(text=text):
                    lines.append(_shorten(f"      ¶ {text}", width))
                case ListBlock(items=items, ordered=ordered):
                    kind = "numbered list" if ordered else "list"
                    lines.append(f"      {kind} of {len(items)}")
                    lines.extend(_shorten(f"        - {item}", width) for item in items)
                case _:
                    assert_never(block)
    return "\n".join(lines)


def _shorten(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    cut = line.rfind(" ", 0, width - 1)
    return line[: cut if cut > 0 else width - 1] + " …"


# -- exporter styles -----------------------------------------------------------------------------


def _register_styles(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "styles",
        help="list the themes that ship with exporter",
        description="List the themes that ship with exporter, each with a one-line description.",
    )
    parser.set_defaults(run=_run_styles)


def _run_styles(args: argparse.Namespace) -> int:
    from exporter.theme import available_themes

    themes = available_themes()
    width = max(len(theme.name) for theme in themes)
    for theme in themes:
        print(f"{theme.name:<{width}}  {theme.description}")
    return 0


# Each entry adds one subcommand.
_COMMANDS: list[Callable[[Subcommands], None]] = [_register_inspect, _register_styles]
