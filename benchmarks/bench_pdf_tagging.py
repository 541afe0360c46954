#!/usr/bin/env python3
"""What tagging costs the PDF writer: CPU milliseconds per brief, tagged and untagged.

    .venv/bin/python benchmarks/bench_pdf_tagging.py [--briefs 200] [--repeat 3]

Renders the generated briefs of bench_convert.py (shaped like the reference brief) and every
brief in sources/ (Latin, Cyrillic, CJK, right to left) with the default theme, once with
``pdf.tagged = true`` and once with ``false``, alternating brief by brief so that a busy
machine slows both alike, and prints the median CPU time of each and the median of the
per-brief differences. CPU time, not wall time: other jobs on the machine do not count. This is
a benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import exporter
from exporter.theme import Theme, apply_options

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_convert import generate_briefs  # noqa: E402


def measure(articles: list[exporter.Article], repeat: int) -> tuple[float, float, float]:
    """Median CPU ms per brief tagged, untagged, and of the per-brief difference."""
    tagged = exporter.load_theme("default")
    untagged = apply_options(tagged, {"pdf.tagged": False})
    lenient = apply_options(tagged, {"pdf.missing_glyphs": "warn"})
    times: dict[str, list[float]] = {"tagged": [], "untagged": []}
    differences = []
    for _ in range(repeat):
        for article in articles:
            pair = {
                name: _cpu_ms(article, theme)
                for name, theme in (("untagged", untagged), ("tagged", lenient))
            }
            for name, value in pair.items():
                times[name].append(value)
            differences.append(pair["tagged"] - pair["untagged"])
    return (
        statistics.median(times["tagged"]),
        statistics.median(times["untagged"]),
        statistics.median(differences),
    )


def _cpu_ms(article: exporter.Article, theme: Theme) -> float:
    started = time.process_time()
    exporter.render(article, "pdf", theme)
    return (time.process_time() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--briefs", type=int, default=200, help="generated briefs")
    parser.add_argument("--repeat", type=int, default=3, help="rounds over every brief")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generated = [exporter.parse(path) for path in generate_briefs(Path(folder), options.briefs)]
    sources = [
        exporter.parse(path)
        for path in sorted((ROOT / "sources").iterdir())
        if path.suffix in (".txt", ".md")
    ]
    exporter.render(generated[0], "pdf")  # warm-up: imports, fonts, styles
    print(f"{'briefs':<28} {'tagged':>8} {'untagged':>9} {'difference':>11}  (CPU ms, medians)")
    for name, articles in ((f"{len(generated)} generated", generated), ("sources/", sources)):
        tagged, untagged, difference = measure(articles, options.repeat)
        print(f"{name:<28} {tagged:8.2f} {untagged:9.2f} {difference:11.2f}")


if __name__ == "__main__":
    main()
