#!/usr/bin/env python3
"""Prove an optimisation changed no output byte: digest every render before and after.

    .venv/bin/python benchmarks/output_digests.py save /tmp/before.json   # on the old code
    .venv/bin/python benchmarks/output_digests.py check /tmp/before.json  # on the new code

Renders every brief in sources/ plus a few generated ones (those of bench_convert.py) with every
shipped theme to every built-in format, and records the SHA-256 of each output. ``check``
exits non-zero and names every output whose bytes differ. Those digests hold for one machine:
outputs carry the fonts found there.

    .venv/bin/python benchmarks/output_digests.py verify    # CI: against benchmarks/digests.json
    .venv/bin/python benchmarks/output_digests.py update    # after a change of output, on purpose

``verify`` checks the digests stored in the repository (:data:`STORED`), made by ``update``: of
the same renders, those that come out the same whether fontconfig sees every installed font or
DejaVu alone (as ``.ci/without-tools`` arranges) hold on any machine with the same Python
packages, and are always checked; the others (every DOCX names the fonts of the scripts it may
meet) are checked where fontconfig offers the same font files, as on CI, whose ``.ci/run``
installs the fonts the digests are made with. A mismatch names the outputs, and the packages
whose versions differ from those the digests were made with: a new release of reportlab, lxml,
python-docx, ebooklib or fontTools may change bytes too. See "Output digests" in CONTRIBUTING.md
for when to run ``update``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import zlib
from importlib import metadata
from pathlib import Path

import exporter
from exporter.reading import parse_bytes
from exporter.writers import available_writers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_convert import generate_briefs  # noqa: E402

#: The digests ``verify`` checks, kept in the repository.
STORED = Path(__file__).resolve().parent / "digests.json"
#: The packages whose releases may change output bytes, recorded with the digests.
PACKAGES = ("reportlab", "lxml", "python-docx", "ebooklib", "fonttools", "pyphen", "babel")


def digests(generated: int, *, portable: bool = False) -> dict[str, str]:
    """The digest of every render, by ``"BRIEF THEME FORMAT"``.

    ``portable`` names each brief by its file name alone when parsing it (the JSON model holds
    the name it is given), so that the digests do not depend on where the repository is.
    """
    found: dict[str, str] = {}
    # A fixed folder: the source path is part of some outputs (the JSON model).
    folder = Path(tempfile.gettempdir()) / "exporter-output-digests"
    folder.mkdir(exist_ok=True)
    briefs = sorted((ROOT / "sources").iterdir()) + generate_briefs(folder, generated)
    articles = {
        path.name: parse_bytes(path.read_bytes(), path.name) if portable else exporter.parse(path)
        for path in briefs
    }
    themes = [info.name for info in exporter.available_themes()]
    for theme_name in themes:
        theme = exporter.load_theme(theme_name)
        for writer in available_writers():
            for name, article in articles.items():
                key = f"{name} {theme_name} {writer.name}"
                try:
                    found[key] = hashlib.sha256(writer.render(article, theme)).hexdigest()
                except exporter.ExporterError as error:  # a CJK brief's PDF without CJK fonts
                    found[key] = f"refused: {type(error).__name__}"
    return found


def environment() -> dict[str, str]:
    """What the bytes depend on besides exporter's code and fonts."""
    versions = {"python": sys.version.split()[0], "zlib": zlib.ZLIB_RUNTIME_VERSION}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def differing(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    return sorted(
        key for key in recorded.keys() | current.keys() if recorded.get(key) != current.get(key)
    )


def update(generated: int) -> int:
    """Store the digests that do not depend on the installed fonts, and apart from them those
    that do, with the fonts they were made with (see the module's text)."""
    here = digests(generated, portable=True)
    with tempfile.TemporaryDirectory() as scratch:
        dejavu_only = Path(scratch) / "dejavu-only.json"
        command = [sys.executable, __file__, "save", str(dejavu_only), "--portable"]
        command += ["--generated", str(generated)]
        subprocess.run([str(ROOT / ".ci" / "without-tools"), *command], check=True)
        there = json.loads(dejavu_only.read_text())
    stable = {key: digest for key, digest in here.items() if there.get(key) == digest}
    document = {
        "environment": environment(),
        "generated": generated,
        "digests": stable,
        "fonts": installed_fonts(),
        "font_dependent_digests": {key: here[key] for key in here.keys() - stable.keys()},
    }
    STORED.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    print(f"stored {len(here)} digests in {STORED.relative_to(ROOT)}, {len(stable)} of them")
    print("the same with DejaVu alone; the others checked only where the same fonts are installed")
    return 0


def installed_fonts() -> str:
    """A fingerprint of the font files fontconfig offers: their paths and sizes."""
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}\\n"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "no fontconfig"
    files = sorted(set(filter(None, listing.splitlines())))
    text = "\n".join(f"{file} {Path(file).stat().st_size}" for file in files)
    return hashlib.sha256(text.encode()).hexdigest()


def verify() -> int:
    stored = json.loads(STORED.read_text())
    current = digests(stored["generated"], portable=True)
    recorded: dict[str, str] = dict(stored["digests"])
    same_fonts = stored["fonts"] == installed_fonts()
    if same_fonts:
        recorded |= stored["font_dependent_digests"]
    wrong = differing(recorded, {key: current.get(key, "missing") for key in recorded})
    for key in wrong:
        print(f"differs: {key}")
    print(f"{len(recorded) - len(wrong)} of {len(recorded)} stored outputs byte-identical")
    if not same_fonts:
        print(
            f"({len(stored['font_dependent_digests'])} more, which depend on the installed "
            "fonts, not checked: other fonts are installed here than where they were made)"
        )
    if not wrong:
        return 0
    changed = {
        name: (version, stored["environment"].get(name))
        for name, version in environment().items()
        if stored["environment"].get(name) != version
    }
    for name, (now, then) in changed.items():
        print(f"  {name} is {now} here; the digests were made with {then}")
    print(
        "If the change is intended (or comes from a new release of a package above), run\n"
        "  .venv/bin/python benchmarks/output_digests.py update\n"
        "and say why in the commit message (CONTRIBUTING.md, 'Output digests')."
    )
    return 1


def _briefs(every: dict[str, str], kept: dict[str, str]) -> list[str]:
    return sorted({key.split(" ")[0] for key in every.keys() - kept.keys()})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check", "verify", "update"])
    parser.add_argument("file", type=Path, nargs="?", help="for save and check")
    parser.add_argument("--generated", type=int, default=20, help="generated briefs to add")
    parser.add_argument("--portable", action="store_true", help="briefs named by file name")
    args = parser.parse_args()
    if args.action == "verify":
        return verify()
    if args.action == "update":
        return update(args.generated)
    if args.file is None:
        parser.error(f"{args.action} needs a file")
    current = digests(args.generated, portable=args.portable)
    if args.action == "save":
        args.file.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
        print(f"saved {len(current)} digests to {args.file}")
        return 0
    recorded = json.loads(args.file.read_text())
    wrong = differing(recorded, current)
    for key in wrong:
        print(f"differs: {key}")
    print(f"{len(current) - len(wrong)} of {len(current)} outputs byte-identical")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
