"""``exporter inspect FILE [--json]``: show how a brief is read."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import assert_never

from exporter.cli._common import Subcommands, print_warnings
from exporter.cli.convert import add_language_option
from exporter.model import Article, ListBlock, Paragraph, Quote


def register(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "inspect",
        help="show how a brief is read: title, key points, sections",
        description="Parse a brief and print its structure (or the model as JSON).",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the brief to read")
    parser.add_argument("--json", action="store_true", help="print the article model as JSON")
    add_language_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from exporter.reading import parse_file

    article = parse_file(args.file, language=args.lang)
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
        ("Authors" if len(meta.authors) > 1 else "Author", "; ".join(meta.authors)),
        ("Role", meta.role),
        ("Date", meta.date),
        ("Language", meta.language),
        ("Keywords", ", ".join(meta.keywords)),
        ("Description", meta.description),
        ("Source", meta.source),
    ]
    lines.extend(f"{name + ':':<11} {value}" for name, value in facts if value)
    lines.extend(f"{key + ':':<11} {value}" for key, value in meta.extra.items())
    lines.append(f"Key points: {len(article.key_points)}")
    lines.extend(_shorten(f"  • {point}", width) for point in article.key_points)
    lines.append(f"Sections:   {len(article.sections)}")
    for section in article.sections:
        indent = "  " * (section.level - 1)  # subsections stand under their section
        heading = section.heading or "(lead, no heading)"
        lines.append(f"{indent}§ {heading}")
        for block in section.blocks:
            match block:
                case Paragraph(text=text):
                    lines.append(_shorten(f"      ¶ {text}", width))
                case ListBlock(items=items, ordered=ordered):
                    kind = "numbered list" if ordered else "list"
                    lines.append(f"      {kind} of {len(items)}")
                    for item in items:
                        lines.append(_shorten(f"        - {item}", width))
                        nested = item.sublist.items if item.sublist else ()
                        lines.extend(_shorten(f"          - {sub}", width) for sub in nested)
                case Quote(paragraphs=paragraphs):
                    lines.append(f"      quote of {len(paragraphs)}")
                    lines.extend(_shorten(f"        > {p.text}", width) for p in paragraphs)
                case _:
                    assert_never(block)
    return "\n".join(lines)


def _shorten(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    cut = line.rfind(" ", 0, width - 1)
    return line[: cut if cut > 0 else width - 1] + " …"


# -- exporter styles -----------------------------------------------------------------------------
