"""What ``exporter convert`` shows while it runs, and the summary that ends the run.

On a terminal: a progress bar on stderr (done/total, time left, the brief just finished) with
each problem printed above it as one unbroken ``FILE:LINE: …`` line. Elsewhere (a log, a CI
job): only the problems, plus each output file with ``--verbose``, so a second run that skips
everything stays quiet. The summary says what happened, where the files went, repeats the
failures (they may have scrolled away) and names stale outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from exporter.cli._common import warning_lines
from exporter.convert import BriefResult, Report, StaleOutput
from exporter.errors import compiler_line

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class Display:
    """The callbacks of one run (``on_start``, ``on_result``), as a context manager."""

    def __init__(self, *, quiet: bool, verbose: bool) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._failed = 0

    def __enter__(self) -> Display:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def on_start(self, total: int) -> None:
        """The run found ``total`` briefs: start the bar on a terminal."""
        if self.quiet or self.verbose or total < 2 or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        columns = (
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
        )
        self._bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("", total=total)
        self._bar.start()

    def on_result(self, result: BriefResult) -> None:
        """One brief finished: its problems above the bar (or on stderr), the bar moves on."""
        self._failed += result.status == "failed"
        for line in self.problems(result):
            self.print_problem(line)
        if self._bar is not None and self._task is not None:
            failed = f"  ({self._failed} failed)" if self._failed else ""
            self._bar.update(self._task, advance=1, description=Path(result.source).name + failed)
        elif self.verbose:
            for output in result.outputs:
                print(f"{output.status:>9}  {output.path}  ({output.seconds * 1000:.1f} ms)")

    def problems(self, result: BriefResult) -> list[str]:
        """The lines to show for ``result``: its error, and warnings unless ``--quiet``."""
        lines = (
            [] if self.quiet else warning_lines(result.source, result.warnings, notes=self.verbose)
        )
        if result.error is not None:
            lines.append(str(result.error))
        return lines

    def print_problem(self, line: str) -> None:
        if self._bar is not None:
            # soft_wrap: a long FILE:LINE: message stays one line an editor can jump to.
            self._bar.console.print(line, soft_wrap=True, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)


def print_summary(report: Report, target: Path | None = None) -> None:
    """The lines that end a run, on stderr: counts and where files went, failures, stale."""
    for line in summary_lines(report, target):
        print(line, file=sys.stderr)


def summary_lines(report: Report, target: Path | None = None) -> list[str]:
    if target is not None:
        if not report.ok:
            return [f"exporter: {target} not written"]
        return [f"exporter: wrote {target} in {report.seconds:.2f} s"]
    files = report.files_written
    where = f" to {report.out}" if report.out is not None and files else ""
    lines = [
        f"exporter: {counted(len(report.results), 'brief')}: {report.count('converted')} "
        f"converted, {report.count('skipped')} up to date, {report.count('failed')} failed; "
        f"{counted(files, 'file')} written{where} in {report.seconds:.2f} s"
    ]
    if report.failed and len(report.results) > 1:
        lines.append(f"exporter: {counted(len(report.failed), 'brief')} failed:")
        lines.extend(str(result.error) for result in report.failed if result.error is not None)
    lines.extend(stale_line(stale) for stale in report.stale)
    return lines


def stale_line(stale: StaleOutput) -> str:
    """One stale output, as a compiler-style line naming the file."""
    gone = f"its brief {stale.source} no longer exists"
    match stale.status:
        case "stale":
            return compiler_line(stale.path, None, "warning", f"stale: {gone} (--prune deletes it)")
        case "pruned":
            return compiler_line(stale.path, None, "note", f"pruned: {gone}")
        case "modified":
            message = f"stale: {gone}, but the file changed since exporter wrote it: kept"
            return compiler_line(stale.path, None, "warning", message)


def counted(count: int, noun: str) -> str:
    """``1 brief``, ``2 briefs``: a count with its noun in the right number."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
