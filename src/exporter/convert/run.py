"""Converting briefs: one brief in a worker, many briefs across processes (or any executor).

:func:`convert_brief` is what a worker runs for one brief: read, parse, pick the theme, render
each format and write it atomically, skipping outputs whose inputs are unchanged. It never
raises for a bad brief: every failure becomes part of its :class:`BriefResult`, so one bad brief
never stops the others. :func:`convert_many` finds the briefs, fans them out, and keeps the
manifest up to date.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from exporter.convert.files import remove_stale_temporaries, write_atomic
from exporter.convert.manifest import build_key, read_manifest, write_manifest
from exporter.convert.sources import Brief, find_briefs
from exporter.errors import BriefError, ExporterError, ThemeError
from exporter.model import ParseWarning
from exporter.reading import locate_characters, parse_bytes, read_brief
from exporter.theme import apply_options, load_theme, resolve_theme
from exporter.writers.registry import get_writer

DEFAULT_FORMATS = ("docx", "pdf", "epub")

OutputStatus = Literal["written", "skipped"]
BriefStatus = Literal["converted", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class OutputResult:
    path: str
    format: str
    status: OutputStatus
    seconds: float
    key: str


@dataclass(frozen=True, slots=True)
class BriefResult:
    """What happened to one brief: its outputs, warnings, and the error if it failed."""

    source: str
    status: BriefStatus
    outputs: tuple[OutputResult, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    error: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "seconds": round(self.seconds, 6),
            "warnings": [warning.to_dict() for warning in self.warnings],
            "outputs": [
                {
                    "path": output.path,
                    "format": output.format,
                    "status": output.status,
                    "seconds": round(output.seconds, 6),
                }
                for output in self.outputs
            ],
        }


@dataclass(frozen=True, slots=True)
class Job:
    """One brief to convert, with everything a worker process needs (all picklable)."""

    brief: Brief
    formats: tuple[str, ...]
    style: str | None
    force: bool
    previous: dict[str, str] = field(default_factory=dict)  # output path → recorded key
    options: dict[str, object] = field(default_factory=dict)  # theme keys set by dotted name
    language: str | None = None  # overrides the brief's language (``--lang``)
    # Whether each file is flushed to the disk as it is written; when not, the caller syncs the
    # whole run at once before the manifest records it (one sync instead of one per file).
    durable: bool = True


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of a run, in the order the briefs were found."""

    results: tuple[BriefResult, ...]
    seconds: float

    @property
    def failed(self) -> tuple[BriefResult, ...]:
        return tuple(result for result in self.results if result.status == "failed")

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, status: BriefStatus) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def files_written(self) -> int:
        return sum(
            1 for result in self.results for out in result.outputs if out.status == "written"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "briefs": len(self.results),
            "converted": self.count("converted"),
            "skipped": self.count("skipped"),
            "failed": self.count("failed"),
            "files_written": self.files_written,
            "seconds": round(self.seconds, 6),
            "results": [result.to_dict() for result in self.results],
        }


