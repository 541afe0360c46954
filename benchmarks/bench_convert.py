#!/usr/bin/env python3
"""Speed benchmark: exporter against pandoc 3, one brief and many, with the figures issue 23 asks.

    .venv/bin/python benchmarks/bench_convert.py                 # everything, ~5 minutes
    .venv/bin/python benchmarks/bench_convert.py --only batch,formats --briefs 150 --repeat 1

Measures, in one run and side by side (``--only`` picks sections):

- ``fresh``: one brief (the reference brief) to DOCX + PDF + EPUB by ``exporter convert`` in a
  fresh process and a fresh output folder, against pandoc making the same three files (three
  processes at once, PDF through typst, else its fastest engine found); runs interleaved,
  medians, wall and CPU time. Python runs with bytecode caches, as an installed exporter does.
- ``formats``: CPU milliseconds per brief for each format, in one warm process (median).
- ``batch``: ``convert_many`` of the generated briefs to every format with ``--jobs`` workers,
  files written, each run in a fresh process: briefs per second and CPU milliseconds per brief
  (all processes), interleaved with pandoc on the first ``--pandoc-briefs`` of the same briefs
  (one pandoc process per brief and format, ``--jobs`` at a time).
- ``memory``: peak memory (largest resident set) of the main process and of the largest worker
  for ``convert_many`` of 100 and of 10,000 generated briefs (``--memory-formats``).
- ``dask``: the same batch on a Dask cluster of ``--jobs`` worker processes (the ``dask`` extra),
  throughput per worker next to the local pool's.

The briefs are generated, shaped like the reference brief (5 key points, title, 3 sections,
~3.5 KB). pandoc and typst are looked up on PATH (pandoc also from the ``pypandoc_binary`` wheel of
the ``bench`` extra); see docs/performance.md for how to install them. This is a benchmark, not
a test: nothing here asserts a time. On a shared machine, compare medians of interleaved runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
SECTIONS = ("fresh", "formats", "batch", "memory", "dask")
#: Python as an installed exporter runs: with bytecode caches (pip compiles them at install).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def generate_briefs(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Briefs shaped like the reference brief (5 key points, title, 3 sections, ~3.3 KB)."""
    rng = random.Random(seed)
    words = REFERENCE.read_text(encoding="utf-8").split()
    paths = []
    for index in range(count):

        def sentence(length: int) -> str:
            return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."

        points = [f"- {sentence(rng.randint(8, 14))}" for _ in range(5)]
        title = f"Brief {index}: {' '.join(rng.choice(words) for _ in range(6)).title()}"
        body = []
        for section in range(3):
            if section:
                body.append(f"Section {section} {rng.choice(words).title()} And Outlook")
            body.extend(
                " ".join(sentence(rng.randint(12, 24)) for _ in range(rng.randint(4, 7)))
                for _ in range(rng.randint(1, 2))
            )
        path = folder / f"brief-{index:05}.txt"
        path.write_text("\n".join([*points, title, *body]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# -- measurements run in a fresh process (``bench_convert.py _run …``) ---------------------------


def run_here(folder: str, out: str, jobs: int, formats: str, dask: bool) -> dict[str, float]:
    """One forced ``convert_many`` run in this (fresh) process; its figures as a dict."""
    from exporter.convert import convert_many

    cluster = client = None
    executor = None
    started = time.perf_counter()
    if dask:
        import distributed

        cluster = distributed.LocalCluster(
            n_workers=jobs, processes=True, threads_per_worker=1, dashboard_address=None
        )
        client = distributed.Client(cluster)
        executor = client.get_executor()
    cluster_seconds = time.perf_counter() - started
    before = _dask_cpu(client) if client else 0.0
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    report = convert_many([folder], out, formats=formats.split(","), jobs=jobs, executor=executor)
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before + (_dask_cpu(client) - before if client else 0.0)
    if client is not None and cluster is not None:
        client.close()
        cluster.close()
    assert report.ok, report.failed[:3]
    return {
        "briefs": len(report.results),
        "seconds": seconds,
        "cpu": cpu,
        "cluster_seconds": cluster_seconds,
        "main_mb": _peak_megabytes(),
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _peak_megabytes() -> float:
    """This process's peak resident memory. (Its ``ru_maxrss`` would include the benchmark's
    own, inherited through fork and exec.)"""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _dask_cpu(client: object) -> float:
    """CPU seconds used so far by the cluster's worker processes."""

    def used() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        return own.ru_utime + own.ru_stime

    return sum(client.run(used).values())  # type: ignore[attr-defined]


def _cpu_seconds() -> float:
    """User and system time of this process and of its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def exporter_run(folder: Path, jobs: int, formats: list[str], *, dask: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, __file__, "_run", str(folder), out, str(jobs), ",".join(formats)]
        output = subprocess.run(
            [*command, *(["dask"] if dask else [])],
            env=ENVIRONMENT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return json.loads(output.splitlines()[-1])


# -- pandoc -----------------------------------------------------------------------------------


def find_pandoc() -> str | None:
    """pandoc on PATH, else the one the ``pypandoc_binary`` wheel carries."""
    found = shutil.which("pandoc")
    if found is None:
        try:
            import pypandoc  # type: ignore[import-not-found]

            found = pypandoc.get_pandoc_path()
        except (ImportError, OSError):
            return None
    return found


def pandoc_engine() -> str | None:
    """The fastest PDF engine pandoc can use here: typst, else the usual others."""
    engines = ("typst", "wkhtmltopdf", "weasyprint", "tectonic", "pdflatex")
    return next((name for name in engines if shutil.which(name)), None)


def pandoc_version(pandoc: str) -> str:
    return subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[
        0
    ]


def pandoc_commands(pandoc: str, path: Path, out: Path, formats: list[str]) -> list[list[str]]:
    engine = pandoc_engine()
    commands = []
    for name in formats:
        if name == "pdf" and engine is None:
            continue
        command = [pandoc, "-f", "markdown", str(path), "-o", str(out / f"{path.stem}.{name}")]
        if name == "pdf":
            command.append(f"--pdf-engine={engine}")
        commands.append(command)
    return commands


def timed(action: Callable[[], None]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its children) of ``action``."""
    cpu = _cpu_seconds()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started, _cpu_seconds() - cpu


def run_all(commands: list[list[str]], jobs: int) -> None:
    """Run ``commands``, ``jobs`` at a time (threads waiting on processes)."""
    with ThreadPoolExecutor(jobs) as pool:
        list(
            pool.map(
                lambda command: subprocess.run(command, check=True, capture_output=True), commands
            )
        )


# -- sections ---------------------------------------------------------------------------------


def fresh_process(runs: int, pandoc: str | None) -> None:
    exporter_command = Path(sys.executable).parent / "exporter"
    formats = ["docx", "pdf", "epub"]

    def ours() -> None:
        with tempfile.TemporaryDirectory() as out:
            command = [str(exporter_command), "convert", str(REFERENCE), "--out", out, "-q"]
            subprocess.run(command, env=ENVIRONMENT, check=True)

    def theirs() -> None:
        assert pandoc is not None
        with tempfile.TemporaryDirectory() as out:
            run_all(pandoc_commands(pandoc, REFERENCE, Path(out), formats), 3)

    ours()  # warm-up: bytecode and font caches, the disk cache
    if pandoc:
        theirs()
    results: dict[str, list[tuple[float, float]]] = {"exporter": [], "pandoc": []}
    for _ in range(runs):
        results["exporter"].append(timed(ours))
        if pandoc:
            results["pandoc"].append(timed(theirs))
    print(f"\n## One brief, fresh process, DOCX + PDF + EPUB ({runs} interleaved runs, medians)")
    for name, figures in results.items():
        if figures:
            wall = statistics.median(wall for wall, _ in figures)
            cpu = statistics.median(cpu for _, cpu in figures)
            spread = ", ".join(f"{wall:.2f}" for wall, _ in figures)
            print(f"  {name:<8} {wall:.3f} s wall, {cpu:.3f} s CPU (runs: {spread})")
    if not pandoc:
        print("  pandoc: not found (see docs/performance.md)")


def per_format(paths: list[Path], formats: list[str]) -> None:
    """Median CPU time per brief and format, in this process (after a warm-up)."""
    import exporter

    articles = [exporter.parse(path) for path in paths[:200]]
    theme = exporter.load_theme()
    started = time.process_time()
    for path in paths[:200]:
        exporter.parse(path)
    reading = (time.process_time() - started) * 1000 / min(len(paths), 200)
    print(f"\n## CPU per brief and format, one warm process ({len(articles)} briefs, medians)")
    print(f"  read   {reading:6.2f} ms (mean; language detected: the briefs name none)")
    for name in formats:
        exporter.render(articles[0], name, theme)  # warm-up: imports, fonts, templates
        times = []
        for article in articles:
            started = time.process_time()
            exporter.render(article, name, theme)
            times.append((time.process_time() - started) * 1000)
        print(f"  {name:<6} {statistics.median(times):6.2f} ms")


def batch(
    folder: Path, paths: list[Path], formats: list[str], jobs: int, repeat: int, pandoc_briefs: int
) -> dict | None:
    pandoc = find_pandoc() if pandoc_briefs else None
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(exporter_run(folder, jobs, formats))
        if pandoc:
            with tempfile.TemporaryDirectory() as out:
                commands = [
                    command
                    for path in paths[:pandoc_briefs]
                    for command in pandoc_commands(pandoc, path, Path(out), formats)
                ]
                theirs.append(timed(lambda commands=commands: run_all(commands, jobs)))
    rates = [run["briefs"] / run["seconds"] for run in ours]
    cpu = statistics.median(run["cpu"] * 1000 / run["briefs"] for run in ours)
    print(f"\n## Batch: {len(paths)} briefs, {','.join(formats)}, {jobs} workers, files written")
    print(
        f"  exporter {statistics.median(rates):6.1f} briefs/s, {cpu:.1f} CPU ms per brief "
        f"(runs: {', '.join(f'{rate:.1f}' for rate in rates)})"
    )
    if not theirs:
        print("  pandoc: not found or --pandoc-briefs 0, no comparison")
        return ours[-1]
    count = min(pandoc_briefs, len(paths))
    pandoc_rate = statistics.median(count / wall for wall, _ in theirs)
    pandoc_cpu = statistics.median(cpu * 1000 / count for _, cpu in theirs)
    engine = pandoc_engine() or "no PDF engine"
    print(
        f"  pandoc   {pandoc_rate:6.1f} briefs/s, {pandoc_cpu:.0f} CPU ms per brief "
        f"({pandoc_version(pandoc)}, PDF via {engine}; {count} briefs, interleaved)"
    )
    print(
        f"  exporter / pandoc: {statistics.median(rates) / pandoc_rate:.1f}x the throughput, "
        f"{pandoc_cpu / cpu:.1f}x less CPU"
    )
    return ours[-1]


def memory(counts: list[int], formats: list[str], jobs: int) -> None:
    print(f"\n## Peak memory, convert_many to {','.join(formats)}, {jobs} workers")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            generate_briefs(Path(folder), count)
            run = exporter_run(Path(folder), jobs, formats)
        print(
            f"  {count:>6} briefs: main process {run['main_mb']:.0f} MB, largest worker "
            f"{run['worker_mb']:.0f} MB ({run['briefs'] / run['seconds']:.1f} briefs/s)"
        )


def dask(folder: Path, formats: list[str], jobs: int, local: dict | None) -> None:
    print(
        f"\n## Dask: LocalCluster of {jobs} worker processes (one thread each), {','.join(formats)}"
    )
    try:
        run = exporter_run(folder, jobs, formats, dask=True)
    except subprocess.CalledProcessError as error:
        print(f"  not measured: {error.stderr.strip().splitlines()[-1]} (pip install -e '.[dask]')")
        return
    rate = run["briefs"] / run["seconds"]
    print(
        f"  Dask       {rate:6.1f} briefs/s, {rate / jobs:5.1f} per worker, "
        f"{run['cpu'] * 1000 / run['briefs']:.1f} CPU ms per brief "
        f"(cluster start {run['cluster_seconds']:.1f} s, not counted)"
    )
    if local is not None:
        rate = local["briefs"] / local["seconds"]
        print(f"  local pool {rate:6.1f} briefs/s, {rate / jobs:5.1f} per worker (last batch run)")


def main() -> None:
    if sys.argv[1:2] == ["_run"]:
        folder, out, jobs, formats, *rest = sys.argv[2:]
        print(json.dumps(run_here(folder, out, int(jobs), formats, dask=rest == ["dask"])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=300)
    parser.add_argument("--formats", default="docx,pdf,epub")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3, help="batch runs (interleaved)")
    parser.add_argument("--fresh-runs", type=int, default=7, help="one-brief runs (interleaved)")
    parser.add_argument("--pandoc-briefs", type=int, default=40, help="pandoc is slow: fewer")
    parser.add_argument("--memory", default="100,10000", help="brief counts for peak memory")
    parser.add_argument("--memory-formats", default="epub")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"of {','.join(SECTIONS)}")
    args = parser.parse_args()
    sections = args.only.split(",")
    formats = args.formats.split(",")
    import exporter

    print(
        f"exporter {exporter.__version__}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    if "fresh" in sections:
        fresh_process(args.fresh_runs, find_pandoc())
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths = generate_briefs(folder, args.briefs)
        if "formats" in sections:
            per_format(paths, formats)
        local = None
        if "batch" in sections:
            local = batch(folder, paths, formats, args.jobs, args.repeat, args.pandoc_briefs)
        if "dask" in sections:
            dask(folder, formats, args.jobs, local)
    if "memory" in sections:
        memory(
            [int(count) for count in args.memory.split(",")],
            args.memory_formats.split(","),
            args.jobs,
        )


if __name__ == "__main__":
    main()
