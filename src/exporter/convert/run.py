"""Converting briefs: one brief in a worker, many briefs across processes (or any executor).

:func:`convert_brief` is what a worker runs for one brief: read, parse, pick the theme, render
each format and write it atomically, skipping outputs whose inputs are unchanged. It never
raises for a bad brief: every failure becomes part of its :class:`BriefResult`, so one bad brief
never stops the others. :func:`convert_many` finds the briefs, fans them out, keeps the
manifest up to date and names (or prunes) stale outputs; :func:`convert_file` makes one file
whose name the caller chose (``-o handout.pdf``).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from exporter._version import __version__
from exporter.convert.files import check_writable, remove_stale_temporaries, write_atomic
from exporter.convert.manifest import (
    MANIFEST_NAME,
    Manifest,
    Written,
    build_key,
    file_digest,
    read_manifest,
    write_manifest,
)
from exporter.convert.sources import Brief, find_briefs
from exporter.convert.spare_core import ChildRenderError, spare_core
from exporter.convert.stale import StaleOutput, settle_stale, source_in_manifest
from exporter.errors import BriefError, OutputError, Problem, UsageError
from exporter.model import Article, ParseWarning
from exporter.reading import parse_bytes, read_brief
from exporter.theme import Theme, apply_options, load_theme
from exporter.writers import choose_theme_with_warnings
from exporter.writers.registry import Writer, get_writer

if TYPE_CHECKING:  # concurrent.futures (and the logging it imports) only for a pool
    from concurrent.futures import Executor, Future

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
    sha256: str = ""  # of the bytes written; empty for a skipped output


@dataclass(frozen=True, slots=True)
class BriefResult:
    """What happened to one brief: its outputs, warnings, and the problem if it failed."""

    source: str
    status: BriefStatus
    outputs: tuple[OutputResult, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    error: Problem | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "status": self.status,
            "error": self.error.to_dict() if self.error is not None else None,
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
    target: Path | None = None  # the one file to write (``-o``), instead of output_stem + ext
    # Folders besides the brief's own whose theme files a brief's ``style:`` may name.
    theme_dirs: tuple[str, ...] = ()
    # The output folder: files are written below its real path, never through a link inside.
    out: Path | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of a run, in the order the briefs were found, and the stale outputs of
    briefs that no longer exist (pruned, or not, as asked)."""

    results: tuple[BriefResult, ...]
    seconds: float
    out: str | None = None  # the output folder; None for one named file (convert_file)
    stale: tuple[StaleOutput, ...] = ()
    #: Problems of the run as a whole, not of one brief (the manifest could not be written).
    problems: tuple[Problem, ...] = ()
    #: Warnings about the run as a whole, as ``path: warning: …`` lines (a manifest ignored).
    warnings: tuple[str, ...] = ()

    @property
    def failed(self) -> tuple[BriefResult, ...]:
        return tuple(result for result in self.results if result.status == "failed")

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems

    @property
    def exit_code(self) -> int:
        """The command line's exit status: 0 when all went well, else the highest status of
        the problems (1 for a brief, 3 for a theme, 4 for an output that cannot be written)."""
        problems = (*self.problems, *(result.error for result in self.failed if result.error))
        return max((problem.exit_code for problem in problems), default=0 if self.ok else 1)

    def count(self, status: BriefStatus) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def files_written(self) -> int:
        return sum(
            1 for result in self.results for out in result.outputs if out.status == "written"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "version": __version__,
            "out": self.out,
            "briefs": len(self.results),
            "converted": self.count("converted"),
            "skipped": self.count("skipped"),
            "failed": self.count("failed"),
            "files_written": self.files_written,
            "seconds": round(self.seconds, 6),
            "results": [result.to_dict() for result in self.results],
            "stale": [stale.to_dict() for stale in self.stale],
            "problems": [problem.to_dict() for problem in self.problems],
            "warnings": list(self.warnings),
        }


