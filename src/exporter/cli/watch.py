"""``exporter convert --watch``: after the first run, rebuild what changes until Ctrl-C.

The briefs (the files and folders named), the ``--style`` theme file and its font files are
watched with ``watchfiles`` (native file-system events, imported only here). A changed or new
brief is rebuilt alone; a changed theme or font rebuilds every brief (the manifest still
skips outputs it does not affect). Each rebuild is one line; problems are ``FILE:LINE:`` lines
as in any run; a deleted brief's outputs are named as stale. Ctrl-C stops with status 130, and
an interrupted rebuild leaves no partial file (every file is written to a temporary and
renamed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from exporter.cli.progress import Display, stale_line
from exporter.convert import BriefResult, Report, convert_many
from exporter.convert.manifest import theme_files
from exporter.convert.sources import BRIEF_SUFFIXES
from exporter.errors import ExporterError
from exporter.theme import apply_options, forget_loaded_themes, load_theme

if TYPE_CHECKING:
    from watchfiles import Change

    from exporter.cli.convert import Request


def watch(request: Request, args: argparse.Namespace, first: Report) -> int:
    """Watch and rebuild until interrupted (which raises :class:`KeyboardInterrupt`)."""
    import watchfiles

    theme_files = _theme_files(args)
    wanted = _watch_filter(request, theme_files)
    roots = {path if path.is_dir() else path.parent for path in request.paths}
    roots |= {path.parent for path in theme_files}
    shown = {stale.path for stale in first.stale}
    announced = False
    # yield_on_timeout: the first (empty) yield proves the watcher is running, so "watching"
    # is never said before a save would be seen.
    events = watchfiles.watch(
        *sorted(roots), watch_filter=wanted, debounce=400, rust_timeout=500, yield_on_timeout=True
    )
    for changes in events:
        if not announced:
            _say("exporter: watching for changes (Ctrl-C stops)")
            announced = True
        if not changes:
            continue
        changed = {Path(path).resolve() for _change, path in changes}
        if changed & theme_files:
            forget_loaded_themes()  # the next load reads the edited file
            only: Collection[Path] | None = None
        else:
            only = changed
        try:
            report = _rebuild(request, args, only)
        except ExporterError as error:  # a theme broken by the edit: say so, keep watching
            _say(str(error))
            continue
        for stale in report.stale:
            if stale.path not in shown:
                _say(stale_line(stale))
                shown.add(stale.path)
    return 130  # not reached: the watcher raises KeyboardInterrupt on Ctrl-C


def _rebuild(request: Request, args: argparse.Namespace, only: Collection[Path] | None) -> Report:
    with Display(quiet=args.quiet, verbose=args.verbose) as display:

        def show(result: BriefResult) -> None:
            display.on_result(result)
            if result.status == "converted" and not args.quiet:
                written = [out.path for out in result.outputs if out.status == "written"]
                _say(f"rebuilt {result.source} → {', '.join(written)} ({result.seconds:.2f} s)")

        return convert_many(
            request.paths,
            request.out,
            formats=request.formats,
            style=args.style,
            options=dict(args.options),
            jobs=args.jobs,
            language=args.lang,
            only=only,
            on_result=show,
        )


def _theme_files(args: argparse.Namespace) -> set[Path]:
    """The ``--style`` theme's file, its fonts and images (the shipped theme's too: harmless)."""
    theme = apply_options(load_theme(args.style), dict(args.options))
    files = {Path(path).resolve() for path in theme_files(theme)}
    if theme.source is not None:
        files.add(Path(theme.source).resolve())
    return files


def _watch_filter(request: Request, theme_files: set[Path]) -> Callable[[Change, str], bool]:
    """Which changed paths matter: briefs under the named folders, named files, the theme."""
    named = {path.resolve() for path in request.paths if not path.is_dir()}
    folders = [path.resolve() for path in request.paths if path.is_dir()]
    out = request.out.resolve()

    def wanted(_change: Change, name: str) -> bool:
        path = Path(name).resolve()
        if path in named or path in theme_files:
            return True
        if path.is_relative_to(out) or path.suffix.lower() not in BRIEF_SUFFIXES:
            return False  # our own outputs (Markdown ones too) never trigger a rebuild
        return any(
            path.is_relative_to(folder)
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)
            for folder in folders
        )

    return wanted


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
