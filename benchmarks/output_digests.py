#!/usr/bin/env python3
"""Prove an optimisation changed no output byte: digest every render before and after.

    .venv/bin/python benchmarks/output_digests.py save /tmp/before.json   # on the old code
    .venv/bin/python benchmarks/output_digests.py check /tmp/before.json  # on the new code

Renders every brief in sources/ plus a few generated ones (those of bench_convert.py) with every
shipped theme to every built-in format, and records the SHA-256 of each output. ``check``
exits non-zero and names every output whose bytes differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import exporter
from exporter.writers import available_writers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_convert import generate_briefs  # noqa: E402


def digests(generated: int) -> dict[str, str]:
    found: dict[str, str] = {}
    # A fixed folder: the source path is part of some outputs (the JSON model).
    folder = Path(tempfile.gettempdir()) / "exporter-output-digests"
    folder.mkdir(exist_ok=True)
    briefs = sorted((ROOT / "sources").iterdir()) + generate_briefs(folder, generated)
    articles = {path.name: exporter.parse(path) for path in briefs}
    themes = [info.name for info in exporter.available_themes()]
    for theme_name in themes:
        theme = exporter.load_theme(theme_name)
        for writer in available_writers():
            for name, article in articles.items():
                data = writer.render(article, theme)
                found[f"{name} {theme_name} {writer.name}"] = hashlib.sha256(data).hexdigest()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--generated", type=int, default=20, help="generated briefs to add")
    args = parser.parse_args()
    current = digests(args.generated)
    if args.action == "save":
        args.file.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
        print(f"saved {len(current)} digests to {args.file}")
        return 0
    recorded = json.loads(args.file.read_text())
    keys = recorded.keys() | current.keys()
    differing = sorted(key for key in keys if recorded.get(key) != current.get(key))
    for key in differing:
        print(f"differs: {key}")
    print(f"{len(current) - len(differing)} of {len(current)} outputs byte-identical")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