def convert_brief(job: Job, *, spare: bool = False) -> BriefResult:
    """Convert one brief to every requested format; failures are returned, never raised.

    With a ``spare`` core, a fresh process may render the PDF on it while it renders the other
    formats (see :mod:`exporter.convert.spare_core`)."""
    started = time.perf_counter()
    source = str(job.brief.source)
    warnings: tuple[ParseWarning, ...] = ()
    outputs: list[OutputResult] = []
    # The brief may name a theme file in its own folder (and in those the caller allows).
    folders = (str(Path(os.path.realpath(job.brief.source)).parent), *job.theme_dirs)

    def theme_for(article: Article) -> tuple[Theme, tuple[ParseWarning, ...]]:
        return choose_theme_with_warnings(article, job.style, job.options, theme_dirs=folders)

    try:
        with spare_core(
            job.formats, lambda article: theme_for(article)[0], source=source, wanted=spare
        ) as core:
            data = read_brief(job.brief.source)
            article = parse_bytes(data, source, language=job.language)
            warnings = article.warnings
            theme, refused = theme_for(article)
            warnings += refused
            planned: list[tuple[Writer, Path, str, bool]] = []
            for name in job.formats:
                writer = get_writer(name)
                path = job.target or _output_path(job.brief, writer)
                key = build_key(data, theme, writer.name, job.language)
                fresh = not job.force and job.previous.get(str(path)) == key and path.is_file()
                planned.append((writer, path, key, fresh))
            wanted = [writer for writer, _, _, fresh in planned if not fresh]
            render = core.renderer(article, theme, wanted)
            for writer, path, key, fresh in planned:
                if fresh:
                    outputs.append(OutputResult(str(path), writer.name, "skipped", 0.0, key))
                    continue
                began = time.perf_counter()
                rendered, found = render(writer)
                # A warning about the theme (a family not found) comes from every format: once.
                warnings += tuple(warning for warning in found if warning not in warnings)
                write_atomic(path, rendered, durable=job.durable, root=job.out)
                seconds = time.perf_counter() - began
                digest = hashlib.sha256(rendered).hexdigest()
                outputs.append(
                    OutputResult(str(path), writer.name, "written", seconds, key, digest)
                )
    except Exception as error:  # one bad brief, or a writer's bug, must not stop the others
        # A theme the brief names fails this brief only: without a file of its own, the
        # problem is the brief's.
        if isinstance(error, ChildRenderError):
            problem = error.problem
        else:
            problem = Problem.of(error, path=source)
        return BriefResult(source, "failed", (), warnings, problem, time.perf_counter() - started)
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
    theme_dirs: Iterable[str | Path] = (),
) -> BriefResult:
    """Convert the one brief at ``path`` into ``out_dir`` (``brief.txt`` → ``out/brief.pdf``).

    Returns its :class:`BriefResult`; a brief that cannot be converted raises its error: a
    :class:`~exporter.errors.BriefError` with the line for bad input, a
    :class:`~exporter.errors.ThemeError` for its theme, an
    :class:`~exporter.errors.OutputError` for a file that cannot be written. ``style`` and
    ``options`` are as for :func:`convert_many`.
    """
    report = convert_many(
        [path],
        out_dir,
        formats=formats,
        style=style,
        options=options,
        jobs=1,
        force=force,
        language=language,
        theme_dirs=theme_dirs,
    )
    if report.problems:
        raise report.problems[0].to_error()
    (result,) = report.results
    if result.error is not None:
        raise result.error.to_error()
    return result


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
    prune: bool = False,
    on_start: Callable[[int], None] | None = None,
    only: Collection[Path] | None = None,
    theme_dirs: Iterable[str | Path] = (),
) -> Report:
    """Convert every brief under ``paths`` into ``out_dir``; return a :class:`Report`.

    Briefs convert in parallel: in ``jobs`` worker processes (default: one per core), or on
    ``executor`` when given — any :class:`concurrent.futures.Executor`, such as a Dask
    ``Client(...).get_executor()`` that spreads the work across machines. ``on_start`` is
    called once with the number of briefs found, before the first converts, and
    ``on_result`` in this process as each brief finishes (for progress display). ``options``
    set theme keys by dotted name (``{"page.size": "Letter"}``) over each brief's theme; an
    output made with other options is rebuilt. ``language`` (a BCP 47 tag) overrides every
    brief's own language. ``only`` (resolved paths) limits the run to those of the briefs found
    (what watch mode rebuilds after a change).

    The report names outputs recorded in the manifest whose brief no longer exists; ``prune``
    deletes those that are unchanged since exporter wrote them.

    A brief's ``style:`` may name a shipped theme or a theme file in the brief's own folder or
    in ``theme_dirs``; any other is refused with a warning (see :func:`~exporter.render`).

    Problems with the run as a whole (no format, an unknown format, a missing ``style`` theme,
    colliding output names) raise :class:`~exporter.errors.ExporterError` before anything is
    written; problems with one brief, and a named path that does not exist, are recorded as a
    failed result: so are an output folder that cannot be written (the same
    :class:`~exporter.errors.Problem` for each brief in it) and an output that would replace
    one of the briefs. A manifest that cannot be written is in :attr:`Report.problems`.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    names = _writer_names(formats)
    options = dict(options or {})
    # A bad --style or option fails the run up front, not once per brief.
    apply_options(load_theme(style), options)
    unreadable: list[BriefError] = []
    briefs = find_briefs([Path(path) for path in paths], out, unreadable)
    if only is not None:
        briefs = [brief for brief in briefs if brief.source.resolve() in only]
    if on_start is not None:
        on_start(len(briefs) + len(unreadable))
    manifest = read_manifest(out)
    writers = [get_writer(name) for name in names]
    refused = _refusals(briefs, out, [writer.extension for writer in writers])
    recorded = _recorded_by_stem(manifest.keys, out)
    dirs = tuple(os.path.realpath(folder) for folder in theme_dirs)
    positions = [index for index in range(len(briefs)) if index not in refused]
    # Our own processes write to this machine's disk: one sync at the end makes every file
    # durable at once. Another executor may write on other machines, so each file syncs there;
    # so do the few files of one brief, which need not wait for every disk of the machine.
    durable = executor is not None or len(positions) == 1
    results: dict[int, BriefResult] = {}
    failures = [
        *((index, str(briefs[index].source), problem) for index, problem in refused.items()),
        *(
            (index, str(error.path), Problem.of(error))
            for index, error in enumerate(unreadable, start=len(briefs))
        ),
    ]
    for index, source, problem in failures:
        results[index] = BriefResult(source, "failed", error=problem)
        if on_result is not None:
            on_result(results[index])
    # Each job is made as the workers take it, and its brief and recorded keys then let go: a
    # run of many thousand briefs holds neither every job nor every brief's paths.
    waiting = deque(briefs[index] for index in positions)
    briefs.clear()
    tasks = (
        Job(
            brief,
            names,
            style,
            force,
            recorded.pop(brief.output_stem, {}),
            options,
            language,
            durable,
            theme_dirs=dirs,
            out=out,
        )
        for brief in _taken(waiting)
    )
    problems: list[Problem] = []
    try:
        for index, result in _run(tasks, len(positions), jobs, executor):
            results[positions[index]] = result
            if on_result is not None:
                on_result(result)
    finally:
        if positions:
            if not durable:
                os.sync()  # the manifest must never record a file that is not on the disk
            try:
                _update_manifest(out, manifest, results.values())
            except OutputError as error:
                problems.append(Problem.of(error))
    recorded_outputs = len(manifest.keys)
    stale = settle_stale(out, manifest, prune=prune)
    if len(manifest.keys) != recorded_outputs:  # pruned, or deleted by hand: forgotten
        try:
            write_manifest(out, manifest)
        except OutputError as error:
            problems.append(Problem.of(error))
    ordered = tuple(results[index] for index in sorted(results))
    warnings = (manifest.warning,) if manifest.warning else ()
    seconds = time.perf_counter() - started
    return Report(ordered, seconds, str(out), stale, tuple(problems), warnings)


def _refusals(briefs: list[Brief], out: Path, extensions: list[str]) -> dict[int, Problem]:
    """The briefs that must not be converted, by index, each with its problem: those whose
    output folder cannot be written (one problem per folder, checked once), and those whose
    output would replace one of the briefs or the manifest. Clears each folder's temporary
    files left by a killed run."""
    real_folder = functools.cache(os.path.realpath)
    # Real folder and name: the file a rename in that folder would replace (a link itself).
    inputs = {(real_folder(brief.source.parent), brief.source.name) for brief in briefs}
    inputs.add((real_folder(out), MANIFEST_NAME))
    folders: dict[Path, Problem | None] = {}
    refused: dict[int, Problem] = {}
    for index, brief in enumerate(briefs):
        folder = brief.output_stem.parent
        if folder not in folders:
            folders[folder] = _folder_problem(out, folder.relative_to(out))
        problem = folders[folder]
        for extension in extensions if problem is None else ():
            name = brief.output_stem.name + extension
            if (real_folder(folder), name) in inputs:
                problem = Problem.of(
                    OutputError(
                        f"its {extension} output would replace {folder / name}, one of the "
                        "briefs (or the manifest); choose another output folder",
                        path=brief.source,
                    )
                )
                break
        if problem is not None:
            refused[index] = problem
    return refused


def _folder_problem(out: Path, relative: Path) -> Problem | None:
    try:
        check_writable(out, relative)
    except OutputError as error:
        return Problem.of(error)
    remove_stale_temporaries(out, relative)
    return None


def convert_file(
    path: str | Path,
    target: str | Path,
    *,
    to: str | None = None,
    style: str | None = None,
    options: Mapping[str, object] | None = None,
    language: str | None = None,
) -> Report:
    """Convert the one brief at ``path`` into the file ``target`` (``-o handout.pdf``).

    The format is ``to``, else the one whose extension ``target`` has (raising
    :class:`~exporter.errors.UnknownFormatError` when none has it). The file is always
    written (no manifest, nothing skipped). As with :func:`convert_many`, a brief that cannot
    be converted, or is not there, is a failed result in the report rather than an exception.
    """
    from exporter.convert.write import writer_for_path  # the one suffix → format rule

    started = time.perf_counter()
    file = Path(target)
    writer = get_writer(to) if to is not None else writer_for_path(file)
    options = dict(options or {})
    apply_options(load_theme(style), options)
    brief = Brief(Path(path), file.with_suffix(""))
    job = Job(brief, (writer.name,), style, True, options=options, language=language, target=file)
    result = convert_brief(job)  # a missing brief or folder fails here, with its message
    return Report((result,), time.perf_counter() - started, None)


def _writer_names(formats: Iterable[str]) -> tuple[str, ...]:
    """The writers' names for ``formats``, each once; at least one, all known."""
    names = tuple(dict.fromkeys(get_writer(name).name for name in formats))
    if not names:
        raise UsageError("no output format given; name one or more, such as --to pdf,docx")
    return names


