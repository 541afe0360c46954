#!/usr/bin/env python3
"""Large-brief benchmark: is every stage linear in the brief's size?

    .venv/bin/python benchmarks/bench_large_briefs.py [--sizes 1,5,20] [--kinds plain,mixed]
                                                      [--formats json,markdown,html,docx,epub,pdf]
                                                      [--pdf-max-mb 5]

Generates briefs of 1, 5 and 20 MB (paragraphs of ~600 characters, a heading every 20
paragraphs) of plain English text and of mixed-script text (Latin, Greek, Cyrillic, Arabic,
CJK and symbols in every paragraph, so that the PDF needs fallback fonts all along), plus the
issue's pathological case (0.5 MB of ``a☃ `` in one paragraph), then times reading (decode and
parse) and each format in this process, and prints seconds, microseconds per byte and peak
memory. Linear stages show the same microseconds per byte at every size. PDF layout is by far
the slowest stage, so briefs over ``--pdf-max-mb`` skip it. This is a benchmark, not a test:
nothing here asserts a time; results go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import functools
import gc
import random
import resource
import time
from collections.abc import Callable
from pathlib import Path

import exporter

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
FOREIGN = [
    "καλημέρα κόσμε",
    "доброе утро мир",
    "مرحبا بالعالم",
    "你好世界今天",
    "日本語のテキスト",
    "☃ ★ ♫",
]


def plain_brief(size: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    words = REFERENCE.read_text(encoding="utf-8").split()
    return _brief(size, lambda: " ".join(rng.choice(words) for _ in range(90)) + ".")


def mixed_brief(size: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    words = REFERENCE.read_text(encoding="utf-8").split()

    def paragraph() -> str:
        parts = [
            " ".join(rng.choice(words) for _ in range(12)) + " " + rng.choice(FOREIGN)
            for _ in range(6)
        ]
        return " ".join(parts) + "."

    return _brief(size, paragraph)


def _brief(size: int, paragraph: Callable[[], str]) -> bytes:
    lines = ["---", "title: A Very Large Brief", "language: en", "---", "- The first key point."]
    total = 0
    number = 0
    while total < size:
        if number % 20 == 0:
            lines.append(f"Section {number // 20 + 1} And Its Outlook")
        text = paragraph()
        lines.append(text)
        total += len(text.encode()) + 1
        number += 1
    return ("\n".join(lines) + "\n").encode()


def snowmen(size: int) -> bytes:
    return b"Snowmen\n\n" + "a☃ ".encode() * (size // len("a☃ ".encode()))


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    started = time.process_time()
    action()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,5,20", help="brief sizes in MB")
    parser.add_argument("--kinds", default="plain,mixed")
    parser.add_argument("--formats", default="json,markdown,html,docx,epub,pdf")
    parser.add_argument("--pdf-max-mb", type=float, default=5.0)
    parser.add_argument("--snowmen-mb", type=float, default=0.5, help="0 to skip")
    args = parser.parse_args()
    formats = [name for name in args.formats.split(",") if name]
    warm = exporter.parse_text("Warm up\n\nText.", language="en")
    for name in formats:
        exporter.render(warm, name)
    cases: list[tuple[str, float, Callable[[int], bytes]]] = [
        (kind, float(mb), plain_brief if kind == "plain" else mixed_brief)
        for mb in args.sizes.split(",")
        for kind in args.kinds.split(",")
    ]
    if args.snowmen_mb:
        cases.append(("a☃ ", args.snowmen_mb, snowmen))
    print(f"{'brief':>8} {'MB':>5} {'stage':>9} {'CPU s':>8} {'µs/byte':>8} {'peak MB':>8}")
    for kind, mb, make in cases:
        data = make(int(mb * 1_000_000))
        parsed: list[exporter.Article] = []
        show(kind, mb, "read", timed(functools.partial(read_into, parsed, data)), data)
        for name in formats:
            if name != "pdf" or mb <= args.pdf_max_mb:
                render = functools.partial(exporter.render, parsed[0], name)
                show(kind, mb, name, timed(render), data)


def read_into(parsed: list[exporter.Article], data: bytes) -> None:
    parsed.append(exporter.parse_bytes(data))


def show(kind: str, mb: float, stage: str, seconds: float, data: bytes) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_byte = seconds / len(data) * 1e6
    line = f"{kind:>8} {mb:>5g} {stage:>9} {seconds:>8.2f} {per_byte:>8.2f} {peak:>8.0f}"
    print(line, flush=True)


if __name__ == "__main__":
    main()
