#!/usr/bin/env python3
"""Font costs: converting a CJK font for the PDF, subsetting fonts for the DOCX, and start-up.

    .venv/bin/python benchmarks/bench_fonts.py [--repeat 3]

Each measurement runs in a fresh Python process, with an empty font cache (first run: what
a new machine, or a new set of characters, costs) or with the cache the previous run left
(cached: what every later run costs), and prints the median of --repeat runs in CPU
milliseconds of that process (wall time varies too much on a shared machine):

- the TrueType conversion of Noto Sans CJK for the distinct characters of the Chinese and
  Korean sample briefs (about 340), as the PDF writer makes it;
- the PDF of the Chinese brief, and the DOCX of the reference brief (which carries subsets of
  Noto Serif), start-up included;
- importing the DOCX writer, and whether a DOCX-only run imported reportlab or fontTools.

This is a benchmark, not a test: nothing here asserts a time. It needs fonts-noto-cjk for the
CJK rows (they are skipped without it).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"

# Each script prints a JSON object; "cpu_ms" is measured around the work it names.
_PRELUDE = """
import json, resource, sys, time
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000
"""

CONVERSION = (
    _PRELUDE
    + """
from pathlib import Path
from exporter.fonts import subsets
from exporter.fonts.discovery import resolve_face
from exporter.fonts.subsets import truetype_font
from exporter.theme import Font
def codepoints(paths):
    text = "".join(Path(path).read_text(encoding="utf-8") for path in paths)
    return frozenset(ord(c) for c in text if not c.isspace())
both, korean = codepoints(sys.argv[1:]), codepoints(sys.argv[2:])
file = resolve_face(Font("Noto Sans CJK"), "regular", "zh")
timed = {}
def time(name, characters):
    started = cpu()
    font = truetype_font(file, characters)
    timed[name] = cpu() - started
    return font
font = time("cpu_ms", both)
time("next_ms", korean)
time("memory_ms", both)
subsets._cached.cache_clear()
time("disk_ms", both)
print(json.dumps({**timed, "characters": len(both), "bytes": len(font.data)}))
"""
)

RENDER = (
    _PRELUDE
    + """
started = cpu()
import exporter
article = exporter.parse(sys.argv[2])
exporter.render_with_warnings(article, sys.argv[1])
print(json.dumps({"cpu_ms": cpu() - started,
                  "modules": sorted(m for m in ("reportlab", "ebooklib", "fontTools")
                                    if m in sys.modules)}))
"""
)

IMPORT_DOCX = (
    _PRELUDE
    + """
started = cpu()
import exporter.writers.docx
print(json.dumps({"cpu_ms": cpu() - started}))
"""
)


def run(script: str, cache: Path, *arguments: str) -> dict[str, object]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    completed = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def first_and_cached(
    script: str, repeat: int, *arguments: str
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """``repeat`` runs with an empty cache, each followed by one with the cache it left."""
    firsts, cached = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            firsts.append(run(script, Path(folder), *arguments))
            cached.append(run(script, Path(folder), *arguments))
    return firsts, cached


def median(results: list[dict[str, object]], key: str = "cpu_ms") -> float:
    return statistics.median(float(str(result[key])) for result in results)


def has_noto_cjk() -> bool:
    from exporter.fonts.fontconfig import installed_fonts

    return any(
        name.startswith("Noto Sans CJK") for font in installed_fonts() for name in font.families
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, medians of {args.repeat} runs, CPU ms per process")
    if has_noto_cjk():
        briefs = [str(SOURCES / "zh-wonsan-tourism.txt"), str(SOURCES / "ko-choe-wonsan.txt")]
        firsts, cached = first_and_cached(CONVERSION, args.repeat, *briefs)
        print(
            f"  Noto Sans CJK SC → TrueType, {firsts[0]['characters']} characters "
            f"({int(str(firsts[0]['bytes'])) // 1024} KB): first {median(firsts):.0f} ms "
            f"(font opened and read), other characters in the same process "
            f"{median(firsts, 'next_ms'):.0f} ms, again from memory "
            f"{median(firsts, 'memory_ms'):.2f} ms, from the disk cache "
            f"{median(firsts, 'disk_ms'):.1f} ms (in a new process: {median(cached):.1f} ms)"
        )
        zh = str(SOURCES / "zh-wonsan-tourism.txt")
        firsts, cached = first_and_cached(RENDER, args.repeat, "pdf", zh)
        print(
            f"  zh brief → PDF, whole process: first {median(firsts):.0f} ms, "
            f"cached {median(cached):.0f} ms"
        )
    else:
        print("  Noto CJK not installed (apt-get install fonts-noto-cjk): no CJK rows")
    reference = str(SOURCES / "000_9308d7e73d83f95c.txt")
    firsts, cached = first_and_cached(RENDER, args.repeat, "docx", reference)
    print(
        f"  reference brief → DOCX, whole process: first {median(firsts):.0f} ms, "
        f"cached {median(cached):.0f} ms; imported: first {firsts[0]['modules']}, "
        f"cached {cached[0]['modules']}"
    )
    with tempfile.TemporaryDirectory() as folder:
        imports = [run(IMPORT_DOCX, Path(folder)) for _ in range(args.repeat)]
    print(f"  import exporter.writers.docx: {median(imports):.0f} ms")


if __name__ == "__main__":
    main()
