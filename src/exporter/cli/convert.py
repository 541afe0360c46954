"""``exporter convert``: briefs in, handouts out — one file (``-o``) or whole folders.

Presentation only: the work is :func:`exporter.convert.convert_many` (folders) or
:func:`exporter.convert.convert_file` (``-o FILE``). What a run shows while it runs and its
summary live in :mod:`exporter.cli.progress`, the ``--report`` file in
:mod:`exporter.cli.report`, and ``--watch`` in :mod:`exporter.cli.watch`.
"""

from __future__ import annotations

import argparse
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from exporter.cli._common import Subcommands
from exporter.cli.progress import Display, print_summary
from exporter.cli.report import write_report
from exporter.convert import DEFAULT_FORMATS, Report, convert_file, convert_many, find_briefs
from exporter.errors import BriefError, ExporterError, Problem, UnknownFormatError, UsageError
from exporter.text.languages import LanguageTagError, normalise_language

DEFAULT_SOURCES = Path("sources")
DEFAULT_OUT = Path("build")


def register(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "convert",
        help="convert briefs to DOCX, PDF and EPUB",
        description=(
            "Convert briefs (files, or folders searched for *.txt and *.md) into the output "
            "folder, mirroring folder trees; or one brief into one file with -o. With no PATH, "
            "converts sources/ into build/."
        ),
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="briefs or folders")
    parser.add_argument(
        "-t",
        "--to",
        metavar="FORMATS",
        help=f"comma-separated formats (default: {','.join(DEFAULT_FORMATS)}; "
        "see `exporter formats`)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the one brief to FILE, the format from its suffix (handout.pdf)",
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: build)")
    parser.add_argument(
        "-s",
        "--style",
        metavar="NAME|PATH",
        help="theme (default: the brief's `style:`, else default)",
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
        "-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: one per core)"
    )
    parser.add_argument("--force", action="store_true", help="rebuild even unchanged outputs")
    parser.add_argument(
        "--prune",
        action="store_true",
        help="delete outputs whose brief no longer exists (only files exporter wrote, unchanged)",
    )
    parser.add_argument(
        "-w",
        "--watch",
        action="store_true",
        help="after converting, rebuild what changes until Ctrl-C",
    )
    add_language_option(parser)
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print every output file, and notes such as the language detected",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE.json",
        help="write a JSON report of the run (docs/report.schema.json), even when it stops early",
    )
    parser.set_defaults(run=run)


@dataclass(frozen=True, slots=True)
class Request:
    """What to convert, as the command line asked: briefs, where to, in which formats."""

    paths: list[Path]
    formats: list[str]
    out: Path  # the output folder; for -o, the folder of the one file
    target: Path | None = None  # -o FILE


def run(args: argparse.Namespace) -> int:
    report: Report | None = None
    request: Request | None = None
    try:
        request = plan(args)
        report = convert_request(request, args)
        if not report.results:
            searched = ", ".join(str(path) for path in request.paths)
            raise BriefError(f"no briefs found in {searched} (looked for *.txt and *.md files)")
    except ExporterError as error:
        # Stopped early (a usage, theme or collision error, or no briefs): the report still
        # says why, for the tool that reads it instead of stderr.
        if request is not None:
            out = None if request.target is not None else request.out
        else:  # the command line itself did not fit: the folder it named, if any
            out = None if args.output is not None else args.out or DEFAULT_OUT
        write_report(args.report, report, error.exit_code, Problem.of(error), out)
        raise
    status = 0 if report.ok else 1
    write_report(args.report, report, status)
    if not args.quiet:
        print_summary(report, request.target)
    if args.watch:
        from exporter.cli.watch import watch

        return watch(request, args, report)
    return status


def plan(args: argparse.Namespace) -> Request:
    """The command line's request, or a :class:`UsageError` saying what does not fit."""
    paths = args.paths or [DEFAULT_SOURCES]
    named = [name.strip() for name in (args.to or "").split(",") if name.strip()]
    if args.to is not None and not named:
        raise UsageError("--to names no format; name one or more, such as --to pdf,docx")
    if args.output is not None and args.out is not None:
        raise UsageError("-o FILE writes one file and --out DIR a folder: use one of them")
    output = Path(args.output) if args.output is not None else None
    if output is not None and (output.is_dir() or args.output.endswith(("/", os.sep))):
        output, args.out = None, output  # `-o build/`: a folder, as --out means
    if output is None:
        return Request(paths, named or list(DEFAULT_FORMATS), args.out or DEFAULT_OUT)
    if args.watch or args.prune:
        raise UsageError(f"{'--watch' if args.watch else '--prune'} works on --out DIR, not -o")
    return Request(paths, [_format_of(output, named)], output.parent, output)


def convert_request(request: Request, args: argparse.Namespace) -> Report:
    """Run the conversion ``request`` describes, showing progress; raise an early stop."""
    options = dict(args.options)
    with Display(quiet=args.quiet, verbose=args.verbose) as display:
        if request.target is None:
            return convert_many(
                request.paths,
                request.out,
                formats=request.formats,
                style=args.style,
                options=options,
                jobs=args.jobs,
                force=args.force,
                language=args.lang,
                prune=args.prune,
                on_start=display.on_start,
                on_result=display.on_result,
            )
        source = _one_brief(request.paths, request.target)
        if source is None:
            return Report((), 0.0)
        display.on_start(1)
        report = convert_file(
            source,
            request.target,
            to=request.formats[0],
            style=args.style,
            options=options,
            language=args.lang,
        )
        display.on_result(report.results[0])
        return report


def _one_brief(paths: list[Path], target: Path) -> Path | None:
    """The one brief ``-o`` converts (``None``: a folder with none); a usage error when the
    paths name or hold several."""
    if len(paths) > 1:
        raise UsageError(
            f"-o {target} writes one file, but {len(paths)} paths were given; "
            "use --out DIR to convert several"
        )
    if not paths[0].is_dir():
        return paths[0]  # a missing file fails in the report, with its own message
    found = find_briefs(paths, target.parent, [])
    if len(found) > 1:
        raise UsageError(
            f"-o {target} writes one file, but {paths[0]} holds {len(found)} briefs; "
            "use --out DIR to convert several"
        )
    return found[0].source if found else None


def _format_of(output: Path, formats: list[str]) -> str:
    """The one format ``-o FILE`` writes: from its suffix, else the one ``--to`` names."""
    from exporter.convert.write import writer_for_path
    from exporter.writers.registry import get_writer

    if len(formats) > 1:
        raise UsageError(f"-o {output} writes one file, but --to names {len(formats)} formats")
    try:
        by_suffix = writer_for_path(output).name
    except UnknownFormatError as error:
        if formats:
            return formats[0]
        hint = error.message.split("; pass to= or ")[-1]
        raise UsageError(
            f"-o {output}: cannot tell the format from the suffix {output.suffix or '(none)'!r}; "
            f"add -t FORMAT, or {hint}"
        ) from None
    if formats and get_writer(formats[0]).name != by_suffix:
        raise UsageError(f"-o {output} is {by_suffix}, but --to asks for {formats[0]}")
    return by_suffix


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
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of worker processes, got {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 worker process, got {value}")
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
