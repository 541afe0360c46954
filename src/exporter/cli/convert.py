"""``exporter convert``: briefs in, handouts out — one file or whole folders, in parallel.

Presentation only: the work is :func:`exporter.convert.convert_many`. On a terminal a progress
bar shows done, skipped and failed counts; elsewhere each brief gets a plain line. Errors and
warnings always go to stderr as ``FILE:LINE: …`` lines (notes too, with ``--verbose``), and a
summary line ends the run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from exporter.cli._common import Subcommands, warning_lines
from exporter.convert import DEFAULT_FORMATS, BriefResult, Report, convert_many
from exporter.convert.files import write_atomic
from exporter.text.languages import LanguageTagError, normalise_language

DEFAULT_SOURCES = Path("sources")
DEFAULT_OUT = Path("build")


def register(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "convert",
        help="convert briefs to DOCX, PDF and EPUB",
        description=(
            "Convert briefs (files, or folders searched for *.txt and *.md) into the output "
            "folder, mirroring folder trees. With no PATH, converts sources/ into build/."
        ),
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="briefs or folders")
    parser.add_argument(
        "--to",
        default=",".join(DEFAULT_FORMATS),
        metavar="FORMATS",
        help="comma-separated formats (default: %(default)s; see `exporter formats`)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="output folder (build)"
    )
    parser.add_argument(
        "--style", metavar="NAME|PATH", help="theme (default: the brief's `style:`, else default)"
    )
    parser.add_argument(
        "--set",
        dest="options",
        action="append",
        type=_option,
        default=[],
        metavar="KEY=VALUE",
        help="set a theme key for this run, e.g. page.size=Letter (repeatable; see docs/themes.md)",
    )
    parser.add_argument(
        "--jobs", type=_positive, metavar="N", help="worker processes (default: one per core)"
    )
    parser.add_argument("--force", action="store_true", help="rebuild even unchanged outputs")
    add_language_option(parser)
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    noise.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="print every output file, and notes such as the language detected",
    )
    parser.add_argument(
        "--report", type=Path, metavar="FILE.json", help="write a JSON report of the run"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    formats = [name for name in args.to.split(",") if name.strip()]
    paths = args.paths or [DEFAULT_SOURCES]
    with _progress(args) as show:
        report = convert_many(
            paths,
            args.out,
            formats=formats,
            style=args.style,
            options=dict(args.options),
            jobs=args.jobs,
            force=args.force,
            on_result=show,
            language=args.lang,
        )
    if args.report is not None:
        payload = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
        write_atomic(args.report, payload.encode())
    for line in (*report.warnings, *map(str, report.problems)):
        print(line, file=sys.stderr)
    if not args.quiet:
        print(_summary(report), file=sys.stderr)
    return report.exit_code


@contextmanager
def _progress(args: argparse.Namespace) -> Iterator[Callable[[BriefResult], None]]:
    """A callback for each finished brief: a progress bar on a terminal, plain lines elsewhere."""
    # Briefs that fail for the same reason (an output folder that cannot be written) share
    # one Problem: it is printed once.
    printed: set[str] = set()
    if args.quiet or args.verbose or not sys.stderr.isatty():
        yield lambda result: _print_result(result, args, printed)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    counts = {"converted": 0, "skipped": 0, "failed": 0}
    columns = (BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("", total=None)

        def show(result: BriefResult) -> None:
            counts[result.status] += 1
            problems = _problems(result, args, printed)
            bar.console.print(problems, end="", markup=False, highlight=False)
            description = ", ".join(f"{count} {name}" for name, count in counts.items())
            bar.update(task, advance=1, description=description)

        yield show


def _print_result(result: BriefResult, args: argparse.Namespace, printed: set[str]) -> None:
    print(_problems(result, args, printed), end="", file=sys.stderr)
    if args.quiet or result.status == "failed":
        return
    if args.verbose:
        for output in result.outputs:
            print(f"{output.status:>9}  {output.path}  ({output.seconds * 1000:.1f} ms)")
    else:
        print(f"{result.status:>9}  {result.source}  ({result.seconds * 1000:.0f} ms)")


def _problems(result: BriefResult, args: argparse.Namespace, printed: set[str]) -> str:
    lines = [] if args.quiet else warning_lines(result.source, result.warnings, notes=args.verbose)
    if result.error and str(result.error) not in printed:
        printed.add(str(result.error))
        lines.append(str(result.error))
    return "".join(f"{line}\n" for line in lines)


def _summary(report: Report) -> str:
    files = report.files_written
    return (
        f"exporter: {len(report.results)} briefs: {report.count('converted')} converted, "
        f"{report.count('skipped')} up to date, {report.count('failed')} failed; "
        f"{files} {'file' if files == 1 else 'files'} written in {report.seconds:.2f} s"
    )


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang TAG``: the briefs' language, overriding front matter and detection."""
    parser.add_argument(
        "--lang",
        type=_language_tag,
        metavar="TAG",
        help="the briefs' language as a BCP 47 tag (ru, ar, zh-Hans…); default: the brief's "
        "`language:`, else detected from the text",
    )


def _language_tag(text: str) -> str:
    try:
        return normalise_language(text)
    except LanguageTagError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _option(text: str) -> tuple[str, object]:
    """``KEY=VALUE``; the value is read as TOML when it is valid TOML (``false``, ``11``,
    ``["8in", "10in"]``), else taken as text, so words need no quotes."""
    key, equals, value = text.partition("=")
    if not equals or not key.strip():
        raise argparse.ArgumentTypeError(
            f"expected KEY=VALUE such as page.size=Letter, got {text!r}"
        )
    try:
        return key.strip(), tomllib.loads(f"value = {value.strip()}")["value"]
    except tomllib.TOMLDecodeError:
        return key.strip(), value.strip()