def _output_path(brief: Brief, writer: Writer) -> Path:
    return brief.output_stem.with_name(brief.output_stem.name + writer.extension)


def _run(
    tasks: Iterator[Job], count: int, jobs: int | None, executor: Executor | None
) -> Iterator[tuple[int, BriefResult]]:
    """Each of the ``count`` ``tasks``, converted, with its position, as they finish."""
    workers = jobs or os.cpu_count() or 1
    if executor is None and (workers == 1 or count <= 1):
        for index, task in enumerate(tasks):
            yield index, convert_brief(task, spare=workers > 1)
        return
    own = executor is None
    # Imported here: multiprocessing is a tenth of `import exporter`, and a one-brief run or
    # another executor never needs it.
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    done = 0
    if own and multiprocessing.get_start_method() == "fork":
        # Workers forked from a process that has converted a brief start with its imports,
        # fonts, templates and themes loaded: start-up is paid once, not once per worker. (Not
        # for a long brief, which would keep every worker waiting.)
        first = next(tasks)
        tasks = itertools.chain([first], tasks)
        if _is_short(first.brief.source):
            yield 0, convert_brief(next(tasks))
            done = 1
    # Briefs travel in small batches: one round trip per batch instead of per brief, while
    # batches stay small enough to keep every worker busy to the end and progress flowing.
    size = max(1, min(_MAX_BATCH, (count - done) // (workers * 8)))
    batches = _batches(tasks, size, start=done)
    pool: Executor | None = executor
    try:
        # Workers are forked while the pool starts and work is submitted. A Ctrl-C that reached
        # a worker between its fork and its initializer would kill it with a traceback, so the
        # interrupt waits (blocked, not lost) until every worker exists and ignores it.
        with _interrupts_deferred(own):
            if pool is None:
                pool = ProcessPoolExecutor(
                    max_workers=min(workers, count - done), initializer=_start_worker
                )
            # A few batches per worker in flight: enough to keep each busy, few enough that
            # memory does not grow with the number of briefs.
            pending = _submit(pool, batches, workers * _BATCHES_IN_FLIGHT)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                start = pending.pop(future)
                for offset, result in enumerate(future.result()):
                    yield start + offset, result
            pending |= _submit(pool, batches, len(finished))
    finally:
        if own and pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_MAX_BATCH = 8
_BATCHES_IN_FLIGHT = 4
#: A brief converted before the workers start takes a fraction of a second up to this size.
_SHORT_BRIEF = 256 * 1024


def _is_short(path: Path) -> bool:
    try:
        return path.stat().st_size <= _SHORT_BRIEF
    except OSError:
        return False  # its worker reports why


def _taken(queue: deque[Brief]) -> Iterator[Brief]:
    """The items of ``queue``, each removed as it is taken."""
    while queue:
        yield queue.popleft()


def _batches(tasks: Iterator[Job], size: int, *, start: int) -> Iterator[tuple[int, list[Job]]]:
    """``tasks`` in lists of ``size``, each with the position of its first."""
    while batch := list(itertools.islice(tasks, size)):
        yield start, batch
        start += len(batch)


def _submit(
    pool: Executor, batches: Iterator[tuple[int, list[Job]]], count: int
) -> dict[Future[list[BriefResult]], int]:
    """Up to ``count`` more batches submitted to ``pool``, each by the position of its first."""
    return {
        pool.submit(_convert_batch, batch): start
        for start, batch in itertools.islice(batches, count)
    }


@contextmanager
def _interrupts_deferred(defer: bool) -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) in this thread, and in the processes and threads it starts,
    until the block ends; then a pending one is delivered here as usual."""
    if not defer or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group. The parent stops the run (the
    # batches in hand finish, the rest are cancelled); a worker that took the interrupt itself
    # would die mid-batch and print a traceback from inside multiprocessing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # forked with it blocked (see _interrupts_deferred)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
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


def _recorded_by_stem(keys: dict[str, str], out: Path) -> dict[Path, dict[str, str]]:
    """The recorded keys of each brief's outputs (by output path), by the brief's output stem."""
    recorded: dict[Path, dict[str, str]] = {}
    for path, key in keys.items():
        stem = path.rsplit(".", 1)[0]
        recorded.setdefault(out / stem, {})[str(out / path)] = key
    return recorded


def _update_manifest(out: Path, manifest: Manifest, results: Iterable[BriefResult]) -> None:
    for result in results:
        source = source_in_manifest(result.source, out)
        for output in result.outputs:
            name = str(Path(output.path).relative_to(out))
            manifest.keys[name] = output.key
            digest = output.sha256 or _digest_if_unrecorded(manifest, name, out / name)
            if digest:
                manifest.written[name] = Written(source, digest)
    if out.is_dir():
        write_manifest(out, manifest)


def _digest_if_unrecorded(manifest: Manifest, name: str, path: Path) -> str | None:
    """The recorded hash of a skipped output; a manifest from before hashes were recorded
    gets the file's current hash (the file the skip just vouched for)."""
    record = manifest.written.get(name)
    return record.sha256 if record is not None else file_digest(path)