def convert_brief(job: Job) -> BriefResult:
    """Convert one brief to every requested format; failures are returned, never raised."""
    started = time.perf_counter()
    source = str(job.brief.source)
    warnings: tuple[ParseWarning, ...] = ()
    try:
        data = read_brief(job.brief.source)
        article = parse_bytes(data, source, language=job.language)
        warnings = article.warnings
        theme = apply_options(resolve_theme(job.style, article), job.options)
        outputs = []
        for name in job.formats:
            writer = get_writer(name)
            path = job.brief.output_stem.with_name(job.brief.output_stem.name + writer.extension)
            key = build_key(data, theme, writer.name, job.language)
            began = time.perf_counter()
            if not job.force and job.previous.get(str(path)) == key and path.is_file():
                outputs.append(OutputResult(str(path), name, "skipped", 0.0, key))
                continue
            # A warning about the theme (a family not found) comes from every format: once.
            located = locate_characters(writer.warnings(article, theme), data)
            warnings += tuple(warning for warning in located if warning not in warnings)
            write_atomic(path, writer.render(article, theme), durable=job.durable)
            outputs.append(
                OutputResult(str(path), name, "written", time.perf_counter() - began, key)
            )
    except ThemeError as error:
        # A theme named by the brief fails this brief only; say which brief it was.
        message = str(error) if error.path else f"{source}: error: {error.message}"
        return _failed(source, message, warnings, started)
    except ExporterError as error:
        return _failed(source, str(error), warnings, started)
    except Exception as error:  # a writer bug must not stop the other briefs; it is reported
        message = (
            f"{source}: error: internal error ({type(error).__name__}: {error}); please report"
        )
        return _failed(source, message, warnings, started)
    status: BriefStatus = (
        "skipped" if all(out.status == "skipped" for out in outputs) else "converted"
    )
    return BriefResult(
        source, status, tuple(outputs), warnings, None, time.perf_counter() - started
    )


def convert(
    path: str | Path,
    out_dir: str | Path,
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    style: str | None = None,
    options: Mapping[str, object] | None = None,
    force: bool = False,
    language: str | None = None,
) -> BriefResult:
    """Convert the one brief at ``path`` into ``out_dir`` (``brief.txt`` → ``out/brief.pdf``).

    Returns its :class:`BriefResult`; a brief that cannot be converted raises its error: a
    :class:`~exporter.errors.BriefError` with the line for bad input, a
    :class:`~exporter.errors.ThemeError` for its theme. ``style`` and ``options`` are as for
    :func:`convert_many`.
    """
    # Reading first raises the brief's or theme's own error, with its class, path and line.
    article = parse_bytes(read_brief(path), str(path), language=language)
    try:
        apply_options(resolve_theme(style, article), options or {})
    except ThemeError as error:
        if error.path:
            raise
        raise ThemeError(error.message, path=path) from None  # the brief named the theme
    report = convert_many(
        [path],
        out_dir,
        formats=formats,
        style=style,
        options=options,
        jobs=1,
        force=force,
        language=language,
    )
    (result,) = report.results
    if result.error is not None:
        found = _ERROR_LINE.match(result.error)
        message, line = (found["message"], found["line"]) if found else (result.error, None)
        raise ExporterError(message, path=result.source, line=int(line) if line else None)
    return result


_ERROR_LINE = re.compile(r"^.*?(?::(?P<line>\d+))?: error: (?P<message>.*)$", re.DOTALL)


