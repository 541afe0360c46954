#!/usr/bin/env python3
"""Throughput benchmark: generate realistic briefs, convert them, report the numbers.

    .venv/bin/python benchmarks/bench_convert.py [--briefs 1000] [--formats docx,pdf,epub]
                                                 [--repeat 3] [--pandoc-briefs 100]

Prints, for the generated briefs: milliseconds per brief per format (median, one process),
briefs per second for full, forced `convert_many` runs with 1 worker and with every core (the
median of --repeat runs, each run listed), and the peak memory of the run. Where pandoc is
installed it converts the first --pandoc-briefs briefs with pandoc (DOCX and EPUB; PDF with the
fastest engine it finds: wkhtmltopdf, then weasyprint, ...) on every core and prints the
throughput ratio. This is a benchmark, not a test: nothing here asserts a time. On a shared
machine, expect run-to-run noise: compare medians.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import exporter
from exporter.convert import convert_many

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"


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


def per_format_milliseconds(paths: list[Path], formats: list[str]) -> dict[str, float]:
    """Median render time per brief and format, in this process (after a warm-up)."""
    articles = [exporter.parse(path) for path in paths[:200]]
    theme = exporter.load_theme()
    medians = {}
    for name in formats:
        exporter.render(articles[0], name, theme)  # warm-up: imports, fonts, templates
        times = []
        for article in articles:
            started = time.perf_counter()
            exporter.render(article, name, theme)
            times.append((time.perf_counter() - started) * 1000)
        medians[name] = statistics.median(times)
    return medians


def full_run(folder: Path, formats: list[str], jobs: int) -> tuple[float, float]:
    """A complete, forced `convert_many` run into a fresh folder: briefs per second, and the
    CPU milliseconds per brief of all its processes (what the run costs on an idle machine)."""
    with tempfile.TemporaryDirectory() as out:
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        report = convert_many([folder], out, formats=formats, jobs=jobs, force=True)
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
    assert report.ok, report.failed[:3]
    return len(report.results) / seconds, cpu * 1000 / len(report.results)


def _cpu_seconds() -> float:
    """User and system time of this process and of its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def full_runs(
    folder: Path, formats: list[str], jobs: int, repeat: int
) -> tuple[list[float], float]:
    """The rate of each of ``repeat`` runs, and the median CPU milliseconds per brief."""
    runs = [full_run(folder, formats, jobs) for _ in range(repeat)]
    return [rate for rate, _ in runs], statistics.median(cpu for _, cpu in runs)


def pandoc_run(paths: list[Path], formats: list[str], jobs: int) -> tuple[float, float, str] | None:
    """Briefs per second and CPU milliseconds per brief (pandoc and its PDF engine included)
    for pandoc on the same briefs (Markdown reader), or None without pandoc."""
    if shutil.which("pandoc") is None:
        return None
    engine = next(
        (
            name
            for name in ("wkhtmltopdf", "weasyprint", "tectonic", "pdflatex")
            if shutil.which(name)
        ),
        None,
    )
    targets = [name for name in formats if name != "pdf" or engine]
    with tempfile.TemporaryDirectory() as out, ProcessPoolExecutor(jobs) as pool:
        commands = []
        for path in paths:
            for name in targets:
                command = ["pandoc", "-f", "markdown", str(path), "-o", f"{out}/{path.stem}.{name}"]
                if name == "pdf":
                    command.append(f"--pdf-engine={engine}")
                commands.append(command)
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        list(pool.map(_run_quietly, commands, chunksize=8))
        seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before  # the pool has exited: its children's time is counted
    note = ", ".join(targets) + (
        "" if "pdf" in targets or "pdf" not in formats else "; no PDF engine"
    )
    return len(paths) / seconds, cpu * 1000 / len(paths), note


def _run_quietly(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000)
    parser.add_argument("--formats", default="docx,pdf,epub")
    parser.add_argument("--pandoc-briefs", type=int, default=100, help="pandoc is slow: fewer")
    parser.add_argument("--repeat", type=int, default=3, help="full runs per worker count")
    args = parser.parse_args()
    formats = args.formats.split(",")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths = generate_briefs(folder, args.briefs)
        size = statistics.median(path.stat().st_size for path in paths)
        print(f"exporter {exporter.__version__}, Python {sys.version.split()[0]}, {cores} cores")
        print(f"{len(paths)} generated briefs, median {size / 1024:.1f} KB")
        for name, milliseconds in per_format_milliseconds(paths, formats).items():
            print(f"  {name:<5} {milliseconds:6.2f} ms per brief (median, one process)")
        rates = {}
        for jobs in sorted({1, cores}):
            runs, cpu = full_runs(folder, formats, jobs, args.repeat)
            rates[jobs] = statistics.median(runs)
            each = ", ".join(f"{rate:.1f}" for rate in runs)
            print(
                f"  convert_many, {jobs} worker(s): {rates[jobs]:7.1f} briefs/s median "
                f"({','.join(formats)}; runs: {each}); {cpu:.1f} CPU ms per brief"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  peak memory: {peak:.0f} MB main process, {children:.0f} MB largest worker")
        pandoc = (
            pandoc_run(paths[: args.pandoc_briefs], formats, cores) if args.pandoc_briefs else None
        )
        if pandoc is None:
            print("  pandoc: not installed (or --pandoc-briefs 0), no comparison")
        else:
            pandoc_rate, pandoc_cpu, note = pandoc
            same = [name for name in formats if name in note.split("; ")[0].split(", ")]
            # Measured again right after pandoc, so both see the same load on a shared machine.
            runs, cpu = full_runs(folder, same, cores, args.repeat)
            ours = statistics.median(runs)
            print(
                f"  pandoc ({note}), {cores} workers: {pandoc_rate:.1f} briefs/s, "
                f"{pandoc_cpu:.0f} CPU ms per brief; exporter on the same formats just after: "
                f"{ours:.1f} briefs/s, {cpu:.1f} CPU ms per brief; ratio {ours / pandoc_rate:.1f}x "
                f"in throughput, {pandoc_cpu / cpu:.1f}x in CPU"
            )


if __name__ == "__main__":
    main()