def convert_many(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    style: str | None = None,
    options: Mapping[str, object] | None = None,
    jobs: int | None = None,
    force: bool = False,
    executor: Executor | None = None,
    on_result: Callable[[BriefResult], None] | None = None,
    language: str | None = None,
) -> Report:
    """Convert every brief under ``paths`` into ``out_dir``; return a :class:`Report`.

    Briefs convert in parallel: in ``jobs`` worker processes (default: one per core), or on
    ``executor`` when given — any :class:`concurrent.futures.Executor`, such as a Dask
    ``Client(...).get_executor()`` that spreads the work across machines. ``on_result`` is
    called in this process as each brief finishes (for progress display). ``options`` set
    theme keys by dotted name (``{"page.size": "Letter"}``) over each brief's theme; an output
    made with other options is rebuilt. ``language`` (a BCP 47
    tag) overrides every brief's own language.

    Problems with the run as a whole (an unknown format, a missing ``style`` theme, a missing
    path, colliding output names) raise :class:`~exporter.errors.ExporterError` before anything
    is written; problems with one brief are recorded in its result.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    names = tuple(dict.fromkeys(get_writer(name).name for name in formats))
    options = dict(options or {})
    # A bad --style or option fails the run up front, not once per brief.
    apply_options(load_theme(style), options)
    unreadable: list[BriefError] = []
    briefs = find_briefs([Path(path) for path in paths], out, unreadable)
    manifest = read_manifest(out)
    for folder in {brief.output_stem.parent for brief in briefs}:
        remove_stale_temporaries(folder)
    recorded = _recorded_by_stem(manifest, out)
    # Our own processes write to this machine's disk: one sync at the end makes every file
    # durable at once. Another executor may write on other machines, so each file syncs there.
    durable = executor is not None
    tasks = [
        Job(
            brief,
            names,
            style,
            force,
            recorded.get(brief.output_stem, {}),
            options,
            language,
            durable,
        )
        for brief in briefs
    ]
    results: dict[int, BriefResult] = {}
    for index, error in enumerate(unreadable, start=len(tasks)):
        results[index] = BriefResult(str(error.path), "failed", error=str(error))
        if on_result is not None:
            on_result(results[index])
    try:
        for index, result in _run(tasks, jobs, executor):
            results[index] = result
            if on_result is not None:
                on_result(result)
    finally:
        if results:
            if not durable:
                os.sync()  # the manifest must never record a file that is not on the disk
            _update_manifest(out, manifest, results.values())
    ordered = tuple(results[index] for index in sorted(results))
    return Report(ordered, time.perf_counter() - started)


def _run(
    tasks: list[Job], jobs: int | None, executor: Executor | None
) -> Iterable[tuple[int, BriefResult]]:
    workers = jobs or os.cpu_count() or 1
    if executor is None and (workers == 1 or len(tasks) <= 1):
        for index, task in enumerate(tasks):
            yield index, convert_brief(task)
        return
    own = executor is None
    # Imported here: multiprocessing is a tenth of `import exporter`, and a one-brief run or
    # another executor never needs it.
    from concurrent.futures import ProcessPoolExecutor

    pool = executor or ProcessPoolExecutor(
        max_workers=min(workers, len(tasks)), initializer=_start_worker
    )
    # Briefs travel in small batches: one round trip per batch instead of per brief, while
    # batches stay small enough to keep every worker busy to the end and progress flowing.
    size = max(1, min(_MAX_BATCH, len(tasks) // (workers * 8)))
    try:
        futures: dict[Future[list[BriefResult]], int] = {
            pool.submit(_convert_batch, tasks[start : start + size]): start
            for start in range(0, len(tasks), size)
        }
        for future in as_completed(futures):
            start = futures[future]
            for offset, result in enumerate(future.result()):
                yield start + offset, result
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


_MAX_BATCH = 8


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group. The parent stops the run (the
    # batches in hand finish, the rest are cancelled); a worker that took the interrupt itself
    # would die mid-batch and print a traceback from inside multiprocessing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (SIGKILL, OOM killer) cannot stop its pool, and a worker
    # waiting on the task queue would wait forever: it follows its parent instead. (The
    # parent process, not the run's pid: with the forkserver start method that is the server,
    # which ends with the run.)
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _convert_batch(tasks: list[Job]) -> list[BriefResult]:
    return [convert_brief(task) for task in tasks]


def _recorded_by_stem(manifest: dict[str, str], out: Path) -> dict[Path, dict[str, str]]:
    """The recorded keys of each brief's outputs (by output path), by the brief's output stem."""
    recorded: dict[Path, dict[str, str]] = {}
    for path, key in manifest.items():
        stem = path.rsplit(".", 1)[0]
        recorded.setdefault(out / stem, {})[str(out / path)] = key
    return recorded


def _update_manifest(out: Path, manifest: dict[str, str], results: Iterable[BriefResult]) -> None:
    for result in results:
        for output in result.outputs:
            manifest[str(Path(output.path).relative_to(out))] = output.key
    if out.is_dir():
        write_manifest(out, manifest)


def _failed(
    source: str, message: str, warnings: tuple[ParseWarning, ...], started: float
) -> BriefResult:
    return BriefResult(source, "failed", (), warnings, message, time.perf_counter() - started)
